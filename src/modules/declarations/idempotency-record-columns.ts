import { Column } from 'typeorm';

/**
 * The columns every Idempotency-Key table shares (companies' and officers'): the request's hash and the answer
 * first given, replayed for a repeat. `in_flight`: claimed, running; `applied`: its effect committed, its answer
 * not yet stored; `completed`: answered.
 */
export abstract class IdempotencyRecordColumns {
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'state', type: 'text' })
  state: 'in_flight' | 'applied' | 'completed';

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  // json, not jsonb: replays byte-for-byte what was first answered.
  @Column({ name: 'response_body', type: 'json', nullable: true })
  responseBody: unknown;

  @Column({ name: 'locked_at', type: 'timestamptz', default: () => 'now()' })
  lockedAt: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
