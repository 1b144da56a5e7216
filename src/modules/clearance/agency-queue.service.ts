import { Inject, Injectable } from '@nestjs/common';
import { type ClearanceConfig, clearanceConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { appendAudit } from '../declarations/audit.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import { enqueueInTransaction } from '../outbox/enqueue.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { type ClaimedStepRow, ClearanceRepository, type QueueEntryRow } from './clearance.repository.js';
import { officerActor } from '../declarations/audit.js';
import type { StepAgency } from './routing.js';
import { msg } from '../../common/i18n/message.js';

/**
 * Each gate has one queue per agency: steps that are ready for it, perishable goods first, then first come.
 * PostgreSQL holds the queue; BullMQ only carries the claim-expiry timer.
 */
@Injectable()
export class AgencyQueueService {
  constructor(
    private readonly sql: Sql,
    private readonly clearance: ClearanceRepository,
    @Inject(clearanceConfig.KEY) private readonly clearanceConfig: ClearanceConfig,
  ) {}

  list(officer: AuthenticatedOfficer, gate: GateCode, agency: StepAgency): Promise<QueueEntryRow[]> {
    assertOfficerMay(officer, gate, [agency], msg('action.seeQueue', { queue: agency }));
    return this.clearance.queue(gate, agency, 500);
  }

  /** The next step for this officer with its vehicle (and the fee to collect on the fee step), or null when the queue is empty. */
  async claim(officer: AuthenticatedOfficer, gate: GateCode, agency: StepAgency): Promise<ClaimedStepRow | null> {
    assertOfficerMay(officer, gate, [agency], msg('action.workQueue', { queue: agency }));
    return this.sql.dataSource.transaction(async (manager) => {
      const step = await this.clearance.claimNext(
        manager,
        gate,
        agency,
        officer.id,
        this.clearanceConfig.claimTimeoutMs,
      );
      if (!step) return null;
      await appendAudit(manager, {
        declarationId: step.declaration_id,
        action: 'step.claimed',
        actor: officerActor(officer),
        stepId: step.id,
      });
      // If the officer neither decides nor is reassigned in time, the step goes back to the queue at its old place.
      await enqueueInTransaction(manager, {
        queue: QueueName.Clearance,
        name: JobName.ExpireClaim,
        jobId: `claim-expiry-${step.id}-v${step.version}`,
        payload: { stepId: step.id, version: step.version },
        runAt: step.claim_expires_at ?? undefined,
      });
      return step;
    });
  }
}
