import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { parseGateCode } from '../../common/domain/gate-code.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { officerMay } from '../auth/officer-access.js';
import type { OfficerRequest } from '../auth/officer-auth.guard.js';
import { GateStateService } from './gate-state.service.js';
import { REFUSED_AT_CLOSED_GATE } from './refused-at-closed-gate.decorator.js';

/**
 * Refuses check-ins at a closed gate with 409 `GATE.CLOSED`, in front of the endpoint marked
 * `@RefusedAtClosedGate()` (the check-in; a global interceptor, so the clearance module need not know gate closures). It runs after OfficerAuthGuard and only for officers
 * who may check vehicles in there, so everyone else still gets the 401/403 they would get at an open gate.
 * A check-in already past this point when the gate closes completes: closing stops new arrivals, it does not
 * race the ones at the barrier.
 */
@Injectable()
export class ClosedGateCheckInInterceptor implements NestInterceptor {
  constructor(
    private readonly gates: GateStateService,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (
      context.getType() === 'http' &&
      this.reflector.get<boolean | undefined>(REFUSED_AT_CLOSED_GATE, context.getHandler())
    ) {
      const request = context.switchToHttp().getRequest<OfficerRequest>();
      const raw = (request.params as Record<string, string | undefined>).gate;
      // In any letter case, as the endpoint reads it: `huu_nghi` must not slip past a closed HUU_NGHI.
      const gate = parseGateCode(raw) ?? raw ?? '';
      if (request.officer && officerMay(request.officer, gate, ['yard', 'border_guard'])) {
        const state = await this.gates.openState(gate);
        if (state && !state.open) {
          throw new DomainError('GATE.CLOSED', `${gate} is closed: no check-ins until it reopens`, {
            gate,
            closedReason: state.closed_reason,
            closedAt: state.closed_at ? state.closed_at.toISOString() : null,
          });
        }
      }
    }
    return next.handle();
  }
}
