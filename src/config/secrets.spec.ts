import { ConfigError, loadConfig } from './app-config.js';
import { PUBLISHED_SECRETS, secretProblems } from './secrets.js';

const STRONG = 'q8Vd2LxR7mTz4Kp9Wc1Hs6Jf3Nb5Yg0Ae-UoIi'; // 38 bytes, 38 different characters
const PUBLISHED = PUBLISHED_SECRETS[0];

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
};

describe('secret settings', () => {
  it('in production, requires AUTH_TOKEN_SECRET and says how to make one', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'AUTH_TOKEN_SECRET must be set in production; generate one with `openssl rand -base64 48`',
    ]);
  });

  it('in production, refuses a secret shorter than 32 bytes or with fewer than 16 different characters', () => {
    for (const weak of ['Short-but-random-9fX2', 'abababababababababababababababababababab', '0123456789'.repeat(4)]) {
      const [problem] = problemsOf({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: weak });
      expect(problem).toMatch(/^AUTH_TOKEN_SECRET (is too weak|must be at least 32 characters)/);
      expect(problem).not.toContain(weak);
    }
    expect(problemsOf({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: STRONG })).toEqual([]);
  });

  it('in production, checks AUTH_TOKEN_PREVIOUS_SECRET as well when it is set', () => {
    expect(
      problemsOf({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: STRONG, AUTH_TOKEN_PREVIOUS_SECRET: 'x'.repeat(40) }),
    ).toEqual([expect.stringMatching(/^AUTH_TOKEN_PREVIOUS_SECRET is too weak/)]);
  });

  it('refuses the published example secret in every environment, as either setting', () => {
    for (const NODE_ENV of ['production', 'development', undefined]) {
      expect(problemsOf({ NODE_ENV, AUTH_TOKEN_SECRET: PUBLISHED })).toEqual([
        'AUTH_TOKEN_SECRET is the published example value, which anyone can sign with; generate one with `openssl rand -base64 48`',
      ]);
    }
    expect(secretProblems({ AUTH_TOKEN_SECRET: STRONG, AUTH_TOKEN_PREVIOUS_SECRET: PUBLISHED })).toHaveLength(1);
  });

  it('outside production, leaves an unset secret to the entry point and accepts any value of 32 characters', () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ AUTH_TOKEN_SECRET: 'x'.repeat(32) })).toEqual([]);
  });
});
