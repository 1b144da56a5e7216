/** The secret settings: each must be long and random in production. `required`: the service needs a value. */
export const SECRET_SETTINGS = [
  { name: 'AUTH_TOKEN_SECRET', required: true },
  { name: 'AUTH_TOKEN_PREVIOUS_SECRET', required: false },
] as const;

/** Values published in this repository's history and docs: anyone can sign with them, so none is ever accepted. */
export const PUBLISHED_SECRETS: readonly string[] = ['dev-only-secret-change-me-in-production-0123456789'];

export const MIN_SECRET_BYTES = 32;
/** Fewer distinct characters than this is a pattern (`aaaa…`, `0123…0123`), not a random value. */
export const MIN_DISTINCT_CHARACTERS = 16;

const HOW_TO_MAKE = 'generate one with `openssl rand -base64 48`';

/** What is wrong with a secret's value, or null. `production`: weak values are refused too. */
export function secretProblem(name: string, value: string | undefined, required: boolean, production: boolean) {
  if (value === undefined || value === '') {
    return required && production ? `${name} must be set in production; ${HOW_TO_MAKE}` : null;
  }
  if (PUBLISHED_SECRETS.includes(value)) {
    return `${name} is the published example value, which anyone can sign with; ${HOW_TO_MAKE}`;
  }
  if (!production) return null;
  if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES || new Set(value).size < MIN_DISTINCT_CHARACTERS) {
    return (
      `${name} is too weak: it needs at least ${MIN_SECRET_BYTES} bytes and ${MIN_DISTINCT_CHARACTERS} different ` +
      `characters; ${HOW_TO_MAKE}`
    );
  }
  return null;
}

/** One line per secret setting that this environment must not start with. */
export function secretProblems(env: NodeJS.ProcessEnv): string[] {
  const production = env.NODE_ENV === 'production';
  return SECRET_SETTINGS.map(({ name, required }) => secretProblem(name, env[name], required, production)).filter(
    (problem): problem is string => problem !== null,
  );
}
