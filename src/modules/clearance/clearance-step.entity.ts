import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';
import type { StepAgency } from '../officers/agency.js';

/** One agency's inspection or fee for a vehicle in the yard; ready steps form that agency's queue. */
@Entity('clearance_step')
@Unique('UQ_clearance_step_declaration_agency', ['declarationId', 'agency'])
@Check('CK_clearance_step_agency', `agency IN ('customs', 'border_guard', 'quarantine', 'yard')`)
@Check('CK_clearance_step_kind', `kind IN ('inspection', 'fee')`)
@Check('CK_clearance_step_status', `status IN ('waiting', 'claimed', 'passed', 'held', 'refused')`)
// The agency queue: ready, unclaimed steps in serving order. Claims read it with SKIP LOCKED.
@Index('IDX_clearance_step_queue', ['gateCode', 'agency', 'priority', 'readyAt', 'id'], {
  where: `status = 'waiting' AND ready_at IS NOT NULL`,
})
@Index('IDX_clearance_step_claim_expiry', ['claimExpiresAt'], { where: `status = 'claimed'` })
@Index('IDX_clearance_step_decided', ['gateCode', 'agency', 'decidedAt'], { where: 'decided_at IS NOT NULL' })
export class ClearanceStepEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'clearance_step_pkey' })
  id: string;

  @Column({ name: 'declaration_id', type: 'uuid' })
  @ForeignKey('declaration', { name: 'FK_clearance_step_declaration' })
  declarationId: string;

  @Column({ name: 'gate_code', type: 'text' })
  @ForeignKey('gate', { name: 'clearance_step_gate_code_fkey' })
  gateCode: GateCode;

  @Column({ name: 'agency', type: 'text' })
  agency: StepAgency;

  @Column({ name: 'kind', type: 'text' })
  kind: 'inspection' | 'fee';

  @Column({ name: 'stage', type: 'integer' })
  stage: number;

  @Column({ name: 'status', type: 'text', default: 'waiting' })
  status: 'waiting' | 'claimed' | 'passed' | 'held' | 'refused';

  @Column({ name: 'priority', type: 'integer' })
  priority: number;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  @Column({ name: 'claimed_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'clearance_step_claimed_by_fkey' })
  claimedBy: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'claim_expires_at', type: 'timestamptz', nullable: true })
  claimExpiresAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'clearance_step_decided_by_fkey' })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'fee_amount_vnd', type: 'bigint', nullable: true })
  feeAmountVnd: string | null;

  @Column({ name: 'fee_vehicle_class', type: 'text', nullable: true })
  feeVehicleClass: string | null;

  @Column({ name: 'payment_reference', type: 'text', nullable: true })
  paymentReference: string | null;

  @Column({ name: 'fee_goods_category', type: 'text', nullable: true })
  feeGoodsCategory: string | null;

  @Column({ name: 'fee_base_vnd', type: 'bigint', nullable: true })
  feeBaseVnd: string | null;

  @Column({ name: 'fee_percent', type: 'integer', nullable: true })
  feePercent: number | null;

  @Column({ name: 'fee_schedule_id', type: 'text', nullable: true })
  @ForeignKey('fee_schedule', { name: 'FK_clearance_step_fee_schedule' })
  feeScheduleId: string | null;

  @Column({ name: 'fee_exemption_code', type: 'text', nullable: true })
  feeExemptionCode: string | null;

  @Column({ name: 'version', type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
