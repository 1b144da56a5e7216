import { existsSync } from 'node:fs';

/**
 * Reads `.env` from the working directory into `process.env` when the file exists (Node's own parser), before
 * `loadConfig()`: the service, the migrate step and the CLI all see the same settings. A variable already set
 * in the environment wins, even when set empty.
 */
export function loadEnvFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
