import type { BenchContext } from '../context.js';
import { oneLine } from '../context.js';
import { waitForScreening } from '../drain.js';
import { runLoad } from '../load/run.js';
import { MemorySampler } from '../memory.js';
import { fmtBytes } from '../report.js';
import type { SoakResult } from '../results.js';
import type { LoadResult } from '../load/protocol.js';
import { memoryGrew, thirdsGrowth } from '../stats.js';
import { lookupWorkload, OPEN_LOOP_MAX_CONNECTIONS, submitWorkload } from './open.js';

/**
 * A steady mix inside what the service serves (at most half of what this run measured closed-loop), so that
 * a backlog of queued requests never passes for a leak.
 */
export const SOAK_LOOKUP_RATE = 300;
export const SOAK_SUBMIT_RATE = 30;
export const SOAK_SAMPLE_MS = 10_000;

/**
 * The soak: lookups and submissions mixed, open loop, for `--soak-minutes`; the resident memory of every API
 * and worker process sampled every 10 s; growth = the mean of the last third of the samples against the
 * mean of the second third (the first third is warm-up: caches, JIT, pools filling).
 */
export async function soak(
  ctx: BenchContext,
  measured: { lookupRps: number | null; submitRps: number | null },
): Promise<SoakResult> {
  // Half of what this run measured closed-loop, at most the defaults: a steady load, never an overload.
  const lookupRate = Math.max(10, Math.round(Math.min(SOAK_LOOKUP_RATE, (measured.lookupRps ?? Infinity) / 2)));
  const submitRate = Math.max(5, Math.round(Math.min(SOAK_SUBMIT_RATE, (measured.submitRps ?? Infinity) / 2)));
  const service = ctx.service!;
  const minutes = ctx.options.soakMinutes;
  const durationSec = minutes * 60;
  const since = new Date();
  const processes = [...service.apis, ...service.workers].map((p) => ({ name: p.name, pid: p.pid }));
  const sampler = new MemorySampler(processes, SOAK_SAMPLE_MS);
  ctx.log(`  soak: ${minutes} min of ${lookupRate} lookups/s + ${submitRate} submissions/s …`);
  const progress = setInterval(() => {
    const s = sampler.samples.at(-1);
    if (s)
      ctx.log(
        `    ${s.t.toFixed(0).padStart(5)} s  ${Object.entries(s.rss)
          .map(([n, b]) => `${n} ${fmtBytes(b)}`)
          .join('  ')}`,
      );
  }, 60_000);
  sampler.start();
  try {
    const [lookup, submit] = await Promise.all([
      runLoad({
        mode: 'open',
        targets: service.apiUrls,
        connections: OPEN_LOOP_MAX_CONNECTIONS,
        durationSec,
        rate: lookupRate,
        timeoutSec: 30,
        workload: lookupWorkload(ctx),
      }),
      runLoad({
        mode: 'open',
        targets: service.apiUrls,
        connections: OPEN_LOOP_MAX_CONNECTIONS,
        durationSec,
        rate: submitRate,
        timeoutSec: 30,
        workload: await submitWorkload(ctx, 'soak', Math.ceil(submitRate * durationSec)),
      }),
    ]);
    sampler.sample();
    const growth: SoakResult['growth'] = {};
    for (const p of processes) {
      growth[p.name] = thirdsGrowth(sampler.samples.map((s) => s.rss[p.name]).filter((n) => n !== undefined));
    }
    const grew = Object.values(growth).some((g) => g !== null && memoryGrew(g));
    const overloaded = [lookup, submit].some(isOverloaded);
    if (overloaded) {
      ctx.note(
        'soak: the service did not keep up with the soak rates (errors or latency in seconds); its memory then holds queued requests, so the growth check is inconclusive',
      );
    }
    ctx.log(`  soak lookups: ${oneLine(lookup)}`);
    ctx.log(`  soak submissions: ${oneLine(submit)}`);
    await waitForScreening(ctx.db, ctx.benchKey.companyId, since, 600_000);
    return {
      minutes,
      lookup,
      submit,
      samples: sampler.samples,
      growth,
      grew,
      overloaded,
      rates: { lookup: lookupRate, submit: submitRate },
    };
  } finally {
    clearInterval(progress);
    sampler.stop();
  }
}

/** More than 1% of requests failed, or the median waited over a second: the service fell behind. */
export function isOverloaded(r: LoadResult): boolean {
  const failed = r.non2xx + r.socketErrors;
  return failed > 0.01 * Math.max(1, r.completed + r.socketErrors) || r.latency.p50 > 1000;
}

/** Memory over time as a small table: one row per minute (and the last sample). */
export function memoryOverTime(result: SoakResult): string[] {
  const names = Object.keys(result.growth);
  const lines = [`  ${'t (s)'.padStart(6)}  ${names.map((n) => n.padStart(10)).join('  ')}`];
  let lastMinute = -1;
  result.samples.forEach((s, i) => {
    const minute = Math.floor(s.t / 60);
    if (minute === lastMinute && i !== result.samples.length - 1) return;
    lastMinute = minute;
    lines.push(`  ${s.t.toFixed(0).padStart(6)}  ${names.map((n) => fmtBytes(s.rss[n]).padStart(10)).join('  ')}`);
  });
  return lines;
}
