import { isIPv6 } from 'node:net';

/**
 * The eight 16-bit groups of an IPv6 address however it is spelled (`::`, upper case, leading zeros, a
 * trailing dotted quad, a zone index); null for anything that is not an IPv6 address.
 */
export function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  const [head, tail] = address.split('%')[0].split('::') as [string, string | undefined];
  const parse = (part: string | undefined): number[] =>
    part
      ? part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a, b, c, d] = group.split('.').map(Number); // a dotted quad fills the last two groups
          return [(a << 8) | b, (c << 8) | d];
        })
      : [];
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

export type IPv4Carrier = 'mapped' | 'nat64' | '6to4';

/**
 * The IPv4 address an IPv6 address stands for, and the form carrying it: IPv4-mapped (`::ffff:0:0/96`),
 * NAT64's well-known prefix (`64:ff9b::/96`) or 6to4 (`2002::/16`); null for any other address.
 */
export function embeddedIPv4(groups: readonly number[]): { carrier: IPv4Carrier; ipv4: string } | null {
  const zero = (from: number, to: number): boolean => groups.slice(from, to).every((group) => group === 0);
  const dotted = (at: number): string =>
    [groups[at] >> 8, groups[at] & 0xff, groups[at + 1] >> 8, groups[at + 1] & 0xff].join('.');
  if (zero(0, 5) && groups[5] === 0xffff) return { carrier: 'mapped', ipv4: dotted(6) };
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return { carrier: 'nat64', ipv4: dotted(6) };
  if (groups[0] === 0x2002) return { carrier: '6to4', ipv4: dotted(1) };
  return null;
}

/**
 * The client a per-address budget belongs to. An IPv4 address is itself (also when written IPv4-mapped);
 * an IPv6 address counts as its /64, because one subscriber usually holds a whole /64 and could otherwise
 * take a fresh address, and a fresh budget, for every request.
 */
export function addressBucket(ip: string): string {
  const groups = ipv6Groups(ip);
  if (!groups) return ip;
  const inside = embeddedIPv4(groups);
  if (inside?.carrier === 'mapped') return inside.ipv4;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
