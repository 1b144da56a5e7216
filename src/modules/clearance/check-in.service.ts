import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { canonicalPlateField } from '../../common/validation/plate-field.js';
import { Sql } from '../../database/sql.js';
import { assertOfficerMay, type AuthenticatedOfficer } from '../auth/officer-access.js';
import { CHECK_IN_AUDIENCE, TokenService } from '../auth/token.service.js';
import { transition } from '../declarations/declaration-lifecycle.js';
import type { GateCode } from '../../common/domain/gate-code.js';
import { type ClearanceSubject, DeclarationsRepository } from '../declarations/declarations.repository.js';
import { ClearanceRepository, type StepRow } from './clearance.repository.js';
import { officerActor } from '../declarations/audit.js';
import { planSteps } from './routing.js';
import { type Message, msg } from '../../common/i18n/message.js';
import { RegulationYardsService } from '../regulation-yards/regulation-yards.service.js';

export interface CheckInResult {
  declaration: ClearanceSubject;
  steps: StepRow[];
}

const NOT_ACCEPTED_REASONS: Record<string, Message> = {
  submitted: msg('checkin.reason.submitted'),
  rejected: msg('checkin.reason.rejected'),
  cancelled: msg('checkin.reason.cancelled'),
  expired: msg('checkin.reason.expired'),
  exited: msg('checkin.reason.exited'),
};

/** Arrival at the gate: the accepted declaration moves to `in_yard` and its clearance steps are created. */
@Injectable()
export class CheckInService {
  constructor(
    private readonly sql: Sql,
    private readonly declarations: DeclarationsRepository,
    private readonly clearance: ClearanceRepository,
    private readonly tokens: TokenService,
    private readonly yards: RegulationYardsService,
  ) {}

  async checkIn(
    officer: AuthenticatedOfficer,
    gate: GateCode,
    input: { plate?: string; qrToken?: string },
  ): Promise<CheckInResult> {
    assertOfficerMay(officer, gate, ['yard', 'border_guard'], msg('action.checkIn'));
    const byQr = input.qrToken ? await this.readQr(input.qrToken) : null;
    return this.sql.dataSource.transaction(async (manager) => {
      const d = byQr
        ? await this.declarations.lockForClearance(manager, byQr.declarationId)
        : await this.declarations.findForClearance(manager, canonicalPlateField(input.plate ?? ''));
      if (!d) throw new DomainError('CHECKIN.NO_DECLARATION', msg('checkin.noDeclaration'));
      if (byQr && byQr.version !== d.version && d.status !== 'waiting_at_yard') {
        throw new DomainError('CHECKIN.QR_OUTDATED', msg('checkin.qrOutdated'));
      }
      this.assertCanArrive(d, gate);
      const arrival = await this.yards.gateArrival(manager, d);
      if (arrival.kind === 'not_called') {
        throw new DomainError('CHECKIN.NOT_CALLED', msg('checkin.notCalled', { yard: arrival.yard }), {
          reference: d.reference,
          yard: arrival.yard,
          placeInLine: arrival.placeInLine,
        });
      }
      // The check-in at a regulation yard moved the declaration on a version: the QR code the driver was given
      // before it (the version the wait recorded) still checks the called truck in.
      const qrVersions = arrival.kind === 'called' ? [d.version, arrival.checkedInVersion] : [d.version];
      if (byQr && !qrVersions.includes(byQr.version)) {
        throw new DomainError('CHECKIN.QR_OUTDATED', msg('checkin.qrOutdated'));
      }
      if (arrival.kind === 'go_to_yard') {
        throw new DomainError(
          'CHECKIN.GO_TO_REGULATION_YARD',
          msg('checkin.goToRegulationYard', { yards: arrival.regulationYards }),
          { reference: d.reference, reason: arrival.reason, regulationYards: arrival.regulationYards },
        );
      }
      if (arrival.kind === 'called') await this.yards.arrivedAtGate(manager, d.id);
      await transition(manager, {
        declarationId: d.id,
        from: d.status,
        to: 'in_yard',
        version: d.version,
        actor: officerActor(officer),
      });
      await this.declarations.markArrived(manager, d.id);
      const steps = await this.clearance.createSteps(
        manager,
        d,
        planSteps(
          d.direction,
          {
            perishable: d.cargo_perishable,
            hsCode: d.cargo_hs_code,
            quarantineRequired: d.cargo_quarantine_required,
          },
          { kind: d.trip_kind, role: d.handover_role },
        ),
      );
      return { declaration: { ...d, status: 'in_yard' }, steps };
    });
  }

  private assertCanArrive(d: ClearanceSubject, gate: GateCode): void {
    if ((d.status === 'accepted' || d.status === 'waiting_at_yard') && d.gate_code !== gate) {
      throw new DomainError('CHECKIN.WRONG_GATE', msg('checkin.wrongGate', { declared: d.gate_code, gate }), {
        reference: d.reference,
        declaredGate: d.gate_code,
      });
    }
    if (d.status === 'in_yard' || d.status === 'cleared' || d.status === 'refused') {
      throw new DomainError('CHECKIN.ALREADY_ARRIVED', msg('checkin.alreadyArrived', { status: d.status }), {
        reference: d.reference,
        status: d.status,
      });
    }
    if (d.status !== 'accepted' && d.status !== 'waiting_at_yard') {
      throw new DomainError(
        'CHECKIN.NOT_ACCEPTED',
        msg('checkin.notAccepted', {
          reason: NOT_ACCEPTED_REASONS[d.status] ?? msg('checkin.reason.other', { status: d.status }),
        }),
        {
          reference: d.reference,
          status: d.status,
          ...(d.status === 'rejected' ? { reasons: d.reasons } : {}),
        },
      );
    }
  }

  private async readQr(token: string): Promise<{ declarationId: string; version: number }> {
    try {
      const claims = await this.tokens.verify(CHECK_IN_AUDIENCE, token);
      if (typeof claims.sub !== 'string' || typeof claims.ver !== 'number') throw new Error('claims');
      return { declarationId: claims.sub, version: claims.ver };
    } catch {
      throw new DomainError('CHECKIN.QR_INVALID', msg('checkin.qrInvalid'));
    }
  }
}
