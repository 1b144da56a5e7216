import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { Direction, GateCode } from '../../common/domain/gate-code.js';

/** One gate's figures for one local day and direction, computed by the stats rollup. */
@Entity('daily_stats')
export class DailyStatsEntity {
  @PrimaryColumn({ name: 'gate_code', type: 'text', primaryKeyConstraintName: 'daily_stats_pkey' })
  @ForeignKey('gate', { name: 'daily_stats_gate_code_fkey' })
  gateCode: GateCode;

  @PrimaryColumn({ name: 'day', type: 'date', primaryKeyConstraintName: 'daily_stats_pkey' })
  day: string;

  @PrimaryColumn({ name: 'direction', type: 'text', primaryKeyConstraintName: 'daily_stats_pkey' })
  direction: Direction;

  @Column({ name: 'counts', type: 'jsonb' })
  counts: Record<string, number>;

  @Column({ name: 'rejected_by_reason', type: 'jsonb' })
  rejectedByReason: Record<string, number>;

  @Column({ name: 'step_minutes', type: 'jsonb' })
  stepMinutes: Record<string, unknown>;

  /** Fees collected that day (passed fee steps): `{count, totalVnd, byClass: {VT1: {count, totalVnd}, …}}`. */
  @Column({ name: 'fees', type: 'jsonb', default: () => "'{}'" })
  fees: Record<string, unknown>;

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;
}
