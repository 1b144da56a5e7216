import { ApiError, errorText, type Translate } from '../api-errors';

/** The codes an officer's actions may meet, each with its own words in the `officer` namespace (`errors.*`). */
export const OFFICER_CODES = [
  'AUTH.LOGIN_FAILED',
  'AUTH.TOO_MANY_ATTEMPTS',
  'AUTH.BUSY',
  'AUTH.FORBIDDEN',
  'AUTH.TOKEN_INVALID',
  'AUTH.WRONG_PRINCIPAL',
  'CHECKIN.NO_DECLARATION',
  'CHECKIN.NOT_ACCEPTED',
  'CHECKIN.WRONG_GATE',
  'CHECKIN.ALREADY_ARRIVED',
  'CHECKIN.QR_INVALID',
  'CHECKIN.QR_OUTDATED',
  'CHECKIN.NOT_CALLED',
  'CHECKIN.GO_TO_REGULATION_YARD',
  'YARD.NOT_FOUND',
  'YARD.FULL',
  'YARD.WRONG_GATE',
  'YARD.CLOSED',
  'YARD.ALREADY_WAITING',
  'STEP.NOT_FOUND',
  'STEP.NOT_YOURS',
  'STEP.ILLEGAL_DECISION',
  'STEP.CONCURRENT_DECISION',
  'EXIT.NO_DECLARATION',
  'EXIT.NOT_CLEARED',
  'EXIT.HANDOVER_PENDING',
  'GATE.CLOSED',
  'GATE.ALREADY_CLOSED',
  'GATE.ALREADY_OPEN',
  'AMENDMENT.NOT_FOUND',
  'AMENDMENT.ALREADY_DECIDED',
  'DECLARATION.NOT_FOUND',
  'IDEMPOTENCY.IN_FLIGHT',
  'IDEMPOTENCY.ANSWER_LOST',
] as const;

/** The figures an answer's details give its words: where to send a truck and why, its place in line. */
function detailWords(error: ApiError, t: Translate): Record<string, unknown> | undefined {
  const details = (error.details ?? {}) as { reason?: unknown; regulationYards?: unknown; placeInLine?: unknown };
  if (error.code === 'CHECKIN.GO_TO_REGULATION_YARD') {
    const yards = Array.isArray(details.regulationYards) ? details.regulationYards.join(', ') : '';
    const why = typeof details.reason === 'string' ? t(`goReason.${details.reason}`) : '';
    return { yards, why };
  }
  if (error.code === 'CHECKIN.NOT_CALLED' && typeof details.placeInLine === 'number') {
    return { place: details.placeInLine };
  }
  return undefined;
}

/** What to tell the officer about a failed request, in their language, from its code (never the raw answer). */
export function officerErrorText(error: unknown, t: Translate, tDefault: Translate): string {
  if (error instanceof ApiError && (OFFICER_CODES as readonly string[]).includes(error.code)) {
    // i18next reads dots as nesting: the words spell AUTH.LOGIN_FAILED as AUTH_LOGIN_FAILED.
    const key = `errors.${error.code.replace('.', '_')}`;
    const options = detailWords(error, t);
    return options ? t(key, options) : t(key);
  }
  return errorText(error, tDefault);
}
