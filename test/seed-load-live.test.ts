import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { declarationBody, eventually, idempotencyKey } from './support/factories.js';
import { cli, type RunningService, startService } from './support/processes.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

// A database of its own, which the service creates and migrates at start; the load then goes in beside it.
const url = (() => {
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/border_gate_seed_live_test_${randomBytes(4).toString('hex')}`;
  return u.toString();
})();
const SEED_LOAD = 'dist-tools/tools/seed-load/main.js';

function seedLoad(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  if (!existsSync(SEED_LOAD)) throw new Error(`${SEED_LOAD} is missing: run \`npm run build:tools\``);
  const child = spawn(process.execPath, [SEED_LOAD, '--database-url', url, '--quiet', ...args], {
    env: { PATH: process.env.PATH },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout, stderr })));
}

async function one<T>(sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as T;
  } finally {
    await client.end();
  }
}

describe('seed:load into the database of a running service', () => {
  let service: RunningService;

  beforeAll(async () => {
    // The audit sealer and the event dispatcher poll every 20 ms, all through the load.
    service = await startService({ APP_ROLE: 'all', DATABASE_URL: url, OUTBOX_POLL_INTERVAL_MS: '20' });
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    const admin = new URL(url);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });

  it('loads while the worker seals and dispatches, and the service goes on with a chain that verifies', async () => {
    const run = await seedLoad('--declarations', '3000', '--seed', '3');
    if (run.status !== 0) throw new Error(`seed:load failed (${run.status}):\n${run.stderr}`);
    const summary = JSON.parse(run.stdout) as { events: number };
    expect(service.child.exitCode).toBeNull();
    expect(service.output()).not.toMatch(/deadlock/);
    const after = await one<{ head: string; cursor: string }>(`SELECT
      (SELECT seq FROM audit_chain_head) AS head, (SELECT seq FROM event_cursor WHERE name = 'dispatcher') AS cursor`);
    expect(after).toEqual({ head: String(summary.events), cursor: String(summary.events) });

    // The service goes on after the load: a new declaration is screened, its records sealed onto the loaded chain.
    const company = cli(['company:create', '--name', 'After The Load', '--tax-code', '4900001234'], {
      DATABASE_URL: url,
    });
    expect(company.status).toBe(0);
    const { apiKey } = JSON.parse(company.stdout) as { apiKey: string };
    const submitted = await fetch(`${service.url}/api/v1/declarations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'idempotency-key': idempotencyKey(),
        'content-type': 'application/json',
      },
      body: JSON.stringify(declarationBody()),
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };
    await eventually(async () => {
      const row = await one<{ status: string; unsealed: number }>(`SELECT
        (SELECT status FROM declaration WHERE id = '${id}') AS status,
        (SELECT count(*)::int FROM declaration_event WHERE seq IS NULL) AS unsealed`);
      return row.status === 'accepted' && row.unsealed === 0 ? true : undefined;
    }, 20_000);
    const verify = cli(['audit:verify'], { DATABASE_URL: url });
    expect(verify.status).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, records: summary.events + 2 }); // submitted, accepted
  }, 180_000);
});
