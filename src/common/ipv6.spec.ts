import { embeddedIPv4, ipv6Groups } from './ipv6.js';

describe('ipv6Groups', () => {
  it('reads every spelling of one address as the same eight groups', () => {
    const groups = [0x2001, 0xdb8, 0xabcd, 0x12, 0, 0, 0, 0x99];
    for (const spelling of ['2001:db8:abcd:12::99', '2001:0DB8:ABCD:0012:0:0:0:0099', '2001:db8:abcd:12:0::99']) {
      expect(ipv6Groups(spelling)).toEqual(groups);
    }
  });

  it('expands `::` at either end, reads a trailing dotted quad and drops a zone index', () => {
    expect(ipv6Groups('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Groups('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('fe80::')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Groups('::ffff:192.0.2.33')).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x221]);
    expect(ipv6Groups('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('is null for IPv4 addresses and anything else', () => {
    for (const other of ['192.0.2.33', '[::1]', '1:2:3:4:5:6:7:8:9', 'unknown', '']) {
      expect(ipv6Groups(other)).toBeNull();
    }
  });
});

describe('embeddedIPv4', () => {
  const inside = (address: string) => embeddedIPv4(ipv6Groups(address)!);

  it('finds the IPv4 address in mapped, NAT64 and 6to4 addresses, however written', () => {
    expect(inside('::ffff:127.0.0.1')).toEqual({ carrier: 'mapped', ipv4: '127.0.0.1' });
    expect(inside('::FFFF:7f00:1')).toEqual({ carrier: 'mapped', ipv4: '127.0.0.1' });
    expect(inside('64:ff9b::a9fe:a9fe')).toEqual({ carrier: 'nat64', ipv4: '169.254.169.254' });
    expect(inside('64:ff9b::192.0.2.33')).toEqual({ carrier: 'nat64', ipv4: '192.0.2.33' });
    expect(inside('2002:c0a8:0101::1')).toEqual({ carrier: '6to4', ipv4: '192.168.1.1' });
  });

  it('is null for other addresses, the local-use NAT64 prefix included', () => {
    for (const other of ['::1', '::', '::a00:1', '2001:db8::1', '64:ff9b:1::a00:1', 'fe80::ffff:a00:1']) {
      expect(inside(other)).toBeNull();
    }
  });
});
