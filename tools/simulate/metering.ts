import type { INestApplicationContext } from '@nestjs/common';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { Sql } from '../../src/database/sql.js';
import type { AuthenticatedOfficer } from '../../src/modules/auth/officer-access.js';
import { CallForwardService } from '../../src/modules/regulation-yards/call-forward.service.js';
import { RegulationYardsService } from '../../src/modules/regulation-yards/regulation-yards.service.js';
import { hourOf, SlotHoursRepository } from '../../src/modules/slots/slot-hours.repository.js';
import { SlotWatchService } from '../../src/modules/slots/slot-watch.service.js';
import type { SimGate, Truck } from './arrivals.js';

/** A booking reaches this far ahead at most (the seeded booking rule's horizon: 7 days). */
const HORIZON_HOURS = 7 * 24;

interface YardInfo {
  code: string;
  gate: SimGate;
  capacity: number;
  driveMinutes: number;
}

/**
 * What the metered run asks of the service: the hour slots (SlotHoursRepository, the submission's `slotStart` and
 * screening), the regulation yards' check-in (RegulationYardsService), the call forward
 * (CallForwardService.runOnce) and the no-show watch (SlotWatchService.runOnce), all on the simulation's clock.
 */
export class Metering {
  private constructor(
    private readonly sql: Sql,
    private readonly officer: AuthenticatedOfficer,
    private readonly slotHours: SlotHoursRepository,
    private readonly yards: RegulationYardsService,
    private readonly calls: CallForwardService,
    private readonly slotWatch: SlotWatchService,
    private readonly yardsOf: Record<SimGate, YardInfo[]>,
  ) {}

  static async start(app: INestApplicationContext, officer: AuthenticatedOfficer): Promise<Metering> {
    const sql = app.get(Sql);
    const rows = await sql.rows<{ code: string; gate_code: SimGate; capacity: number; drive_minutes: number }>(
      'SELECT code, gate_code, capacity, drive_minutes FROM regulation_yard WHERE open ORDER BY capacity DESC, code',
    );
    const yardsOf: Record<SimGate, YardInfo[]> = { HUU_NGHI: [], TAN_THANH: [] };
    for (const r of rows) {
      yardsOf[r.gate_code]?.push({
        code: r.code,
        gate: r.gate_code,
        capacity: r.capacity,
        driveMinutes: r.drive_minutes,
      });
    }
    return new Metering(
      sql,
      officer,
      app.get(SlotHoursRepository),
      app.get(RegulationYardsService),
      app.get(CallForwardService),
      app.get(SlotWatchService),
      yardsOf,
    );
  }

  /** The free hour nearest the truck's wish, from the next whole hour on; null when the whole horizon is full. */
  async chooseSlot(truck: Truck, now: Date): Promise<Date | null> {
    const from = new Date(hourOf(now).getTime() + 3_600_000);
    const hours = await this.slotHours.hours(truck.gate, [truck.direction], from, HORIZON_HOURS);
    const distance = (start: Date): number => Math.abs(start.getTime() + 1_800_000 - truck.wishAt.getTime());
    let best: Date | null = null;
    for (const h of hours) {
      if (h.free <= 0) continue;
      const start = new Date(h.slot_start);
      if (!best || distance(start) < distance(best)) best = start;
    }
    return best;
  }

  /**
   * Checks the truck in at one of its gate's regulation yards (its driver's pick, by capacity share; the other when
   * that one is full). False when every yard of the gate is full: the truck tries again at the next step.
   */
  async checkInAtRegulationYard(truck: Truck, plate: string): Promise<boolean> {
    const yards = this.yardsOf[truck.gate];
    const total = yards.reduce((sum, y) => sum + y.capacity, 0);
    let pick = truck.pick * total;
    const first = yards.findIndex((y) => (pick -= y.capacity) < 0);
    const order = [...yards.slice(Math.max(0, first)), ...yards.slice(0, Math.max(0, first))];
    for (const yard of order) {
      try {
        await this.yards.checkIn(this.officer, yard.code, plate);
        return true;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'YARD.FULL') throw error;
      }
    }
    return false;
  }

  /** Runs the call forward once and answers whom it called now, with the drive from their yard. */
  async callForward(now: Date): Promise<{ declarationId: string; driveMinutes: number }[]> {
    await this.calls.runOnce();
    return this.sql.rows<{ declarationId: string; driveMinutes: number }>(
      `SELECT w.declaration_id AS "declarationId", y.drive_minutes AS "driveMinutes"
         FROM yard_wait w JOIN regulation_yard y ON y.code = w.yard_code
        WHERE w.state = 'called' AND w.called_at = $1`,
      [now],
    );
  }

  /** Declarations whose wait ended expired (their last call missed) at `now`. */
  async expiredAt(now: Date): Promise<string[]> {
    const rows = await this.sql.rows<{ id: string }>(
      `SELECT declaration_id AS id FROM yard_wait WHERE state = 'expired' AND ended_at = $1`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  /** The no-show watch: booked trucks that never came lose their slot and get a strike. */
  async watchSlots(): Promise<void> {
    await this.slotWatch.runOnce();
  }
}
