// Registrations on the large office: list page, name search and NIK lookup through the API
// (app.dispatch: session, validation, transaction, Kysely) beside the same SQL run as a raw
// better-sqlite3 prepared statement; registrations per second through members.register with
// synchronous=FULL; a 10,000-row spreadsheet import.
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { Api, MethodName } from '../../api';
import type { BenchContext } from '../../bench/suites';
import { measure, summarize, type BenchLine, type Timing } from '../../bench/measure';
import { jakartaDate } from '../../core/clock';
import { chainEntries } from '../../core/audit/chain';
import { seededRng } from '../../demo/random';
import { checkRegistration, loadReference, searchText, type Reference } from './checks';
import { demoRegistration, kelurahanOf, type DemoPlaces } from './demo';
import { countQuery, listInput, orderedPage, type ListInput } from './list';
import type { RegisterInput } from './schemas';
import { formatMemberNumber, memberNumberScope } from './rules/member-number';
import { MEMBER_SEQUENCE, memberNumberTemplate, officeCodes } from './store';

const RUNS = 300;

async function call<M extends MethodName>(ctx: BenchContext, method: M, input: unknown): Promise<Api[M]['output']> {
  const res = await ctx.app.dispatch({ method, input, sessionToken: ctx.tokens.petugas, checkCsrf: false });
  if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
  // The registry answers each method with that method's output.
  return res.body.value as Api[M]['output'];
}

/** The page and count statements exactly as members.list issues them, prepared once. */
function rawList(ctx: BenchContext, filters: Partial<ListInput>) {
  const input = listInput.parse(filters);
  const SENTINEL = 987_654_321;
  const page = orderedPage(ctx.app.db, input, input.sort, input.dir, input.pageSize, SENTINEL).compile();
  const offsetAt = page.parameters.indexOf(SENTINEL);
  const pageStmt = ctx.app.sqlite.prepare(page.sql);
  const count = countQuery(ctx.app.db, input).compile();
  const countStmt = ctx.app.sqlite.prepare(count.sql);
  return (offset: number) => {
    const params = [...page.parameters] as unknown[];
    params[offsetAt] = offset;
    pageStmt.all(...params);
    countStmt.get(...(count.parameters as unknown[]));
  };
}

const target = '< 20 ms p95, ≤ 3× raw';
const met = (ours: Timing, raw: Timing) => ours.p95 < 20 && ours.p95 <= 3 * Math.max(raw.p95, 1);

export async function registrationsBench(ctx: BenchContext): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const sqlite = ctx.app.sqlite;
  const total = (sqlite.prepare('select total from member_totals').get() as { total: number }).total;
  ctx.log(`Anggota di basis data: ${total.toLocaleString('id-ID')}`);

  // 1. A list page with a filter and a sort, paging through the first 20 pages.
  const kel = (sqlite.prepare('select kelurahan_kode k, count(*) n from members group by 1 order by 2 desc limit 1').get() as { k: string }).k;
  const listFilters = { kelurahanKode: kel, sort: 'registeredOn', dir: 'desc', pageSize: 25 } as const;
  const ours1 = await measure(`members.list (kelurahan ${kel}, urut tanggal daftar, 25/halaman)`, RUNS, (i) =>
    call(ctx, 'members.list', { ...listFilters, page: i % 20 }),
  );
  const raw1fn = rawList(ctx, listFilters);
  const raw1 = await measure('raw', RUNS, (i) => raw1fn((i % 20) * 25));
  lines.push({ name: ours1.name, ours: ours1, baseline: raw1, target, met: met(ours1, raw1) });

  // 1b. The unfiltered first page sorted by name (the screen's default).
  const ours1b = await measure('members.list (tanpa filter, urut nama)', RUNS, (i) => call(ctx, 'members.list', { page: i % 20 }));
  const raw1bfn = rawList(ctx, {});
  const raw1b = await measure('raw', RUNS, (i) => raw1bfn((i % 20) * 25));
  lines.push({ name: ours1b.name, ours: ours1b, baseline: raw1b, target, met: met(ours1b, raw1b) });

  // 1c. Filters without an index for their sort: a stage reached, and a target group sorted by date.
  for (const [label, filters] of [
    ['members.list (tahap P2 selesai, urut nama)', { stage: 'P2' }],
    ['members.list (skala kecil, urut nama)', { scale: 'kecil' }],
    ['members.list (kategori pemula, urut tanggal daftar)', { targetGroup: 'pemula', sort: 'registeredOn', dir: 'desc' }],
  ] as const) {
    const ours = await measure(label, 100, (i) => call(ctx, 'members.list', { ...filters, page: i % 5 }));
    const rawFn = rawList(ctx, filters);
    const raw = await measure('raw', 100, (i) => rawFn((i % 5) * 25));
    lines.push({ name: ours.name, ours, baseline: raw, target, met: met(ours, raw) });
  }

  // 2. Name search (full-text, old spellings normalised), several names in turn.
  const names = ['siti rahayu', 'soekarno', 'djoko santoso', 'tjandra', 'warung makan', 'dewi', 'budi wijaya', 'kue basah'];
  const ours2 = await measure('members.list (cari nama: siti rahayu, soekarno, djoko santoso, …)', RUNS, (i) =>
    call(ctx, 'members.list', { search: names[i % names.length] }),
  );
  const raw2fns = names.map((n) => rawList(ctx, { search: n }));
  const raw2 = await measure('raw', RUNS, (i) => raw2fns[i % names.length](0));
  lines.push({ name: ours2.name, ours: ours2, baseline: raw2, target, met: met(ours2, raw2) });

  // 3. NIK lookup: full NIK and last 6 digits.
  const niks = (sqlite.prepare('select nik from members order by rowid desc limit 200').all() as { nik: string }[]).map((r) => r.nik);
  const ours3 = await measure('members.list (NIK lengkap)', RUNS, (i) => call(ctx, 'members.list', { search: niks[i % 50] }));
  const raw3fns = niks.slice(0, 50).map((n) => rawList(ctx, { search: n }));
  const raw3 = await measure('raw', RUNS, (i) => raw3fns[i % 50](0));
  lines.push({ name: ours3.name, ours: ours3, baseline: raw3, target, met: met(ours3, raw3) });
  const ours3b = await measure('members.list (6 digit akhir NIK)', RUNS, (i) => call(ctx, 'members.list', { search: niks[i % niks.length].slice(-6) }));
  const raw3bfns = niks.slice(0, 20).map((n) => rawList(ctx, { search: n.slice(-6) }));
  const raw3b = await measure('raw', RUNS, (i) => raw3bfns[i % 20](0));
  lines.push({ name: ours3b.name, ours: ours3b, baseline: raw3b, target, met: met(ours3b, raw3b) });

  // The fixed cost of a call (session, validation, transaction) on a trivial read, for the
  // sub-millisecond lines above where the ratio to a raw statement is dominated by it.
  const oursFixed = await measure('registrations.getSettings (biaya tetap satu panggilan API)', RUNS, () => call(ctx, 'registrations.getSettings', {}));
  const rawSetting = sqlite.prepare('select value from settings where key = ?');
  const rawFixed = await measure('raw', RUNS, () => rawSetting.get('registrations.memberNumberTemplate'));
  lines.push({ name: oursFixed.name, ours: oursFixed, baseline: rawFixed });

  return lines;
}

/** CPU time (ms) of this thread per call of `run`, which returns how many calls it made. */
async function cpuPerCall(run: () => Promise<number>): Promise<number> {
  const c0 = process.cpuUsage();
  const n = await run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / n;
}

/** Inputs for `n` new registrations, with NIKs not yet in the office. */
async function freshRegistrations(ctx: BenchContext, n: number, used: Set<string>, rng: ReturnType<typeof seededRng>): Promise<RegisterInput[]> {
  const today = jakartaDate(ctx.app.services.clock.nowIso());
  const ref = await loadReference(ctx.app.db);
  const office = await officeCodes(ctx.app.db);
  const all = [...ref.kelurahan.keys()];
  const places: DemoPlaces = { own: all.filter((k) => kelurahanOf(ref, k).kecamatan === office.kecamatan), all };
  return Array.from({ length: n }, () => {
    const r = demoRegistration(rng, places, used, today);
    if (r.registeredOn > today) r.registeredOn = today;
    return r;
  });
}

/**
 * The baseline of a registration: the same rows written with raw better-sqlite3 prepared
 * statements (member number counter, member, businesses, search index, P1 stage, the audit
 * entry chained onto the trail),
 * the values computed beforehand, `perCommit` registrations per transaction, synchronous=FULL.
 */
async function rawRegistrations(ctx: BenchContext, inputs: RegisterInput[], perCommit: number): Promise<number> {
  const { app } = ctx;
  const sqlite = app.sqlite;
  const today = jakartaDate(app.services.clock.nowIso());
  const ref = await loadReference(app.db);
  const office = await officeCodes(app.db);
  const template = await memberNumberTemplate(app.db);
  const nowIso = app.services.clock.nowIso();
  const memberCols = [
    'id',
    'member_no',
    'nik',
    'nik_rev',
    'kk',
    'full_name',
    'name_key',
    'birth_place',
    'birth_date',
    'gender',
    'education',
    'address_street',
    'rt',
    'rw',
    'kelurahan_kode',
    'phone',
    'email',
    'target_group',
    'skpd',
    'pendamping_id',
    'status',
    'registered_on',
    'created_by',
    'created_at',
    'updated_at',
  ];
  const businessCols = [
    'id',
    'member_id',
    'name',
    'name_key',
    'legal_form',
    'kbli_versi',
    'kbli_kode',
    'products',
    'address_street',
    'kelurahan_kode',
    'postal_code',
    'phone',
    'start_date',
    'place_status',
    'capital',
    'monthly_turnover',
    'employees',
    'scale',
    'npwp',
    'nib',
    'halal_status',
    'pirt_status',
    'status',
    'created_at',
    'updated_at',
  ];
  const insert = (table: string, cols: string[]) => sqlite.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`);
  const seq = sqlite.prepare(
    'insert into sequences (name, scope, value) values (?, ?, 1) on conflict (name, scope) do update set value = sequences.value + 1 returning value',
  );
  const member = insert('members', memberCols);
  const business = insert('businesses', businessCols);
  const fts = sqlite.prepare('insert into members_fts (rowid, name, businesses) values (?, ?, ?)');
  const stage = sqlite.prepare(
    "insert into member_stages (member_id, stage_code, status, completed_on, evidence, source, source_id, recorded_by, recorded_at) values (?, 'P1', 'selesai', ?, ?, 'registration', ?, ?, ?)",
  );
  const audit = sqlite.prepare(
    "insert into audit_log (seq, id, at, user_id, username, method, entity, entity_id, before, after, prev_hash, hash) values (@seq, @id, @at, null, 'bench', 'members.register', 'members', @entity_id, null, @after, @prev_hash, @hash)",
  );
  const auditHead = sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1');
  const rows = inputs.map((input) => checkRegistration(input, ref, today).value);
  const t0 = performance.now();
  const write = sqlite.transaction((slice: typeof rows, base: number) => {
    slice.forEach((checked, k) => {
      const registeredOn = inputs[base + k].registeredOn ?? today;
      const vars = { ...office, kelurahan: checked.member.kelurahan_kode, registeredOn };
      const n = (seq.get(MEMBER_SEQUENCE, memberNumberScope(template, vars)) as { value: number }).value;
      const id = app.services.newId();
      const memberNo = formatMemberNumber(template, vars, n);
      const { lastInsertRowid } = member.run({
        ...checked.member,
        id,
        member_no: memberNo,
        registered_on: registeredOn,
        created_by: null,
        created_at: nowIso,
        updated_at: nowIso,
      });
      for (const b of checked.businesses) business.run({ ...b, id: app.services.newId(), member_id: id, created_at: nowIso, updated_at: nowIso });
      const text = searchText(checked.member, checked.businesses);
      fts.run(lastInsertRowid, text.name, text.businesses);
      stage.run(id, registeredOn, `Terdaftar dengan nomor anggota ${memberNo}`, id, null, nowIso);
      // The audit entry chained onto the trail's head, as every entry is.
      const fields = {
        id: app.services.newId(),
        at: nowIso,
        user_id: null,
        username: 'bench',
        method: 'members.register',
        entity: 'members',
        entity_id: id,
        before: null,
        after: JSON.stringify({ ...checked.member, id, member_no: memberNo, businesses: checked.businesses }),
      };
      const [entry] = chainEntries((auditHead.get() as { seq: number; hash: string } | undefined) ?? null, [fields]);
      audit.run(entry);
    });
  });
  for (let i = 0; i < rows.length; i += perCommit) write(rows.slice(i, i + perCommit), i);
  return rows.length / ((performance.now() - t0) / 1000);
}

/**
 * Registrations per second through the full method (session, validation, checks, Kysely,
 * audit, group commit) with synchronous=FULL, one call at a time and 16 in flight, beside the
 * raw baseline writing the same rows in transactions of 16.
 */
export async function registrationsWriteBench(ctx: BenchContext): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const sqlite = ctx.app.sqlite;
  const sync = sqlite.pragma('synchronous', { simple: true });
  const used = new Set(sqlite.prepare('select nik from members').pluck().all() as string[]);
  const rng = seededRng(Date.now() % 1_000_000);
  // One call at a time: every call waits for its own commit (for reference).
  const REG = 500;
  const single = await freshRegistrations(ctx, REG + 10, used, rng);
  let next = 0;
  let t0 = 0;
  const ours1 = await measure(`members.register (satu per satu, synchronous=${sync === 2 ? 'FULL' : String(sync)}, ${REG} panggilan)`, REG, () => {
    if (next === 10) t0 = performance.now();
    return call(ctx, 'members.register', single[next++]);
  });
  const perSecondSingle = REG / ((performance.now() - t0) / 1000);
  lines.push({ name: `${ours1.name}: ${Math.round(perSecondSingle)} pendaftaran/detik (tiap panggilan menunggu fsync-nya sendiri)`, ours: ours1 });

  // Sixteen in flight (several counters, AJIB and pendamping working together on the office
  // server): calls that arrive together share one commit, each durable before it is answered.
  const CONCURRENT = 16;
  const N = 2000;
  const inputs = await freshRegistrations(ctx, N, used, rng);
  const latencies: number[] = [];
  let taken = 0;
  const tConcurrent = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      while (taken < N) {
        const input = inputs[taken++];
        const t = performance.now();
        await call(ctx, 'members.register', input);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const perSecond = N / ((performance.now() - tConcurrent) / 1000);
  const rawPerSecond = await rawRegistrations(ctx, await freshRegistrations(ctx, N, used, rng), CONCURRENT);
  const ratio = rawPerSecond / perSecond;
  // Where the time goes: the main thread's CPU per registration without the disk flush
  // (synchronous=OFF), through the method and for the raw baseline, 16 per commit both.
  sqlite.pragma('synchronous = OFF');
  const cpuOurs = await cpuPerCall(async () => {
    const more = await freshRegistrations(ctx, 1000, used, rng);
    let k = 0;
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        while (k < more.length) await call(ctx, 'members.register', more[k++]);
      }),
    );
    return more.length;
  });
  const rawInputs = await freshRegistrations(ctx, 1000, used, rng);
  const cpuRaw = await cpuPerCall(async () => (await rawRegistrations(ctx, rawInputs, CONCURRENT), rawInputs.length));
  sqlite.pragma('synchronous = FULL');
  ctx.log(`Waktu CPU per pendaftaran tanpa fsync (16 per commit): lewat metode ${cpuOurs.toFixed(2)} ms, mentah ${cpuRaw.toFixed(2)} ms`);
  lines.push({
    name: `members.register (${CONCURRENT} serentak, synchronous=FULL, ${N} panggilan): ${Math.round(perSecond)} pendaftaran/detik; garis dasar better-sqlite3 mentah (baris yang sama, ${CONCURRENT} per transaksi): ${Math.round(rawPerSecond)}/detik, ${ratio.toFixed(2)}× lebih cepat`,
    ours: summarize('concurrent', latencies),
    target: '> 1.000 pendaftaran/detik, ≤ 3× mentah',
    met: perSecond > 1000 && ratio <= 3,
  });
  return lines;
}

/** Importing 10,000 rows in each mode: reading and checking, staging, writing. */
export async function registrationsImportBench(ctx: BenchContext): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const used = new Set(ctx.app.sqlite.prepare('select nik from members').pluck().all() as string[]);
  const rng = seededRng(Date.now() % 1_000_000);
  const ref = await loadReference(ctx.app.db);
  const members = () => (ctx.app.sqlite.prepare('select total from member_totals').get() as { total: number }).total;
  const tenThousand = async () => spreadsheet(await freshRegistrations(ctx, 10_000, used, rng), ref);

  for (const mode of ['all_or_nothing', 'valid_only'] as const) {
    const file = await tenThousand();
    const jobId = `bench-import-${mode}`;
    // The screen's view while it runs: progress asked for every 100 ms.
    const seen = new Set<string>();
    const stopWatching = new AbortController();
    const watch = (async () => {
      while (!stopWatching.signal.aborted) {
        const p = await call(ctx, 'jobs.progress', { id: jobId });
        if (p) seen.add(`${p.stage}:${p.done}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const start = performance.now();
    const res = await ctx.app.dispatch({
      method: 'members.importRun',
      input: { fileName: 'impor-bench.xlsx', fileBase64: file, mode, confirmDuplicates: true },
      sessionToken: ctx.tokens.petugas,
      checkCsrf: false,
      jobId,
    });
    if (!res.body.ok) throw new Error(`members.importRun: ${res.body.error.message}`);
    let status: Api['members.importContinue']['output'] = res.body.value as Api['members.importRun']['output'];
    const read = performance.now() - start;
    let calls = 0;
    while (!status.done) {
      status = await call(ctx, 'members.importContinue', { jobId: status.jobId });
      calls++;
    }
    const ms = performance.now() - start;
    stopWatching.abort();
    await watch;
    const timing: Timing = { name: 'import', runs: 1, p50: ms, p95: ms, mean: ms };
    lines.push({
      name: `members.importRun ${mode} 10.000 baris XLSX (${status.inserted} ditulis, ${status.invalid} tidak sah; baca+periksa+siapkan ${(read / 1000).toFixed(2)} s, tulis ${calls} panggilan; ${seen.size} progres terlihat): ${(ms / 1000).toFixed(2)} s`,
      ours: timing,
      target: '< 5 s',
      met: ms < 5000 && status.inserted === 10_000,
    });
  }

  // Cancel in both modes: while the file is read (nothing staged), and an all-or-nothing import
  // cancelled before its final call (nothing written), a valid-only one between batches.
  const file = await tenThousand();
  const before = members();
  const input = { fileName: 'impor-bench.xlsx', fileBase64: file, confirmDuplicates: true };
  const reading = ctx.app.dispatch({
    method: 'members.importRun',
    input: { ...input, mode: 'all_or_nothing' },
    sessionToken: ctx.tokens.petugas,
    checkCsrf: false,
    jobId: 'bench-import-cancel',
  });
  while (!(await call(ctx, 'jobs.progress', { id: 'bench-import-cancel' }))) await new Promise((r) => setTimeout(r, 5));
  await ctx.app.dispatch({ method: 'jobs.cancel', input: { id: 'bench-import-cancel' }, sessionToken: ctx.tokens.petugas, checkCsrf: false });
  const cancelledWhileReading = (await reading).body;
  const staged = await call(ctx, 'members.importRun', { ...input, mode: 'all_or_nothing' });
  const cancelledWhole = await call(ctx, 'members.importCancel', { jobId: staged.jobId });
  const batched = await call(ctx, 'members.importRun', { ...input, mode: 'valid_only' });
  await call(ctx, 'members.importContinue', { jobId: batched.jobId });
  const cancelledBetween = await call(ctx, 'members.importCancel', { jobId: batched.jobId });
  const written = members() - before;
  const ok =
    !cancelledWhileReading.ok &&
    cancelledWhileReading.error.code === 'cancelled' &&
    cancelledWhole.inserted === 0 &&
    cancelledBetween.inserted === 500 &&
    written === 500;
  ctx.log(
    `Batal: saat membaca ${cancelledWhileReading.ok ? 'TIDAK dibatalkan' : cancelledWhileReading.error.code}; semua-atau-tidak sebelum panggilan akhir: ${cancelledWhole.inserted} ditulis; hanya-sah di antara kelompok: ${cancelledBetween.inserted} ditulis (${written} anggota baru) ${ok ? '✓' : '✗'}`,
  );
  return lines;
}

export async function spreadsheet(rows: RegisterInput[], ref: Reference): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Anggota');
  ws.addRow([
    'NIK',
    'Nama',
    'Tempat Lahir',
    'Tanggal Lahir',
    'Jenis Kelamin',
    'Alamat',
    'RT',
    'RW',
    'Kelurahan',
    'No. HP',
    'Nama Usaha',
    'KBLI',
    'Produk',
    'Modal',
    'Omzet',
    'Tanggal Daftar',
  ]);
  for (const r of rows) {
    const b = r.businesses[0];
    const [y, m, d] = r.birthDate.split('-');
    ws.addRow([
      r.nik,
      r.fullName,
      r.birthPlace,
      `${d}-${m}-${y}`,
      r.gender === 'L' ? 'Laki-laki' : 'Perempuan',
      r.addressStreet,
      r.rt,
      r.rw,
      kelurahanOf(ref, r.kelurahanKode).nama === 'x' ? '' : r.kelurahanKode,
      r.phone ?? '',
      b.name,
      b.kbliKode,
      b.products,
      b.capital,
      b.monthlyTurnover,
      r.registeredOn,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
