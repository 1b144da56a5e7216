import { type Catalog, en, type MessageKey } from './messages.en.js';
import { vi } from './messages.vi.js';
import { zh } from './messages.zh.js';
import type { Language } from './language.js';
import { termFor, type TermKind } from './terms.js';

export type { MessageKey } from './messages.en.js';

/** A value for a `{placeholder}`: text, a number, another message (rendered in the same language), or a list of either (joined). */
export type ParamValue = string | number | Message | readonly string[] | readonly Message[];

/** A message to render later, in the language of whoever reads it: a catalog key and its placeholder values. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

/** The placeholder names of an English template: `'{gate} is closed since {at}'` → `'gate' | 'at'`. */
type Placeholders<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer Name}:${string}` ? Name : P) | Placeholders<Rest>
  : never;
type ParamsOf<K extends MessageKey> = Placeholders<(typeof en)[K]>;

const CATALOGS: Record<Language, Catalog> = { en, vi, zh };
const LIST_SEPARATOR: Record<Language, string> = { en: ', ', vi: ', ', zh: '、' };
const SENTENCE_SEPARATOR: Record<Language, string> = { en: '; ', vi: '; ', zh: '；' };
// The glossary's habits: 18,000 in English and Chinese, 18.000 in Vietnamese; four digits stay together (2048).
const NUMBERS: Record<Language, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { useGrouping: 'min2' }),
  vi: new Intl.NumberFormat('vi-VN', { useGrouping: 'min2' }),
  zh: new Intl.NumberFormat('en-US', { useGrouping: 'min2' }),
};
const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** A message with the placeholder values its English template names (checked by the compiler). */
export function msg<K extends MessageKey>(
  key: K,
  ...params: [ParamsOf<K>] extends [never] ? [] : [Record<ParamsOf<K>, ParamValue>]
): Message {
  return params.length === 0 ? { key } : { key, params: params[0] };
}

/** The message in `language`; `{name:kind}` names a code in that language's words (terms.ts). */
export function renderMessage(language: Language, message: Message): string {
  return CATALOGS[language][message.key].replace(PLACEHOLDER, (whole, name: string, kind?: string) => {
    const value = message.params?.[name];
    return value === undefined ? whole : format(language, value, kind as TermKind | undefined);
  });
}

function format(language: Language, value: ParamValue, kind: TermKind | undefined): string {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? NUMBERS[language].format(value) : String(value);
  if (typeof value === 'string') return (kind && termFor(language, kind, value)) || value;
  if (!isList(value)) return renderMessage(language, value);
  const items = value.map((item: string | Message) => format(language, item, kind));
  return items.join(
    value.every((item) => typeof item === 'string') ? LIST_SEPARATOR[language] : SENTENCE_SEPARATOR[language],
  );
}

// Array.isArray does not narrow a readonly array out of a union.
const isList = (value: ParamValue): value is readonly string[] | readonly Message[] => Array.isArray(value);
