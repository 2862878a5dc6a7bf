import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlySummary } from '../../../src-main/features/reports/model';
import { makeTestApp, type TestApp } from '../../support/app';
import { extractPdfText } from '../../support/pdf';
import { buyer, createOrder, curatedProduct, insertMemberBusiness } from '../../support/orders-factory';
import { insertMember } from '../../support/programme-factory';

// Friday 20 November 2026, 09:00 WIB: the month is running. Figures that used to mislead: a
// session scheduled for next week counted as held, a payment dated next week counted as paid,
// "0,0% on time" printed for a month in which no permit was decided.
let app: TestApp;
let petugas: string;
let supervisor: string;
let summary: MonthlySummary;

const figure = (s: MonthlySummary, id: string) => {
  const [section, f] = id.split('.');
  return s.sections.find((x) => x.id === section)!.figures.find((x) => x.id === f)!.value;
};

async function training(date: string, names: string[], complete: boolean) {
  const t = await app.ok(
    'trainings.create',
    {
      topic: `Pelatihan ${date}`,
      startsAt: `${date}T08:00`,
      endsAt: `${date}T12:00`,
      mode: 'offline',
      place: 'Aula',
      capacity: 10,
      trainer: 'Dewi Lestari',
      skpd: 'ppkukm_ukm',
    },
    petugas,
  );
  const members = [];
  for (const n of names) {
    const m = await insertMember(app, { fullName: n });
    members.push(m);
    await app.ok('trainings.enrol', { trainingId: t.id, memberId: m.id }, petugas);
  }
  if (complete) {
    await app.ok('trainings.attendance', { trainingId: t.id, marks: members.map((m) => ({ memberId: m.id, attended: true })) }, petugas);
    await app.ok('trainings.complete', { id: t.id }, petugas);
  }
  return t.id;
}

/** An order placed on Monday 16 November for Thursday 19 November, shipped. */
async function shipped(amount: number) {
  const buyerId = await buyer(app, petugas, `Pembeli ${amount}`);
  const member = await insertMemberBusiness(app);
  const productId = await curatedProduct(app, petugas, member.businessId, { unitPrice: amount / 10 });
  const order = await createOrder(app, petugas, {
    buyerId,
    orderDate: '2026-11-16',
    deliveryDate: '2026-11-19',
    items: [{ quantity: 10, unitPrice: amount / 10 }],
  });
  await app.ok('orders.assign', { itemId: order.itemIds[0], parts: [{ productId, quantity: 10 }] }, petugas);
  const id = (await app.ok('orders.get', { id: order.id }, petugas)).assignments[0].id;
  for (const to of ['dikonfirmasi', 'diproduksi', 'dikirim']) await app.ok('orders.move', { assignmentId: id, to }, petugas);
  return id;
}

beforeAll(async () => {
  app = await makeTestApp('2026-11-16T02:00:00.000Z');
  const admin = await app.setup();
  petugas = await app.userWithRole(admin, 'petugas');
  await training('2026-11-05', ['Siti Aminah', 'Budi Hartono'], true);
  await training('2026-11-26', ['Dewi Lestari', 'Joko Susilo', 'Ani Wijaya'], false);
  const paidToday = await shipped(1_000_000);
  const paidNextWeek = await shipped(2_500_000);

  app.clock.set('2026-11-20T02:00:00.000Z');
  petugas = await app.login('petugas1', 'SandiAwal123');
  supervisor = await app.userWithRole(await app.login('admin', 'KunciPintuDepan71'), 'supervisor');
  for (const id of [paidToday, paidNextWeek]) await app.ok('orders.move', { assignmentId: id, to: 'diterima', bastSigned: true, date: '2026-11-19' }, petugas);
  await app.ok('orders.recordPayment', { assignmentId: paidToday, amount: 1_000_000, paidOn: '2026-11-20' }, petugas);
  // A payment dated next week, as a spreadsheet import or an old version could leave it.
  app.sqlite.prepare("update order_assignments set status = 'dibayar', paid_amount = 2500000, paid_on = '2026-11-27' where id = ?").run(paidNextWeek);
  summary = await app.ok('reports.monthly', { month: '2026-11' }, supervisor);
});
afterAll(async () => {
  await app.dispose();
});

describe('figures that used to mislead', () => {
  it('counts only training sessions held, with their participants', () => {
    expect(figure(summary, 'trainings.sessionsHeld')).toBe(1);
    expect(figure(summary, 'trainings.participantsEnrolled')).toBe(2);
    expect(figure(summary, 'trainings.participantsAttended')).toBe(2);
    expect(figure(summary, 'trainings.participantsCompleted')).toBe(2);
  });

  it('leaves out payments dated after today and counts those deliveries as unpaid', () => {
    expect(figure(summary, 'orders.delivered')).toBe(2);
    expect(figure(summary, 'orders.paid')).toBe(1);
    expect(figure(summary, 'orders.paidValue')).toBe(1_000_000);
    expect(figure(summary, 'orders.unpaidValue')).toBe(2_500_000);
  });

  it('shows an on-time share of nothing as "–" on screen data and in every export', async () => {
    expect(figure(summary, 'permits.onTimeShare')).toBeNull();
    expect(figure(summary, 'orders.onTimeShare')).toBe(1);
    const byChannel = summary.sections.find((s) => s.id === 'permits')!.tables.find((t) => t.id === 'byChannel')!;
    expect(byChannel.rows.map((r) => r.share)).toEqual([null, null, null, null, null]);

    const file = async (format: 'pdf' | 'xlsx' | 'csv') =>
      Buffer.from((await app.ok('reports.export', { month: '2026-11', format }, supervisor)).base64, 'base64');
    const pdf = (await extractPdfText(await file('pdf'))).join('\n');
    expect(pdf).toMatch(/Ketepatan waktu \(sesuai SLA\)\s*–/);
    expect(pdf).toMatch(/Pengiriman tepat waktu\s*100,0%/);
    expect(pdf).toMatch(/Loket\s*0\s*0\s*0\s*0\s*0\s*–/);

    const csv = (await file('csv')).toString('utf8');
    expect(csv).toContain('Ketepatan waktu (sesuai SLA);–');
    expect(csv).toContain('Pengiriman tepat waktu;100,0');
    expect(csv).toContain('Loket;0;0;0;0;0;–');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file('xlsx')) as unknown as ArrayBuffer);
    const cells = new Map<string, ExcelJS.Cell>();
    wb.eachSheet((sheet) => sheet.eachRow((row) => cells.set(row.getCell(1).text, row.getCell(2))));
    expect(cells.get('Ketepatan waktu (sesuai SLA)')!.value).toBe('–');
    expect(cells.get('Pengiriman tepat waktu')!.value).toBe(1);
    expect(cells.get('Pengiriman tepat waktu')!.numFmt).toBe('0.0%');
  });

  it('stores percentages in XLSX as the exact ratio with a percent format', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from((await app.ok('reports.export', { month: '2026-11', format: 'xlsx' }, supervisor)).base64, 'base64') as unknown as ArrayBuffer,
    );
    let progress: ExcelJS.Cell | undefined;
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.getCell(1).value === 'Capaian target tahunan' && (progress = row.getCell(2))));
    // Seven members registered this year of a target of 4,500: 0.1555...%, stored unrounded.
    const members = (app.sqlite.prepare("select count(*) n from members where registered_on >= '2026-01-01'").get() as { n: number }).n;
    expect(progress!.value).toBe(members / 4500);
    expect(progress!.numFmt).toBe('0.0%');
  });
});
