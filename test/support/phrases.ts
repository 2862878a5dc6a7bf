// The rules answer in phrases (both languages). Tests written against the Indonesian words read
// a rule's answer through `inLanguage`, which puts every phrase in it into one language.
import type { Locale, Phrase } from '../../src-shared/i18n';

export type InLanguage<T> = T extends Phrase
  ? string
  : T extends readonly (infer E)[]
    ? InLanguage<E>[]
    : T extends object
      ? { [K in keyof T]: InLanguage<T[K]> }
      : T;

const isPhrase = (v: unknown): v is Phrase =>
  typeof v === 'object' && v !== null && Object.keys(v).length === 2 && typeof (v as Phrase).id === 'string' && typeof (v as Phrase).en === 'string';

/** The value with each phrase inside it in one language. */
export function inLanguage<T>(value: T, locale: Locale = 'id'): InLanguage<T> {
  if (isPhrase(value)) return value[locale] as InLanguage<T>;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => inLanguage(v, locale)) as InLanguage<T>;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inLanguage(v, locale)])) as InLanguage<T>;
  }
  return value as InLanguage<T>;
}

/** A rule whose answer is read in one language (Indonesian unless told). */
export const answeringIn =
  <A extends unknown[], R>(rule: (...args: A) => R, locale: Locale = 'id') =>
  (...args: A): InLanguage<R> =>
    inLanguage(rule(...args), locale);
