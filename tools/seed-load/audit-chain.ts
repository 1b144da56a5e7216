import { hash as sha } from 'node:crypto';
import { isoTime } from './calendar.js';
import type { ScreeningReason } from '../../src/modules/declarations/declaration-status.js';

/** One audit record's fields as `audit_payload()` reads them (GateClearance migration). */
export interface ChainedFields {
  declarationId: string;
  stepId: string | null;
  action: string;
  from: string | null;
  to: string | null;
  actor: string;
  agency: string | null;
  gate: string;
  note: string | null;
  reasons: ScreeningReason[] | null;
  at: number;
}

/** PostgreSQL's `jsonb::text` of a reasons array: keys ordered by length then bytes, `": "` and `", "` separators. */
export function jsonbReasons(reasons: readonly ScreeningReason[]): string {
  return `[${reasons.map((r) => `{"code": ${JSON.stringify(r.code)}, "message": ${JSON.stringify(r.message)}}`).join(', ')}]`;
}

/** `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` given the instant's `toISOString()` (whole ms). */
export function microsecondsUtc(iso: string): string {
  return `${iso.slice(0, 23)}000Z`;
}

/** The text `audit_payload(e)` builds: the fields joined by `|`, nulls as empty text. */
export function auditPayload(seq: number, e: ChainedFields, iso = isoTime(e.at)): string {
  const reasons = e.reasons ? jsonbReasons(e.reasons) : '';
  return `${seq}|${e.declarationId}|${e.stepId ?? ''}|${e.action}|${e.from ?? ''}|${e.to ?? ''}|${e.actor}|${e.agency ?? ''}|${e.gate}|${e.note ?? ''}|${reasons}|${microsecondsUtc(iso)}`;
}

/**
 * The audit hash chain computed in Node exactly as the `audit_chain_append()` trigger does:
 * `hash = sha256(prev_hash || convert_to(audit_payload(record), 'UTF8'))`, seq counting on from the head.
 */
export class AuditChain {
  // prev_hash ‖ payload is assembled here, not in a new buffer per record (millions of them).
  private scratch = Buffer.alloc(4096);

  constructor(
    public seq: number,
    public hash: Buffer,
  ) {}

  /** Appends a record; `iso` is its `at` as `toISOString()`, when the caller has it already. */
  append(e: ChainedFields, iso?: string): { seq: number; prevHash: Buffer; hash: Buffer } {
    const prevHash = this.hash;
    this.seq += 1;
    const payload = auditPayload(this.seq, e, iso);
    const length = prevHash.length + Buffer.byteLength(payload, 'utf8');
    if (length > this.scratch.length) this.scratch = Buffer.alloc(2 * length);
    prevHash.copy(this.scratch, 0);
    this.scratch.write(payload, prevHash.length, 'utf8');
    this.hash = sha('sha256', this.scratch.subarray(0, length), 'buffer');
    return { seq: this.seq, prevHash, hash: this.hash };
  }
}
