import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A signed-in portal browser. The id is the SHA-256 (hex) of the cookie's token, so the table holds no secret. */
@Entity('company_session')
@Index('IDX_company_session_user_open', ['userId'], { where: 'ended_at IS NULL' })
@Index('IDX_company_session_company', ['companyId'])
export class CompanySessionEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'company_session_pkey' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey('company_user', { name: 'FK_company_session_user' })
  userId: string;

  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'FK_company_session_company' })
  companyId: string;

  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
