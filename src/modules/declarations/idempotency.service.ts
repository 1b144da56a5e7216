import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { type IdempotencyConfig, idempotencyConfig } from '../../config/config-groups.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { stableStringify } from '../../common/http/stable-json.js';
import { Sql } from '../../database/sql.js';
import { msg } from '../../common/i18n/message.js';

export interface EarlierAnswer {
  status: number;
  body: Record<string, unknown>;
}

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
 * Idempotency keys, scoped per company. A submission claims its key and stores its answer in the same statement
 * that writes the declaration (DeclarationsRepository.insertSubmitted); this service answers for a key that
 * statement found already used.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly sql: Sql,
    @Inject(idempotencyConfig.KEY) private readonly idempotencyConfig: IdempotencyConfig,
  ) {}

  static validateKey(key: string | string[] | undefined): string {
    if (key === undefined || key === '')
      throw new DomainError('IDEMPOTENCY.KEY_MISSING', msg('idempotency.keyMissing'));
    if (Array.isArray(key) || !KEY_PATTERN.test(key)) {
      throw new DomainError('IDEMPOTENCY.KEY_INVALID', msg('idempotency.keyInvalid'));
    }
    return key;
  }

  /**
   * The answer stored under a used key, for a replay of the same request. Null when the key is free (again):
   * never used, or an abandoned claim that was just released. Throws when the key came with another body, or
   * when its first request is still in flight.
   */
  async earlierAnswer(companyId: string, key: string, hash: string): Promise<EarlierAnswer | null> {
    const record = await this.sql.one<IdempotencyRow>(
      `SELECT request_hash, state, response_status, response_body,
              locked_at < now() - make_interval(secs => $3::double precision / 1000) AS stale
         FROM idempotency_record WHERE company_id = $1 AND key = $2`,
      [companyId, key, this.idempotencyConfig.inFlightTimeoutMs],
    );
    if (!record) return null;
    if (record.request_hash !== hash) {
      throw new DomainError('IDEMPOTENCY.KEY_REUSED', msg('idempotency.keyReused'));
    }
    if (record.state === 'completed')
      return { status: record.response_status ?? 202, body: record.response_body ?? {} };
    if (record.stale && (await this.releaseStale(companyId, key))) return null;
    throw new DomainError('IDEMPOTENCY.IN_FLIGHT', msg('idempotency.inFlight'));
  }

  // 'in_flight' claims come only from releases before claims and answers became one statement: a process that
  // died mid-request left one behind. After the timeout it is released, so the key can be used.
  private async releaseStale(companyId: string, key: string): Promise<boolean> {
    const rows = await this.sql.rows(
      `DELETE FROM idempotency_record
        WHERE company_id = $1 AND key = $2 AND state = 'in_flight'
          AND locked_at < now() - make_interval(secs => $3::double precision / 1000)
        RETURNING 1`,
      [companyId, key, this.idempotencyConfig.inFlightTimeoutMs],
    );
    return rows.length > 0;
  }
}
