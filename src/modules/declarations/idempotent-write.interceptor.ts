import { AsyncLocalStorage } from 'node:async_hooks';
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, type Observable, of } from 'rxjs';
import type { EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import { toErrorBody } from '../../common/http/to-error-body.js';
import { refuseUnsafeValue } from '../../common/http/validation.pipe.js';
import { type IdempotencyConfig, idempotencyConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import type { OfficerRequest } from '../auth/officer-auth.guard.js';
import type { CompanyRequest } from '../companies/company-auth.guard.js';
import { IdempotencyKeysRepository, type KeyClaim, type KeyOwner } from './idempotency-keys.repository.js';
import { optionalIdempotencyKey, writeRequestHash } from './idempotent-request.js';
import { IDEMPOTENT_WRITE } from './idempotent.decorator.js';

interface StoredAnswer {
  status: number;
  body: unknown;
}

/** The claim of the request running in this async context; `running` ends with its handler. */
interface ClaimScope {
  claim: KeyClaim;
  running: boolean;
}

/**
 * `Idempotency-Key` on the writes marked `@Idempotent()` (a global interceptor, after the auth guards). Without the
 * header nothing changes. With one, per company or per officer:
 *
 * 1. claim: INSERT … ON CONFLICT DO NOTHING, committed at once, so of two identical requests racing exactly one
 *    runs; the other finds the claim: 409 IDEMPOTENCY.IN_FLIGHT, or 422 IDEMPOTENCY.KEY_REUSED for another request.
 * 2. run the handler. Its transaction marks the claim `applied` just before it commits (beforeTransactionCommit
 *    below): the effect and the mark commit together, so a claim is never released once its effect exists, and a
 *    holder whose claim was taken over (after IDEMPOTENCY_IN_FLIGHT_TIMEOUT_MS) has its transaction rolled back.
 * 3. store the answer (status and body), replayed from then on with `Idempotent-Replayed: true`. Not in the
 *    transaction: the answers are built after it commits (the declaration read back, the controller's mapping).
 *
 * A refusal (4xx) is not stored: it changed nothing, and the key is released so the same request can be tried
 * again once its cause has passed (a declaration still being screened, a closed gate, a concurrent change).
 */
@Injectable()
export class IdempotentWriteInterceptor implements NestInterceptor, EntitySubscriberInterface {
  private readonly scopes = new AsyncLocalStorage<ClaimScope>();

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    private readonly reflector: Reflector,
    @Inject(idempotencyConfig.KEY) private readonly config: IdempotencyConfig,
    sql: Sql,
  ) {
    // TypeORM calls beforeTransactionCommit before every commit of this DataSource's transactions.
    sql.dataSource.subscribers.push(this);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http' || !this.reflector.get<boolean>(IDEMPOTENT_WRITE, context.getHandler())) {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<CompanyRequest & OfficerRequest>();
    const key = optionalIdempotencyKey(request.headers['idempotency-key']);
    if (key === undefined) return next.handle();
    const owner = keyOwner(request);
    // Interceptors run before pipes: a body nested thousands deep would overflow the hash's recursion (a 500).
    refuseUnsafeValue(request.body);
    const hash = writeRequestHash({
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      params: request.params,
      body: request.body,
    });
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const claimed = await this.claimOrFindAnswer(owner, key, hash);
    if ('status' in claimed) {
      void reply.status(claimed.status).header('idempotent-replayed', 'true');
      return of(claimed.body);
    }
    return from(this.run(claimed, next, reply));
  }

  /** The fence: inside an idempotent write, its claim becomes `applied` in the transaction about to commit. */
  beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> | void {
    const scope = this.scopes.getStore();
    if (scope?.running) return this.markApplied(event, scope.claim);
  }

  private async markApplied(event: TransactionCommitEvent, claim: KeyClaim): Promise<void> {
    if (!(await this.keys.markApplied(event.manager, claim))) throw inFlight();
  }

  private async run(claim: KeyClaim, next: CallHandler, reply: FastifyReply): Promise<unknown> {
    let body: unknown;
    // The handler runs in the claim's async context, where beforeTransactionCommit finds it. Work it leaves
    // behind keeps that context, so the scope is closed when the handler is done.
    const scope: ClaimScope = { claim, running: true };
    try {
      body = await this.scopes.run(scope, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (error) {
      scope.running = false;
      await this.releaseAfter(claim, error);
      throw error;
    }
    scope.running = false;
    await this.keys.answer(claim, reply.statusCode, body);
    return body;
  }

  /**
   * A refusal changed nothing (a service refuses before it writes, or after a transaction that wrote nothing), so
   * its key is free again. A failure (5xx) frees it only while nothing committed; an `applied` claim stays,
   * answered IDEMPOTENCY.ANSWER_LOST once stale: running the same request again would repeat its effect.
   */
  private async releaseAfter(claim: KeyClaim, error: unknown): Promise<void> {
    const refused = toErrorBody(error, '').body.statusCode < 500;
    // If the database is what failed, this fails too; the claim is then released by the in-flight timeout.
    await this.keys.release(claim, refused ? ['in_flight', 'applied'] : ['in_flight']).catch(() => undefined);
  }

  /** This request's claim, or the answer stored for it; throws when the key is taken otherwise. */
  private async claimOrFindAnswer(owner: KeyOwner, key: string, hash: string): Promise<KeyClaim | StoredAnswer> {
    const timeoutMs = this.config.inFlightTimeoutMs;
    // Twice at most: the second time only when the key was released between the claim and the look at it.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const claim = await this.keys.claim(owner, key, hash);
      if (claim) return claim;
      const record = await this.keys.find(owner, key, timeoutMs);
      if (!record) continue;
      if (record.requestHash !== hash) {
        throw new DomainError('IDEMPOTENCY.KEY_REUSED', msg('idempotency.keyReused'));
      }
      if (record.state === 'completed') {
        return { status: record.responseStatus ?? 200, body: record.responseBody ?? undefined };
      }
      if (record.stale && record.state === 'applied') {
        throw new DomainError('IDEMPOTENCY.ANSWER_LOST', msg('idempotency.answerLost'));
      }
      // Abandoned (its process died before anything committed): this request takes it over and runs.
      const takenOver = record.stale ? await this.keys.takeOver(owner, key, hash, timeoutMs) : null;
      if (takenOver) return takenOver;
      throw inFlight();
    }
    throw inFlight();
  }
}

function inFlight(): DomainError {
  return new DomainError('IDEMPOTENCY.IN_FLIGHT', msg('idempotency.inFlight'));
}

function keyOwner(request: CompanyRequest & OfficerRequest): KeyOwner {
  if (request.company) return { kind: 'company', id: request.company.companyId };
  if (request.officer) return { kind: 'officer', id: request.officer.id };
  throw new Error('@Idempotent() needs CompanyAuthGuard or OfficerAuthGuard on its route');
}
