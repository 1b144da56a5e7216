import type { Language } from '../i18n/languages';
import { formatNumber } from '../format';

const MONEY_LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-US', zh: 'zh-CN' };

/** `2.860.000 ₫` in Vietnamese, `₫2,860,000` in English and Chinese. */
export function formatVnd(amount: number, language: Language): string {
  return new Intl.NumberFormat(MONEY_LOCALE[language], { style: 'currency', currency: 'VND' }).format(amount);
}

/** Whole minutes waited, and hours once past an hour: `{minutes: "12"}` or `{hours: "1", minutes: "5"}`. */
export function waitParts(seconds: number, language: Language): { hours?: string; minutes: string } {
  const minutes = Math.max(0, Math.floor(seconds / 60));
  if (minutes < 60) return { minutes: formatNumber(minutes, language) };
  return { hours: formatNumber(Math.floor(minutes / 60), language), minutes: formatNumber(minutes % 60, language) };
}
