import {
  ACTIVE_STATUSES,
  ACTIVE_STATUSES_SQL,
  ALLOWED_TRANSITIONS,
  DECLARATION_STATUSES,
  canTransition,
} from './declaration-status.js';

describe('declaration lifecycle', () => {
  it('lets screening settle a submission either way', () => {
    expect(canTransition('submitted', 'accepted')).toBe(true);
    expect(canTransition('submitted', 'rejected')).toBe(true);
  });

  it('never moves out of a final status', () => {
    for (const final of ['rejected', 'cancelled', 'expired', 'exited'] as const) {
      for (const to of DECLARATION_STATUSES) expect(canTransition(final, to)).toBe(false);
    }
  });

  it('refuses skipping the yard', () => {
    expect(canTransition('accepted', 'cleared')).toBe(false);
    expect(canTransition('submitted', 'in_yard')).toBe(false);
  });

  it('only names known statuses as targets', () => {
    for (const targets of Object.values(ALLOWED_TRANSITIONS)) {
      for (const t of targets) expect(DECLARATION_STATUSES).toContain(t);
    }
  });

  it('counts only statuses that a live vehicle can hold as active', () => {
    expect(ACTIVE_STATUSES).not.toContain('submitted');
    expect(ACTIVE_STATUSES).not.toContain('exited');
    expect(ACTIVE_STATUSES).toContain('accepted');
  });

  it('lets a truck wait at a regulation yard only between acceptance and the gate', () => {
    expect(canTransition('accepted', 'waiting_at_yard')).toBe(true);
    expect(canTransition('waiting_at_yard', 'in_yard')).toBe(true);
    expect(canTransition('waiting_at_yard', 'expired')).toBe(true);
    expect(canTransition('waiting_at_yard', 'accepted')).toBe(false);
    expect(canTransition('submitted', 'waiting_at_yard')).toBe(false);
    expect(ACTIVE_STATUSES).toContain('waiting_at_yard');
  });

  it('spells the active statuses for SQL exactly as the partial unique index does', () => {
    expect(ACTIVE_STATUSES_SQL).toBe("('accepted', 'waiting_at_yard', 'in_yard', 'cleared', 'refused')");
  });
});
