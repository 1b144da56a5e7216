import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';

/** One refresh token of an officer's sign-in (its family). Only the token's SHA-256 (hex) is kept. */
@Entity('officer_refresh_token')
@Unique('UQ_officer_refresh_token_hash', ['tokenHash'])
@Index('IDX_officer_refresh_token_family', ['familyId'])
@Index('IDX_officer_refresh_token_officer', ['officerId'])
export class OfficerRefreshTokenEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'officer_refresh_token_pkey' })
  id: string;

  @Column({ name: 'officer_id', type: 'uuid' })
  @ForeignKey('officer', { name: 'FK_officer_refresh_token_officer' })
  officerId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'idle_expires_at', type: 'timestamptz' })
  idleExpiresAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
