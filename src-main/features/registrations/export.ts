import { memberStatusLabels, skpdLabels, targetGroupLabels } from './schemas';
import { z } from 'zod';
import { AppError } from '../../core/api/errors';
import type { Database, PrepareContext } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { mimeTypes, type FileOut } from './files';
import { writeTableTask } from './tasks';
import { applyFilters, countQuery, hasFilters, memberFilters, memberSorts, orderedPage } from './list';
import { maskNik } from './rules/member-number';

export const EXPORT_LIMIT = 100_000;

export const exportInput = z.strictObject({
  ...memberFilters,
  sort: label(z.enum(memberSorts), { id: 'Urutan', en: 'Sort' }).default('name'),
  dir: label(z.enum(['asc', 'desc']), { id: 'Arah urutan', en: 'Sort direction' }).default('asc'),
  format: label(z.enum(['xlsx', 'csv']), { id: 'Format', en: 'Format' }),
  /** Full NIKs instead of masked ones; only for the roles that may see them (audited). */
  unmaskNik: label(z.boolean(), { id: 'NIK lengkap', en: 'Full NIK' }).default(false),
});
export type ExportInput = z.output<typeof exportInput>;

// The words live beside the schema that accepts the codes.
export { skpdLabels, targetGroupLabels } from './schemas';

export const exportHeader = [
  'No. Anggota',
  'NIK',
  'Nama',
  'Jenis Kelamin',
  'Tanggal Lahir',
  'Kelurahan',
  'Telepon',
  'Kategori Sasaran',
  'SKPD Pengampu',
  'Status',
  'Tanggal Daftar',
  'Usaha',
  'Tahap Selesai',
];

/** The list's current view (same filters and order), every page, as table rows. */
export async function exportRows(db: Database, input: ExportInput): Promise<unknown[][]> {
  // Exact here (the list's count stops at COUNT_CAP): an export is rare and must be bounded.
  const c: { total?: number } | undefined = hasFilters(input)
    ? await applyFilters(db.selectFrom('members'), input)
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirst()
    : await countQuery(db, input).executeTakeFirst();
  const total = c?.total ?? 0;
  if (total > EXPORT_LIMIT)
    throw new AppError('bad_input', {
      id: `Tampilan memuat ${total} anggota; ekspor paling banyak ${EXPORT_LIMIT}. Persempit dengan filter.`,
      en: `The view holds ${total} members; an export takes at most ${EXPORT_LIMIT}. Narrow it with the filters.`,
    });
  const rows = await orderedPage(db, input, input.sort, input.dir).execute();
  const data = rows.map((r) => [
    r.memberNo,
    input.unmaskNik ? r.nik : maskNik(r.nik),
    r.fullName,
    r.gender === 'L' ? 'Laki-laki' : 'Perempuan',
    r.birthDate,
    r.kelurahanNama ?? r.kelurahanKode,
    r.phone ?? '',
    // The file is the office's list, in its language (Indonesian) whoever exports it.
    targetGroupLabels[r.targetGroup].id,
    skpdLabels[r.skpd].id,
    memberStatusLabels[r.status].id,
    r.registeredOn,
    r.businessNames ?? '',
    r.stagesDone ? r.stagesDone.split(',').sort().join(', ') : '',
  ]);
  return data;
}

/**
 * The export's slow part, before its transaction: the rows read on a reader (one consistent
 * view), the file written in the worker pool. The transaction then only records the export.
 */
export async function exportMembers(ctx: PrepareContext, input: ExportInput, today: string): Promise<FileOut & { rows: number }> {
  ctx.job.progress(0, 1, 'read');
  const rows = await ctx.read((db) => exportRows(db, input));
  ctx.job.throwIfCancelled();
  ctx.job.progress(0, rows.length, 'render');
  const base64 = await ctx.work(writeTableTask, { format: input.format, sheetName: 'Anggota', header: exportHeader, rows });
  return { fileName: `anggota-${today}.${input.format}`, mimeType: mimeTypes[input.format], base64, rows: rows.length };
}
