import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freshMigratedDatabase } from '../support/databases.js';
import { parseDoc } from '../support/doc-examples.js';
import { declarationBody, eventually, idempotencyKey } from '../support/factories.js';
import { DisposablePostgres } from '../support/postgres-server.js';
import { DisposableRedis } from '../support/redis-server.js';
import { TEST_AUTH_TOKEN_SECRET } from '../support/test-env.js';
import { cli, type RunningService, startService } from '../support/processes.js';

/** The runbook's shell blocks of "## Backup and restore" in docs/operations.md, as written. */
function runbook(): string {
  const text = readFileSync('docs/operations.md', 'utf8');
  const lines = text.split('\n');
  const start = lines.indexOf('## Backup and restore') + 1;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  expect(start).toBeGreaterThan(0);
  const blocks = parseDoc('docs/operations.md', text).runnable.filter((b) => b.line > start && b.line < end);
  expect(blocks).toHaveLength(2);
  // As the docs test does: the built CLI the npm script runs.
  return blocks.map((b) => b.code.replace(/npm run (-s )?cli --/g, 'node dist/src/cli.js')).join('\n');
}

describe('backup while running, restore into a new database, start again on an empty Redis', () => {
  const server = new DisposablePostgres();
  const firstRedis = new DisposableRedis();
  const emptyRedis = new DisposableRedis();
  const services: RunningService[] = [];

  beforeAll(async () => {
    await server.start();
    await firstRedis.start();
    await emptyRedis.start();
  });
  afterAll(async () => {
    for (const service of services) await service.stop();
    await firstRedis.stop();
    await emptyRedis.stop();
    server.destroy();
  });

  it('restores a chain that verifies against the checkpoints, and screens what was waiting exactly once', async () => {
    const url = server.url('backup_restore_test');
    await freshMigratedDatabase(url);
    const checkpointDir = mkdtempSync(join(tmpdir(), 'border-gate-backup-checkpoints-'));
    const company = JSON.parse(
      cli(['company:create', '--name', 'Backup Transport', '--tax-code', '0107777777', '--json'], {
        DATABASE_URL: url,
      }).stdout,
    ) as { apiKey: string };
    const running = await startService({
      DATABASE_URL: url,
      REDIS_URL: firstRedis.url,
      AUDIT_CHECKPOINT_DIR: checkpointDir,
      AUDIT_CHECKPOINT_INTERVAL_MS: '1000',
    });
    services.push(running);
    const submitTo = async (service: RunningService): Promise<string> => {
      const answer = await fetch(`${service.url}/api/v1/declarations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${company.apiKey}`,
          'idempotency-key': idempotencyKey(),
          'content-type': 'application/json',
        },
        body: JSON.stringify(declarationBody()),
      });
      expect(answer.status).toBe(202);
      return ((await answer.json()) as { id: string }).id;
    };
    const source = new pg.Client({ connectionString: url });
    await source.connect();
    const statuses = async (client: pg.Client, ids: string[]): Promise<string[]> =>
      (await client.query(`SELECT status FROM declaration WHERE id = ANY($1::uuid[])`, [ids])).rows.map(
        (r: { status: string }) => r.status,
      );

    // Screened before the backup.
    const screened: string[] = [];
    for (let i = 0; i < 4; i += 1) screened.push(await submitTo(running));
    await eventually(async () =>
      (await statuses(source, screened)).every((s) => s === 'accepted') ? true : undefined,
    );
    // The worker has signed the head at least once since (every second here).
    const checkpointFile = join(checkpointDir, 'audit-checkpoints.jsonl');
    await eventually(() =>
      Promise.resolve(
        existsSync(checkpointFile) && readFileSync(checkpointFile, 'utf8').trim() !== '' ? true : undefined,
      ),
    );
    // Submitted but not screened when the backup is taken: Redis is down, their jobs wait in the outbox.
    await firstRedis.stop();
    const waiting: string[] = [];
    for (let i = 0; i < 4; i += 1) waiting.push(await submitTo(running));
    expect(await statuses(source, waiting)).toEqual(['submitted', 'submitted', 'submitted', 'submitted']);
    await source.end();

    const restore = spawnSync(
      'bash',
      ['-c', `set -euo pipefail\n${runbook()}\necho "RESTORED $RESTORED_URL $RESTORED_CHECKPOINTS"`],
      {
        // The service's own settings, as an operator runs the runbook: the checkpoints are signed under its secret.
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: url,
          AUDIT_CHECKPOINT_DIR: checkpointDir,
          AUTH_TOKEN_SECRET: TEST_AUTH_TOKEN_SECRET,
          LOG_LEVEL: 'warn',
        },
        encoding: 'utf8',
      },
    );
    expect({ status: restore.status, stderr: restore.stderr }).toMatchObject({ status: 0 });
    expect(restore.stdout).toContain('"ok":true');
    const [, restoredUrl, restoredCheckpoints] = /RESTORED (\S+) (\S+)/.exec(restore.stdout)!;
    expect(restoredUrl).toBe(`${url}_restored`);
    await running.stop();

    const restored = await startService({
      DATABASE_URL: restoredUrl,
      REDIS_URL: emptyRedis.url,
      AUDIT_CHECKPOINT_DIR: restoredCheckpoints,
      AUDIT_CHECKPOINT_INTERVAL_MS: '1000',
      RECONCILE_INTERVAL_MS: '500',
      RECONCILE_STALE_AFTER_MS: '1000',
    });
    services.push(restored);
    const db = new pg.Client({ connectionString: restoredUrl });
    await db.connect();
    try {
      const all = [...screened, ...waiting];
      await eventually(
        async () => ((await statuses(db, all)).every((s) => s === 'accepted') ? true : undefined),
        45_000,
      );
      // Screened exactly once each: one submission, one acceptance, nothing twice.
      const moves = await db.query<{ declaration_id: string; moves: string }>(
        `SELECT declaration_id, string_agg(to_status, ',' ORDER BY id) AS moves FROM declaration_event
          WHERE declaration_id = ANY($1::uuid[]) AND action = 'transition' GROUP BY declaration_id`,
        [all],
      );
      expect(moves.rows.map((r) => r.moves)).toEqual(Array(8).fill('submitted,accepted'));
      await eventually(async () => {
        const open = await db.query('SELECT count(*)::int AS n FROM declaration_event WHERE seq IS NULL');
        return open.rows[0].n === 0 ? true : undefined;
      });
    } finally {
      await db.end();
    }
    const env = { DATABASE_URL: restoredUrl, AUDIT_CHECKPOINT_DIR: restoredCheckpoints };
    expect(cli(['audit:checkpoint'], env).status).toBe(0);
    const verified = cli(['audit:verify', '--json'], env);
    expect(verified.status).toBe(0);
    const result = JSON.parse(verified.stdout) as { ok: boolean; checkpoints: { checked: number } };
    // The checkpoints copied with the backup, and those the restored service wrote since.
    expect(result.ok).toBe(true);
    expect(result.checkpoints.checked).toBeGreaterThanOrEqual(2);
  });
});
