import { createHash } from 'node:crypto';
import { parseGateCode } from '../../common/domain/gate-code.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
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

/**
 * SHA-256 over method, route, parameters and body (object keys in any order hash alike). A gate in the path is
 * hashed in its canonical form, as the route reads it: `huu_nghi` and `HUU_NGHI` are the same request.
 */
export function writeRequestHash(request: WriteRequest): string {
  const { method, route, body } = request;
  const params = canonicalParams(request.params);
  return createHash('sha256')
    .update(stableStringify({ method: method.toUpperCase(), route, params, body: body ?? null }))
    .digest('hex');
}

function canonicalParams(params: unknown): unknown {
  if (params === null || typeof params !== 'object') return params ?? {};
  const { gate } = params as { gate?: unknown };
  return gate === undefined ? params : { ...params, gate: parseGateCode(gate) ?? gate };
}

/** The key of a write where the header is optional: undefined without the header, 400 when malformed. */
export function optionalIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (header === '') {
    throw new DomainError('IDEMPOTENCY.KEY_INVALID', msg('idempotency.keyEmpty'));
  }
  return IdempotencyService.validateKey(header);
}
