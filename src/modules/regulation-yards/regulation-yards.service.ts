import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { type Message, msg } from '../../common/i18n/message.js';
import { canonicalPlateField } from '../../common/validation/plate-field.js';
import { Sql } from '../../database/sql.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { officerActor } from '../declarations/audit.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import { type ClearanceSubject, DeclarationsRepository } from '../declarations/declarations.repository.js';
import { cycleProblem, writeOut } from './priority-cycle.js';
import type { PriorityTurn } from './priority-cycle.entity.js';
import {
  type CallRuleRow,
  type CycleRow,
  type LineRow,
  RegulationYardsRepository,
  type WaitRow,
  type YardRow,
} from './regulation-yards.repository.js';

const NOT_ACCEPTED_REASONS: Record<string, Message> = {
  submitted: msg('checkin.reason.submitted'),
  rejected: msg('checkin.reason.rejected'),
  cancelled: msg('checkin.reason.cancelled'),
  expired: msg('checkin.reason.expired'),
  exited: msg('checkin.reason.exited'),
};

export interface YardCheckInResult {
  declaration: ClearanceSubject;
  yard: string;
  placeInLine: number | null;
  slotStart: Date | null;
}

/** Why an accepted truck arriving straight at the gate is sent to a regulation yard. */
export type GoToYardReason = 'early' | 'late' | 'gate_yard_full' | 'line_waiting';

/** What the gate's check-in asks of the regulation yards about a truck. */
export type GateArrival =
  | { kind: 'go_to_yard'; reason: GoToYardReason; regulationYards: string[] }
  | { kind: 'not_called'; yard: string; placeInLine: number | null }
  | { kind: 'called'; checkedInVersion: number }
  | { kind: 'welcome' };

/**
 * The regulation yards: a truck checks in at one and waits for its call to the gate (CallForwardService); the gate's
 * check-in asks here whether a truck may come in.
 */
@Injectable()
export class RegulationYardsService {
  constructor(
    private readonly sql: Sql,
    private readonly yards: RegulationYardsRepository,
    private readonly declarations: DeclarationsRepository,
    private readonly clock: Clock,
  ) {}

  list(gate: GateCode | null): Promise<YardRow[]> {
    return this.yards.yards(gate);
  }

  async checkIn(officer: AuthenticatedOfficer, yardCode: string, rawPlate: string): Promise<YardCheckInResult> {
    const known = await this.yardOrThrow(yardCode);
    assertOfficerMay(officer, known.gate_code, ['yard', 'border_guard'], msg('action.checkInAtRegulationYard'));
    const plate = canonicalPlateField(rawPlate);
    const now = this.clock.now();
    return this.sql.dataSource.transaction(async (manager) => {
      const yard = await this.yards.lockYard(manager, yardCode);
      if (!yard) throw new DomainError('YARD.NOT_FOUND', msg('yard.notFound'));
      const d = await this.declarations.findForClearance(manager, plate);
      if (!d) throw new DomainError('CHECKIN.NO_DECLARATION', msg('checkin.noDeclaration'));
      this.assertMayWait(d, yard);
      const version = await transition(manager, {
        declarationId: d.id,
        from: 'accepted',
        to: 'waiting_at_yard',
        version: d.version,
        actor: officerActor(officer),
        note: `yard ${yard.code}`,
      });
      await this.yards.insertWait(manager, {
        declarationId: d.id,
        yard: yard.code,
        gate: yard.gate_code,
        direction: d.direction,
        now,
        version: d.version,
      });
      const wait = await this.yards.lockWait(manager, d.id, now);
      const slotStart = await this.yards.slotOf(manager, d.id);
      return {
        declaration: { ...d, status: 'waiting_at_yard', version },
        yard: yard.code,
        placeInLine: wait?.place_in_line ?? null,
        slotStart,
      };
    });
  }

  private assertMayWait(d: ClearanceSubject, yard: YardRow & { holding: number }): void {
    if (d.status === 'waiting_at_yard') {
      throw new DomainError('YARD.ALREADY_WAITING', msg('yard.alreadyWaiting'), { reference: d.reference });
    }
    if (d.status === 'in_yard' || d.status === 'cleared' || d.status === 'refused') {
      throw new DomainError('CHECKIN.ALREADY_ARRIVED', msg('checkin.alreadyArrived', { status: d.status }), {
        reference: d.reference,
        status: d.status,
      });
    }
    if (d.status !== 'accepted') {
      throw new DomainError(
        'CHECKIN.NOT_ACCEPTED',
        msg('checkin.notAccepted', {
          reason: NOT_ACCEPTED_REASONS[d.status] ?? msg('checkin.reason.other', { status: d.status }),
        }),
        { reference: d.reference, status: d.status, ...(d.status === 'rejected' ? { reasons: d.reasons } : {}) },
      );
    }
    if (d.gate_code !== yard.gate_code) {
      throw new DomainError(
        'YARD.WRONG_GATE',
        msg('yard.wrongGate', { yard: yard.code, gate: yard.gate_code, declared: d.gate_code }),
        { reference: d.reference, declaredGate: d.gate_code, yardGate: yard.gate_code },
      );
    }
    if (!yard.open) throw new DomainError('YARD.CLOSED', msg('yard.closed', { yard: yard.code }), { yard: yard.code });
    if (yard.holding >= yard.capacity) {
      throw new DomainError('YARD.FULL', msg('yard.full', { yard: yard.code }), {
        yard: yard.code,
        capacity: yard.capacity,
      });
    }
  }

  async line(officer: AuthenticatedOfficer, yardCode: string): Promise<{ yard: YardRow; rows: LineRow[] }> {
    const yard = await this.yardOrThrow(yardCode);
    assertOfficerMay(officer, yard.gate_code, ['yard', 'border_guard'], msg('action.seeRegulationYardLine'));
    return { yard, rows: await this.yards.line(yard.code, yard.gate_code, this.clock.now()) };
  }

  /**
   * At the gate, inside its check-in transaction: a truck waiting at a regulation yard comes in once called; an
   * accepted one straight from the road only within its booked window, while the gate yard has room, and (without a
   * booking) while nobody waits at the gate's regulation yards.
   */
  async gateArrival(
    manager: EntityManager,
    d: { id: string; status: string; gate_code: GateCode },
  ): Promise<GateArrival> {
    const now = this.clock.now();
    if (d.status === 'waiting_at_yard') {
      const wait = await this.yards.lockWait(manager, d.id, now);
      if (wait?.state === 'called') return { kind: 'called', checkedInVersion: wait.checked_in_version };
      return { kind: 'not_called', yard: wait?.yard_code ?? '', placeInLine: wait?.place_in_line ?? null };
    }
    const load = await this.yards.gateLoad(manager, d.gate_code, now);
    const slotStart = await this.yards.slotOf(manager, d.id);
    const goTo = async (reason: GoToYardReason): Promise<GateArrival> => ({
      kind: 'go_to_yard',
      reason,
      regulationYards: (await this.yards.yards(d.gate_code)).filter((y) => y.open).map((y) => y.code),
    });
    if (slotStart) {
      const opens = slotStart.getTime() - load.early_allowance_seconds * 1000;
      const closes = slotStart.getTime() + 3_600_000 + load.late_grace_seconds * 1000;
      if (now.getTime() < opens) return goTo('early');
      if (now.getTime() >= closes) return goTo('late');
    }
    if (load.in_yard + load.called >= load.yard_capacity) return goTo('gate_yard_full');
    if (!slotStart && load.waiting > 0) return goTo('line_waiting');
    return { kind: 'welcome' };
  }

  /** The called truck is in the gate's yard: its wait ends `arrived`. */
  async arrivedAtGate(manager: EntityManager, declarationId: string): Promise<void> {
    await this.yards.markArrived(manager, declarationId, this.clock.now());
  }

  /** The declaration's wait (waiting or called), for its answers and the public lookup. */
  waitOf(declarationId: string): Promise<WaitRow | null> {
    return this.yards.waitOf(declarationId, this.clock.now());
  }

  async cycle(officer: AuthenticatedOfficer, gate: GateCode): Promise<CycleRow & { written: string[] }> {
    assertOfficerMay(officer, gate, [], msg('action.manageCallForward'));
    const row = await this.yards.cycle(gate);
    if (!row) throw new DomainError('YARD.NOT_FOUND', msg('yard.notFound'));
    return { ...row, written: writeOut(row.turns) };
  }

  async setCycle(
    officer: AuthenticatedOfficer,
    gate: GateCode,
    turns: PriorityTurn[],
  ): Promise<CycleRow & { written: string[] }> {
    assertOfficerMay(officer, gate, [], msg('action.manageCallForward'));
    const problem = cycleProblem(turns);
    if (problem) throw DomainError.invalidField('turns', msg('yard.cycleProblem', { problem }));
    await this.yards.setCycle(gate, turns, officer.id);
    return this.cycle(officer, gate);
  }

  async callRule(officer: AuthenticatedOfficer, gate: GateCode): Promise<CallRuleRow> {
    assertOfficerMay(officer, gate, [], msg('action.manageCallForward'));
    const rule = await this.yards.callRule(null, gate);
    if (!rule) throw new DomainError('YARD.NOT_FOUND', msg('yard.notFound'));
    return rule;
  }

  async setCallRule(
    officer: AuthenticatedOfficer,
    gate: GateCode,
    rule: { reachMarginMinutes: number; missedCallsAllowed: number; lookAheadMinutes: number },
  ): Promise<CallRuleRow> {
    assertOfficerMay(officer, gate, [], msg('action.manageCallForward'));
    await this.yards.setCallRule(gate, rule, officer.id);
    return this.callRule(officer, gate);
  }

  private async yardOrThrow(code: string): Promise<YardRow> {
    const yard = /^[A-Z0-9_]{1,40}$/.test(code) ? await this.yards.yard(code) : null;
    if (!yard) throw new DomainError('YARD.NOT_FOUND', msg('yard.notFound'));
    return yard;
  }
}
