import pg from 'pg';
import { DomainError } from '../errors/domain-error.js';
import { msg } from '../i18n/message.js';
import { toErrorBody } from './to-error-body.js';
import { validationFailed } from './validation.pipe.js';

describe('toErrorBody', () => {
  it('answers 503 with a retry hint when the database pool is exhausted or the database refuses connections', () => {
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    const tooMany = Object.assign(new Error('sorry, too many clients already'), { code: '53300' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const stopping = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const crashed = Object.assign(new Error('terminating connection because of crash of another server process'), {
      code: '57P02',
    });
    for (const error of [poolTimeout, tooMany, refused, stopping, crashed]) {
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

  it('renders the message and each field problem in the language asked for, field names and codes unchanged', () => {
    const error = validationFailed([
      { field: 'gate', problem: msg('field.oneOf', { allowed: ['HUU_NGHI', 'TAN_THANH'] }) },
      { field: 'cargo.hsCode', problem: msg('field.hsCode') },
    ]);
    expect(toErrorBody(error, 'r6', 'zh').body).toEqual({
      statusCode: 400,
      code: 'REQUEST.VALIDATION_FAILED',
      message: 'gate：必须是以下之一：HUU_NGHI、TAN_THANH（另有 1 处错误）',
      details: [
        { field: 'gate', message: '必须是以下之一：HUU_NGHI、TAN_THANH' },
        { field: 'cargo.hsCode', message: '必须是 8 位 HS 编码，例如 08109050' },
      ],
      requestId: 'r6',
    });
    expect(error.message).toBe('gate: must be one of HUU_NGHI, TAN_THANH (and 1 more)');
  });

  it('says what to do about the errors Fastify raises before a route runs, in the language asked for', () => {
    const unsupported = Object.assign(new Error('Unsupported Media Type: application/x-www-form-urlencoded'), {
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      statusCode: 415,
    });
    expect(toErrorBody(unsupported, 'r7', 'vi').body).toMatchObject({
      statusCode: 415,
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      message: 'Hãy gửi nội dung dưới dạng JSON với header Content-Type: application/json',
    });
    expect(toErrorBody(unsupported, 'r7').body.message).toBe(
      'Send the body as JSON with the header Content-Type: application/json',
    );
  });
});
