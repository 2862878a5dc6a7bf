// Registrations on the large office: list page, name search and NIK lookup through the API
// (app.dispatch: session, validation, transaction, Kysely) beside the same SQL run as a raw
// better-sqlite3 prepared statement; registrations per second through members.register with
// synchronous=FULL; a 10,000-row spreadsheet import.
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { BenchContext } from '../../bench/suites';
import { measure, type BenchLine, type Timing } from '../../bench/measure';
import { jakartaDate } from '../../core/clock';
import { seededRng } from '../../demo/random';
import { loadReference } from './checks';
import { demoRegistration, type DemoPlaces } from './demo';
import { countQuery, listInput, orderedPage, type ListInput } from './list';
import type { RegisterInput } from './schemas';
import { officeCodes } from './store';

const RUNS = 300;

async function call(ctx: BenchContext, method: string, input: unknown) {
  const res = await ctx.app.dispatch({ method, input, sessionToken: ctx.tokens.petugas, checkCsrf: false });
  if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
  return res.body.value as any;
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
  const total = Number((sqlite.prepare('select total from member_totals').get() as { total: number }).total);
  ctx.log(`Anggota di basis data: ${total.toLocaleString('id-ID')}`);

  // 1. A list page with a filter and a sort, paging through the first 20 pages.
  const kel = (sqlite.prepare('select kelurahan_kode k, count(*) n from members group by 1 order by 2 desc limit 1').get() as { k: string }).k;
  const listFilters = { kelurahanKode: kel, sort: 'registeredOn', dir: 'desc', pageSize: 25 } as const;
  const ours1 = await measure(`members.list (kelurahan ${kel}, urut tanggal daftar, 25/halaman)`, RUNS, (i) => call(ctx, 'members.list', { ...listFilters, page: i % 20 }));
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
    const rawFn = rawList(ctx, filters as Partial<ListInput>);
    const raw = await measure('raw', 100, (i) => rawFn((i % 5) * 25));
    lines.push({ name: ours.name, ours, baseline: raw, target, met: met(ours, raw) });
  }

  // 2. Name search (full-text, old spellings normalised), several names in turn.
  const names = ['siti rahayu', 'soekarno', 'djoko santoso', 'tjandra', 'warung makan', 'dewi', 'budi wijaya', 'kue basah'];
  const ours2 = await measure('members.list (cari nama: siti rahayu, soekarno, djoko santoso, …)', RUNS, (i) => call(ctx, 'members.list', { search: names[i % names.length] }));
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

  // 4. Registrations per second through the full method (synchronous=FULL), one call at a time:
  // every call waits for its own commit.
  const sync = sqlite.pragma('synchronous', { simple: true });
  const today = jakartaDate(ctx.app.services.clock.nowIso());
  const ref = await loadReference(ctx.app.db);
  const office = await officeCodes(ctx.app.db);
  const all = [...ref.kelurahan.keys()];
  const places: DemoPlaces = { own: all.filter((k) => ref.kelurahan.get(k)!.kecamatan === office.kecamatan), all };
  const used = new Set((sqlite.prepare('select nik from members').pluck().all() as string[]));
  const rng = seededRng(Date.now() % 1_000_000);
  const REG = 1000;
  const inputs: RegisterInput[] = [];
  for (let i = 0; i < REG + 10; i++) {
    const r = demoRegistration(rng, places, used, today);
    if (r.registeredOn! > today) r.registeredOn = today;
    inputs.push(r);
  }
  // measure() warms up with the first 10 inputs, so each call takes the next unused one.
  let next = 0;
  let t0 = 0;
  const ours4 = await measure(`members.register (synchronous=${sync === 2 ? 'FULL' : sync}, ${REG} panggilan)`, REG, () => {
    if (next === 10) t0 = performance.now();
    return call(ctx, 'members.register', inputs[next++]);
  });
  const perSecond = REG / ((performance.now() - t0) / 1000);
  // The same method with synchronous=OFF, to separate the method's own work from the fsync.
  const inputsOff: RegisterInput[] = [];
  for (let i = 0; i < 510; i++) {
    const r = demoRegistration(rng, places, used, today);
    if (r.registeredOn! > today) r.registeredOn = today;
    inputsOff.push(r);
  }
  sqlite.pragma('synchronous = OFF');
  let nextOff = 0;
  let tOff = 0;
  const oursOff = await measure('members.register (diagnosa: synchronous=OFF, 500 panggilan)', 500, () => {
    if (nextOff === 10) tOff = performance.now();
    return call(ctx, 'members.register', inputsOff[nextOff++]);
  });
  const perSecondOff = 500 / ((performance.now() - tOff) / 1000);
  sqlite.pragma('synchronous = FULL');
  lines.push({ name: `${oursOff.name}: ${Math.round(perSecondOff)} pendaftaran/detik tanpa fsync`, ours: oursOff });

  // Baseline: the fsync-bound floor, a raw one-row insert committed on its own, same pragmas.
  sqlite.exec('create temp table if not exists bench_commit (n integer)');
  sqlite.exec('create table if not exists bench_commit_disk (n integer)');
  const ins = sqlite.prepare('insert into bench_commit_disk (n) values (?)');
  const raw4 = await measure('raw', 300, (i) => ins.run(i));
  sqlite.exec('drop table bench_commit_disk');
  lines.push({
    name: `${ours4.name}: ${Math.round(perSecond)} pendaftaran/detik (garis dasar: 1 insert mentah + commit)`,
    ours: ours4,
    baseline: raw4,
    target: '> 1.000 pendaftaran/detik',
    met: perSecond > 1000,
  });

  // 4b. Sixteen registrations in flight at once (several counters, AJIB and pendamping working
  // together on the office server): calls that arrive together share one commit (group commit),
  // still with synchronous=FULL, so each is durable before it is answered.
  const CONCURRENT = 16;
  const REG_CONCURRENT = 2000;
  const inputsConcurrent: RegisterInput[] = [];
  for (let i = 0; i < REG_CONCURRENT; i++) {
    const r = demoRegistration(rng, places, used, today);
    if (r.registeredOn! > today) r.registeredOn = today;
    inputsConcurrent.push(r);
  }
  const latencies: number[] = [];
  let taken = 0;
  const tConcurrent = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      while (taken < REG_CONCURRENT) {
        const input = inputsConcurrent[taken++];
        const t = performance.now();
        await call(ctx, 'members.register', input);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const perSecondConcurrent = REG_CONCURRENT / ((performance.now() - tConcurrent) / 1000);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  lines.push({
    name: `members.register (${CONCURRENT} serentak, synchronous=FULL, ${REG_CONCURRENT} panggilan): ${Math.round(perSecondConcurrent)} pendaftaran/detik`,
    ours: { name: 'concurrent', runs: latencies.length, p50: at(0.5), p95: at(0.95), mean: latencies.reduce((a, b) => a + b, 0) / latencies.length },
    baseline: raw4,
    target: '> 1.000 pendaftaran/detik',
    met: perSecondConcurrent > 1000,
  });

  // 5. Importing 10,000 rows (all-or-nothing: one call, one transaction) and valid-only batches.
  for (const mode of ['all_or_nothing', 'valid_only'] as const) {
    const rows: RegisterInput[] = [];
    for (let i = 0; i < 10_000; i++) {
      const r = demoRegistration(rng, places, used, today);
      if (r.registeredOn! > today) r.registeredOn = today;
      rows.push(r);
    }
    const file = await spreadsheet(rows, ref);
    const start = performance.now();
    const run = await call(ctx, 'members.importRun', { fileName: 'impor-bench.xlsx', fileBase64: file, mode, confirmDuplicates: true });
    let status = run;
    while (!status.done) status = await call(ctx, 'members.importContinue', { jobId: run.jobId });
    const ms = performance.now() - start;
    const timing: Timing = { name: 'import', runs: 1, p50: ms, p95: ms, mean: ms };
    lines.push({
      name: `members.importRun ${mode} 10.000 baris XLSX (${status.inserted} ditulis, ${status.invalid} tidak sah): ${(ms / 1000).toFixed(2)} s`,
      ours: timing,
      target: '< 5 s',
      met: ms < 5000 && status.inserted === 10_000,
    });
  }
  return lines;
}

export async function spreadsheet(rows: RegisterInput[], ref: Awaited<ReturnType<typeof loadReference>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Anggota');
  ws.addRow(['NIK', 'Nama', 'Tempat Lahir', 'Tanggal Lahir', 'Jenis Kelamin', 'Alamat', 'RT', 'RW', 'Kelurahan', 'No. HP', 'Nama Usaha', 'KBLI', 'Produk', 'Modal', 'Omzet', 'Tanggal Daftar']);
  for (const r of rows) {
    const b = r.businesses[0];
    const [y, m, d] = r.birthDate.split('-');
    ws.addRow([r.nik, r.fullName, r.birthPlace, `${d}-${m}-${y}`, r.gender === 'L' ? 'Laki-laki' : 'Perempuan', r.addressStreet, r.rt, r.rw, ref.kelurahan.get(r.kelurahanKode)!.nama === 'x' ? '' : r.kelurahanKode, r.phone ?? '', b.name, b.kbliKode, b.products, b.capital, b.monthlyTurnover, r.registeredOn]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
