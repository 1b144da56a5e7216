import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, isIPv4, type LookupFunction } from 'node:net';
import { embeddedIPv4, ipv6Groups } from '../../common/ipv6.js';
import { type Message, msg } from '../../common/i18n/message.js';

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/** Why an address may not receive webhooks; `null` for an ordinary public address. */
export type RefusedAddressKind =
  'unspecified' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'multicast' | 'cgnat' | 'reserved';

// Kinds are checked in the order they first appear: one inside a wider range of another (`::1` in `::/96`) first.
const REFUSED_RANGES: readonly (readonly [kind: RefusedAddressKind, network: string, prefix: number])[] = [
  ['unspecified', '0.0.0.0', 8],
  ['unspecified', '::', 128],
  ['loopback', '127.0.0.0', 8],
  ['loopback', '::1', 128],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['private', 'fec0::', 10], // deprecated site-local
  ['link-local', '169.254.0.0', 16],
  ['link-local', 'fe80::', 10],
  ['unique-local', 'fc00::', 7],
  ['multicast', '224.0.0.0', 4],
  ['multicast', 'ff00::', 8],
  ['cgnat', '100.64.0.0', 10],
  ['reserved', '192.0.0.0', 24],
  ['reserved', '192.0.2.0', 24],
  ['reserved', '198.18.0.0', 15],
  ['reserved', '198.51.100.0', 24],
  ['reserved', '203.0.113.0', 24],
  ['reserved', '240.0.0.0', 4],
  ['reserved', '::', 96], // deprecated IPv4-compatible addresses
  ['reserved', '64:ff9b:1::', 48], // local-use NAT64
  ['reserved', '100::', 64], // discard-only
  ['reserved', '2001:db8::', 32], // documentation
];

const REFUSED = new Map<RefusedAddressKind, BlockList>();
for (const [kind, network, prefix] of REFUSED_RANGES) {
  const list = REFUSED.get(kind) ?? new BlockList();
  list.addSubnet(network, prefix, isIPv4(network) ? 'ipv4' : 'ipv6');
  REFUSED.set(kind, list);
}

/**
 * Classifies an IP address (v4 or v6, brackets allowed). Non-public addresses come back with their kind;
 * IPv6 forms that carry an IPv4 address are judged by that address. Anything that is not an IP is `reserved`.
 */
export function classifyAddress(address: string): RefusedAddressKind | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const groups = ipv6Groups(bare);
  const ipv4 = groups ? embeddedIPv4(groups)?.ipv4 : isIPv4(bare) ? bare : undefined;
  if (!groups && !ipv4) return 'reserved';
  // A zone index (fe80::1%eth0) only ever goes with link-local addresses; BlockList does not take one.
  const [ip, family] = ipv4 ? [ipv4, 'ipv4' as const] : [bare.split('%')[0], 'ipv6' as const];
  for (const [kind, list] of REFUSED) if (list.check(ip, family)) return kind;
  return null;
}

function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

export type UrlCheck = { ok: true; url: string } | { ok: false; problem: Message };

/**
 * The registration rules for a webhook URL: parseable, at most 2048 characters, no credentials, `https:`
 * (plain `http:` only when private targets are allowed), and a host that is not `localhost` or a literal
 * non-public IP (unless allowed). Host names are resolved and judged again at every delivery.
 */
export function checkWebhookUrl(input: string, allowPrivateTargets: boolean): UrlCheck {
  if (input.length > WEBHOOK_URL_MAX_LENGTH)
    return { ok: false, problem: msg('field.urlTooLong', { max: WEBHOOK_URL_MAX_LENGTH }) };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, problem: msg('field.urlNotAbsolute') };
  }
  const schemes = allowPrivateTargets ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol))
    return { ok: false, problem: msg(allowPrivateTargets ? 'field.urlHttpsOrHttp' : 'field.urlHttps') };
  if (url.username || url.password) return { ok: false, problem: msg('field.urlCredentials') };
  if (!url.hostname) return { ok: false, problem: msg('field.urlNoHost') };
  if (!allowPrivateTargets) {
    if (isLocalhostName(url.hostname)) return { ok: false, problem: msg('field.urlLocalhost') };
    if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) {
      const kind = classifyAddress(url.hostname);
      if (kind) return { ok: false, problem: msg('field.urlAddress', { kind }) };
    }
  }
  if (url.href.length > WEBHOOK_URL_MAX_LENGTH)
    return { ok: false, problem: msg('field.urlTooLong', { max: WEBHOOK_URL_MAX_LENGTH }) };
  return { ok: true, url: url.href };
}

export class RefusedTargetError extends Error {
  override name = 'RefusedTargetError';
}

/** Every address a host name has, as the system resolver answers. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * The addresses a webhook host may be called at: refused (RefusedTargetError) when it is localhost or when any
 * of its addresses is not public. An IP literal is judged as it is, without DNS.
 */
export async function publicAddresses(hostname: string, resolve: Resolver = systemResolver): Promise<LookupAddress[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isLocalhostName(host)) throw new RefusedTargetError(`refused: ${host} is localhost`);
  const family = isIP(host);
  const addresses = family !== 0 ? [{ address: host, family }] : await resolve(host);
  if (addresses.length === 0) throw new RefusedTargetError(`refused: ${host} has no address`);
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind) throw new RefusedTargetError(`refused: ${host} resolves to a ${kind} address (${address})`);
  }
  return addresses;
}

/**
 * A `lookup` for http(s).request that resolves the name once, judges those addresses, and hands exactly them to
 * the connection: asking DNS again between the check and the connect would let a name that just answered a public
 * address answer 127.0.0.1 (DNS rebinding). TLS (SNI, certificate) and Host keep the name.
 */
export function publicOnlyLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    publicAddresses(hostname, resolve).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: Error) => callback(error, '', 0),
    );
  };
}
