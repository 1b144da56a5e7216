import { memoryOf } from './processes.js';

export interface MemorySample {
  /** Seconds since sampling started. */
  t: number;
  /** What was running (a scenario name), when labelled. */
  label?: string;
  /** Bytes of resident memory per process name. */
  rss: Record<string, number>;
}

/** Samples VmRSS of some processes at an interval; keeps every sample and the highest per process. */
export class MemorySampler {
  readonly samples: MemorySample[] = [];
  readonly maxRss: Record<string, number> = {};
  private timer: NodeJS.Timeout | null = null;
  private readonly started = Date.now();
  private label: string | undefined;

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

  /** Labels the samples from now on (the scenario that is running). */
  mark(label: string | undefined): void {
    this.label = label;
  }

  /** Highest sample of the named processes per label. */
  maxByLabel(names: readonly string[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.samples) {
      if (!s.label) continue;
      for (const n of names) if (s.rss[n] !== undefined) out[s.label] = Math.max(out[s.label] ?? 0, s.rss[n]);
    }
    return out;
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
    const s: MemorySample = {
      t: (Date.now() - this.started) / 1000,
      rss,
      ...(this.label ? { label: this.label } : {}),
    };
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
