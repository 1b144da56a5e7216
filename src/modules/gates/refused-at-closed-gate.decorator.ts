import { SetMetadata } from '@nestjs/common';

export const REFUSED_AT_CLOSED_GATE = 'border-gate:refused-at-closed-gate';

/** Marks an endpoint (the check-in) that ClosedGateCheckInInterceptor refuses while its `:gate` is closed. */
export const RefusedAtClosedGate = (): MethodDecorator => SetMetadata(REFUSED_AT_CLOSED_GATE, true);
