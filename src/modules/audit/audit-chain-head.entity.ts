import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The one row (id 1) holding the audit chain's last sealed seq and hash; only audit_seal() moves it. */
@Entity('audit_chain_head')
@Check('audit_chain_head_id_check', 'id = 1')
export class AuditChainHeadEntity {
  @PrimaryColumn({ name: 'id', type: 'integer', primaryKeyConstraintName: 'audit_chain_head_pkey' })
  id: number;

  @Column({ name: 'seq', type: 'bigint' })
  seq: string;

  @Column({ name: 'hash', type: 'bytea' })
  hash: Buffer;
}
