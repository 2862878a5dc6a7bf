// Words of the other language left on a screen, found from the catalogues themselves: every
// catalogue value whose two languages differ must not appear in the language it is not.
import type { Page } from 'playwright-core';
import { catalogues } from '../../src-renderer/app/i18n/catalogue';
import type { Locale, Phrase } from '../../src-shared/i18n';
import { SCALE_LABELS } from '../../src-shared/rules/scale';
import { roleLabels } from '../../src-main/core/workflow';
import { STAGE_NAMES } from '../../src-main/core/stages';
import { permitStatusLabels } from '../../src-main/features/permits/rules/transitions';
import { locationZoneLabels } from '../../src-main/features/permits/rules/location';
import { orderStatusLabels } from '../../src-main/features/orders/rules/transitions';
import { RULE_LABELS } from '../../src-main/features/programme/rules/bankability';
import { buildMonthlySummary } from '../../src-main/features/reports/service';
import { reportPhrases } from '../../src-main/features/reports/words';

export type { Locale };

// Loaded for the words its sections declare when their modules load.
void buildMonthlySummary;

/**
 * Words that are the same in both languages on these screens, though a catalogue entry uses
 * them in one language only: programme and legal terms kept in Indonesian (the README's rule:
 * IUMK, NIK, kelurahan, pendamping stay as they are), names of agencies and places, and the
 * app's own name. A fragment made only of these is never a finding.
 */
export const SHARED_TERMS = [
  'Jakpreneur', 'IUMK', 'AJIB', 'NIK', 'KK', 'No. KK', 'NPWP', 'NIB', 'NIP', 'KBLI', 'SKPD', 'SKPD pengampu', 'PPK', 'BAST', 'QRIS', 'PDF', 'XLSX', 'CSV', 'RT', 'RW', 'UMKM', 'IKM', 'UKM', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', '7P',
  'kelurahan', 'Kelurahan', 'kecamatan', 'Kecamatan', 'kota', 'Kota', 'camat', 'Camat', 'lurah', 'pendamping', 'Pendamping', 'loket', 'Loket', 'petugas', 'Petugas', 'omzet', 'Omzet', 'e-order', 'E-Order', 'kwitansi', 'Kwitansi', 'Bank DKI', 'DKI', 'Jakarta', 'Rp',
  'Admin', 'Supervisor', 'Monas', 'Monas Pemula',
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

/** Everything a person reads on the page: its text, the names of its controls, its options. */
export function visibleText(p: Page): Promise<string> {
  return p.evaluate(() => {
    const parts = [document.body.innerText, document.title];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title], img[alt], option, input[type="button"], input[type="submit"]'))) {
      for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
      if (el.tagName === 'OPTION') parts.push(el.textContent ?? '');
      if (el instanceof HTMLInputElement && (el.type === 'button' || el.type === 'submit')) parts.push(el.value);
    }
    return parts.join('\n');
  });
}

/** The texts the server writes for a person, in both languages: statuses, roles, scales, zones, stages, the report's words. */
export function serverPhrases(): Phrase[] {
  const tables: Readonly<Record<string, Phrase>>[] = [SCALE_LABELS, roleLabels, STAGE_NAMES, permitStatusLabels, locationZoneLabels, orderStatusLabels, RULE_LABELS];
  return [...tables.flatMap((t) => Object.values(t)), ...reportPhrases()];
}

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
