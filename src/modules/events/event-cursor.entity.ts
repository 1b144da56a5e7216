import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far one consumer (the dispatcher) has read the sealed audit log. */
@Entity('event_cursor')
export class EventCursorEntity {
  @PrimaryColumn({ name: 'name', type: 'text', primaryKeyConstraintName: 'event_cursor_pkey' })
  name: string;

  @Column({ name: 'seq', type: 'bigint' })
  seq: string;
}
