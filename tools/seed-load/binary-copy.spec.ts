import { BinaryCopyWriter } from './binary-copy.js';

/** Reads back the one row a writer holds: each field's bytes, or null. */
function fieldsOf(w: BinaryCopyWriter): (Buffer | null)[] {
  const all = Buffer.concat(w.finish());
  expect(all.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  let at = 19;
  const count = all.readInt16BE(at);
  at += 2;
  const fields: (Buffer | null)[] = [];
  for (let i = 0; i < count; i++) {
    const length = all.readInt32BE(at);
    at += 4;
    fields.push(length < 0 ? null : all.subarray(at, (at += length)));
  }
  expect(all.readInt16BE(at)).toBe(-1);
  expect(all.length).toBe(at + 2);
  return fields;
}

describe('binary COPY writer', () => {
  it('writes each type in PostgreSQL binary form', () => {
    const w = new BinaryCopyWriter();
    w.row(10)
      .uuid('0b3f5c1e-2d4a-4b6c-8d9e-0f1a2b3c4d5e')
      .text('Nguyễn Văn An')
      .int4(-3)
      .int8(5_000_000_000)
      .bool(true)
      .timestamptz(Date.UTC(2000, 0, 1, 0, 0, 1, 500))
      .date('2000-01-03')
      .jsonb('[]')
      .bytea(Buffer.from([0, 255]))
      .null();
    const [uuid, text, int4, int8, bool, ts, date, jsonb, bytea, nothing] = fieldsOf(w);
    expect(uuid?.toString('hex')).toBe('0b3f5c1e2d4a4b6c8d9e0f1a2b3c4d5e');
    expect(text?.toString('utf8')).toBe('Nguyễn Văn An');
    expect(int4?.readInt32BE(0)).toBe(-3);
    expect(int8?.readBigInt64BE(0)).toBe(5_000_000_000n);
    expect([...(bool ?? [])]).toEqual([1]);
    expect(ts?.readBigInt64BE(0)).toBe(1_500_000n);
    expect(date?.readInt32BE(0)).toBe(2);
    expect([...(jsonb ?? [])]).toEqual([1, ...Buffer.from('[]')]);
    expect([...(bytea ?? [])]).toEqual([0, 255]);
    expect(nothing).toBeNull();
  });

  it('encodes a timestamp of today exactly (microseconds beyond 32 bits)', () => {
    const w = new BinaryCopyWriter();
    const t = Date.UTC(2026, 10, 27, 15, 4, 5, 678);
    w.row(1).timestamptz(t);
    const [ts] = fieldsOf(w);
    expect(ts?.readBigInt64BE(0)).toBe(BigInt(t - Date.UTC(2000, 0, 1)) * 1000n);
  });

  it('spreads rows over several buffers without cutting a field', () => {
    const w = new BinaryCopyWriter();
    const long = 'ạ'.repeat(200_000);
    for (let i = 0; i < 12; i++) w.row(1).text(long);
    const all = Buffer.concat(w.finish());
    expect(w.rows).toBe(12);
    expect(all.length).toBe(19 + 12 * (2 + 4 + Buffer.byteLength(long)) + 2);
  });
});
