import type { BenchContext } from '../context.js';
import { oneLine } from '../context.js';
import { reservePlates, rows } from '../db.js';
import { type DrainResult, waitForScreening } from '../drain.js';
import type { LoadResult, LoadSpec, SubmitWorkload, Workload } from '../load/protocol.js';
import { runLoad } from '../load/run.js';
import type { AcceptedResult } from '../results.js';
import { plannedCount } from '../schedule.js';
import { summarize } from '../stats.js';

/** Keep-alive connections the open-loop generator may open per target: enough that it never runs short. */
export const OPEN_LOOP_MAX_CONNECTIONS = 512;

function openSpec(
  ctx: BenchContext,
  rate: number,
  workload: Workload,
  durationSec = ctx.options.durationSec,
): LoadSpec {
  return {
    mode: 'open',
    targets: ctx.service!.apiUrls,
    connections: OPEN_LOOP_MAX_CONNECTIONS,
    durationSec,
    rate,
    timeoutSec: 30,
    workload,
  };
}

export function lookupWorkload(ctx: BenchContext): Workload {
  return {
    kind: 'lookup',
    pathPrefix: '/api/v1/vehicles/',
    pathSuffix: '/status',
    known: ctx.knownPlates,
    unknown: ctx.unknownPlates,
  };
}

export async function submitWorkload(
  ctx: BenchContext,
  tag: string,
  count: number,
  collectIds = false,
  gate?: SubmitWorkload['gate'],
): Promise<SubmitWorkload> {
  return {
    kind: 'submit',
    gate,
    path: '/api/v1/declarations',
    apiKey: ctx.benchKey.apiKey,
    plateStart: await reservePlates(ctx.db, count + 100),
    plateCount: count + 100,
    keyPrefix: `bench-${ctx.runId}-${tag}`,
    collectIds,
  };
}

/** Scenario 3a: lookups at a steady 1,000/s. */
export async function lookupOpen(ctx: BenchContext, rate = 1000): Promise<LoadResult> {
  const result = await runLoad(openSpec(ctx, rate, lookupWorkload(ctx)));
  ctx.log(`  lookup open loop ${rate}/s: ${oneLine(result)}`);
  return result;
}

/** Scenario 3b: submissions at a steady 200/s; then waits for screening to drain. */
export async function submitOpen(ctx: BenchContext, rate = 200): Promise<{ service: LoadResult; drain: DrainResult }> {
  const since = new Date();
  const workload = await submitWorkload(ctx, 'open', plannedCount(rate, ctx.options.durationSec));
  const service = await runLoad(openSpec(ctx, rate, workload));
  ctx.log(`  submission open loop ${rate}/s: ${oneLine(service)}`);
  const drain = await waitForScreening(ctx.db, ctx.benchKey.companyId, since, 600_000);
  ctx.log(`  screening drained ${drain.seconds.toFixed(1)} s after the load`);
  return { service, drain };
}

/**
 * Scenario 3c: submissions at a sustained 50/s for the duration; once the worker has drained them, the time
 * from submission to `accepted` per declaration, from the database: declaration.created_at to the `at` of
 * its `accepted` transition in the audit log.
 */
export async function acceptedLatency(ctx: BenchContext, rate = 50): Promise<AcceptedResult> {
  const since = new Date();
  const workload = await submitWorkload(ctx, 'accepted', plannedCount(rate, ctx.options.durationSec), true);
  const submit = await runLoad(openSpec(ctx, rate, workload));
  const drain = await waitForScreening(ctx.db, ctx.benchKey.companyId, since, 600_000);
  const ids = submit.ids ?? [];
  const timings = await rows<{ status: string; ms: number | null }>(
    ctx.db,
    `SELECT d.status,
            (SELECT extract(epoch FROM (min(e.at) - d.created_at)) * 1000 FROM declaration_event e
              WHERE e.declaration_id = d.id AND e.action = 'transition' AND e.to_status = 'accepted') AS ms
       FROM declaration d WHERE d.id = ANY($1::uuid[])`,
    [ids],
  );
  const accepted = timings.filter((t) => t.ms !== null).map((t) => Number(t.ms));
  const result: AcceptedResult = {
    submit,
    declarations: ids.length,
    accepted: accepted.length,
    rejected: timings.filter((t) => t.status === 'rejected').length,
    latency: summarize(accepted),
    drainSeconds: drain.seconds,
  };
  ctx.log(
    `  submission→accepted at ${rate}/s: ${result.accepted}/${result.declarations} accepted, p50 ${result.latency.p50.toFixed(0)} ms, p95 ${result.latency.p95.toFixed(0)} ms`,
  );
  if (result.rejected > 0) ctx.note(`accepted: ${result.rejected} of the 50/s declarations were rejected at screening`);
  return result;
}
