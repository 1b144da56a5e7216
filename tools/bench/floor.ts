import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getMeta, one, pool, setMeta, tableExists } from './db.js';
import { freePort, type Managed, runToEnd, start, waitReady } from './processes.js';

export interface FloorFiles {
  dir: string;
  server: string;
  seed: string;
}

/** The floor's files, from --floor-dir relative to the repo root (default ../shared/bench). */
export function floorFiles(repoRoot: string, floorDir: string): FloorFiles {
  const dir = resolve(repoRoot, floorDir);
  const files = { dir, server: join(dir, 'floor-server.mjs'), seed: join(dir, 'floor-seed.sql') };
  for (const f of [files.server, files.seed])
    if (!existsSync(f)) throw new Error(`floor: ${f} not found (--floor-dir)`);
  return files;
}

/**
 * Seeds the floor's bl_ tables in the bench database with `rows` rows (psql -v rows=N -f floor-seed.sql).
 * When they already hold that many, only the rows earlier floor submissions added are removed.
 */
export async function seedFloor(
  files: FloorFiles,
  url: string,
  rows: number,
): Promise<{ reused: boolean; seconds: number }> {
  const started = Date.now();
  const db = pool(url, 1);
  try {
    const seeded = (await tableExists(db, 'bl_declaration')) ? await getMeta<{ rows: number }>(db, 'floor') : null;
    if (seeded?.rows === rows) {
      // Seed rows have no body; submissions do.
      await db.query('DELETE FROM bl_declaration WHERE body IS NOT NULL');
      await db.query('TRUNCATE bl_outbox');
      await db.query('VACUUM ANALYZE bl_declaration');
      const n = Number((await one<{ n: string }>(db, 'SELECT count(*) AS n FROM bl_declaration'))!.n);
      if (n === rows) return { reused: true, seconds: (Date.now() - started) / 1000 };
    }
    await runToEnd('floor seed', 'psql', [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-v',
      `rows=${rows}`,
      '-f',
      files.seed,
      url,
    ]);
    await setMeta(db, 'floor', { rows });
    return { reused: false, seconds: (Date.now() - started) / 1000 };
  } finally {
    await db.end();
  }
}

/** Starts the floor server on a free loopback port and waits until it answers. */
export async function startFloor(
  files: FloorFiles,
  repoRoot: string,
  url: string,
  logFile: string,
): Promise<{ process: Managed; url: string }> {
  const port = await freePort();
  const p = start('floor', process.execPath, [files.server], {
    cwd: files.dir,
    env: {
      PATH: process.env.PATH ?? '',
      BASELINE_DB: url,
      BASELINE_PORT: String(port),
      PG_FROM: join(repoRoot, 'package.json'),
    },
    logFile,
  });
  const base = `http://127.0.0.1:${port}`;
  // Any answer means it listens (an unknown plate is a 404).
  await waitReady(p, `${base}/status/12C00000`, (status) => status === 200 || status === 404, 30_000);
  return { process: p, url: base };
}
