import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Failed sign-ins per address or per username (keyed by SHA-256), and the wait they impose. Written by LoginThrottle. */
@Entity('login_throttle')
@Check('CK_login_throttle_scope', `scope IN ('address', 'account')`)
@Index('IDX_login_throttle_last_failure', ['lastFailureAt'])
export class LoginThrottleEntity {
  @PrimaryColumn({ name: 'key', type: 'text', primaryKeyConstraintName: 'login_throttle_pkey' })
  key: string;

  @Column({ name: 'scope', type: 'text' })
  scope: 'address' | 'account';

  @Column({ name: 'failures', type: 'integer' })
  failures: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt: Date;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
