import { stableStringify } from './stable-json.js';

describe('stableStringify', () => {
  it('ignores key order at every depth', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      stableStringify({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('keeps array order and distinguishes types', () => {
    expect(stableStringify([1, 2])).not.toBe(stableStringify([2, 1]));
    expect(stableStringify({ a: '1' })).not.toBe(stableStringify({ a: 1 }));
  });
});
