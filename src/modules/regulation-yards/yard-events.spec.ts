import { callNote, isYardAction, readCallNote } from './yard-events.js';

describe('call notes', () => {
  it('are read back as the yard and the deadline', () => {
    const note = callNote({
      yard: 'PHU_XA',
      deadline: new Date('2026-12-07T15:30:00Z'),
      rule: 'general (turn 2 of 8: no aeo truck waiting)',
    });
    expect(note).toBe('yard PHU_XA, deadline 2026-12-07T15:30:00.000Z, general (turn 2 of 8: no aeo truck waiting)');
    expect(readCallNote(note)).toEqual({ yard: 'PHU_XA', deadline: '2026-12-07T15:30:00.000Z' });
    expect(readCallNote('sent back')).toBeNull();
    expect(readCallNote(null)).toBeNull();
  });

  it('name the call forward’s actions', () => {
    expect(isYardAction('yard.called')).toBe(true);
    expect(isYardAction('return.overdue')).toBe(false);
  });
});
