import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';
import { extractPdfText } from '../../support/pdf';
import { buyer, createOrder, curatedProduct, insertMemberBusiness } from '../../support/orders-factory';

// Monday 23 November 2026, 09:00 WIB. The order is dated Friday 20 November, assigned today,
// planned for Friday 27 November, handed over on Saturday 28 November, paid on 2 December.
let app: TestApp;
let admin: string;
let petugas: string;

beforeEach(async () => {
  app = await makeTestApp('2026-11-23T02:00:00.000Z');
  admin = await app.setup();
  petugas = await app.userWithRole(admin, 'petugas');
});
afterEach(async () => {
  await app.dispose();
});

/** Moves the clock on; sessions end after 30 idle minutes, so everyone signs in again. */
async function daysLater(days: number) {
  app.clock.advance(days * 86_400_000);
  admin = await app.login('admin', 'KunciPintuDepan71');
  petugas = await app.login('petugas1', 'SandiAwal123');
}

async function print(assignmentId: string, kind: 'po' | 'bast' | 'invoice', token = petugas) {
  const file = await app.ok('orders.document', { assignmentId, kind }, token);
  const text = (await extractPdfText(Buffer.from(file.base64, 'base64'))).join('\n');
  return { ...file, text };
}

/** The page's words without the copy marks. */
const withoutCopyMark = (text: string) =>
  text
    .replace(/SALINAN/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('e-order documents are dated by their event and reprinted unchanged', () => {
  it('dates the surat pesanan, BAST and kwitansi by assignment, hand-over and payment, and a reprint days later only adds SALINAN', async () => {
    const buyerId = await buyer(app, petugas);
    const member = await insertMemberBusiness(app, { ownerName: 'Sri Wahyuni', businessName: 'Dapur Bu Sri' });
    const productId = await curatedProduct(app, petugas, member.businessId);
    const order = await createOrder(app, petugas, {
      buyerId,
      orderDate: '2026-11-20',
      deliveryDate: '2026-11-27',
      items: [{ quantity: 50, unitPrice: 30_000 }],
    });
    await app.ok('orders.assign', { itemId: order.itemIds[0], parts: [{ productId, quantity: 50 }] }, petugas);
    const assignmentId = (await app.ok('orders.get', { id: order.id }, petugas)).assignments[0].id;

    const po = await print(assignmentId, 'po');
    expect(po).toMatchObject({ copy: false, documentDate: '2026-11-23' });
    expect(po.text).toContain('Tanah Abang, 23 November 2026');
    expect(po.text).toContain('Tanggal pesanan : 20 November 2026');
    expect(po.text).toContain('Pengguna petugas1');

    // Shipped, not yet handed over: the BAST is a form to sign at the hand-over, its date blank.
    for (const to of ['dikonfirmasi', 'diproduksi', 'dikirim']) await app.ok('orders.move', { assignmentId, to }, petugas);
    const form = await print(assignmentId, 'bast');
    expect(form).toMatchObject({ copy: false, documentDate: null });
    expect(form.text).toContain('Pada hari ini, ................ tanggal .............................');
    expect(form.text).not.toContain('27 November 2026');

    // Handed over a day after the planned date, recorded two days later.
    await daysLater(7);
    await app.ok('orders.move', { assignmentId, to: 'diterima', bastSigned: true, date: '2026-11-28' }, petugas);
    const bast = await print(assignmentId, 'bast');
    expect(bast).toMatchObject({ copy: false, documentDate: '2026-11-28' });
    expect(bast.text).toContain('Pada hari ini, Sabtu tanggal 28 November 2026');
    expect(bast.text).not.toContain('30 November 2026');

    // Before the payment the kwitansi is a form; its hand-over date is the actual one.
    const unpaid = await print(assignmentId, 'invoice');
    expect(unpaid.documentDate).toBeNull();
    expect(unpaid.text).toContain('Tanggal serah terima : 28 November 2026');
    expect(unpaid.text).toContain('Jakarta, .............................');

    await daysLater(3);
    await app.ok('orders.recordPayment', { assignmentId, amount: 1_500_000, paidOn: '2026-12-02' }, petugas);
    const kwitansi = await print(assignmentId, 'invoice');
    expect(kwitansi).toMatchObject({ copy: false, documentDate: '2026-12-02' });
    expect(kwitansi.text).toContain('Jakarta, 2 Desember 2026');
    expect(kwitansi.text).toContain('Tanggal serah terima : 28 November 2026');
    expect(kwitansi.text).not.toContain('27 November 2026');
    expect(kwitansi.text).not.toContain('3 Desember 2026');

    // Ten days on, another user reprints all three: same dates, same words, SALINAN added.
    await daysLater(10);
    const supervisor = await app.userWithRole(admin, 'supervisor');
    for (const [kind, original] of [
      ['po', po],
      ['bast', bast],
      ['invoice', kwitansi],
    ] as const) {
      const copy = await print(assignmentId, kind, supervisor);
      expect(copy, kind).toMatchObject({ copy: true, documentDate: original.documentDate });
      expect(copy.text, kind).toContain('SALINAN');
      expect(original.text, kind).not.toContain('SALINAN');
      expect(withoutCopyMark(copy.text), kind).toBe(withoutCopyMark(original.text));
    }
    const prints = app.sqlite.prepare('select kind, document_date, copies from order_document_prints order by kind').all();
    expect(prints).toEqual([
      { kind: 'bast', document_date: '2026-11-28', copies: 2 },
      { kind: 'invoice', document_date: '2026-12-02', copies: 2 },
      { kind: 'po', document_date: '2026-11-23', copies: 2 },
    ]);
    expect(() => app.sqlite.prepare("update order_document_prints set document_date = '2026-12-13'").run()).toThrow(/never changes/);
    const audited = app.sqlite.prepare("select count(*) n from audit_log where entity = 'order_document_prints'").get() as { n: number };
    expect(audited.n).toBe(8);
  });
});
