import { Inject, Injectable } from '@nestjs/common';
import {
  type ClearanceConfig,
  type ScreeningConfig,
  clearanceConfig,
  screeningConfig,
} from '../../config/config-groups.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { rowsIn, Sql } from '../../database/sql.js';
import { SYSTEM_SCREENING } from '../declarations/audit.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import { ACTIVE_STATUSES_SQL, type ScreeningReason } from '../declarations/declaration-status.js';
import { enqueueInTransaction } from '../outbox/enqueue.js';
import { JobName, QueueName } from '../queue/queue-names.js';
import { WatchlistService } from '../watchlist/watchlist.service.js';
import { alreadyActiveReason, arrivalWindowReason, capacityFullReason, watchlistReasons } from './screening-rules.js';
import { violatedConstraint } from '../../common/errors/violated-constraint.js';

interface ScreeningSubject {
  id: string;
  status: string;
  version: number;
  plate: string;
  trailer_plate: string | null;
  driver_document_number: string;
  gate_code: string;
  direction: string;
  arrival_day: string;
  expected_arrival_at: Date;
  created_at: Date;
  capacity: number;
}

export type ScreeningOutcome = 'accepted' | 'rejected' | 'skipped';

class CapacityFull extends Error {}

/** Screens one submitted declaration. Idempotent: a declaration no longer `submitted` is left alone. */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly sql: Sql,
    private readonly watchlist: WatchlistService,
    @Inject(clearanceConfig.KEY) private readonly clearanceConfig: ClearanceConfig,
    @Inject(screeningConfig.KEY) private readonly screeningConfig: ScreeningConfig,
  ) {}

  async screen(declarationId: string): Promise<ScreeningOutcome> {
    const d = await this.sql.one<ScreeningSubject>(
      `SELECT d.id, d.status, d.version, d.plate, d.trailer_plate, d.driver_document_number, d.gate_code, d.direction,
              d.arrival_day::text AS arrival_day, d.expected_arrival_at, d.created_at,
              CASE d.direction WHEN 'export' THEN g.capacity_export_per_day ELSE g.capacity_import_per_day END AS capacity
         FROM declaration d JOIN gate g ON g.code = d.gate_code
        WHERE d.id = $1`,
      [declarationId],
    );
    if (!d || d.status !== 'submitted') return 'skipped';

    const reasons = await this.findReasons(d);
    if (reasons.length > 0) return this.reject(d, reasons);
    try {
      await this.sql.dataSource.transaction(async (manager) => {
        // Conditional increment: concurrent screeners can never take more slots than the gate has.
        const reserved = await rowsIn(
          manager,
          `INSERT INTO gate_day_load AS l (gate_code, direction, day, accepted)
           SELECT $1, $2, $3::date, 1 WHERE $4::int > 0
           ON CONFLICT (gate_code, direction, day) DO UPDATE SET accepted = l.accepted + 1 WHERE l.accepted < $4::int
           RETURNING accepted`,
          [d.gate_code, d.direction, d.arrival_day, d.capacity],
        );
        if (reserved.length === 0) throw new CapacityFull();
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
    await this.sql.rows(
      `UPDATE declaration SET screening_state = 'failed', screening_error = $2, updated_at = date_trunc('milliseconds', now())
        WHERE id = $1 AND status = 'submitted'`,
      [declarationId, message.slice(0, 500)],
    );
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
    return reasons;
  }

  private async activeReference(d: ScreeningSubject): Promise<string | null> {
    const row = await this.sql.one<{ reference: string }>(
      `SELECT reference FROM declaration
        WHERE plate = $1 AND id <> $2 AND status IN ${ACTIVE_STATUSES_SQL} LIMIT 1`,
      [d.plate, d.id],
    );
    return row?.reference ?? null;
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
