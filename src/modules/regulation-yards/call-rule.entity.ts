import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';

/** How a gate calls trucks forward: the margin beyond the drive, the misses allowed, how far ahead it fills. */
@Entity('call_rule')
@Check('CK_call_rule_margin', `reach_margin >= interval '0'`)
@Check('CK_call_rule_missed', 'missed_calls_allowed >= 0')
@Check('CK_call_rule_look_ahead', `look_ahead > interval '0'`)
export class CallRuleEntity {
  @PrimaryColumn({ name: 'gate_code', type: 'text', primaryKeyConstraintName: 'call_rule_pkey' })
  @ForeignKey('gate', { name: 'FK_call_rule_gate' })
  gateCode: GateCode;

  /** Added to the yard's drive time to make a call's deadline. */
  @Column({ name: 'reach_margin', type: 'interval' })
  reachMargin: string;

  /** Calls a truck may miss and go to the back of the line; the next miss expires its declaration. */
  @Column({ name: 'missed_calls_allowed', type: 'smallint' })
  missedCallsAllowed: number;

  /** The call forward keeps the gate yard supplied for this long at the measured service rate. */
  @Column({ name: 'look_ahead', type: 'interval' })
  lookAhead: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey('officer', { name: 'FK_call_rule_officer' })
  updatedBy: string | null;
}
