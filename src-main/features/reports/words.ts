// The words of the monthly summary and the dashboard.
//
// The summary is built in Indonesian: it is the office's report, closed, signed and sent upward
// in Indonesian, and printed (PDF) and exported (XLSX, CSV) so, whoever exports it: the PDF is
// the document the camat signs and files, reprinted identically for a closed month; the XLSX
// and CSV are the same report for the city's spreadsheets and systems, which read its
// Indonesian headings. Only the screens (the summary and the dashboard) follow the caller. A screen in
// English reads the same summary through this dictionary: every text the sections write comes
// from a word list declared with `reportWords` (a phrase in both languages, so a missing English
// text does not type-check), and `summaryIn` puts a summary, live or closed long ago, into the
// screen's language by its Indonesian words. What the dictionary does not hold is a name
// (kelurahan, pendamping, lembaga) and stays as it is.
import { monthName, type Locale, type Phrase } from '../../../src-shared/i18n';
import type { MonthlySummary, ReportRow, ReportTable } from './model';

const english = new Map<string, string>();
const MONTH_NAMES = new Map<string, number>(
  ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'].map((m, i) => [m, i + 1]),
);

/**
 * Declares words of the report: returns their Indonesian texts (what the sections write) and
 * keeps their English for the screens. One Indonesian text has one English text everywhere in
 * the report; declaring it twice with different English is a programming error.
 */
export function reportWords<K extends string>(words: Readonly<Record<K, Phrase>>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const [key, phrase] of Object.entries<Phrase>(words)) {
    const known = english.get(phrase.id);
    if (known !== undefined && known !== phrase.en) throw new Error(`Report word "${phrase.id}" has two English texts: "${known}" and "${phrase.en}"`);
    english.set(phrase.id, phrase.en);
    out[key as K] = phrase.id;
  }
  return out;
}

/** Every word declared so far, in both languages (for the tests of the screens' language). */
export const reportPhrases = (): Phrase[] => [...english].map(([id, en]) => ({ id, en }));

/** Whether the dictionary holds this Indonesian text (for the test of its completeness). */
export const isReportWord = (text: string): boolean => english.has(text) || monthOf(text) !== null;

const monthOf = (text: string): string | null => {
  const m = /^(\p{L}+) (\d{4})$/u.exec(text);
  const n = m ? MONTH_NAMES.get(m[1]) : undefined;
  return m && n ? `${m[2]}-${String(n).padStart(2, '0')}` : null;
};

/** One text of the report in a language: a declared word, a month ("Desember 2026"), or a name as it is. */
export function wordIn(text: string, locale: Locale): string {
  if (locale === 'id') return text;
  const known = english.get(text);
  if (known !== undefined) return known;
  const month = monthOf(text);
  return month ? monthName(month).en : text;
}

const rowIn = (row: ReportRow, locale: Locale): ReportRow =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? wordIn(v, locale) : v]));

/** The word of a breakdown's last row, the total (sections/common.ts declares it with the others). */
export const TOTAL_WORD: Phrase = { id: 'Jumlah', en: 'Total' };

const tableIn = (t: ReportTable, locale: Locale): ReportTable => ({
  ...t,
  title: wordIn(t.title, locale),
  columns: t.columns.map((c) => ({ ...c, label: wordIn(c.label, locale) })),
  rows: locale === 'id' ? t.rows : t.rows.map((r) => rowIn(r, locale)),
  // Said here, where the row's Indonesian word is still known, so that a screen need not know it.
  totalRow: t.columns.length > 0 && t.rows.at(-1)?.[t.columns[0].key] === TOTAL_WORD.id,
});

/**
 * The summary in the screen's language (Indonesian: its words as they are), each table saying
 * whether its last row is a total.
 */
export function summaryIn(summary: MonthlySummary, locale: Locale): MonthlySummary {
  return {
    ...summary,
    monthLabel: monthName(summary.month)[locale],
    scopeLabel: wordIn(summary.scopeLabel, locale),
    sections: summary.sections.map((s) => ({
      ...s,
      title: wordIn(s.title, locale),
      shortTitle: s.shortTitle === undefined ? undefined : wordIn(s.shortTitle, locale),
      figures: s.figures.map((f) => ({ ...f, label: wordIn(f.label, locale) })),
      tables: s.tables.map((t) => tableIn(t, locale)),
    })),
  };
}
