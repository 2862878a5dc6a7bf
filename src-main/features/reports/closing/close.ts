import { badInput, conflict, signedInUser } from '../../../core/api/errors';
import type { CallContext } from '../../../core/api/registry';
import { jakartaDate } from '../../../core/clock';
import { monthLabel } from '../period';
import { monthName } from '../../../../src-shared/i18n';
import type { Db } from '../sections/common';
import { buildLiveSummary, correctionsReportedIn, resolveScope } from '../service';
import { closableProblem, correctionsSection } from './closings';
import { PACKAGE_FORMAT, PACKAGE_VERSION, signPackage, type ClosingPackage, type PackageSummary } from './package';

/**
 * Everything a closing stores, read from the records: the kecamatan's summary (with the
 * corrections this month reports) and each kelurahan's. Reads only; the caller writes.
 */
export async function prepareClosing(
  db: Db,
  month: string,
  nowIso: string,
  user: { username: string; fullName: string; role: string },
): Promise<ClosingPackage> {
  const problem = await closableProblem(db, month, jakartaDate(nowIso).slice(0, 7));
  if (problem) throw problem.field ? badInput('month', problem.message) : conflict(problem.message);
  const office = await db
    .selectFrom('office')
    .innerJoin('regions', 'regions.kode', 'office.kecamatan_kode')
    .select(['office.name', 'office.kecamatan_kode', 'office.key_id', 'regions.nama'])
    .executeTakeFirstOrThrow();
  const kecamatan = await buildLiveSummary(db, { month }, nowIso);
  // As on screen: the month after the last closed one reports the corrections, even none.
  const corrections = await correctionsReportedIn(db, month, nowIso);
  if (corrections) kecamatan.sections.push(correctionsSection(corrections));
  const scope = await resolveScope(db, { month }, nowIso);
  const summaries: PackageSummary[] = [{ kelurahan: null, scopeLabel: kecamatan.scopeLabel, sections: kecamatan.sections }];
  for (const k of scope.kelurahanList) {
    const s = await buildLiveSummary(db, { month, kelurahan: k.kode }, nowIso);
    summaries.push({ kelurahan: k.kode, scopeLabel: s.scopeLabel, sections: s.sections });
  }
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    office: { kecamatanKode: office.kecamatan_kode, kecamatan: office.nama, name: office.name },
    month,
    monthLabel: monthLabel(month),
    closedAt: nowIso,
    closedBy: { username: user.username, name: user.fullName, role: user.role },
    keyId: office.key_id,
    summaries,
    corrections: corrections ?? [],
  };
}

/** Signs and stores a prepared closing, with its audit entry, in the call's transaction. */
export async function storeClosing(ctx: CallContext, pkg: ClosingPackage): Promise<{ month: string; closedAt: string; closedBy: string; corrections: number }> {
  // Another supervisor may have closed it meanwhile: the month's key refuses a second row.
  const taken = await ctx.db.selectFrom('month_closings').select('month').where('month', '=', pkg.month).executeTakeFirst();
  if (taken) throw conflict({ id: `${monthName(pkg.month).id} sudah ditutup.`, en: `${monthName(pkg.month).en} is already closed.` });
  const key = await ctx.db.selectFrom('office').select(['key_id', 'private_key']).executeTakeFirstOrThrow();
  const { text, signature } = signPackage(pkg, key.private_key);
  await ctx.db
    .insertInto('month_closings')
    .values({
      month: pkg.month,
      closed_at: pkg.closedAt,
      closed_by: signedInUser(ctx).id,
      format_version: pkg.version,
      key_id: key.key_id,
      package: text,
      signature,
    })
    .execute();
  await ctx.audit({
    entity: 'month_closings',
    entityId: pkg.month,
    after: {
      month: pkg.month,
      closedAt: pkg.closedAt,
      closedBy: pkg.closedBy,
      keyId: key.key_id,
      signature,
      corrections: pkg.corrections.length,
      bytes: Buffer.byteLength(text),
    },
  });
  return { month: pkg.month, closedAt: pkg.closedAt, closedBy: pkg.closedBy.name, corrections: pkg.corrections.length };
}
