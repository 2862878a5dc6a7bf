// The two languages of the app, and text that the server (or a rule shared with the screens)
// writes for a person: always in both, so that a missing English text is a type error rather
// than an Indonesian sentence on an English screen. Indonesian is the source and the default.
//
// A `Phrase` travels as far as it can and becomes one language only where the caller's
// language is known: the API's dispatcher answers every error in it, handlers and renders pick
// with `ctx.locale`, the screens with their own locale.

export type Locale = 'id' | 'en';

export const LOCALES: readonly Locale[] = ['id', 'en'];

/** The office's language: documents, records and calls that name no language are in it. */
export const DEFAULT_LOCALE: Locale = 'id';

export const isLocale = (value: unknown): value is Locale => value === 'id' || value === 'en';

/** One text in both languages. */
export interface Phrase {
  readonly id: string;
  readonly en: string;
}

/** The phrase in one language. */
export const inLocale = (phrase: Phrase, locale: Locale): string => phrase[locale];

/** A phrase built the same way in each language from parts that are phrases themselves. */
export const phraseOf = (build: (locale: Locale) => string): Phrase => ({ id: build('id'), en: build('en') });

/** Phrases joined with one separator in both languages. */
export const joinPhrases = (phrases: readonly Phrase[], separator = '; '): Phrase => phraseOf((l) => phrases.map((p) => p[l]).join(separator));

/** The same words in both languages: names, numbers, codes (NIK, IUMK ...), never a sentence. */
export const verbatim = (text: string): Phrase => ({ id: text, en: text });

/** Every phrase of a table in one language, keeping the keys. */
export function tableIn<K extends string>(table: Readonly<Record<K, Phrase>>, locale: Locale): Record<K, string> {
  return Object.fromEntries(Object.entries<Phrase>(table).map(([k, p]) => [k, p[locale]])) as Record<K, string>;
}

const MONTHS: Record<Locale, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** '2026-10' as "Oktober 2026" / "October 2026". */
export const monthName = (month: string): Phrase => phraseOf((l) => `${MONTHS[l][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`);

/** '2026-10' as "Okt 26" / "Oct 26", for chart axes. */
export const shortMonthName = (month: string): Phrase => phraseOf((l) => `${MONTHS[l][Number(month.slice(5, 7)) - 1].slice(0, 3)} ${month.slice(2, 4)}`);

/** 'YYYY-MM-DD' as "17 Agustus 1985" / "17 August 1985". */
export const dayName = (date: string): Phrase => phraseOf((l) => `${Number(date.slice(8, 10))} ${MONTHS[l][Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`);

/** 'YYYY-MM' of a month written in words in either language ("Oktober 2026", "October 2026"), or null. */
export function monthOfName(text: string): string | null {
  const m = /^(\p{L}+) (\d{4})$/u.exec(text.trim());
  if (!m) return null;
  for (const names of Object.values(MONTHS)) {
    const i = names.indexOf(m[1]);
    if (i >= 0) return `${m[2]}-${String(i + 1).padStart(2, '0')}`;
  }
  return null;
}
