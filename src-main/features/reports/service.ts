import { badInput } from '../../core/api/errors';
import { jakartaDate } from '../../core/clock';
import type { Db } from './sections/common';
import { sectionProviders } from './sections';
import { monthBounds, monthLabel } from './period';
import type { MonthlySummary, ReportScope } from './model';

/**
 * The scope of a report: the month (not in the future) and the whole kecamatan or one of its
 * kelurahan. An empty month is a valid report of zeros.
 */
export async function resolveScope(db: Db, input: { month: string; kelurahan?: string | null }, nowIso: string): Promise<ReportScope & { scopeLabel: string }> {
  const currentMonth = jakartaDate(nowIso).slice(0, 7);
  if (input.month > currentMonth) throw badInput('month', `Bulan: ${monthLabel(input.month)} belum terjadi; pilih bulan ini atau sebelumnya`);
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
    if (!kel) throw badInput('kelurahan', `Kelurahan: ${input.kelurahan} bukan wilayah Kecamatan ${office.nama}`);
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

export async function buildMonthlySummary(db: Db, input: { month: string; kelurahan?: string | null }, nowIso: string): Promise<MonthlySummary> {
  const scope = await resolveScope(db, input, nowIso);
  const sections = [];
  for (const provider of sectionProviders) sections.push(await provider(db, scope));
  const state = scope.month === jakartaDate(nowIso).slice(0, 7) ? 'provisional' : 'open';
  return {
    month: scope.month,
    monthLabel: monthLabel(scope.month),
    scopeLabel: scope.scopeLabel,
    kelurahan: scope.kelurahan,
    generatedAt: nowIso,
    status: { state, closedAt: null, closedBy: null },
    sections,
  };
}
