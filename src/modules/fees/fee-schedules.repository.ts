import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsIn, Sql } from '../../database/sql.js';
import type { FeeQuoteDto } from './dto/fee-quote.dto.js';
import { FEE_QUOTE_COLUMNS, type FeeQuoteColumns, feeQuoteJoin, toFeeQuoteDto } from './fee-quote.js';
import type { FeeSchedule } from './fee-rules.js';

/** The schedule whose exemption list a code is checked against: the one in force on the day. */
const EXEMPTION_LISTED = `SELECT EXISTS (
  SELECT 1 FROM fee_schedule_exemption x
   WHERE x.code = $1
     AND x.schedule_id = (SELECT id FROM fee_schedule WHERE valid_from <= $2::date ORDER BY valid_from DESC LIMIT 1)
) AS listed`;

const SCHEDULES = `
SELECT s.id, s.title, s.valid_from::text AS "validFrom", s.transshipment_percent AS "transshipmentPercent",
       s.domestic_import_percent AS "domesticImportPercent",
       (SELECT coalesce(jsonb_agg(jsonb_build_object('vehicleClass', k.vehicle_class, 'belowKg', k.below_kg)
                                  ORDER BY k.vehicle_class), '[]') FROM fee_schedule_class k WHERE k.schedule_id = s.id) AS classes,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('sizeFeet', c.size_feet, 'minClass', c.min_class)
                                  ORDER BY c.size_feet), '[]') FROM fee_schedule_container c WHERE c.schedule_id = s.id) AS "containerClasses",
       (SELECT coalesce(jsonb_agg(jsonb_build_object('vehicleClass', r.vehicle_class, 'goodsCategory', r.goods_category,
                                                     'amountVnd', r.amount_vnd) ORDER BY r.vehicle_class, r.goods_category), '[]')
          FROM fee_schedule_rate r WHERE r.schedule_id = s.id) AS rates,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('code', x.code, 'description', x.description) ORDER BY x.code), '[]')
          FROM fee_schedule_exemption x WHERE x.schedule_id = s.id) AS exemptions
  FROM fee_schedule s ORDER BY s.valid_from`;

export type StoredFeeSchedule = FeeSchedule & { title: string };

/** The fee schedules (docs/fees.md) and the quote of a declaration under the one in force on its arrival day. */
@Injectable()
export class FeeSchedulesRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Whether the schedule in force on `day` (YYYY-MM-DD, the arrival day) lists this exemption code. In the
   * caller's transaction when given a manager. False when no schedule is in force on that day.
   */
  async exemptionListed(executor: EntityManager | Sql, code: string, day: string): Promise<boolean> {
    const rows =
      executor instanceof Sql
        ? await executor.rows<{ listed: boolean }>(EXEMPTION_LISTED, [code, day])
        : await rowsIn<{ listed: boolean }>(executor, EXEMPTION_LISTED, [code, day]);
    return rows[0]?.listed === true;
  }

  /** Every schedule, oldest first, with its classes, container sizes, rates and exemptions. */
  async schedules(): Promise<StoredFeeSchedule[]> {
    const rows = await this.sql.rows<StoredFeeSchedule>(SCHEDULES);
    return rows.map((s) => ({ ...s, rates: s.rates.map((r) => ({ ...r, amountVnd: Number(r.amountVnd) })) }));
  }

  /** The fee a declaration is quoted now (as it stands); null when no schedule was in force on its arrival day. */
  async quoteOf(declarationId: string): Promise<FeeQuoteDto | null> {
    const row = await this.sql.one<FeeQuoteColumns>(
      `SELECT ${FEE_QUOTE_COLUMNS} FROM declaration d ${feeQuoteJoin('true')} WHERE d.id = $1`,
      [declarationId],
    );
    return row ? toFeeQuoteDto(row) : null;
  }
}
