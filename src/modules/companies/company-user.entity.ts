import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CompanyUserRole } from './company-principal.js';

/** A person who signs in to the company portal; only the scrypt hash of the password is stored. */
@Entity('company_user')
@Unique('UQ_company_user_username', ['username'])
@Index('IDX_company_user_company', ['companyId'])
@Check('CK_company_user_role', `role IN ('admin', 'clerk')`)
export class CompanyUserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'company_user_pkey' })
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'FK_company_user_company' })
  companyId: string;

  @Column({ name: 'username', type: 'text' })
  username: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'role', type: 'text' })
  role: CompanyUserRole;

  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
