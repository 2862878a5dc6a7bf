// Words of the other language left on a screen, found from the catalogues themselves: every
// catalogue value whose two languages differ must not appear in the language it is not.
import type { Page } from 'playwright-core';
import type SQLite from 'better-sqlite3';
import { catalogues } from '../../src-renderer/app/i18n/catalogue';
import { monthName, type Locale, type Phrase } from '../../src-shared/i18n';
import { SCALE_LABELS } from '../../src-shared/rules/scale';
import { roleLabels } from '../../src-main/core/workflow';
import { STAGE_NAMES } from '../../src-main/core/stages';
import { permitStatusLabels } from '../../src-main/features/permits/rules/transitions';
import { locationZoneLabels } from '../../src-main/features/permits/rules/location';
import { orderStatusLabels } from '../../src-main/features/orders/rules/transitions';
import { RULE_LABELS } from '../../src-main/features/programme/rules/bankability';
// Loaded for the words its sections declare when their modules load.
import '../../src-main/features/reports/service';
import { reportPhrases } from '../../src-main/features/reports/words';

export type { Locale };

/**
 * Words that are the same in both languages on these screens, though a catalogue entry uses
 * them in one language only: programme and legal terms kept in Indonesian (the README's rule:
 * IUMK, NIK, kelurahan, pendamping stay as they are), names of agencies and places, and the
 * app's own name. A fragment made only of these is never a finding.
 */
export const SHARED_TERMS = [
  'Jakpreneur',
  'IUMK',
  'AJIB',
  'NIK',
  'KK',
  'No. KK',
  'NPWP',
  'NIB',
  'NIP',
  'KBLI',
  'SKPD',
  'SKPD pengampu',
  'PPK',
  'BAST',
  'QRIS',
  'PDF',
  'XLSX',
  'CSV',
  'RT',
  'RW',
  'UMKM',
  'IKM',
  'UKM',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'P7',
  '7P',
  'kelurahan',
  'Kelurahan',
  'kecamatan',
  'Kecamatan',
  'kota',
  'Kota',
  'camat',
  'Camat',
  'lurah',
  'pendamping',
  'Pendamping',
  'loket',
  'Loket',
  'petugas',
  'Petugas',
  'omzet',
  'Omzet',
  'e-order',
  'E-Order',
  'kwitansi',
  'Kwitansi',
  'Bank DKI',
  'DKI',
  'Jakarta',
  'Rp',
  'Admin',
  'Supervisor',
  'Monas',
  'Monas Pemula',
];

/** A catalogue value's fixed parts (between its {placeholders}) that say something in words. */
function fragments(text: string): string[] {
  return text
    .split(/\{\w+\}/)
    .map((f) => f.replace(/^[\s,.:;()/·–—-]+|[\s,.:;()/·–—-]+$/g, ''))
    .filter((f) => /\p{L}{3,}/u.test(f));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordPattern = (f: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(f)}(?![\\p{L}\\p{N}])`, 'u');

/** The other language's fragments that would be findings when shown in `locale`. */
export function foreignFragments(locale: Locale): string[] {
  const other: Locale = locale === 'en' ? 'id' : 'en';
  const own = Object.values(catalogues[locale]).join('\n');
  const shared = new Set(SHARED_TERMS);
  const found = new Set<string>();
  for (const key of Object.keys(catalogues.id) as (keyof typeof catalogues.id)[]) {
    const mine = catalogues[locale][key];
    const theirs = catalogues[other][key];
    if (!theirs || mine === theirs) continue;
    for (const f of fragments(theirs)) {
      if (shared.has(f)) continue;
      // A word the screens use in this language too (an English "Status", "Data") says nothing.
      if (wordPattern(f).test(own)) continue;
      found.add(f);
    }
  }
  return [...found];
}

/**
 * Everything a person reads on the page: its text, the names of its controls, its options.
 * Left out: what the page marks as not in its language (`lang` of the other one, as the
 * language picker names "Bahasa Indonesia" in Indonesian) or as not to be translated
 * (`translate="no"`: a stored record shown as it is, like the audit trail's before/after).
 */
export function visibleText(p: Page, locale: Locale): Promise<string> {
  return p.evaluate((locale) => {
    const foreign = `[translate="no"], [lang]:not([lang="${locale}"]):not(html)`;
    const style = document.createElement('style');
    style.textContent = `${foreign} { display: none !important; }`;
    document.head.append(style);
    try {
      // A select's text is its options' whatever their style: those are taken out by their words.
      let body = document.body.innerText;
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(foreign))) {
        const own = el.textContent.trim();
        if (own) body = body.replace(own, ' ');
      }
      const parts = [body, document.title];
      for (const el of Array.from(
        document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title], img[alt], option, input[type="button"], input[type="submit"]'),
      )) {
        // A marked element's own name (the audit record's "Before") is the screen's; what it holds is not.
        if (el.parentElement?.closest(foreign)) continue;
        for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
          const v = el.getAttribute(a);
          if (v) parts.push(v);
        }
        if (el.tagName === 'OPTION' && !el.closest(foreign)) parts.push(el.textContent);
        if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit')) parts.push(el.value);
      }
      return parts.join('\n');
    } finally {
      style.remove();
    }
  }, locale);
}

/**
 * Columns holding what people typed or official names: names of people, businesses, agencies,
 * places and holidays, training topics, notes, KBLI titles. They are data, in whatever language
 * they were written, and are taken out of a screen's text before it is searched. Texts the app
 * writes itself (statuses, record texts, evidence) are not here: they must follow the language.
 */
const RECORD_VALUE_COLUMNS: Record<string, string[]> = {
  office: ['name', 'province_label', 'address', 'signatory_name', 'signatory_title'],
  users: ['full_name'],
  regions: ['nama'],
  holidays: ['name'],
  members: ['full_name', 'birth_place', 'address_street'],
  businesses: ['name', 'products', 'address_street'],
  business_conditions: ['note'],
  trainings: ['topic', 'place', 'trainer', 'link'],
  training_certificates: ['revoke_reason'],
  mentoring_visits: ['topic', 'notes', 'follow_up'],
  financing_referrals: ['institution', 'product', 'note', 'override_reason'],
  member_stages: ['manual_evidence'],
  permits: ['facility', 'decision_reason', 'revoked_reason', 'note'],
  permit_events: ['note', 'receiver_name', 'by_name'],
  permit_prints: ['note'],
  ajib_tasks: ['officer_name', 'address', 'receiver_name', 'proof_note'],
  order_buyers: ['name', 'units', 'address', 'ppk_name', 'procurement_name', 'treasurer_name'],
  order_products: ['name', 'unit', 'curation_reason'],
  orders: ['buyer_unit', 'delivery_address', 'notes', 'cancel_reason'],
  order_items: ['description', 'unit'],
  order_assignments: ['override_reason', 'payment_note'],
  order_events: ['reason'],
};

/** The record values of the office's database that say something in words, longest first. */
export function recordValues(sqlite: SQLite.Database): string[] {
  const values = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v !== 'string') return;
    const text = v.replace(/\s+/g, ' ').trim();
    if (/\p{L}{3,}/u.test(text)) values.add(text);
  };
  for (const [table, columns] of Object.entries(RECORD_VALUE_COLUMNS)) {
    for (const column of columns) {
      for (const row of sqlite.prepare(`select distinct "${column}" as v from "${table}" where "${column}" is not null`).all() as { v: unknown }[]) {
        // A list kept as JSON (a buyer's units) is several values.
        if (typeof row.v === 'string' && row.v.startsWith('[')) {
          try {
            const list: unknown = JSON.parse(row.v);
            if (Array.isArray(list)) {
              list.forEach(add);
              continue;
            }
          } catch {
            // not JSON: the text itself
          }
        }
        add(row.v);
      }
    }
  }
  // KBLI titles: only those of the office's businesses and products, not the whole reference list.
  const kbli = `select judul as v from kbli where kode in (select kbli_kode from businesses union select kbli_kode from order_products union select kbli_kode from order_items)`;
  for (const row of sqlite.prepare(kbli).all() as { v: unknown }[]) add(row.v);
  return [...values].sort((a, b) => b.length - a.length);
}

/** The text with every record value blanked out, so that only the app's own words remain. */
export function withoutRecordValues(text: string, values: readonly string[]): string {
  let out = text.replace(/[ \t\u00a0]+/g, ' ');
  for (const v of values) if (out.includes(v)) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])`, 'gu'), ' ▢ ');
  return out;
}

/** The texts the server writes for a person, in both languages: statuses, roles, scales, zones, stages, the report's words. */
export function serverPhrases(): Phrase[] {
  const tables: Readonly<Record<string, Phrase>>[] = [
    SCALE_LABELS,
    roleLabels,
    STAGE_NAMES,
    permitStatusLabels,
    locationZoneLabels,
    orderStatusLabels,
    RULE_LABELS,
  ];
  return [...tables.flatMap((t) => Object.values(t)), ...reportPhrases(), ...MONTH_PHRASES];
}

/** Month names, long and short: a date written in words must be in the screen's language. */
const MONTH_PHRASES: Phrase[] = [
  ...Array.from({ length: 12 }, (_, i) => {
    const name = monthName(`2026-${String(i + 1).padStart(2, '0')}`);
    return { id: name.id.replace(/ 2026$/, ''), en: name.en.replace(/ 2026$/, '') };
  }),
  { id: 'Agu', en: 'Aug' },
  { id: 'Okt', en: 'Oct' },
  { id: 'Des', en: 'Dec' },
];

/** The other language's fragments of the server's texts that would be findings when shown in `locale`. */
export function serverFragments(locale: Locale): string[] {
  const other: Locale = locale === 'en' ? 'id' : 'en';
  const phrases = serverPhrases();
  const own = [...Object.values(catalogues[locale]), ...phrases.map((p) => p[locale])].join('\n');
  const shared = new Set(SHARED_TERMS);
  const found = new Set<string>();
  for (const p of phrases) {
    if (p.id === p.en) continue;
    for (const f of fragments(p[other])) if (!shared.has(f) && !wordPattern(f).test(own)) found.add(f);
  }
  return [...found];
}

/** The fragments of `fragments` found in `text`, each with a little of what surrounds it. */
export function findFragments(text: string, list: string[]): string[] {
  const hits: string[] = [];
  for (const f of list) {
    const m = wordPattern(f).exec(text);
    if (m) hits.push(`"${f}" in "…${text.slice(Math.max(0, m.index - 30), m.index + f.length + 30).replace(/\s+/g, ' ')}…"`);
  }
  return hits;
}
