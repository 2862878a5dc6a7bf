// Words of the other language left on a screen, found from the catalogues themselves: every
// catalogue value whose two languages differ must not appear in the language it is not.
import type { Page } from 'playwright-core';
import { catalogues } from '../../src-renderer/app/i18n/catalogue';

export type Locale = 'id' | 'en';

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

/** The fragments of `fragments` found in `text`, each with a little of what surrounds it. */
export function findFragments(text: string, list: string[]): string[] {
  const hits: string[] = [];
  for (const f of list) {
    const m = wordPattern(f).exec(text);
    if (m) hits.push(`"${f}" in "…${text.slice(Math.max(0, m.index - 30), m.index + f.length + 30).replace(/\s+/g, ' ')}…"`);
  }
  return hits;
}
