import { AUDIT_ENTITIES } from './modules/audit/audit.entities.js';
import { AUTH_ENTITIES } from './modules/auth/auth.entities.js';
import { CLEARANCE_ENTITIES } from './modules/clearance/clearance.entities.js';
import { COMPANIES_ENTITIES } from './modules/companies/companies.entities.js';
import { DECLARATIONS_ENTITIES } from './modules/declarations/declarations.entities.js';
import { EVENTS_ENTITIES } from './modules/events/events.entities.js';
import { FEES_ENTITIES } from './modules/fees/fees.entities.js';
import { GATES_ENTITIES } from './modules/gates/gates.entities.js';
import { OFFICERS_ENTITIES } from './modules/officers/officers.entities.js';
import { OUTBOX_ENTITIES } from './modules/outbox/outbox.entities.js';
import { REGULATION_YARDS_ENTITIES } from './modules/regulation-yards/regulation-yards.entities.js';
import { RETURNS_ENTITIES } from './modules/returns/returns.entities.js';
import { SLOTS_ENTITIES } from './modules/slots/slots.entities.js';
import { STATS_ENTITIES } from './modules/stats/stats.entities.js';
import { WATCHLIST_ENTITIES } from './modules/watchlist/watchlist.entities.js';
import { WEBHOOKS_ENTITIES } from './modules/webhooks/webhooks.entities.js';
import { WORKER_ENTITIES } from './worker/worker.entities.js';

/**
 * Every table's entity, one list per owning module. Composed here, beside the app module, so that
 * `database/` depends on no feature: features register by adding their list, and `npm run check:schema`
 * compares exactly this list with the migrations.
 */
export const ENTITIES = [
  ...GATES_ENTITIES,
  ...COMPANIES_ENTITIES,
  ...OFFICERS_ENTITIES,
  ...AUTH_ENTITIES,
  ...WATCHLIST_ENTITIES,
  ...DECLARATIONS_ENTITIES,
  ...FEES_ENTITIES,
  ...CLEARANCE_ENTITIES,
  ...RETURNS_ENTITIES,
  ...SLOTS_ENTITIES,
  ...REGULATION_YARDS_ENTITIES,
  ...AUDIT_ENTITIES,
  ...EVENTS_ENTITIES,
  ...OUTBOX_ENTITIES,
  ...WEBHOOKS_ENTITIES,
  ...STATS_ENTITIES,
  ...WORKER_ENTITIES,
];
