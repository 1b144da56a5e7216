import pg from 'pg';
import { DomainError } from '../errors/domain-error.js';
import { msg } from '../i18n/message.js';
import { toErrorBody } from './to-error-body.js';

describe('toErrorBody', () => {
  it('answers 503 with a retry hint when the database pool is exhausted or the database refuses connections', () => {
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    const tooMany = Object.assign(new Error('sorry, too many clients already'), { code: '53300' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    for (const error of [poolTimeout, tooMany, refused]) {
      expect(toErrorBody(error, 'r1')).toEqual({
        body: {
          statusCode: 503,
          code: 'SERVICE.UNAVAILABLE',
          message: 'The service is busy; retry shortly',
          details: { retryAfterSeconds: 2 },
          requestId: 'r1',
        },
        unexpected: false,
      });
    }
  });

  it('keeps other errors a 500 that is logged as a bug, and domain errors as they are', () => {
    expect(toErrorBody(new Error('timeout exceeded when trying to connect, or not'), 'r2')).toMatchObject({
      body: { statusCode: 500, code: 'INTERNAL' },
      unexpected: true,
    });
    expect(toErrorBody(new DomainError('VEHICLE.NOT_FOUND', msg('vehicle.notFound')), 'r3')).toMatchObject({
      body: { statusCode: 404, code: 'VEHICLE.NOT_FOUND' },
      unexpected: false,
    });
  });

  it('answers a named constraint a client can trip with its code, and any other violation as a bug', () => {
    const violation = (constraint: string): pg.DatabaseError =>
      Object.assign(new pg.DatabaseError('duplicate key value violates unique constraint', 0, 'error'), {
        code: '23505',
        constraint,
      });
    expect(toErrorBody(violation('UQ_company_tax_code'), 'r4')).toMatchObject({
      body: { statusCode: 409, code: 'CONFLICT.DUPLICATE', message: 'A company with this tax code already exists' },
      unexpected: false,
    });
    expect(toErrorBody(violation('PK_declaration'), 'r5')).toMatchObject({
      body: { statusCode: 500, code: 'INTERNAL' },
      unexpected: true,
    });
  });
});
