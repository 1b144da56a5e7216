import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { verifyPassword } from '../src/modules/officers/password.js';
import { cli } from './support/processes.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

// The operators' officer commands of the built CLI, run as scripts run them (stdout is a pipe: one JSON line).
const PASSWORD = 'correct horse battery';

const jsonLine = (stdout: string): any => {
  expect(stdout.endsWith('\n') && stdout.indexOf('\n') === stdout.length - 1).toBe(true);
  return JSON.parse(stdout);
};

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function createOfficer(agency = 'customs', gates = 'TAN_THANH'): { id: string; username: string } {
  const username = `cli.admin.${randomBytes(4).toString('hex')}`;
  const created = cli([
    'officer:create',
    '--username',
    username,
    '--password',
    PASSWORD,
    '--agency',
    agency,
    '--gates',
    gates,
  ]);
  expect(created.status).toBe(0);
  return { id: (jsonLine(created.stdout) as { id: string }).id, username };
}

const stateOf = async (id: string) =>
  (
    await query<{ disabled: boolean; token_version: number; password_hash: string; locked: boolean }>(
      `SELECT disabled_at IS NOT NULL AS disabled, token_version, password_hash,
              EXISTS (SELECT 1 FROM login_throttle
                       WHERE key = encode(sha256(convert_to('officer:' || username, 'UTF8')), 'hex')) AS locked
         FROM officer WHERE id = $1`,
      [id],
    )
  )[0];

describe('officer commands of the CLI', () => {
  it('lists the officers of a gate, or every officer, as one JSON line', async () => {
    const officer = createOfficer('yard', 'TAN_THANH');
    const atGate = cli(['officer:list', '--gate', 'tan_thanh']);
    expect(atGate.status).toBe(0);
    const { officers } = jsonLine(atGate.stdout);
    expect(officers.find((o: any) => o.id === officer.id)).toEqual({
      id: officer.id,
      username: officer.username,
      agency: 'yard',
      gates: ['TAN_THANH'],
      createdAt: expect.any(String),
      disabledAt: null,
      lockedUntil: null,
    });
    expect(officers.every((o: any) => o.gates.includes('TAN_THANH'))).toBe(true);
    expect(atGate.stdout).not.toMatch(/scrypt|password/i);

    const everyone = jsonLine(cli(['officer:list']).stdout).officers;
    expect(everyone.length).toBeGreaterThanOrEqual(officers.length);
    const [{ n }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM officer');
    expect(everyone.length).toBe(n);

    const bad = cli(['officer:list', '--gate', 'MONG_CAI']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--gate: must be one of HUU_NGHI, TAN_THANH (REQUEST.VALIDATION_FAILED)');
  });

  it('disables and enables by username, ending the tokens, and records the operator as who did it', async () => {
    const officer = createOfficer();
    const before = await stateOf(officer.id);

    const off = cli(['officer:disable', '--username', officer.username.toUpperCase()]);
    expect(off.status).toBe(0);
    expect(jsonLine(off.stdout)).toMatchObject({ id: officer.id, disabledAt: expect.any(String) });
    expect(await stateOf(officer.id)).toMatchObject({ disabled: true, token_version: before.token_version + 1 });

    const on = cli(['officer:enable', '--username', officer.username]);
    expect(on.status).toBe(0);
    expect(jsonLine(on.stdout)).toMatchObject({ id: officer.id, disabledAt: null });
    expect(await stateOf(officer.id)).toMatchObject({ disabled: false, token_version: before.token_version + 1 });

    const recorded = await query<{ action: string; actor: string }>(
      'SELECT action, actor FROM officer_change WHERE officer_id = $1 ORDER BY id',
      [officer.id],
    );
    expect(recorded).toEqual([
      { action: 'created', actor: 'operator:cli' },
      { action: 'disabled', actor: 'operator:cli' },
      { action: 'enabled', actor: 'operator:cli' },
    ]);
  });

  it('re-posts an officer, naming the option when a gate or agency is refused', () => {
    const officer = createOfficer('customs', 'HUU_NGHI');
    const moved = cli([
      'officer:postings',
      '--username',
      officer.username,
      '--gates',
      'tan_thanh, HUU_NGHI',
      '--agency',
      'border_guard',
    ]);
    expect(moved.status).toBe(0);
    expect(jsonLine(moved.stdout)).toMatchObject({ agency: 'border_guard', gates: ['HUU_NGHI', 'TAN_THANH'] });

    const kept = cli(['officer:postings', '--username', officer.username, '--gates', 'TAN_THANH']);
    expect(jsonLine(kept.stdout)).toMatchObject({ agency: 'border_guard', gates: ['TAN_THANH'] });

    const badGate = cli(['officer:postings', '--username', officer.username, '--gates', 'MONG_CAI']);
    expect(badGate.status).toBe(1);
    expect(badGate.stderr).toContain('--gates: must be one or more of HUU_NGHI, TAN_THANH');
    const badAgency = cli([
      'officer:postings',
      '--username',
      officer.username,
      '--gates',
      'TAN_THANH',
      '--agency',
      'police',
    ]);
    expect(badAgency.status).toBe(1);
    expect(badAgency.stderr).toContain('--agency: must be one of');
    const missing = cli(['officer:postings', '--username', officer.username]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--gates is required');
  });

  it('resets a password: clears the lock, moves the token version on, never echoes the password', async () => {
    const officer = createOfficer();
    await query(
      `INSERT INTO login_throttle (key, scope, failures, window_started_at, last_failure_at, blocked_until)
         SELECT encode(sha256(convert_to('officer:' || username, 'UTF8')), 'hex'), 'account', 5, now(), now(),
                now() + interval '10 minutes'
           FROM officer WHERE id = $1`,
      [officer.id],
    );
    const before = await stateOf(officer.id);

    const short = cli(['officer:reset-password', '--username', officer.username, '--password', 'too short']);
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('--password: must be 12-128 characters');
    expect(short.stdout + short.stderr).not.toContain('too short');

    const NEW_PASSWORD = 'a fresh pass phrase for the gate';
    const reset = cli(['officer:reset-password', '--username', officer.username, '--password', NEW_PASSWORD]);
    expect(reset.status).toBe(0);
    expect(jsonLine(reset.stdout)).toMatchObject({ id: officer.id, lockedUntil: null });
    expect(reset.stdout + reset.stderr).not.toContain(NEW_PASSWORD);
    const after = await stateOf(officer.id);
    expect(after).toMatchObject({ locked: false, token_version: before.token_version + 1 });
    await expect(verifyPassword(NEW_PASSWORD, after.password_hash)).resolves.toBe(true);
    await expect(verifyPassword(PASSWORD, after.password_hash)).resolves.toBe(false);
  });

  it('names an unknown username (exit 1) and a missing one (exit 2)', () => {
    for (const command of ['officer:disable', 'officer:enable']) {
      const unknown = cli([command, '--username', 'nobody.here']);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('no officer with username "nobody.here"');
      const missing = cli([command]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('--username is required');
    }
  });
});
