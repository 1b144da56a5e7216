import { describe, expect, it } from '@jest/globals';
import { ERROR_STATUS } from '../../../src/common/errors/error-codes';
import { ApiError, UnreachableError } from '../api-errors';
import { en } from './i18n/en';
import { vi } from './i18n/vi';
import { zh } from './i18n/zh';
import { OFFICER_CODES, officerErrorText } from './officer-errors';

const t = (key: string, options?: Record<string, unknown>): string =>
  options ? `${key} ${JSON.stringify(options)}` : key;

describe('errors shown to officers', () => {
  it('names only codes the API has, each with words in every language', () => {
    for (const code of OFFICER_CODES) {
      expect(Object.keys(ERROR_STATUS)).toContain(code);
      const key = code.replace('.', '_');
      for (const words of [en, vi, zh]) expect((words.errors as Record<string, string>)[key]).toBeTruthy();
    }
  });

  it('says an officer code in the console’s words, and anything else as the pages do', () => {
    expect(officerErrorText(new ApiError(401, 'AUTH.LOGIN_FAILED', undefined), t, t)).toBe('errors.AUTH_LOGIN_FAILED');
    expect(officerErrorText(new ApiError(409, 'EXIT.NOT_CLEARED', []), t, t)).toBe('errors.EXIT_NOT_CLEARED');
    expect(officerErrorText(new ApiError(429, 'RATE_LIMIT.EXCEEDED', undefined), t, t)).toBe(
      'error.RATE_LIMIT_EXCEEDED',
    );
    expect(officerErrorText(new UnreachableError(), t, t)).toBe('error.unreachable');
  });

  it('says where to send a truck and why, and a waiting truck’s place, from the answer’s details', () => {
    const sent = new ApiError(409, 'CHECKIN.GO_TO_REGULATION_YARD', {
      reason: 'early',
      regulationYards: ['PHU_XA', 'NON_TARIFF'],
    });
    expect(officerErrorText(sent, t, t)).toBe(
      'errors.CHECKIN_GO_TO_REGULATION_YARD {"yards":"PHU_XA, NON_TARIFF","why":"goReason.early"}',
    );
    expect(officerErrorText(new ApiError(409, 'CHECKIN.NOT_CALLED', { yard: 'PHU_XA', placeInLine: 3 }), t, t)).toBe(
      'errors.CHECKIN_NOT_CALLED {"place":3}',
    );
  });
});
