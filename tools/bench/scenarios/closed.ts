import type { BenchContext } from '../context.js';
import { closedSpec, oneLine } from '../context.js';
import { reservePlates } from '../db.js';
import type { LoadResult } from '../load/protocol.js';
import { runLoad } from '../load/run.js';
import { rolesOf, withCpu } from '../cpu.js';

function serviceRoles(ctx: BenchContext): Map<number, string> {
  return rolesOf(ctx.service ? [...ctx.service.apis, ...ctx.service.workers] : []);
}

/** Plates reserved for one closed-loop submission run: more than any machine here answers in the time. */
export function platesFor(ctx: BenchContext, durationSec = ctx.options.durationSec): number {
  return Math.ceil(durationSec * 20_000);
}

/** Scenario 1: public plate lookups in mixed spellings, 10% unknown plates (404 expected), closed loop. */
export async function lookupClosed(ctx: BenchContext, targets: string[]): Promise<LoadResult> {
  const workload = {
    kind: 'lookup' as const,
    pathPrefix: '/api/v1/vehicles/',
    pathSuffix: '/status',
    known: ctx.knownPlates,
    unknown: ctx.unknownPlates,
  };
  if (ctx.warmupSec > 0) await runLoad(closedSpec(ctx, targets, workload, ctx.warmupSec));
  const result = await withCpu(serviceRoles(ctx), () => runLoad(closedSpec(ctx, targets, workload)), ctx.db);
  ctx.log(`  lookup (service): ${oneLine(result)}`);
  return result;
}

/** Scenario 2: company submissions, unique Idempotency-Key and plate per request, closed loop. */
export async function submitClosed(
  ctx: BenchContext,
  targets: string[],
  label = 'service',
  durationSec = ctx.options.durationSec,
): Promise<LoadResult> {
  const workload = async (tag: string, durationSec: number) => {
    const plateCount = platesFor(ctx, durationSec);
    const plateStart = await reservePlates(ctx.db, plateCount);
    return {
      kind: 'submit' as const,
      path: '/api/v1/declarations',
      apiKey: ctx.benchKey.apiKey,
      plateStart,
      plateCount,
      // Each loop reserves its own plates, so their first one makes its keys unique within the run.
      keyPrefix: `bench-${ctx.runId}-${tag}-${plateStart}`,
    };
  };
  if (ctx.warmupSec > 0) await runLoad(closedSpec(ctx, targets, await workload('warm', ctx.warmupSec), ctx.warmupSec));
  const spec = closedSpec(ctx, targets, await workload('closed', durationSec), durationSec);
  const result = await withCpu(serviceRoles(ctx), () => runLoad(spec), ctx.db);
  ctx.log(`  submission (${label}): ${oneLine(result)}`);
  if (result.platesWrapped) ctx.note('submission: more requests than reserved plates; some plates were declared twice');
  return result;
}

/** Scenario 6: the public gate board of both gates, closed loop. */
export async function boardClosed(ctx: BenchContext, targets: string[]): Promise<LoadResult> {
  const workload = {
    kind: 'get' as const,
    paths: ['/api/v1/gates/HUU_NGHI/board', '/api/v1/gates/TAN_THANH/board'],
  };
  if (ctx.warmupSec > 0) await runLoad(closedSpec(ctx, targets, workload, ctx.warmupSec));
  const result = await runLoad(closedSpec(ctx, targets, workload));
  ctx.log(`  board (service): ${oneLine(result)}`);
  return result;
}
