import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import type { ThrottleScope } from './login-throttle.js';

/**
 * 429 `AUTH.TOO_MANY_ATTEMPTS`; the controller turns `retryAfterSeconds` into a Retry-After header. `scope` is for
 * the log only: the answer is the same whether the address or the username is waiting.
 */
export class LoginThrottledError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly scope: ThrottleScope = 'account',
  ) {
    super('AUTH.TOO_MANY_ATTEMPTS', msg('auth.tooManyAttempts', { seconds: retryAfterSeconds }), {
      retryAfterSeconds,
    });
    this.name = 'LoginThrottledError';
  }
}

/**
 * 401 `AUTH.LOGIN_FAILED`: one answer for an unknown username, a wrong password and a disabled account. `started`
 * names the waits this failure began (for the log only).
 */
export class LoginFailedError extends DomainError {
  constructor(readonly started: readonly ThrottleScope[] = []) {
    super('AUTH.LOGIN_FAILED', msg('auth.loginFailed'));
    this.name = 'LoginFailedError';
  }
}
