import type { Db } from '../sections/common';
import { monthName, type Phrase } from '../../../../src-shared/i18n';
import { monthLabel, shiftMonth } from '../period';
import type { MonthlySummary, MonthStatus, ReportSection } from '../model';
import type { ClosingPackage, Correction } from './package';
import { reportWords } from '../words';

// Closed months. A month is closed once its report has gone upward: its package (every figure
// of the kecamatan and of each kelurahan) is stored signed and never changes. Months close in
// order. A later change to a closed month's records is not rewritten into it: the difference
// between its figures now and as reported is shown as a correction in the first month still
// open after the last closed one (the running month, when closing is kept up), and frozen
// with that month when it closes in turn.

/** How far back corrections are looked for: changes to older records are not reported. */
export const CORRECTION_WINDOW_MONTHS = 24;

// Packages never change once stored, so a parsed one can be kept; the signature identifies it.
const parsedPackages = new Map<string, ClosingPackage>();

export interface ClosingRow {
  month: string;
  closedAt: string;
  closedBy: string;
}

async function packageRows(db: Db, months?: { from: string; to: string }) {
  let q = db.selectFrom('month_closings').select(['month', 'package', 'signature']);
  if (months) q = q.where('month', '>=', months.from).where('month', '<=', months.to);
  return q.orderBy('month').execute();
}

function parse(row: { package: string; signature: string }): ClosingPackage {
  let pkg = parsedPackages.get(row.signature);
  if (!pkg) {
    pkg = JSON.parse(row.package) as ClosingPackage;
    if (parsedPackages.size > 200) parsedPackages.clear();
    parsedPackages.set(row.signature, pkg);
  }
  return pkg;
}

/** Every closed month, oldest first, with when and by whom. */
export async function listClosings(db: Db): Promise<ClosingRow[]> {
  return (await packageRows(db)).map((r) => {
    const pkg = parse(r);
    return { month: r.month, closedAt: pkg.closedAt, closedBy: pkg.closedBy.name };
  });
}

export async function loadPackage(db: Db, month: string): Promise<ClosingPackage | null> {
  const row = await db.selectFrom('month_closings').select(['package', 'signature']).where('month', '=', month).executeTakeFirst();
  return row ? parse(row) : null;
}

async function lastClosedMonth(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('month_closings')
    .select((eb) => eb.fn.max('month').as('month'))
    .executeTakeFirst();
  return (row?.month as string | null | undefined) ?? null;
}

/**
 * The month that reports the corrections: the first after the last closed month, once it has
 * begun. null before any month is closed.
 */
export async function reportingMonth(db: Db, currentMonth: string): Promise<string | null> {
  const last = await lastClosedMonth(db);
  if (!last) return null;
  const next = shiftMonth(last, 1);
  return next <= currentMonth ? next : null;
}

/** Closed, provisional (the running month) or open (ended, not yet closed). */
export async function monthStatus(db: Db, month: string, currentMonth: string): Promise<MonthStatus> {
  const pkg = await loadPackage(db, month);
  if (pkg) return { state: 'closed', closedAt: pkg.closedAt, closedBy: pkg.closedBy.name };
  return { state: month === currentMonth ? 'provisional' : 'open', closedAt: null, closedBy: null };
}

/** Which month may be closed now, or why not (Indonesian, for the caller's error). */
export async function closableProblem(db: Db, month: string, currentMonth: string): Promise<{ field: boolean; message: Phrase } | null> {
  const name = monthName(month);
  if (month >= currentMonth)
    return {
      field: true,
      message: {
        id: `Bulan: ${name.id} belum berakhir; bulan ditutup setelah berakhir`,
        en: `Month: ${name.en} has not ended; a month is closed after it ends`,
      },
    };
  const closed = await loadPackage(db, month);
  if (closed) {
    const on = closed.closedAt.slice(0, 10);
    return {
      field: false,
      message: {
        id: `${name.id} sudah ditutup pada ${on} oleh ${closed.closedBy.name}; bulan yang ditutup tidak berubah lagi.`,
        en: `${name.en} was closed on ${on} by ${closed.closedBy.name}; a closed month does not change any more.`,
      },
    };
  }
  const last = await lastClosedMonth(db);
  if (last && month < last) {
    return {
      field: false,
      message: {
        id: `${name.id} tidak dapat ditutup lagi: ${monthName(last).id} sudah ditutup. Perubahan bulan lama tampil sebagai koreksi.`,
        en: `${name.en} can no longer be closed: ${monthName(last).en} is closed. Changes to old months show as corrections.`,
      },
    };
  }
  if (last && month !== shiftMonth(last, 1)) {
    const next = monthName(shiftMonth(last, 1));
    return { field: false, message: { id: `Bulan ditutup berurutan: tutup dulu ${next.id}.`, en: `Months are closed in order: close ${next.en} first.` } };
  }
  return null;
}

type Figures = Map<string, { label: string; type: Correction['type']; value: number | null }>;

const figuresOf = (sections: ReportSection[]): Figures =>
  new Map(
    sections
      .filter((s) => s.id !== 'corrections')
      .flatMap((s) => s.figures.map((f) => [`${s.id}.${f.id}`, { label: f.label, type: f.type, value: f.value }] as const)),
  );

const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/**
 * The changes to closed months not yet reported: for each closed month in the window, its
 * kecamatan figures now against what was reported (at its closing and in the corrections of the
 * months closed since). `live` builds a month's figures from the records as they are now.
 */
export async function outstandingCorrections(db: Db, month: string, live: (month: string) => Promise<MonthlySummary>): Promise<Correction[]> {
  const packages = (await packageRows(db, { from: shiftMonth(month, -CORRECTION_WINDOW_MONTHS), to: shiftMonth(month, -1) })).map(parse);
  const out: Correction[] = [];
  for (const [i, pkg] of packages.entries()) {
    const reported = figuresOf(pkg.summaries[0].sections);
    for (const later of packages.slice(i + 1)) {
      for (const c of later.corrections) {
        const figure = c.month === pkg.month ? reported.get(`${c.section}.${c.figure}`) : undefined;
        if (figure) figure.value = c.corrected;
      }
    }
    const now = figuresOf((await live(pkg.month)).sections);
    for (const [key, was] of reported) {
      const current = now.get(key);
      if (!current || same(current.value, was.value)) continue;
      const [section, figure] = key.split('.');
      out.push({
        month: pkg.month,
        section,
        figure,
        label: was.label,
        type: was.type,
        reported: was.value,
        corrected: current.value,
        difference: was.value === null || current.value === null ? null : current.value - was.value,
      });
    }
  }
  return out;
}

/** The corrections as the report's last section: what changed in which closed month. */
const correctionWords = reportWords({
  title: { id: 'Koreksi atas bulan yang sudah ditutup', en: 'Corrections to closed months' },
  shortTitle: { id: 'Koreksi', en: 'Corrections' },
  count: { id: 'Angka bulan tertutup yang berubah', en: 'Figures of closed months that changed' },
  table: { id: 'Perubahan data bulan yang sudah ditutup, dilaporkan bulan ini', en: 'Changes to closed months, reported this month' },
  month: { id: 'Bulan', en: 'Month' },
  indicator: { id: 'Indikator', en: 'Indicator' },
  reported: { id: 'Dilaporkan', en: 'Reported' },
  corrected: { id: 'Menjadi', en: 'Now' },
});

export function correctionsSection(corrections: Correction[]): ReportSection {
  return {
    id: 'corrections',
    title: correctionWords.title,
    shortTitle: correctionWords.shortTitle,
    figures: [{ id: 'count', label: correctionWords.count, value: corrections.length, type: 'int' }],
    tables: [
      {
        id: 'corrections',
        title: correctionWords.table,
        columns: [
          { key: 'month', label: correctionWords.month, type: 'text' },
          { key: 'label', label: correctionWords.indicator, type: 'text' },
          { key: 'reported', label: correctionWords.reported, type: 'int', typeKey: 'type' },
          { key: 'corrected', label: correctionWords.corrected, type: 'int', typeKey: 'type' },
          { key: 'difference', label: correctionWords.shortTitle, type: 'int', typeKey: 'type' },
        ],
        rows: corrections.map((c) => ({
          month: monthLabel(c.month),
          label: c.label,
          reported: c.reported,
          corrected: c.corrected,
          difference: c.difference,
          type: c.type,
        })),
      },
    ],
  };
}
