// The load suite: one slow call never freezes the office. Over real HTTP, ten clients send
// bogus logins (as fast as they are answered: checked with scrypt until the throttle refuses
// their address), a supervisor prints a 500-certificate batch again and again and a petugas
// previews hostile spreadsheets, while another user's members.list is timed; the same list is
// timed on a quiet server first, in the same run.
import { performance } from 'node:perf_hooks';
import { startOfficeServer } from '../server/http';
import { summarize, type BenchLine } from './measure';
import { zipBombXlsx } from './hostile-files';
import type { BenchContext } from './suites';
import type { ApiResult } from '../core/api/errors';

const BATCH = 500;
const LIST_RUNS = 300;

/** What the office server answers; the value's shape is the method's, known only to the caller. */
interface Reply {
  status: number;
  body: ApiResult<unknown>;
}

interface Client {
  post(method: string, input: unknown, token?: string | null, csrf?: string | null): Promise<Reply>;
}

/** The value of a successful reply; anything else stops the bench with the status and the error. */
function valueOf(method: string, res: Reply): unknown {
  if (res.status !== 200 || !res.body.ok) throw new Error(`${method}: ${res.status} ${JSON.stringify(res.body.ok ? undefined : res.body.error)}`);
  return res.body.value;
}

function httpClient(url: string): Client {
  return {
    post: async (method, input, token, csrf) => {
      const res = await fetch(`${url}/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Cookie: `jpd_session=${token}` } : {}),
          ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
        },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: (await res.json()) as ApiResult<unknown> };
    },
  };
}

/** 500 issued permits for the batch, made once through the API and kept in the bench office. */
async function benchPermits(ctx: BenchContext): Promise<string[]> {
  const { app, tokens } = ctx;
  const ref = 'BENCH/CETAK-MASSAL';
  const have = await app.db
    .selectFrom('permits')
    .select('id')
    .where('category_ref', '=', ref)
    .where('status', '=', 'terbit')
    .orderBy('number_seq')
    .limit(BATCH)
    .execute();
  if (have.length >= BATCH) return have.map((p) => p.id);
  ctx.log(`Menyiapkan ${BATCH - have.length} izin terbit untuk cetak massal…`);
  // Businesses in the office's own kecamatan (the only ones it issues IUMK for), with the postal
  // code every certificate must carry.
  const office = await app.db.selectFrom('office').select('kecamatan_kode').executeTakeFirstOrThrow();
  const candidates = await app.db
    .selectFrom('businesses as b')
    .leftJoin('permits as p', 'p.business_id', 'b.id')
    .select(['b.id as businessId', 'b.member_id as memberId'])
    .where('p.id', 'is', null)
    .where('b.scale', '=', 'mikro')
    .where('b.kelurahan_kode', 'like', `${office.kecamatan_kode}.%`)
    .where('b.postal_code', 'is not', null)
    .orderBy('b.id')
    .limit(BATCH - have.length)
    .execute();
  const call = async (token: string, method: string, input: unknown) => {
    const res = await app.dispatch({ method, input, sessionToken: token, checkCsrf: false });
    if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
    return res.body.value as { id: string };
  };
  for (const c of candidates) {
    const { id } = await call(tokens.loket, 'permits.create', {
      memberId: c.memberId,
      businessId: c.businessId,
      channel: 'loket',
      category: 'non_binaan',
      categoryRef: ref,
      locationType: 'menetap',
      floorAreaM2: 12,
      zone: 'permukiman',
      facility: 'Kios',
      requirements: ['pengantar_rtrw', 'ktp', 'kk', 'pas_foto', 'rekomendasi_lurah'],
    });
    await call(tokens.loket, 'permits.transition', { id, to: 'diverifikasi' });
    await call(tokens.supervisor, 'permits.transition', { id, to: 'disetujui' });
    await call(tokens.loket, 'permits.transition', { id, to: 'terbit' });
  }
  return benchPermits(ctx);
}

export async function loadSuite(ctx: BenchContext): Promise<BenchLine[]> {
  const { app, tokens } = ctx;
  const ids = await benchPermits(ctx);
  const server = await startOfficeServer(app, { port: 0, rendererDir: null });
  const client = httpClient(server.url);
  try {
    const csrf = async (token: string) => (valueOf('auth.session', await client.post('auth.session', {}, token)) as { csrfToken: string }).csrfToken;
    const supervisorCsrf = await csrf(tokens.supervisor);
    const kelurahan = (app.sqlite.prepare('select kelurahan_kode k from members group by 1 order by count(*) desc limit 1').get() as { k: string }).k;
    const listInputs = [{ page: 0 }, { kelurahanKode: kelurahan, sort: 'registeredOn', dir: 'desc' }, { page: 3 }, { search: 'siti' }];
    const list = async (i: number) => {
      const t0 = performance.now();
      const res = await client.post('members.list', { ...listInputs[i % listInputs.length], pageSize: 25 }, tokens.admin);
      if (res.status !== 200) throw new Error(`members.list: ${res.status}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 20; i++) await list(i); // warm-up

    const quiet: number[] = [];
    for (let i = 0; i < LIST_RUNS; i++) quiet.push(await list(i));

    // The load, each part in a loop until the timed list is done.
    let stop = false;
    const counts = { logins: 0, loginRefused: 0, loginThrottled: 0, batches: 0, batchPages: 0, previews: 0, previewRefused: 0 };
    const hostile = [
      zipBombXlsx(320),
      zipBombXlsx(320, 64 * 1024),
      Buffer.from(['NIK;Nama', ...Array.from({ length: 60_000 }, (_, i) => `31710752048${String(i).padStart(5, '0')};Nama ${i}`)].join('\n')),
    ].map((b, i) => ({ fileName: i < 2 ? 'anggota.xlsx' : 'anggota.csv', fileBase64: b.toString('base64') }));
    const loop = async (step: (i: number) => Promise<void>) => {
      for (let i = 0; !stop; i++) await step(i);
    };
    const loads = [
      ...Array.from({ length: 10 }, (_, c) =>
        loop(async (i) => {
          const res = await client.post('auth.login', { username: `tamu${c}x${i}`, password: 'TebakSaja123' });
          counts.logins++;
          // 401: the password was checked (scrypt in the worker); 429: the throttle refused the
          // try at once, without checking it.
          if (res.status === 401) counts.loginRefused++;
          if (res.status === 429) counts.loginThrottled++;
        }),
      ),
      loop(async () => {
        const res = await client.post('permits.certificateBatch', { ids }, tokens.supervisor, supervisorCsrf);
        const batch = valueOf('permits.certificateBatch', res) as { pages: number; originals: number; ids: string[] };
        counts.batches++;
        counts.batchPages += batch.pages;
        // Originals are confirmed as the clerk would; later batches print SALINAN.
        if (batch.originals > 0) await client.post('permits.printResult', { ids: batch.ids, good: true }, tokens.supervisor, supervisorCsrf);
      }),
      loop(async (i) => {
        const res = await client.post('members.importPreview', hostile[i % hostile.length], tokens.petugas);
        counts.previews++;
        if (res.status === 400) counts.previewRefused++;
      }),
    ];
    const t0 = performance.now();
    const loaded: number[] = [];
    // Timed for as long as it takes the batch to be printed at least twice under the load.
    for (let i = 0; i < LIST_RUNS || counts.batches < 2; i++) loaded.push(await list(i));
    const seconds = (performance.now() - t0) / 1000;
    stop = true;
    await Promise.all(loads);

    ctx.log(
      `Beban selama ${seconds.toFixed(1)} s: ${counts.logins} login palsu (${counts.loginRefused} ditolak 401 sesudah scrypt, ${counts.loginThrottled} ditolak 429 oleh pembatas), ${counts.batches} cetak massal (${counts.batchPages} halaman), ${counts.previews} pratinjau berkas berbahaya (${counts.previewRefused} ditolak 400)`,
    );
    const quietTiming = summarize('quiet', quiet);
    const loadedTiming = summarize('loaded', loaded);
    ctx.log(`members.list sepi: p50 ${quietTiming.p50.toFixed(2)} ms, p95 ${quietTiming.p95.toFixed(2)} ms, maks ${quietTiming.max.toFixed(2)} ms`);
    return [
      {
        name: 'members.list pengguna lain di bawah beban (HTTP), dibanding sepi',
        ours: loadedTiming,
        baseline: quietTiming,
        showMax: true,
        target: 'p95 < 50 ms, maks < 500 ms',
        met:
          loadedTiming.p95 < 50 &&
          loadedTiming.max < 500 &&
          counts.batches >= 2 &&
          counts.previewRefused === counts.previews &&
          counts.loginRefused + counts.loginThrottled === counts.logins,
      },
    ];
  } finally {
    await server.close();
  }
}
