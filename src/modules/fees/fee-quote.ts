import { LAST_FARM_HS_CHAPTER } from './fee-rules.js';
import type { FeeQuoteDto } from './dto/fee-quote.dto.js';

/** The fee of a declaration as read with it: all null where no quote is taken (or no schedule was in force). */
export interface FeeQuoteColumns {
  fee_quote_vnd: string | null;
  fee_quote_vehicle_class: string | null;
  fee_quote_goods_category: string | null;
  fee_quote_base_vnd: string | null;
  fee_quote_percent: number | null;
  fee_quote_schedule_id: string | null;
  fee_quote_exemption_code: string | null;
  fee_quote_weight_basis_kg: number | null;
  fee_quote_gross_weight_kg: number | null;
  fee_quote_direction: string | null;
}

/** The columns of `feeQuoteJoin`, named as FeeQuoteColumns. */
export const FEE_QUOTE_COLUMNS = `fee.amount_vnd AS fee_quote_vnd, fee.vehicle_class AS fee_quote_vehicle_class,
  fee.goods_category AS fee_quote_goods_category, fee.base_vnd AS fee_quote_base_vnd, fee.percent AS fee_quote_percent,
  fee.schedule_id AS fee_quote_schedule_id, fee.exemption_code AS fee_quote_exemption_code,
  fee.weight_basis_kg AS fee_quote_weight_basis_kg, fee.gross_weight_kg AS fee_quote_gross_weight_kg,
  fee.direction AS fee_quote_direction`;

const HS_CHAPTER = `CASE WHEN d.cargo_hs_code ~ '^[0-9]{2}' THEN left(d.cargo_hs_code, 2)::int END`;

/**
 * The fee of declaration `d` as `fee.*`, joined where `when` holds: the rules of fee-rules.ts (quoteFee) written
 * as one LATERAL join over the schedule in force on `d.arrival_day` (test/officer-answers.test.ts runs both over
 * a grid of trips). One expression for the quote in the yard's queue, the claim, the declaration's answers and
 * the amount the fee step records, so an officer collects what was quoted.
 */
export function feeQuoteJoin(when: string): string {
  return `LEFT JOIN LATERAL (
    SELECT s.id AS schedule_id, c.vehicle_class, g.goods_category, r.amount_vnd AS base_vnd, p.percent,
           x.code AS exemption_code, w.basis_kg AS weight_basis_kg, d.cargo_gross_weight_kg AS gross_weight_kg,
           d.direction,
           CASE WHEN x.code IS NULL THEN round(r.amount_vnd * p.percent / 100.0)::bigint ELSE 0 END AS amount_vnd
      FROM (SELECT * FROM fee_schedule fs WHERE fs.valid_from <= d.arrival_day ORDER BY fs.valid_from DESC LIMIT 1) s
      CROSS JOIN LATERAL (SELECT coalesce(d.vehicle_tonnage_kg, d.cargo_gross_weight_kg) AS basis_kg) w
      CROSS JOIN LATERAL (SELECT greatest(
          coalesce(
            (SELECT k.vehicle_class FROM fee_schedule_class k
              WHERE k.schedule_id = s.id AND k.below_kg > w.basis_kg ORDER BY k.below_kg LIMIT 1),
            (SELECT k.vehicle_class FROM fee_schedule_class k WHERE k.schedule_id = s.id AND k.below_kg IS NULL)),
          (SELECT max(fc.min_class) FROM declaration_container dc
             JOIN fee_schedule_container fc ON fc.schedule_id = s.id AND fc.size_feet = dc.size_feet
            WHERE dc.declaration_id = d.id)) AS vehicle_class) c
      CROSS JOIN LATERAL (SELECT CASE
          WHEN d.trip_kind = 'empty' OR d.cargo_gross_weight_kg = 0
            OR (d.trip_kind = 'tractor_swap' AND d.handover_role = 'receiving') THEN 'empty'
          WHEN d.cargo_perishable OR ${HS_CHAPTER} <= ${LAST_FARM_HS_CHAPTER} THEN 'farm'
          WHEN d.cargo_regime = 're_export' THEN 're_export'
          WHEN d.cargo_regime = 'temporary_import' THEN 'temporary_import'
          ELSE 'general' END AS goods_category) g
      CROSS JOIN LATERAL (SELECT CASE
          WHEN d.trip_kind = 'transshipment' THEN s.transshipment_percent
          WHEN d.direction = 'import' AND d.cargo_regime = 'standard' AND g.goods_category <> 'empty'
            THEN s.domestic_import_percent
          ELSE 100 END AS percent) p
      JOIN fee_schedule_rate r
        ON r.schedule_id = s.id AND r.vehicle_class = c.vehicle_class AND r.goods_category = g.goods_category
      LEFT JOIN fee_schedule_exemption x ON x.schedule_id = s.id AND x.code = d.fee_exemption_code) fee ON ${when}`;
}

/** The quote as answered (the yard's queue, the claim, the declaration); null where none was taken. */
export function toFeeQuoteDto(row: FeeQuoteColumns): FeeQuoteDto | null {
  if (row.fee_quote_vnd === null || row.fee_quote_vehicle_class === null || row.fee_quote_goods_category === null) {
    return null;
  }
  const percent = Number(row.fee_quote_percent);
  return {
    amount: Number(row.fee_quote_vnd),
    currency: 'VND',
    basis: {
      scheduleId: row.fee_quote_schedule_id as string,
      vehicleClass: row.fee_quote_vehicle_class,
      weightBasisKg: Number(row.fee_quote_weight_basis_kg),
      grossWeightKg: Number(row.fee_quote_gross_weight_kg),
      goodsCategory: row.fee_quote_goods_category,
      direction: row.fee_quote_direction as string,
      baseAmount: Number(row.fee_quote_base_vnd),
      percent,
      directionPercent: percent,
      exemptionCode: row.fee_quote_exemption_code,
    },
  };
}
