import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackageFile } from '../../../src-main/features/reports/closing/package';
import type { MonthlySummary } from '../../../src-main/features/reports/model';
import { makeTestApp, type TestApp } from '../../support/app';
import { extractPdfText } from '../../support/pdf';
import { buyer, createOrder } from '../../support/orders-factory';
import { insertMember } from '../../support/programme-factory';

// November 2026 has three e-orders. The supervisor closes November on 2 December; on
// 3 December one November order is cancelled. November's report stays as it was reported; the
// cancellation shows as a correction in December. December closes on 5 January with that
// correction in its package; a second cancellation in January shows in January.
let app: TestApp;
let admin: string;
let petugas: string;
let supervisor: string;
const orders: string[] = [];

const SUPERVISOR = { username: 'kasatpel', password: 'SupervisorKu2026' };

async function relogin() {
  admin = await app.login('admin', 'KunciPintuDepan71');
  petugas = await app.login('petugas1', 'SandiAwal123');
  supervisor = await app.login(SUPERVISOR.username, SUPERVISOR.password);
}

const monthly = (month: string, kelurahan?: string) => app.ok('reports.monthly', { month, kelurahan }, supervisor);
const figure = (s: MonthlySummary, id: string) => {
  const [section, f] = id.split('.');
  return s.sections.find((x) => x.id === section)!.figures.find((x) => x.id === f)?.value;
};
const correctionRows = (s: MonthlySummary) => s.sections.find((x) => x.id === 'corrections')?.tables[0].rows ?? null;
const exportText = async (month: string, format: 'pdf' | 'csv') => {
  const bytes = Buffer.from((await app.ok('reports.export', { month, format }, supervisor)).base64, 'base64');
  return format === 'pdf' ? (await extractPdfText(bytes)).join('\n') : bytes.toString('utf8');
};

beforeAll(async () => {
  app = await makeTestApp('2026-11-10T02:00:00.000Z');
  admin = await app.setup();
  petugas = await app.userWithRole(admin, 'petugas');
  await app.ok('users.create', { username: SUPERVISOR.username, fullName: 'Hendra Wijaya, S.E.', role: 'supervisor', password: SUPERVISOR.password }, admin);
  // As if the supervisor had already replaced the admin-set password.
  await app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', SUPERVISOR.username).execute();
  supervisor = await app.login(SUPERVISOR.username, SUPERVISOR.password);
  const buyerId = await buyer(app, petugas);
  for (const qty of [10, 20, 30])
    orders.push(
      (await createOrder(app, petugas, { buyerId, orderDate: '2026-11-10', deliveryDate: '2026-11-20', items: [{ quantity: qty, unitPrice: 25_000 }] })).id,
    );
  await insertMember(app, { fullName: 'Siti Aminah' });
  app.clock.set('2026-12-02T03:00:00.000Z');
  await relogin();
});
afterAll(async () => {
  await app.dispose();
});

describe('month closing', () => {
  it('closes an ended month only, by a supervisor, once', async () => {
    const running = await app.call('reports.closeMonth', { month: '2026-12' }, supervisor);
    expect(running.status).toBe(400);
    expect(running.error.fields.month).toBe('Bulan: Desember 2026 belum berakhir; bulan ditutup setelah berakhir');
    expect((await app.call('reports.closeMonth', { month: '2026-11' }, petugas)).status).toBe(403);
    expect((await app.call('reports.closeMonth', { month: '2026-11' }, admin)).status).toBe(403);
    expect(await app.ok('reports.closings', {}, supervisor)).toMatchObject({ closings: [], nextToClose: '2026-11', reportingMonth: null });

    const before = await monthly('2026-11');
    expect(before.status).toEqual({ state: 'open', closedAt: null, closedBy: null });
    expect((await monthly('2026-12')).status.state).toBe('provisional');

    const closed = await app.ok('reports.closeMonth', { month: '2026-11' }, supervisor);
    expect(closed).toEqual({ month: '2026-11', closedAt: '2026-12-02T03:00:00.000Z', closedBy: 'Hendra Wijaya, S.E.', corrections: 0 });
    const again = await app.call('reports.closeMonth', { month: '2026-11' }, supervisor);
    expect(again.status).toBe(409);
    expect(again.error.message).toContain('November 2026 sudah ditutup pada 2026-12-02 oleh Hendra Wijaya, S.E.');
    expect((await app.call('reports.closeMonth', { month: '2026-10' }, supervisor)).error.message).toContain('Oktober 2026 tidak dapat ditutup lagi');
    expect(await app.ok('reports.closings', {}, supervisor)).toMatchObject({
      closings: [{ month: '2026-11', closedBy: 'Hendra Wijaya, S.E.' }],
      nextToClose: null,
      reportingMonth: '2026-12',
    });

    const audit = app.sqlite.prepare("select username, after from audit_log where entity = 'month_closings' and method = 'reports.closeMonth'").get() as {
      username: string;
      after: string;
    };
    expect(audit.username).toBe('kasatpel');
    expect(JSON.parse(audit.after)).toMatchObject({ month: '2026-11', closedBy: { name: 'Hendra Wijaya, S.E.', role: 'supervisor' } });
    expect(() => app.sqlite.prepare("update month_closings set closed_at = 'x'").run()).toThrow(/never changes/);
    expect(() => app.sqlite.prepare('delete from month_closings').run()).toThrow(/never changes/);
  });

  it('keeps the closed report unchanged after a record changes, and shows the change as a correction in the running month', async () => {
    const frozenNov = await monthly('2026-11');
    expect(figure(frozenNov, 'orders.received')).toBe(3);
    expect(frozenNov.status).toEqual({ state: 'closed', closedAt: '2026-12-02T03:00:00.000Z', closedBy: 'Hendra Wijaya, S.E.' });
    const frozenKel = await monthly('2026-11', '31.71.07.1001');
    const pdfBefore = await exportText('2026-11', 'pdf');

    // 3 December: a November order is cancelled.
    app.clock.set('2026-12-03T03:00:00.000Z');
    await relogin();
    await app.ok('orders.cancel', { id: orders[0], reason: 'Rapat pembeli dibatalkan' }, petugas);

    const nov = await monthly('2026-11');
    expect(nov).toEqual(frozenNov);
    expect(await monthly('2026-11', '31.71.07.1001')).toEqual(frozenKel);
    // Printed again on another day: the same figures, dated by the closing.
    const pdfAfter = await exportText('2026-11', 'pdf');
    expect(pdfAfter).toBe(pdfBefore);
    expect(pdfAfter).toContain('Status: DITUTUP pada 2 Desember 2026 oleh Hendra Wijaya, S.E.');
    expect(pdfAfter).toContain('Jakarta, 2 Desember 2026');
    expect(pdfAfter).toMatch(/Pesanan diterima\s*3/);

    const dec = await monthly('2026-12');
    expect(dec.status.state).toBe('provisional');
    expect(figure(dec, 'orders.received')).toBe(0);
    expect(figure(dec, 'corrections.count')).toBe(2);
    expect(correctionRows(dec)).toEqual([
      { month: 'November 2026', label: 'Pesanan diterima', reported: 3, corrected: 2, difference: -1, type: 'int' },
      { month: 'November 2026', label: 'Nilai pesanan diterima', reported: 1_500_000, corrected: 1_250_000, difference: -250_000, type: 'rupiah' },
    ]);
    const decPdf = await exportText('2026-12', 'pdf');
    expect(decPdf).toContain('Status: SEMENTARA (bulan berjalan)');
    expect(decPdf).toContain('KOREKSI ATAS BULAN YANG SUDAH DITUTUP');
    expect(decPdf).toMatch(/November 2026\s*Pesanan diterima\s*3\s*2\s*-1/);
    const decCsv = await exportText('2026-12', 'csv');
    expect(decCsv).toContain('Status;sementara;');
    expect(decCsv).toContain('November 2026;Pesanan diterima;3;2;-1');
    expect(await exportText('2026-11', 'csv')).toContain('Status;ditutup;');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from((await app.ok('reports.export', { month: '2026-11', format: 'xlsx' }, supervisor)).base64, 'base64') as unknown as ArrayBuffer,
    );
    expect(wb.worksheets.map((w) => w.getCell('A3').value)).toEqual(
      wb.worksheets.map(() => 'Status: DITUTUP pada 2 Desember 2026 oleh Hendra Wijaya, S.E.; angka ini sesuai laporan yang dikirim.'),
    );

    // The dashboard says which months are closed and compares with what was reported.
    const dash = await app.ok('reports.dashboard', { month: '2026-12' }, supervisor);
    expect(dash.status.state).toBe('provisional');
    expect(dash.previousStatus).toMatchObject({ state: 'closed', closedBy: 'Hendra Wijaya, S.E.' });
    expect(dash.monthStates.slice(-2).map((m: { state: string }) => m.state)).toEqual(['closed', 'provisional']);
  });

  it('freezes the corrections into the next closed month, and reports later changes in the month they are made', async () => {
    app.clock.set('2027-01-05T03:00:00.000Z');
    await relogin();
    const dec = await app.ok('reports.closeMonth', { month: '2026-12' }, supervisor);
    expect(dec.corrections).toBe(2);
    const jan = await monthly('2027-01');
    expect(correctionRows(jan)).toEqual([]);
    expect(figure(jan, 'corrections.count')).toBe(0);

    await app.ok('orders.cancel', { id: orders[1], reason: 'Anggaran dialihkan' }, petugas);
    expect(correctionRows(await monthly('2027-01'))).toEqual([
      { month: 'November 2026', label: 'Pesanan diterima', reported: 2, corrected: 1, difference: -1, type: 'int' },
      { month: 'November 2026', label: 'Nilai pesanan diterima', reported: 1_250_000, corrected: 750_000, difference: -500_000, type: 'rupiah' },
    ]);
    // December as closed still shows the correction it reported.
    expect(correctionRows(await monthly('2026-12'))).toHaveLength(2);
    expect(figure(await monthly('2026-11'), 'orders.received')).toBe(3);
  });

  it('gives a signed, versioned package of figures without personal data', async () => {
    const file = await app.ok('reports.closingPackage', { month: '2026-12' }, supervisor);
    expect(file).toMatchObject({ fileName: 'paket-rekap-2026-12.json', mimeType: 'application/json' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    const office = app.sqlite.prepare('select key_id, public_key from office').get() as { key_id: string; public_key: string };
    const keys = (kid: string) => (kid === office.key_id ? office.public_key : undefined);
    const checked = verifyPackageFile(text, keys);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const pkg = checked.pkg;
    expect(pkg).toMatchObject({ format: 'jpd-month-closing', version: 1, month: '2026-12', keyId: office.key_id, closedAt: '2027-01-05T03:00:00.000Z' });
    expect(pkg.closedBy).toEqual({ username: 'kasatpel', name: 'Hendra Wijaya, S.E.', role: 'supervisor' });
    expect(pkg.office).toEqual({ kecamatanKode: '31.71.07', kecamatan: 'Tanah Abang', name: 'Kantor Kecamatan Tanah Abang' });
    expect(pkg.summaries.map((s) => s.kelurahan)).toEqual([
      null,
      ...(app.sqlite.prepare("select kode from regions where parent_kode = '31.71.07' order by nama").all() as { kode: string }[]).map((r) => r.kode),
    ]);
    expect(pkg.corrections.map((c) => [c.month, c.section, c.figure, c.difference])).toEqual([
      ['2026-11', 'orders', 'received', -1],
      ['2026-11', 'orders', 'orderedValue', -250_000],
    ]);
    // No member's name, NIK or phone number travels.
    const members = app.sqlite.prepare('select full_name, nik, phone from members').all() as { full_name: string; nik: string; phone: string | null }[];
    const personal = members.flatMap((m) => (m.phone ? [m.full_name, m.nik, m.phone] : [m.full_name, m.nik]));
    for (const value of personal) expect(text).not.toContain(value);
    const tampered = JSON.parse(text) as { package: string };
    tampered.package = tampered.package.replace('"corrected":1', '"corrected":9');
    expect(verifyPackageFile(JSON.stringify(tampered), keys)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Tanda tangan tidak cocok') as unknown,
    });
    expect(verifyPackageFile(text, () => undefined)).toMatchObject({ ok: false });
    expect((await app.call('reports.closingPackage', { month: '2027-01' }, supervisor)).status).toBe(409);
  });
});
