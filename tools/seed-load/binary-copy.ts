const CHUNK_BYTES = 1 << 20;
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 4_294_967_296;
const DAY_MS = 86_400_000;
/** Signature, flags and header-extension length that open every binary COPY stream. */
const HEADER = Buffer.from([...Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), 0, 0, 0, 0, 0, 0, 0, 0]);
const TRAILER = Buffer.from([0xff, 0xff]);

const NIBBLE = new Uint8Array(128);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) NIBBLE[97 + i] = NIBBLE[65 + i] = 10 + i;

/**
 * Rows in PostgreSQL's binary COPY format, written straight into 1 MiB buffers: no text for the server to
 * parse (timestamps, uuids, bytea are its own binary forms), and no big strings for Node to build and convert.
 * Each field must be written with the exact type of its column.
 */
export class BinaryCopyWriter {
  private chunks: Buffer[] = [];
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  rows = 0;

  constructor() {
    this.raw(HEADER);
  }

  row(fieldCount: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(fieldCount, this.pos);
    this.pos += 2;
    this.rows += 1;
    return this;
  }

  null(): this {
    this.ensure(4);
    this.buf.writeInt32BE(-1, this.pos);
    this.pos += 4;
    return this;
  }

  text(value: string | null): this {
    if (value === null) return this.null();
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.ensure(4 + 3 * value.length);
    const length = this.buf.write(value, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(length, this.pos);
    this.pos += 4 + length;
    return this;
  }

  /** jsonb's binary form: a version byte (1), then the JSON text. */
  jsonb(json: string): this {
    this.ensure(5 + 3 * json.length);
    const length = this.buf.write(json, this.pos + 5, 'utf8');
    this.buf.writeInt32BE(length + 1, this.pos);
    this.buf[this.pos + 4] = 1;
    this.pos += 5 + length;
    return this;
  }

  int4(value: number | null): this {
    if (value === null) return this.null();
    this.ensure(8);
    this.buf.writeInt32BE(4, this.pos);
    this.buf.writeInt32BE(value, this.pos + 4);
    this.pos += 8;
    return this;
  }

  int8(value: number | null): this {
    if (value === null) return this.null();
    this.ensure(12);
    this.buf.writeInt32BE(8, this.pos);
    this.int64At(value, this.pos + 4);
    this.pos += 12;
    return this;
  }

  bool(value: boolean): this {
    this.ensure(5);
    this.buf.writeInt32BE(1, this.pos);
    this.buf[this.pos + 4] = value ? 1 : 0;
    this.pos += 5;
    return this;
  }

  /** timestamptz: microseconds since 2000-01-01 UTC, from whole milliseconds. */
  timestamptz(ms: number | null): this {
    if (ms === null) return this.null();
    this.ensure(12);
    this.buf.writeInt32BE(8, this.pos);
    this.int64At((ms - PG_EPOCH_MS) * 1000, this.pos + 4);
    this.pos += 12;
    return this;
  }

  /** date: days since 2000-01-01, from `YYYY-MM-DD`. */
  date(day: string): this {
    return this.int4((Date.parse(`${day}T00:00:00Z`) - PG_EPOCH_MS) / DAY_MS);
  }

  uuid(value: string | null): this {
    if (value === null) return this.null();
    this.ensure(20);
    this.buf.writeInt32BE(16, this.pos);
    let at = this.pos + 4;
    for (let i = 0; i < 36; i += 2) {
      if (value.charCodeAt(i) === 45) i += 1; // '-'
      this.buf[at++] = (NIBBLE[value.charCodeAt(i)] << 4) | NIBBLE[value.charCodeAt(i + 1)];
    }
    this.pos += 20;
    return this;
  }

  bytea(value: Buffer): this {
    this.ensure(4 + value.length);
    this.buf.writeInt32BE(value.length, this.pos);
    value.copy(this.buf, this.pos + 4);
    this.pos += 4 + value.length;
    return this;
  }

  /** The stream so far, ended by the trailer; the writer is spent. */
  finish(): Buffer[] {
    this.raw(TRAILER);
    this.chunks.push(this.buf.subarray(0, this.pos));
    return this.chunks;
  }

  private raw(bytes: Buffer): void {
    this.ensure(bytes.length);
    bytes.copy(this.buf, this.pos);
    this.pos += bytes.length;
  }

  private int64At(value: number, at: number): void {
    const high = Math.floor(value / TWO_32);
    this.buf.writeInt32BE(high, at);
    this.buf.writeUInt32BE(value - high * TWO_32, at + 4);
  }

  private ensure(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    this.chunks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.pos = 0;
  }
}
