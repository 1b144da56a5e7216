import { WEBHOOK_EVENT_TYPES } from './domain-event.js';
import { eventTypeOf } from './event-types.js';

describe('eventTypeOf', () => {
  it('names status moves after the status reached', () => {
    expect(eventTypeOf('transition', 'accepted')).toBe('declaration.accepted');
    expect(eventTypeOf('transition', 'exited')).toBe('declaration.exited');
  });

  it('names passed and held steps', () => {
    expect(eventTypeOf('step.passed', null)).toBe('declaration.step_passed');
    expect(eventTypeOf('step.held', null)).toBe('declaration.held');
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
    ]);
    for (const type of WEBHOOK_EVENT_TYPES) expect(produced).toContain(type);
  });
});
