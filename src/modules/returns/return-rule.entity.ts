import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A dated return rule: how long a vehicle that crossed for a delivery has to come back, and when it is warned. */
@Entity('return_rule')
@Check('CK_return_rule_allowed', `allowed > interval '0'`)
@Check('CK_return_rule_warn_before', `warn_before >= interval '0' AND warn_before < allowed`)
@Check('CK_return_rule_validity', 'valid_until IS NULL OR valid_until > valid_from')
export class ReturnRuleEntity {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'smallint',
    generatedIdentity: 'BY DEFAULT',
    primaryKeyConstraintName: 'return_rule_pkey',
  })
  id: number;

  /** A rule for vehicles under a two-way transport permit only. */
  @Column({ name: 'two_way_transport', type: 'boolean' })
  twoWayTransport: boolean;

  @Column({ name: 'allowed', type: 'interval' })
  allowed: string;

  @Column({ name: 'warn_before', type: 'interval' })
  warnBefore: string;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  /** Null: no end. */
  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true })
  validUntil: Date | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;
}
