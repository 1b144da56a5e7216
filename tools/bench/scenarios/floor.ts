import type { BenchContext } from '../context.js';
import { closedSpec, oneLine } from '../context.js';
import { reservePlates } from '../db.js';
import { floorFiles, seedFloor, startFloor } from '../floor.js';
import type { LoadResult } from '../load/protocol.js';
import { runLoad } from '../load/run.js';
import { rolesOf, withCpu } from '../cpu.js';
import { floorPlate, sampleIndexes, unknownPlateCandidates } from '../plates.js';
import { stop } from '../processes.js';
import { platesFor } from './closed.js';

export interface FloorRun {
  rows: number;
  seedReused: boolean;
  seedSeconds: number;
  lookup: LoadResult | null;
  submit: LoadResult | null;
}

/**
 * Scenario 7: the bare floor (node:http + pg, no framework) seeded with as many rows as the service has
 * declarations, loaded exactly like the service (same connections, duration, spellings, 10% unknown plates,
 * same submission bodies), on its own: the service is not running meanwhile.
 */
export async function runFloor(
  ctx: BenchContext,
  rows: number,
  logFile: string,
  which: { lookup: boolean; submit: boolean },
): Promise<FloorRun> {
  const files = floorFiles(ctx.repoRoot, ctx.options.floorDir);
  ctx.log(`floor: seeding ${rows.toLocaleString('en-US')} rows (${files.dir}) …`);
  const seeded = await seedFloor(files, ctx.options.databaseUrl, rows);
  const floor = await startFloor(files, ctx.repoRoot, ctx.options.databaseUrl, logFile);
  try {
    const targets = [floor.url];
    const roles = rolesOf([floor.process]);
    let lookup: LoadResult | null = null;
    let submit: LoadResult | null = null;
    if (which.lookup) {
      const workload = {
        kind: 'lookup' as const,
        pathPrefix: '/status/',
        pathSuffix: '',
        known: sampleIndexes(rows, ctx.knownPlates.length || 2000, 11).map(floorPlate),
        unknown: unknownPlateCandidates(ctx.unknownPlates.length || 300, 12),
      };
      if (ctx.warmupSec > 0) await runLoad(closedSpec(ctx, targets, workload, ctx.warmupSec));
      lookup = await withCpu(roles, () => runLoad(closedSpec(ctx, targets, workload)));
      ctx.log(`  lookup (floor): ${oneLine(lookup)}`);
    }
    if (which.submit) {
      const workload = async (tag: string, durationSec: number) => {
        const plateCount = platesFor(ctx, durationSec);
        return {
          kind: 'submit' as const,
          path: '/declarations',
          apiKey: null,
          plateStart: await reservePlates(ctx.db, plateCount),
          plateCount,
          keyPrefix: `bench-${ctx.runId}-floor-${tag}`,
        };
      };
      if (ctx.warmupSec > 0)
        await runLoad(closedSpec(ctx, targets, await workload('warm', ctx.warmupSec), ctx.warmupSec));
      const spec = closedSpec(ctx, targets, await workload('closed', ctx.options.durationSec));
      submit = await withCpu(roles, () => runLoad(spec));
      ctx.log(`  submission (floor): ${oneLine(submit)}`);
    }
    return { rows, seedReused: seeded.reused, seedSeconds: seeded.seconds, lookup, submit };
  } finally {
    await stop(floor.process);
  }
}
