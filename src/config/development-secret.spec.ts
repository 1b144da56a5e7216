import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './app-config.js';
import { provideDevelopmentSecret } from './development-secret.js';

describe('the development secret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bg-dev-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once, random, readable only by its owner, and reused by every later start', () => {
    const path = join(dir, '.secrets/dev.env');
    const first: NodeJS.ProcessEnv = {};
    expect(provideDevelopmentSecret(first, path)).toMatch(/just generated in .*\.secrets\/dev\.env/);
    expect(first.AUTH_TOKEN_SECRET).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const second: NodeJS.ProcessEnv = {};
    const notice = provideDevelopmentSecret(second, path);
    expect(notice).toMatch(/kept in/);
    expect(notice).not.toContain(first.AUTH_TOKEN_SECRET);
    expect(second.AUTH_TOKEN_SECRET).toBe(first.AUTH_TOKEN_SECRET);
    expect(readFileSync(path, 'utf8')).toBe(`AUTH_TOKEN_SECRET=${first.AUTH_TOKEN_SECRET}\n`);
  });

  it('is left alone when a secret is set, and never made in production', () => {
    const path = join(dir, 'dev.env');
    const set: NodeJS.ProcessEnv = { AUTH_TOKEN_SECRET: 'from-the-environment-of-32-characters!' };
    expect(provideDevelopmentSecret(set, path)).toBeNull();
    expect(set.AUTH_TOKEN_SECRET).toBe('from-the-environment-of-32-characters!');
    const production: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
    expect(provideDevelopmentSecret(production, path)).toBeNull();
    expect(production.AUTH_TOKEN_SECRET).toBeUndefined();
    expect(() => statSync(path)).toThrow();
  });

  it('names the file when it holds no secret', () => {
    const path = join(dir, 'dev.env');
    writeFileSync(path, 'nothing here\n');
    expect(() => provideDevelopmentSecret({}, path)).toThrow(ConfigError);
  });
});
