import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import { msg } from '../../common/i18n/message.js';
import { isUuid } from '../../common/validation/uuid.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { AGENCIES } from '../officers/agency.js';
import { toDeclarationResponse } from './declaration.mapper.js';
import { DeclarationStepsReader } from './declaration-steps.reader.js';
import { DeclarationYardReader } from './declaration-yard.reader.js';
import { DeclarationsRepository } from './declarations.repository.js';
import { FeeSchedulesRepository } from '../fees/fee-schedules.repository.js';
import type { OfficerDeclarationResponseDto } from './dto/officer-declaration.response.dto.js';

/** Declarations as the officers of their gate read them. */
@Injectable()
export class OfficerDeclarationsService {
  constructor(
    private readonly declarations: DeclarationsRepository,
    private readonly steps: DeclarationStepsReader,
    private readonly yards: DeclarationYardReader,
    private readonly fees: FeeSchedulesRepository,
  ) {}

  /** Any officer posted at the gate; 404 `DECLARATION.NOT_FOUND` for a declaration of another gate (or none). */
  async atGate(officer: AuthenticatedOfficer, gate: GateCode, id: string): Promise<OfficerDeclarationResponseDto> {
    assertOfficerMay(officer, gate, AGENCIES);
    const row = isUuid(id) ? await this.declarations.findAtGate(gate, id.toLowerCase()) : null;
    if (!row) throw new DomainError('DECLARATION.NOT_FOUND', msg('declaration.notAtGate', { gate }));
    const [steps, feeQuote, regulationYard] = await Promise.all([
      this.steps.stepsForOfficersOf(row.id),
      this.fees.quoteOf(row.id),
      row.status === 'waiting_at_yard' ? this.yards.waitOf(row.id) : null,
    ]);
    const d = toDeclarationResponse(row, { withTimeline: true });
    return {
      id: d.id,
      reference: d.reference,
      status: d.status,
      version: d.version,
      gate: d.gate,
      direction: d.direction,
      tripKind: d.tripKind,
      handover: d.handover,
      feeExemptionCode: d.feeExemptionCode,
      expectedArrivalAt: d.expectedArrivalAt,
      slot: d.slot,
      arrivedAt: d.arrivedAt,
      exitedAt: d.exitedAt,
      vehicle: d.vehicle,
      driver: d.driver,
      cargo: d.cargo,
      feeQuote,
      steps,
      regulationYard,
      timeline: d.timeline ?? [],
    };
  }
}
