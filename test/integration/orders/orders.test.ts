import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';
import { extractPdfText } from '../../support/pdf';
import { ALL_CRITERIA, buyer, createOrder, curatedProduct, insertMemberBusiness, KEL, orderInput } from '../../support/orders-factory';
import { SATURDAY_0900_WIB } from '../../support/clock';

// The test clock stands at Saturday 28 November 2026, 09:00 WIB. A delivery on Friday
// 4 December leaves 5 production days (Monday to Friday).
const FRIDAY = '2026-12-04';

let app: TestApp;
let admin: string;
let petugas: string;

beforeEach(async () => {
  app = await makeTestApp(SATURDAY_0900_WIB);
  admin = await app.setup();
  petugas = await app.userWithRole(admin, 'petugas');
});
/** Moves the clock on; sessions end after 30 idle minutes, so everyone signs in again. */
async function later(ms: number) {
  app.clock.advance(ms);
  admin = await app.login('admin', 'KunciPintuDepan71');
  petugas = await app.login('petugas1', 'SandiAwal123');
}

afterEach(async () => {
  await app.dispose();
});

const count = async (table: 'orders' | 'order_items' | 'order_assignments' | 'order_events') =>
  (
    await app.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('buyers and the curated catalogue', () => {
  it('accepts a product as lolos only with every criterion checked, tidak lolos only with a reason', async () => {
    const { businessId } = await insertMemberBusiness(app);
    const productId = await curatedProduct(app, petugas, businessId, { curate: false });
    const partial = await app.call(
      'orderProducts.curate',
      { id: productId, status: 'lolos', criteria: { ...ALL_CRITERIA, higienitas: false, foto: false } },
      petugas,
    );
    expect(partial.status).toBe(400);
    expect(partial.error.fields.criteria).toBe('Kriteria kurasi: produk lolos bila semua kriteria terpenuhi; belum: higienitas, foto');
    const noReason = await app.call('orderProducts.curate', { id: productId, status: 'tidak_lolos', criteria: ALL_CRITERIA }, petugas);
    expect(noReason.error.fields.reason).toBe('Alasan: wajib diisi bila produk tidak lolos kurasi');
    await app.ok(
      'orderProducts.curate',
      { id: productId, status: 'tidak_lolos', reason: 'Kemasan bocor', criteria: { ...ALL_CRITERIA, kemasan: false } },
      petugas,
    );
    const list = await app.ok('orderProducts.list', { status: 'tidak_lolos' }, petugas);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ curationStatus: 'tidak_lolos', curationReason: 'Kemasan bocor', critKemasan: 0, critRasa: 1 });

    // A product that has not passed curation is never proposed nor assignable.
    const buyerId = await buyer(app, petugas);
    const order = await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY });
    const proposal = await app.ok('orders.propose', { itemId: order.itemIds[0] }, petugas);
    expect(proposal.candidates).toHaveLength(0);
    const refused = await app.call('orders.assign', { itemId: order.itemIds[0], parts: [{ productId, quantity: 50 }] }, petugas);
    expect(refused.status).toBe(400);
    expect(refused.error.fields['parts.0.productId']).toContain('belum lolos kurasi');
    expect(await count('order_assignments')).toBe(0);
  });

  it('resets curation when the curated product itself changes, not when its price changes', async () => {
    const { businessId } = await insertMemberBusiness(app);
    const productId = await curatedProduct(app, petugas, businessId);
    const base = { id: productId, businessId, name: 'Nasi kotak ayam bakar', kbliKode: '56210', kind: 'nasi kotak', unit: 'kotak', dailyCapacity: 100 };
    expect((await app.ok('orderProducts.save', { ...base, unitPrice: 32_000 }, petugas)).curationStatus).toBe('lolos');
    expect((await app.ok('orderProducts.save', { ...base, unitPrice: 32_000, name: 'Nasi kotak rendang' }, petugas)).curationStatus).toBe('diajukan');
  });

  it('keeps buyers with units and the PPK, procurement officer and treasurer', async () => {
    await buyer(app, petugas);
    await app.ok(
      'orderBuyers.save',
      { name: 'PT Transjakarta', kind: 'bumd', units: ['Divisi Umum'], address: 'Jl. Mayjen Sutoyo No. 1', ppkNip: '' },
      petugas,
    );
    const bad = await app.call('orderBuyers.save', { name: 'Bank DKI', kind: 'bumn', address: 'Jl. Ir. H. Juanda No. 7' }, petugas);
    expect(bad.status).toBe(400);
    expect(bad.error.fields.kind).toBe('Jenis pembeli: harus salah satu dari: skpd, bumd, swasta, lainnya');
    const list = await app.ok('orderBuyers.list', {}, petugas);
    expect(list.rows.map((r: { name: string }) => r.name)).toEqual(['PT Transjakarta', 'Suku Dinas PPKUKM Jakarta Pusat']);
    expect(list.rows[1]).toMatchObject({
      units: ['Seksi Pemberdayaan UMKM'],
      ppkName: 'Ir. Bambang Sutrisno',
      procurementName: 'Dewi Lestari',
      treasurerName: 'Yuliana, S.E.',
    });
  });
});

describe('orders: entry, amendment, cancellation', () => {
  it('refuses bad input with Indonesian field messages and writes nothing', async () => {
    const buyerId = await buyer(app, petugas);
    const input = orderInput({ buyerId, deliveryDate: '2026-11-27', items: [{ quantity: 0 }, { quantity: 5, unitPrice: -1 }] });
    const res = await app.call('orders.create', input, petugas);
    expect(res.status).toBe(400);
    expect(res.error.fields['items.0.quantity']).toBe('Barang › baris 1 › Jumlah: harus lebih dari 0');
    expect(res.error.fields['items.1.unitPrice']).toBe('Barang › baris 2 › Harga satuan: tidak boleh kurang dari 0');

    const past = await app.call('orders.create', orderInput({ buyerId, deliveryDate: '2026-11-27' }), petugas);
    expect(past.status).toBe(400);
    expect(past.error.fields.deliveryDate).toBe('Tanggal kirim: tidak boleh sebelum hari ini');

    const noKind = await app.call(
      'orders.create',
      orderInput({ buyerId, deliveryDate: FRIDAY, items: [{ quantity: 5, kbliKode: null, kind: null }] }),
      petugas,
    );
    expect(noKind.error.fields['items.0.kind']).toContain('isi jenis produk atau KBLI');

    expect(await count('orders')).toBe(0);
    expect(await count('order_items')).toBe(0);
    // The refused calls took no order number: the next one is the first.
    const created = await app.ok('orders.create', orderInput({ buyerId, deliveryDate: FRIDAY }), petugas);
    expect(created.orderNo).toBe('EO-2026-00001');
  });

  it('amends until confirmed, then refuses; cancels with a reason', async () => {
    const buyerId = await buyer(app, petugas);
    const order = await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY, items: [{ quantity: 10 }] });
    await app.ok(
      'orders.update',
      {
        id: order.id,
        ...orderInput({
          buyerId,
          deliveryDate: FRIDAY,
          items: [{ quantity: 40 }, { description: 'Air mineral 600 ml', kind: 'air mineral', kbliKode: null, quantity: 40, unit: 'botol', unitPrice: 4_000 }],
        }),
      },
      petugas,
    );
    const amended = await app.ok('orders.get', { id: order.id }, petugas);
    expect(amended.items.map((i: { quantity: number }) => i.quantity)).toEqual([40, 40]);
    expect(amended.order.total).toBe(40 * 30_000 + 40 * 4_000);
    await app.ok('orders.confirm', { id: order.id }, petugas);
    const late = await app.call('orders.update', { id: order.id, ...orderInput({ buyerId, deliveryDate: FRIDAY }) }, petugas);
    expect(late.status).toBe(409);
    expect(late.error.message).toContain('tidak dapat diubah lagi');

    const noReason = await app.call('orders.cancel', { id: order.id, reason: ' ' }, petugas);
    expect(noReason.status).toBe(400);
    expect(noReason.error.fields.reason).toBe('Alasan pembatalan: wajib diisi');
    await app.ok('orders.cancel', { id: order.id, reason: 'Kegiatan ditunda oleh pembeli' }, petugas);
    const cancelled = await app.ok('orders.get', { id: order.id }, petugas);
    expect(cancelled.order).toMatchObject({ status: 'dibatalkan', stage: 'dibatalkan', cancelReason: 'Kegiatan ditunda oleh pembeli' });
  });

  it('lists orders server-side with filters and sorting', async () => {
    const buyerId = await buyer(app, petugas);
    const other = await buyer(app, petugas, 'Bank DKI');
    await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY });
    await createOrder(app, petugas, { buyerId: other, deliveryDate: '2026-11-30' });
    await createOrder(app, petugas, { buyerId, deliveryDate: '2026-12-20' });
    const all = await app.ok('orders.list', { sort: 'deliveryDate', dir: 'asc' }, petugas);
    expect(all.total).toBe(3);
    expect(all.rows.map((r: { deliveryDate: string }) => r.deliveryDate)).toEqual(['2026-11-30', FRIDAY, '2026-12-20']);
    expect(all.rows[0].buyerName).toBe('Bank DKI');
    expect((await app.ok('orders.list', { buyerId: other }, petugas)).total).toBe(1);
    expect((await app.ok('orders.list', { due: 'next7' }, petugas)).total).toBe(2);
    expect((await app.ok('orders.list', { stage: 'baru', search: 'EO-2026-0000' }, petugas)).total).toBe(3);
    expect((await app.ok('orders.list', { search: '2' }, petugas)).rows[0].orderNo).toBe('EO-2026-00002');
  });
});

describe('matching', () => {
  it('counts capacity across open orders and refuses more unless overridden with a reason', async () => {
    const buyerId = await buyer(app, petugas);
    const { businessId } = await insertMemberBusiness(app, { businessName: 'Dapur Bu Sri' });
    const productId = await curatedProduct(app, petugas, businessId, { dailyCapacity: 10 });
    // 10 a day × 5 working days = 50 before Friday.
    const first = await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY, items: [{ quantity: 30 }] });
    await app.ok('orders.assign', { itemId: first.itemIds[0], parts: [{ productId, quantity: 30 }] }, petugas);
    // An open order due after Friday does not use the capacity before Friday.
    const later = await createOrder(app, petugas, { buyerId, deliveryDate: '2026-12-18', items: [{ quantity: 40 }] });
    await app.ok('orders.assign', { itemId: later.itemIds[0], parts: [{ productId, quantity: 40 }] }, petugas);

    const second = await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY, items: [{ quantity: 25 }] });
    const proposal = await app.ok('orders.propose', { itemId: second.itemIds[0] }, petugas);
    expect(proposal.days).toBe(5);
    expect(proposal.candidates[0]).toMatchObject({ businessName: 'Dapur Bu Sri', capacity: 50, openQuantity: 30, available: 20, enough: false });
    expect(proposal.candidates[0].reasons[0]).toBe('kapasitas kurang: sisa 20 dari 50 untuk 25 yang dipesan');

    const refused = await app.call('orders.assign', { itemId: second.itemIds[0], parts: [{ productId, quantity: 25 }] }, petugas);
    expect(refused.status).toBe(400);
    expect(refused.error.fields['parts.0.quantity']).toBe(
      'Bagian › baris 1 › Jumlah: 25 melebihi sisa kapasitas Dapur Bu Sri sebelum tanggal kirim (20); isi alasan bila tetap ditugaskan',
    );
    expect(await count('order_assignments')).toBe(2);

    // Goods already sent no longer hold capacity.
    const [sent] = (await app.ok('orders.get', { id: first.id }, petugas)).assignments;
    for (const to of ['dikonfirmasi', 'diproduksi', 'dikirim']) await app.ok('orders.move', { assignmentId: sent.id, to }, petugas);
    expect((await app.ok('orders.propose', { itemId: second.itemIds[0] }, petugas)).candidates[0]).toMatchObject({ available: 50, enough: true });

    // With a reason the petugas may go beyond capacity; the reason is kept.
    const third = await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY, items: [{ quantity: 60 }] });
    await app.ok('orders.assign', { itemId: third.itemIds[0], parts: [{ productId, quantity: 60 }], overrideReason: 'Usaha menambah tenaga dapur' }, petugas);
    const row = await app.db.selectFrom('order_assignments').select(['override_reason']).where('item_id', '=', third.itemIds[0]).executeTakeFirstOrThrow();
    expect(row.override_reason).toBe('Usaha menambah tenaga dapur');
  });

  it('does not count the office holidays as production days', async () => {
    const buyerId = await buyer(app, petugas);
    const { businessId } = await insertMemberBusiness(app, { businessName: 'Katering Bu Ani' });
    await curatedProduct(app, petugas, businessId, { dailyCapacity: 10 });
    const order = await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY, items: [{ quantity: 45 }] });
    expect((await app.ok('orders.propose', { itemId: order.itemIds[0] }, petugas)).days).toBe(5);
    await app.ok('holidays.save', { date: '2026-12-02', name: 'Libur kantor' }, admin);
    const proposal = await app.ok('orders.propose', { itemId: order.itemIds[0] }, petugas);
    expect(proposal.days).toBe(4);
    expect(proposal.candidates[0]).toMatchObject({ businessName: 'Katering Bu Ani', capacity: 40, enough: false });
  });

  it('splits an item only into parts that sum exactly to the ordered quantity; amounts never drift', async () => {
    const buyerId = await buyer(app, petugas);
    const a = await curatedProduct(app, petugas, (await insertMemberBusiness(app)).businessId);
    const b = await curatedProduct(app, petugas, (await insertMemberBusiness(app)).businessId);
    const c = await curatedProduct(app, petugas, (await insertMemberBusiness(app)).businessId);
    const order = await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY, items: [{ quantity: 100, unitPrice: 33_333 }] });
    const itemId = order.itemIds[0];
    const under = await app.call(
      'orders.assign',
      {
        itemId,
        parts: [
          { productId: a, quantity: 60 },
          { productId: b, quantity: 30 },
        ],
      },
      petugas,
    );
    expect(under.error.fields.parts).toBe('Bagian: Jumlah yang dibagikan (90) kurang 10 dari jumlah pesanan (100).');
    const over = await app.call(
      'orders.assign',
      {
        itemId,
        parts: [
          { productId: a, quantity: 60 },
          { productId: b, quantity: 50 },
        ],
      },
      petugas,
    );
    expect(over.error.fields.parts).toBe('Bagian: Jumlah yang dibagikan (110) lebih 10 dari jumlah pesanan (100).');
    const twice = await app.call(
      'orders.assign',
      {
        itemId,
        parts: [
          { productId: a, quantity: 50 },
          { productId: a, quantity: 50 },
        ],
      },
      petugas,
    );
    expect(twice.error.fields['parts.1.productId']).toContain('dipilih dua kali');
    const zero = await app.call('orders.assign', { itemId, parts: [{ productId: a, quantity: 0 }] }, petugas);
    expect(zero.error.fields['parts.0.quantity']).toBe('Bagian › baris 1 › Jumlah: harus lebih dari 0');
    expect(await count('order_assignments')).toBe(0);

    const done = await app.ok(
      'orders.assign',
      {
        itemId,
        parts: [
          { productId: a, quantity: 34 },
          { productId: b, quantity: 33 },
          { productId: c, quantity: 33 },
        ],
      },
      petugas,
    );
    expect(done.assignments.map((x: { assignmentNo: string }) => x.assignmentNo)).toEqual(['EO-2026-00001-1', 'EO-2026-00001-2', 'EO-2026-00001-3']);
    expect(done.stage).toBe('dipesan');
    const detail = await app.ok('orders.get', { id: order.id }, petugas);
    const sum = detail.assignments.reduce((s: number, x: { amount: number }) => s + x.amount, 0);
    expect(sum).toBe(detail.items[0].amount);
    expect(detail.items[0]).toMatchObject({ assigned: 100, remaining: 0 });
    const again = await app.call('orders.assign', { itemId, parts: [{ productId: a, quantity: 1 }] }, petugas);
    expect(again.status).toBe(409);

    // A business that declines frees its part for another one.
    const declined = detail.assignments[2];
    await app.ok('orders.move', { assignmentId: declined.id, to: 'ditolak' }, petugas);
    const reopened = await app.ok('orders.get', { id: order.id }, petugas);
    expect(reopened.order.stage).toBe('baru');
    expect(reopened.items[0].remaining).toBe(33);
    const proposal = await app.ok('orders.propose', { itemId }, petugas);
    expect(proposal.item.remaining).toBe(33);
    expect(proposal.candidates.map((x: { productId: string }) => x.productId)).toContain(c);
    expect(proposal.candidates.map((x: { productId: string }) => x.productId)).not.toContain(a);
  });

  it('ranks the nearest first, then those with fewer recent orders (fair rotation)', async () => {
    const buyerId = await buyer(app, petugas);
    const far = await insertMemberBusiness(app, { businessName: 'A Menteng Catering', kelurahanKode: KEL.menteng });
    const busy = await insertMemberBusiness(app, { businessName: 'B Gelora Sibuk', kelurahanKode: KEL.gelora });
    const fresh = await insertMemberBusiness(app, { businessName: 'C Gelora Baru', kelurahanKode: KEL.gelora });
    const near = await insertMemberBusiness(app, { businessName: 'D Bendungan Hilir', kelurahanKode: KEL.bendungan });
    const pBusy = await curatedProduct(app, petugas, busy.businessId);
    for (const b of [far, fresh, near]) await curatedProduct(app, petugas, b.businessId);
    // B got an order last week.
    const earlier = await createOrder(app, petugas, { buyerId, deliveryDate: '2026-12-18', items: [{ quantity: 5 }] });
    await app.ok('orders.assign', { itemId: earlier.itemIds[0], parts: [{ productId: pBusy, quantity: 5 }] }, petugas);

    const order = await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY, items: [{ quantity: 20 }] });
    const proposal = await app.ok('orders.propose', { itemId: order.itemIds[0] }, petugas);
    expect(proposal.candidates.map((c: { businessName: string }) => c.businessName)).toEqual([
      'C Gelora Baru',
      'B Gelora Sibuk',
      'D Bendungan Hilir',
      'A Menteng Catering',
    ]);
    expect(proposal.candidates[0].reasons).toEqual([
      'kapasitas cukup: sisa 500 dari 500 (100/hari × 5 hari kerja, terpakai 0)',
      'satu kelurahan dengan alamat kirim',
      'belum mendapat pesanan dalam 30 hari terakhir',
      'jenis produk sesuai',
    ]);
    expect(proposal.candidates[1].reasons[2]).toBe('1 pesanan dalam 30 hari terakhir');
    // Asking for the top two reads only the nearest tier, with the same order at the top.
    const short = await app.ok('orders.propose', { itemId: order.itemIds[0], limit: 2 }, petugas);
    expect(short.candidates.map((c: { businessName: string }) => c.businessName)).toEqual(['C Gelora Baru', 'B Gelora Sibuk']);
    expect(short.total).toBe(4);
    // A business that has closed is never proposed.
    await app.db.updateTable('businesses').set({ status: 'tutup' }).where('id', '=', fresh.businessId).execute();
    const afterClosing = await app.ok('orders.propose', { itemId: order.itemIds[0] }, petugas);
    expect(afterClosing.candidates.map((c: { businessName: string }) => c.businessName)).toEqual(['B Gelora Sibuk', 'D Bendungan Hilir', 'A Menteng Catering']);
    await app.db.updateTable('businesses').set({ status: 'aktif' }).where('id', '=', fresh.businessId).execute();

    // Thirty-one days later (and its goods sent) the earlier order no longer counts against B:
    // the tie goes to the business registered first.
    const [old] = (await app.ok('orders.get', { id: earlier.id }, petugas)).assignments;
    for (const to of ['dikonfirmasi', 'diproduksi', 'dikirim']) await app.ok('orders.move', { assignmentId: old.id, to }, petugas);
    await later(31 * 86_400_000);
    const next = await createOrder(app, petugas, { buyerId, orderDate: '2026-12-29', deliveryDate: '2027-01-08', items: [{ quantity: 20 }] });
    const names = (await app.ok('orders.propose', { itemId: next.itemIds[0] }, petugas)).candidates.map((c: { businessName: string }) => c.businessName);
    expect(names.slice(0, 2)).toEqual(['B Gelora Sibuk', 'C Gelora Baru']);
  });
});

describe('fulfilment', () => {
  async function assigned(quantity = 50, unitPrice = 30_000) {
    const buyerId = await buyer(app, petugas);
    const member = await insertMemberBusiness(app, { ownerName: 'Sri Wahyuni', businessName: 'Dapur Bu Sri' });
    const productId = await curatedProduct(app, petugas, member.businessId);
    const order = await createOrder(app, petugas, { buyerId, deliveryDate: FRIDAY, items: [{ quantity, unitPrice }] });
    await app.ok('orders.assign', { itemId: order.itemIds[0], parts: [{ productId, quantity }] }, petugas);
    const detail = await app.ok('orders.get', { id: order.id }, petugas);
    return { order, member, assignmentId: detail.assignments[0].id };
  }

  it('follows the state table per role and logs every move with who and when', async () => {
    const { order, member, assignmentId } = await assigned();
    const loket = await app.userWithRole(admin, 'loket');
    const supervisor = await app.userWithRole(admin, 'supervisor');
    const byLoket = await app.call('orders.move', { assignmentId, to: 'dikonfirmasi' }, loket);
    expect(byLoket.status).toBe(403);
    expect(byLoket.error.message).toBe(
      'Peran Petugas loket tidak berwenang mengubah status pesanan dari Dipesan menjadi Dikonfirmasi. Yang berwenang: Petugas, Supervisor, Admin.',
    );
    const skip = await app.call('orders.move', { assignmentId, to: 'dikirim' }, petugas);
    expect(skip.status).toBe(409);
    expect(skip.error.message).toBe('Status pesanan tidak dapat diubah dari Dipesan menjadi Dikirim.');
    await app.ok('orders.move', { assignmentId, to: 'dikonfirmasi' }, petugas);
    await app.ok('orders.move', { assignmentId, to: 'diproduksi' }, supervisor);
    await app.ok('orders.move', { assignmentId, to: 'dikirim' }, admin);
    const cancelSent = await app.call('orders.cancel', { id: order.id, reason: 'Salah pesan' }, petugas);
    expect(cancelSent.status).toBe(409);
    const noBast = await app.call('orders.move', { assignmentId, to: 'diterima' }, petugas);
    expect(noBast.status).toBe(400);
    expect(noBast.error.fields.bastSigned).toBe('BAST (berita acara serah terima) harus sudah ditandatangani sebelum pesanan berstatus Diterima.');
    expect(await app.db.selectFrom('member_stages').selectAll().where('member_id', '=', member.memberId).where('stage_code', '=', 'P5').execute()).toHaveLength(
      0,
    );
    app.clock.advance(10 * 60_000);
    const moved = await app.ok('orders.move', { assignmentId, to: 'diterima', bastSigned: true }, petugas);
    expect(moved.stage).toBe('diterima');

    // P5 (pemasaran) recorded by the first delivered e-order.
    const p5 = await app.db
      .selectFrom('member_stages')
      .selectAll()
      .where('member_id', '=', member.memberId)
      .where('stage_code', '=', 'P5')
      .executeTakeFirstOrThrow();
    expect(p5).toMatchObject({ status: 'selesai', completed_on: '2026-11-28', source: 'order', source_id: assignmentId });

    const detail = await app.ok('orders.get', { id: order.id }, petugas);
    const events = detail.assignments[0].events;
    expect(events.map((e) => e.toStatus)).toEqual(['dipesan', 'dikonfirmasi', 'diproduksi', 'dikirim', 'diterima']);
    expect(events.map((e) => e.userName)).toEqual(['Pengguna petugas1', 'Pengguna petugas1', 'Pengguna supervisor1', 'Admin Kantor', 'Pengguna petugas1']);
    expect(events[4].at).toBe('2026-11-28T02:10:00.000Z');
    expect(detail.assignments[0].moves.map((m: { to: string }) => m.to)).toEqual(['dibayar']);

    const final = await app.call('orders.move', { assignmentId, to: 'dibatalkan', reason: 'x' }, petugas);
    expect(final.status).toBe(409);
    const direct = await app.call('orders.move', { assignmentId, to: 'dibayar' }, petugas);
    expect(direct.error.message).toContain('Catat pembayaran');
  });

  it("records payment with the days from delivery, flags old unpaid deliveries, and sums a member's revenue", async () => {
    const { order, member, assignmentId } = await assigned();
    for (const to of ['dikonfirmasi', 'diproduksi', 'dikirim']) await app.ok('orders.move', { assignmentId, to }, petugas);
    await app.ok('orders.move', { assignmentId, to: 'diterima', bastSigned: true }, petugas);
    const early = await app.call('orders.recordPayment', { assignmentId, amount: 1_500_000, paidOn: '2026-11-27' }, petugas);
    expect(early.error.fields.paidOn).toBe('Tanggal dibayar: tidak boleh sebelum tanggal barang diterima');
    const tooMuch = await app.call('orders.recordPayment', { assignmentId, amount: 1_500_001, paidOn: '2026-11-28' }, petugas);
    expect(tooMuch.error.fields.amount).toBe('Jumlah dibayar: melebihi tagihan 1.500.000 rupiah');
    const zero = await app.call('orders.recordPayment', { assignmentId, amount: 0, paidOn: '2026-11-28' }, petugas);
    expect(zero.error.fields.amount).toBe('Jumlah dibayar: harus lebih dari 0');

    // Fifteen days later the delivery stands out as unpaid (default limit: 14 days).
    await later(15 * 86_400_000);
    const due = await app.ok('orders.due', {}, petugas);
    expect(due.unpaid.map((u: { id: string; daysSinceDelivery: number }) => [u.id, u.daysSinceDelivery])).toEqual([[assignmentId, 15]]);
    expect((await app.ok('orders.get', { id: order.id }, petugas)).assignments[0].unpaidOverdue).toBe(true);

    const paid = await app.ok('orders.recordPayment', { assignmentId, amount: 1_500_000, paidOn: '2026-12-10', note: 'Transfer Bank DKI' }, petugas);
    expect(paid).toMatchObject({ status: 'dibayar', daysToPayment: 12, shortfall: 0, stage: 'dibayar' });
    expect((await app.ok('orders.due', {}, petugas)).unpaid).toHaveLength(0);
    await app.ok('orders.move', { assignmentId, to: 'selesai' }, petugas);

    const mine = await app.ok('orders.byMember', { memberId: member.memberId }, petugas);
    expect(mine).toMatchObject({ count: 1, deliveredCount: 1, revenue: 1_500_000, paid: 1_500_000 });
    expect(mine.assignments[0]).toMatchObject({ orderNo: 'EO-2026-00001', statusLabel: 'Selesai', buyerName: 'Suku Dinas PPKUKM Jakarta Pusat' });
  });

  it('lists what is due in the next days and what is late', async () => {
    const { assignmentId } = await assigned();
    expect((await app.ok('orders.due', { days: 3 }, petugas)).dueSoon).toHaveLength(0);
    expect((await app.ok('orders.due', { days: 7 }, petugas)).dueSoon.map((d: { id: string }) => d.id)).toEqual([assignmentId]);
    await later(7 * 86_400_000);
    const due = await app.ok('orders.due', {}, petugas);
    expect(due.late.map((d: { id: string }) => d.id)).toEqual([assignmentId]);
    expect((await app.ok('orders.list', { due: 'late' }, petugas)).total).toBe(1);
  });

  it('prints the purchase order, the BAST and the invoice with the amount in words and the tax line', async () => {
    const { assignmentId } = await assigned(50, 30_000);
    const po = await app.ok('orders.document', { assignmentId, kind: 'po' }, petugas);
    expect(po.fileName).toBe('surat-pesanan-EO-2026-00001-1.pdf');
    const poText = (await extractPdfText(Buffer.from(po.base64, 'base64'))).join('\n');
    expect(poText).toContain('SURAT PESANAN');
    expect(poText).toContain('KECAMATAN TANAH ABANG');
    expect(poText).toContain('Sri Wahyuni (Dapur Bu Sri)');
    expect(poText).toContain('4 Desember 2026, pukul 11:30 WIB');
    expect(poText).toContain('Rp 1.500.000');
    const tooEarly = await app.call('orders.document', { assignmentId, kind: 'bast' }, petugas);
    expect(tooEarly.status).toBe(409);

    for (const to of ['dikonfirmasi', 'diproduksi', 'dikirim']) await app.ok('orders.move', { assignmentId, to }, petugas);
    await app.ok('orders.move', { assignmentId, to: 'diterima', bastSigned: true }, petugas);
    const bast = await app.ok('orders.document', { assignmentId, kind: 'bast' }, petugas);
    const bastText = (await extractPdfText(Buffer.from(bast.base64, 'base64'))).join('\n');
    expect(bastText).toContain('BERITA ACARA SERAH TERIMA BARANG');
    expect(bastText).toContain('Nomor: BAST/EO-2026-00001-1');
    expect(bastText).toContain('Pada hari ini, Sabtu tanggal 28 November 2026');
    expect(bastText).toContain('Ir. Bambang Sutrisno');
    expect(bastText).toContain('Terbilang: Satu juta lima ratus ribu rupiah');

    const invoice = await app.ok('orders.document', { assignmentId, kind: 'invoice' }, petugas);
    const invoiceText = (await extractPdfText(Buffer.from(invoice.base64, 'base64'))).join('\n');
    expect(invoiceText).toContain('KWITANSI');
    expect(invoiceText).toContain('Satu juta lima ratus ribu rupiah');
    expect(invoiceText).not.toContain('PPN');

    // With PPN configured, new assignments carry the tax line; the total is computed once.
    await app.ok('orders.saveSettings', { ppnRateBp: 1100, unpaidAlertDays: 14, rotationDays: 30 }, admin);
    const taxed = await assigned(3, 33_333);
    for (const to of ['dikonfirmasi', 'diproduksi', 'dikirim']) await app.ok('orders.move', { assignmentId: taxed.assignmentId, to }, petugas);
    const taxedInvoice = await app.ok('orders.document', { assignmentId: taxed.assignmentId, kind: 'invoice' }, petugas);
    const taxedText = (await extractPdfText(Buffer.from(taxedInvoice.base64, 'base64'))).join('\n');
    // 3 × 33.333 = 99.999; PPN 11% = 10.999,89 -> 11.000; total 110.999.
    expect(taxedText).toContain('PPN 11%');
    expect(taxedText).toContain('Rp 11.000');
    expect(taxedText).toContain('Rp 110.999');
    expect(taxedText).toContain('Seratus sepuluh ribu sembilan ratus sembilan puluh sembilan rupiah');
  });
});
