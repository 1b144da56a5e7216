import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { GATE_CODES, type GateCode } from '../../common/domain/gate-code.js';
import { Sql } from '../../database/sql.js';
import { type Actor, appendAudit } from '../declarations/audit.js';
import { releaseCapacity } from '../declarations/capacity.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import { hourOf, SlotHoursRepository } from '../slots/slot-hours.repository.js';
import { chooseTurn, classesOf, roomFor, writeOut } from './priority-cycle.js';
import type { PriorityClass } from './priority-cycle.entity.js';
import { type CandidateRow, RegulationYardsRepository } from './regulation-yards.repository.js';
import { callNote } from './yard-events.js';

export const SYSTEM_CALL_FORWARD: Actor = { ref: 'system:call-forward' };

export interface CallForwardRun {
  called: number;
  missed: number;
  expired: number;
}

/**
 * The call forward: for each gate, missed calls first (back of the line, or expired after the last allowed miss),
 * then as many calls as the gate yard has room for, each to the first waiting truck of the class whose turn it is in
 * the gate's priority cycle. One transaction per gate with its cycle row locked, so two runs (two workers, or the
 * simulation beside the worker) never call more than the room. Time is the Clock's.
 */
@Injectable()
export class CallForwardService {
  constructor(
    private readonly sql: Sql,
    private readonly yards: RegulationYardsRepository,
    private readonly slotHours: SlotHoursRepository,
    private readonly clock: Clock,
  ) {}

  async runOnce(): Promise<CallForwardRun> {
    const total: CallForwardRun = { called: 0, missed: 0, expired: 0 };
    for (const gate of GATE_CODES) {
      const run = await this.runGate(gate);
      total.called += run.called;
      total.missed += run.missed;
      total.expired += run.expired;
    }
    return total;
  }

  async runGate(gate: GateCode): Promise<CallForwardRun> {
    const now = this.clock.now();
    return this.sql.dataSource.transaction(async (manager) => {
      const cycle = await this.yards.lockCycle(manager, gate);
      const rule = await this.yards.callRule(manager, gate);
      if (!cycle || !rule) return { called: 0, missed: 0, expired: 0 };
      await this.yards.endLeft(manager, gate, now);
      const { missed, expired } = await this.missedCalls(manager, gate, now, rule.missed_calls_allowed);

      const load = await this.yards.gateLoad(manager, gate, now);
      if (load.waiting === 0) return { called: 0, missed, expired };
      const room = roomFor({
        yardCapacity: load.yard_capacity,
        inYard: load.in_yard,
        called: load.called,
        serviceRatePerHour: load.exits_last_hour > 0 ? load.exits_last_hour : await this.standingCapacity(gate, now),
        lookAheadHours: rule.look_ahead_minutes / 60,
      });
      if (room === 0) return { called: 0, missed, expired };

      const waiting = await this.yards.candidates(manager, gate, now);
      const written = writeOut(cycle.turns);
      let position = cycle.position;
      let called = 0;
      while (called < room) {
        const firstOf = (c: PriorityClass): CandidateRow | undefined =>
          waiting.find((t) => classesOf({ perishable: t.perishable, aeo: t.aeo, emptyTrip: t.empty_trip }).includes(c));
        const choice = chooseTurn(written, position, (c) => firstOf(c) !== undefined);
        if (!choice) break;
        const truck = firstOf(choice.class) as CandidateRow;
        waiting.splice(waiting.indexOf(truck), 1);
        const deadline = new Date(now.getTime() + (truck.drive_minutes + rule.reach_margin_minutes) * 60_000);
        await this.yards.call(manager, { declarationId: truck.declaration_id, now, deadline, rule: choice.rule });
        await appendAudit(manager, {
          declarationId: truck.declaration_id,
          action: 'yard.called',
          actor: SYSTEM_CALL_FORWARD,
          note: callNote({ yard: truck.yard_code, deadline, rule: choice.rule }),
        });
        position = (position + 1) % written.length;
        called += 1;
      }
      if (called > 0) await this.yards.advanceCycle(manager, gate, position);
      return { called, missed, expired };
    });
  }

  private async missedCalls(
    manager: EntityManager,
    gate: GateCode,
    now: Date,
    allowed: number,
  ): Promise<{ missed: number; expired: number }> {
    let missed = 0;
    let expired = 0;
    for (const m of await this.yards.missedCalls(manager, gate, now)) {
      const last = m.missed_calls >= allowed;
      await appendAudit(manager, {
        declarationId: m.declaration_id,
        action: 'yard.call_missed',
        actor: SYSTEM_CALL_FORWARD,
        note: callNote({
          yard: m.yard_code,
          deadline: m.call_deadline,
          rule: last
            ? `missed ${m.missed_calls + 1} calls, ${allowed} allowed: expired`
            : `missed call ${m.missed_calls + 1} of ${allowed} allowed: back of the line`,
        }),
      });
      if (!last) {
        await this.yards.sendBack(manager, m.declaration_id, now);
        missed += 1;
        continue;
      }
      await this.yards.endWait(manager, m.declaration_id, 'expired', now);
      await releaseCapacity(manager, m.declaration_id);
      // A cancel in between moves the declaration first: the run rolls back and the next one ends the wait `left`.
      await transition(manager, {
        declarationId: m.declaration_id,
        from: 'waiting_at_yard',
        to: 'expired',
        version: m.version,
        actor: SYSTEM_CALL_FORWARD,
        note: 'missed its last call',
      });
      expired += 1;
    }
    return { missed, expired };
  }

  /** Both directions' standing (or calendar) capacity of the hour `now` is in. */
  private async standingCapacity(gate: GateCode, now: Date): Promise<number> {
    const hours = await this.slotHours.hours(gate, ['export', 'import'], hourOf(now), 1);
    return hours.reduce((sum, h) => sum + h.capacity, 0);
  }
}
