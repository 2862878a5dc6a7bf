import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifyCli } from '../../../src-main/features/permits/verify-cli';
import { extractSignedTextsFromPdf } from '../../../src-main/features/permits/verify';
import { workCountQuery, workListQuery, ajibTodayQuery } from '../../../src-main/features/permits/work';
import { makeTestApp, type TestApp } from '../../support/app';
import { extractPdfText } from '../../support/pdf';
import { ALL_REQUIREMENTS_NON_BINAAN, createMember, intakeInput, issuePermit, makeNik, setupActors, type PermitActors } from '../../support/permits-factory';

// The counter's rules: only what the office may sign, the postal code on every certificate, the
// original and its copies, verification that checks the person, and whose move it is.
let app: TestApp;
let actors: PermitActors;

beforeAll(async () => {
  app = await makeTestApp('2026-11-30T02:00:00.000Z'); // Monday 09:00 WIB
  actors = await setupActors(app);
});
afterAll(async () => {
  await app.dispose();
});

const pdfText = async (r: { base64: string }) => (await extractPdfText(Buffer.from(r.base64, 'base64'))).map((t) => t.replace(/\s+/g, ' '));
const count = async (table: 'permits' | 'members' | 'audit_log' | 'permit_prints' | 'permit_events') =>
  (
    await app.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

async function nothingWritten<T>(work: () => Promise<T>): Promise<T> {
  const before = await Promise.all([count('permits'), count('members'), count('audit_log'), count('permit_prints'), count('permit_events')]);
  const result = await work();
  expect(await Promise.all([count('permits'), count('members'), count('audit_log'), count('permit_prints'), count('permit_events')])).toEqual(before);
  return result;
}

const walkIn = (extra: Record<string, unknown> = {}) => ({
  nik: makeNik('1988-05-17', 'P', 4411),
  fullName: 'Ratna Sari',
  birthDate: '1988-05-17',
  gender: 'P',
  addressStreet: 'Jl. Cideng Barat No. 12',
  kelurahanKode: '31.71.01.1002', // Cideng, Kecamatan Gambir: she may live anywhere
  phone: '0813-1122-3344',
  businessName: 'Keripik Ratna',
  kbliKode: '10794',
  capital: 6_000_000,
  ...extra,
});
const walkInIntake = (w: Record<string, unknown>) => ({
  walkIn: w,
  channel: 'loket',
  category: 'non_binaan',
  locationType: 'menetap',
  floorAreaM2: 10,
  zone: 'permukiman',
  requirements: ALL_REQUIREMENTS_NON_BINAAN,
});

describe('only what the office may sign', () => {
  it('refuses a business outside the kecamatan, naming where it lies and where to apply, and writes nothing', async () => {
    const m = await createMember(app, { businessName: 'Toko Kue Cideng' });
    await app.db.updateTable('businesses').set({ kelurahan_kode: '31.71.01.1002' }).where('id', '=', m.businessId).execute();
    const refused = await nothingWritten(() => app.call('permits.create', intakeInput(m), actors.loket));
    expect(refused.status).toBe(400);
    expect(refused.error.message).toMatch(
      /Usaha berada di Kelurahan Cideng, Kecamatan Gambir, Kota Administrasi Jakarta Pusat, di luar wilayah Kecamatan Tanah Abang/,
    );
    expect(refused.error.message).toMatch(/arahkan pemohon ke Kantor Kecamatan Gambir/);
    expect(refused.error.fields.businessId).toBe(refused.error.message);

    // A walk-in whose business lies in Gambir: nobody is registered either.
    const walkRefused = await nothingWritten(() => app.call('permits.create', walkInIntake(walkIn()), actors.loket));
    expect(walkRefused.status).toBe(400);
    expect(walkRefused.error.fields['walkIn.kelurahanKode']).toMatch(/Kecamatan Gambir/);

    // The applicant search says so before the clerk even tries.
    const found = await app.ok('permits.applicantSearch', { query: 'Toko Kue Cideng' }, actors.loket);
    expect(found[0].businesses[0]).toMatchObject({ inArea: false, kecamatan: 'Gambir' });
  });

  it('numbers the permit with the business kelurahan, not where the holder lives', async () => {
    await app.ok('office.savePostalCodes', { entries: [{ kelurahanKode: '31.71.07.1007', postalCode: '10250' }] }, actors.admin);
    const created = await app.ok(
      'permits.create',
      walkInIntake(walkIn({ businessKelurahanKode: '31.71.07.1007', businessAddress: 'Jl. Kampung Bali XXV No. 3' })),
      actors.loket,
    );
    await app.ok('permits.transition', { id: created.id, to: 'diverifikasi' }, actors.loket);
    await app.ok('permits.transition', { id: created.id, to: 'disetujui' }, actors.supervisor);
    const issued = await app.ok('permits.transition', { id: created.id, to: 'terbit' }, actors.loket);
    expect(issued.number).toMatch(/^503\/\d{4}\/IUMK\/1007\/XI\/2026$/);
    const member = await app.db.selectFrom('members').select('kelurahan_kode').where('id', '=', created.memberId).executeTakeFirstOrThrow();
    expect(member.kelurahan_kode).toBe('31.71.01.1002');

    // Moved out of the kecamatan after intake: not issued.
    const m = await createMember(app);
    const { id } = await app.ok('permits.create', intakeInput(m), actors.loket);
    await app.ok('permits.transition', { id, to: 'diverifikasi' }, actors.loket);
    await app.ok('permits.transition', { id, to: 'disetujui' }, actors.supervisor);
    await app.db.updateTable('businesses').set({ kelurahan_kode: '31.71.01.1001' }).where('id', '=', m.businessId).execute();
    const late = await nothingWritten(() => app.call('permits.transition', { id, to: 'terbit' }, actors.loket));
    expect(late.status).toBe(400);
    expect(late.error.message).toMatch(/Kecamatan Gambir/);
  });

  it('prints the postal code on every certificate: the business own, else its kelurahan one; none is refused', async () => {
    const own = await createMember(app, { businessName: 'Jahit Rapi' }); // postal code 10240 of its own
    const none = await createMember(app, { businessName: 'Sablon Kampung Bali' });
    await app.db.updateTable('businesses').set({ postal_code: null, kelurahan_kode: '31.71.07.1007' }).where('id', '=', none.businessId).execute();
    const a = await issuePermit(app, actors, own);
    const b = await issuePermit(app, actors, none);
    const batch = await app.ok('permits.certificateBatch', { ids: [a.id, b.id] }, actors.loket);
    const pages = await pdfText(batch);
    expect(pages).toHaveLength(2);
    expect(pages.find((p) => p.includes('Jahit Rapi'))).toContain('Kode Pos 10240');
    expect(pages.find((p) => p.includes('Sablon Kampung Bali'))).toContain('Kode Pos 10250');
    expect((await app.ok('permits.get', { id: b.id }, actors.loket)).business.postalCode).toBe('10250');

    // Neither the business nor the office has one for Gelora: refused at intake, with what to do.
    const gelora = await createMember(app, { businessName: 'Es Teh Gelora' });
    await app.db.updateTable('businesses').set({ postal_code: null, kelurahan_kode: '31.71.07.1001' }).where('id', '=', gelora.businessId).execute();
    const refused = await nothingWritten(() => app.call('permits.create', intakeInput(gelora), actors.loket));
    expect(refused.status).toBe(400);
    expect(refused.error.message).toMatch(/Kode pos alamat usaha belum ada: Kelurahan Gelora .* Pengaturan › Kode pos kelurahan/);
  });
});

describe('the original and its copies', () => {
  it('prints the original until the clerk confirms a good print, keeps a failed print in the log, then prints SALINAN', async () => {
    const { id } = await issuePermit(app, actors);
    const first = await app.ok('permits.certificate', { id }, actors.loket);
    expect(first).toMatchObject({ kind: 'asli', copy: false });
    expect((await pdfText(first))[0]).not.toContain('SALINAN');

    // Not reported yet: no second original can slip out unnoticed.
    const again = await nothingWritten(() => app.call('permits.certificate', { id }, actors.loket));
    expect(again.status).toBe(409);
    expect(again.error.message).toMatch(/belum dilaporkan/);

    // Paper jam: reported, and the original is printed again, still without SALINAN.
    await app.ok('permits.printResult', { ids: [id], good: false, note: 'Kertas macet' }, actors.loket);
    const reprint = await app.ok('permits.certificate', { id }, actors.loket);
    expect(reprint).toMatchObject({ kind: 'asli', copy: false });
    expect((await pdfText(reprint))[0]).not.toContain('SALINAN');
    let detail = await app.ok('permits.get', { id }, actors.loket);
    expect(detail.print).toMatchObject({ originalConfirmed: false, awaitingReport: true });
    expect(detail.turn).toEqual({ holder: 'loket', action: 'report_print', mine: true });
    expect(detail.canPrint).toBe(false);

    await app.ok('permits.printResult', { ids: [id], good: true }, actors.loket);
    detail = await app.ok('permits.get', { id }, actors.loket);
    expect(detail.print).toMatchObject({ originalConfirmed: true, nextKind: 'salinan' });
    expect(detail.turn).toEqual({ holder: 'loket', action: 'hand_over', mine: true });
    const copy = await app.ok('permits.certificate', { id }, actors.loket);
    expect(copy).toMatchObject({ kind: 'salinan', copy: true });
    expect((await pdfText(copy))[0]).toContain('SALINAN');
    // A copy needs no report before the next one.
    expect((await app.ok('permits.certificate', { id }, actors.supervisor)).kind).toBe('salinan');

    detail = await app.ok('permits.get', { id }, actors.loket);
    expect(detail.prints.map((p) => `${p.kind}:${p.event}`)).toEqual([
      'asli:dicetak',
      'asli:gagal',
      'asli:dicetak',
      'asli:berhasil',
      'salinan:dicetak',
      'salinan:dicetak',
    ]);
    expect(detail.prints[1].note).toBe('Kertas macet');
    // The log cannot be rewritten.
    expect(() => app.sqlite.prepare('delete from permit_prints').run()).toThrow(/append-only/);

    const nothing = await issuePermit(app, actors);
    const early = await nothingWritten(() => app.call('permits.printResult', { ids: [nothing.id], good: true }, actors.loket));
    expect(early.status).toBe(409);
    expect(early.error.message).toMatch(/belum pernah dicetak/);
  });
});

describe('verification that checks the person', () => {
  it('matches the holder NIK or its last 6 digits against the signed certificate, in the app and on the command line', async () => {
    const m = await createMember(app, { fullName: 'Sri Handayani' });
    const { id } = await issuePermit(app, actors, m);
    const cert = await app.ok('permits.certificate', { id }, actors.loket);
    const [qr] = extractSignedTextsFromPdf(Buffer.from(cert.base64, 'base64'));

    const right = await app.ok('permits.verify', { text: qr, nik: m.nik }, actors.petugas);
    expect(right.results[0]).toMatchObject({ headline: 'SAH', good: true, holder: { given: 'nik', matches: true } });
    expect(right.results[0].verdict).toContain(`NIK ${m.nik.slice(0, 4)}••••••••${m.nik.slice(12)} COCOK`);
    const last6 = await app.ok('permits.verify', { text: qr, nik: m.nik.slice(-6) }, actors.petugas);
    expect(last6.results[0]).toMatchObject({ headline: 'SAH', holder: { given: 'last6', matches: true } });

    const otherNik = makeNik('1979-09-09', 'L', 9191);
    const wrong = await app.ok('permits.verify', { text: qr, nik: otherNik }, actors.petugas);
    expect(wrong.results[0]).toMatchObject({ headline: 'NIK TIDAK COCOK', good: false, signatureValid: true, holder: { matches: false } });
    expect(wrong.results[0].verdict).toMatch(
      /^NIK TIDAK COCOK: surat ini asli .* tetapi NIK 3171••••••••9191 bukan milik pemegangnya\. Periksa kembali NIK pada KTP/,
    );
    expect(wrong.results[0].verdict).not.toContain(otherNik);
    const wrong6 = await app.ok('permits.verify', { text: qr, nik: '000000' }, actors.petugas);
    expect(wrong6.results[0]).toMatchObject({ headline: 'NIK TIDAK COCOK', holder: { given: 'last6', matches: false } });
    const bad = await app.call('permits.verify', { text: qr, nik: '12345' }, actors.petugas);
    expect(bad.status).toBe(400);
    expect(bad.error.fields.nik).toMatch(/NIK pemegang: isi 16 angka NIK atau 6 angka terakhirnya/);

    const cli = (args: string[]) => {
      const lines: string[] = [];
      const code = runVerifyCli(args, { out: (l) => lines.push(l), defaultDataDir: () => app.dir, nowIso: () => app.clock.nowIso() });
      return { code, text: lines.join('\n') };
    };
    expect(cli([qr, '--data-dir', app.dir, '--nik', m.nik])).toMatchObject({ code: 0 });
    expect(cli([qr, '--data-dir', app.dir, '--nik', m.nik.slice(-6)]).text).toMatch(/^SAH: .*COCOK/m);
    const cliWrong = cli([qr, '--data-dir', app.dir, '--nik', otherNik]);
    expect(cliWrong.code).toBe(1);
    expect(cliWrong.text).toMatch(/^NIK TIDAK COCOK/m);
    expect(cli([qr, '--nik', 'abc'])).toMatchObject({ code: 2 });
  });

  it('reports a replaced or expired permit as TIDAK BERLAKU with date and reason, never SAH first', async () => {
    const replaced = await issuePermit(app, actors);
    const cert = await app.ok('permits.certificate', { id: replaced.id }, actors.loket);
    await app.ok('permits.transition', { id: replaced.id, to: 'dicabut', reason: 'Diganti NIB 9120301234567', revokeKind: 'diganti' }, actors.supervisor);
    const r = (await app.ok('permits.verify', { pdfBase64: cert.base64 }, actors.loket)).results[0];
    expect(r).toMatchObject({ headline: 'TIDAK BERLAKU', good: false, record: { state: 'diganti' } });
    expect(r.verdict).toMatch(/^TIDAK BERLAKU sejak 2026-11-30: diganti \(Diganti NIB 9120301234567\)/);

    const expiring = await createMember(app);
    const { id } = await app.ok('permits.create', intakeInput(expiring), actors.loket);
    await app.ok('permits.transition', { id, to: 'diverifikasi' }, actors.loket);
    await app.ok('permits.transition', { id, to: 'disetujui' }, actors.supervisor);
    await app.ok('permits.transition', { id, to: 'terbit', validUntil: '2026-12-31' }, actors.loket);
    const expCert = await app.ok('permits.certificate', { id }, actors.loket);
    expect((await app.ok('permits.verify', { pdfBase64: expCert.base64 }, actors.loket)).results[0].headline).toBe('SAH');
    app.clock.set('2027-01-04T02:00:00.000Z');
    const later = await app.login('loket1', 'SandiAwal123');
    const expired = (await app.ok('permits.verify', { pdfBase64: expCert.base64 }, later)).results[0];
    expect(expired).toMatchObject({ headline: 'TIDAK BERLAKU', record: { state: 'kedaluwarsa' } });
    expect(expired.verdict).toMatch(/^TIDAK BERLAKU sejak 2026-12-31: masa berlaku berakhir/);
    app.clock.set('2026-11-30T02:00:00.000Z');
    actors.loket = await app.login('loket1', 'SandiAwal123');
  });
});

describe('whose move it is', () => {
  it('refuses a move by a role whose move it is not, says whose it is, and writes nothing', async () => {
    const m = await createMember(app);
    const { id } = await app.ok('permits.create', intakeInput(m, { verify: true }), actors.loket);
    const detail = await app.ok('permits.get', { id }, actors.loket);
    expect(detail.permit.status).toBe('diverifikasi');
    expect(detail.turn).toEqual({ holder: 'supervisor', action: 'approve', mine: false });
    expect((await app.ok('permits.get', { id }, actors.supervisor)).turn.mine).toBe(true);
    const refused = await nothingWritten(() => app.call('permits.transition', { id, to: 'disetujui' }, actors.loket));
    expect(refused.status).toBe(403);
    expect(refused.error.message).toMatch(/Peran Petugas loket tidak berwenang .* Giliran supervisor: menyetujui atau menolak permohonan\./);

    // Verified at the counter only with every requirement in hand.
    const other = await createMember(app);
    const incomplete = await nothingWritten(() => app.call('permits.create', intakeInput(other, { verify: true, requirements: ['ktp', 'kk'] }), actors.loket));
    expect(incomplete.status).toBe(400);
    expect(incomplete.error.fields.requirements).toMatch(/Persyaratan belum lengkap, permohonan belum dapat diverifikasi\. Belum ada: Surat pengantar RT\/RW/);
  });

  it('masks the NIK and an NPWP that is a NIK for every role, and audits a reveal', async () => {
    const m = await createMember(app);
    await app.db.updateTable('businesses').set({ npwp: m.nik }).where('id', '=', m.businessId).execute();
    const { id } = await app.ok('permits.create', intakeInput(m), actors.loket);
    for (const token of [actors.loket, actors.supervisor, actors.petugas, actors.admin]) {
      const d = await app.ok('permits.get', { id }, token);
      expect(d.member.nik).toBe(`${m.nik.slice(0, 4)}••••••••${m.nik.slice(12)}`);
      expect(d.business.npwp).toBe(d.member.nik);
    }
    expect((await app.ok('permits.applicantSearch', { query: m.nik }, actors.loket))[0].nik).toBe(`${m.nik.slice(0, 4)}••••••••${m.nik.slice(12)}`);
    expect((await app.call('permits.revealNik', { id }, actors.loket)).status).toBe(403);
    const audits = await count('audit_log');
    expect(await app.ok('permits.revealNik', { id }, actors.supervisor)).toEqual({ nik: m.nik, npwp: m.nik });
    expect(await count('audit_log')).toBe(audits + 1);
  });
});

describe('work waiting on Beranda', () => {
  it('lists each role work oldest first with counts and SLA time left', async () => {
    const fresh = await makeTestApp('2026-11-30T02:00:00.000Z');
    try {
      const a = await setupActors(fresh);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        fresh.clock.advance(60_000);
        const { id } = await fresh.ok('permits.create', intakeInput(await createMember(fresh), { verify: true }), a.loket);
        ids.push(id);
      }
      await fresh.ok('permits.create', intakeInput(await createMember(fresh)), a.loket);
      const issued = await issuePermit(fresh, a);
      const work = await fresh.ok('permits.work', {}, a.supervisor);
      expect(work.mine).toMatchObject({ approve: true, verify: true });
      expect((await fresh.ok('permits.work', {}, a.loket)).mine).toEqual({
        approve: false,
        verify: true,
        issue: true,
        print: true,
        handOver: true,
        ajib: true,
      });
      expect(Object.values((await fresh.ok('permits.work', {}, a.admin)).mine).some(Boolean)).toBe(false);
      expect(work.approve.count).toBe(3);
      expect(work.approve.rows.map((r) => r.id)).toEqual(ids);
      expect(work.approve.rows[0].sla!.left).toEqual({ kind: 'days', workingDays: 1, dueAt: '2026-12-01T09:00:00.000Z' });
      expect(work.verify.count).toBe(1);
      expect(work.print).toMatchObject({ count: 1, rows: [{ id: issued.id }] });
      expect(work.handOver.count).toBe(0);
      fresh.clock.set('2026-12-01T03:00:00.000Z');
      const tomorrow = await fresh.ok('permits.work', {}, await fresh.login('supervisor1', 'SandiAwal123'));
      expect(tomorrow.approve.rows[0].sla!.left.kind).toBe('today');
    } finally {
      await fresh.dispose();
    }
  });

  it('reads the queues through the status index, never scanning the permits', () => {
    const plan = (q: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
      const c = q.compile();
      return (app.sqlite.prepare(`explain query plan ${c.sql}`).all(...(c.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join('\n');
    };
    for (const list of ['approve', 'verify', 'issue', 'print', 'handOver'] as const) {
      const page = plan(workListQuery(app.db, list));
      expect(page, list).toMatch(/SEARCH p USING INDEX permits_status \(status=\?/);
      expect(page, list).not.toMatch(/SCAN p\b/);
      expect(page, list).not.toContain('TEMP B-TREE');
      expect(plan(workCountQuery(app.db, list)), list).toMatch(/SEARCH p USING (COVERING )?INDEX permits_status/);
    }
    expect(plan(ajibTodayQuery(app.db, '2026-11-30'))).toMatch(/SEARCH t USING INDEX ajib_tasks_day/);
  });
});
