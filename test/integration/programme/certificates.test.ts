import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashNik, verifySignedText } from '../../../src-main/core/signing';
import { findTrainingCertificate } from '../../../src-main/features/programme';
import { makeTestApp, type TestApp } from '../../support/app';
import { decodeQr, extractPdfText, renderPdfPage } from '../../support/pdf';
import { insertMember } from '../../support/programme-factory';

// Two trainings completed in one month (November 2026): the old numbers (position among the
// graduates, month and year) gave both sessions the same numbers and changed them when another
// graduate came along. Now each graduate's number comes from the office's yearly sequence.
let app: TestApp;
let admin: string;
let petugas: string;
let supervisor: string;

beforeEach(async () => {
  app = await makeTestApp('2026-11-28T02:00:00.000Z');
  admin = await app.setup();
  petugas = await app.userWithRole(admin, 'petugas');
  supervisor = await app.userWithRole(admin, 'supervisor');
});
afterEach(async () => {
  await app.dispose();
});

const day = (date: string, topic: string) => ({
  topic,
  startsAt: `${date}T08:00`,
  endsAt: `${date}T15:00`,
  mode: 'offline',
  place: 'Aula Kantor Kecamatan Tanah Abang',
  capacity: 10,
  trainer: 'Dewi Lestari, S.E.',
  skpd: 'ppkukm_ukm',
});

/** Runs a training with these members present and completes it; returns its id. */
async function held(date: string, topic: string, names: string[]) {
  const t = await app.ok('trainings.create', day(date, topic), petugas);
  const members = [];
  for (const fullName of names) {
    const m = await insertMember(app, { fullName });
    members.push(m);
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: m.id }, petugas);
  }
  await app.ok('trainings.attendance', { trainingId: t.id, marks: members.map((m) => ({ memberId: m.id, attended: true })) }, petugas);
  const done = await app.ok('trainings.complete', { id: t.id }, petugas);
  return { id: t.id, members, done };
}

const numbersOf = (trainingId: string) =>
  app.sqlite
    .prepare('select m.full_name name, c.number from training_certificates c join members m on m.id = c.member_id where c.training_id = ? order by m.name_key')
    .all(trainingId) as { name: string; number: string }[];

describe('training certificates', () => {
  it('numbers two trainings completed in one month from one yearly sequence, distinct and stable', async () => {
    const first = await held('2026-11-10', 'Pembukuan Sederhana', ['Siti Aminah', 'Budi Hartono']);
    expect(first.done.certificates.map((c: { number: string }) => c.number)).toEqual(['0001/SERT-P2/31.71.07/XI/2026', '0002/SERT-P2/31.71.07/XI/2026']);
    const before = numbersOf(first.id);
    expect(before).toEqual([
      { name: 'Budi Hartono', number: '0001/SERT-P2/31.71.07/XI/2026' },
      { name: 'Siti Aminah', number: '0002/SERT-P2/31.71.07/XI/2026' },
    ]);

    // A second training in the same month, with a graduate whose name sorts first of all.
    const second = await held('2026-11-24', 'Foto Produk', ['Agus Salim', 'Wati Suryani', 'Cahya Dewi']);
    expect(numbersOf(second.id).map((r) => r.number)).toEqual([
      '0003/SERT-P2/31.71.07/XI/2026',
      '0004/SERT-P2/31.71.07/XI/2026',
      '0005/SERT-P2/31.71.07/XI/2026',
    ]);
    expect(numbersOf(first.id)).toEqual(before);
    const all = (app.sqlite.prepare('select number from training_certificates').all() as { number: string }[]).map((r) => r.number);
    expect(new Set(all).size).toBe(5);

    // Printed: the stored number, the same again on a reprint, which is marked SALINAN.
    const one = async () => {
      const f = await app.ok('trainings.certificate', { trainingId: first.id, memberId: first.members[0].id }, petugas);
      return { ...f, text: (await extractPdfText(Buffer.from(f.base64, 'base64')))[0] };
    };
    const original = await one();
    expect(original).toMatchObject({ number: '0002/SERT-P2/31.71.07/XI/2026', copy: false });
    expect(original.text).toContain('Nomor: 0002/SERT-P2/31.71.07/XI/2026');
    expect(original.text).not.toContain('SALINAN');
    app.clock.advance(20 * 86_400_000);
    petugas = await app.login('petugas1', 'SandiAwal123');
    const reprint = await one();
    expect(reprint).toMatchObject({ number: '0002/SERT-P2/31.71.07/XI/2026', copy: true });
    expect(reprint.text).toContain('SALINAN');
    // Apart from the mark, the page says the same: number, holder, dates, signing date.
    expect(
      reprint.text
        .replace(/SALINAN/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe(original.text.replace(/\s+/g, ' ').trim());
    expect(original.text).toContain('pada tanggal : 10 November 2026');

    // The whole session's batch: one page each, the numbers unchanged.
    const batch = await app.ok('trainings.certificates', { trainingId: second.id }, petugas);
    expect(batch.numbers).toEqual(['0003/SERT-P2/31.71.07/XI/2026', '0004/SERT-P2/31.71.07/XI/2026', '0005/SERT-P2/31.71.07/XI/2026']);
  });

  it('carries the office’s signed QR code, printed small as well, and a lookup for verifiers', async () => {
    const t = await held('2026-11-20', 'Higiene Sanitasi Pangan dan Sertifikasi Halal', ['Sri Wahyuni']);
    const file = await app.ok('trainings.certificate', { trainingId: t.id, memberId: t.members[0].id }, petugas);
    const pdf = Buffer.from(file.base64, 'base64');
    const page = await renderPdfPage(pdf, 1, 200);
    const qr = decodeQr(page);
    expect(qr).toMatch(/^JPD1\./);
    const [text] = await extractPdfText(pdf);
    expect(text.replace(/\s+/g, '')).toContain(qr!);

    const office = app.sqlite.prepare('select key_id, public_key from office').get() as { key_id: string; public_key: string };
    const verified = verifySignedText(qr, (kid) => (kid === office.key_id ? office.public_key : undefined));
    const nik = (app.sqlite.prepare('select nik from members where id = ?').get(t.members[0].id) as { nik: string }).nik;
    expect(verified).toEqual({
      ok: true,
      kid: office.key_id,
      payload: {
        t: 'SERT',
        n: '0001/SERT-P2/31.71.07/XI/2026',
        d: '2026-11-20',
        p: 'Higiene Sanitasi Pangan dan Sertifikasi Halal',
        h: hashNik(nik, office.key_id),
      },
    });

    const found = await findTrainingCertificate(app.db, '0001/SERT-P2/31.71.07/XI/2026');
    expect(found).toEqual({
      number: '0001/SERT-P2/31.71.07/XI/2026',
      issuedOn: '2026-11-20',
      holder: { name: 'Sri Wahyuni', memberNo: t.members[0].memberNo },
      training: {
        topic: 'Higiene Sanitasi Pangan dan Sertifikasi Halal',
        dates: '20 November 2026',
        trainer: 'Dewi Lestari, S.E.',
        organiser: 'Dinas PPKUKM (UKM)',
      },
      valid: true,
      revokedOn: null,
      revokeReason: null,
    });
    expect(await findTrainingCertificate(app.db, '9999/SERT-P2/31.71.07/XI/2026')).toBeNull();

    // Revoked: no longer valid, no longer printed, and the number is never given again.
    expect((await app.call('trainings.revokeCertificate', { trainingId: t.id, memberId: t.members[0].id, reason: 'x' }, petugas)).status).toBe(403);
    const noReason = await app.call('trainings.revokeCertificate', { trainingId: t.id, memberId: t.members[0].id, reason: ' ' }, supervisor);
    expect(noReason.error.fields.reason).toMatch(/^Alasan pencabutan/);
    await app.ok('trainings.revokeCertificate', { trainingId: t.id, memberId: t.members[0].id, reason: 'Peserta tercatat ganda' }, supervisor);
    expect(await findTrainingCertificate(app.db, '0001/SERT-P2/31.71.07/XI/2026')).toMatchObject({
      valid: false,
      revokedOn: '2026-11-28',
      revokeReason: 'Peserta tercatat ganda',
    });
    expect((await app.call('trainings.certificate', { trainingId: t.id, memberId: t.members[0].id }, petugas)).status).toBe(409);
    const next = await held('2026-11-27', 'Foto Produk', ['Rina Marlina']);
    expect(numbersOf(next.id)[0].number).toBe('0002/SERT-P2/31.71.07/XI/2026');
  });

  it('takes the number format from the settings, refuses a template that would repeat numbers, and never lets a number change', async () => {
    const settings = await app.ok('programme.settings', {}, admin);
    expect(settings.certificateNumberTemplate).toBe('{seq:4}/SERT-P2/{kecamatan}/{bulan_romawi}/{tahun}');
    const bad = await app.call('programme.saveSettings', { ...settings, certificateNumberTemplate: 'SERT/{kelurahan}/{bulan}' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.error.fields.certificateNumberTemplate).toContain('Format nomor sertifikat memuat bagian yang tidak dikenal: {kelurahan}');
    expect(bad.error.fields.certificateNumberTemplate).toContain('harus memuat {seq} atau {seq:N}');
    expect(bad.error.fields.certificateNumberTemplate).toContain('harus memuat {tahun}');
    await app.ok('programme.saveSettings', { ...settings, certificateNumberTemplate: 'P2-{tahun}-{seq:5}' }, admin);
    const t = await held('2026-11-25', 'Pengemasan', ['Yanti Kusuma']);
    expect(numbersOf(t.id)[0].number).toBe('P2-2026-00001');
    expect(() => app.sqlite.prepare("update training_certificates set number = 'P2-2026-00009'").run()).toThrow(/never change/);
    expect(() => app.sqlite.prepare('delete from training_certificates').run()).toThrow(/never deleted/);
  });
});

describe('certificates of trainings completed before numbers were stored', () => {
  it('are numbered by the upgrade in order of completion, and the sequence continues after them', async () => {
    const { backfillTrainingCertificates } = await import('../../../src-main/core/db/migrations/0008_audited_documents');
    const early = await held('2026-10-05', 'Pembukuan', ['Wati Suryani', 'Agus Salim']);
    const later = await held('2026-11-02', 'Foto Produk', ['Budi Hartono']);
    // The state of a database written by the previous version: completed trainings, no numbers.
    app.sqlite.exec(
      "drop trigger training_certificates_no_delete; delete from training_certificates; delete from sequences where name = 'training_certificate'",
    );
    await backfillTrainingCertificates(app.db);
    expect(numbersOf(early.id)).toEqual([
      { name: 'Agus Salim', number: '0001/SERT-P2/31.71.07/X/2026' },
      { name: 'Wati Suryani', number: '0002/SERT-P2/31.71.07/X/2026' },
    ]);
    expect(numbersOf(later.id)).toEqual([{ name: 'Budi Hartono', number: '0003/SERT-P2/31.71.07/XI/2026' }]);
    const next = await held('2026-11-20', 'Pengemasan', ['Cahya Dewi']);
    expect(numbersOf(next.id)).toEqual([{ name: 'Cahya Dewi', number: '0004/SERT-P2/31.71.07/XI/2026' }]);
  });
});

describe('verifying a training certificate', () => {
  it('says SAH for an active one of the holder, names the office, and DICABUT once revoked, in the app and on the command line', async () => {
    const { runVerifyCli } = await import('../../../src-main/features/permits/verify-cli');
    const { writeFileSync } = await import('node:fs');
    const t = await held('2026-11-20', 'Pembukuan Sederhana', ['Sri Wahyuni']);
    const file = await app.ok('trainings.certificate', { trainingId: t.id, memberId: t.members[0].id }, petugas);
    const pdfPath = join(app.dir, 'sertifikat.pdf');
    writeFileSync(pdfPath, Buffer.from(file.base64, 'base64'));
    const nik = (app.sqlite.prepare('select nik from members where id = ?').get(t.members[0].id) as { nik: string }).nik;
    const cli = (...args: string[]) => {
      const lines: string[] = [];
      const code = runVerifyCli([...args, '--data-dir', app.dir], {
        out: (l) => lines.push(l),
        defaultDataDir: () => app.dir,
        nowIso: () => app.clock.nowIso(),
      });
      return { code, text: lines.join('\n') };
    };

    const fromPdf = await app.ok('permits.verify', { pdfBase64: file.base64, nik: nik.slice(-6) }, petugas);
    expect(fromPdf.results).toHaveLength(1);
    expect(fromPdf.results[0]).toMatchObject({ headline: 'SAH', good: true, kind: 'SERT', record: { state: 'aktif' }, holder: { matches: true } });
    expect(fromPdf.results[0].verdict).toMatch(
      /^SAH: Sertifikat pelatihan 0001\/SERT-P2\/31\.71\.07\/XI\/2026 "Pembukuan Sederhana", tanggal 2026-11-20, diterbitkan .*31\.71\.07/,
    );
    const wrongPerson = await app.ok('permits.verify', { pdfBase64: file.base64, nik: '3171075506900009' }, petugas);
    expect(wrongPerson.results[0].headline).toBe('NIK TIDAK COCOK');
    const fromCli = cli(pdfPath, '--nik', nik);
    expect(fromCli.code).toBe(0);
    expect(fromCli.text).toMatch(/SAH: Sertifikat pelatihan/);

    await app.ok('trainings.revokeCertificate', { trainingId: t.id, memberId: t.members[0].id, reason: 'Peserta tercatat ganda' }, supervisor);
    const revoked = await app.ok('permits.verify', { pdfBase64: file.base64 }, petugas);
    expect(revoked.results[0]).toMatchObject({ headline: 'DICABUT', good: false });
    expect(revoked.results[0].verdict).toMatch(/^DICABUT pada 2026-11-28: Peserta tercatat ganda/);
    const cliRevoked = cli(pdfPath);
    expect(cliRevoked.code).toBe(1);
    expect(cliRevoked.text).toMatch(/DICABUT pada 2026-11-28/);
  });
});
