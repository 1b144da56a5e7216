import { WEBHOOK_EVENT_TYPES } from './domain-event.js';
import { eventTypeOf, returnWordOf } from './event-types.js';

describe('eventTypeOf', () => {
  it('names status moves after the status reached', () => {
    expect(eventTypeOf('transition', 'accepted')).toBe('declaration.accepted');
    expect(eventTypeOf('transition', 'exited')).toBe('declaration.exited');
  });

  it('names passed and held steps', () => {
    expect(eventTypeOf('step.passed', null)).toBe('declaration.step_passed');
    expect(eventTypeOf('step.held', null)).toBe('declaration.held');
  });

  it('names the return reminders and the return check-in', () => {
    expect(eventTypeOf('return.due_soon', null)).toBe('declaration.return_due_soon');
    expect(eventTypeOf('return.overdue', null)).toBe('declaration.return_overdue');
    expect(eventTypeOf('return.checked_in', null)).toBe('declaration.returned');
    expect(returnWordOf('return.overdue')).toBe('overdue');
    expect(returnWordOf('transition')).toBeNull();
  });

  it('leaves internal records out', () => {
    for (const action of ['step.claimed', 'step.claim_expired', 'amendment.requested', 'declaration.amended']) {
      expect(eventTypeOf(action, null)).toBeNull();
    }
  });

  it('can produce every type a webhook may subscribe to', () => {
    const produced = new Set([
      ...['accepted', 'rejected', 'in_yard', 'cleared', 'refused', 'exited', 'expired'].map((s) =>
        eventTypeOf('transition', s),
      ),
      eventTypeOf('step.passed', null),
      eventTypeOf('step.held', null),
      ...['return.due_soon', 'return.overdue', 'return.checked_in'].map((a) => eventTypeOf(a, null)),
    ]);
    for (const type of WEBHOOK_EVENT_TYPES) expect(produced).toContain(type);
  });
});
