/** The cookie that carries a supervisor's access token to the queue dashboard (browsers cannot send bearer headers). */
export const QUEUE_BOARD_COOKIE = 'bg_queue_board';

/** The value of cookie `name` in a Cookie header, or null. Values are taken as sent (tokens need no decoding). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || null;
  }
  return null;
}

/**
 * Set-Cookie for the dashboard session: unreadable by scripts, never sent cross-site (so the dashboard's
 * state-changing calls need no CSRF token), only to the dashboard's paths, gone when the token expires.
 */
export function queueBoardCookie(token: string, maxAgeSeconds: number, secure: boolean, path: string): string {
  return [
    `${QUEUE_BOARD_COOKIE}=${token}`,
    `Max-Age=${Math.max(1, Math.floor(maxAgeSeconds))}`,
    `Path=${path}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
