// Texts the app writes into records by itself: the evidence of a 7P stage it reached (a
// registration, a training, a delivery...), the note of a permit taken at the counter. They are
// stored as written, in the office's language, like every record; a screen in English reads
// them back through the same templates. What a person wrote (a stage recorded by hand, a note
// typed by the clerk) matches no template and is shown as it is.
import { monthName, monthOfName, type Locale, type Phrase } from '../../src-shared/i18n';

const TEMPLATES = {
  registration: { id: 'Terdaftar dengan nomor anggota {number}', en: 'Registered with member number {number}' },
  training: { id: 'Pelatihan: {topic}', en: 'Training: {topic}' },
  visit: { id: 'Kunjungan pendampingan: {topic}', en: 'Mentoring visit: {topic}' },
  permit: { id: 'IUMK {number}', en: 'IUMK {number}' },
  order: { id: 'E-order {number} diterima pembeli (BAST)', en: 'E-order {number} received by the buyer (BAST)' },
  report: { id: 'Laporan omzet {month}: {business}', en: 'Turnover report {month}: {business}' },
  financing: { id: 'Pencairan {institution} {amount}', en: 'Disbursement by {institution} {amount}' },
  permitReceived: { id: 'Permohonan diterima melalui {channel}', en: 'Application received through {channel}' },
} as const satisfies Record<string, Phrase>;

export type RecordTextKind = keyof typeof TEMPLATES;

/** Words a template's value is written in: a month, a permit's channel. */
const CHANNELS: Record<string, Phrase> = {
  loket: { id: 'Loket', en: 'the counter' },
  ajib: { id: 'AJIB', en: 'AJIB' },
  pendamping: { id: 'Pendamping', en: 'a pendamping' },
  online: { id: 'Daring', en: 'the online service' },
};
const channelOf = (value: string): Phrase | undefined =>
  Object.values(CHANNELS).find((c) => c.id === value || c.en === value) ?? (Object.hasOwn(CHANNELS, value) ? CHANNELS[value] : undefined);

function valueIn(name: string, value: string, locale: Locale): string {
  if (name === 'month') {
    const month = monthOfName(value) ?? (/^\d{4}-\d{2}$/.test(value) ? value : null);
    return month ? monthName(month)[locale] : value;
  }
  if (name === 'channel') return channelOf(value)?.[locale] ?? value;
  return value;
}

const fill = (template: string, params: Record<string, string>, locale: Locale) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => valueIn(name, params[name] ?? '', locale));

/**
 * The text to store (Indonesian, the office's language). A `month` may be given as 'YYYY-MM',
 * a `channel` as its code.
 */
export const recordText = (kind: RecordTextKind, params: Record<string, string>): string => fill(TEMPLATES[kind].id, params, 'id');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = Object.values(TEMPLATES).map((t) => {
  const names: string[] = [];
  const source = t.id.split(/(\{\w+\})/).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m) return escape(part);
    names.push(m[1]);
    return '(.+)';
  });
  return { template: t, names, pattern: new RegExp(`^${source.join('')}$`, 's') };
});

/** A stored text in a language: the app's own by its template, a person's as written. */
export function recordTextIn(text: string | null, locale: Locale): string | null {
  if (text === null || locale === 'id') return text;
  for (const { template, names, pattern } of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return fill(template[locale], Object.fromEntries(names.map((n, i) => [n, m[i + 1]])), locale);
  }
  return text;
}

/** A stage's evidence in a language; an officer's own evidence (source 'manual') as written. */
export const evidenceIn = (text: string | null, source: string | null, locale: Locale): string | null =>
  source === 'manual' ? text : recordTextIn(text, locale);
