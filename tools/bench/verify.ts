import { one, type Pool } from './db.js';
import type { VerificationResult } from './results.js';

/**
 * After the run (worker drained): every declaration the bench company submitted since `since` has exactly
 * one screening outcome in the audit log (an `accepted` or `rejected` transition by system:screening), so
 * no screening job ran twice with effect; and no step was claimed twice in the same period.
 */
export async function verifyExactlyOnce(db: Pool, companyId: string, since: Date): Promise<VerificationResult> {
  const screening = (await one<{ total: string; bad: string; pending: string }>(
    db,
    `SELECT count(*) AS total, count(*) FILTER (WHERE n <> 1 AND status <> 'submitted') AS bad,
            count(*) FILTER (WHERE status = 'submitted') AS pending
       FROM (SELECT d.status,
                    (SELECT count(*) FROM declaration_event e
                      WHERE e.declaration_id = d.id AND e.action = 'transition' AND e.actor = 'system:screening'
                        AND e.to_status IN ('accepted', 'rejected')) AS n
               FROM declaration d WHERE d.company_id = $1 AND d.created_at >= $2) x`,
    [companyId, since],
  ))!;
  const claims = (await one<{ n: string }>(
    db,
    `SELECT count(*) AS n FROM (SELECT step_id FROM declaration_event WHERE action = 'step.claimed' AND at >= $1
       GROUP BY step_id HAVING count(*) > 1) x`,
    [since],
  ))!;
  const result = {
    declarations: Number(screening.total),
    notExactlyOneOutcome: Number(screening.bad),
    stillPending: Number(screening.pending),
    stepsClaimedTwice: Number(claims.n),
    ok: false,
  };
  result.ok = result.notExactlyOneOutcome === 0 && result.stillPending === 0 && result.stepsClaimedTwice === 0;
  return result;
}
