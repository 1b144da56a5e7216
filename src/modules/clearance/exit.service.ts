import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { canonicalPlateField } from '../../common/validation/plate-field.js';
import { Sql } from '../../database/sql.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import { type ClearanceSubject, DeclarationsRepository } from '../declarations/declarations.repository.js';
import { ClearanceRepository } from './clearance.repository.js';
import { officerActor } from './officer-actor.js';
import { msg } from '../../common/i18n/message.js';

export type ExitDestination = 'CN' | 'VN_INLAND';

/** Where a vehicle goes when it leaves: across for cleared exports, inland for cleared imports; refused ones go back. */
export function exitDestination(direction: 'export' | 'import', status: 'cleared' | 'refused'): ExitDestination {
  const forward = direction === 'export' ? 'CN' : 'VN_INLAND';
  const back = direction === 'export' ? 'VN_INLAND' : 'CN';
  return status === 'cleared' ? forward : back;
}

@Injectable()
export class ExitService {
  constructor(
    private readonly sql: Sql,
    private readonly declarations: DeclarationsRepository,
    private readonly clearance: ClearanceRepository,
  ) {}

  async exit(
    officer: AuthenticatedOfficer,
    gate: GateCode,
    rawPlate: string,
  ): Promise<{ declaration: ClearanceSubject; destination: ExitDestination }> {
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
      const destination = exitDestination(d.direction, d.status as 'cleared' | 'refused');
      await transition(manager, {
        declarationId: d.id,
        from: d.status,
        to: 'exited',
        version: d.version,
        actor: officerActor(officer),
        note: `exit to ${destination}`,
      });
      await this.declarations.markExited(manager, d.id, destination);
      return { declaration: { ...d, status: 'exited' }, destination };
    });
  }
}
