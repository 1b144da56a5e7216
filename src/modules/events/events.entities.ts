import { EventCursorEntity } from './event-cursor.entity.js';

export const EVENTS_ENTITIES = [EventCursorEntity];
