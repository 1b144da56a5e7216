import { Injectable } from '@nestjs/common';
import type { GateCode } from '../../common/domain/gate-code.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import { canonicalPlateField } from '../../common/validation/plate-field.js';
import { Sql } from '../../database/sql.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { appendAudit, officerActor } from '../declarations/audit.js';
import type { ReturnListState } from './return-events.js';
import { type OpenReturnRow, ReturnsRepository } from './returns.repository.js';

export interface ReturnCheckIn {
  declarationId: string;
  reference: string;
  plate: string;
  exitedAt: Date;
  dueAt: Date;
  returnedAt: Date;
  late: boolean;
}

/** Who checks vehicles in at a gate checks returning ones in, and sees who is still away. */
const GATE_CREW = ['yard', 'border_guard'] as const;

/** The return of a vehicle that crossed for a delivery: checked in when it comes back, listed while it is away. */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly sql: Sql,
    private readonly returns: ReturnsRepository,
  ) {}

  /** Closes the open return of the vehicle with this plate, with an audit record in the same transaction. */
  async checkIn(officer: AuthenticatedOfficer, gate: GateCode, rawPlate: string): Promise<ReturnCheckIn> {
    assertOfficerMay(officer, gate, GATE_CREW, msg('action.checkInReturn'));
    const plate = canonicalPlateField(rawPlate);
    return this.sql.dataSource.transaction(async (manager) => {
      const open = await this.returns.lockOpenByPlate(manager, plate);
      if (!open) {
        if (!(await this.returns.plateKnown(manager, plate))) {
          throw new DomainError('RETURN.UNKNOWN_VEHICLE', msg('return.unknownVehicle'), { field: 'plate', plate });
        }
        throw new DomainError('RETURN.NOT_AWAY', msg('return.notAway'), { field: 'plate', plate });
      }
      const closed = await this.returns.close(manager, open.declaration_id, gate);
      await appendAudit(manager, {
        declarationId: open.declaration_id,
        action: 'return.checked_in',
        actor: officerActor(officer),
        note: closed.late ? `returned late, due ${closed.due_at.toISOString()}` : null,
      });
      return {
        declarationId: open.declaration_id,
        reference: closed.reference,
        plate: closed.plate,
        exitedAt: closed.exited_at,
        dueAt: closed.due_at,
        returnedAt: closed.returned_at,
        late: closed.late,
      };
    });
  }

  /** The open returns of vehicles that left by `gate`, awaiting or overdue. */
  list(officer: AuthenticatedOfficer, gate: GateCode, state: ReturnListState): Promise<OpenReturnRow[]> {
    assertOfficerMay(officer, gate, GATE_CREW, msg('action.listReturns'));
    return this.returns.list(gate, state);
  }
}
