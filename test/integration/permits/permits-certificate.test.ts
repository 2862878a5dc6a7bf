import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPublicKeyFile, generateSigningKey, parsePublicKeyFile, signPayload } from '../../../src-main/core/signing';
import { runVerifyCli } from '../../../src-main/features/permits/verify-cli';
import { extractSignedTextsFromPdf } from '../../../src-main/features/permits/verify';
import { makeTestApp, type TestApp } from '../../support/app';
import { decodeQr, extractPdfLayout, extractPdfText, renderPdfPage } from '../../support/pdf';
import { saveScreenshot } from '../../support/screenshots';
import { createMember, issuePermit, setupActors, type PermitActors } from '../../support/permits-factory';

let app: TestApp;
let actors: PermitActors;
let tmp: string;

beforeAll(async () => {
  app = await makeTestApp('2026-11-30T02:00:00.000Z');
  actors = await setupActors(app);
  tmp = mkdtempSync(join(tmpdir(), 'jpd-permits-cert-'));
});
afterAll(async () => {
  await app.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

const pdfOf = (r: { base64: string }) => Buffer.from(r.base64, 'base64');
const flat = (s: string) => s.replace(/\s+/g, ' ');

function cli(args: string[]) {
  const lines: string[] = [];
  const code = runVerifyCli(args, { out: (l) => lines.push(l), defaultDataDir: () => join(tmp, 'none'), nowIso: () => app.clock.nowIso() });
  return { code, text: lines.join('\n') };
}

describe('IUMK certificate', () => {
  it('prints every field, a QR that decodes and verifies, a readable verification code, and SALINAN once the original is confirmed', async () => {
    const m = await createMember(app, { fullName: 'Siti Rahmawati', businessName: 'Warung Nasi Bu Siti', nib: '9120301234567' });
    await app.db.updateTable('businesses').set({ npwp: '0012345678901234' }).where('id', '=', m.businessId).execute();
    const { id, number } = await issuePermit(app, actors, m);
    const first = await app.ok('permits.certificate', { id }, actors.loket);
    expect(first.copy).toBe(false);
    const pdf = pdfOf(first);
    const [text, ...more] = await extractPdfText(pdf);
    expect(more).toHaveLength(0);
    const t = flat(text);
    for (const expected of [
      'PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA',
      'KECAMATAN TANAH ABANG',
      'SURAT IZIN USAHA MIKRO DAN KECIL',
      `Nomor: ${number}`,
      'Berdasarkan Peraturan Presiden Nomor 98 Tahun 2014',
      'Nama',
      'Siti Rahmawati',
      'NIK',
      m.nik,
      'Alamat',
      'Kel. Kebon Kacang',
      'Nomor Telepon',
      '0812-3456-7890',
      'untuk mendirikan Usaha Mikro dan Kecil yang mencakup perizinan dasar berupa menempati lokasi/domisili, melakukan kegiatan usaha baik produksi maupun penjualan barang/jasa, dengan identitas:',
      'Nama Usaha',
      'Warung Nasi Bu Siti',
      'Bentuk Usaha',
      'Perorangan',
      'NPWP',
      'Kegiatan Usaha',
      'KBLI 56103 - Kedai Makanan',
      'Sarana Usaha',
      'Kios',
      'Alamat Usaha',
      'Kec. Tanah Abang',
      'Kode Pos 10240',
      'Modal Usaha',
      'Rp 15.000.000',
      'NIB (OSS)',
      '9120301234567',
      'Pas foto',
      'Ditetapkan di',
      'Jakarta',
      'pada tanggal',
      '30 November 2026',
      'Camat Tanah Abang',
      'Dra. Maria Ulfa, M.Si.',
      'NIP. 197203151998032004',
    ]) {
      expect(t, expected).toContain(expected);
    }
    expect(t).not.toContain('SALINAN');

    // The verification code under the QR: in groups of four, at least 7 pt, also signed in the QR.
    const row = await app.db.selectFrom('permits').select('verification_code').where('id', '=', id).executeTakeFirstOrThrow();
    const grouped = row.verification_code!.match(/.{4}/g)!.join('-');
    expect(row.verification_code).toMatch(/^[2-9A-HJKMNP-TV-Z]{12}$/);
    const [layout] = await extractPdfLayout(pdf);
    const codeItem = layout.items.find((i) => i.str.includes(grouped));
    expect(codeItem, grouped).toBeDefined();
    expect(codeItem!.height).toBeGreaterThanOrEqual(7);
    const label = layout.items.find((i) => i.str === 'Kode verifikasi');
    expect(label!.height).toBeGreaterThanOrEqual(7);
    expect(label!.top).toBeLessThan(codeItem!.top);

    const page = await renderPdfPage(pdf, 1);
    saveScreenshot('permits-certificate.png', page.png);
    const qr = decodeQr(page);
    expect(qr).toMatch(/^JPD1\./);
    // The same text is printed small on the page, so software finds it without a camera.
    expect(extractSignedTextsFromPdf(pdf)).toEqual([qr]);

    const verified = await app.ok('permits.verify', { text: qr }, actors.petugas);
    expect(verified.results[0]).toMatchObject({
      signatureValid: true,
      headline: 'SAH',
      payload: { t: 'IUMK', n: number, d: '2026-11-30', b: 'Warung Nasi Bu Siti', c: row.verification_code },
      record: { state: 'aktif' },
      issuer: { officeName: 'Kantor Kecamatan Tanah Abang', kecamatanKode: '31.71.07' },
    });
    expect(verified.results[0].verdict).toMatch(/^SAH: IUMK .*diterbitkan Kantor Kecamatan Tanah Abang \(kode kecamatan 31\.71\.07\)/);
    // Read out on the phone: the code alone finds the same certificate.
    const byCode = await app.ok('permits.verify', { code: grouped.toLowerCase().replace(/-/g, ' ') }, actors.petugas);
    expect(byCode.results[0]).toMatchObject({ headline: 'SAH', payload: { n: number } });
    const fromPdf = await app.ok('permits.verify', { pdfBase64: first.base64 }, actors.petugas);
    expect(fromPdf.results[0].record?.state).toBe('aktif');

    // A changed payload (another business name) keeps the old signature: refused.
    const [prefix, body, sig] = qr!.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    payload.b = 'Usaha Lain';
    const tampered = [prefix, Buffer.from(JSON.stringify(payload)).toString('base64url'), sig].join('.');
    const bad = await app.ok('permits.verify', { text: tampered }, actors.petugas);
    expect(bad.results[0]).toMatchObject({ signatureValid: false, reason: 'signature' });

    // The clerk says the original came out well: from now on prints are copies.
    await app.ok('permits.printResult', { ids: [id], good: true }, actors.loket);
    const second = await app.ok('permits.certificate', { id }, actors.loket);
    expect(second.copy).toBe(true);
    expect(flat((await extractPdfText(pdfOf(second)))[0])).toContain('SALINAN');
    const printed = await app.db.selectFrom('permits').select('copies_printed').where('id', '=', id).executeTakeFirstOrThrow();
    expect(printed.copies_printed).toBe(2);
  });

  it('shows a revocation to verification, in the app and on the command line', async () => {
    const { id, number } = await issuePermit(app, actors);
    const cert = await app.ok('permits.certificate', { id }, actors.loket);
    const file = join(tmp, 'iumk.pdf');
    writeFileSync(file, pdfOf(cert));

    const before = cli([file, '--data-dir', app.dir]);
    expect(before.code).toBe(0);
    expect(before.text).toContain(`SAH: IUMK ${number}`);
    expect(before.text).toContain('AKTIF');

    await app.ok('permits.transition', { id, to: 'dicabut', reason: 'Usaha tidak lagi beroperasi' }, actors.supervisor);
    const after = await app.ok('permits.verify', { pdfBase64: cert.base64 }, actors.loket);
    expect(after.results[0]).toMatchObject({
      signatureValid: true,
      headline: 'DICABUT',
      good: false,
      record: { state: 'dicabut', record: { endReason: 'Usaha tidak lagi beroperasi', endedOn: '2026-11-30' } },
    });
    // Never SAH first: the verdict leads with the revocation, its date and its reason.
    expect(after.results[0].verdict).toMatch(/^DICABUT pada 2026-11-30: Usaha tidak lagi beroperasi\./);
    const revoked = cli([file, '--data-dir', app.dir]);
    expect(revoked.code).toBe(1);
    expect(revoked.text).toMatch(/^DICABUT pada 2026-11-30: Usaha tidak lagi beroperasi\./m);
    expect(revoked.text).not.toMatch(/^SAH/m);
    const refused = await app.call('permits.certificate', { id }, actors.loket);
    expect(refused.status).toBe(409);
  });

  it('checks other offices with their public key, and never crashes on garbage', async () => {
    const other = generateSigningKey();
    const foreign = signPayload({ t: 'IUMK', n: '503/0007/IUMK/1001/XI/2026', d: '2026-11-02', b: 'Toko Lain', h: 'ab' }, other);
    const unknown = await app.ok('permits.verify', { text: foreign }, actors.loket);
    expect(unknown.results[0]).toMatchObject({ signatureValid: false, reason: 'unknown_key' });
    const pem = join(tmp, 'other.pem');
    writeFileSync(pem, formatPublicKeyFile({ publicKeyPem: other.publicKeyPem, officeName: 'Kantor Kecamatan Gambir', kecamatanKode: '31.71.01' }));
    const withKey = cli([foreign, '--data-dir', app.dir, '--key', pem]);
    expect(withKey.code).toBe(0);
    // The issuing office named from its key; the revocation status only its own register knows.
    expect(withKey.text).toContain('TANDA TANGAN SAH: IUMK 503/0007/IUMK/1001/XI/2026');
    expect(withKey.text).toContain('diterbitkan Kantor Kecamatan Gambir (kode kecamatan 31.71.01)');
    expect(withKey.text).toContain('hanya dapat diperiksa di kantor penerbit');
    const withoutKey = cli([foreign, '--data-dir', app.dir]);
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.text).toContain('TIDAK SAH');

    // Our public key, exported for other offices, verifies our certificates elsewhere.
    const exported = await app.ok('permits.publicKey', {}, actors.loket);
    expect(exported.publicKeyPem).toMatch(/BEGIN PUBLIC KEY/);
    expect(parsePublicKeyFile(exported.publicKeyPem)).toMatchObject({
      keyId: exported.keyId,
      officeName: 'Kantor Kecamatan Tanah Abang',
      kecamatanKode: '31.71.07',
    });

    const garbage = join(tmp, 'garbage.pdf');
    writeFileSync(
      garbage,
      Buffer.concat([Buffer.from('%PDF-1.7\nstream\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256)), Buffer.from('endstream')]),
    );
    for (const args of [[garbage], ['JPD1.%%%.@@@'], ['JPD1.' + 'A'.repeat(5000) + '.x'], ['hello world'], []]) {
      const r = cli([...args, '--data-dir', app.dir]);
      expect([1, 2]).toContain(r.code);
    }
    for (const input of [{ text: 'JPD1.abc.def' }, { text: '\u0000'.repeat(100) }, { pdfBase64: Buffer.from('not a pdf').toString('base64') }]) {
      const r = await app.ok('permits.verify', input, actors.loket);
      expect(r.results.every((x) => !x.signatureValid)).toBe(true);
    }
  });

  it('prints a day of permits as one PDF, one page each', async () => {
    // An original printed alone whose outcome is not reported yet holds the batch back.
    const pending = await issuePermit(app, actors);
    await app.ok('permits.certificate', { id: pending.id }, actors.loket);
    const refused = await app.call('permits.certificateBatch', { issuedOn: '2026-11-30' }, actors.loket);
    expect(refused.status).toBe(409);
    expect(refused.error.message).toContain(`belum dilaporkan untuk ${pending.number}`);
    await app.ok('permits.printResult', { ids: [pending.id], good: true }, actors.loket);
    const day = await app.ok('permits.list', { issuedOn: '2026-11-30', pageSize: 200 }, actors.loket);
    const batch = await app.ok('permits.certificateBatch', { issuedOn: '2026-11-30' }, actors.loket);
    const activeToday = day.rows.filter((r) => r.status === 'terbit' || r.status === 'diserahkan').length;
    expect(batch.pages).toBe(activeToday);
    const pages = await extractPdfText(pdfOf(batch));
    expect(pages).toHaveLength(activeToday);
    expect(extractSignedTextsFromPdf(pdfOf(batch))).toHaveLength(activeToday);
    const m = await createMember(app);
    const { id } = await issuePermit(app, actors, m);
    const selection = await app.ok('permits.certificateBatch', { ids: [id] }, actors.supervisor);
    expect(selection.pages).toBe(1);
    expect(flat((await extractPdfText(pdfOf(selection)))[0])).toContain(m.businessName);
    // Every certificate of a batch is found and checked by the command line.
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await issuePermit(app, actors)).id);
    const four = await app.ok('permits.certificateBatch', { ids }, actors.loket);
    const found = extractSignedTextsFromPdf(pdfOf(four));
    expect(found).toHaveLength(4);
    const file = join(tmp, 'batch.pdf');
    writeFileSync(file, pdfOf(four));
    const r = cli([file, '--data-dir', app.dir]);
    expect(r.code).toBe(0);
    expect(r.text.match(/SAH: IUMK/g)).toHaveLength(4);
    expect(cli([join(tmp, 'missing.pdf'), '--data-dir', app.dir]).text).toContain('Berkas tidak ditemukan');
  });
});
