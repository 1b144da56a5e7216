import { DomainError } from '../../common/errors/domain-error.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

describe('page cursor', () => {
  it('round-trips the position', () => {
    const cursor = { createdAt: '2026-11-27T01:02:03.456Z', id: '0b6f8c1e-2f4a-4d3b-9a51-6f0e2f1d9c11' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses a forged or damaged cursor with a field error', () => {
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow(DomainError);
    expect(() => decodeCursor(Buffer.from('2026-11-27T00:00:00Z|x').toString('base64url'))).toThrow(/cursor/);
  });
});
