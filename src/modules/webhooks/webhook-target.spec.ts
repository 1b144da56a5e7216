import { renderMessage } from '../../common/i18n/message.js';
import type { LookupAddress } from 'node:dns';
import {
  checkWebhookUrl,
  classifyAddress,
  publicAddresses,
  publicOnlyLookup,
  type Resolver,
} from './webhook-target.js';

describe('webhook target addresses', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:a00:5]', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:c0a8:0101::1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['::a00:1', 'reserved'],
    ['64:ff9b:1::a00:1', 'reserved'],
    ['100::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['fec0::1', 'private'],
    ['fe80::1%eth0', 'link-local'],
    ['not-an-ip', 'reserved'],
  ])('refuses %s as %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '113.160.0.1',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '2002:808:808::1',
  ])('accepts the public address %s', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });
});

describe('webhook URL rules', () => {
  const refused = (url: string, allowPrivate = false): string => {
    const check = checkWebhookUrl(url, allowPrivate);
    if (check.ok) throw new Error(`${url} was accepted`);
    return renderMessage('en', check.problem);
  };

  it('accepts a public https URL and returns it normalised', () => {
    expect(checkWebhookUrl('https://Hooks.Example.com/border-gate?x=1', false)).toEqual({
      ok: true,
      url: 'https://hooks.example.com/border-gate?x=1',
    });
  });

  it('refuses plain http, other schemes, credentials and unparseable input', () => {
    expect(refused('http://hooks.example.com/')).toBe('must use https:');
    expect(refused('ftp://hooks.example.com/')).toBe('must use https:');
    expect(refused('ftp://hooks.example.com/', true)).toBe('must use https: or http:');
    expect(refused('https://user:pw@hooks.example.com/')).toBe('must not contain credentials');
    expect(refused('https://user@hooks.example.com/', true)).toBe('must not contain credentials');
    expect(refused('hooks.example.com/path')).toBe('must be an absolute URL, like https://example.com/hooks');
    expect(refused(`https://hooks.example.com/${'a'.repeat(2048)}`)).toBe('must be at most 2048 characters');
  });

  it('refuses localhost and literal non-public addresses in any spelling', () => {
    expect(refused('https://localhost/hook')).toBe('must not point at localhost');
    expect(refused('https://api.localhost./hook')).toBe('must not point at localhost');
    expect(refused('https://127.0.0.1/')).toBe('must not point at a loopback address');
    expect(refused('https://2130706433/')).toBe('must not point at a loopback address');
    expect(refused('https://0x7f.1/')).toBe('must not point at a loopback address');
    expect(refused('https://10.0.0.5/')).toBe('must not point at a private address');
    expect(refused('https://[::1]/')).toBe('must not point at a loopback address');
    expect(refused('https://[::ffff:127.0.0.1]/')).toBe('must not point at a loopback address');
    expect(refused('https://0.0.0.0/')).toBe('must not point at a unspecified address');
    expect(refused('https://[fd00::1]:8443/')).toBe('must not point at a unique-local address');
  });

  it('allows private targets and plain http only when configured to', () => {
    expect(checkWebhookUrl('http://127.0.0.1:8080/hook', true)).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8080/hook',
    });
    expect(checkWebhookUrl('https://localhost/hook', true).ok).toBe(true);
  });
});

/** A resolver answering `answer(n)` on its n-th call, and counting its calls. */
function countingResolver(answer: (call: number) => LookupAddress[]): Resolver & { calls: number } {
  const resolve = Object.assign((): Promise<LookupAddress[]> => Promise.resolve(answer((resolve.calls += 1))), {
    calls: 0,
  });
  return resolve;
}

describe('delivery-time host check', () => {
  it('refuses a name that resolves to loopback, and literal private addresses', async () => {
    await expect(publicAddresses('localhost')).rejects.toThrow('localhost');
    await expect(publicAddresses('[::1]')).rejects.toThrow('loopback');
    await expect(publicAddresses('10.1.2.3')).rejects.toThrow('private address (10.1.2.3)');
  });

  it('lets a literal public address through without asking DNS', async () => {
    const resolve = countingResolver(() => []);
    await expect(publicAddresses('8.8.8.8', resolve)).resolves.toEqual([{ address: '8.8.8.8', family: 4 }]);
    expect(resolve.calls).toBe(0);
  });

  it('refuses a name when any one of its addresses is not public', async () => {
    const resolve: Resolver = () =>
      Promise.resolve([
        { address: '93.184.215.14', family: 4 },
        { address: '169.254.169.254', family: 4 },
      ]);
    await expect(publicAddresses('hooks.example.com', resolve)).rejects.toThrow('link-local address (169.254.169.254)');
  });
});

describe('publicOnlyLookup', () => {
  /** Answers a public address the first time and loopback ever after: a DNS-rebinding name. */
  const rebindingResolver = () =>
    countingResolver((call) => [{ address: call === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }]);

  function lookupOnce(
    resolve: Resolver,
    all: boolean,
  ): Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number }> {
    return new Promise((done) =>
      publicOnlyLookup(resolve)('hooks.example.com', { all }, (error, address, family) =>
        done({ error, address, family }),
      ),
    );
  }

  it('hands the connection exactly the addresses it checked, from one resolution', async () => {
    const resolve = rebindingResolver();
    expect(await lookupOnce(resolve, false)).toEqual({ error: null, address: '93.184.215.14', family: 4 });
    expect(resolve.calls).toBe(1);
  });

  it('answers the list form (used with autoSelectFamily) from the same checked addresses', async () => {
    const resolve = rebindingResolver();
    const { error, address } = await lookupOnce(resolve, true);
    expect(error).toBeNull();
    expect(address).toEqual([{ address: '93.184.215.14', family: 4 }]);
  });

  it('fails the connection when the name resolves to loopback', async () => {
    const resolve = rebindingResolver();
    await lookupOnce(resolve, false); // the public answer, used up
    const { error } = await lookupOnce(resolve, false);
    expect(error?.message).toBe('refused: hooks.example.com resolves to a loopback address (127.0.0.1)');
  });
});
