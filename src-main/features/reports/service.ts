import { badInput } from '../../core/api/errors';
import { jakartaDate } from '../../core/clock';
import type { Db } from './sections/common';
import { sectionProviders } from './sections';
import { monthBounds, monthLabel } from './period';
import { monthName } from '../../../src-shared/i18n';
import type { MonthlySummary, ReportScope } from './model';
import { correctionsSection, loadPackage, outstandingCorrections, reportingMonth } from './closing/closings';
import type { Correction } from './closing/package';

/**
 * The scope of a report: the month (not in the future) and the whole kecamatan or one of its
 * kelurahan. An empty month is a valid report of zeros.
 */
export async function resolveScope(db: Db, input: { month: string; kelurahan?: string | null }, nowIso: string): Promise<ReportScope & { scopeLabel: string }> {
  const currentMonth = jakartaDate(nowIso).slice(0, 7);
  if (input.month > currentMonth)
    throw badInput('month', {
      id: `Bulan: ${monthName(input.month).id} belum terjadi; pilih bulan ini atau sebelumnya`,
      en: `Month: ${monthName(input.month).en} has not happened yet; choose this month or an earlier one`,
    });
  const office = await db
    .selectFrom('office')
    .innerJoin('regions', 'regions.kode', 'office.kecamatan_kode')
    .select(['office.kecamatan_kode', 'office.yearly_target', 'regions.nama'])
    .executeTakeFirstOrThrow();
  const kelurahanList = await db
    .selectFrom('regions')
    .select(['kode', 'nama'])
    .where('parent_kode', '=', office.kecamatan_kode)
    .where('level', '=', 'kelurahan')
    .orderBy('nama')
    .execute();
  let scopeLabel = `Kecamatan ${office.nama}`;
  let list = kelurahanList;
  if (input.kelurahan) {
    const kel = kelurahanList.find((k) => k.kode === input.kelurahan);
    if (!kel)
      throw badInput('kelurahan', {
        id: `Kelurahan: ${input.kelurahan} bukan wilayah Kecamatan ${office.nama}`,
        en: `Kelurahan: ${input.kelurahan} is not in Kecamatan ${office.nama}`,
      });
    scopeLabel = `Kelurahan ${kel.nama}, Kecamatan ${office.nama}`;
    list = [kel];
  }
  const bounds = monthBounds(input.month);
  const today = jakartaDate(nowIso);
  return {
    month: input.month,
    ...bounds,
    asOf: bounds.to < today ? bounds.to : today,
    kecamatanKode: office.kecamatan_kode,
    kelurahan: input.kelurahan ?? null,
    kelurahanList: list,
    yearlyTarget: office.yearly_target,
    scopeLabel,
  };
}

/** A month's summary computed from the records as they stand now (never frozen). */
export async function buildLiveSummary(db: Db, input: { month: string; kelurahan?: string | null }, nowIso: string): Promise<MonthlySummary> {
  const scope = await resolveScope(db, input, nowIso);
  const sections = [];
  for (const provider of sectionProviders) sections.push(await provider(db, scope));
  const currentMonth = jakartaDate(nowIso).slice(0, 7);
  return {
    month: scope.month,
    monthLabel: monthLabel(scope.month),
    scopeLabel: scope.scopeLabel,
    kelurahan: scope.kelurahan,
    generatedAt: nowIso,
    status: { state: scope.month === currentMonth ? 'provisional' : 'open', closedAt: null, closedBy: null },
    sections,
  };
}

/** The summary of a closed month exactly as it was reported, or null for an open month. */
export async function frozenSummary(db: Db, month: string, kelurahan: string | null): Promise<MonthlySummary | null> {
  const pkg = await loadPackage(db, month);
  const frozen = pkg?.summaries.find((s) => s.kelurahan === kelurahan);
  if (!pkg || !frozen) return null;
  return {
    month: pkg.month,
    monthLabel: pkg.monthLabel,
    scopeLabel: frozen.scopeLabel,
    kelurahan,
    generatedAt: pkg.closedAt,
    status: { state: 'closed', closedAt: pkg.closedAt, closedBy: pkg.closedBy.name },
    sections: frozen.sections,
  };
}

/** The changes to closed months that this month reports (kecamatan figures), or none. */
export async function correctionsReportedIn(db: Db, month: string, nowIso: string): Promise<Correction[] | null> {
  if ((await reportingMonth(db, jakartaDate(nowIso).slice(0, 7))) !== month) return null;
  return outstandingCorrections(db, month, (m) => buildLiveSummary(db, { month: m }, nowIso));
}

/**
 * The monthly summary as the office reports it: a closed month as it was closed, whatever
 * changed since; an open month from the records, and for the whole kecamatan in the month that
 * reports them, the corrections to closed months as its last section.
 */
export async function buildMonthlySummary(
  db: Db,
  input: { month: string; kelurahan?: string | null },
  nowIso: string,
  options: { corrections?: boolean } = {},
): Promise<MonthlySummary> {
  // Checks the month and kelurahan whether or not the month is closed.
  await resolveScope(db, input, nowIso);
  const frozen = await frozenSummary(db, input.month, input.kelurahan ?? null);
  if (frozen) return frozen;
  const summary = await buildLiveSummary(db, input, nowIso);
  if (options.corrections !== false && !input.kelurahan) {
    const corrections = await correctionsReportedIn(db, input.month, nowIso);
    if (corrections) summary.sections.push(correctionsSection(corrections));
  }
  return summary;
}
