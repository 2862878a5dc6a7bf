import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCallLocale } from '../api';
import { setFormatLocale } from '../format';
import { catalogues, type MessageKey } from './catalogue';

export type Locale = 'id' | 'en';
const STORAGE_KEY = 'jpd.locale';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  // Generated labels (`labelKey`) are keys the types cannot vouch for: either catalogue may lack them.
  const inLocale: Partial<Record<MessageKey, string>> = catalogues[locale];
  const inSource: Partial<Record<MessageKey, string>> = catalogues.id;
  const text = inLocale[key] ?? inSource[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const stored: Locale = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
    setCallLocale(stored);
    setFormatLocale(stored);
    return stored;
  });
  // The page says its language (screen readers, and the lang of what is written in the other one).
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setCallLocale(l);
    setFormatLocale(l);
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export type { MessageKey };
