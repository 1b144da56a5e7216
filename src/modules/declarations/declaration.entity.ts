import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import type { DeclarationStatus, ScreeningReason, ScreeningState } from './declaration-status.js';
import type { CargoRegime, HandoverRole, TripKind } from './trip-kind.js';

/** One status move as the public timeline shows it. */
export interface TimelineEntry {
  status: DeclarationStatus;
  at: string;
}

const LIVE = `status IN ('accepted', 'waiting_at_yard', 'in_yard', 'cleared', 'refused')`;

/** One declared truck trip. Plates are stored canonical (see PlateNumber). */
@Entity('declaration')
@Unique('UQ_declaration_reference', ['reference'])
@Check('CK_declaration_direction', `direction IN ('export', 'import')`)
@Check(
  'CK_declaration_status',
  `status IN ('submitted', 'accepted', 'rejected', 'cancelled', 'expired', 'in_yard', 'cleared', 'refused', 'exited', 'waiting_at_yard')`,
)
@Check('CK_declaration_vehicle_nationality', `vehicle_nationality IN ('VN', 'CN')`)
@Check('CK_declaration_driver_nationality', `driver_nationality IN ('VN', 'CN')`)
@Check('CK_declaration_screening_state', `screening_state IN ('pending', 'done', 'failed')`)
@Check('CK_declaration_exit_destination', `exit_destination IN ('CN', 'VN_INLAND')`)
// At most one live declaration per vehicle, enforced where races cannot slip through.
@Index('UQ_declaration_active_vehicle', ['plate'], { unique: true, where: LIVE })
@Index('IDX_declaration_plate_created', ['plate', 'createdAt']) // created_at DESC
@Index('IDX_declaration_plate_short_created', ['plateShort', 'createdAt'], { where: 'plate_short IS NOT NULL' })
@Index('IDX_declaration_company_created', ['companyId', 'createdAt', 'id']) // created_at DESC, id DESC
@Index('IDX_declaration_screening_pending', ['createdAt'], {
  where: `status = 'submitted' AND screening_state = 'pending'`,
})
@Index('IDX_declaration_accepted_arrival', ['expectedArrivalAt'], { where: `status = 'accepted'` })
@Index('IDX_declaration_gate_plate_live', ['gateCode', 'plate'], { where: LIVE })
@Index('IDX_declaration_exited', ['gateCode', 'exitedAt'], { where: 'exited_at IS NOT NULL' })
@Index('IDX_declaration_gate_day', ['gateCode', 'arrivalDay', 'status'])
@Index('IDX_declaration_linked', ['linkedDeclarationId'], { where: 'linked_declaration_id IS NOT NULL' })
@Index('UQ_declaration_receiving_link', ['linkedDeclarationId'], {
  unique: true,
  where: `handover_role = 'receiving' AND status NOT IN ('cancelled', 'rejected', 'expired')`,
})
@Index('IDX_declaration_cancelled_slot', ['gateCode', 'slotStart'], {
  where: `status = 'cancelled' AND slot_start IS NOT NULL`,
})
@Index('IDX_declaration_slot', ['gateCode', 'direction', 'slotStart'], {
  where: `slot_start IS NOT NULL AND status IN ('submitted', 'accepted', 'waiting_at_yard')`,
})
@Check('CK_declaration_slot_on_the_hour', '(slot_start IS NULL OR extract(epoch FROM slot_start)::bigint % 3600 = 0)')
@Index('IDX_declaration_trailer_created', ['trailerPlate', 'createdAt'], { where: 'trailer_plate IS NOT NULL' })
@Check(
  'CK_declaration_trip_kind',
  `trip_kind IN ('through', 'transshipment', 'tractor_swap', 'empty', 'delivery_and_return')`,
)
@Check('CK_declaration_handover_role', `handover_role IN ('delivering', 'receiving')`)
@Check('CK_declaration_cargo_regime', `cargo_regime IN ('standard', 're_export', 'temporary_import')`)
@Check('CK_declaration_vehicle_tonnage', 'vehicle_tonnage_kg > 0')
// A pair's receiving leg is written after its delivering leg, so only the receiving leg must name its partner.
@Check(
  'CK_declaration_handover',
  `(trip_kind IN ('transshipment', 'tractor_swap')) = (handover_role IS NOT NULL)
   AND (handover_role IS NULL OR linked_declaration_id IS NOT NULL OR handover_role = 'delivering')`,
)
export class DeclarationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'declaration_pkey' })
  id: string;

  @Column({ name: 'reference', type: 'text' })
  reference: string;

  // Foreign keys name the referenced table, not its entity: no module imports another module's entities.
  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'FK_declaration_company' })
  companyId: string;

  @Column({ name: 'gate_code', type: 'text' })
  @ForeignKey('gate', { name: 'FK_declaration_gate' })
  gateCode: GateCode;

  @Column({ name: 'direction', type: 'text' })
  direction: Direction;

  @Column({ name: 'status', type: 'text' })
  status: DeclarationStatus;

  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'plate', type: 'text' })
  plate: string;

  @Column({ name: 'plate_short', type: 'text', nullable: true })
  plateShort: string | null;

  @Column({ name: 'vehicle_nationality', type: 'text' })
  vehicleNationality: 'VN' | 'CN';

  @Column({ name: 'trailer_plate', type: 'text', nullable: true })
  trailerPlate: string | null;

  @Column({ name: 'container_number', type: 'text', nullable: true })
  containerNumber: string | null;

  @Column({ name: 'expected_arrival_at', type: 'timestamptz' })
  expectedArrivalAt: Date;

  @Column({ name: 'arrival_day', type: 'date' })
  arrivalDay: string;

  @Column({ name: 'driver_full_name', type: 'text' })
  driverFullName: string;

  @Column({ name: 'driver_document_number', type: 'text' })
  driverDocumentNumber: string;

  @Column({ name: 'driver_document_kind', type: 'text' })
  driverDocumentKind: string;

  @Column({ name: 'driver_nationality', type: 'text' })
  driverNationality: 'VN' | 'CN';

  @Column({ name: 'driver_phone', type: 'text', nullable: true })
  driverPhone: string | null;

  @Column({ name: 'cargo_description', type: 'text' })
  cargoDescription: string;

  @Column({ name: 'cargo_hs_code', type: 'text', nullable: true })
  cargoHsCode: string | null;

  @Column({ name: 'cargo_gross_weight_kg', type: 'integer' })
  cargoGrossWeightKg: number;

  @Column({ name: 'cargo_perishable', type: 'boolean' })
  cargoPerishable: boolean;

  @Column({ name: 'cargo_customs_declaration_number', type: 'text', nullable: true })
  cargoCustomsDeclarationNumber: string | null;

  @Column({ name: 'reasons', type: 'jsonb', default: () => "'[]'" })
  reasons: ScreeningReason[];

  @Column({ name: 'screening_state', type: 'text', default: 'pending' })
  screeningState: ScreeningState;

  @Column({ name: 'screening_error', type: 'text', nullable: true })
  screeningError: string | null;

  @Column({ name: 'screening_redriven_at', type: 'timestamptz', nullable: true })
  screeningRedrivenAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  // Set by the statements that change the row, not by TypeORM: an UpdateDateColumn would have no DB default.
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'cargo_quarantine_required', type: 'boolean', default: false })
  cargoQuarantineRequired: boolean;

  @Column({ name: 'arrived_at', type: 'timestamptz', nullable: true })
  arrivedAt: Date | null;

  @Column({ name: 'exited_at', type: 'timestamptz', nullable: true })
  exitedAt: Date | null;

  @Column({ name: 'exit_destination', type: 'text', nullable: true })
  exitDestination: 'CN' | 'VN_INLAND' | null;

  /** Status moves with their times, written by the statement that moves the status. */
  @Column({ name: 'timeline', type: 'jsonb', default: () => "'[]'" })
  timeline: TimelineEntry[];

  @Column({ name: 'trip_kind', type: 'text', default: 'through' })
  tripKind: TripKind;

  /** Transshipment and tractor swap: which of the two linked declarations hands over, which takes over. */
  @Column({ name: 'handover_role', type: 'text', nullable: true })
  handoverRole: HandoverRole | null;

  @Column({ name: 'linked_declaration_id', type: 'uuid', nullable: true })
  @ForeignKey('declaration', { name: 'FK_declaration_linked' })
  linkedDeclarationId: string | null;

  @Column({ name: 'cargo_regime', type: 'text', default: 'standard' })
  cargoRegime: CargoRegime;

  /** The vehicle's design payload; sets its fee class when given (else the cargo's gross weight does). */
  @Column({ name: 'vehicle_tonnage_kg', type: 'integer', nullable: true })
  vehicleTonnageKg: number | null;

  /** Runs under a two-way transport permit: the longer return deadline while that rule is in force. */
  @Column({ name: 'two_way_transport', type: 'boolean', default: false })
  twoWayTransport: boolean;

  /** An exemption the company claims; it counts only if the fee schedule in force lists it. */
  @Column({ name: 'fee_exemption_code', type: 'text', nullable: true })
  feeExemptionCode: string | null;

  /** The booked arrival hour (a whole hour); null without a booking. */
  @Column({ name: 'slot_start', type: 'timestamptz', nullable: true })
  slotStart: Date | null;
}
