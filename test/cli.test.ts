import { spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { cli } from './support/processes.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

// The built CLI, run as a child process as an operator or a script runs it (stdout is a pipe here, so JSON).
const CLI = resolve('dist/src/cli.js');
const db = new URL(TEST_DATABASE_URL);
const DATABASE_LINE = `database: ${db.hostname}:${db.port || '5432'}${db.pathname}\n`;

const taxCode = (): string => `49${randomInt(0, 100_000_000).toString().padStart(8, '0')}`;
const jsonLine = (stdout: string): Record<string, unknown> => {
  expect(stdout.endsWith('\n') && stdout.indexOf('\n') === stdout.length - 1).toBe(true);
  return JSON.parse(stdout) as Record<string, unknown>;
};

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Another database on the test server, named for this file (global setup drops nothing but its own). */
const otherDatabase = (suffix: string): { name: string; url: string } => {
  const name = `${db.pathname.slice(1)}_cli_${suffix}_${randomBytes(3).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
};

describe('npm run cli, as scripts use it', () => {
  it('prints one JSON line when piped, and with --json; says on stderr which database, never the password', () => {
    const withPassword = new URL(TEST_DATABASE_URL);
    withPassword.password = 's3cret-pw'; // the test server trusts local connections, so any password is taken
    const created = cli(['company:create', '--name', 'Công ty A', '--tax-code', taxCode()], {
      DATABASE_URL: withPassword.toString(),
    });
    expect(created.status).toBe(0);
    expect(jsonLine(created.stdout)).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      apiKey: expect.stringMatching(/^bgk_/),
    });
    expect(created.stderr.startsWith(DATABASE_LINE)).toBe(true);
    expect(created.stderr).not.toContain('s3cret-pw');

    const flagged = cli(['company:create', '--json', '--name', 'Công ty B', '--tax-code', taxCode()]);
    expect(flagged.status).toBe(0);
    expect(Object.keys(jsonLine(flagged.stdout)).sort()).toEqual(['apiKey', 'id']);
  });

  it('marks a company an authorised economic operator and back (company:aeo)', () => {
    const code = taxCode();
    expect(cli(['company:create', '--name', 'Công ty AEO', '--tax-code', code]).status).toBe(0);
    const on = cli(['company:aeo', '--tax-code', code, '--on']);
    expect(on.status).toBe(0);
    expect(jsonLine(on.stdout)).toEqual({
      companyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      taxCode: code,
      authorisedEconomicOperator: true,
    });
    expect(jsonLine(cli(['company:aeo', '--tax-code', code, '--off']).stdout)).toMatchObject({
      authorisedEconomicOperator: false,
    });
    expect(cli(['company:aeo', '--tax-code', code]).status).toBe(2);
    expect(cli(['company:aeo', '--tax-code', code, '--on', '--off']).status).toBe(2);
  });

  it('answers a repeated company:create with exit 3, the existing company without a key, and the command for a key', async () => {
    const code = taxCode();
    const first = cli(['company:create', '--name', 'Vận tải Đồng Đăng', '--tax-code', code]);
    expect(first.status).toBe(0);
    const { id } = jsonLine(first.stdout) as { id: string };

    const again = cli(['company:create', '--name', 'Another name', '--tax-code', code]);
    expect(again.status).toBe(3);
    expect(jsonLine(again.stdout)).toEqual({ id, name: 'Vận tải Đồng Đăng', taxCode: code });
    expect(again.stdout).not.toContain('bgk_');
    expect(again.stderr).toContain(`already exists (id ${id}`);
    expect(again.stderr).toContain(`npm run cli -- company:create-key --company ${code}`);
    const keys = await query<{ n: number }>(
      TEST_DATABASE_URL,
      'SELECT count(*)::int AS n FROM api_key WHERE company_id = $1',
      [id],
    );
    expect(keys[0].n).toBe(1);
  });

  it('runs the README pipeline twice: create (or find) the company, then a key by its tax code', () => {
    const code = taxCode();
    const pipeline = [
      `node ${CLI} company:create --name "Công ty Vận tải Lạng Sơn" --tax-code ${code} || test $? -eq 3`,
      `KEY=$(node ${CLI} company:create-key --company ${code} | node -pe 'JSON.parse(require("fs").readFileSync(0)).apiKey')`,
      'echo "$KEY"',
    ].join(' && ');
    for (let run = 1; run <= 2; run += 1) {
      const result = spawnSync('bash', ['-c', pipeline], {
        env: { PATH: process.env.PATH, DATABASE_URL: TEST_DATABASE_URL, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      });
      expect({ run, status: result.status }).toEqual({ run, status: 0 });
      expect(result.stdout.trim().split('\n').pop()).toMatch(/^bgk_[A-Za-z0-9_-]{43}$/);
    }
  });

  it('makes and revokes keys by company id or tax code; an unknown or malformed one is named, never INTERNAL', async () => {
    const code = taxCode();
    const { id } = jsonLine(cli(['company:create', '--name', 'Keys Co', '--tax-code', code]).stdout) as { id: string };
    const byTaxCode = cli(['company:create-key', '--company', code]);
    expect(byTaxCode.status).toBe(0);
    expect(jsonLine(byTaxCode.stdout)).toEqual({
      companyId: id,
      apiKey: expect.stringMatching(/^bgk_/),
      prefix: expect.any(String),
      name: 'default',
      createdAt: expect.any(String),
    });
    expect(jsonLine(cli(['company:create-key', '--company', id]).stdout)).toMatchObject({ companyId: id });
    expect(jsonLine(cli(['company:revoke-key', '--company', code]).stdout)).toEqual({ revoked: 3 });

    for (const unknown of ['nope', '4999999999999', '00000000-0000-4000-8000-000000000000']) {
      const result = cli(['company:create-key', '--company', unknown]);
      expect({ unknown, status: result.status, stdout: result.stdout }).toEqual({ unknown, status: 1, stdout: '' });
      expect(result.stderr).toBe(
        `${DATABASE_LINE}no company with id or tax code "${unknown}"; give --company the id or the tax code company:create printed\n`,
      );
    }
    const revoke = cli(['company:revoke-key', '--company', 'nope']);
    expect(revoke.status).toBe(1);
    expect(revoke.stderr).toContain('no company with id or tax code "nope"');
    const keys = await query<{ n: number }>(
      TEST_DATABASE_URL,
      'SELECT count(*)::int AS n FROM api_key WHERE company_id = $1',
      [id],
    );
    expect(keys[0].n).toBe(3);
  });

  it('revokes a key whose prefix begins with a dash (base64url allows it), given as --prefix <value>', async () => {
    const code = taxCode();
    const { id } = jsonLine(cli(['company:create', '--name', 'Dash Co', '--tax-code', code]).stdout) as { id: string };
    const { prefix } = jsonLine(cli(['company:create-key', '--company', id]).stdout) as { prefix: string };
    const dashed = `-${prefix.slice(1)}`;
    await query(TEST_DATABASE_URL, 'UPDATE api_key SET key_prefix = $1 WHERE company_id = $2 AND key_prefix = $3', [
      dashed,
      id,
      prefix,
    ]);
    const revoke = cli(['company:revoke-key', '--company', id, '--prefix', dashed]);
    expect({ status: revoke.status, stderr: revoke.stderr }).toEqual({ status: 0, stderr: DATABASE_LINE });
    expect(jsonLine(revoke.stdout)).toEqual({ revoked: 1 });
  });

  it('answers a repeated officer:create and watchlist:add with exit 3 and the existing record', () => {
    const username = `cli.${randomBytes(4).toString('hex')}`;
    const args = ['--password', 'correct horse battery', '--agency', 'customs', '--gates', 'HUU_NGHI'];
    const officer = cli(['officer:create', '--username', username, ...args]);
    expect(officer.status).toBe(0);
    const { id } = jsonLine(officer.stdout) as { id: string };
    const again = cli(['officer:create', '--username', username.toUpperCase(), ...args]);
    expect(again.status).toBe(3);
    expect(jsonLine(again.stdout)).toEqual({ id, username, agency: 'customs', gates: ['HUU_NGHI'] });
    expect(again.stderr).toContain(`officer "${username}" already exists (id ${id}`);
    expect(again.stdout + again.stderr).not.toContain('correct horse');

    const plate = `29C-${randomInt(100, 999)}.${randomInt(10, 99)}`;
    const listed = cli(['watchlist:add', '--plate', plate, '--reason', 'stolen']);
    expect(listed.status).toBe(0);
    const entry = jsonLine(listed.stdout) as { id: string; value: string };
    const relisted = cli(['watchlist:add', '--plate', plate.toLowerCase(), '--reason', 'again']);
    expect(relisted.status).toBe(3);
    expect(jsonLine(relisted.stdout)).toEqual({ id: entry.id, value: entry.value, reason: 'stolen' });
    expect(relisted.stderr).toContain(`plate ${entry.value} is already on the watchlist`);
  });

  it('names the option to fix when a value is refused, and the usage when one is missing', () => {
    const bad = cli(['company:create', '--name', 'X', '--tax-code', '12345']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`${DATABASE_LINE}--tax-code: must be 10 or 13 digits (REQUEST.VALIDATION_FAILED)\n`);
    const missing = cli(['company:create', '--name', 'X']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/\n--tax-code is required\nusage .*\n {2}npm run cli -- company:create --name/);
  });
});

describe('settings and unreachable databases, in one line that says what to fix', () => {
  it('refuses a bad setting with exit 78 before touching anything', () => {
    const result = cli(['audit:verify'], { PORT: 'abc' });
    expect(result).toEqual({
      status: 78,
      stdout: '',
      stderr: 'PORT must be a whole number from 1 to 65535 (got "abc")\n',
    });
  });

  it('names DATABASE_URL without its password when PostgreSQL refuses the connection, with no stack', () => {
    const result = cli(['audit:verify'], { DATABASE_URL: 'postgres://postgres:pw-9@127.0.0.1:1/x' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'database: 127.0.0.1:1/x\ncannot reach PostgreSQL at DATABASE_URL (127.0.0.1:1/x): connection refused; ' +
        'start PostgreSQL there or set DATABASE_URL to where it runs\n',
    );
  });

  it('never creates a missing database, and says how to', async () => {
    const missing = otherDatabase('missing');
    const result = cli(['audit:verify'], { DATABASE_URL: missing.url });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `PostgreSQL at DATABASE_URL (${db.hostname}:${db.port || '5432'}/${missing.name}): the database does not exist; run \`npm run migrate\``,
    );
    const found = await query(TEST_DATABASE_URL, 'SELECT 1 FROM pg_database WHERE datname = $1', [missing.name]);
    expect(found).toEqual([]);
  });

  it('says to migrate a database without the tables', async () => {
    const empty = otherDatabase('empty');
    await query(TEST_DATABASE_URL, `CREATE DATABASE "${empty.name}"`);
    try {
      const result = cli(['company:create', '--name', 'X', '--tax-code', taxCode()], {
        DATABASE_URL: empty.url,
        DATABASE_MIGRATE_ON_START: 'false',
      });
      expect(result.status).toBe(1);
      expect(result.stderr.split('\n')[1]).toMatch(/the schema is older than this version; run `npm run migrate`$/);
    } finally {
      await query(TEST_DATABASE_URL, `DROP DATABASE IF EXISTS "${empty.name}" WITH (FORCE)`);
    }
  });

  it('starts the service and the migrate step with the same one line, and exit 1', () => {
    for (const entry of ['dist/src/main.js', 'dist/src/migrate.js']) {
      const result = spawnSync(process.execPath, [entry], {
        env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://postgres:pw-9@127.0.0.1:1/x', LOG_LEVEL: 'error' },
        encoding: 'utf8',
      });
      expect({ entry, status: result.status }).toEqual({ entry, status: 1 });
      expect(result.stderr).toMatch(
        /^(start-up|migration) failed: cannot reach PostgreSQL at DATABASE_URL \(127\.0\.0\.1:1\/x\): connection refused; start PostgreSQL there or set DATABASE_URL to where it runs\n$/,
      );
    }
  });

  it('reads .env from the working directory, where the environment does not set the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-cli-env-'));
    try {
      writeFileSync(join(dir, '.env'), 'DATABASE_URL=postgres://postgres@127.0.0.1:1/from_env_file\nLOG_LEVEL=warn\n');
      const run = (env: NodeJS.ProcessEnv) =>
        spawnSync(process.execPath, [CLI, 'audit:verify'], {
          cwd: dir,
          env: { PATH: process.env.PATH, ...env },
          encoding: 'utf8',
        });
      expect(run({}).stderr.split('\n')[0]).toBe('database: 127.0.0.1:1/from_env_file');
      expect(run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/from_environment' }).stderr.split('\n')[0]).toBe(
        'database: 127.0.0.1:1/from_environment',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run cli without a current build', () => {
  const check = resolve('scripts/check-build.mjs');

  it('says to run npm run build when dist is missing or older than src', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-cli-build-'));
    try {
      const run = () => spawnSync(process.execPath, [check], { cwd: dir, encoding: 'utf8' });
      mkdirSync(join(dir, 'src'));
      mkdirSync(join(dir, 'migrations'));
      writeFileSync(join(dir, 'src/cli.ts'), '');
      expect(run()).toMatchObject({
        status: 1,
        stderr: 'dist/ has no build: run `npm run build`, then the command again\n',
      });

      mkdirSync(join(dir, 'dist/src'), { recursive: true });
      writeFileSync(join(dir, 'dist/src/cli.js'), '');
      expect(run()).toMatchObject({ status: 0, stderr: '' });

      const later = new Date(Date.now() + 60_000);
      utimesSync(join(dir, 'src/cli.ts'), later, later);
      expect(run()).toMatchObject({
        status: 1,
        stderr:
          'dist/ is out of date (src/cli.ts changed after the last build): run `npm run build`, then the command again\n',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
