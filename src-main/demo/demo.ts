import { openApp, type App } from '../app';
import type { Role } from '../core/db/schema';
import { jakartaDate, type Clock } from '../core/clock';
import { seededRng } from './random';
import { demoSteps } from './steps';

/** The demo office: Kecamatan Tanah Abang, Jakarta Pusat, with one account per role. */
export const demoAccounts: { username: string; fullName: string; role: Role; password: string; isPendamping?: boolean }[] = [
  { username: 'admin', fullName: 'Rina Kusumawati', role: 'admin', password: 'MonasPagiCerah26' },
  { username: 'supervisor', fullName: 'Hendra Wijaya, S.E.', role: 'supervisor', password: 'OndelOndelMenari88' },
  { username: 'petugas', fullName: 'Siti Nurhaliza', role: 'petugas', password: 'KerakTelorPasar42', isPendamping: true },
  { username: 'loket', fullName: 'Agus Salim', role: 'loket', password: 'BajajBiruMelaju19' },
];

export const demoOffice = {
  kotaKode: '31.71',
  kecamatanKode: '31.71.07',
  name: 'Kantor Kecamatan Tanah Abang',
  provinceLabel: 'Pemerintah Provinsi Daerah Khusus Jakarta',
  address: 'Jl. K.H. Mas Mansyur No. 7, Kebon Kacang, Tanah Abang, Jakarta Pusat',
  postalCode: '10240',
  phone: '(021) 3102345',
  email: 'kec.tanahabang@jakarta.go.id',
  letterheadLines: ['PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA', 'KOTA ADMINISTRASI JAKARTA PUSAT', 'KECAMATAN TANAH ABANG'],
  signatoryName: 'Dra. Maria Ulfa, M.Si.',
  signatoryTitle: 'Camat Tanah Abang',
  signatoryNip: '197203151998032004',
  yearlyTarget: 4500,
};

/**
 * Postal codes of Tanah Abang's kelurahan (Pos Indonesia, as listed on each kelurahan's page of
 * Indonesian Wikipedia). Jakarta codes follow one pattern: 10 2 for Tanah Abang, then the
 * kelurahan digit, then 0.
 */
export const TANAH_ABANG_POSTAL_CODES: Record<string, string> = {
  '31.71.07.1001': '10270', // Gelora
  '31.71.07.1002': '10210', // Bendungan Hilir
  '31.71.07.1003': '10220', // Karet Tengsin
  '31.71.07.1004': '10260', // Petamburan
  '31.71.07.1005': '10230', // Kebon Melati
  '31.71.07.1006': '10240', // Kebon Kacang
  '31.71.07.1007': '10250', // Kampung Bali
};

/** Calls the API as a logged-in user, exactly as the transports do (minus CSRF: no browser). */
export async function callAs<T = unknown>(app: App, token: string | null, method: string, input: unknown): Promise<T> {
  const res = await app.dispatch({ method, input, sessionToken: token, checkCsrf: false });
  if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
  return res.body.value as T;
}

export async function loginAs(app: App, username: string, password: string): Promise<string> {
  const res = await app.dispatch({ method: 'auth.login', input: { username, password }, checkCsrf: false });
  if (!res.body.ok || !res.session) throw new Error(`login ${username}: ${res.body.ok ? 'no session' : res.body.error.message}`);
  return res.session;
}

export interface DemoResult {
  report: string;
}

/** Creates (or completes) a ready demo office in `dataDir` and says how to log in. */
export async function createDemoOffice(options: { dataDir: string; members?: number; clock?: Clock }): Promise<DemoResult> {
  const app = await openApp({ dataDir: options.dataDir, clock: options.clock });
  try {
    const status = await callAs<{ setupDone: boolean }>(app, null, 'office.status', {});
    const [admin, ...others] = demoAccounts;
    const extra: string[] = [];
    if (!status.setupDone) {
      const setup = await app.dispatch({
        method: 'office.setup',
        input: { office: demoOffice, admin: { username: admin.username, fullName: admin.fullName, password: admin.password } },
        checkCsrf: false,
      });
      if (!setup.body.ok) throw new Error(setup.body.error.message);
      const token = setup.session;
      if (!token) throw new Error('office.setup: tidak ada sesi admin yang dibuka');
      for (const a of others) {
        await callAs(app, token, 'users.create', {
          username: a.username,
          fullName: a.fullName,
          role: a.role,
          password: a.password,
          isPendamping: a.isPendamping ?? false,
        });
        // Demo accounts keep the listed passwords instead of asking for a new one at first login.
        await app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', a.username).execute();
      }
      // Entered once in Pengaturan: every business address of the office takes its kelurahan's code.
      await callAs(app, token, 'office.savePostalCodes', {
        entries: Object.entries(TANAH_ABANG_POSTAL_CODES).map(([kelurahanKode, postalCode]) => ({ kelurahanKode, postalCode })),
      });
      const tokens = {} as Record<Role, string>;
      for (const a of demoAccounts) tokens[a.role] = await loginAs(app, a.username, a.password);
      const ctx = {
        app,
        tokens,
        members: options.members ?? 300,
        rng: seededRng(),
        today: jakartaDate(app.services.clock.nowIso()),
        log: (l: string) => extra.push(l),
      };
      for (const step of demoSteps) {
        await step.run(ctx);
      }
    } else {
      extra.push('Kantor sudah ada di folder ini; data demo tidak ditambahkan lagi.');
    }
    const lines = [
      `Kantor demo siap: ${demoOffice.name} (${demoOffice.kecamatanKode}), data di ${options.dataDir}`,
      '',
      'Akun demo (nama pengguna / kata sandi / peran):',
      ...demoAccounts.map((a) => `  ${a.username.padEnd(11)} ${a.password.padEnd(20)} ${a.role}`),
      ...(extra.length ? ['', ...extra] : []),
      '',
      `Jalankan: npm start -- --serve --data-dir "${options.dataDir}"`,
    ];
    return { report: lines.join('\n') };
  } finally {
    await app.close();
  }
}
