import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-errors';
import { addWords } from '../../i18n/setup';
import { useOfficerWords } from '../use-officer-words';
import { en } from './i18n/en';
import { vi } from './i18n/vi';
import { zh } from './i18n/zh';

addWords('officerAdmin', { en, vi, zh });

const OWN_CODES = [
  'AUTH.FORBIDDEN',
  'AUTH.TOKEN_INVALID',
  'OFFICER.NOT_FOUND',
  'CONFLICT.DUPLICATE',
  'IDEMPOTENCY.IN_FLIGHT',
  'IDEMPOTENCY.ANSWER_LOST',
];
const FIELDS = ['username', 'password', 'agency', 'gates'];

/** The fields a 400 names (`details[].field`), those this section shows. */
function refusedFields(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  const named = (details as { field?: unknown }[]).map((d) => d?.field).filter((f) => typeof f === 'string');
  return FIELDS.filter((field) => named.includes(field));
}

/** The officers section's words, the console's, and a failed request in words (by its code, never the raw answer). */
export function useAdminWords() {
  const { t } = useTranslation('officerAdmin');
  const words = useOfficerWords();
  const problem = (error: unknown): string => {
    if (!(error instanceof ApiError)) return words.problem(error);
    if (error.code === 'REQUEST.VALIDATION_FAILED') {
      const fields = refusedFields(error.details);
      if (fields.length > 0)
        return t('errors.invalid', { fields: fields.map((field) => t(`errors.field.${field}`)).join(', ') });
    }
    const gates = (error.details as { gates?: unknown } | null)?.gates;
    if (error.code === 'AUTH.FORBIDDEN' && Array.isArray(gates) && gates.length > 0) {
      const names = gates.map((gate) => words.tDefault(`gate.${String(gate)}`)).join(', ');
      return t('errors.AUTH_FORBIDDEN_GATES', { gates: names });
    }
    // i18next reads dots as nesting: the words spell OFFICER.NOT_FOUND as OFFICER_NOT_FOUND.
    if (OWN_CODES.includes(error.code)) return t(`errors.${error.code.replace('.', '_')}`);
    return words.problem(error);
  };
  return { t, tDefault: words.tDefault, language: words.language, problem };
}
