import { errorMessage } from '../common/errors/error-message.js';
import { type AppConfig, ConfigError, loadConfig } from './app-config.js';
import { connectionProblem } from './connection-problem.js';
import { provideDevelopmentSecret } from './development-secret.js';
import { loadEnvFile } from './env-file.js';

/** sysexits' EX_CONFIG: a setting is wrong, so starting again unchanged would fail again. */
export const EXIT_CONFIG = 78;

/**
 * The settings of an entry point (service, migrate step, CLI): `.env` if present, then the environment,
 * then (outside production, when AUTH_TOKEN_SECRET is unset) the checkout's development secret, validated;
 * `notify` hears that the development secret is in use (the service logs it; the CLI's stderr stays its own). Bad settings print one line each on stderr and exit with EXIT_CONFIG.
 */
export function loadSettingsOrExit(notify: (notice: string) => void = () => undefined): AppConfig {
  loadEnvFile();
  try {
    const notice = provideDevelopmentSecret();
    if (notice) notify(notice);
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}

/**
 * What an entry point prints when it cannot start or finish: for PostgreSQL or Redis refusing or not answering,
 * the setting, what failed and what to do; otherwise the error's message. The stack only at LOG_LEVEL debug.
 */
export function failureMessage(error: unknown, config: AppConfig): string {
  const debug = config.app.logLevel === 'debug' || config.app.logLevel === 'trace';
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  const known = connectionProblem(error, config);
  if (known) return `${known}${stack}`;
  return `${errorMessage(error)}${stack || ' (LOG_LEVEL=debug shows where)'}`;
}
