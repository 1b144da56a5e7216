import { leaseBlockSize, TokenLease } from './token-lease.js';

describe('lease block size', () => {
  it('is a twentieth of the limit, at least one and at most fifty', () => {
    expect(leaseBlockSize(1)).toBe(1);
    expect(leaseBlockSize(5)).toBe(1);
    expect(leaseBlockSize(39)).toBe(1);
    expect(leaseBlockSize(40)).toBe(2);
    expect(leaseBlockSize(600)).toBe(30);
    expect(leaseBlockSize(1_000)).toBe(50);
    expect(leaseBlockSize(1_000_000)).toBe(50);
  });
});

describe('token lease', () => {
  it('admits as many requests as it was granted, counting down what the window has left', () => {
    // Limit 100; this process was granted 3, which brought the window to 40.
    const lease = new TokenLease(100, { granted: 3, count: 40, resetMs: 30_000 }, 1_000);
    expect(lease.take(1_000)).toEqual({ allowed: true, remaining: 62, resetMs: 30_000 });
    expect(lease.take(2_000)).toEqual({ allowed: true, remaining: 61, resetMs: 29_000 });
    expect(lease.take(2_500)).toEqual({ allowed: true, remaining: 60, resetMs: 28_500 });
  });

  it('asks for a new lease once its tokens are spent while Redis has more', () => {
    const lease = new TokenLease(100, { granted: 1, count: 40, resetMs: 30_000 }, 0);
    expect(lease.take(0)?.allowed).toBe(true);
    expect(lease.take(0)).toBeNull();
  });

  it('spends the last tokens of a window, then refuses until the window ends', () => {
    const lease = new TokenLease(5, { granted: 2, count: 5, resetMs: 10_000 }, 0);
    expect(lease.take(0)).toEqual({ allowed: true, remaining: 1, resetMs: 10_000 });
    expect(lease.take(1)).toEqual({ allowed: true, remaining: 0, resetMs: 9_999 });
    expect(lease.take(4_000)).toEqual({ allowed: false, remaining: 0, resetMs: 6_000 });
    expect(lease.take(9_999)).toEqual({ allowed: false, remaining: 0, resetMs: 1 });
    expect(lease.take(10_000)).toBeNull();
  });

  it('refuses at once when Redis granted nothing', () => {
    const lease = new TokenLease(5, { granted: 0, count: 5, resetMs: 10_000 }, 0);
    expect(lease.take(0)).toEqual({ allowed: false, remaining: 0, resetMs: 10_000 });
  });

  it('drops unspent tokens when the window ends, timed from when the lease was asked for', () => {
    const lease = new TokenLease(100, { granted: 10, count: 10, resetMs: 60_000 }, 5_000);
    expect(lease.expired(64_999)).toBe(false);
    expect(lease.take(64_999)?.allowed).toBe(true);
    expect(lease.expired(65_000)).toBe(true);
    expect(lease.take(65_000)).toBeNull();
  });

  it('reports nothing left when the limit is below what Redis already counted', () => {
    const lease = new TokenLease(5, { granted: 0, count: 8, resetMs: 1_000 }, 0);
    expect(lease.take(0)).toEqual({ allowed: false, remaining: 0, resetMs: 1_000 });
  });
});
