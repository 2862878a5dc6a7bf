// Imports from the offices' spreadsheets (XLSX or CSV).
//
// Design: the dispatcher runs every call in one transaction, so a long import is a series of
// calls rather than one.
//   - importPreview reads the file and checks every row; nothing is written.
//   - importRun reads and checks the file again (the file is the truth, not the preview).
//       all_or_nothing: when any row is invalid nothing is written (the job is 'ditolak', with
//       the report); otherwise every row is written inside this one call's transaction. There
//       is nothing to cancel: the call commits whole or not at all.
//       valid_only: the valid rows are staged in import_rows and the job is 'berjalan'.
//   - importContinue writes the next batch of BATCH_SIZE staged rows in its own transaction
//     and reports progress; the screen calls it until the job is done, showing the progress.
//   - importCancel stops a running job between batches: every batch is whole or absent.
// A NIK that is already registered is skipped and reported as 'sudah terdaftar', so importing
// the same file again adds nothing.
import { z } from 'zod';
import { AppError, notFound } from '../../core/api/errors';
import type { CallContext } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import { loadReference } from './checks';
import { mimeTypes, readTable, toCsv, toXlsx } from './files';
import { convertRow, importFieldKeys, importFields, kelurahanIndex, suggestMapping, type ImportFieldKey, type Mapping, type RowResult } from './import-rows';
import { maskNik } from './rules/member-number';
import { appendAuditEntries, auditFields } from '../../core/api/audit';
import { skpds, targetGroups } from './schemas';
import { insertMembers, officeCodes } from './store';
import type { CheckedMember } from './checks';

export const BATCH_SIZE = 500;
export const MAX_IMPORT_ROWS = 50_000;
const MAX_FILE_BASE64 = 24_000_000; // about 18 MB of file, under the HTTP body limit

const fileFields = {
  fileName: label(z.string().trim().min(1).max(200), 'Nama berkas'),
  fileBase64: label(z.string().min(1).max(MAX_FILE_BASE64), 'Berkas'),
  /** Field -> header text; fields left out use the suggested mapping. */
  mapping: label(z.partialRecord(z.enum(importFieldKeys), z.string().max(200)), 'Pemetaan kolom').optional(),
  defaults: label(
    z.strictObject({
      targetGroup: label(z.enum(targetGroups), 'Kategori sasaran bawaan').default('pemula'),
      skpd: label(z.enum(skpds), 'SKPD pengampu bawaan').default('ppkukm_ukm'),
    }),
    'Nilai bawaan',
  ).optional(),
  /** Import rows whose name and birth date match another member with another NIK. */
  confirmDuplicates: label(z.boolean(), 'Konfirmasi duplikat').default(false),
};

export const importPreviewInput = z.strictObject({ ...fileFields, limit: label(z.number().int().min(1).max(500), 'Jumlah baris contoh').default(50) });
export const importRunInput = z.strictObject({ ...fileFields, mode: label(z.enum(['all_or_nothing', 'valid_only']), 'Cara impor') });

type FileInput = z.output<z.ZodObject<typeof fileFields>>;

interface ParsedFile {
  headers: string[];
  suggested: Mapping;
  mapping: Mapping;
  body: string[][];
  results: RowResult[];
  cellsOf(i: number): Partial<Record<ImportFieldKey, string>>;
}

async function parseAndCheck(ctx: CallContext, input: FileInput): Promise<ParsedFile> {
  const buffer = Buffer.from(input.fileBase64, 'base64');
  let table: string[][];
  try {
    table = await readTable(buffer, input.fileName);
  } catch (e) {
    throw new AppError('bad_input', `Berkas: ${e instanceof Error ? e.message : 'tidak dapat dibaca'}`, { fileBase64: `Berkas: ${e instanceof Error ? e.message : 'tidak dapat dibaca'}` });
  }
  if (table.length < 2) throw new AppError('bad_input', 'Berkas: tidak ada baris data di bawah baris judul kolom.', { fileBase64: 'Berkas: tidak ada baris data' });
  if (table.length - 1 > MAX_IMPORT_ROWS) {
    throw new AppError('bad_input', `Berkas: ${table.length - 1} baris; paling banyak ${MAX_IMPORT_ROWS} per impor. Pecah berkasnya.`, { fileBase64: 'Berkas: terlalu banyak baris' });
  }
  const headers = table[0].map((h) => h.trim());
  const suggested = suggestMapping(headers);
  const mapping: Mapping = { ...suggested, ...(input.mapping ?? {}) };
  for (const [k, h] of Object.entries(mapping)) {
    if (h === '') delete mapping[k as ImportFieldKey];
    else if (!headers.includes(h)) throw new AppError('bad_input', `Pemetaan kolom: kolom "${h}" tidak ada di berkas.`, { [`mapping.${k}`]: `Pemetaan kolom: kolom "${h}" tidak ada` });
  }
  const missing = importFields.filter((f) => f.required && !mapping[f.key] && !(f.key === 'birthDate' && mapping.birthPlaceDate));
  if (missing.length) {
    const names = missing.map((f) => f.label).join(', ');
    throw new AppError('bad_input', `Pemetaan kolom: kolom wajib belum dipetakan: ${names}.`, { mapping: `Pemetaan kolom: belum dipetakan: ${names}` });
  }
  const index = Object.entries(mapping).map(([k, h]) => [k as ImportFieldKey, headers.indexOf(h!)] as const);
  const body = table.slice(1);
  const cellsOf = (i: number) => Object.fromEntries(index.map(([k, col]) => [k, body[i][col] ?? ''])) as Partial<Record<ImportFieldKey, string>>;

  const ref = await loadReference(ctx.db);
  const office = await officeCodes(ctx.db);
  const today = jakartaDate(ctx.app.clock.nowIso());
  const conv = {
    ref,
    kelurahanByName: kelurahanIndex(ref, office.kecamatan),
    today,
    defaults: { targetGroup: input.defaults?.targetGroup ?? 'pemula', skpd: input.defaults?.skpd ?? 'ppkukm_ukm' } as const,
  };
  const results: RowResult[] = body.map((_, i) => convertRow(i + 2, cellsOf(i), conv));
  await checkAgainstDatabase(ctx, results, input.confirmDuplicates);
  return { headers, suggested, mapping, body, results, cellsOf };
}

/** NIKs already registered, NIKs repeated in the file, and likely duplicates by name and birth date. */
async function checkAgainstDatabase(ctx: CallContext, results: RowResult[], confirmDuplicates: boolean) {
  const valid = results.filter((r): r is Extract<RowResult, { status: 'valid' }> => r.status === 'valid');
  const registered = new Map<string, { memberNo: string; fullName: string }>();
  const niks = valid.map((r) => r.checked.member.nik);
  for (let i = 0; i < niks.length; i += 500) {
    const rows = await ctx.db.selectFrom('members').select(['nik', 'member_no', 'full_name']).where('nik', 'in', niks.slice(i, i + 500)).execute();
    for (const r of rows) registered.set(r.nik, { memberNo: r.member_no, fullName: r.full_name });
  }
  const people = new Map<string, { fullName: string; memberNo: string; nik: string }>();
  if (!confirmDuplicates) {
    const names = [...new Set(valid.map((r) => r.checked.member.name_key))];
    for (let i = 0; i < names.length; i += 500) {
      const rows = await ctx.db.selectFrom('members').select(['name_key', 'birth_date', 'nik', 'member_no', 'full_name']).where('name_key', 'in', names.slice(i, i + 500)).execute();
      for (const r of rows) people.set(`${r.name_key}|${r.birth_date}`, { fullName: r.full_name, memberNo: r.member_no, nik: r.nik });
    }
  }
  const seenNik = new Map<string, number>();
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (r.status !== 'valid') continue;
    const m = r.checked.member;
    const existing = registered.get(m.nik);
    if (existing) {
      results[i] = { row: r.row, status: 'terdaftar', reason: `NIK sudah terdaftar atas nama ${existing.fullName} (${existing.memberNo})` };
      continue;
    }
    const earlier = seenNik.get(m.nik);
    if (earlier !== undefined) {
      results[i] = { row: r.row, status: 'invalid', reason: `NIK: sama dengan baris ${earlier}`, fields: { nik: `NIK: sama dengan baris ${earlier}` } };
      continue;
    }
    seenNik.set(m.nik, r.row);
    if (!confirmDuplicates) {
      const key = `${m.name_key}|${m.birth_date}`;
      const person = people.get(key);
      if (person && person.nik !== m.nik) {
        const reason = `Nama dan tanggal lahir sama dengan anggota ${person.fullName} (${person.memberNo}, NIK ${maskNik(person.nik)}); impor dengan konfirmasi duplikat bila memang orang lain`;
        results[i] = { row: r.row, status: 'invalid', reason, fields: { confirmDuplicate: reason } };
        continue;
      }
      people.set(key, { fullName: m.full_name, memberNo: `baris ${r.row}`, nik: m.nik });
    }
  }
}

const counts = (results: RowResult[]) => ({
  total: results.length,
  valid: results.filter((r) => r.status === 'valid').length,
  invalid: results.filter((r) => r.status === 'invalid').length,
  alreadyRegistered: results.filter((r) => r.status === 'terdaftar').length,
});

export async function importPreview(ctx: CallContext, input: z.output<typeof importPreviewInput>) {
  const file = await parseAndCheck(ctx, input);
  return {
    fileName: input.fileName,
    headers: file.headers,
    suggestedMapping: file.suggested,
    mapping: file.mapping,
    fields: importFields.map((f) => ({ key: f.key, label: f.label, required: f.required })),
    counts: counts(file.results),
    rows: file.results.slice(0, input.limit).map((r, i) => ({
      row: r.row,
      status: r.status,
      reason: r.status === 'valid' ? null : r.reason,
      fields: r.status === 'invalid' ? r.fields : {},
      values: file.cellsOf(i),
    })),
  };
}

interface Problem {
  row: number;
  status: 'tidak sah' | 'sudah terdaftar';
  reason: string;
  cells: string[];
}

interface Problems {
  header: string[];
  items: Problem[];
}

function problemsOf(file: ParsedFile): Problems {
  const items: Problem[] = [];
  file.results.forEach((r, i) => {
    if (r.status === 'valid') return;
    items.push({ row: r.row, status: r.status === 'invalid' ? 'tidak sah' : 'sudah terdaftar', reason: r.reason, cells: file.body[i] });
  });
  return { header: file.headers, items };
}

async function reportFile(problems: Problems, format: 'csv' | 'xlsx', base: string) {
  const header = ['Baris', 'Hasil', 'Alasan', ...problems.header];
  const rows = problems.items.map((p) => [p.row, p.status, p.reason, ...p.cells]);
  const buffer = format === 'csv' ? toCsv(header, rows) : await toXlsx('Tidak diimpor', header, rows);
  return { fileName: `${base}.${format}`, mimeType: mimeTypes[format], base64: buffer.toString('base64') };
}

async function loadJob(ctx: CallContext, jobId: string) {
  const job = await ctx.db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (!job) throw notFound('Impor');
  return job;
}

function statusOf(job: Awaited<ReturnType<typeof loadJob>>) {
  return {
    jobId: job.id,
    fileName: job.file_name,
    mode: job.mode,
    status: job.status,
    totalRows: job.total_rows,
    /** Valid rows to write. */
    toWrite: job.staged_rows,
    written: job.processed_rows,
    inserted: job.inserted,
    alreadyRegistered: job.already_registered,
    invalid: job.invalid,
    /** 0..1 of the rows to write. */
    progress: job.staged_rows === 0 ? 1 : job.processed_rows / job.staged_rows,
    done: job.status !== 'berjalan',
    createdAt: job.created_at,
    updatedAt: job.updated_at,
  };
}

export type ImportStatus = ReturnType<typeof statusOf>;

/**
 * Writes registrations for checked rows (new members only). Each member gets its audit entry,
 * written as ctx.audit would, in statements of 200 rows.
 */
async function writeRows(ctx: CallContext, jobId: string, rows: { registeredOn: string | null; checked: CheckedMember }[]) {
  if (rows.length === 0) return 0;
  const today = jakartaDate(ctx.app.clock.nowIso());
  const nowIso = ctx.app.clock.nowIso();
  const created = await insertMembers(
    ctx.db,
    rows.map((r) => ({ checked: r.checked, registeredOn: r.registeredOn ?? today })),
    { userId: ctx.user?.id ?? null, nowIso, newId: ctx.app.newId, source: 'import' },
  );
  const entries = created.map((c, i) => {
    const m = rows[i].checked.member;
    return auditFields(ctx.app, {
      user: ctx.user,
      method: ctx.method,
      entity: 'members',
      entityId: c.id,
      after: { importJob: jobId, memberNo: c.memberNo, nik: maskNik(m.nik), fullName: m.full_name, kelurahan: m.kelurahan_kode, businesses: rows[i].checked.businesses.map((b) => b.name) },
    });
  });
  await appendAuditEntries(ctx.db, ctx.app, entries);
  return created.length;
}

export async function startImport(ctx: CallContext, input: z.output<typeof importRunInput>) {
  const file = await parseAndCheck(ctx, input);
  const c = counts(file.results);
  const problems = problemsOf(file);
  const now = ctx.app.clock.nowIso();
  const jobId = ctx.app.newId();
  const valid = file.results.filter((r): r is Extract<RowResult, { status: 'valid' }> => r.status === 'valid');
  const refused = input.mode === 'all_or_nothing' && c.invalid > 0;
  const immediate = input.mode === 'all_or_nothing' || valid.length === 0;
  await ctx.db
    .insertInto('import_jobs')
    .values({
      id: jobId,
      file_name: input.fileName,
      mode: input.mode,
      status: refused ? 'ditolak' : immediate ? 'selesai' : 'berjalan',
      total_rows: c.total,
      staged_rows: refused ? 0 : valid.length,
      processed_rows: 0,
      inserted: 0,
      already_registered: c.alreadyRegistered,
      invalid: c.invalid,
      problems: JSON.stringify(problems),
      created_by: ctx.user?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (!refused) {
    if (immediate) {
      const inserted = await writeRows(ctx, jobId, valid.map((r) => ({ registeredOn: r.input.registeredOn ?? null, checked: r.checked })));
      await ctx.db.updateTable('import_jobs').set({ processed_rows: valid.length, inserted }).where('id', '=', jobId).execute();
    } else {
      for (let i = 0; i < valid.length; i += 200) {
        await ctx.db
          .insertInto('import_rows')
          .values(valid.slice(i, i + 200).map((r) => ({ job_id: jobId, row_no: r.row, data: JSON.stringify({ registeredOn: r.input.registeredOn ?? null, checked: r.checked }) })))
          .execute();
      }
    }
  }
  const job = await loadJob(ctx, jobId);
  await ctx.audit({ entity: 'import_jobs', entityId: jobId, after: { ...statusOf(job), counts: c } });
  return {
    ...statusOf(job),
    counts: c,
    report: problems.items.length ? await reportFile(problems, 'csv', `impor-tidak-diimpor-${jobId.slice(-8)}`) : null,
  };
}

export async function continueImport(ctx: CallContext, jobId: string) {
  const job = await loadJob(ctx, jobId);
  if (job.status !== 'berjalan') return statusOf(job);
  const staged = await ctx.db.selectFrom('import_rows').select(['row_no', 'data']).where('job_id', '=', jobId).orderBy('row_no').limit(BATCH_SIZE).execute();
  // Rows were checked against the rules by importRun; what can have changed since is the
  // database: a NIK registered meanwhile (another clerk, another import) is skipped.
  const problems = JSON.parse(job.problems) as Problems;
  const rows = staged.map((s) => ({ row: s.row_no, ...(JSON.parse(s.data) as { registeredOn: string | null; checked: CheckedMember }) }));
  const taken = new Set(
    rows.length
      ? (await ctx.db.selectFrom('members').select('nik').where('nik', 'in', rows.map((r) => r.checked.member.nik)).execute()).map((r) => r.nik)
      : [],
  );
  const fresh = rows.filter((r) => !taken.has(r.checked.member.nik));
  for (const r of rows) {
    if (taken.has(r.checked.member.nik)) problems.items.push({ row: r.row, status: 'sudah terdaftar', reason: 'NIK sudah terdaftar (didaftarkan selama impor berjalan)', cells: [] });
  }
  const inserted = await writeRows(ctx, jobId, fresh);
  if (staged.length) {
    await ctx.db
      .deleteFrom('import_rows')
      .where('job_id', '=', jobId)
      .where('row_no', '<=', staged[staged.length - 1].row_no)
      .execute();
  }
  const left = await ctx.db.selectFrom('import_rows').select('row_no').where('job_id', '=', jobId).limit(1).executeTakeFirst();
  const lateRegistered = rows.length - fresh.length;
  await ctx.db
    .updateTable('import_jobs')
    .set({
      processed_rows: job.processed_rows + staged.length,
      inserted: job.inserted + inserted,
      already_registered: job.already_registered + lateRegistered,
      problems: JSON.stringify(problems),
      status: left ? 'berjalan' : 'selesai',
      updated_at: ctx.app.clock.nowIso(),
    })
    .where('id', '=', jobId)
    .execute();
  const after = statusOf(await loadJob(ctx, jobId));
  await ctx.audit({ entity: 'import_jobs', entityId: jobId, before: statusOf(job), after });
  return after;
}

/** The latest imports, newest first, so a screen can resume or cancel one left running. */
export async function recentImports(ctx: CallContext, limit: number) {
  const jobs = await ctx.db.selectFrom('import_jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return jobs.map(statusOf);
}

export async function importStatus(ctx: CallContext, jobId: string) {
  return statusOf(await loadJob(ctx, jobId));
}

export async function cancelImport(ctx: CallContext, jobId: string) {
  const job = await loadJob(ctx, jobId);
  if (job.status !== 'berjalan') return statusOf(job);
  await ctx.db.deleteFrom('import_rows').where('job_id', '=', jobId).execute();
  await ctx.db.updateTable('import_jobs').set({ status: 'dibatalkan', updated_at: ctx.app.clock.nowIso() }).where('id', '=', jobId).execute();
  const after = statusOf(await loadJob(ctx, jobId));
  await ctx.audit({ entity: 'import_jobs', entityId: jobId, before: statusOf(job), after });
  return after;
}

export async function importReport(ctx: CallContext, jobId: string, format: 'csv' | 'xlsx') {
  const job = await loadJob(ctx, jobId);
  const problems = JSON.parse(job.problems) as Problems;
  return reportFile(problems, format, `impor-tidak-diimpor-${jobId.slice(-8)}`);
}


