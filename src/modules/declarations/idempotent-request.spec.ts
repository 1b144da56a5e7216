import { optionalIdempotencyKey, writeRequestHash } from './idempotent-request.js';

describe('writeRequestHash', () => {
  const base = { method: 'PATCH', route: '/api/v1/declarations/:id', params: { id: 'a' }, body: { x: 1, y: [1, 2] } };

  it('hashes the same request alike whatever the order of object keys', () => {
    expect(writeRequestHash({ ...base, body: { y: [1, 2], x: 1 } })).toBe(writeRequestHash(base));
  });

  it('tells apart another method, route, parameter or body', () => {
    const hash = writeRequestHash(base);
    expect(writeRequestHash({ ...base, method: 'POST' })).not.toBe(hash);
    expect(writeRequestHash({ ...base, route: '/api/v1/declarations/:id/cancel' })).not.toBe(hash);
    expect(writeRequestHash({ ...base, params: { id: 'b' } })).not.toBe(hash);
    expect(writeRequestHash({ ...base, body: { x: 1, y: [2, 1] } })).not.toBe(hash);
  });

  it('hashes a gate in the path in its canonical form, as the route reads it', () => {
    const close = { method: 'POST', route: '/api/v1/gates/:gate/close', params: { gate: 'HUU_NGHI' }, body: {} };
    expect(writeRequestHash({ ...close, params: { gate: 'huu_nghi' } })).toBe(writeRequestHash(close));
    expect(writeRequestHash({ ...close, params: { gate: 'TAN_THANH' } })).not.toBe(writeRequestHash(close));
    expect(writeRequestHash({ ...close, params: { gate: 'nowhere' } })).not.toBe(writeRequestHash(close));
  });

  it('takes no body and an empty one as different requests, and no body as null', () => {
    expect(writeRequestHash({ ...base, body: undefined })).toBe(writeRequestHash({ ...base, body: null }));
    expect(writeRequestHash({ ...base, body: undefined })).not.toBe(writeRequestHash({ ...base, body: {} }));
  });
});

describe('optionalIdempotencyKey', () => {
  it('is undefined without the header and the key with a valid one', () => {
    expect(optionalIdempotencyKey(undefined)).toBeUndefined();
    expect(optionalIdempotencyKey('retry-7f0c2a40')).toBe('retry-7f0c2a40');
  });

  it.each([[''], ['two words'], ['x'.repeat(256)], [['a', 'b']]])(
    'refuses malformed header #%# with KEY_INVALID',
    (header) => {
      expect(() => optionalIdempotencyKey(header)).toThrow(
        expect.objectContaining({ code: 'IDEMPOTENCY.KEY_INVALID' }),
      );
    },
  );
});
