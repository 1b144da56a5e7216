import type { LoadResult } from './protocol.js';
import { summarize } from '../stats.js';

/** Counts answers by kind and keeps latencies; shared by the generators. */
export class Tally {
  latencies: number[] = [];
  completed = 0;
  ok = 0;
  expected = 0;
  non2xx = 0;
  statusCounts: Record<string, number> = {};
  sampleErrors: string[] = [];

  latency(ms: number): void {
    this.latencies.push(ms);
  }

  /** One answer: 2xx is ok; 404 when a 404 was expected is expected; anything else is an error. */
  answer(status: number, expect404: boolean, body?: string): 'ok' | 'expected' | 'error' {
    this.completed++;
    this.statusCounts[status] = (this.statusCounts[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      this.ok++;
      return 'ok';
    }
    if (expect404 && status === 404) {
      this.expected++;
      return 'expected';
    }
    this.non2xx++;
    if (this.sampleErrors.length < 5) this.sampleErrors.push(`${status} ${(body ?? '').slice(0, 300)}`);
    return 'error';
  }

  /** The result fields every generator reports alike, for a run that lasted `elapsedSec`. */
  counts(
    elapsedSec: number,
  ): Pick<
    LoadResult,
    'elapsedSec' | 'completed' | 'rps' | 'latency' | 'ok' | 'expected' | 'non2xx' | 'statusCounts' | 'sampleErrors'
  > {
    return {
      elapsedSec,
      completed: this.completed,
      rps: this.completed / elapsedSec,
      latency: summarize(this.latencies),
      ok: this.ok,
      expected: this.expected,
      non2xx: this.non2xx,
      statusCounts: this.statusCounts,
      sampleErrors: this.sampleErrors,
    };
  }
}
