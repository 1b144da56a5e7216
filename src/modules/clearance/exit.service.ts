import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { canonicalPlateField } from '../../common/validation/plate-field.js';
import { Sql } from '../../database/sql.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import { type ClearanceSubject, DeclarationsRepository } from '../declarations/declarations.repository.js';
import { ReturnsRepository } from '../returns/returns.repository.js';
import { ClearanceRepository } from './clearance.repository.js';
import { HandoverRepository } from './handover.repository.js';
import { officerActor } from '../declarations/audit.js';
import { THROUGH_TRIP, type TripRoute } from './routing.js';
import { msg } from '../../common/i18n/message.js';

export type ExitDestination = 'CN' | 'VN_INLAND';

/**
 * Where a vehicle goes when it leaves. A cleared vehicle goes in the goods' direction (exports across to China,
 * imports inland), except the delivering leg of a handover: it hands its goods (or its trailer) over in the yard
 * and goes back whence it came. A refused vehicle always goes back.
 */
export function exitDestination(
  direction: Direction,
  status: 'cleared' | 'refused',
  trip: TripRoute = THROUGH_TRIP,
): ExitDestination {
  const forward = direction === 'export' ? 'CN' : 'VN_INLAND';
  const back = direction === 'export' ? 'VN_INLAND' : 'CN';
  if (status === 'refused' || trip.role === 'delivering') return back;
  return forward;
}

/** The goods' direction: the exit that crosses the border (or, for an import, leaves it inland). */
export function crossesBorder(direction: Direction, destination: ExitDestination): boolean {
  return destination === (direction === 'export' ? 'CN' : 'VN_INLAND');
}

@Injectable()
export class ExitService {
  constructor(
    private readonly sql: Sql,
    private readonly declarations: DeclarationsRepository,
    private readonly clearance: ClearanceRepository,
    private readonly handovers: HandoverRepository,
    private readonly returns: ReturnsRepository,
  ) {}

  async exit(
    officer: AuthenticatedOfficer,
    gate: GateCode,
    rawPlate: string,
  ): Promise<{ declaration: ClearanceSubject; destination: ExitDestination; returnDueAt: Date | null }> {
    assertOfficerMay(officer, gate, ['border_guard', 'yard'], msg('action.letOut'));
    const plate = canonicalPlateField(rawPlate);
    return this.sql.dataSource.transaction(async (manager) => {
      const d = await this.declarations.findForClearance(manager, plate);
      if (!d || d.gate_code !== gate || !['in_yard', 'cleared', 'refused'].includes(d.status)) {
        throw new DomainError(
          'EXIT.NO_DECLARATION',
          msg('exit.notInYard', { gate }),
          d ? { status: d.status, gate: d.gate_code } : undefined,
        );
      }
      if (d.status === 'in_yard') {
        const outstanding = (await this.clearance.stepsIn(manager, d.id))
          .filter((s) => s.status !== 'passed')
          .map((s) => ({ agency: s.agency, kind: s.kind, status: s.status }));
        throw new DomainError(
          'EXIT.NOT_CLEARED',
          msg('exit.notCleared', { agencies: outstanding.map((s) => s.agency) }),
          { outstanding },
        );
      }
      if (d.status === 'cleared' && d.handover_role === 'receiving') await this.assertHandedOver(manager, d);
      const destination = exitDestination(d.direction, d.status as 'cleared' | 'refused', {
        kind: d.trip_kind,
        role: d.handover_role,
      });
      await transition(manager, {
        declarationId: d.id,
        from: d.status,
        to: 'exited',
        version: d.version,
        actor: officerActor(officer),
        note: `exit to ${destination}`,
      });
      await this.declarations.markExited(manager, d.id, destination);
      const due =
        d.status === 'cleared' && d.trip_kind === 'delivery_and_return' && crossesBorder(d.direction, destination)
          ? await this.returns.open(manager, { declarationId: d.id, gate, twoWayTransport: d.two_way_transport })
          : null;
      return { declaration: { ...d, status: 'exited' }, destination, returnDueAt: due?.dueAt ?? null };
    });
  }

  /** The receiving leg takes goods (or a trailer) over in the yard: it may leave only once they were handed over. */
  private async assertHandedOver(manager: EntityManager, d: ClearanceSubject): Promise<void> {
    const delivering = d.linked_declaration_id
      ? await this.handovers.deliveringLeg(manager, d.linked_declaration_id)
      : null;
    if (delivering?.cleared) return;
    throw new DomainError(
      'EXIT.HANDOVER_PENDING',
      msg('exit.handoverPending', { reference: delivering?.reference ?? '' }),
      { deliveringReference: delivering?.reference ?? null, deliveringStatus: delivering?.status ?? null },
    );
  }
}
