// The counter on the large office: each step of a walk-in, from the applicant search to the
// certificate handed over, through the API as the clerk and the supervisor call it, and the
// Beranda queues beside the same SQL as a raw prepared statement. Years of permits are added
// once (straight into the database) so the queues read a realistic register, not an empty one.
import { performance } from 'node:perf_hooks';
import type { Api, MethodName } from '../../api';
import type { BenchContext } from '../../bench/suites';
import { measure, type BenchLine, type Timing } from '../../bench/measure';
import { TANAH_ABANG_POSTAL_CODES } from '../../demo/demo';
import { workCountQuery, workListQuery } from './work';

const HISTORY = 30_000;
const WALK_INS = 40;
const STEP_TARGET_MS = 500;

async function call<M extends MethodName>(ctx: BenchContext, role: keyof BenchContext['tokens'], method: M, input: unknown): Promise<Api[M]['output']> {
  const res = await ctx.app.dispatch({ method, input, sessionToken: ctx.tokens[role], checkCsrf: false });
  if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
  // The registry answers each method with that method's output.
  return res.body.value as Api[M]['output'];
}

/** Permits of past years for in-area businesses: mostly handed over, some still in the queues. */
function addHistory(ctx: BenchContext): number {
  const sqlite = ctx.app.sqlite;
  const have = (sqlite.prepare("select count(*) n from permits where note = 'bench-riwayat'").get() as { n: number }).n;
  if (have >= HISTORY) return have;
  const businesses = sqlite
    .prepare(
      `select b.id, b.member_id from businesses b left join permits p on p.business_id = b.id
       where b.kelurahan_kode like '31.71.07.%' and b.status = 'aktif' and b.scale in ('mikro', 'kecil') and p.id is null limit ?`,
    )
    .all(HISTORY - have) as { id: string; member_id: string }[];
  const insPermit = sqlite.prepare(
    `insert into permits (id, member_id, business_id, channel, category, location_type, floor_area_m2, zone, requirements, status, number, number_year, number_seq, issued_on,
       copies_printed, postal_code, verification_code, original_confirmed_at, note, submitted_at, status_at, created_at, updated_at)
     values (?, ?, ?, 'loket', 'non_binaan', 'menetap', 12, 'permukiman', '["pengantar_rtrw","ktp","kk","pas_foto","rekomendasi_lurah"]', ?, ?, ?, ?, ?, ?, '10240', ?, ?, 'bench-riwayat', ?, ?, ?, ?)`,
  );
  const insEvent = sqlite.prepare(`insert into permit_events (id, permit_id, from_status, to_status, at, note) values (?, ?, null, 'diajukan', ?, 'bench')`);
  const statuses = [
    'diserahkan',
    'diserahkan',
    'diserahkan',
    'diserahkan',
    'diserahkan',
    'diserahkan',
    'ditolak',
    'dicabut',
    'terbit',
    'diverifikasi',
    'diajukan',
    'disetujui',
    'perlu_perbaikan',
  ];
  sqlite.transaction(() => {
    businesses.forEach((b, i) => {
      const n = have + i;
      const status = statuses[n % statuses.length];
      const year = 2020 + (n % 5);
      const day = `${year}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`;
      const at = `${day}T02:00:00.000Z`;
      const issued = ['diserahkan', 'dicabut', 'terbit'].includes(status);
      const id = ctx.app.services.newId();
      insPermit.run(
        id,
        b.member_id,
        b.id,
        status,
        issued ? `BENCH/${year}/${n}` : null,
        issued ? year + 1000 : null,
        issued ? n + 1 : null,
        issued ? day : null,
        issued ? 1 : 0,
        issued ? `B${String(n).padStart(11, '0')}` : null,
        issued && status !== 'terbit' ? at : null,
        at,
        at,
        at,
        at,
      );
      insEvent.run(ctx.app.services.newId(), id, at);
    });
  })();
  return have + businesses.length;
}

function timing(name: string, times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { name, runs: sorted.length, p50: at(0.5), p95: at(0.95), mean: sorted.reduce((s, t) => s + t, 0) / sorted.length };
}

export async function counterBench(ctx: BenchContext): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const permits = addHistory(ctx);
  ctx.log(
    `Izin di basis data: ${(ctx.app.sqlite.prepare('select count(*) n from permits').get() as { n: number }).n.toLocaleString('id-ID')} (riwayat ${permits.toLocaleString('id-ID')})`,
  );
  const codes = await call(ctx, 'loket', 'office.postalCodes', {});
  if (codes.some((k: { postalCode: string | null }) => !k.postalCode)) {
    await call(ctx, 'admin', 'office.savePostalCodes', {
      entries: Object.entries(TANAH_ABANG_POSTAL_CODES).map(([kelurahanKode, postalCode]) => ({ kelurahanKode, postalCode })),
    });
  }

  // Beranda: the queues of every role in one call, beside the approval page as raw SQL.
  const work = await measure('permits.work (Beranda: antrean semua peran)', 100, () => call(ctx, 'supervisor', 'permits.work', {}));
  // Baseline: the same ten list and count statements, prepared once, without the API or the SLA.
  const statements = (['approve', 'verify', 'issue', 'print', 'handOver'] as const).flatMap((list) =>
    [workListQuery(ctx.app.db, list).compile(), workCountQuery(ctx.app.db, list).compile()].map((c) => ({
      stmt: ctx.app.sqlite.prepare(c.sql),
      params: c.parameters as unknown[],
    })),
  );
  const raw = await measure('raw', 100, () => statements.forEach((s) => s.stmt.all(...s.params)));
  lines.push({ name: work.name, ours: work, baseline: raw, target: `< ${STEP_TARGET_MS} ms p95`, met: work.p95 < STEP_TARGET_MS });

  // A walk-in, step by step, as the counter and the supervisor make them.
  const steps: Record<string, number[]> = {};
  const time = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    (steps[step] ??= []).push(performance.now() - t0);
    return out;
  };
  const used = new Set<string>();
  const seed = Number(String(performance.now()).replace(/\D/g, '').slice(-4));
  for (let i = 0; i < WALK_INS; i++) {
    let nik: string;
    let n = seed + i;
    do {
      const day = String((n % 28) + 1).padStart(2, '0');
      nik = `317107${day}0${(n % 9) + 1}9${n % 10}${String(9000 + (n % 999)).padStart(4, '0')}`;
      n += 7919;
    } while (used.has(nik) || ctx.app.sqlite.prepare('select 1 from members where nik = ?').get(nik));
    used.add(nik);
    const birth = `19${nik.slice(10, 12)}-${nik.slice(8, 10)}-${nik.slice(6, 8)}`;
    await time('1. permits.applicantSearch (NIK 16 angka, belum terdaftar)', () => call(ctx, 'loket', 'permits.applicantSearch', { query: nik }));
    const created = await time('2. permits.create (pemohon baru + verifikasi)', () =>
      call(ctx, 'loket', 'permits.create', {
        walkIn: {
          nik,
          fullName: `Pemohon Uji ${i}`,
          birthDate: birth,
          gender: 'L',
          addressStreet: `Jl. Kebon Kacang Raya No. ${i + 1}`,
          kelurahanKode: '31.71.07.1006',
          phone: '081234567890',
          businessName: `Warung Uji ${i}`,
          kbliKode: '56103',
          capital: 8_000_000,
          monthlyTurnover: 0,
        },
        channel: 'loket',
        category: 'non_binaan',
        locationType: 'menetap',
        floorAreaM2: 12,
        zone: 'permukiman',
        requirements: ['pengantar_rtrw', 'ktp', 'kk', 'pas_foto', 'rekomendasi_lurah'],
        verify: true,
      }),
    );
    await time('3. permits.get (halaman izin)', () => call(ctx, 'loket', 'permits.get', { id: created.id }));
    await time('4. permits.work (Beranda supervisor)', () => call(ctx, 'supervisor', 'permits.work', {}));
    await time('5. permits.transition → disetujui (supervisor)', () =>
      call(ctx, 'supervisor', 'permits.transition', { id: created.id, to: 'disetujui', expectedStatus: 'diverifikasi' }),
    );
    await time('6. permits.transition → terbit (nomor)', () =>
      call(ctx, 'loket', 'permits.transition', { id: created.id, to: 'terbit', expectedStatus: 'disetujui' }),
    );
    await time('7. permits.certificate (PDF asli)', () => call(ctx, 'loket', 'permits.certificate', { id: created.id }));
    await time('8. permits.printResult (cetakan baik)', () => call(ctx, 'loket', 'permits.printResult', { ids: [created.id], good: true }));
    await time('9. permits.transition → diserahkan', () =>
      call(ctx, 'loket', 'permits.transition', { id: created.id, to: 'diserahkan', expectedStatus: 'terbit', deliveryChannel: 'loket' }),
    );
  }
  for (const [name, times] of Object.entries(steps)) {
    const t = timing(name, times);
    lines.push({ name: `Loket: ${name}`, ours: t, target: `< ${STEP_TARGET_MS} ms p95`, met: t.p95 < STEP_TARGET_MS });
  }
  return lines;
}
