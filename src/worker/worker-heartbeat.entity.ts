import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Each worker process's last beat and job counts, read by `/health`. */
@Entity('worker_heartbeat')
export class WorkerHeartbeatEntity {
  @PrimaryColumn({ name: 'worker_id', type: 'text', primaryKeyConstraintName: 'worker_heartbeat_pkey' })
  workerId: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'beat_at', type: 'timestamptz' })
  beatAt: Date;

  @Column({ name: 'jobs_completed', type: 'bigint', default: 0 })
  jobsCompleted: string;

  @Column({ name: 'jobs_failed', type: 'bigint', default: 0 })
  jobsFailed: string;
}
