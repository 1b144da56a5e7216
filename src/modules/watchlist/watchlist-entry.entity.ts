import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type WatchlistKind = 'plate' | 'document';

/** A listed plate or driver document that screening rejects; removal is soft (`removed_at`). */
@Entity('watchlist_entry')
@Check('CK_watchlist_entry_kind', `kind IN ('plate', 'document')`)
@Index('UQ_watchlist_entry_active', ['kind', 'value'], { unique: true, where: 'removed_at IS NULL' })
export class WatchlistEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'watchlist_entry_pkey' })
  id: string;

  @Column({ name: 'kind', type: 'text' })
  kind: WatchlistKind;

  /** Canonical plate, or the document number as written (upper case). */
  @Column({ name: 'value', type: 'text' })
  value: string;

  @Column({ name: 'reason', type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}
