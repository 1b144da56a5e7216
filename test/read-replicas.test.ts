import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { getDeclaration, settled, submit } from './support/api.js';
import { declarationBody } from './support/factories.js';
import { baseEnv } from './support/processes.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

// DATABASE_REPLICA_URLS: public read-only answers come from the replicas, everything else from the primary.
// There is no streaming replica on this machine, so the "replica" here is a second, separately migrated
// database whose rows differ from the primary's: which rows an answer shows proves which server answered it.

const REPLICA_URL = TEST_DATABASE_URL.replace(/\/([\w-]+)(\?.*)?$/, '/$1_replica$2');
const replicaName = new URL(REPLICA_URL).pathname.slice(1);

async function onAdminDb(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL.replace(/\/[\w-]+(\?.*)?$/, '/postgres') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

describe('read replicas', () => {
  let t: TestApp;
  let replica: pg.Client;
  let company: { id: string; apiKey: string };

  beforeAll(async () => {
    await onAdminDb(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
    const migrated = spawnSync(process.execPath, ['dist/src/migrate.js'], {
      env: baseEnv({ DATABASE_URL: REPLICA_URL }),
      encoding: 'utf8',
    });
    expect(migrated.status).toBe(0);
    replica = new pg.Client({ connectionString: REPLICA_URL });
    await replica.connect();
    t = await startTestApp({ DATABASE_REPLICA_URLS: REPLICA_URL });
    company = await t.createCompany();
  });

  afterAll(async () => {
    await t?.close();
    await replica?.end();
    await onAdminDb(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
  });

  it('writes and the company’s own reads go to the primary; the public lookup reads a replica', async () => {
    const submitted = await submit(t, company.apiKey, declarationBody());
    expect(submitted.statusCode).toBe(202);
    const { id, plate } = submitted.json();
    expect((await settled(t, company.apiKey, id)).status).toBe('accepted'); // screened on the primary
    expect((await getDeclaration(t, company.apiKey, id)).statusCode).toBe(200);

    // The replica has not "caught up": the public answer is the replica's, so the plate is unknown there.
    const lookup = await t.request({ method: 'GET', url: `/api/v1/vehicles/${plate}/status` });
    expect(lookup.statusCode).toBe(404);

    // Once the replica holds a row for the plate, the public answer shows exactly that row.
    const [row] = (
      await replica.query<{ id: string }>(
        `INSERT INTO company (name, tax_code) VALUES ('Replica Co', '0109999999') RETURNING id`,
      )
    ).rows;
    await replica.query(
      `INSERT INTO declaration (reference, company_id, gate_code, direction, status, plate, vehicle_nationality,
         expected_arrival_at, arrival_day, driver_full_name, driver_document_number, driver_document_kind,
         driver_nationality, cargo_description, cargo_gross_weight_kg, cargo_perishable)
       VALUES ('TT-20260101-00001', $1, 'TAN_THANH', 'import', 'exited', $2, 'VN', now(), current_date,
         'Replica Driver', '001099012345', 'cccd', 'VN', 'replica cargo', 1000, false)`,
      [row.id, plate],
    );
    const fromReplica = await t.request({ method: 'GET', url: `/api/v1/vehicles/${plate}/status` });
    expect(fromReplica.statusCode).toBe(200);
    expect(fromReplica.json()).toMatchObject({ plate, status: 'exited', gate: 'TAN_THANH', direction: 'import' });
  });

  it('keeps the Sql helper on the primary for writes while a replica is configured', async () => {
    expect(t.sql.replicaCount).toBe(1);
    const [primary] = await t.sql.rows<{ db: string }>('SELECT current_database() AS db');
    const [read] = await t.sql.readRows<{ db: string }>('SELECT current_database() AS db');
    expect(primary.db).toBe(new URL(TEST_DATABASE_URL).pathname.slice(1));
    expect(read.db).toBe(replicaName);
  });
});
