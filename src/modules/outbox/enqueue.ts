import type { EntityManager } from 'typeorm';
import { rowsIn } from '../../database/sql.js';
import type { JobName, QueueName } from '../queue/queue-names.js';

export interface OutboxJob {
  queue: QueueName;
  name: JobName;
  /** Deterministic, so the same work relayed or re-driven twice runs once. */
  jobId: string;
  /** Ids only: never personal data. */
  payload: Record<string, string | number>;
  /** Not before this time (a delayed BullMQ job). */
  runAt?: Date;
}

/** Writes a job into the outbox; call inside the transaction that makes the change needing it. */
export async function enqueueInTransaction(manager: EntityManager, job: OutboxJob): Promise<void> {
  await rowsIn(
    manager,
    `INSERT INTO outbox_message (queue, job_name, job_id, payload, run_at) VALUES ($1, $2, $3, $4::jsonb, $5)`,
    [job.queue, job.name, job.jobId, JSON.stringify(job.payload), job.runAt ?? null],
  );
}

/** Writes several jobs into the outbox in one statement; call inside the transaction that makes the change. */
export async function enqueueAllInTransaction(manager: EntityManager, jobs: OutboxJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await rowsIn(
    manager,
    `INSERT INTO outbox_message (queue, job_name, job_id, payload, run_at)
     SELECT j.queue, j.name, j."jobId", j.payload, j."runAt"
       FROM jsonb_to_recordset($1::jsonb) AS j(queue text, name text, "jobId" text, payload jsonb, "runAt" timestamptz)`,
    [JSON.stringify(jobs)],
  );
}
