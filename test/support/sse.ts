export interface SseEvent {
  id: string | null;
  event: string;
  data: any;
}

/** A Server-Sent Events client over fetch: collects events, lets a test wait for the next ones. */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly status: Promise<number>;
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];

  constructor(url: string, headers: Record<string, string> = {}) {
    this.status = fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: this.controller.signal,
    }).then((res) => {
      void this.read(res);
      return res.status;
    });
  }

  /** Resolves with the first `count` events received (waiting for them if needed). */
  async take(count: number, timeoutMs = 10_000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.events.slice(0, count);
  }

  close(): void {
    this.controller.abort();
  }

  private async read(res: Response): Promise<void> {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = parseFrame(frame);
          if (event) this.events.push(event);
        }
        for (const wake of this.waiters.splice(0)) wake();
      }
    } catch {
      // aborted by close()
    }
  }
}

function parseFrame(frame: string): SseEvent | null {
  let id: string | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':') || line.startsWith('retry:')) continue;
    if (line.startsWith('id: ')) id = line.slice(4);
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  return data.length ? { id, event, data: JSON.parse(data.join('\n')) } : null;
}
