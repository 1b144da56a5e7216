import { type Clock, RedisOutageTracker, redisTarget } from './redis-outage-tracker.js';

/** A clock moved by hand: `advance` runs the timers that fall due on the way. */
class ManualClock implements Clock {
  private time = 1_000_000;
  private timers: { due: number; ms: number; tick: () => void }[] = [];

  now(): number {
    return this.time;
  }

  every(ms: number, tick: () => void): () => void {
    const timer = { due: this.time + ms, ms, tick };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.time = next.due;
      next.due += next.ms;
      next.tick();
    }
    this.time = end;
  }

  get pending(): number {
    return this.timers.length;
  }
}

function setup() {
  const clock = new ManualClock();
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const tracker = new RedisOutageTracker(
    'redis.internal:6379',
    { warn: (fields, message) => lines.push({ fields, message }) },
    clock,
  );
  return { clock, lines, tracker };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:6379'), { code: 'ECONNREFUSED' });

describe('RedisOutageTracker', () => {
  it('says nothing while every connection is fine', () => {
    const { tracker, lines, clock } = setup();
    const a = {};
    tracker.ready(a);
    clock.advance(120_000);
    expect(lines).toEqual([]);
    expect(tracker.unreachable).toBe(false);
    expect(tracker.outages).toBe(0);
  });

  it('logs one line when the first connection fails, whatever the others and their retries report', () => {
    const { tracker, lines, clock } = setup();
    const connections = Array.from({ length: 12 }, () => ({}));
    for (let round = 0; round < 20; round += 1) {
      for (const c of connections) {
        tracker.failed(c, refused);
        tracker.reconnecting();
      }
      clock.advance(1000);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0].message).toBe(
      'Redis at redis.internal:6379 unreachable (connect ECONNREFUSED 10.0.0.5:6379); queued work is safe in PostgreSQL and goes on when Redis returns',
    );
    expect(lines[0].fields).toEqual({
      component: 'redis',
      redis: 'redis.internal:6379',
      error: 'connect ECONNREFUSED 10.0.0.5:6379',
    });
    expect(tracker.unreachable).toBe(true);
  });

  it('sums up every 30 s while the outage lasts, counting reconnect attempts of all connections', () => {
    const { tracker, lines, clock } = setup();
    const [a, b] = [{}, {}];
    tracker.failed(a, refused);
    tracker.failed(b, refused);
    for (let i = 0; i < 15; i += 1) {
      tracker.reconnecting();
      tracker.reconnecting();
      clock.advance(2000);
    }
    expect(lines.map((l) => l.message)).toEqual([
      expect.stringContaining('unreachable (connect ECONNREFUSED'),
      'Redis at redis.internal:6379 unreachable for 30 s; 30 reconnect attempts; queued work is safe in PostgreSQL',
    ]);
    clock.advance(30_000);
    expect(lines).toHaveLength(3);
    expect(lines[2].fields).toMatchObject({ unreachableSeconds: 60, reconnectAttempts: 30 });
  });

  it('ends when every connection that failed is ready again, with the duration, and stops the summaries', () => {
    const { tracker, lines, clock } = setup();
    const [a, b, c] = [{}, {}, {}];
    tracker.failed(a, refused);
    tracker.failed(b, refused);
    tracker.reconnecting();
    clock.advance(12_400);
    tracker.ready(a);
    tracker.ready(c); // never failed: changes nothing
    expect(tracker.unreachable).toBe(true);
    tracker.ready(b);
    expect(tracker.unreachable).toBe(false);
    expect(lines.map((l) => l.message)).toEqual([
      expect.stringContaining('unreachable ('),
      'Redis at redis.internal:6379 reachable again after 12 s; 1 reconnect attempts',
    ]);
    expect(clock.pending).toBe(0);
    clock.advance(120_000);
    expect(lines).toHaveLength(2);
  });

  it('starts a new outage when Redis goes away again, and counts outages and their seconds', () => {
    const { tracker, clock } = setup();
    const a = {};
    tracker.failed(a, refused);
    clock.advance(10_000);
    tracker.ready(a);
    clock.advance(50_000);
    tracker.failed(a, refused);
    clock.advance(5_000);
    expect(tracker.outages).toBe(2);
    expect(tracker.unreachableSeconds()).toBe(15); // the finished outage and the one going on
    tracker.ready(a);
    clock.advance(5_000);
    expect(tracker.unreachableSeconds()).toBe(15);
  });

  it('forgets a connection closed for good, so the others decide when the outage ends', () => {
    const { tracker, lines } = setup();
    const [a, b] = [{}, {}];
    tracker.failed(a, refused);
    tracker.failed(b, refused);
    tracker.closed(a);
    tracker.ready(b);
    expect(tracker.unreachable).toBe(false);
    expect(lines).toHaveLength(2);
  });

  it('stops summing up at shutdown', () => {
    const { tracker, lines, clock } = setup();
    tracker.failed({}, refused);
    tracker.stop();
    clock.advance(120_000);
    expect(lines).toHaveLength(1);
  });

  it('names the error by its code when it has no message, and never shows credentials', () => {
    const { tracker, lines } = setup();
    tracker.failed({}, Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }));
    expect(lines[0].fields.error).toBe('ECONNREFUSED');
    const other = setup();
    other.tracker.failed({}, new Error('cannot reach redis://admin:s3cret@redis:6379'));
    expect(JSON.stringify(other.lines)).not.toContain('s3cret');
  });
});

describe('redisTarget', () => {
  it('keeps host and port, never user, password or database', () => {
    expect(redisTarget('redis://admin:s3cret@redis.internal:6380/2')).toBe('redis.internal:6380');
    expect(redisTarget('rediss://redis.internal')).toBe('redis.internal:6379');
  });
});
