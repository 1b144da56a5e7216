import { describe, expect, it } from '@jest/globals';
import { newIdempotencyKey } from './idempotency';

describe('Idempotency-Key of an officer action', () => {
  it('is a fresh UUID v4 each time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(100);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
