import { DomainError } from '../../common/errors/domain-error.js';
import { isUuid } from '../../common/validation/uuid.js';
import type { PageCursor } from './declarations.repository.js';
import { parseStrictTimestamp } from '../../common/validation/validators.js';
import { msg } from '../../common/i18n/message.js';

// Exactly what encodeCursor writes (Date#toISOString), nothing PostgreSQL could refuse.
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(raw: string): PageCursor {
  const [createdAt, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || !isUuid(id) || !ISO_UTC.test(createdAt) || parseStrictTimestamp(createdAt) === null) {
    throw DomainError.invalidField('cursor', msg('field.cursor'));
  }
  return { createdAt, id };
}
