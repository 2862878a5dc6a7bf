import { DEFAULT_LOCALE, isLocale, type Locale } from '../../src-shared/i18n';

/**
 * The caller's language from its Accept-Language header: the first of the app's languages in
 * the caller's order of preference (q-values), Indonesian when it names neither. The renderer
 * sends its own choice of language (not the browser's), so a screen and its server messages
 * always agree.
 */
export function localeOf(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((r) => isLocale(r.language) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.length ? (ranked[0].language as Locale) : DEFAULT_LOCALE;
}
