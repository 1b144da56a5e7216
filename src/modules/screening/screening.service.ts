import { Inject, Injectable } from '@nestjs/common';
import {
  type ClearanceConfig,
  type ScreeningConfig,
  clearanceConfig,
  screeningConfig,
} from '../../config/config-groups.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { Sql } from '../../database/sql.js';
import { SYSTEM_SCREENING } from '../declarations/audit.js';
import { reserveCapacity, reserveSlot, slotOf } from '../declarations/capacity.js';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import { SlotsService } from '../slots/slots.service.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import type { ScreeningReason } from '../declarations/declaration-status.js';
import { DeclarationsRepository, type ScreeningSubject } from '../declarations/declarations.repository.js';
import { enqueueInTransaction } from '../outbox/enqueue.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { WatchlistService } from '../watchlist/watchlist.service.js';
import {
  alreadyActiveReason,
  arrivalWindowReason,
  bookingSuspendedReason,
  capacityFullReason,
  slotFullReason,
  watchlistReasons,
} from './screening-rules.js';
import { violatedConstraint } from '../../common/errors/violated-constraint.js';

export type ScreeningOutcome = 'accepted' | 'rejected' | 'skipped';

class CapacityFull extends Error {}

class SlotFull extends Error {
  constructor(readonly slot: Date) {
    super('slot full');
  }
}

/** Screens one submitted declaration. Idempotent: a declaration no longer `submitted` is left alone. */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly sql: Sql,
    private readonly declarations: DeclarationsRepository,
    private readonly watchlist: WatchlistService,
    private readonly slots: SlotsService,
    @Inject(clearanceConfig.KEY) private readonly clearanceConfig: ClearanceConfig,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
  ) {}

  async screen(declarationId: string): Promise<ScreeningOutcome> {
    const d = await this.declarations.screeningSubject(declarationId);
    if (!d || d.status !== 'submitted') return 'skipped';

    const reasons = await this.findReasons(d);
    if (reasons.length > 0) return this.reject(d, reasons);
    try {
      await this.sql.dataSource.transaction(async (manager) => {
        const reserved = await reserveCapacity(manager, {
          gate: d.gate_code,
          direction: d.direction,
          day: d.arrival_day,
          capacity: d.capacity,
        });
        if (!reserved) throw new CapacityFull();
        // The booked hour, read under the row lock: a booking changed since the subject was read is the one taken.
        const slot = await slotOf(manager, d.id);
        if (slot) {
          const gate = d.gate_code as GateCode;
          const direction = d.direction as Direction;
          const capacity = await this.slots.hourCapacityIn(manager, gate, direction, slot);
          if (!(await reserveSlot(manager, { gate, direction, slotStart: slot, capacity }))) throw new SlotFull(slot);
        }
        const version = await transition(manager, {
          declarationId: d.id,
          from: 'submitted',
          to: 'accepted',
          version: d.version,
          actor: SYSTEM_SCREENING,
          screeningDone: true,
        });
        // The no-show timer: if the truck has not arrived by then, the declaration expires and frees its slot.
        await enqueueInTransaction(manager, {
          queue: QueueName.Clearance,
          name: JobName.ExpireNoShow,
          jobId: `no-show-${d.id}-v${version}`,
          payload: { declarationId: d.id, version },
          runAt: new Date(d.expected_arrival_at.getTime() + this.clearanceConfig.noShowExpiryMinutes * 60_000),
        });
      });
      return 'accepted';
    } catch (error) {
      if (error instanceof CapacityFull)
        return this.reject(d, [capacityFullReason(d.gate_code, d.direction, d.arrival_day)]);
      if (error instanceof SlotFull) {
        const nearest = await this.slots.nearestFree(d.gate_code as GateCode, d.direction as Direction, error.slot);
        return this.reject(d, [slotFullReason(d.gate_code, d.direction, error.slot, nearest)]);
      }
      // Another declaration for the plate became active between our check and our write.
      if (violatedConstraint(error) === 'UQ_declaration_active_vehicle') {
        const other = await this.activeReference(d);
        return this.reject(d, [alreadyActiveReason(other ?? 'another declaration')]);
      }
      if (error instanceof DomainError && error.code === 'DECLARATION.CONCURRENT_CHANGE') return 'skipped';
      throw error;
    }
  }

  /** Leaves the declaration visibly failed after the last retry; never silently stuck. */
  async markFailed(declarationId: string, message: string): Promise<void> {
    await this.declarations.markScreeningFailed(declarationId, message);
  }

  private async findReasons(d: ScreeningSubject): Promise<ScreeningReason[]> {
    const reasons: ScreeningReason[] = [];
    const window = arrivalWindowReason(d.expected_arrival_at, d.created_at, {
      pastMinutes: this.screeningConfig.windowPastMinutes,
      futureDays: this.screeningConfig.windowFutureDays,
    });
    if (window) reasons.push(window);
    const plates = d.trailer_plate ? [d.plate, d.trailer_plate] : [d.plate];
    reasons.push(...watchlistReasons(await this.watchlist.findHits(plates, d.driver_document_number)));
    const other = await this.activeReference(d);
    if (other) reasons.push(alreadyActiveReason(other));
    if (d.slot_start) {
      const suspension = await this.slots.suspensionFor(d.company_id, d.plate);
      if (suspension) reasons.push(bookingSuspendedReason(suspension.ends_at, suspension.reason));
    }
    return reasons;
  }

  private activeReference(d: ScreeningSubject): Promise<string | null> {
    return this.declarations.activeReferenceForPlate(d.plate, d.id);
  }

  private async reject(d: ScreeningSubject, reasons: ScreeningReason[]): Promise<ScreeningOutcome> {
    try {
      await this.sql.dataSource.transaction((manager) =>
        transition(manager, {
          declarationId: d.id,
          from: 'submitted',
          to: 'rejected',
          version: d.version,
          actor: SYSTEM_SCREENING,
          reasons,
          screeningDone: true,
        }),
      );
      return 'rejected';
    } catch (error) {
      if (error instanceof DomainError && error.code === 'DECLARATION.CONCURRENT_CHANGE') return 'skipped';
      throw error;
    }
  }
}
