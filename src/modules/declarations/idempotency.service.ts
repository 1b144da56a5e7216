import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../config/app-config.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { stableStringify } from '../../common/http/stable-json.js';
import { Sql } from '../../database/sql.js';

export type IdempotencyOutcome =
  { kind: 'proceed' } | { kind: 'replay'; status: number; body: Record<string, unknown> };

interface IdempotencyRow {
  request_hash: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: Record<string, unknown> | null;
  stale: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function requestHash(body: unknown): string {
  return createHash('sha256').update(stableStringify(body)).digest('hex');
}

/**
 * Idempotency keys, scoped per company. `begin` claims the key in its own committed statement so a
 * concurrent duplicate sees it as in flight (409); the work that follows completes it in the same
 * statement that writes the declaration.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly sql: Sql,
    private readonly config: AppConfig,
  ) {}

  static validateKey(key: string | string[] | undefined): string {
    if (key === undefined || key === '')
      throw new DomainError('IDEMPOTENCY.KEY_MISSING', 'Idempotency-Key header is required');
    if (Array.isArray(key) || !KEY_PATTERN.test(key)) {
      throw new DomainError('IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key must be 1-255 visible ASCII characters');
    }
    return key;
  }

  async begin(companyId: string, key: string, hash: string): Promise<IdempotencyOutcome> {
    const claimed = await this.sql.rows(
      `INSERT INTO idempotency_record (company_id, key, request_hash, state)
       VALUES ($1, $2, $3, 'in_flight') ON CONFLICT (company_id, key) DO NOTHING RETURNING 1`,
      [companyId, key, hash],
    );
    if (claimed.length) return { kind: 'proceed' };

    const rows = await this.sql.rows<IdempotencyRow>(
      `SELECT request_hash, state, response_status, response_body,
                locked_at < now() - make_interval(secs => $3::double precision / 1000) AS stale
           FROM idempotency_record WHERE company_id = $1 AND key = $2`,
      [companyId, key, this.config.IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS],
    );
    const record = rows[0];
    if (!record) return this.begin(companyId, key, hash); // abandoned and deleted meanwhile: claim it afresh
    if (record.request_hash !== hash) {
      throw new DomainError(
        'IDEMPOTENCY.KEY_REUSED',
        'This Idempotency-Key was already used with a different request body',
      );
    }
    if (record.state === 'completed') {
      return { kind: 'replay', status: record.response_status ?? 202, body: record.response_body ?? {} };
    }
    if (record.stale && (await this.takeOverStale(companyId, key))) return { kind: 'proceed' };
    throw new DomainError(
      'IDEMPOTENCY.IN_FLIGHT',
      'A request with this Idempotency-Key is still being processed; retry shortly',
    );
  }

  /** Releases a claimed key after the work failed, so the client may retry with it. */
  async abandon(companyId: string, key: string): Promise<void> {
    await this.sql.rows(`DELETE FROM idempotency_record WHERE company_id = $1 AND key = $2 AND state = 'in_flight'`, [
      companyId,
      key,
    ]);
  }

  // A process that died mid-request leaves its claim behind; after the timeout another request may take it.
  private async takeOverStale(companyId: string, key: string): Promise<boolean> {
    const rows = await this.sql.rows(
      `UPDATE idempotency_record SET locked_at = now()
        WHERE company_id = $1 AND key = $2 AND state = 'in_flight'
          AND locked_at < now() - make_interval(secs => $3::double precision / 1000)
        RETURNING 1`,
      [companyId, key, this.config.IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS],
    );
    return rows.length > 0;
  }
}
