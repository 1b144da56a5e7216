import { Inject, Injectable } from '@nestjs/common';
import { type ClearanceConfig, clearanceConfig } from '../../config/config-groups.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { rowsIn, Sql } from '../../database/sql.js';
import { appendAudit, SYSTEM_EXPIRY } from '../declarations/audit.js';
import { releaseCapacity } from '../declarations/capacity.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import { ClearanceRepository } from './clearance.repository.js';

/**
 * Timed work: claims that ran out go back to their queue; accepted declarations whose truck never came
 * expire. Run by delayed BullMQ jobs, and by a sweep for whatever those jobs missed. Idempotent.
 */
@Injectable()
export class ExpiryService {
  constructor(
    private readonly sql: Sql,
    private readonly clearance: ClearanceRepository,
    @Inject(clearanceConfig.KEY) private readonly clearanceConfig: ClearanceConfig,
  ) {}

  /** Returns true when the claim was released now (false: decided, re-claimed, or not due yet). */
  async expireClaim(stepId: string, version: number | null): Promise<boolean> {
    return this.sql.dataSource.transaction(async (manager) => {
      const released = await this.clearance.releaseClaim(manager, stepId, version);
      if (!released) return false;
      await appendAudit(manager, {
        declarationId: released.declaration_id,
        action: 'step.claim_expired',
        actor: SYSTEM_EXPIRY,
        stepId,
      });
      return true;
    });
  }

  /** Returns true when the declaration expired now. */
  async expireNoShow(declarationId: string): Promise<boolean> {
    try {
      return await this.sql.dataSource.transaction(async (manager) => {
        const rows = await rowsIn<{ version: number }>(
          manager,
          `SELECT version FROM declaration
            WHERE id = $1 AND status = 'accepted'
              AND expected_arrival_at + make_interval(mins => $2) <= now()
            FOR NO KEY UPDATE`,
          [declarationId, this.clearanceConfig.noShowExpiryMinutes],
        );
        if (!rows[0]) return false;
        await releaseCapacity(manager, declarationId);
        await transition(manager, {
          declarationId,
          from: 'accepted',
          to: 'expired',
          version: rows[0].version,
          actor: SYSTEM_EXPIRY,
        });
        return true;
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'DECLARATION.CONCURRENT_CHANGE') return false;
      throw error;
    }
  }

  /** The sweep: catches up on anything overdue whose delayed job was lost (Redis restarted empty). */
  async sweep(): Promise<{ claims: number; noShows: number }> {
    let claims = 0;
    for (const { id } of await this.clearance.overdueClaims(200)) if (await this.expireClaim(id, null)) claims += 1;
    const overdue = await this.sql.rows<{ id: string }>(
      `SELECT id FROM declaration
        WHERE status = 'accepted' AND expected_arrival_at < now() - make_interval(mins => $1)
        ORDER BY expected_arrival_at LIMIT 200`,
      [this.clearanceConfig.noShowExpiryMinutes],
    );
    let noShows = 0;
    for (const { id } of overdue) if (await this.expireNoShow(id)) noShows += 1;
    return { claims, noShows };
  }
}
