import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The one row (id 1) holding the audit chain's last sealed seq and hash and how far it got in id order; only audit_seal() moves it. */
@Entity('audit_chain_head')
@Check('audit_chain_head_id_check', 'id = 1')
export class AuditChainHeadEntity {
  @PrimaryColumn({ name: 'id', type: 'integer', primaryKeyConstraintName: 'audit_chain_head_pkey' })
  id: number;

  @Column({ name: 'seq', type: 'bigint' })
  seq: string;

  @Column({ name: 'hash', type: 'bytea' })
  hash: Buffer;

  /** The last record id the sealer passed: an unsealed record at or below it is sealed only if pending. */
  @Column({ name: 'last_id', type: 'bigint', default: 0 })
  lastId: string;

  /** Ids passed while their transactions had not committed: they may still be sealed when they do. */
  @Column({ name: 'pending_ids', type: 'int8multirange', default: () => "'{}'" })
  pendingIds: string;
}
