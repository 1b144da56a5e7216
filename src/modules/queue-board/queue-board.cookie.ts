/** The cookie that carries a supervisor's access token to the queue dashboard (browsers cannot send bearer headers). */
export const QUEUE_BOARD_COOKIE = 'bg_queue_board';

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
