/** Time as the tracker sees it; tests pass a clock they move by hand. */
export interface Clock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called; never keeps the process alive. */
  every(ms: number, tick: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** Where the tracker's lines go (a PinoLogger in the service). */
export interface OutageLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export const OUTAGE_SUMMARY_EVERY_MS = 30_000;

interface Outage {
  since: number;
  attempts: number;
  stopSummaries: () => void;
}

/**
 * Whether this process can reach Redis, told by all of its connections together, and said in three kinds of log
 * line instead of one per connection and attempt: one when an outage starts (the first connection fails), a
 * summary every 30 s while it lasts, one when it ends (every connection that failed is ready again, or closed).
 * A connection is any object, reported by identity.
 */
export class RedisOutageTracker {
  private readonly failing = new Set<object>();
  private outage: Outage | null = null;
  private outagesStarted = 0;
  private pastOutagesMs = 0;

  constructor(
    /** `host:port`, never the URL: it may hold credentials. */
    private readonly target: string,
    private readonly log: OutageLog,
    private readonly clock: Clock = systemClock,
    private readonly summaryEveryMs = OUTAGE_SUMMARY_EVERY_MS,
  ) {}

  /** A connection failed (or failed to reconnect). */
  failed(connection: object, error: unknown): void {
    this.failing.add(connection);
    if (this.outage) return;
    this.outagesStarted += 1;
    this.outage = {
      since: this.clock.now(),
      attempts: 0,
      stopSummaries: this.clock.every(this.summaryEveryMs, () => this.summarise()),
    };
    this.log.warn(
      { component: 'redis', redis: this.target, error: describeError(error) },
      `Redis at ${this.target} unreachable (${describeError(error)}); queued work is safe in PostgreSQL and goes on when Redis returns`,
    );
  }

  /** A connection is about to try again. */
  reconnecting(): void {
    if (this.outage) this.outage.attempts += 1;
  }

  /** A connection is connected and ready. */
  ready(connection: object): void {
    this.failing.delete(connection);
    if (this.failing.size === 0) this.end();
  }

  /** A connection was closed for good (shutdown): it will not come back, so the outage no longer waits for it. */
  closed(connection: object): void {
    this.failing.delete(connection);
  }

  /** Stops the summaries (shutdown); an outage still going on is left unfinished. */
  stop(): void {
    this.outage?.stopSummaries();
  }

  get unreachable(): boolean {
    return this.outage !== null;
  }

  /** Outages started since the process did. */
  get outages(): number {
    return this.outagesStarted;
  }

  /** Time Redis was unreachable since the process started, the current outage included. */
  unreachableSeconds(): number {
    const current = this.outage ? this.clock.now() - this.outage.since : 0;
    return (this.pastOutagesMs + current) / 1000;
  }

  private summarise(): void {
    if (!this.outage) return;
    const seconds = this.secondsSoFar(this.outage);
    this.log.warn(
      { component: 'redis', redis: this.target, unreachableSeconds: seconds, reconnectAttempts: this.outage.attempts },
      `Redis at ${this.target} unreachable for ${seconds} s; ${this.outage.attempts} reconnect attempts; queued work is safe in PostgreSQL`,
    );
  }

  private end(): void {
    const outage = this.outage;
    if (!outage) return;
    this.outage = null;
    outage.stopSummaries();
    this.pastOutagesMs += this.clock.now() - outage.since;
    const seconds = this.secondsSoFar(outage);
    this.log.warn(
      { component: 'redis', redis: this.target, unreachableSeconds: seconds, reconnectAttempts: outage.attempts },
      `Redis at ${this.target} reachable again after ${seconds} s; ${outage.attempts} reconnect attempts`,
    );
  }

  private secondsSoFar(outage: Outage): number {
    return Math.round((this.clock.now() - outage.since) / 1000);
  }
}

/** `host:port` of a Redis URL, without user, password or database. */
export function redisTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'redis';
  }
}

/** The error's message (its code when the message is empty, as a failed connect to every address of a name has). */
function describeError(error: unknown): string {
  const { message, code } = (error ?? {}) as { message?: string; code?: string };
  const text = message || code || String(error);
  return text.replace(/\/\/[^/\s@]*@/g, '//'); // never credentials, should a message ever carry a URL
}
