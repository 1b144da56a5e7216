import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DIRECTIONS, type Direction, type GateCode } from '../../common/domain/gate-code.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import { PlateNumber } from '../../common/identifiers/plate-number.js';
import { isUuid } from '../../common/validation/uuid.js';
import { Sql } from '../../database/sql.js';
import { type AuthenticatedOfficer, assertOfficerMay, isSupervisorOf } from '../auth/officer-access.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import { appendAudit, officerActor } from '../declarations/audit.js';
import { STEP_AGENCIES } from '../officers/agency.js';
import type { BookingRuleRow } from './booking-rule.repository.js';
import { BookingSanctionsRepository, type SuspensionRow } from './booking-sanctions.repository.js';
import type {
  BookingRuleDto,
  BookingRuleRequestDto,
  BookingSuspensionDto,
  CapacityExceptionDto,
  CapacityExceptionRequestDto,
  HourlyCapacityDto,
  HourlyCapacityRequestDto,
} from './dto/slots.dto.js';
import { type CapacityExceptionRow, SlotSettingsRepository } from './slot-settings.repository.js';
import { HOUR_MS } from './slot-windows.js';
import { SlotsService } from './slots.service.js';

function assertSupervisor(officer: AuthenticatedOfficer, gate: GateCode): void {
  if (!isSupervisorOf(officer, gate))
    throw new DomainError('AUTH.FORBIDDEN', msg('auth.slotsSupervisorsOnly', { gate }));
}

export function toSuspension(s: SuspensionRow): BookingSuspensionDto {
  return {
    id: s.id,
    scope: s.plate ? 'vehicle' : 'company',
    plate: s.plate,
    plateDisplay: s.plate ? PlateNumber.displayOf(s.plate) : null,
    companyId: s.company_id,
    reason: s.reason,
    strikes: s.strikes,
    startsAt: s.starts_at.toISOString(),
    until: s.ends_at.toISOString(),
    liftedAt: s.lifted_at?.toISOString() ?? null,
    liftedBy: s.lifted_by,
    liftNote: s.lift_note,
  };
}

function toException(e: CapacityExceptionRow): CapacityExceptionDto {
  return {
    id: e.id,
    gate: e.gate_code,
    direction: e.direction,
    startsAt: e.starts_at.toISOString(),
    endsAt: e.ends_at.toISOString(),
    capacityPerHour: e.capacity_per_hour,
    reason: e.reason,
    createdAt: e.created_at.toISOString(),
    createdBy: e.created_by,
  };
}

function toRule(r: BookingRuleRow): BookingRuleDto {
  return {
    gate: r.gate_code,
    earlyAllowanceMinutes: r.early_allowance_seconds / 60,
    lateGraceMinutes: r.late_grace_seconds / 60,
    lateCancellationMinutes: r.late_cancellation_seconds / 60,
    strikeWindowDays: r.strike_window_seconds / 86_400,
    vehicleStrikeLimit: r.vehicle_strike_limit,
    companyStrikeLimit: r.company_strike_limit,
    suspensionDays: r.suspension_seconds / 86_400,
    bookingHorizonDays: r.booking_horizon_seconds / 86_400,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by,
  };
}

/** Supervisors' settings (hourly capacity, its calendar, the booking rule) and the booking suspensions. */
@Injectable()
export class SlotAdminService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly settings: SlotSettingsRepository,
    private readonly sanctions: BookingSanctionsRepository,
    private readonly slots: SlotsService,
  ) {}

  async hourlyCapacity(officer: AuthenticatedOfficer, gate: GateCode, direction?: Direction) {
    assertOfficerMay(officer, gate, STEP_AGENCIES);
    const directions = direction ? [direction] : DIRECTIONS;
    const rows = await this.settings.hourCapacity(gate, directions);
    return directions.map((d): HourlyCapacityDto => ({
      direction: d,
      hours: rows.filter((r) => r.direction === d).map((r) => ({ hour: r.hour, capacity: r.capacity })),
    }));
  }

  async setHourlyCapacity(
    officer: AuthenticatedOfficer,
    gate: GateCode,
    body: HourlyCapacityRequestDto,
  ): Promise<HourlyCapacityDto> {
    assertSupervisor(officer, gate);
    const hours = body.hours.map((h) => h.hour);
    if (new Set(hours).size !== hours.length) throw DomainError.invalidField('hours', msg('field.repeatedItems'));
    await this.settings.setHourCapacity(gate, body.direction, body.hours, officer.id);
    return (await this.hourlyCapacity(officer, gate, body.direction))[0];
  }

  async exceptions(officer: AuthenticatedOfficer, gate: GateCode): Promise<CapacityExceptionDto[]> {
    assertOfficerMay(officer, gate, STEP_AGENCIES);
    return (await this.settings.exceptions(gate, this.clock.now())).map(toException);
  }

  async addException(
    officer: AuthenticatedOfficer,
    gate: GateCode,
    body: CapacityExceptionRequestDto,
  ): Promise<CapacityExceptionDto> {
    assertSupervisor(officer, gate);
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    if (startsAt.getTime() % HOUR_MS !== 0) throw DomainError.invalidField('startsAt', msg('field.slotWholeHour'));
    if (endsAt.getTime() % HOUR_MS !== 0) throw DomainError.invalidField('endsAt', msg('field.slotWholeHour'));
    if (endsAt <= startsAt) throw DomainError.invalidField('endsAt', msg('field.periodOrder'));
    const row = await this.settings.addException(
      gate,
      {
        direction: body.direction ?? null,
        startsAt,
        endsAt,
        capacityPerHour: body.capacityPerHour,
        reason: body.reason.trim(),
      },
      officer.id,
    );
    return toException(row);
  }

  async removeException(officer: AuthenticatedOfficer, gate: GateCode, id: string): Promise<void> {
    assertSupervisor(officer, gate);
    if (!isUuid(id) || !(await this.settings.removeException(gate, id.toLowerCase(), officer.id))) {
      throw new DomainError('CAPACITY_EXCEPTION.NOT_FOUND', msg('capacityException.notFound', { gate }));
    }
  }

  async rule(officer: AuthenticatedOfficer, gate: GateCode): Promise<BookingRuleDto> {
    assertOfficerMay(officer, gate, STEP_AGENCIES);
    return toRule(await this.slots.rule(gate));
  }

  async setRule(officer: AuthenticatedOfficer, gate: GateCode, body: BookingRuleRequestDto): Promise<BookingRuleDto> {
    assertSupervisor(officer, gate);
    const row = await this.settings.setRule(
      gate,
      {
        earlyAllowanceSeconds: body.earlyAllowanceMinutes * 60,
        lateGraceSeconds: body.lateGraceMinutes * 60,
        lateCancellationSeconds: body.lateCancellationMinutes * 60,
        strikeWindowSeconds: body.strikeWindowDays * 86_400,
        vehicleStrikeLimit: body.vehicleStrikeLimit,
        companyStrikeLimit: body.companyStrikeLimit,
        suspensionSeconds: body.suspensionDays * 86_400,
        bookingHorizonSeconds: body.bookingHorizonDays * 86_400,
      },
      officer.id,
    );
    return toRule(row);
  }

  async companySuspensions(company: AuthenticatedCompany): Promise<BookingSuspensionDto[]> {
    return (await this.sanctions.ofCompany(company.companyId, this.clock.now())).map(toSuspension);
  }

  async gateSuspensions(officer: AuthenticatedOfficer, gate: GateCode): Promise<BookingSuspensionDto[]> {
    assertOfficerMay(officer, gate, STEP_AGENCIES);
    return (await this.sanctions.atGate(gate, this.clock.now())).map(toSuspension);
  }

  /** A supervisor of a gate the suspension's strikes were at lifts it, with a note; audited. */
  async lift(officer: AuthenticatedOfficer, id: string, note: string): Promise<BookingSuspensionDto> {
    if (!isUuid(id)) throw new DomainError('SUSPENSION.NOT_FOUND', msg('suspension.notFound'));
    return this.sql.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const s = await this.sanctions.lockForLift(manager, id.toLowerCase());
      if (!s) throw new DomainError('SUSPENSION.NOT_FOUND', msg('suspension.notFound'));
      if (!s.gates.some((gate) => isSupervisorOf(officer, gate))) {
        throw new DomainError(
          'AUTH.FORBIDDEN',
          msg('auth.suspensionLiftSupervisorsOnly', { gate: s.gates.join(', ') || '-' }),
        );
      }
      if (s.lifted_at || s.ends_at <= now) {
        throw new DomainError('SUSPENSION.ALREADY_ENDED', msg('suspension.alreadyEnded'));
      }
      const lifted = await this.sanctions.lift(manager, s.id, officer.id, note.trim(), now);
      if (s.declaration_id) {
        await appendAudit(manager, {
          declarationId: s.declaration_id,
          action: 'booking.suspension_lifted',
          actor: officerActor(officer),
          note: note.trim(),
        });
      }
      return toSuspension(lifted);
    });
  }
}
