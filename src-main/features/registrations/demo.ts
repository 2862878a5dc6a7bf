// Demo members: Indonesian names (old spellings included), NIKs whose region, birth date and
// gender agree, mostly in the demo office's kelurahan, businesses with KBLI 2020 kelompok codes
// in kuliner, fesyen, kriya and jasa, dated conditions and some programme stages.
//
// Small offices (up to 1,000 members) are registered through members.register like a clerk
// would. Large ones (--members 200000) are written with prepared statements in transactions
// of 10,000 rows, after the same checks (checkRegistration) and with the same numbering and
// search index; the load leaves one audit entry instead of one per member.
import { appendAuditSync } from '../../core/audit/append';
import type { App } from '../../app';
import type { Rng } from '../../demo/random';
import type { DemoContext } from '../../demo/steps';
import { checkRegistration, loadReference, reverse, searchText, type CheckedMember, type Reference } from './checks';
import { formatMemberNumber, memberNumberScope } from './rules/member-number';
import { luhnCheckDigit } from '../../../src-shared/rules/npwp';
import type { RegisterInput } from './schemas';
import { MEMBER_SEQUENCE, memberNumberTemplate, officeCodes } from './store';

const maleFirst = [
  'Budi',
  'Agus',
  'Joko',
  'Djoko',
  'Soekarno',
  'Sukarno',
  'Slamet',
  'Bambang',
  'Tjahjono',
  'Cahyono',
  'Hendra',
  'Rudi',
  'Andi',
  'Dedi',
  'Eko',
  'Soetrisno',
  'Sutrisno',
  'Wahyu',
  'Yusuf',
  'Ahmad',
  'Muhammad',
  'Rizky',
  'Fajar',
  'Iwan',
  'Hadi',
  'Soeparman',
  'Teguh',
  'Imam',
  'Arief',
  'Dimas',
  'Oetomo',
  'Bayu',
  'Tjipto',
  'Heru',
  'Gunawan',
  'Irfan',
];
const femaleFirst = [
  'Siti',
  'Sri',
  'Dewi',
  'Ani',
  'Rina',
  'Wati',
  'Nurhayati',
  'Sumiati',
  'Djuwita',
  'Juwita',
  'Tjitjih',
  'Lestari',
  'Yuliani',
  'Fitri',
  'Indah',
  'Ratna',
  'Soekaesih',
  'Sukaesih',
  'Maria',
  'Kartini',
  'Endang',
  'Nur',
  'Aisyah',
  'Putri',
  'Rahmawati',
  'Nining',
  'Oentari',
  'Wulan',
  'Ika',
  'Yanti',
  'Mega',
  'Dian',
];
const lastNames = [
  'Santoso',
  'Wijaya',
  'Susanto',
  'Hidayat',
  'Saputra',
  'Setiawan',
  'Kurniawan',
  'Pratama',
  'Rahayu',
  'Lestari',
  'Siregar',
  'Nasution',
  'Simanjuntak',
  'Pandjaitan',
  'Panjaitan',
  'Harahap',
  'Sitompul',
  'Soepomo',
  'Supomo',
  'Hartono',
  'Wibowo',
  'Gunawan',
  'Tjandra',
  'Candra',
  'Halim',
  'Kusuma',
  'Purnomo',
  'Nugroho',
  'Suryadi',
  'Djajadi',
  'Jayadi',
  'Ramadhan',
  'Firmansyah',
  'Maulana',
  'Hakim',
  'Matondang',
  'Lubis',
  'Daulay',
  'Manurung',
  'Sembiring',
];
const birthPlaces = [
  'Jakarta',
  'Jakarta',
  'Jakarta',
  'Bogor',
  'Bekasi',
  'Tangerang',
  'Depok',
  'Bandung',
  'Cirebon',
  'Tegal',
  'Semarang',
  'Solo',
  'Yogyakarta',
  'Padang',
  'Medan',
  'Palembang',
  'Makassar',
  'Garut',
  'Kuningan',
  'Brebes',
];
const streets = [
  'Jl. Kebon Kacang Raya',
  'Jl. K.H. Mas Mansyur',
  'Jl. Karet Pasar Baru',
  'Jl. Petamburan III',
  'Jl. Bendungan Hilir Raya',
  'Jl. Kebon Melati',
  'Jl. Kampung Bali XXV',
  'Jl. Jati Bunder',
  'Jl. Penjernihan',
  'Jl. Gelora Pemuda',
  'Gg. Haji Awaludin',
  'Jl. Tanah Abang II',
  'Jl. Aipda K.S. Tubun',
  'Jl. Kota Bambu Utara',
];
// Where the person was first registered: mostly DKI kecamatan, some from outside Jakarta.
const nikRegions = [
  '317107',
  '317107',
  '317107',
  '317101',
  '317102',
  '317103',
  '317104',
  '317105',
  '317106',
  '317108',
  '317201',
  '317304',
  '317401',
  '317503',
  '320101',
  '327501',
  '327601',
  '337401',
  '320501',
];

const sectors = {
  kuliner: {
    kbli: ['56102', '56103', '56104', '10710', '10792', '10794', '11040', '10799'],
    names: ['Warung Makan', 'Kedai', 'Dapur', 'Katering', 'Kue Basah', 'Keripik', 'Nasi Uduk', 'Soto', 'Es Teh', 'Bakso', 'Gorengan', 'Roti'],
    products: [
      'Nasi uduk, lauk pauk',
      'Kue basah, lemper, risoles',
      'Keripik singkong pedas',
      'Es teh manis, kopi susu',
      'Soto Betawi',
      'Bakso urat',
      'Roti sobek, bolu pandan',
      'Katering nasi kotak',
    ],
  },
  fesyen: {
    kbli: ['14111', '14120', '13134', '47711', '15201', '14131'],
    names: ['Konveksi', 'Penjahit', 'Batik', 'Butik', 'Hijab', 'Sandal'],
    products: ['Seragam sekolah, kemeja', 'Jahit kebaya pesanan', 'Batik tulis Betawi', 'Gamis dan hijab', 'Sandal kulit'],
  },
  kriya: {
    kbli: ['16299', '32909', '23939', '32120', '13921'],
    names: ['Kerajinan', 'Anyaman', 'Souvenir', 'Gerabah', 'Manik-manik'],
    products: ['Tas anyaman plastik', 'Suvenir ondel-ondel', 'Vas gerabah', 'Kalung manik-manik', 'Sarung bantal sulam'],
  },
  jasa: {
    kbli: ['96112', '96111', '95291', '96200', '74201', '95110'],
    names: ['Salon', 'Pangkas Rambut', 'Vermak', 'Laundry', 'Foto', 'Servis Komputer'],
    products: ['Potong rambut, creambath', 'Pangkas rambut pria', 'Vermak jeans', 'Cuci kiloan', 'Foto produk dan pasfoto', 'Servis laptop'],
  },
} as const;

const targetGroupsWeighted = ['pemula', 'pemula', 'pemula', 'pemula', 'naik_kelas', 'naik_kelas', 'pencari_kerja', 'keluarga_miskin', 'disabilitas'] as const;
const skpdWeighted = ['ppkukm_ukm', 'ppkukm_ukm', 'ppkukm_ukm', 'ppkukm_ikm', 'sosial', 'parekraf', 'nakertransgi', 'ppapp', 'kpkp'] as const;
const educations = ['sd', 'smp', 'sma', 'sma', 'sma', 'diploma', 's1', 's1', null] as const;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function randomDate(rng: Rng, from: number, to: number): string {
  const y = rng.int(from, to);
  const m = rng.int(1, 12);
  const d = rng.int(1, m === 2 ? 28 : 30);
  return `${y}-${pad(m)}-${pad(d)}`;
}

function randomPhone(rng: Rng): string {
  const prefix = rng.pick(['0812', '0813', '0821', '0822', '0852', '0853', '0856', '0857', '0877', '0878', '0881', '0895', '0896']);
  let rest = '';
  for (let i = 0, n = rng.int(6, 8); i < n; i++) rest += String(rng.int(0, 9));
  return prefix + rest;
}

async function callAs<T>(app: App, token: string, method: string, input: unknown): Promise<T> {
  const res = await app.dispatch({ method, input, sessionToken: token, checkCsrf: false });
  if (!res.body.ok) throw new Error(`${method}: ${res.body.error.message}`);
  return res.body.value as T;
}

/** Kelurahan codes: the office's own (most members) and the rest of DKI. */
export interface DemoPlaces {
  own: string[];
  all: string[];
  /** The office's postal code per kelurahan, when kept (Pengaturan › Kode pos kelurahan). */
  postalCodes?: ReadonlyMap<string, string>;
}

/**
 * An NPWP for some businesses: since 2024 an individual's NPWP is their NIK (16 digits); older
 * records keep the 15-digit number, whose 9th digit is a Luhn check over the first 9.
 */
function demoNpwp(rng: Rng, nik: string, legalForm: string): string | null {
  const roll = rng.next();
  if (legalForm === 'perorangan' && roll < 0.2) return nik;
  if (roll < 0.32) {
    const head = `0${rng.int(1, 9)}${pad(rng.int(0, 999_999), 6)}`;
    return `${head}${luhnCheckDigit(head)}${pad(rng.int(11, 99), 3)}000`;
  }
  return null;
}

/** A demo registration always carries its registration date. */
export type DemoRegistration = RegisterInput & { registeredOn: string };

/** A kelurahan of the reference tables; the demo only asks for codes taken from them. */
export function kelurahanOf(ref: Reference, kode: string) {
  const kelurahan = ref.kelurahan.get(kode);
  if (!kelurahan) throw new Error(`Kelurahan ${kode} is not in the reference tables`);
  return kelurahan;
}

/** One realistic registration; `usedNiks` keeps NIKs unique across the office. */
export function demoRegistration(rng: Rng, places: DemoPlaces, usedNiks: Set<string>, today: string): DemoRegistration {
  const gender = rng.chance(0.55) ? 'P' : 'L';
  const first = rng.pick(gender === 'P' ? femaleFirst : maleFirst);
  const fullName = rng.chance(0.15) ? first : `${first} ${rng.pick(lastNames)}`;
  const birthDate = randomDate(rng, 1958, 2005);
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (gender === 'P' ? 40 : 0);
  let nik: string;
  do {
    nik = `${rng.pick(nikRegions)}${pad(day)}${m}${y.slice(2)}${pad(rng.int(1, 9999), 4)}`;
  } while (usedNiks.has(nik));
  usedNiks.add(nik);
  const kelurahanKode = rng.chance(0.85) ? rng.pick(places.own) : rng.pick(places.all);
  const addressStreet = `${rng.pick(streets)} No. ${rng.int(1, 120)}`;
  const sectorName = rng.pick(['kuliner', 'kuliner', 'kuliner', 'fesyen', 'fesyen', 'kriya', 'jasa', 'jasa'] as const);
  const businesses: RegisterInput['businesses'] = [];
  for (let b = 0, n = rng.chance(0.12) ? 2 : 1; b < n; b++) {
    const sector = sectors[b === 0 ? sectorName : rng.pick(['kuliner', 'fesyen', 'kriya', 'jasa'] as const)];
    const big = rng.chance(0.03);
    const legalForm = big ? rng.pick(['cv', 'pt_perorangan'] as const) : rng.chance(0.05) ? 'koperasi' : 'perorangan';
    const businessKelurahan = rng.chance(0.8) ? kelurahanKode : rng.pick(places.own);
    businesses.push({
      name: `${rng.pick(sector.names)} ${rng.chance(0.5) ? (gender === 'P' ? 'Bu' : 'Pak') + ' ' + first : rng.pick(lastNames)}`,
      legalForm,
      kbliKode: rng.pick(sector.kbli),
      products: rng.pick(sector.products),
      addressStreet: rng.chance(0.7) ? addressStreet : `${rng.pick(streets)} No. ${rng.int(1, 120)}`,
      kelurahanKode: businessKelurahan,
      // The kelurahan's own code, as the office keeps it (Pengaturan › Kode pos kelurahan).
      postalCode: places.postalCodes?.get(businessKelurahan) ?? null,
      phone: null,
      startDate: randomDate(rng, 2005, Number(today.slice(0, 4)) - 1),
      placeStatus: rng.pick(['milik', 'sewa', 'sewa', 'pinjam'] as const),
      capital: big ? rng.int(11, 40) * 100_000_000 : rng.int(2, 150) * 500_000,
      monthlyTurnover: big ? rng.int(30, 150) * 10_000_000 : rng.int(6, 120) * 500_000,
      employees: big ? rng.int(5, 30) : rng.int(0, 4),
      // A person's own NPWP (their NIK) is written on their first business.
      npwp: b === 0 || legalForm !== 'perorangan' ? demoNpwp(rng, nik, legalForm) : null,
      nib: rng.chance(0.3) ? `9120${pad(rng.int(0, 999_999_999), 9)}` : null,
      halalStatus: sectorName === 'kuliner' ? rng.pick(['belum', 'belum', 'proses', 'bersertifikat'] as const) : 'belum',
      pirtStatus: sectorName === 'kuliner' ? rng.pick(['belum', 'proses', 'terdaftar'] as const) : 'belum',
    });
  }
  return {
    nik,
    kk: rng.chance(0.6) ? `${nik.slice(0, 6)}${pad(rng.int(1, 28))}${pad(rng.int(1, 12))}${pad(rng.int(5, 20))}${pad(rng.int(1, 9999), 4)}` : null,
    fullName,
    birthPlace: rng.pick(birthPlaces),
    birthDate,
    gender,
    education: rng.pick(educations),
    addressStreet,
    rt: pad(rng.int(1, 15), 3),
    rw: pad(rng.int(1, 10), 3),
    kelurahanKode,
    phone: rng.chance(0.9) ? randomPhone(rng) : null,
    email: rng.chance(0.2) ? `${fullName.toLowerCase().replace(/[^a-z]+/g, '.')}${rng.int(1, 999)}@mail.id` : null,
    targetGroup: rng.pick(targetGroupsWeighted),
    skpd: rng.pick(skpdWeighted),
    pendampingId: null,
    registeredOn: randomDate(rng, 2021, Number(today.slice(0, 4))),
    businesses,
    confirmDuplicate: true,
  };
}

async function demoPlaces(app: App): Promise<DemoPlaces> {
  const office = await officeCodes(app.db);
  const ref = await loadReference(app.db);
  const all = [...ref.kelurahan.keys()];
  const codes = await app.db.selectFrom('kelurahan_postal_codes').select(['kelurahan_kode', 'postal_code']).execute();
  return {
    own: all.filter((k) => kelurahanOf(ref, k).kecamatan === office.kecamatan),
    all,
    postalCodes: new Map(codes.map((c) => [c.kelurahan_kode, c.postal_code])),
  };
}

function fixDate(input: RegisterInput, today: string) {
  if (input.registeredOn && input.registeredOn > today) input.registeredOn = today;
}

/** Writes `count` members straight into the database (large demo and bench offices). */
export async function bulkMembers(app: App, count: number, rng: Rng, today: string, log?: (l: string) => void) {
  const places = await demoPlaces(app);
  const ref = await loadReference(app.db);
  const template = await memberNumberTemplate(app.db);
  const office = await officeCodes(app.db);
  const usedNiks = new Set<string>((await app.db.selectFrom('members').select('nik').execute()).map((r) => r.nik));
  const petugas = await app.db.selectFrom('users').select('id').where('role', '=', 'petugas').executeTakeFirst();
  const userId = petugas?.id ?? null;
  const s = app.sqlite;
  const insMember =
    s.prepare(`insert into members (id, member_no, nik, nik_rev, kk, full_name, name_key, birth_place, birth_date, gender, education, address_street, rt, rw,
    kelurahan_kode, phone, email, target_group, skpd, pendamping_id, status, registered_on, created_by, created_at, updated_at)
    values (@id, @member_no, @nik, @nik_rev, @kk, @full_name, @name_key, @birth_place, @birth_date, @gender, @education, @address_street, @rt, @rw,
    @kelurahan_kode, @phone, @email, @target_group, @skpd, @pendamping_id, @status, @registered_on, @created_by, @created_at, @updated_at)`);
  const insBusiness =
    s.prepare(`insert into businesses (id, member_id, name, name_key, legal_form, kbli_versi, kbli_kode, products, address_street, kelurahan_kode, postal_code,
    phone, start_date, place_status, capital, monthly_turnover, employees, scale, npwp, nib, halal_status, pirt_status, status, created_at, updated_at)
    values (@id, @member_id, @name, @name_key, @legal_form, @kbli_versi, @kbli_kode, @products, @address_street, @kelurahan_kode, @postal_code,
    @phone, @start_date, @place_status, @capital, @monthly_turnover, @employees, @scale, @npwp, @nib, @halal_status, @pirt_status, @status, @created_at, @updated_at)`);
  const insFts = s.prepare('insert into members_fts (rowid, name, businesses) values (?, ?, ?)');
  const stageRow = s.prepare(`insert into member_stages (member_id, stage_code, status, completed_on, evidence, source, source_id, recorded_by, recorded_at,
      manual_on, manual_evidence, manual_by)
    values (?, ?, 'selesai', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // A stage recorded by hand also keeps the officer's own date and evidence (manual_*).
  const insStage = {
    run(member: string, stage: string, on: string, evidence: string, source: string, sourceId: string | null, by: string | null, at: string) {
      const manual = source === 'manual';
      stageRow.run(member, stage, on, evidence, source, sourceId, by, at, manual ? on : null, manual ? evidence : null, manual ? by : null);
    },
  };
  const insCondition = s.prepare(`insert into business_conditions (id, business_id, recorded_on, closed_temporarily, loan_trouble, turnover_drop_pct, recovered,
    sells_online, marketplace, social_media, qris, eorder, bookkeeping_app, note, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const seq = s.prepare(
    `insert into sequences (name, scope, value) values (?, ?, ?) on conflict (name, scope) do update set value = sequences.value + excluded.value returning value`,
  );

  const nowIso = app.services.clock.nowIso();
  const t0 = Date.now();
  const CHUNK = 10_000;
  let written = 0;
  while (written < count) {
    const n = Math.min(CHUNK, count - written);
    const batch: { input: DemoRegistration; checked: CheckedMember }[] = [];
    while (batch.length < n) {
      const input = demoRegistration(rng, places, usedNiks, today);
      fixDate(input, today);
      const { value, fields } = checkRegistration(input, ref, today);
      if (Object.keys(fields).length) throw new Error(`demo member fails the rules: ${JSON.stringify(fields)}`);
      batch.push({ input, checked: value });
    }
    batch.sort((a, b) => (a.input.registeredOn < b.input.registeredOn ? -1 : a.input.registeredOn > b.input.registeredOn ? 1 : 0));
    s.transaction(() => {
      // Numbers: reserve each scope's block once, then hand them out in date order.
      const scopes = new Map<string, { first: number; next: number }>();
      const scopeOf = batch.map((b) =>
        memberNumberScope(template, { ...office, kelurahan: b.checked.member.kelurahan_kode, registeredOn: b.input.registeredOn }),
      );
      const sizes = new Map<string, number>();
      for (const sc of scopeOf) sizes.set(sc, (sizes.get(sc) ?? 0) + 1);
      for (const [sc, size] of sizes) {
        const last = (seq.get(MEMBER_SEQUENCE, sc, size) as { value: number }).value;
        scopes.set(sc, { first: last - size + 1, next: last - size + 1 });
      }
      batch.forEach((b, k) => {
        const slot = scopes.get(scopeOf[k]);
        if (!slot) throw new Error(`No member numbers reserved for scope ${scopeOf[k]}`);
        const registeredOn = b.input.registeredOn;
        const memberNo = formatMemberNumber(template, { ...office, kelurahan: b.checked.member.kelurahan_kode, registeredOn }, slot.next++);
        const id = app.services.newId();
        const info = insMember.run({
          ...b.checked.member,
          nik_rev: reverse(b.checked.member.nik),
          id,
          member_no: memberNo,
          registered_on: registeredOn,
          created_by: userId,
          created_at: nowIso,
          updated_at: nowIso,
        });
        const businessIds: string[] = [];
        for (const biz of b.checked.businesses) {
          const bid = app.services.newId();
          businessIds.push(bid);
          insBusiness.run({ ...biz, id: bid, member_id: id, created_at: nowIso, updated_at: nowIso });
          if (rng.chance(0.3)) {
            const drop = rng.int(0, 80);
            insCondition.run(
              app.services.newId(),
              bid,
              registeredOn,
              rng.chance(0.3) ? 1 : 0,
              rng.chance(0.15) ? 1 : 0,
              drop,
              drop < 20 ? 1 : rng.chance(0.4) ? 1 : 0,
              rng.chance(0.5) ? 1 : 0,
              rng.chance(0.3) ? 1 : 0,
              rng.chance(0.7) ? 1 : 0,
              rng.chance(0.4) ? 1 : 0,
              rng.chance(0.1) ? 1 : 0,
              rng.chance(0.15) ? 1 : 0,
              null,
              userId,
              nowIso,
            );
          }
        }
        const t = searchText(b.checked.member, b.checked.businesses);
        insFts.run(info.lastInsertRowid, t.name, t.businesses);
        insStage.run(id, 'P1', registeredOn, `Terdaftar dengan nomor anggota ${memberNo}`, 'registration', id, userId, nowIso);
        if (rng.chance(0.45)) insStage.run(id, 'P2', registeredOn, 'Pelatihan dasar kewirausahaan di kecamatan (data demo)', 'manual', null, userId, nowIso);
        if (rng.chance(0.3)) insStage.run(id, 'P3', registeredOn, 'Kunjungan pendamping (data demo)', 'manual', null, userId, nowIso);
        if (rng.chance(0.15)) insStage.run(id, 'P5', registeredOn, 'Bazar UMKM kecamatan (data demo)', 'manual', null, userId, nowIso);
      });
    })();
    written += n;
    if (count >= 50_000 && (written % 50_000 === 0 || written === count))
      log?.(`  ${written.toLocaleString('id-ID')} anggota ditulis (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  s.transaction(() =>
    appendAuditSync(s, [
      {
        id: app.services.newId(),
        at: nowIso,
        user_id: null,
        username: 'demo',
        method: 'demo.members',
        entity: 'members',
        entity_id: null,
        before: null,
        after: JSON.stringify({ bulk: count }),
      },
    ]),
  )();
  return { count, seconds: (Date.now() - t0) / 1000 };
}

/** The demo step: registers members through the API (small offices) or in bulk (large ones). */
export async function registrationsDemo(ctx: DemoContext) {
  const { app, rng } = ctx;
  const today = ctx.today;
  if (ctx.members <= 1000) {
    const places = await demoPlaces(app);
    const used = new Set<string>();
    const pendamping = await app.db.selectFrom('users').select('id').where('is_pendamping', '=', 1).execute();
    for (let i = 0; i < ctx.members; i++) {
      const input = demoRegistration(rng, places, used, today);
      fixDate(input, today);
      if (pendamping.length && rng.chance(0.6)) input.pendampingId = rng.pick(pendamping).id;
      const created = await callAs<{ id: string; businessIds: string[] }>(app, ctx.tokens.petugas, 'members.register', input);
      if (rng.chance(0.4)) {
        const drop = rng.int(0, 80);
        await callAs(app, ctx.tokens.petugas, 'businesses.recordCondition', {
          businessId: created.businessIds[0],
          recordedOn: input.registeredOn,
          closedTemporarily: rng.chance(0.3),
          loanTrouble: rng.chance(0.15),
          turnoverDropPct: drop,
          recovered: drop < 20 || rng.chance(0.4),
          sellsOnline: rng.chance(0.5),
          marketplace: rng.chance(0.3),
          socialMedia: rng.chance(0.7),
          qris: rng.chance(0.4),
          eorder: rng.chance(0.1),
          bookkeepingApp: rng.chance(0.15),
        });
      }
    }
    ctx.log(`• ${ctx.members} anggota didaftarkan lewat API (members.register)`);
  } else {
    const r = await bulkMembers(app, ctx.members, rng, today, (line) => ctx.log(line));
    ctx.log(`• ${r.count.toLocaleString('id-ID')} anggota ditulis langsung dalam ${r.seconds.toFixed(1)} s`);
  }
}
