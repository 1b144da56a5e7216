import { requestJson } from '../api';
import { ApiError } from '../api-errors';
import type { LoginAnswer } from './officer-api';
import { storeToken } from './session';

/**
 * Keeps an officer on shift signed in: the access token lasts minutes, and shortly before it runs out the
 * HttpOnly refresh cookie (path /api/v1/auth, unreadable here) is exchanged for a new one. The cookie works once;
 * one exchange at a time, or the server would take the second use for a stolen copy and end the sign-in.
 */
const EARLY_SECONDS = 60;

type Renewed = (token: string) => void;
let onRenewed: Renewed = () => undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<string | null> | null = null;

export function whenTokenRenewed(listener: Renewed): void {
  onRenewed = listener;
}

/** Renews `expiresIn` seconds from now, a minute early (at least 10 s from now). */
export function scheduleRenewal(expiresIn: number): void {
  stopRenewal();
  timer = setTimeout(
    () => void renewAccessToken().catch(() => undefined),
    Math.max(10, expiresIn - EARLY_SECONDS) * 1000,
  );
}

export function stopRenewal(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

/**
 * A new access token (stored, and announced to whenTokenRenewed), or null when the sign-in has ended (signed out,
 * too old, revoked). Throws UnreachableError when the service cannot be reached: the sign-in may still be alive.
 */
export function renewAccessToken(): Promise<string | null> {
  inFlight ??= requestJson<LoginAnswer>('/api/v1/auth/refresh', { method: 'POST' })
    .then(
      (answer) => {
        storeToken(answer.accessToken);
        scheduleRenewal(answer.expiresIn);
        onRenewed(answer.accessToken);
        return answer.accessToken;
      },
      (error: unknown) => {
        if (error instanceof ApiError) return null;
        throw error;
      },
    )
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
