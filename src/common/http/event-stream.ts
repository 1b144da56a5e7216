import type { FastifyReply, FastifyRequest } from 'fastify';

const HEARTBEAT_MS = 15_000;

/** One Server-Sent Event: its id (the resume point), its name and its data. */
export interface StreamEvent {
  id: number;
  event: string;
  data: unknown;
}

/** The `Last-Event-ID` a reconnecting viewer sends, or null when absent or not an id. */
export function resumePoint(lastEventId: string | undefined): number | null {
  return lastEventId && /^\d{1,18}$/.test(lastEventId) ? Number(lastEventId) : null;
}

/**
 * Streams live events after their history: subscribes first, so nothing recorded while the history is read is
 * missed, holds live messages until the history is sent, and drops any message whose id was already sent (replay
 * and live overlap). A comment every 15 s keeps proxies from closing the stream; the subscription ends with the
 * connection. Validate the request before calling this: the answer's head is written at once.
 */
export async function streamEvents<M>(options: {
  request: FastifyRequest;
  reply: FastifyReply;
  resumeFrom: number | null;
  subscribe: (onMessage: (m: M) => void, onEnd: () => void) => () => void;
  history: () => Promise<M[]>;
  toEvent: (m: M) => StreamEvent;
}): Promise<void> {
  const { request, reply } = options;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  raw.write('retry: 3000\n\n');

  let lastSent = options.resumeFrom ?? 0;
  let replaying = true;
  const buffered: StreamEvent[] = [];
  const send = (e: StreamEvent): void => {
    if (e.id <= lastSent) return;
    raw.write(`id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
    lastSent = e.id;
  };
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const unsubscribe = options.subscribe(
    (m) => {
      const e = options.toEvent(m);
      if (replaying) buffered.push(e);
      else send(e);
    },
    () => raw.end(),
  );
  request.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  try {
    for (const m of await options.history()) send(options.toEvent(m));
  } finally {
    replaying = false;
    for (const e of buffered.sort((a, b) => a.id - b.id)) send(e);
  }
}
