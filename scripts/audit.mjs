// Run by .ci/run after the tests: `npm audit` of what production installs, failing on high or critical advisories.
// Where the registry's advisory endpoint cannot be reached (an offline build machine), it says so and passes:
// "could not ask" is not "nothing found", and the message keeps the two apart.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TIMEOUT_MS = 60_000;
// npm's error codes when the network, not the packages, is the problem.
const UNREACHABLE =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|ENETUNREACH|EHOSTUNREACH|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|E5\d\d|E40[48])\b/;

/** What one run of `npm audit --json` means: `{ verdict: 'clean' | 'vulnerable' | 'unreachable', summary }`. */
export function auditVerdict({ status, stdout, stderr, timedOut }) {
  if (timedOut) return { verdict: 'unreachable', summary: `no answer within ${TIMEOUT_MS / 1000} s` };
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    report = undefined;
  }
  const error = report?.error;
  if (error || !report) {
    const text = `${error?.code ?? ''} ${error?.summary ?? ''} ${stderr}`;
    // The endpoint answered with an HTTP error (a proxy that only passes GET answers 405): it was not asked.
    if (typeof report?.statusCode === 'number') {
      return { verdict: 'unreachable', summary: report.message ?? `HTTP ${report.statusCode}` };
    }
    if (UNREACHABLE.test(text)) return { verdict: 'unreachable', summary: text.trim().split('\n')[0] };
    return { verdict: 'failed', summary: text.trim().split('\n')[0] || `npm audit exited ${status}` };
  }
  const counts = report.metadata?.vulnerabilities ?? {};
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  const summary = Object.entries(counts)
    .filter(([level, n]) => level !== 'total' && n > 0)
    .map(([level, n]) => `${n} ${level}`)
    .join(', ');
  return serious > 0 || status !== 0
    ? { verdict: 'vulnerable', summary: summary || `npm audit exited ${status}` }
    : { verdict: 'clean', summary: summary || 'no advisories' };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const { verdict, summary } = auditVerdict({
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? '',
    timedOut: run.error?.code === 'ETIMEDOUT',
  });
  if (verdict === 'unreachable') {
    process.stdout.write(`npm audit skipped: the advisory endpoint is not reachable from here (${summary})\n`);
  } else if (verdict === 'clean') {
    process.stdout.write(`npm audit: no high or critical advisories for production dependencies (${summary})\n`);
  } else {
    process.stderr.write(`npm audit ${verdict === 'vulnerable' ? 'found advisories' : 'failed'}: ${summary}\n`);
    process.stderr.write('Run `npm audit --omit=dev` for the details.\n');
    process.exit(1);
  }
}
