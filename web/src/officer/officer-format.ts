import type { Language } from '../i18n/languages';
import { formatNumber } from '../format';

export { formatVnd } from '../format';

/** Whole minutes waited, and hours once past an hour: `{minutes: "12"}` or `{hours: "1", minutes: "5"}`. */
export function waitParts(seconds: number, language: Language): { hours?: string; minutes: string } {
  const minutes = Math.max(0, Math.floor(seconds / 60));
  if (minutes < 60) return { minutes: formatNumber(minutes, language) };
  return { hours: formatNumber(Math.floor(minutes / 60), language), minutes: formatNumber(minutes % 60, language) };
}
