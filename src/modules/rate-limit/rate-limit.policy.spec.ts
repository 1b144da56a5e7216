import { addressBucket } from '../../common/ipv6.js';
import { rateLimitScope, rateLimitVerdict } from './rate-limit.policy.js';

describe('rate-limit scope', () => {
  it('puts the unauthenticated lookups and the gate board, with its live stream, in the public budget', () => {
    expect(rateLimitScope('/api/v1/vehicles/:plate/status')).toBe('public');
    expect(rateLimitScope('/api/v1/vehicles/:plate/events')).toBe('public');
    expect(rateLimitScope('/api/v1/gates')).toBe('public');
    expect(rateLimitScope('/api/v1/gates/')).toBe('public');
    expect(rateLimitScope('/api/v1/gates/:gate/board')).toBe('public');
    expect(rateLimitScope('/api/v1/gates/:gate/board/stream')).toBe('public');
    expect(rateLimitScope('/api/v1/gates/:code/board')).toBe('public');
  });

  it('puts declarations and webhooks in the per-key company budget', () => {
    expect(rateLimitScope('/api/v1/declarations')).toBe('company');
    expect(rateLimitScope('/api/v1/declarations/:id')).toBe('company');
    expect(rateLimitScope('/api/v1/declarations/:id/qr.png')).toBe('company');
    expect(rateLimitScope('/api/v1/webhooks')).toBe('company');
    expect(rateLimitScope('/api/v1/webhooks/:id/deliveries')).toBe('company');
  });

  it('leaves officer routes, operations endpoints and unmatched requests alone', () => {
    for (const route of [
      '/api/v1/gates/:gate/check-ins',
      '/api/v1/gates/:gate/queues/:agency/claim',
      '/api/v1/gates/:gate/amendment-requests',
      '/api/v1/auth/login',
      '/api/v1/steps/:id/decision',
      '/api/v1/vehiclesx',
      '/api/v1/declarationsx',
      '/health',
      '/metrics',
      '/admin/queues',
      '/api/docs-json',
      undefined,
    ]) {
      expect(rateLimitScope(route)).toBeNull();
    }
  });
});

describe('address bucket', () => {
  it('keeps IPv4 addresses, also when written IPv4-mapped', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(addressBucket('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('counts IPv6 clients per /64, however the address is spelled', () => {
    expect(addressBucket('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd:12::/64');
    expect(addressBucket('2001:0db8:abcd:0012::99')).toBe('2001:db8:abcd:12::/64');
    expect(addressBucket('2001:DB8:ABCD:12::1')).toBe('2001:db8:abcd:12::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBucket('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('passes anything else through unchanged', () => {
    expect(addressBucket('unknown')).toBe('unknown');
  });
});

describe('rate-limit verdict', () => {
  it('allows up to the limit, counting down the remaining requests', () => {
    expect(rateLimitVerdict(5, { allowed: true, remaining: 4, resetMs: 60_000 })).toEqual({
      allowed: true,
      retryAfterSeconds: 60,
      headers: { 'ratelimit-limit': '5', 'ratelimit-remaining': '4', 'ratelimit-reset': '60' },
    });
    const last = rateLimitVerdict(5, { allowed: true, remaining: 0, resetMs: 1_200 });
    expect(last.headers['ratelimit-remaining']).toBe('0');
    expect(last.allowed).toBe(true);
  });

  it('refuses with Retry-After in whole seconds, at least one, and nothing remaining', () => {
    const refused = rateLimitVerdict(5, { allowed: false, remaining: 3, resetMs: 12_001 });
    expect(refused.allowed).toBe(false);
    expect(refused.headers).toEqual({
      'ratelimit-limit': '5',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '13',
      'retry-after': '13',
    });
    expect(rateLimitVerdict(5, { allowed: false, remaining: 0, resetMs: 0 }).headers['retry-after']).toBe('1');
  });

  it('never reports more remaining than the limit or less than none', () => {
    expect(rateLimitVerdict(5, { allowed: true, remaining: 9, resetMs: 1_000 }).headers['ratelimit-remaining']).toBe(
      '5',
    );
    expect(rateLimitVerdict(5, { allowed: true, remaining: -1, resetMs: 1_000 }).headers['ratelimit-remaining']).toBe(
      '0',
    );
  });
});
