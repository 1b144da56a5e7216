import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsIn } from '../../database/sql.js';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import type { DeclarationStatus } from './declaration-status.js';

/** A sealed audit record with what it was about: its declaration, that declaration's status then, its step. */
export interface AuditRecordRow {
  seq: string;
  action: string;
  to_status: string | null;
  at: Date;
  declaration_id: string;
  company_id: string;
  reference: string;
  plate: string;
  gate_code: GateCode;
  direction: Direction;
  status_then: DeclarationStatus;
  step_id: string | null;
  step_agency: string | null;
  note: string | null;
}

/** Most records one `sealedAfter` call returns. */
export const AUDIT_RECORDS_BATCH = 500;

// The audit log after `seq`, with what each record was about; the status "then" is the last move at or before it.
// The log is partitioned by month of `at`: `seq > $1 ORDER BY seq LIMIT` is a merge of per-partition index scans,
// and `t.at >= d.created_at` (a declaration's first record is written with its created_at, every later one after
// it) lets the status lookup skip, at run time, every month before the declaration existed.
const EVENTS_AFTER = `
SELECT e.seq, e.action, e.to_status, e.at, d.id AS declaration_id, d.company_id, d.reference, d.plate, d.gate_code,
       d.direction,
       (SELECT t.to_status FROM declaration_event t
         WHERE t.declaration_id = e.declaration_id AND t.action = 'transition' AND t.seq <= e.seq
           AND t.at >= d.created_at
         ORDER BY t.seq DESC LIMIT 1) AS status_then,
       e.step_id, s.agency AS step_agency, e.note
  FROM declaration_event e
  JOIN declaration d ON d.id = e.declaration_id
  LEFT JOIN clearance_step s ON s.id = e.step_id
 WHERE e.seq > $1
 ORDER BY e.seq
 LIMIT ${AUDIT_RECORDS_BATCH}`;

/** The declarations' audit log read in sealing order, for those who follow it (the event dispatcher). */
@Injectable()
export class AuditLogRepository {
  /** Sealed records after audit sequence `seq`, in order, at most AUDIT_RECORDS_BATCH; inside the caller's transaction. */
  sealedAfter(manager: EntityManager, seq: string): Promise<AuditRecordRow[]> {
    return rowsIn<AuditRecordRow>(manager, EVENTS_AFTER, [seq]);
  }
}
