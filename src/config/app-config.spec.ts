import { readFileSync } from 'node:fs';
import { AppConfig, ConfigError, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('runs a fresh clone on defaults', () => {
    const config = loadConfig({});
    expect(config).toBeInstanceOf(AppConfig);
    expect(config).toMatchObject({
      APP_ROLE: 'all',
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/border_gate',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'bg',
      DATABASE_MIGRATE_ON_START: true,
    });
  });

  it('reads numbers and booleans from their string form', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_MIGRATE_ON_START: 'false', APP_ROLE: 'worker' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_MIGRATE_ON_START).toBe(false);
    expect(config.APP_ROLE).toBe('worker');
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
    expect(loadConfig({}).DATABASE_REPLICA_URLS).toEqual([]);
    const urls = 'postgres://r@10.0.0.2:5432/border_gate, postgres://r@10.0.0.3:5432/border_gate';
    expect(loadConfig({ DATABASE_REPLICA_URLS: urls }).DATABASE_REPLICA_URLS).toEqual([
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

  it('takes no previous token secret by default, and refuses a short one without echoing it', () => {
    expect(loadConfig({}).AUTH_TOKEN_PREVIOUS_SECRET).toBe('');
    const long = 'p'.repeat(32);
    expect(loadConfig({ AUTH_TOKEN_PREVIOUS_SECRET: long }).AUTH_TOKEN_PREVIOUS_SECRET).toBe(long);
    expect(() => loadConfig({ AUTH_TOKEN_PREVIOUS_SECRET: 'short-s3cret' })).toThrow(
      /AUTH_TOKEN_PREVIOUS_SECRET=<hidden>: must be empty or at least 32 characters/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('lists every setting in .env.example, and nothing else', () => {
    const listed = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0])
      .sort();
    expect(listed).toEqual(Object.keys(new AppConfig()).sort());
  });
});
