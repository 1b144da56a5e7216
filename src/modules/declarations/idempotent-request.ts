import { createHash } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error.js';
import { stableStringify } from '../../common/http/stable-json.js';
import { IdempotencyService } from './idempotency.service.js';

/** What makes two writes "the same request" under one Idempotency-Key. */
export interface WriteRequest {
  method: string;
  /** The route's pattern (`/api/v1/steps/:id/decision`), not the URL. */
  route: string;
  params: unknown;
  body: unknown;
}

/** SHA-256 over method, route, parameters and body (object keys in any order hash alike). */
export function writeRequestHash(request: WriteRequest): string {
  const { method, route, params, body } = request;
  return createHash('sha256')
    .update(stableStringify({ method: method.toUpperCase(), route, params: params ?? {}, body: body ?? null }))
    .digest('hex');
}

/** The key of a write where the header is optional: undefined without the header, 400 when malformed. */
export function optionalIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (header === '') {
    throw new DomainError('IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key is empty: send 1-255 visible ASCII characters');
  }
  return IdempotencyService.validateKey(header);
}
