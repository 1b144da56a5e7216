import { Injectable } from '@nestjs/common';
import type { GateCode } from '../../common/domain/gate-code.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import { msg } from '../../common/i18n/message.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { csvLines } from './csv.js';
import { type CollectedFeeRow, FeeCollectionsRepository } from './fee-collections.repository.js';

/** The header row of the finance office's export (docs/fees.md, "Export for the finance office"). */
export const FEES_CSV_HEADER = [
  'paid_at',
  'reference',
  'plate',
  'direction',
  'vehicle_class',
  'goods_category',
  'base_vnd',
  'percent',
  'amount_vnd',
  'exemption_code',
  'schedule_id',
  'e_receipt_number',
  'officer',
] as const;

/** `2026-12-07T14:03:12+07:00`: the moment in the gate's own time, with its offset. */
export function gateTime(at: Date, offsetMinutes: number): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function toCells(r: CollectedFeeRow): (string | number | null)[] {
  const number = (v: string | number | null) => (v === null ? null : Number(v));
  return [
    gateTime(r.decided_at, r.utc_offset_minutes),
    r.reference,
    PlateNumber.displayOf(r.plate),
    r.direction,
    r.vehicle_class,
    r.goods_category,
    number(r.base_vnd),
    number(r.percent),
    number(r.amount_vnd),
    r.exemption_code,
    r.schedule_id,
    r.payment_reference,
    r.officer,
  ];
}

/** The fees collected at a gate over a range of its local days, as CSV for the finance office. */
@Injectable()
export class FeeExportService {
  constructor(private readonly fees: FeeCollectionsRepository) {}

  /** Supervisors and yard officers posted at the gate. */
  async csv(officer: AuthenticatedOfficer, gate: GateCode, from: string, to: string): Promise<string> {
    assertOfficerMay(officer, gate, ['yard'], msg('action.exportFees'));
    const rows = await this.fees.collected(gate, from, to);
    return csvLines([[...FEES_CSV_HEADER], ...rows.map(toCells)]);
  }
}
