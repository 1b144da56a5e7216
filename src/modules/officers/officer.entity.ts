import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { GateCode } from '../../common/domain/gate-code.js';
import type { Agency } from './agency.js';

/** A border officer of one agency, posted at one or more gates. Only the scrypt hash of the password is stored. */
@Entity('officer')
@Unique('UQ_officer_username', ['username'])
@Check('CK_officer_agency', `agency IN ('customs', 'border_guard', 'quarantine', 'yard', 'supervisor')`)
@Check('CK_officer_gates', 'cardinality(gates) > 0')
export class OfficerEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'officer_pkey' })
  id: string;

  @Column({ name: 'username', type: 'text' })
  username: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'agency', type: 'text' })
  agency: Agency;

  @Column({ name: 'gates', type: 'text', array: true })
  gates: GateCode[];

  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Access tokens name the version they were issued under; a password reset or disabling moves it on. */
  @Column({ name: 'token_version', type: 'integer', default: 1 })
  tokenVersion: number;
}
