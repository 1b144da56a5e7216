import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from './app-config.js';

export const DEVELOPMENT_SECRET_FILE = '.secrets/dev.env';

function readSecret(path: string): string | undefined {
  const match = /^AUTH_TOKEN_SECRET=(\S+)$/m.exec(readFileSync(path, 'utf8'));
  return match?.[1];
}

/**
 * Outside production, when AUTH_TOKEN_SECRET is not set: a random secret made once per checkout and kept in
 * `.secrets/dev.env` (mode 0600, git-ignored), so the API, the workers and the CLI of one checkout agree and
 * webhook secrets sealed under it stay readable across restarts. Sets it in `env` and returns a line saying so
 * (never the value), or null when there was nothing to do.
 */
export function provideDevelopmentSecret(
  env: NodeJS.ProcessEnv = process.env,
  path = DEVELOPMENT_SECRET_FILE,
): string | null {
  if (env.NODE_ENV === 'production' || (env.AUTH_TOKEN_SECRET ?? '') !== '') return null;
  let made = false;
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Written aside, then linked into place: a process starting at the same moment sees the whole file or none.
    const draft = `${path}.${process.pid}.tmp`;
    writeFileSync(draft, `AUTH_TOKEN_SECRET=${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
    try {
      linkSync(draft, path);
      made = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const secret = readSecret(path);
  if (!secret) throw new ConfigError([`${path} holds no AUTH_TOKEN_SECRET line: delete it to have a new one made`]);
  env.AUTH_TOKEN_SECRET = secret;
  return (
    `AUTH_TOKEN_SECRET is not set: using the development secret ${made ? 'just generated in' : 'kept in'} ` +
    `${path} (set AUTH_TOKEN_SECRET in production, where it is required)`
  );
}
