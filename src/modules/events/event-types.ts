import { isReturnAction, RETURN_ACTIONS, type ReturnWord } from '../returns/return-events.js';
import { isYardAction, readCallNote, YARD_ACTIONS } from '../regulation-yards/yard-events.js';
import type { CallEvent } from './domain-event.js';

/**
 * The public name of an audit record, or null when it is not an event anyone follows (claims, amendment
 * requests, …). Status moves are `declaration.<status>`; a passed step, a hold and the return reminders and
 * check-in get their own names.
 */
export function eventTypeOf(action: string, toStatus: string | null): string | null {
  if (action === 'transition' && toStatus) return `declaration.${toStatus}`;
  if (action === 'step.passed') return 'declaration.step_passed';
  if (action === 'step.held') return 'declaration.held';
  if (isReturnAction(action)) return RETURN_ACTIONS[action].type;
  if (isYardAction(action)) return YARD_ACTIONS[action].type;
  return null;
}

/** The word a return event shows the public (`due_soon`, `overdue`, `returned`); null for other events. */
export function returnWordOf(action: string): ReturnWord | null {
  return isReturnAction(action) ? RETURN_ACTIONS[action].word : null;
}

/** The call a call-forward event names (`yard.called`, `yard.call_missed`), read from its audit note; else null. */
export function callOf(action: string, note: string | null): CallEvent | null {
  if (!isYardAction(action)) return null;
  const call = readCallNote(note);
  return call ? { state: YARD_ACTIONS[action].call, ...call } : null;
}
