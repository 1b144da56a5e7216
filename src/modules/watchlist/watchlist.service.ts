import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { Sql } from '../../database/sql.js';
import { canonicalPlateField } from '../../common/validation/plate-field.js';
import { type WatchlistKind, WatchlistEntryEntity } from './watchlist-entry.entity.js';

export interface WatchlistHit {
  kind: WatchlistKind;
  value: string;
}

export function normaliseDocumentNumber(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

@Injectable()
export class WatchlistService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: Sql,
  ) {}

  async add(kind: WatchlistKind, rawValue: string, reason: string): Promise<{ id: string; value: string }> {
    const value = kind === 'plate' ? canonicalPlateField(rawValue) : normaliseDocumentNumber(rawValue);
    if (!value) throw DomainError.invalidField(kind, 'must not be empty');
    if (!reason.trim()) throw DomainError.invalidField('reason', 'must not be empty');
    const entry = await this.dataSource
      .getRepository(WatchlistEntryEntity)
      .save({ kind, value, reason: reason.trim() });
    return { id: entry.id, value };
  }

  async remove(kind: WatchlistKind, rawValue: string): Promise<number> {
    const value = kind === 'plate' ? canonicalPlateField(rawValue) : normaliseDocumentNumber(rawValue);
    const rows = await this.sql.rows(
      'UPDATE watchlist_entry SET removed_at = now() WHERE kind = $1 AND value = $2 AND removed_at IS NULL RETURNING id',
      [kind, value],
    );
    return rows.length;
  }

  /** Active entries matching any of the plates or the document number. */
  async findHits(plates: string[], documentNumber: string): Promise<WatchlistHit[]> {
    return this.sql.rows<WatchlistHit>(
      `SELECT kind, value FROM watchlist_entry
        WHERE removed_at IS NULL
          AND ((kind = 'plate' AND value = ANY($1::text[])) OR (kind = 'document' AND value = $2))`,
      [plates, normaliseDocumentNumber(documentNumber)],
    );
  }
}
