import { WEBHOOK_EVENT_TYPES } from './domain-event.js';
import { callOf, eventTypeOf, returnWordOf } from './event-types.js';

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

  it('names the call forward’s calls and missed calls, with the call read from the record', () => {
    expect(eventTypeOf('yard.called', null)).toBe('declaration.called_forward');
    expect(eventTypeOf('yard.call_missed', null)).toBe('declaration.call_missed');
    const note = 'yard PHU_XA, deadline 2026-12-07T15:30:00.000Z, perishable (turn 1 of 8)';
    expect(callOf('yard.called', note)).toEqual({
      state: 'called',
      yard: 'PHU_XA',
      deadline: '2026-12-07T15:30:00.000Z',
    });
    expect(callOf('yard.call_missed', note)).toMatchObject({ state: 'missed' });
    expect(callOf('transition', note)).toBeNull();
  });

  it('leaves internal records out', () => {
    for (const action of ['step.claimed', 'step.claim_expired', 'amendment.requested', 'declaration.amended']) {
      expect(eventTypeOf(action, null)).toBeNull();
    }
  });

  it('can produce every type a webhook may subscribe to', () => {
    const produced = new Set([
      ...['accepted', 'waiting_at_yard', 'rejected', 'in_yard', 'cleared', 'refused', 'exited', 'expired'].map((s) =>
        eventTypeOf('transition', s),
      ),
      eventTypeOf('step.passed', null),
      eventTypeOf('step.held', null),
      ...['return.due_soon', 'return.overdue', 'return.checked_in'].map((a) => eventTypeOf(a, null)),
      ...['yard.called', 'yard.call_missed'].map((a) => eventTypeOf(a, null)),
    ]);
    for (const type of WEBHOOK_EVENT_TYPES) expect(produced).toContain(type);
  });
});
