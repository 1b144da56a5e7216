import type { Language } from './i18n/languages';

/** Every time on the pages is the gates' local time, whatever the reader's device says. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const NUMBER_LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-US', zh: 'zh-CN' };

const dateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `06/12/2026 14:30` in Vietnamese, `2026-12-06 14:30` in English and Chinese, in Vietnam time. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(dateParts.formatToParts(date).map((p) => [p.type, p.value]));
  const time = `${part.hour}:${part.minute}`;
  return language === 'vi'
    ? `${part.day}/${part.month}/${part.year} ${time}`
    : `${part.year}-${part.month}-${part.day} ${time}`;
}

/** `14:30`: the hour and minute of an instant, in Vietnam time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(dateParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.hour}:${part.minute}`;
}

/** `08/12/2026` in Vietnamese, `2026-12-08` in English and Chinese: the day of an instant, in Vietnam time. */
export function formatDay(iso: string, language: Language): string {
  return formatDateTime(iso, language).split(' ')[0] ?? iso;
}

/** The gates' local day (`2026-12-08`) of an instant: the key that groups hours by day. */
export function localDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** `18.000` in Vietnamese, `18,000` in English and Chinese. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[language], { maximumFractionDigits: 1 }).format(value);
}

/** `2.860.000 ₫` in Vietnamese, `₫2,860,000` in English and Chinese. */
export function formatVnd(amount: number, language: Language): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[language], { style: 'currency', currency: 'VND' }).format(amount);
}
