import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/validation/uuid.js';
import type { EntityManager } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { rowsIn, Sql } from '../../database/sql.js';
import { type AuthenticatedOfficer, isSupervisorOf } from '../auth/officer-access.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import { companyActorRef } from '../companies/company-principal.js';
import { enqueueInTransaction } from '../outbox/enqueue.js';
import { JobName, QueueName, screeningJobId } from '../queue/queue-names.js';
import { type Actor, appendAudit, officerActor } from './audit.js';
import { releaseCapacity } from './capacity.js';
import {
  canonicaliseSections,
  type DeclarationFields,
  type DeclarationSections,
  fieldParams,
} from './declaration-input.js';
import { DECLARATION_ROW_COLUMNS, replaceContainers } from './declaration-containers.js';
import { transition } from './declaration-lifecycle.js';
import type { DeclarationStatus } from './declaration-status.js';
import type { AmendmentRequestRow, DeclarationRow } from './declarations.repository.js';
import type { AmendDeclarationRequestDto } from './dto/amend-declaration.request.dto.js';
import { msg } from '../../common/i18n/message.js';

// A truck waiting at a regulation yard has arrived, for amendments: they go the request way.
const AFTER_ARRIVAL: readonly DeclarationStatus[] = ['waiting_at_yard', 'in_yard', 'cleared', 'refused'];

export type AmendOutcome = { kind: 'amended' } | { kind: 'requested'; request: AmendmentRequestRow };

// Writes every company-editable column; arrival_day follows the new arrival in the gate's time zone. A booked hour
// the new arrival no longer lies in is dropped (the ledger was given back before: releaseCapacity).
const APPLY_FIELDS = `
UPDATE declaration d SET
  slot_start = CASE WHEN $7::timestamptz >= d.slot_start AND $7::timestamptz < d.slot_start + interval '1 hour'
                    THEN d.slot_start END,
  plate = $2, plate_short = $3, vehicle_nationality = $4, trailer_plate = $5, container_number = $6,
  expected_arrival_at = $7::timestamptz, arrival_day = ($7::timestamptz AT TIME ZONE g.timezone)::date,
  driver_full_name = $8, driver_document_number = $9, driver_document_kind = $10, driver_nationality = $11,
  driver_phone = $12, cargo_description = $13, cargo_hs_code = $14, cargo_gross_weight_kg = $15,
  cargo_perishable = $16, cargo_customs_declaration_number = $17, cargo_quarantine_required = $18,
  vehicle_tonnage_kg = $19, two_way_transport = $20, cargo_regime = $21,
  updated_at = date_trunc('milliseconds', now())
FROM gate g WHERE d.id = $1 AND g.code = d.gate_code`;

/**
 * The company stays in control without an office visit: amend or cancel before arrival; after arrival an
 * amendment becomes a request that a supervisor of the gate approves or declines.
 */
@Injectable()
export class DeclarationChangesService {
  constructor(private readonly sql: Sql) {}

  async amend(company: AuthenticatedCompany, id: string, dto: AmendDeclarationRequestDto): Promise<AmendOutcome> {
    if (!dto.expectedArrivalAt && !dto.vehicle && !dto.driver && !dto.cargo) {
      throw DomainError.invalidField('body', msg('field.amendNothing'));
    }
    const actor: Actor = { ref: companyActorRef(company) };
    return this.sql.dataSource.transaction(async (manager) => {
      const d = await this.lockOwned(manager, company, id);
      const fields = canonicaliseSections(mergeSections(d, dto), d.trip_kind);
      if (AFTER_ARRIVAL.includes(d.status)) {
        const [request] = await rowsIn<Omit<AmendmentRequestRow, 'reference' | 'plate'>>(
          manager,
          `INSERT INTO amendment_request (declaration_id, changes) VALUES ($1, $2::jsonb) RETURNING *`,
          [d.id, JSON.stringify(dto)],
        );
        await appendAudit(manager, { declarationId: d.id, action: 'amendment.requested', actor });
        return { kind: 'requested', request: { ...request, reference: d.reference, plate: d.plate } };
      }
      if (d.status !== 'submitted' && d.status !== 'accepted') {
        throw new DomainError('DECLARATION.NOT_AMENDABLE', msg('declaration.notAmendable', { status: d.status }), {
          status: d.status,
        });
      }
      if (d.status === 'accepted') await releaseCapacity(manager, d.id);
      await applyFields(manager, d.id, fields);
      const version =
        d.status === 'accepted'
          ? await transition(manager, {
              declarationId: d.id,
              from: 'accepted',
              to: 'submitted',
              version: d.version,
              actor,
              note: 'amended',
            })
          : await this.bumpVersion(manager, d, actor);
      await rowsIn(
        manager,
        `UPDATE declaration SET screening_state = 'pending', screening_error = NULL, reasons = '[]' WHERE id = $1`,
        [d.id],
      );
      // Screened again under the new version: the old version's job, if still queued, finds nothing to do.
      await enqueueInTransaction(manager, {
        queue: QueueName.Screening,
        name: JobName.ScreenDeclaration,
        jobId: screeningJobId(d.id, version),
        payload: { declarationId: d.id },
      });
      return { kind: 'amended' };
    });
  }

  async cancel(company: AuthenticatedCompany, id: string): Promise<void> {
    await this.sql.dataSource.transaction(async (manager) => {
      const d = await this.lockOwned(manager, company, id);
      // A truck waiting at a regulation yard may still be withdrawn; the call forward ends its wait (`left`).
      if (d.status !== 'submitted' && d.status !== 'accepted' && d.status !== 'waiting_at_yard') {
        throw new DomainError('DECLARATION.NOT_CANCELLABLE', msg('declaration.notCancellable', { status: d.status }), {
          status: d.status,
        });
      }
      if (d.status === 'accepted' || d.status === 'waiting_at_yard') await releaseCapacity(manager, d.id);
      await transition(manager, {
        declarationId: d.id,
        from: d.status,
        to: 'cancelled',
        version: d.version,
        actor: { ref: companyActorRef(company) },
      });
    });
  }

  async decideAmendment(
    officer: AuthenticatedOfficer,
    requestId: string,
    decision: 'approve' | 'decline',
    note: string | undefined,
  ): Promise<AmendmentRequestRow> {
    if (!isUuid(requestId)) throw new DomainError('AMENDMENT.NOT_FOUND', msg('amendment.notFound'));
    return this.sql.dataSource.transaction(async (manager) => {
      const [request] = await rowsIn<Omit<AmendmentRequestRow, 'reference' | 'plate'> & { gate_code: string }>(
        manager,
        `SELECT a.*, d.gate_code FROM amendment_request a JOIN declaration d ON d.id = a.declaration_id
          WHERE a.id = $1 FOR UPDATE OF a`,
        [requestId],
      );
      if (!request) throw new DomainError('AMENDMENT.NOT_FOUND', msg('amendment.notFound'));
      if (!isSupervisorOf(officer, request.gate_code)) {
        throw new DomainError(
          'AUTH.FORBIDDEN',
          msg('auth.amendmentDecisionSupervisorsOnly', { gate: request.gate_code }),
        );
      }
      if (request.status !== 'pending') {
        throw new DomainError(
          'AMENDMENT.ALREADY_DECIDED',
          msg('amendment.alreadyDecided', { decision: request.status }),
        );
      }
      const actor = officerActor(officer);
      if (decision === 'approve') {
        const d = (
          await rowsIn<DeclarationRow>(
            manager,
            `SELECT ${DECLARATION_ROW_COLUMNS} FROM declaration d WHERE d.id = $1 FOR NO KEY UPDATE OF d`,
            [request.declaration_id],
          )
        )[0];
        const fields = canonicaliseSections(mergeSections(d, request.changes), d.trip_kind);
        await applyFields(manager, d.id, fields);
        await this.bumpVersion(manager, d, actor, 'amendment.approved', note);
      } else {
        await appendAudit(manager, {
          declarationId: request.declaration_id,
          action: 'amendment.declined',
          actor,
          note,
        });
      }
      const [decided] = await rowsIn<AmendmentRequestRow>(
        manager,
        // The plate after the change, if the approved change was the vehicle's.
        `UPDATE amendment_request a SET status = $2, decided_by = $3, decided_at = now(), note = $4
           FROM declaration d WHERE a.id = $1 AND d.id = a.declaration_id
         RETURNING a.*, d.reference, d.plate`,
        [requestId, decision === 'approve' ? 'approved' : 'declined', officer.id, note ?? null],
      );
      return decided;
    });
  }

  pendingAmendments(officer: AuthenticatedOfficer, gate: GateCode): Promise<AmendmentRequestRow[]> {
    if (!isSupervisorOf(officer, gate))
      throw new DomainError('AUTH.FORBIDDEN', msg('auth.amendmentListSupervisorsOnly', { gate }));
    return this.sql.rows<AmendmentRequestRow>(
      `SELECT a.*, d.reference, d.plate FROM amendment_request a JOIN declaration d ON d.id = a.declaration_id
        WHERE d.gate_code = $1 AND a.status = 'pending' ORDER BY a.requested_at LIMIT 500`,
      [gate],
    );
  }

  private async lockOwned(manager: EntityManager, company: AuthenticatedCompany, id: string): Promise<DeclarationRow> {
    const rows = isUuid(id)
      ? await rowsIn<DeclarationRow>(
          manager,
          `SELECT ${DECLARATION_ROW_COLUMNS} FROM declaration d WHERE d.id = $1 AND d.company_id = $2 FOR NO KEY UPDATE OF d`,
          [id.toLowerCase(), company.companyId],
        )
      : [];
    if (!rows[0]) throw new DomainError('DECLARATION.NOT_FOUND', msg('declaration.notFound'));
    return rows[0];
  }

  /** A change that is not a status move still gets a new version and an audit record. */
  private async bumpVersion(
    manager: EntityManager,
    d: DeclarationRow,
    actor: Actor,
    action = 'declaration.amended',
    note?: string,
  ): Promise<number> {
    const [row] = await rowsIn<{ version: number }>(
      manager,
      'UPDATE declaration SET version = version + 1 WHERE id = $1 AND version = $2 RETURNING version',
      [d.id, d.version],
    );
    if (!row) throw new DomainError('DECLARATION.CONCURRENT_CHANGE', msg('declaration.concurrentChange'));
    await appendAudit(manager, { declarationId: d.id, action, actor, note });
    return row.version;
  }
}

async function applyFields(manager: EntityManager, declarationId: string, fields: DeclarationFields): Promise<void> {
  // The two container arrays are the last parameters of fieldParams: the declaration row does not take them.
  await rowsIn(manager, APPLY_FIELDS, [declarationId, ...fieldParams(fields).slice(0, -2)]);
  await replaceContainers(manager, declarationId, fields.containers);
}

/** The stored declaration with the given sections replaced, in the shape of a submission. */
function mergeSections(d: DeclarationRow, changes: AmendDeclarationRequestDto): DeclarationSections {
  return {
    expectedArrivalAt: changes.expectedArrivalAt ?? d.expected_arrival_at.toISOString(),
    vehicle: changes.vehicle ?? {
      plate: d.plate,
      nationality: d.vehicle_nationality,
      trailerPlate: d.trailer_plate ?? undefined,
      containers: d.containers.map((c) => ({ number: c.number, sizeFeet: c.sizeFeet ?? undefined })),
      tonnageKg: d.vehicle_tonnage_kg ?? undefined,
      twoWayTransport: d.two_way_transport,
    },
    driver: changes.driver ?? {
      fullName: d.driver_full_name,
      documentNumber: d.driver_document_number,
      nationality: d.driver_nationality,
      phone: d.driver_phone ?? undefined,
    },
    cargo: changes.cargo ?? {
      description: d.cargo_description,
      hsCode: d.cargo_hs_code ?? undefined,
      grossWeightKg: d.cargo_gross_weight_kg,
      perishable: d.cargo_perishable,
      customsDeclarationNumber: d.cargo_customs_declaration_number ?? undefined,
      quarantineRequired: d.cargo_quarantine_required,
      regime: d.cargo_regime,
    },
  };
}
