import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendAudit } from '../declarations/audit.js';
import { BookingRuleRepository } from './booking-rule.repository.js';
import { BookingSanctionsRepository, type NewStrike } from './booking-sanctions.repository.js';
import type { StrikeKind } from './booking-strike.entity.js';

/** Who opens suspensions in the audit log. */
export const SYSTEM_SLOT_WATCH = 'system:slot-watch';

/**
 * Strikes and what they lead to: each strike recorded once per declaration and kind; when a vehicle's strikes (or
 * a company's) within the gate's strike window reach its limit, a suspension opens for the rule's length, audited
 * `booking.suspended` on the declaration whose strike opened it. Call inside the transaction that finds the strikes.
 */
@Injectable()
export class BookingSanctions {
  constructor(
    private readonly rules: BookingRuleRepository,
    private readonly sanctions: BookingSanctionsRepository,
  ) {}

  async strike(
    manager: EntityManager,
    kind: StrikeKind,
    strikes: NewStrike[],
  ): Promise<{ strikes: number; suspensions: number }> {
    const recorded = await this.sanctions.addStrikes(manager, kind, strikes);
    let suspensions = 0;
    for (const s of recorded) {
      const rule = await this.rules.ruleIn(manager, s.gate);
      if (!rule) continue;
      const window = rule.strike_window_seconds;
      const length = rule.suspension_seconds;
      for (const scope of [
        { plate: s.plate, limit: rule.vehicle_strike_limit },
        { plate: null, limit: rule.company_strike_limit },
      ]) {
        const opened = await this.sanctions.openSuspensionIfDue(
          manager,
          { companyId: s.companyId, plate: scope.plate, declarationId: s.declarationId },
          s.at,
          { windowSeconds: window, limit: scope.limit, suspensionSeconds: length },
        );
        if (!opened) continue;
        suspensions += 1;
        await appendAudit(manager, {
          declarationId: s.declarationId,
          action: 'booking.suspended',
          actor: { ref: SYSTEM_SLOT_WATCH },
          note: `${scope.plate ? 'vehicle' : 'company'} until ${opened.ends_at.toISOString()}: ${opened.reason}`,
        });
      }
    }
    return { strikes: recorded.length, suspensions };
  }
}
