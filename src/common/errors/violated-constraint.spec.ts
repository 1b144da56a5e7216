import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { violatedConstraint } from './violated-constraint.js';

function uniqueViolation(constraint: string): pg.DatabaseError {
  const error = new pg.DatabaseError('duplicate key value violates unique constraint', 0, 'error');
  error.code = '23505';
  error.constraint = constraint;
  return error;
}

describe('violatedConstraint', () => {
  it("reads the constraint from pg's error", () => {
    expect(violatedConstraint(uniqueViolation('UQ_company_tax_code'))).toBe('UQ_company_tax_code');
  });

  it("reads it through TypeORM's QueryFailedError", () => {
    const wrapped = new QueryFailedError('INSERT …', [], uniqueViolation('UQ_declaration_active_vehicle'));
    expect(violatedConstraint(wrapped)).toBe('UQ_declaration_active_vehicle');
  });

  it('is undefined for a database error without a constraint and for anything else', () => {
    expect(violatedConstraint(new pg.DatabaseError('syntax error', 0, 'error'))).toBeUndefined();
    expect(
      violatedConstraint(Object.assign(new Error('look-alike'), { constraint: 'UQ_company_tax_code' })),
    ).toBeUndefined();
    expect(violatedConstraint(undefined)).toBeUndefined();
    expect(violatedConstraint('UQ_company_tax_code')).toBeUndefined();
  });
});
