import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { CONSTRAINT_ERRORS } from '../../common/errors/error-codes.js';
import { Sql } from '../../database/sql.js';
import { canonicalPlateField } from '../../common/validation/plate-field.js';
import { type WatchlistKind, WatchlistEntryEntity } from './watchlist-entry.entity.js';
import { msg } from '../../common/i18n/message.js';
import { normaliseDocumentNumber } from '../../common/identifiers/identifiers.js';

export interface WatchlistHit {
  kind: WatchlistKind;
  value: string;
}

// The rule lives beside the other identifiers (the company portal checks document numbers with it too).
export { normaliseDocumentNumber };

@Injectable()
export class WatchlistService {
  private readonly entries: Repository<WatchlistEntryEntity>;

  constructor(
    dataSource: DataSource,
    private readonly sql: Sql,
  ) {
    this.entries = dataSource.getRepository(WatchlistEntryEntity);
  }

  async add(kind: WatchlistKind, rawValue: string, reason: string): Promise<{ id: string; value: string }> {
    const value = kind === 'plate' ? canonicalPlateField(rawValue) : normaliseDocumentNumber(rawValue);
    if (!value) throw DomainError.invalidField(kind, msg('field.notEmpty'));
    if (!reason.trim()) throw DomainError.invalidField('reason', msg('field.notEmpty'));
    try {
      const { identifiers } = await this.entries.insert({ kind, value, reason: reason.trim() });
      return { id: String(identifiers[0].id), value };
    } catch (error) {
      const known = CONSTRAINT_ERRORS[(error as { constraint?: string }).constraint ?? ''];
      if (known) throw new DomainError(known.code, known.text);
      throw error;
    }
  }

  /** The active entry for this plate or document (any spelling), or null. */
  async findActive(
    kind: WatchlistKind,
    rawValue: string,
  ): Promise<{ id: string; value: string; reason: string } | null> {
    const value = kind === 'plate' ? canonicalPlateField(rawValue) : normaliseDocumentNumber(rawValue);
    const entry = await this.entries.findOneBy({ kind, value, removedAt: IsNull() });
    return entry && { id: entry.id, value: entry.value, reason: entry.reason };
  }

  async remove(kind: WatchlistKind, rawValue: string): Promise<number> {
    const value = kind === 'plate' ? canonicalPlateField(rawValue) : normaliseDocumentNumber(rawValue);
    const result = await this.entries.update({ kind, value, removedAt: IsNull() }, { removedAt: () => 'now()' });
    return result.affected ?? 0;
  }

  /** Active entries matching any of the plates or the document number (screening, every declaration: hand SQL). */
  async findHits(plates: string[], documentNumber: string): Promise<WatchlistHit[]> {
    return this.sql.rows<WatchlistHit>(
      `SELECT kind, value FROM watchlist_entry
        WHERE removed_at IS NULL
          AND ((kind = 'plate' AND value = ANY($1::text[])) OR (kind = 'document' AND value = $2))`,
      [plates, normaliseDocumentNumber(documentNumber)],
    );
  }
}
