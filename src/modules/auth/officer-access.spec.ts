import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';
import type { Agency } from '../officers/agency.js';
import { assertOfficerMay, type AuthenticatedOfficer, isSupervisorOf, officerMay } from './officer-access.js';

function officer(agency: Agency, gates: AuthenticatedOfficer['gates'] = ['HUU_NGHI']): AuthenticatedOfficer {
  return { id: '00000000-0000-4000-8000-000000000001', username: `${agency}.one`, agency, gates };
}

function refusal(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('AUTH.FORBIDDEN');
    expect((error as DomainError).status).toBe(403);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('officer access', () => {
  it('lets an officer of an allowed agency act at a gate where they are posted', () => {
    expect(() => assertOfficerMay(officer('customs'), 'HUU_NGHI', ['customs'])).not.toThrow();
    expect(() =>
      assertOfficerMay(officer('yard', ['HUU_NGHI', 'TAN_THANH']), 'TAN_THANH', ['customs', 'yard']),
    ).not.toThrow();
    expect(officerMay(officer('customs'), 'HUU_NGHI', ['customs'])).toBe(true);
  });

  it('refuses an officer not posted at the gate, saying so', () => {
    const error = refusal(() => assertOfficerMay(officer('customs'), 'TAN_THANH', ['customs']));
    expect(error.message).toBe('You are not posted at TAN_THANH; an operator can add the gate to your account');
    expect(officerMay(officer('customs'), 'TAN_THANH', ['customs'])).toBe(false);
  });

  it('refuses an officer of another agency, naming the agency and the action', () => {
    const error = refusal(() =>
      assertOfficerMay(officer('customs'), 'HUU_NGHI', ['border_guard'], msg('action.checkIn')),
    );
    expect(error.message).toBe('Customs officers cannot check vehicles in; this is for: Border guard, Gate supervisor');
    expect(error.details).toEqual({ agency: 'customs', allowed: ['border_guard', 'supervisor'] });
    expect(refusal(() => assertOfficerMay(officer('border_guard'), 'HUU_NGHI', ['quarantine'])).message).toBe(
      'Border guard officers cannot do this; this is for: Quarantine, Gate supervisor',
    );
  });

  it('says who may act where only a supervisor may, never an empty list', () => {
    const error = refusal(() => assertOfficerMay(officer('customs'), 'HUU_NGHI', [], msg('action.readStats')));
    expect(error.message).toBe('Customs officers cannot read gate statistics; this is for: Gate supervisor');
    expect(error.details).toEqual({ agency: 'customs', allowed: ['supervisor'] });
  });

  it('lets a supervisor of the gate do what any agency may, but only at their own gates', () => {
    const supervisor = officer('supervisor', ['TAN_THANH']);
    expect(() => assertOfficerMay(supervisor, 'TAN_THANH', ['quarantine'])).not.toThrow();
    expect(() => assertOfficerMay(supervisor, 'TAN_THANH', [])).not.toThrow();
    expect(refusal(() => assertOfficerMay(supervisor, 'HUU_NGHI', ['quarantine'])).message).toBe(
      'You are not posted at HUU_NGHI; an operator can add the gate to your account',
    );
  });

  it('knows who supervises a gate', () => {
    expect(isSupervisorOf(officer('supervisor', ['HUU_NGHI', 'TAN_THANH']), 'TAN_THANH')).toBe(true);
    expect(isSupervisorOf(officer('supervisor'), 'TAN_THANH')).toBe(false);
    expect(isSupervisorOf(officer('customs', ['TAN_THANH']), 'TAN_THANH')).toBe(false);
  });

  it('matches gate codes exactly', () => {
    expect(refusal(() => assertOfficerMay(officer('customs'), 'huu_nghi', ['customs'])).message).toContain('huu_nghi');
  });
});
