import pg from 'pg';
import { loadConfig } from './config/app-config.js';
import { DomainError } from './common/errors/domain-error.js';
import { msg } from './common/i18n/message.js';
import { CliFailure, failure, UsageError } from './cli-failure.js';

describe('CLI failure messages', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://ops:s3cret@db.internal:6543/border_gate' });

  it('names the option to fix for a refused value, with the error code', () => {
    expect(failure(DomainError.invalidField('taxCode', msg('field.taxCode')), 'company:create', config)).toEqual({
      message: '--tax-code: must be 10 or 13 digits (REQUEST.VALIDATION_FAILED)',
      exit: 1,
    });
    expect(failure(new DomainError('GATE.CLOSED', msg('gate.closed', { gate: 'HUU_NGHI' })), 'x', config).message).toBe(
      'Hữu Nghị (HUU_NGHI) is closed: no check-ins until it reopens (GATE.CLOSED)',
    );
  });

  it('keeps usage errors (exit 2) and refusals (exit 1) as written', () => {
    expect(failure(new UsageError('--name is required'), 'company:create', config)).toEqual({
      message: '--name is required',
      exit: 2,
    });
    expect(failure(new CliFailure('no company with id or tax code "x"'), 'company:create-key', config).exit).toBe(1);
  });

  it('turns a violated constraint into its message, not the database text', () => {
    const error = new pg.DatabaseError('duplicate key value violates unique constraint', 0, 'error');
    error.constraint = 'UQ_company_tax_code';
    expect(failure(error, 'company:create', config).message).toBe(
      'A company with this tax code already exists (CONFLICT.DUPLICATE)',
    );
  });

  it('names DATABASE_URL without the password when PostgreSQL refuses', () => {
    const refused = Object.assign(new Error('password authentication failed for user "ops"'), { code: '28P01' });
    const { message } = failure(refused, 'audit:verify', config);
    expect(message).toBe(
      'PostgreSQL at DATABASE_URL (db.internal:6543/border_gate) refused user "ops": authentication failed; ' +
        'check the user and password in DATABASE_URL',
    );
    expect(message).not.toContain('s3cret');
  });

  it('answers anything unexpected with one line and a hint, the details only at LOG_LEVEL=debug', () => {
    const raw = Object.assign(new Error('invalid input syntax for type uuid: "nope"'), { name: 'QueryFailedError' });
    expect(failure(raw, 'screening:retry', config)).toEqual({
      message: 'screening:retry failed unexpectedly (QueryFailedError); run it again with LOG_LEVEL=debug to see why',
      exit: 1,
    });
    const debug = failure(raw, 'screening:retry', loadConfig({ LOG_LEVEL: 'debug' }));
    expect(debug.message).toContain('invalid input syntax for type uuid');
    expect(debug.message).toContain('cli-failure.spec.ts'); // the stack
  });
});
