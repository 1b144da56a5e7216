import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A company's API key; only its SHA-256 is stored (keys are 256-bit random, so a fast hash is enough). */
@Entity('api_key')
@Unique('UQ_api_key_hash', ['keyHash'])
@Index('IDX_api_key_company', ['companyId'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'api_key_pkey' })
  id: string;

  @Column({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'FK_api_key_company' })
  companyId: string;

  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix: string;

  @Column({ name: 'key_hash', type: 'bytea' })
  keyHash: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'name', type: 'text', default: 'default' })
  name: string;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
