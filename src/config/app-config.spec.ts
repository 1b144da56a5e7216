import { readFileSync } from 'node:fs';
import { ConfigError, Environment, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('runs a fresh clone on defaults', () => {
    expect(loadConfig({})).toMatchObject({
      app: { role: 'all', port: 3000 },
      database: { url: 'postgres://postgres@127.0.0.1:5432/border_gate', migrateOnStart: true },
      queue: { redisUrl: 'redis://127.0.0.1:6379', prefix: 'bg' },
    });
  });

  it('reads numbers and booleans from their string form', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_MIGRATE_ON_START: 'false', APP_ROLE: 'worker' });
    expect(config.app.port).toBe(8080);
    expect(config.database.migrateOnStart).toBe(false);
    expect(config.app.role).toBe('worker');
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '80x', APP_ROLE: 'both', QUEUE_PREFIX: 'has space', DATABASE_MIGRATE_ON_START: 'yes' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'APP_ROLE', 'QUEUE_PREFIX', 'DATABASE_MIGRATE_ON_START'])
      expect(problems).toContain(name);
  });

  it('says in one line per variable what it must be and what was given', () => {
    const problems = (env: NodeJS.ProcessEnv): string[] => {
      try {
        loadConfig(env);
      } catch (e) {
        if (e instanceof ConfigError) return e.problems;
      }
      throw new Error('accepted a bad configuration');
    };
    expect(problems({ PORT: 'abc' })).toEqual(['PORT must be a whole number from 1 to 65535 (got "abc")']);
    expect(problems({ PORT: '70000' })).toEqual(['PORT must be a whole number from 1 to 65535 (got "70000")']);
    expect(problems({ APP_ROLE: 'both', DATABASE_MIGRATE_ON_START: 'yes' })).toEqual([
      'APP_ROLE must be one of all, api, worker (got "both")',
      'DATABASE_MIGRATE_ON_START must be true or false (got "yes")',
    ]);
    expect(problems({ DATABASE_URL: 'mysql://admin:s3cret@db/x' })).toEqual([
      'DATABASE_URL must be a postgres:// URL ending in a database name (got "mysql://admin:***@db/x")',
    ]);
    expect(new ConfigError(problems({ PORT: '0', HOST: 'a b' })).message.split('\n')).toHaveLength(2);
  });

  it('never echoes a URL, which may carry a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/x' })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/x' });
    } catch (e) {
      expect((e as ConfigError).message).toContain('DATABASE_URL');
      expect((e as ConfigError).message).not.toContain('s3cret');
    }
  });

  it('reads read replicas as a comma-separated list, and refuses a bad one without echoing it', () => {
    expect(loadConfig({}).database.replicaUrls).toEqual([]);
    const urls = 'postgres://r@10.0.0.2:5432/border_gate, postgres://r@10.0.0.3:5432/border_gate';
    expect(loadConfig({ DATABASE_REPLICA_URLS: urls }).database.replicaUrls).toEqual([
      'postgres://r@10.0.0.2:5432/border_gate',
      'postgres://r@10.0.0.3:5432/border_gate',
    ]);
    try {
      loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r@10.0.0.2/border_gate,redis://u:s3cret@x' });
      throw new Error('accepted a redis URL as a replica');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).message).toContain('DATABASE_REPLICA_URLS');
      expect((e as ConfigError).message).not.toContain('s3cret');
    }
  });

  it('groups every variable as one setting', () => {
    const settings = Object.values(loadConfig({})).flatMap((group) => Object.keys(group));
    expect(settings).toHaveLength(Object.keys(new Environment()).length);
  });

  it('takes no previous token secret by default, and refuses a short one without echoing it', () => {
    expect(loadConfig({}).auth.tokenPreviousSecret).toBe('');
    const long = 'p'.repeat(32);
    expect(loadConfig({ AUTH_TOKEN_PREVIOUS_SECRET: long }).auth.tokenPreviousSecret).toBe(long);
    expect(() => loadConfig({ AUTH_TOKEN_PREVIOUS_SECRET: 'short-s3cret' })).toThrow(
      /^AUTH_TOKEN_PREVIOUS_SECRET must be empty or at least 32 characters$/,
    );
  });

  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.5,::1,fd00::/8', ['10.0.0.0/8', '192.168.1.5', '::1', 'fd00::/8']],
  ])('reads HTTP_TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ HTTP_TRUST_PROXY: value }).app.trustProxy).toEqual(expected);
  });

  it.each(['yes', '0', '11', '10.0.0.0/33', '10.0.0', 'proxy.example.com', '10.0.0.1/8/1'])(
    'refuses HTTP_TRUST_PROXY=%s',
    (value) => {
      expect(() => loadConfig({ HTTP_TRUST_PROXY: value })).toThrow(/^HTTP_TRUST_PROXY must be false, true, a number/);
    },
  );

  it('reads CORS_ORIGINS as exact origins, none by default', () => {
    expect(loadConfig({}).app.corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.com, http://localhost:5173' }).app.corsOrigins).toEqual([
      'https://a.example.com',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'https://a.example.com/', 'a.example.com', 'https://a.example.com/path'])
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/^CORS_ORIGINS must be comma-separated origins/);
  });

  it('refuses a short METRICS_TOKEN without echoing it', () => {
    expect(loadConfig({}).metrics).toEqual({ token: '', port: 9465, host: '127.0.0.1' });
    expect(() => loadConfig({ METRICS_TOKEN: 'short-metrics-s3cret' })).toThrow(
      /^METRICS_TOKEN must be empty or at least 32 visible ASCII characters$/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).app.port).toBe(3000);
  });

  it('lists every setting in .env.example, and nothing else', () => {
    const listed = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0])
      .sort();
    expect(listed).toEqual(Object.keys(new Environment()).sort());
  });
});
