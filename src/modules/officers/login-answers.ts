import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../../config/config-groups.js';
import { readCookie } from '../../common/http/cookie.js';
import { addressBucket } from '../../common/ipv6.js';
import { LoginFailedError, LoginThrottledError } from './login-errors.js';
import type { LoginClient } from './login-lock.js';
import type { LoginLimits } from './login-throttle.js';
import { PasswordWorkBusyError } from './password-work-gate.js';
import type { KnownDevices } from './known-device.js';

/** The login limits of the settings. */
export const loginLimitsOf = (config: AuthConfig): LoginLimits => ({
  addressMaxFailures: config.loginAddressMaxFailures,
  addressWindowSeconds: config.loginAddressWindowSeconds,
  accountFreeFailures: config.loginMaxFailures,
  accountMaxDelaySeconds: config.loginLockSeconds,
});

/** Where a login request comes from: its address bucket (request.ip as the rest of the service sees it). */
export const loginClient = (
  request: FastifyRequest,
  devices: KnownDevices,
  cookieName: string,
  username: string,
): LoginClient => ({
  address: addressBucket(request.ip),
  knownDevice: devices.recognises(readCookie(request.headers.cookie, cookieName), username),
});

/** Set-Cookie for the known-device cookie: only ever sent back to the login path it names, never readable by scripts. */
export function knownDeviceCookie(
  request: FastifyRequest,
  devices: KnownDevices,
  cookieName: string,
  path: string,
  username: string,
): string {
  const value = devices.valueAfterLogin(readCookie(request.headers.cookie, cookieName), username);
  return [
    `${cookieName}=${value}`,
    `Max-Age=${devices.lifetimeSeconds}`,
    `Path=${path}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(request.protocol === 'https' ? ['Secure'] : []),
  ].join('; ');
}

/**
 * Adds Retry-After to a throttled or busy answer and logs every throttling event: never the password, and the
 * username only at debug level.
 */
export function answerLoginRefusal(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: string,
  username: string,
): void {
  if (error instanceof LoginThrottledError || error instanceof PasswordWorkBusyError) {
    void reply.header('retry-after', String(error.retryAfterSeconds));
  }
  const event = { event: 'login.refused', kind, address: addressBucket(request.ip) };
  if (error instanceof LoginThrottledError) {
    request.log.warn(
      { ...event, reason: `${error.scope} waiting`, retryAfterSeconds: error.retryAfterSeconds },
      'login throttled',
    );
    request.log.debug({ ...event, username }, 'login throttled (username)');
  } else if (error instanceof PasswordWorkBusyError) {
    request.log.warn({ ...event, reason: 'password hashing busy' }, 'login refused: password hashing busy');
  } else if (error instanceof LoginFailedError && error.started.length > 0) {
    request.log.warn(
      { ...event, reason: 'failed', waiting: error.started },
      'login failed; further attempts must wait',
    );
    request.log.debug({ ...event, username }, 'login failed (username)');
  }
}
