import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/** Why an address may not receive webhooks; `null` for an ordinary public address. */
export type RefusedAddressKind =
  'unspecified' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'multicast' | 'cgnat' | 'reserved';

interface Range {
  prefix: bigint;
  bits: number;
  kind: RefusedAddressKind;
}

function v4(text: string): bigint {
  return text.split('.').reduce((n, octet) => (n << 8n) | BigInt(Number(octet)), 0n);
}

const V4_RANGES: Range[] = [
  { prefix: v4('0.0.0.0'), bits: 8, kind: 'unspecified' },
  { prefix: v4('10.0.0.0'), bits: 8, kind: 'private' },
  { prefix: v4('100.64.0.0'), bits: 10, kind: 'cgnat' },
  { prefix: v4('127.0.0.0'), bits: 8, kind: 'loopback' },
  { prefix: v4('169.254.0.0'), bits: 16, kind: 'link-local' },
  { prefix: v4('172.16.0.0'), bits: 12, kind: 'private' },
  { prefix: v4('192.0.0.0'), bits: 24, kind: 'reserved' },
  { prefix: v4('192.0.2.0'), bits: 24, kind: 'reserved' },
  { prefix: v4('192.168.0.0'), bits: 16, kind: 'private' },
  { prefix: v4('198.18.0.0'), bits: 15, kind: 'reserved' },
  { prefix: v4('198.51.100.0'), bits: 24, kind: 'reserved' },
  { prefix: v4('203.0.113.0'), bits: 24, kind: 'reserved' },
  { prefix: v4('224.0.0.0'), bits: 4, kind: 'multicast' },
  { prefix: v4('240.0.0.0'), bits: 4, kind: 'reserved' },
];

/** Eight 16-bit groups of an IPv6 address (with or without an embedded dotted quad) as one number. */
function v6(text: string): bigint {
  let address = text;
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (quad) {
    const n = v4(quad[1]);
    address = `${address.slice(0, quad.index)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((n, group) => (n << 16n) | BigInt(parseInt(group, 16)), 0n);
}

const V6_RANGES: Range[] = [
  { prefix: v6('::'), bits: 128, kind: 'unspecified' },
  { prefix: v6('::1'), bits: 128, kind: 'loopback' },
  { prefix: v6('::'), bits: 96, kind: 'reserved' }, // deprecated IPv4-compatible addresses
  { prefix: v6('64:ff9b:1::'), bits: 48, kind: 'reserved' }, // local-use NAT64
  { prefix: v6('100::'), bits: 64, kind: 'reserved' }, // discard-only
  { prefix: v6('2001:db8::'), bits: 32, kind: 'reserved' }, // documentation
  { prefix: v6('fc00::'), bits: 7, kind: 'unique-local' },
  { prefix: v6('fe80::'), bits: 10, kind: 'link-local' },
  { prefix: v6('fec0::'), bits: 10, kind: 'private' }, // deprecated site-local
  { prefix: v6('ff00::'), bits: 8, kind: 'multicast' },
];

function inRange(value: bigint, width: number, range: Range): boolean {
  const shift = BigInt(width - range.bits);
  return value >> shift === range.prefix >> shift;
}

/** The IPv4 address an IPv6 address stands for: IPv4-mapped, NAT64 (well-known prefix) and 6to4. */
function embeddedV4(value: bigint): bigint | null {
  if (value >> 32n === 0xffffn) return value & 0xffffffffn; // ::ffff:a.b.c.d
  if (value >> 32n === v6('64:ff9b::') >> 32n) return value & 0xffffffffn;
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 2002:AABB:CCDD::/48
  return null;
}

function classifyV4(value: bigint): RefusedAddressKind | null {
  return V4_RANGES.find((range) => inRange(value, 32, range))?.kind ?? null;
}

/**
 * Classifies an IP address (v4 or v6, brackets allowed). Non-public addresses come back with their kind;
 * IPv6 forms that carry an IPv4 address are judged by that address. Anything that is not an IP is `reserved`.
 */
export function classifyAddress(address: string): RefusedAddressKind | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 4) return classifyV4(v4(bare));
  if (family !== 6) return 'reserved';
  // A zone index (fe80::1%eth0) only ever goes with link-local addresses.
  const value = v6(bare.split('%')[0]);
  const v4Inside = embeddedV4(value);
  if (v4Inside !== null) return classifyV4(v4Inside);
  return V6_RANGES.find((range) => inRange(value, 128, range))?.kind ?? null;
}

function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

export type UrlCheck = { ok: true; url: string } | { ok: false; problem: string };

/**
 * The registration rules for a webhook URL: parseable, at most 2048 characters, no credentials, `https:`
 * (plain `http:` only when private targets are allowed), and a host that is not `localhost` or a literal
 * non-public IP (unless allowed). Host names are resolved and judged again at every delivery.
 */
export function checkWebhookUrl(input: string, allowPrivateTargets: boolean): UrlCheck {
  if (input.length > WEBHOOK_URL_MAX_LENGTH)
    return { ok: false, problem: `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, problem: 'must be an absolute URL' };
  }
  const schemes = allowPrivateTargets ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) return { ok: false, problem: `must use ${schemes.join(' or ')}` };
  if (url.username || url.password) return { ok: false, problem: 'must not contain credentials' };
  if (!url.hostname) return { ok: false, problem: 'must name a host' };
  if (!allowPrivateTargets) {
    if (isLocalhostName(url.hostname)) return { ok: false, problem: 'must not point at localhost' };
    if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) {
      const kind = classifyAddress(url.hostname);
      if (kind) return { ok: false, problem: `must not point at a ${kind} address` };
    }
  }
  if (url.href.length > WEBHOOK_URL_MAX_LENGTH)
    return { ok: false, problem: `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters` };
  return { ok: true, url: url.href };
}

export class RefusedTargetError extends Error {
  override name = 'RefusedTargetError';
}

/**
 * Resolves a webhook host at delivery time and refuses it when any of its addresses is not public, so a
 * name that has come to point inside our network (DNS rebinding) is never called.
 */
export async function assertPublicHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isLocalhostName(host)) throw new RefusedTargetError(`refused: ${host} is localhost`);
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true, verbatim: true });
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind) throw new RefusedTargetError(`refused: ${host} resolves to a ${kind} address (${address})`);
  }
}
