import { useMemo, useRef } from 'react';

/**
 * A fresh UUID v4 for one user action's Idempotency-Key. Built from getRandomValues rather than randomUUID,
 * which browsers give only to secure contexts: a tablet may reach the yard's server over plain http on the LAN.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One Idempotency-Key per user action: the same action sent again (a double click, a retry after the network
 * dropped) carries the same key, so the service acts once; `done()` after a success, and the next action gets a new one.
 */
export function useActionKey(): { keyFor: (action: unknown) => string; done: () => void } {
  const last = useRef<{ action: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor: (action: unknown): string => {
        const what = JSON.stringify(action);
        if (last.current?.action !== what) last.current = { action: what, key: newIdempotencyKey() };
        return last.current.key;
      },
      done: (): void => {
        last.current = null;
      },
    }),
    [],
  );
}
