import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';

/** A gate's booking rules: how early or late a booked truck may come, what counts against it, and the sanction. */
@Entity('booking_rule')
@Check('CK_booking_rule_early', `early_allowance >= interval '0'`)
@Check('CK_booking_rule_late', `late_grace >= interval '0'`)
@Check('CK_booking_rule_late_cancellation', `late_cancellation >= interval '0'`)
@Check('CK_booking_rule_window', `strike_window > interval '0'`)
@Check('CK_booking_rule_vehicle_limit', 'vehicle_strike_limit > 0')
@Check('CK_booking_rule_company_limit', 'company_strike_limit > 0')
@Check('CK_booking_rule_suspension', `suspension > interval '0'`)
@Check('CK_booking_rule_horizon', `booking_horizon > interval '0'`)
export class BookingRuleEntity {
  @PrimaryColumn({ name: 'gate_code', type: 'text', primaryKeyConstraintName: 'booking_rule_pkey' })
  @ForeignKey('gate', { name: 'FK_booking_rule_gate' })
  gateCode: GateCode;

  /** How long before its slot starts a booked truck may check in at the gate itself. */
  @Column({ name: 'early_allowance', type: 'interval' })
  earlyAllowance: string;

  /** How long after its slot ends a booked truck may still arrive; beyond it the booking is a no-show. */
  @Column({ name: 'late_grace', type: 'interval' })
  lateGrace: string;

  /** A cancellation (or a move) less than this before the slot starts counts as a strike. */
  @Column({ name: 'late_cancellation', type: 'interval' })
  lateCancellation: string;

  @Column({ name: 'strike_window', type: 'interval' })
  strikeWindow: string;

  @Column({ name: 'vehicle_strike_limit', type: 'smallint' })
  vehicleStrikeLimit: number;

  @Column({ name: 'company_strike_limit', type: 'smallint' })
  companyStrikeLimit: number;

  @Column({ name: 'suspension', type: 'interval' })
  suspension: string;

  /** How far ahead a slot may be booked. */
  @Column({ name: 'booking_horizon', type: 'interval' })
  bookingHorizon: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'FK_booking_rule_officer' })
  updatedBy: string | null;
}
