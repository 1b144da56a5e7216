import { auditVerdict } from '../../scripts/audit.mjs';

const report = (counts: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: counts } });

describe('reading npm audit’s answer', () => {
  it('passes when production dependencies have no high or critical advisories', () => {
    const run = { status: 0, stdout: report({ low: 1, high: 0, critical: 0, total: 1 }), stderr: '', timedOut: false };
    expect(auditVerdict(run)).toEqual({ verdict: 'clean', summary: '1 low' });
  });

  it('fails on high or critical advisories', () => {
    const run = { status: 1, stdout: report({ moderate: 2, high: 1, total: 3 }), stderr: '', timedOut: false };
    expect(auditVerdict(run)).toEqual({ verdict: 'vulnerable', summary: '2 moderate, 1 high' });
  });

  it.each([
    ['no name resolution', 'ENOTFOUND'],
    ['a refused connection', 'ECONNREFUSED'],
    ['a timed-out request', 'ETIMEDOUT'],
    ['a gateway error', 'E503'],
  ])('tells an unreachable advisory endpoint (%s) from a finding', (_what, code) => {
    const stdout = JSON.stringify({ error: { code, summary: 'request to https://registry.npmjs.org failed' } });
    expect(auditVerdict({ status: 1, stdout, stderr: '', timedOut: false }).verdict).toBe('unreachable');
  });

  it('counts an HTTP error from the advisory endpoint (a proxy allowing only GET) as unreachable', () => {
    const stdout = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(
      auditVerdict({ status: 1, stdout, stderr: 'npm error audit endpoint returned an error', timedOut: false }),
    ).toEqual({
      verdict: 'unreachable',
      summary: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
  });

  it('counts no answer within the time limit as unreachable', () => {
    expect(auditVerdict({ status: null, stdout: '', stderr: '', timedOut: true }).verdict).toBe('unreachable');
  });

  it('fails on any other error rather than calling it clean', () => {
    const stdout = JSON.stringify({
      error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' },
    });
    expect(auditVerdict({ status: 1, stdout, stderr: '', timedOut: false })).toEqual({
      verdict: 'failed',
      summary: 'ENOLOCK This command requires an existing lockfile.',
    });
  });
});
