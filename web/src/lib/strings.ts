// Every text the web app shows, in one table, so that it can be translated: add a table for a language and pick it in
// `strings` below. Placeholders are {name}; `t` fills them in.
import { en } from './strings.en';

export type StringKey = keyof typeof en;

const tables: Record<string, Partial<Record<StringKey, string>>> = { en };

function pick(): Partial<Record<StringKey, string>> {
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const language of languages) {
    const table = tables[language] ?? tables[language.split('-')[0]];
    if (table) return table;
  }
  return en;
}

const strings = pick();

/** The text for a key in the reader's language (English when it has no translation), with {placeholders} filled in. */
export function t(key: StringKey, values?: Record<string, string | number>): string {
  const text: string = strings[key] ?? en[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
}

/** "1 photo", "2 photos": the key's text has a singular and a plural form separated by '|'. */
export function plural(key: StringKey, count: number): string {
  const [one, many] = t(key, { count }).split('|');
  return count === 1 ? one : (many ?? one);
}
