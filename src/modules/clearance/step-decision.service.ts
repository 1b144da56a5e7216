import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/validation/uuid.js';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { rowsIn, Sql } from '../../database/sql.js';
import { type AuthenticatedOfficer, isSupervisorOf } from '../auth/officer-access.js';
import { appendAudit } from '../declarations/audit.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import { type ClearanceSubject, DeclarationsRepository } from '../declarations/declarations.repository.js';
import { ClearanceRepository, type StepRow } from './clearance.repository.js';
import { officerActor } from '../declarations/audit.js';
import { type Decision, DECISIONS, STEP_TRANSITIONS } from './routing.js';
import { msg } from '../../common/i18n/message.js';

export interface DecisionInput {
  decision: Decision;
  note?: string;
  paymentReference?: string;
  /** The step version the officer saw; when given, the decision applies only to exactly that state. */
  expectedVersion?: number;
}

export interface DecisionResult {
  step: StepRow;
  /** The vehicle the step is about, as read under its lock before the decision. */
  declaration: ClearanceSubject;
  declarationStatus: string;
}

/**
 * An officer's decision on a step, and what follows from it in the same transaction: the next stage opens,
 * the declaration becomes `cleared` when every step has passed, or `refused` at the first refusal.
 */
@Injectable()
export class StepDecisionService {
  constructor(
    private readonly sql: Sql,
    private readonly declarations: DeclarationsRepository,
    private readonly clearance: ClearanceRepository,
  ) {}

  async decide(officer: AuthenticatedOfficer, stepId: string, input: DecisionInput): Promise<DecisionResult> {
    if (!isUuid(stepId)) throw new DomainError('STEP.NOT_FOUND', msg('step.notFound'));
    return this.sql.dataSource.transaction(async (manager) => {
      const [peek] = await rowsIn<{ declaration_id: string }>(
        manager,
        'SELECT declaration_id FROM clearance_step WHERE id = $1',
        [stepId],
      );
      if (!peek) throw new DomainError('STEP.NOT_FOUND', msg('step.notFound'));
      // Lock order everywhere: the declaration, then its steps, and the audit chain last (appendAudit), so
      // opening the next stage below never waits on a step while holding the chain.
      const declaration = await this.declarations.lockForClearance(manager, peek.declaration_id);
      const steps = await this.clearance.lockSteps(manager, peek.declaration_id);
      const step = steps.find((s) => s.id === stepId);
      if (!declaration || !step) throw new DomainError('STEP.NOT_FOUND', msg('step.notFound'));
      this.authorize(officer, step);

      const to = DECISIONS[input.decision];
      if (!STEP_TRANSITIONS[step.status].includes(to) || declaration.status !== 'in_yard') {
        throw new DomainError(
          'STEP.ILLEGAL_DECISION',
          msg('step.illegalDecision', { status: step.status, decision: input.decision }),
          {
            stepStatus: step.status,
            declarationStatus: declaration.status,
          },
        );
      }
      if (input.expectedVersion !== undefined && input.expectedVersion !== step.version) {
        throw new DomainError('STEP.CONCURRENT_DECISION', msg('step.changed'), {
          expectedVersion: input.expectedVersion,
          version: step.version,
        });
      }
      const fee =
        step.kind === 'fee' && to === 'passed' ? await this.fee(manager, declaration.id, input.paymentReference) : null;
      const decided = await this.clearance.decide(manager, step, to, officer.id, input.note?.trim() || null, fee);
      if (!decided) throw new DomainError('STEP.CONCURRENT_DECISION', msg('step.decidedByAnother'));
      await appendAudit(manager, {
        declarationId: declaration.id,
        action: `step.${to}`,
        actor: officerActor(officer),
        stepId: step.id,
        note: input.note?.trim() || null,
      });
      const declarationStatus = await this.advance(manager, officer, declaration, to);
      return { step: decided, declaration, declarationStatus };
    });
  }

  private authorize(officer: AuthenticatedOfficer, step: StepRow): void {
    if (isSupervisorOf(officer, step.gate_code)) return;
    // Re-checked at decision time: an officer moved off the gate loses the steps they claimed there.
    if (!(officer.gates as readonly string[]).includes(step.gate_code)) {
      throw new DomainError('AUTH.FORBIDDEN', msg('auth.notPosted', { gate: step.gate_code }), {
        gate: step.gate_code,
      });
    }
    if (step.claimed_by !== officer.id) {
      throw new DomainError('STEP.NOT_YOURS', msg('step.notYours'));
    }
  }

  /**
   * The fee as quoted in the yard's queue and claim: the same statement, under the declaration's lock; recorded with
   * the e-receipt number (paymentReference) and what it was based on.
   */
  private async fee(manager: EntityManager, declarationId: string, paymentReference: string | undefined) {
    if (!paymentReference?.trim()) throw DomainError.invalidField('paymentReference', msg('field.paymentReference'));
    const charged = await this.clearance.feeOf(manager, declarationId);
    if (!charged) throw new DomainError('FEE.NO_SCHEDULE', msg('fee.noSchedule'));
    return { ...charged, paymentReference: paymentReference.trim() };
  }

  private async advance(
    manager: EntityManager,
    officer: AuthenticatedOfficer,
    d: ClearanceSubject,
    to: string,
  ): Promise<string> {
    const actor = officerActor(officer);
    if (to === 'refused') {
      await transition(manager, { declarationId: d.id, from: 'in_yard', to: 'refused', version: d.version, actor });
      return 'refused';
    }
    if (to !== 'passed') return d.status;
    const steps = await this.clearance.stepsIn(manager, d.id);
    if (steps.every((s) => s.status === 'passed')) {
      await transition(manager, { declarationId: d.id, from: 'in_yard', to: 'cleared', version: d.version, actor });
      return 'cleared';
    }
    await this.clearance.openReadySteps(manager, d.id);
    return d.status;
  }
}
