import { randomBytes } from 'node:crypto';
import { createLogger } from '../src/common/logging/logger.js';
import { submit } from './support/api.js';
import { declarationBody, eventually } from './support/factories.js';
import { officer } from './support/officers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  queue?: string;
  job?: string;
  jobId?: string;
  context?: string;
  [field: string]: unknown;
}

describe('log lines', () => {
  const lines: LogLine[] = [];
  let t: TestApp;

  beforeAll(async () => {
    // The production logger (JSON, redaction) writing into this array instead of stdout.
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
    t = await startTestApp({ LOG_LEVEL: 'info' }, logger);
  });
  afterAll(() => t.close());

  const logged = (msg: string, match: (line: LogLine) => boolean = () => true): Promise<LogLine> =>
    eventually(() => Promise.resolve(lines.find((line) => line.msg === msg && match(line))), 10_000, `a "${msg}" line`);

  it('carry the id of the request a service logged for: the one the client sent, or the one answered', async () => {
    const supervisor = await officer(t, 'supervisor', ['TAN_THANH']);
    const requestId = `log-context-${randomBytes(6).toString('hex')}`;
    const close = await t.request({
      method: 'POST',
      url: '/api/v1/gates/TAN_THANH/close',
      headers: { ...supervisor.headers, 'x-request-id': requestId },
      payload: { reason: 'Checking the log context' },
    });
    expect(close.statusCode).toBe(200);
    expect(close.headers['x-request-id']).toBe(requestId);
    const open = await t.request({ method: 'POST', url: '/api/v1/gates/TAN_THANH/open', headers: supervisor.headers });
    expect(open.statusCode).toBe(200);
    const answeredId = open.headers['x-request-id'] as string;
    expect(answeredId).toMatch(/^[\w-]{1,64}$/);

    expect(await logged('gate closed', (l) => l.reqId === requestId)).toMatchObject({
      context: 'GateStateService',
      gate: 'TAN_THANH',
    });
    expect(await logged('gate reopened')).toMatchObject({ reqId: answeredId, context: 'GateStateService' });
    // Still one line per request of its own: the service's line rides on the request's logger, nothing more.
    await logged('request', (l) => l.reqId === answeredId);
    expect(lines.filter((l) => l.reqId === requestId).map((l) => l.msg)).toEqual(['gate closed', 'request']);
  });

  it('carry the queue, name and id of the job being processed', async () => {
    const company = await t.createCompany();
    const submitted = await submit(t, company.apiKey, declarationBody());
    expect(submitted.statusCode).toBe(202);
    const jobId = `screen-${submitted.json().id}-v1`;

    const finished = await logged('job finished', (l) => l.jobId === jobId);
    expect(finished).toMatchObject({
      queue: 'screening',
      job: 'screen-declaration',
      context: 'ScreeningProcessor',
      attempt: 1,
    });
    expect(finished.reqId).toBeUndefined(); // the relay picked the job up outside of the submitting request
    const submitLine = await logged('request', (l) => l.reqId === submitted.headers['x-request-id']);
    expect(submitLine.jobId).toBeUndefined();
  });

  it('carry neither outside a request or a job, and stay JSON with the process id', () => {
    const started = lines.find((l) => l.msg === 'Nest application successfully started');
    expect(started).toMatchObject({ pid: process.pid, context: 'NestApplication' });
    expect(started?.reqId).toBeUndefined();
    expect(started?.jobId).toBeUndefined();
  });
});
