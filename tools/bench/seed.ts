import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseExists, ensureBenchTables, getMeta, one, pool, recreateDatabase, setMeta, tableExists } from './db.js';
import { runToEnd } from './processes.js';

export interface Dataset {
  /** Declarations the seed put there (the requested size). */
  seeded: number;
  /** How: the seed-load tool, or submissions through the API (before that tool existed). */
  method: 'seed-load' | 'api-fill';
  seededAt: string;
  seedSeconds: number;
}

export interface PreparedDatabase {
  dataset: Dataset | null;
  /** The database is migrated but still empty: fill it through the API once the service runs. */
  needsApiFill: boolean;
  reused: boolean;
  /** Declarations there now (seeded + whatever earlier bench runs submitted). */
  total: number;
  note: string | null;
}

const SEED_CLI = 'dist-tools/tools/seed-load/main.js';

export function seedToolAvailable(repoRoot: string): boolean {
  return existsSync(join(repoRoot, SEED_CLI));
}

export async function countDeclarations(url: string): Promise<number> {
  const db = pool(url, 1);
  try {
    return Number((await one<{ n: string }>(db, 'SELECT count(*) AS n FROM declaration'))!.n);
  } finally {
    await db.end();
  }
}

async function migrate(repoRoot: string, url: string): Promise<void> {
  await runToEnd('migrate', process.execPath, [join(repoRoot, 'dist/src/migrate.js')], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, LOG_LEVEL: 'warn' },
  });
}

/**
 * Bench runs may add this share of the seeded size before the database is reseeded: each default run adds
 * ~6k declarations (most of them accepted and on their way), and beyond this they start to change what the
 * lookups, the board and the queues see.
 */
export const RESEED_AFTER_ADDED_SHARE = 0.1;

/**
 * Makes the bench database hold `declarations` seeded declarations: reuses it when its recorded size
 * matches (and earlier bench runs have added at most RESEED_AFTER_ADDED_SHARE of it), else seeds it with the
 * seed-load tool (`--fresh`), or — while that tool does not exist — migrates an empty database for an API fill.
 */
export async function prepareDatabase(
  repoRoot: string,
  url: string,
  declarations: number,
  reseed: boolean,
  log: (line: string) => void,
): Promise<PreparedDatabase> {
  let note: string | null = null;
  if (!reseed && (await databaseExists(url))) {
    const db = pool(url, 1);
    try {
      const dataset = (await tableExists(db, 'declaration')) ? await getMeta<Dataset>(db, 'dataset') : null;
      if (dataset && dataset.seeded === declarations) {
        await migrate(repoRoot, url);
        const total = await countDeclarations(url);
        const added = total - dataset.seeded;
        if (added <= declarations * RESEED_AFTER_ADDED_SHARE) {
          return { dataset, needsApiFill: false, reused: true, total, note };
        }
        note = `reseeded: earlier bench runs had added ${added.toLocaleString('en-US')} declarations (over ${RESEED_AFTER_ADDED_SHARE * 100}% of the seeded size)`;
      } else if (dataset && dataset.seeded !== declarations) {
        log(
          `bench database holds ${dataset.seeded.toLocaleString('en-US')} seeded declarations; reseeding for ${declarations.toLocaleString('en-US')}`,
        );
      } else if (dataset === null) {
        // A size recorded by nobody: either an interrupted seed or a database made by hand.
        log('bench database has no recorded size; reseeding');
      }
    } finally {
      await db.end();
    }
  }

  const started = Date.now();
  if (seedToolAvailable(repoRoot)) {
    log(`seeding ${declarations.toLocaleString('en-US')} declarations with the seed-load tool …`);
    await runToEnd(
      'seed-load',
      process.execPath,
      [join(repoRoot, SEED_CLI), '--declarations', String(declarations), '--database-url', url, '--fresh'],
      { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn' }, echo: true },
    );
    await migrate(repoRoot, url);
    const dataset: Dataset = {
      seeded: declarations,
      method: 'seed-load',
      seededAt: new Date().toISOString(),
      seedSeconds: (Date.now() - started) / 1000,
    };
    const db = pool(url, 1);
    try {
      await ensureBenchTables(db);
      await setMeta(db, 'dataset', dataset);
    } finally {
      await db.end();
    }
    return { dataset, needsApiFill: false, reused: false, total: await countDeclarations(url), note };
  }

  log(`${SEED_CLI} is not there yet: migrating an empty bench database to fill through the API`);
  await recreateDatabase(url);
  await migrate(repoRoot, url);
  const db = pool(url, 1);
  try {
    await ensureBenchTables(db);
  } finally {
    await db.end();
  }
  return { dataset: null, needsApiFill: true, reused: false, total: 0, note };
}

export async function recordApiFill(url: string, declarations: number, seconds: number): Promise<Dataset> {
  const dataset: Dataset = {
    seeded: declarations,
    method: 'api-fill',
    seededAt: new Date().toISOString(),
    seedSeconds: seconds,
  };
  const db = pool(url, 1);
  try {
    await setMeta(db, 'dataset', dataset);
  } finally {
    await db.end();
  }
  return dataset;
}
