import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsIn, Sql } from '../../database/sql.js';

/** Whose key: a company's keys (every company write, submission included) and each officer's keys are apart. */
export interface KeyOwner {
  kind: 'company' | 'officer';
  id: string;
}

/**
 * A key this request holds. `token` is the claim's `locked_at` as text (microseconds kept): a claim taken over
 * after the in-flight timeout gets a new one, so the old holder can no longer apply, answer or release it.
 */
export interface KeyClaim {
  owner: KeyOwner;
  key: string;
  token: string;
}

export interface KeyRecord {
  requestHash: string;
  state: 'in_flight' | 'applied' | 'completed';
  responseStatus: number | null;
  responseBody: unknown;
  /** Claimed longer ago than the in-flight timeout. */
  stale: boolean;
}

// Company keys live beside the submissions' (so one key is one request across all of a company's writes), officer
// keys in a table of the same shape; every statement below exists once per table.
const statementsFor = (table: 'idempotency_record' | 'officer_idempotency_record', owner: string) => ({
  claim: `INSERT INTO ${table} (${owner}, key, request_hash, state) VALUES ($1, $2, $3, 'in_flight')
            ON CONFLICT DO NOTHING RETURNING locked_at::text AS token`,
  find: `SELECT request_hash, state, response_status, response_body,
                locked_at < now() - make_interval(secs => $3::double precision / 1000) AS stale
           FROM ${table} WHERE ${owner} = $1 AND key = $2`,
  takeOver: `UPDATE ${table} SET locked_at = now()
              WHERE ${owner} = $1 AND key = $2 AND request_hash = $3 AND state = 'in_flight'
                AND locked_at < now() - make_interval(secs => $4::double precision / 1000)
             RETURNING locked_at::text AS token`,
  markApplied: `UPDATE ${table} SET state = 'applied'
                 WHERE ${owner} = $1 AND key = $2 AND locked_at = $3::timestamptz AND state IN ('in_flight', 'applied')
                RETURNING 1`,
  answer: `UPDATE ${table} SET state = 'completed', response_status = $4, response_body = $5::json
            WHERE ${owner} = $1 AND key = $2 AND locked_at = $3::timestamptz AND state <> 'completed'`,
  release: `DELETE FROM ${table}
             WHERE ${owner} = $1 AND key = $2 AND locked_at = $3::timestamptz AND state = ANY ($4::text[])`,
});

const STATEMENTS = {
  company: statementsFor('idempotency_record', 'company_id'),
  officer: statementsFor('officer_idempotency_record', 'officer_id'),
};

/**
 * Idempotency keys of writes other than submission (which claims and answers its key inside its own statement,
 * DeclarationsRepository.insertSubmitted): claim before running, mark applied in the write's transaction, store
 * the answer after it.
 */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly sql: Sql) {}

  /** Claims a free key for this request; null when the owner already has the key. */
  async claim(owner: KeyOwner, key: string, requestHash: string): Promise<KeyClaim | null> {
    const row = await this.sql.one<{ token: string }>(STATEMENTS[owner.kind].claim, [owner.id, key, requestHash]);
    return row && { owner, key, token: row.token };
  }

  async find(owner: KeyOwner, key: string, inFlightTimeoutMs: number): Promise<KeyRecord | null> {
    const row = await this.sql.one<{
      request_hash: string;
      state: KeyRecord['state'];
      response_status: number | null;
      response_body: unknown;
      stale: boolean;
    }>(STATEMENTS[owner.kind].find, [owner.id, key, inFlightTimeoutMs]);
    return (
      row && {
        requestHash: row.request_hash,
        state: row.state,
        responseStatus: row.response_status,
        responseBody: row.response_body,
        stale: row.stale,
      }
    );
  }

  /** Takes over the same request's claim abandoned for longer than the timeout; null when another holds it. */
  async takeOver(
    owner: KeyOwner,
    key: string,
    requestHash: string,
    inFlightTimeoutMs: number,
  ): Promise<KeyClaim | null> {
    const row = await this.sql.one<{ token: string }>(STATEMENTS[owner.kind].takeOver, [
      owner.id,
      key,
      requestHash,
      inFlightTimeoutMs,
    ]);
    return row && { owner, key, token: row.token };
  }

  /** In the write's own transaction: its effect commits with the mark. False when the claim was taken over. */
  async markApplied(manager: EntityManager, claim: KeyClaim): Promise<boolean> {
    const rows = await rowsIn(manager, STATEMENTS[claim.owner.kind].markApplied, [
      claim.owner.id,
      claim.key,
      claim.token,
    ]);
    return rows.length > 0;
  }

  /** Stores the answer to replay (`body` undefined: an answer without a body, e.g. 204). */
  async answer(claim: KeyClaim, status: number, body: unknown): Promise<void> {
    await this.sql.rows(STATEMENTS[claim.owner.kind].answer, [
      claim.owner.id,
      claim.key,
      claim.token,
      status,
      body === undefined ? null : JSON.stringify(body),
    ]);
  }

  /** Frees the key for a new attempt, when its claim is in one of `states`. */
  async release(claim: KeyClaim, states: readonly KeyRecord['state'][]): Promise<void> {
    await this.sql.rows(STATEMENTS[claim.owner.kind].release, [claim.owner.id, claim.key, claim.token, states]);
  }
}
