import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DIRECTIONS, type Direction, type GateCode } from '../../common/domain/gate-code.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import { isUuid } from '../../common/validation/uuid.js';
import { type ClearanceConfig, clearanceConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import { companyActorRef } from '../companies/company-principal.js';
import { lockSlotHolder, releaseSlot, reserveSlot, setSlot, type SlotHolder } from '../declarations/capacity.js';
import { canonicaliseArrival } from '../declarations/trip-input.js';
import { enqueueInTransaction } from '../outbox/enqueue.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { BookingRuleRepository, type BookingRuleRow } from './booking-rule.repository.js';
import { BookingSanctionsRepository, type SuspensionRow } from './booking-sanctions.repository.js';
import { BookingSanctions } from './booking-sanctions.js';
import { MAX_SLOT_HOURS, SlotHoursRepository, hourOf } from './slot-hours.repository.js';
import { HOUR_MS, isLateChange, nearestFreeHours } from './slot-windows.js';

/** One hour of the public calendar. */
export interface SlotHour {
  slotStart: string;
  slotEnd: string;
  direction: Direction;
  capacity: number;
  booked: number;
  free: number;
  exception: string | null;
}

/** A declaration's booking after a change. */
export interface SlotBooking {
  id: string;
  status: string;
  expectedArrivalAt: string;
  slot: { start: string; end: string } | null;
}

/** A suspension that refuses a booking: when it ends, whose it is, and why. */
export interface SuspensionRefusal {
  until: string;
  scope: 'vehicle' | 'company';
  reason: string;
}

class SlotFull extends Error {}

export function slotAnswer(start: Date | null): { start: string; end: string } | null {
  return start ? { start: start.toISOString(), end: new Date(start.getTime() + HOUR_MS).toISOString() } : null;
}

export function suspensionRefusal(s: SuspensionRow): SuspensionRefusal {
  return { until: s.ends_at.toISOString(), scope: s.plate ? 'vehicle' : 'company', reason: s.reason };
}

/** Arrival slots: the calendar of free hours, a declaration's booking, the arrival tolerance. */
@Injectable()
export class SlotsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly rules: BookingRuleRepository,
    private readonly slotHours: SlotHoursRepository,
    private readonly sanctions: BookingSanctionsRepository,
    private readonly strikes: BookingSanctions,
    @Inject(clearanceConfig.KEY) private readonly clearanceConfig: ClearanceConfig,
  ) {}

  async rule(gate: GateCode): Promise<BookingRuleRow> {
    const rule = await this.rules.rule(gate);
    if (!rule) throw new Error(`gate ${gate} has no booking rule`);
    return rule;
  }

  /** The public calendar: `hours` hours from `from` (default: the current hour). */
  async hours(gate: GateCode, direction: Direction | undefined, from: Date | undefined, hours: number) {
    const start = hourOf(from ?? this.clock.now());
    const rows = await this.slotHours.hours(gate, direction ? [direction] : DIRECTIONS, start, hours);
    return rows.map((r): SlotHour => ({
      slotStart: r.slot_start.toISOString(),
      slotEnd: new Date(r.slot_start.getTime() + HOUR_MS).toISOString(),
      direction: r.direction,
      capacity: r.capacity,
      booked: r.booked,
      free: r.free,
      exception: r.exception_reason,
    }));
  }

  /** Up to three hours with room nearest `target`, none over at `now` and none beyond the booking horizon. */
  async nearestFree(gate: GateCode, direction: Direction, target: Date): Promise<Date[]> {
    const now = this.clock.now();
    const rule = await this.rule(gate);
    const notBefore = hourOf(now);
    const notAfter = new Date(now.getTime() + rule.booking_horizon_seconds * 1000);
    const from = new Date(Math.max(notBefore.getTime(), target.getTime() - 24 * HOUR_MS));
    const rows = await this.slotHours.hours(gate, [direction], from, Math.min(49, MAX_SLOT_HOURS));
    return nearestFreeHours(rows, target, { notBefore, notAfter });
  }

  /** The suspension in force now that refuses a booking for the vehicle or the company; null when none. */
  async suspensionFor(companyId: string, plate: string): Promise<SuspensionRow | null> {
    return this.sanctions.inForce(companyId, plate, this.clock.now());
  }

  /** The hour's capacity (standing or the calendar's) read in the caller's transaction. */
  async hourCapacityIn(manager: EntityManager, gate: GateCode, direction: Direction, slot: Date): Promise<number> {
    const [row] = await this.slotHours.hoursIn(manager, gate, [direction], slot, 1);
    return row?.capacity ?? 0;
  }

  /** PUT /declarations/:id/slot: books or moves the booking of a submitted or accepted declaration. */
  async book(company: AuthenticatedCompany, id: string, slotStart: string): Promise<SlotBooking> {
    const actor = companyActorRef(company);
    try {
      return await this.sql.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const d = await this.lockOwned(manager, company, id, new Date(slotStart));
        if (d.status !== 'submitted' && d.status !== 'accepted') {
          throw new DomainError('SLOT.NOT_BOOKABLE', msg('slot.notBookable', { status: d.status }), {
            status: d.status,
          });
        }
        const rule = await this.rule(d.gate_code);
        const slot = new Date(canonicaliseArrival({ slotStart }, now, rule.booking_horizon_seconds * 1000).slotStart!);
        if (d.asked_day !== d.arrival_day) {
          throw new DomainError('SLOT.OTHER_DAY', msg('slot.otherDay', { day: d.arrival_day }), {
            arrivalDay: d.arrival_day,
          });
        }
        if (d.slot_start?.getTime() === slot.getTime()) return this.answer(d, d.slot_start, d.slot_start);
        const suspension = await this.sanctions.inForce(d.company_id, d.plate, now);
        if (suspension) throw this.suspended(suspension);
        const capacity = await this.hourCapacityIn(manager, d.gate_code, d.direction, slot);
        if (d.status === 'accepted') {
          await releaseSlot(manager, d.id);
          const taken = await reserveSlot(manager, {
            gate: d.gate_code,
            direction: d.direction,
            slotStart: slot,
            capacity,
          });
          if (!taken) throw new SlotFull();
        } else {
          const [hour] = await this.slotHours.hoursIn(manager, d.gate_code, [d.direction], slot, 1);
          if (!hour || hour.free <= 0) throw new SlotFull();
        }
        if (d.slot_start) await this.strikeIfLate(manager, d, d.slot_start, now, rule);
        await setSlot(manager, {
          declarationId: d.id,
          slotStart: slot,
          action: d.slot_start ? 'slot.moved' : 'slot.booked',
          actor,
          note: d.slot_start ? `slot ${iso(d.slot_start)} -> ${iso(slot)}` : `slot ${iso(slot)}`,
        });
        if (d.status === 'accepted') {
          // The no-show expiry follows the new arrival (the job of the old one finds the declaration not yet due).
          await enqueueInTransaction(manager, {
            queue: QueueName.Clearance,
            name: JobName.ExpireNoShow,
            jobId: `no-show-${d.id}-v${d.version}-slot-${slot.getTime()}`,
            payload: { declarationId: d.id, version: d.version },
            runAt: new Date(slot.getTime() + this.clearanceConfig.noShowExpiryMinutes * 60_000),
          });
        }
        return this.answer(d, slot, slot);
      });
    } catch (error) {
      if (!(error instanceof SlotFull)) throw error;
      const d = await this.ownedSummary(company, id);
      const nearestFree = (await this.nearestFree(d.gate_code, d.direction, new Date(slotStart))).map(iso);
      throw new DomainError(
        'SLOT.FULL',
        msg('slot.full', { slot: iso(new Date(slotStart)), gate: d.gate_code, direction: d.direction }),
        { slotStart: iso(new Date(slotStart)), nearestFree },
      );
    }
  }

  /** DELETE /declarations/:id/slot: gives the booked hour back. */
  async release(company: AuthenticatedCompany, id: string): Promise<SlotBooking> {
    return this.sql.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const d = await this.lockOwned(manager, company, id, null);
      if (d.status !== 'submitted' && d.status !== 'accepted') {
        throw new DomainError('SLOT.NOT_BOOKABLE', msg('slot.notBookable', { status: d.status }), {
          status: d.status,
        });
      }
      if (!d.slot_start) throw new DomainError('SLOT.NONE', msg('slot.none'));
      const rule = await this.rule(d.gate_code);
      if (d.status === 'accepted') await releaseSlot(manager, d.id);
      await this.strikeIfLate(manager, d, d.slot_start, now, rule);
      await setSlot(manager, {
        declarationId: d.id,
        slotStart: null,
        action: 'slot.released',
        actor: companyActorRef(company),
        note: `slot ${iso(d.slot_start)}`,
      });
      return this.answer(d, null, d.expected_arrival_at);
    });
  }

  suspended(s: SuspensionRow): DomainError {
    const refusal = suspensionRefusal(s);
    return new DomainError('BOOKING.SUSPENDED', msg('booking.suspended', { until: refusal.until, reason: s.reason }), {
      ...refusal,
    });
  }

  private async strikeIfLate(
    manager: EntityManager,
    d: SlotHolder,
    slot: Date,
    now: Date,
    rule: BookingRuleRow,
  ): Promise<void> {
    if (!isLateChange(slot, now, rule.late_cancellation_seconds * 1000)) return;
    await this.strikes.strike(manager, 'late_cancellation', [
      { declarationId: d.id, companyId: d.company_id, plate: d.plate, gate: d.gate_code, slotStart: slot, at: now },
    ]);
  }

  private answer(d: SlotHolder, slot: Date | null, arrival: Date): SlotBooking {
    return { id: d.id, status: d.status, expectedArrivalAt: arrival.toISOString(), slot: slotAnswer(slot) };
  }

  private async lockOwned(
    manager: EntityManager,
    company: AuthenticatedCompany,
    id: string,
    asked: Date | null,
  ): Promise<SlotHolder> {
    const d = isUuid(id) ? await lockSlotHolder(manager, id.toLowerCase(), company.companyId, asked) : null;
    if (!d) throw new DomainError('DECLARATION.NOT_FOUND', msg('declaration.notFound'));
    return d;
  }

  private async ownedSummary(company: AuthenticatedCompany, id: string): Promise<SlotHolder> {
    return this.sql.dataSource.transaction(async (manager) => this.lockOwned(manager, company, id, null));
  }
}

function iso(at: Date): string {
  return at.toISOString();
}
