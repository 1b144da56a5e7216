import { memoryOf } from './processes.js';

export interface MemorySample {
  /** Seconds since sampling started. */
  t: number;
  /** Bytes of resident memory per process name. */
  rss: Record<string, number>;
}

/** Samples VmRSS of some processes at an interval; keeps every sample and the highest per process. */
export class MemorySampler {
  readonly samples: MemorySample[] = [];
  readonly maxRss: Record<string, number> = {};
  private timer: NodeJS.Timeout | null = null;
  private readonly started = Date.now();

  constructor(
    private readonly processes: readonly { name: string; pid: number }[],
    private readonly intervalMs: number,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  sample(): MemorySample {
    const rss: Record<string, number> = {};
    for (const p of this.processes) {
      const m = memoryOf(p.pid);
      if (!m) continue;
      rss[p.name] = m.rss;
      this.maxRss[p.name] = Math.max(this.maxRss[p.name] ?? 0, m.rss);
    }
    const s = { t: (Date.now() - this.started) / 1000, rss };
    this.samples.push(s);
    return s;
  }

  /** The kernel's own peak (VmHWM) per process: catches peaks between samples. */
  peaks(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const p of this.processes) {
      const m = memoryOf(p.pid);
      if (m) out[p.name] = Math.max(m.peak, this.maxRss[p.name] ?? 0);
      else if (this.maxRss[p.name]) out[p.name] = this.maxRss[p.name];
    }
    return out;
  }
}
