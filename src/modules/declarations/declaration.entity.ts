import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';
import type { DeclarationStatus, ScreeningReason, ScreeningState } from './declaration-status.js';

/** One declared truck trip. Plates are stored canonical (see PlateNumber). */
@Entity('declaration')
export class DeclarationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @Column({ name: 'gate_code', type: 'text' })
  gateCode: GateCode;

  @Column({ type: 'text' })
  direction: Direction;

  @Column({ type: 'text' })
  status: DeclarationStatus;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
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

  @Column({ name: 'cargo_gross_weight_kg', type: 'int' })
  cargoGrossWeightKg: number;

  @Column({ name: 'cargo_perishable', type: 'boolean' })
  cargoPerishable: boolean;

  @Column({ name: 'cargo_customs_declaration_number', type: 'text', nullable: true })
  cargoCustomsDeclarationNumber: string | null;

  @Column({ type: 'jsonb' })
  reasons: ScreeningReason[];

  @Column({ name: 'screening_state', type: 'text' })
  screeningState: ScreeningState;

  @Column({ name: 'screening_error', type: 'text', nullable: true })
  screeningError: string | null;

  @Column({ name: 'screening_redriven_at', type: 'timestamptz', nullable: true })
  screeningRedrivenAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
