import { PlateNumber } from '../../common/identifiers/plate-number.js';
import type { DeclarationResponseDto, TimelineEntryResponseDto } from './dto/declaration.response.dto.js';
import type { TimelineEntry } from './declaration-status.js';
import type { DeclarationRow } from './declarations.repository.js';

export function toTimeline(entries: TimelineEntry[]): TimelineEntryResponseDto[] {
  return entries.map((e) => ({ status: e.status, at: e.at }));
}

export function toDeclarationResponse(
  row: DeclarationRow,
  options: { withTimeline?: boolean } = {},
): DeclarationResponseDto {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    version: row.version,
    gate: row.gate_code,
    direction: row.direction,
    tripKind: row.trip_kind,
    handover: row.handover_role ? { role: row.handover_role, linkedDeclarationId: row.linked_declaration_id } : null,
    feeExemptionCode: row.fee_exemption_code,
    expectedArrivalAt: row.expected_arrival_at.toISOString(),
    slot: row.slot_start
      ? { start: row.slot_start.toISOString(), end: new Date(row.slot_start.getTime() + 3_600_000).toISOString() }
      : null,
    vehicle: {
      plate: row.plate,
      plateDisplay: PlateNumber.displayOf(row.plate),
      nationality: row.vehicle_nationality,
      trailerPlate: row.trailer_plate,
      containerNumber: row.container_number,
      containers: row.containers,
      tonnageKg: row.vehicle_tonnage_kg,
      twoWayTransport: row.two_way_transport,
    },
    driver: {
      fullName: row.driver_full_name,
      documentNumber: row.driver_document_number,
      documentKind: row.driver_document_kind,
      nationality: row.driver_nationality,
      phone: row.driver_phone,
    },
    cargo: {
      description: row.cargo_description,
      hsCode: row.cargo_hs_code,
      grossWeightKg: row.cargo_gross_weight_kg,
      perishable: row.cargo_perishable,
      customsDeclarationNumber: row.cargo_customs_declaration_number,
      quarantineRequired: row.cargo_quarantine_required,
      regime: row.cargo_regime,
    },
    reasons: row.reasons,
    screening: { state: row.screening_state, error: row.screening_error },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    arrivedAt: row.arrived_at ? row.arrived_at.toISOString() : null,
    exitedAt: row.exited_at ? row.exited_at.toISOString() : null,
    exitDestination: row.exit_destination,
    ...(options.withTimeline ? { timeline: toTimeline(row.timeline) } : {}),
  };
}
