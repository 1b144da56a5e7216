import type { EntityManager } from 'typeorm';
import type { DomainEvent } from './domain-event.js';

/** Something that turns committed domain events into its own durable work, inside the dispatcher's transaction. */
export interface EventSink {
  accept(manager: EntityManager, events: DomainEvent[]): Promise<unknown>;
}

export const WEBHOOK_EVENT_SINK = Symbol('WEBHOOK_EVENT_SINK');

/** The Redis pub/sub channel that carries status changes to every API process (for Server-Sent Events). */
export function vehicleEventsChannel(queuePrefix: string): string {
  return `${queuePrefix}:events:vehicle-status`;
}

/** What goes over the channel: public fields only. */
export interface VehicleStatusMessage {
  seq: number;
  plate: string;
  status: string;
  gate: string;
  at: string;
  /** A return reminder or check-in (`due_soon`, `overdue`, `returned`) rather than a status move. */
  returnState?: string;
  /** A call forward from a regulation yard (`called`) or a missed call (`missed`). */
  call?: { state: string; deadline: string; yard: string };
}
