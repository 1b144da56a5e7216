import { Injectable } from '@nestjs/common';
import type { GateCode } from '../../common/domain/gate-code.js';
import { BookingRuleRepository } from './booking-rule.repository.js';

/** How early before its slot and how late after its end a booked truck may arrive at the gate itself. */
export interface ArrivalWindow {
  earlyAllowanceMs: number;
  lateGraceMs: number;
}

/** Arrival slots as the rest of the service reads them. */
@Injectable()
export class SlotsService {
  constructor(private readonly rules: BookingRuleRepository) {}

  /**
   * The gate's arrival tolerance (its booking rule): a truck booked for the hour starting at `s` may arrive at the
   * gate in `[s − earlyAllowance, s + 1 h + lateGrace)`.
   */
  async arrivalWindow(gate: GateCode): Promise<ArrivalWindow> {
    const rule = await this.rules.rule(gate);
    if (!rule) throw new Error(`gate ${gate} has no booking rule`);
    return { earlyAllowanceMs: rule.early_allowance_seconds * 1000, lateGraceMs: rule.late_grace_seconds * 1000 };
  }
}
