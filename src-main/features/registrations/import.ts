// Imports from the offices' spreadsheets (XLSX or CSV).
//
// Design: a long import is a series of calls, each in its phases (see the registry):
//   - importPreview reads the file and checks every row (in the worker pool, then the NIKs and
//     likely duplicates against the database on a reader); nothing is written.
//   - importRun reads and checks the file again (the file is the truth, not the preview), then
//     its transaction records the job and stages the valid rows in import_rows. In
//     all_or_nothing mode a file with any invalid row is refused whole ('ditolak', with the
//     report) and nothing is staged.
//   - importContinue writes staged rows in a transaction of their own and reports progress:
//     valid_only a batch of BATCH_SIZE rows per call; all_or_nothing every staged row in one
//     final transaction, so the import lands whole or not at all. The screen calls it until
//     the job is done, showing the progress.
//   - importCancel stops a running job between calls: every batch is whole or absent, and an
//     all-or-nothing import cancelled before its final call writes no member at all.
// The reading and checking report progress and stop on Cancel (jobs.progress, jobs.cancel).
// A NIK that is already registered is skipped and reported as 'sudah terdaftar', so importing
// the same file again adds nothing.
import { z } from 'zod';
import { notFound } from '../../core/api/errors';
import { tableIn, type Locale, type Phrase } from '../../../src-shared/i18n';
import type { CallContext, Database, PrepareContext, WorkContext } from '../../core/api/registry';
import { label } from '../../core/api/validation';
import { jakartaDate } from '../../core/clock';
import { loadReference } from './checks';
import { mimeTypes, type UploadLimits } from './files';
import { cellsOf, type ReadImport } from './import-read';
import { importFieldKeys, importFields, type RowResult } from './import-rows';
import { maskNik } from './rules/member-number';
import { appendAuditEntries, auditFields } from '../../core/api/audit';
import { skpds, targetGroups } from './schemas';
import { insertMembers, officeCodes } from './store';
import { readImportTask, writeTableTask } from './tasks';
import type { CheckedMember } from './checks';

export const BATCH_SIZE = 500;
export const MAX_IMPORT_ROWS = 50_000;
const MAX_FILE_BASE64 = 24_000_000; // about 18 MB of file, under the HTTP body limit

/**
 * What an uploaded spreadsheet may hold, checked before the work: a 50,000-row sheet of the
 * offices' kind is some 40 MB of XML unpacked; a file that unpacks to more is refused from its
 * directory, before anything is inflated.
 */
export const IMPORT_LIMITS: UploadLimits = {
  maxFileBytes: (MAX_FILE_BASE64 / 4) * 3,
  maxUncompressedBytes: 96 * 1024 * 1024,
  maxRows: MAX_IMPORT_ROWS + 1,
  maxColumns: 100,
};

const fileFields = {
  fileName: label(z.string().trim().min(1).max(200), { id: 'Nama berkas', en: 'File name' }),
  fileBase64: label(z.string().min(1).max(MAX_FILE_BASE64), { id: 'Berkas', en: 'File' }),
  /** Field -> header text; fields left out use the suggested mapping. */
  mapping: label(z.partialRecord(z.enum(importFieldKeys), z.string().max(200)), { id: 'Pemetaan kolom', en: 'Column mapping' }).optional(),
  defaults: label(
    z.strictObject({
      targetGroup: label(z.enum(targetGroups), { id: 'Kategori sasaran bawaan', en: 'Default target group' }).default('pemula'),
      skpd: label(z.enum(skpds), { id: 'SKPD pengampu bawaan', en: 'Default SKPD pengampu' }).default('ppkukm_ukm'),
    }),
    { id: 'Nilai bawaan', en: 'Defaults' },
  ).optional(),
  /** Import rows whose name and birth date match another member with another NIK. */
  confirmDuplicates: label(z.boolean(), { id: 'Konfirmasi duplikat', en: 'Confirm duplicates' }).default(false),
};

export const importPreviewInput = z.strictObject({
  ...fileFields,
  limit: label(z.number().int().min(1).max(500), { id: 'Jumlah baris contoh', en: 'Number of sample rows' }).default(50),
});
export const importRunInput = z.strictObject({ ...fileFields, mode: label(z.enum(['all_or_nothing', 'valid_only']), { id: 'Cara impor', en: 'Import mode' }) });

type FileInput = z.output<z.ZodObject<typeof fileFields>>;

type ParsedFile = ReadImport;

/** Reads and checks the file: the rules in the worker pool, then the database on a reader. */
async function parseAndCheck(ctx: PrepareContext, input: FileInput): Promise<ParsedFile> {
  ctx.job.progress(0, 1, 'read');
  const { ref, office } = await ctx.read(async (db) => ({ ref: await loadReference(db), office: await officeCodes(db) }));
  const file = await ctx.work(readImportTask, {
    fileName: input.fileName,
    fileBase64: input.fileBase64,
    mapping: input.mapping,
    defaults: { targetGroup: input.defaults?.targetGroup ?? 'pemula', skpd: input.defaults?.skpd ?? 'ppkukm_ukm' },
    ref,
    officeKecamatan: office.kecamatan,
    today: jakartaDate(ctx.app.clock.nowIso()),
    limits: IMPORT_LIMITS,
  });
  ctx.job.progress(0, file.results.length, 'check');
  await ctx.read((db) => checkAgainstDatabase(db, file.results, input.confirmDuplicates));
  ctx.job.throwIfCancelled();
  return file;
}

/** NIKs already registered, NIKs repeated in the file, and likely duplicates by name and birth date. */
async function checkAgainstDatabase(db: Database, results: RowResult[], confirmDuplicates: boolean) {
  const valid = results.filter((r): r is Extract<RowResult, { status: 'valid' }> => r.status === 'valid');
  const registered = new Map<string, { memberNo: string; fullName: string }>();
  const niks = valid.map((r) => r.checked.member.nik);
  for (let i = 0; i < niks.length; i += 500) {
    const rows = await db
      .selectFrom('members')
      .select(['nik', 'member_no', 'full_name'])
      .where('nik', 'in', niks.slice(i, i + 500))
      .execute();
    for (const r of rows) registered.set(r.nik, { memberNo: r.member_no, fullName: r.full_name });
  }
  const people = new Map<string, { fullName: string; memberNo: Phrase; nik: string }>();
  if (!confirmDuplicates) {
    const names = [...new Set(valid.map((r) => r.checked.member.name_key))];
    for (let i = 0; i < names.length; i += 500) {
      const rows = await db
        .selectFrom('members')
        .select(['name_key', 'birth_date', 'nik', 'member_no', 'full_name'])
        .where('name_key', 'in', names.slice(i, i + 500))
        .execute();
      for (const r of rows) people.set(`${r.name_key}|${r.birth_date}`, { fullName: r.full_name, memberNo: { id: r.member_no, en: r.member_no }, nik: r.nik });
    }
  }
  const seenNik = new Map<string, number>();
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (r.status !== 'valid') continue;
    const m = r.checked.member;
    const existing = registered.get(m.nik);
    if (existing) {
      results[i] = {
        row: r.row,
        status: 'terdaftar',
        reason: {
          id: `NIK sudah terdaftar atas nama ${existing.fullName} (${existing.memberNo})`,
          en: `The NIK is already registered to ${existing.fullName} (${existing.memberNo})`,
        },
      };
      continue;
    }
    const earlier = seenNik.get(m.nik);
    if (earlier !== undefined) {
      const reason = { id: `NIK: sama dengan baris ${earlier}`, en: `NIK: the same as row ${earlier}` };
      results[i] = { row: r.row, status: 'invalid', reason, fields: { nik: reason } };
      continue;
    }
    seenNik.set(m.nik, r.row);
    if (!confirmDuplicates) {
      const key = `${m.name_key}|${m.birth_date}`;
      const person = people.get(key);
      if (person && person.nik !== m.nik) {
        const reason = {
          id: `Nama dan tanggal lahir sama dengan anggota ${person.fullName} (${person.memberNo.id}, NIK ${maskNik(person.nik)}); impor dengan konfirmasi duplikat bila memang orang lain`,
          en: `Same name and date of birth as member ${person.fullName} (${person.memberNo.en}, NIK ${maskNik(person.nik)}); import with the duplicates confirmed if it really is another person`,
        };
        results[i] = { row: r.row, status: 'invalid', reason, fields: { confirmDuplicate: reason } };
        continue;
      }
      people.set(key, { fullName: m.full_name, memberNo: { id: `baris ${r.row}`, en: `row ${r.row}` }, nik: m.nik });
    }
  }
}

const counts = (results: RowResult[]) => ({
  total: results.length,
  valid: results.filter((r) => r.status === 'valid').length,
  invalid: results.filter((r) => r.status === 'invalid').length,
  alreadyRegistered: results.filter((r) => r.status === 'terdaftar').length,
});

export async function importPreview(ctx: PrepareContext, input: z.output<typeof importPreviewInput>) {
  const file = await parseAndCheck(ctx, input);
  return {
    fileName: input.fileName,
    headers: file.headers,
    suggestedMapping: file.suggested,
    mapping: file.mapping,
    fields: importFields.map((f) => ({ key: f.key, label: f.label[ctx.locale], required: f.required })),
    counts: counts(file.results),
    rows: file.results.slice(0, input.limit).map((r, i) => ({
      row: r.row,
      status: r.status,
      reason: r.status === 'valid' ? null : r.reason[ctx.locale],
      fields: r.status === 'invalid' ? tableIn(r.fields, ctx.locale) : {},
      values: cellsOf(file.body[i], file.columns),
    })),
  };
}

interface Problem {
  row: number;
  status: 'invalid' | 'registered';
  reason: Phrase;
  cells: string[];
}

/** The report of the rows not imported is the clerk's own worklist: it comes in the clerk's language. */
const REPORT_WORDS = {
  header: { id: ['Baris', 'Hasil', 'Alasan'], en: ['Row', 'Result', 'Reason'] },
  sheet: { id: 'Tidak diimpor', en: 'Not imported' },
  invalid: { id: 'tidak sah', en: 'invalid' },
  registered: { id: 'sudah terdaftar', en: 'already registered' },
} as const;

interface Problems {
  header: string[];
  items: Problem[];
}

function problemsOf(file: Pick<ParsedFile, 'results' | 'body' | 'headers'>): Problems {
  const items: Problem[] = [];
  file.results.forEach((r, i) => {
    if (r.status === 'valid') return;
    items.push({ row: r.row, status: r.status === 'invalid' ? 'invalid' : 'registered', reason: r.reason, cells: file.body[i] });
  });
  return { header: file.headers, items };
}

async function reportFile(ctx: WorkContext, problems: Problems, format: 'csv' | 'xlsx', base: string) {
  const l: Locale = ctx.locale;
  const header = [...REPORT_WORDS.header[l], ...problems.header];
  const rows = problems.items.map((p) => [p.row, REPORT_WORDS[p.status][l], p.reason[l], ...p.cells]);
  const base64 = await ctx.work(writeTableTask, { format, sheetName: REPORT_WORDS.sheet[l], header, rows });
  return { fileName: `${base}.${format}`, mimeType: mimeTypes[format], base64 };
}

async function loadJob(db: Database, jobId: string) {
  const job = await db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (!job) throw notFound({ id: 'Impor', en: 'Import' });
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
      after: {
        importJob: jobId,
        memberNo: c.memberNo,
        nik: maskNik(m.nik),
        fullName: m.full_name,
        kelurahan: m.kelurahan_kode,
        businesses: rows[i].checked.businesses.map((b) => b.name),
      },
    });
  });
  await appendAuditEntries(ctx.db, ctx.app, entries);
  return created.length;
}

/** The file read and checked for importRun, before its transaction. */
export async function prepareImport(ctx: PrepareContext, input: z.output<typeof importRunInput>) {
  const file = await parseAndCheck(ctx, input);
  return { results: file.results, problems: problemsOf(file) };
}

type PreparedImport = Awaited<ReturnType<typeof prepareImport>>;

/** importRun's transaction: the job, and its valid rows staged for importContinue. */
export async function startImport(ctx: CallContext, input: z.output<typeof importRunInput>, file: PreparedImport) {
  const c = counts(file.results);
  const now = ctx.app.clock.nowIso();
  const jobId = ctx.app.newId();
  const valid = file.results.filter((r): r is Extract<RowResult, { status: 'valid' }> => r.status === 'valid');
  const refused = input.mode === 'all_or_nothing' && c.invalid > 0;
  const nothingToWrite = refused || valid.length === 0;
  await ctx.db
    .insertInto('import_jobs')
    .values({
      id: jobId,
      file_name: input.fileName,
      mode: input.mode,
      status: refused ? 'ditolak' : nothingToWrite ? 'selesai' : 'berjalan',
      total_rows: c.total,
      staged_rows: refused ? 0 : valid.length,
      processed_rows: 0,
      inserted: 0,
      already_registered: c.alreadyRegistered,
      invalid: c.invalid,
      problems: JSON.stringify(file.problems),
      created_by: ctx.user?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (!nothingToWrite) {
    ctx.job.progress(0, valid.length, 'stage');
    for (let i = 0; i < valid.length; i += 200) {
      await ctx.db
        .insertInto('import_rows')
        .values(
          valid
            .slice(i, i + 200)
            .map((r) => ({ job_id: jobId, row_no: r.row, data: JSON.stringify({ registeredOn: r.input.registeredOn ?? null, checked: r.checked }) })),
        )
        .execute();
    }
  }
  const job = await loadJob(ctx.db, jobId);
  await ctx.audit({ entity: 'import_jobs', entityId: jobId, after: { ...statusOf(job), counts: c } });
  return { ...statusOf(job), counts: c, problems: file.problems };
}

/** After the commit: the report of the rows not imported, drawn in the worker pool. */
export async function renderStartedImport(ctx: WorkContext, started: Awaited<ReturnType<typeof startImport>>) {
  const { problems, ...status } = started;
  return { ...status, report: problems.items.length ? await reportFile(ctx, problems, 'csv', `impor-tidak-diimpor-${status.jobId.slice(-8)}`) : null };
}

/**
 * Writes staged rows in this call's transaction: the next BATCH_SIZE for valid_only, every one
 * for all_or_nothing (the final transaction of that mode: the import lands whole).
 */
export async function continueImport(ctx: CallContext, jobId: string) {
  const job = await loadJob(ctx.db, jobId);
  if (job.status !== 'berjalan') return statusOf(job);
  let q = ctx.db.selectFrom('import_rows').select(['row_no', 'data']).where('job_id', '=', jobId).orderBy('row_no');
  if (job.mode === 'valid_only') q = q.limit(BATCH_SIZE);
  const staged = await q.execute();
  // Rows were checked against the rules by importRun; what can have changed since is the
  // database: a NIK registered meanwhile (another clerk, another import) is skipped.
  const problems = JSON.parse(job.problems) as Problems;
  const rows = staged.map((s) => ({ row: s.row_no, ...(JSON.parse(s.data) as { registeredOn: string | null; checked: CheckedMember }) }));
  const taken = new Set<string>();
  for (let i = 0; i < rows.length; i += 500) {
    const niks = rows.slice(i, i + 500).map((r) => r.checked.member.nik);
    for (const r of await ctx.db.selectFrom('members').select('nik').where('nik', 'in', niks).execute()) taken.add(r.nik);
  }
  const fresh = rows.filter((r) => !taken.has(r.checked.member.nik));
  for (const r of rows) {
    if (taken.has(r.checked.member.nik)) {
      problems.items.push({
        row: r.row,
        status: 'registered',
        reason: { id: 'NIK sudah terdaftar (didaftarkan selama impor berjalan)', en: 'The NIK is already registered (registered while the import ran)' },
        cells: [],
      });
    }
  }
  let inserted = 0;
  for (let i = 0; i < fresh.length; i += 1000) {
    ctx.job.progress(job.processed_rows + i, job.staged_rows, 'write');
    inserted += await writeRows(ctx, jobId, fresh.slice(i, i + 1000));
  }
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
  const after = statusOf(await loadJob(ctx.db, jobId));
  await ctx.audit({ entity: 'import_jobs', entityId: jobId, before: statusOf(job), after });
  return after;
}

/** The latest imports, newest first, so a screen can resume or cancel one left running. */
export async function recentImports(ctx: CallContext, limit: number) {
  const jobs = await ctx.db.selectFrom('import_jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return jobs.map(statusOf);
}

export async function importStatus(ctx: CallContext, jobId: string) {
  return statusOf(await loadJob(ctx.db, jobId));
}

export async function cancelImport(ctx: CallContext, jobId: string) {
  const job = await loadJob(ctx.db, jobId);
  if (job.status !== 'berjalan') return statusOf(job);
  await ctx.db.deleteFrom('import_rows').where('job_id', '=', jobId).execute();
  await ctx.db.updateTable('import_jobs').set({ status: 'dibatalkan', updated_at: ctx.app.clock.nowIso() }).where('id', '=', jobId).execute();
  const after = statusOf(await loadJob(ctx.db, jobId));
  await ctx.audit({ entity: 'import_jobs', entityId: jobId, before: statusOf(job), after });
  return after;
}

/** The stored problems of a job, for importReport's render phase. */
export async function importProblems(ctx: CallContext, jobId: string): Promise<Problems> {
  const job = await loadJob(ctx.db, jobId);
  return JSON.parse(job.problems) as Problems;
}

export function renderImportReport(ctx: WorkContext, problems: Problems, jobId: string, format: 'csv' | 'xlsx') {
  return reportFile(ctx, problems, format, `impor-tidak-diimpor-${jobId.slice(-8)}`);
}
