import { Inject, Injectable } from '@nestjs/common';
import { type ClearanceConfig, clearanceConfig } from '../../config/config-groups.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { Sql } from '../../database/sql.js';
import { appendAudit, SYSTEM_EXPIRY } from '../declarations/audit.js';
import { releaseCapacity } from '../declarations/capacity.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import { DeclarationsRepository } from '../declarations/declarations.repository.js';
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
    private readonly declarations: DeclarationsRepository,
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
        const version = await this.declarations.lockNoShow(
          manager,
          declarationId,
          this.clearanceConfig.noShowExpiryMinutes,
        );
        if (version === null) return false;
        await releaseCapacity(manager, declarationId);
        await transition(manager, {
          declarationId,
          from: 'accepted',
          to: 'expired',
          version,
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
    const overdue = await this.declarations.overdueNoShows(this.clearanceConfig.noShowExpiryMinutes);
    let noShows = 0;
    for (const { id } of overdue) if (await this.expireNoShow(id)) noShows += 1;
    return { claims, noShows };
  }
}
