import { one, type Pool } from './db.js';
import { sleep } from './processes.js';

export interface DrainResult {
  /** Seconds from the call until nothing of the company since `since` waited for screening. */
  seconds: number;
  drained: boolean;
  screened: number;
  pending: number;
}

/**
 * Waits until every declaration `companyId` submitted since `since` has left screening (accepted or
 * rejected; failed counts as done) and the outbox is relayed, or until `timeoutMs`.
 */
export async function waitForScreening(
  db: Pool,
  companyId: string,
  since: Date,
  timeoutMs: number,
): Promise<DrainResult> {
  const started = Date.now();
  for (;;) {
    const row = await one<{ pending: string; screened: string; outbox: string }>(
      db,
      `SELECT count(*) FILTER (WHERE status = 'submitted' AND screening_state = 'pending') AS pending,
              count(*) FILTER (WHERE NOT (status = 'submitted' AND screening_state = 'pending')) AS screened,
              (SELECT count(*) FROM outbox_message WHERE relayed_at IS NULL) AS outbox
         FROM declaration WHERE company_id = $1 AND created_at >= $2`,
      [companyId, since],
    );
    const pending = Number(row!.pending);
    const outbox = Number(row!.outbox);
    const seconds = (Date.now() - started) / 1000;
    if ((pending === 0 && outbox === 0) || Date.now() - started > timeoutMs) {
      return { seconds, drained: pending === 0, screened: Number(row!.screened), pending };
    }
    await sleep(250);
  }
}
