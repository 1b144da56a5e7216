/** The languages the API answers errors in; English is the default. */
export const LANGUAGES = ['en', 'vi', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

// Only simplified Chinese is offered: zh, zh-CN, zh-SG and zh-Hans*; zh-TW, zh-HK and zh-Hant* are not matched.
const SIMPLIFIED_CHINESE = /^zh(-(hans|cn|sg|my)(-.*)?)?$/;

/** The language of one language range (`vi-VN`, `zh-Hans-CN`, `en`), or null when none of ours matches it. */
function languageOf(range: string): Language | null {
  if (range === 'vi' || range.startsWith('vi-')) return 'vi';
  if (range === 'en' || range.startsWith('en-')) return 'en';
  if (SIMPLIFIED_CHINESE.test(range)) return 'zh';
  return null;
}

/**
 * The language to answer in for an `Accept-Language` header (RFC 9110 §12.5.4): the acceptable range with the
 * highest q-value that one of ours matches (the earlier range on a tie); English when there is none. `*` and
 * ranges of other languages never pick a language over English, the default.
 */
export function negotiateLanguage(header: string | string[] | undefined): Language {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return DEFAULT_LANGUAGE;
  let best: { language: Language; q: number } | null = null;
  // Bounded: a header of a thousand ranges is not a reason to spend time on an error answer.
  for (const part of text.split(',', 32)) {
    const [rangePart, ...parameters] = part.split(';');
    const language = languageOf(rangePart.trim().toLowerCase());
    if (!language) continue;
    const qParameter = parameters.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}
