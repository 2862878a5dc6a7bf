import type { DemoContext } from '../../demo/steps';
import { callAs } from '../../demo/demo';
import { normaliseName } from '../registrations';
import { lineTotal } from './rules/money';
import { orderStatuses, type OrderStatus } from './rules/transitions';
import { addDays, INACTIVE_STATUSES } from './service';
import type { OrderStage } from './tables';

/** Buyers of the demo office: the city's agencies and companies that order through e-order. */
const BUYERS = [
  { name: 'Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk', kind: 'skpd', unit: 'Sekretariat' },
  { name: 'Dinas PPKUKM Provinsi DKI Jakarta', kind: 'skpd', unit: 'Bidang Usaha Mikro' },
  { name: 'Suku Dinas PPKUKM Kota Administrasi Jakarta Pusat', kind: 'skpd', unit: 'Seksi Pemberdayaan UMKM' },
  { name: 'Kecamatan Tanah Abang', kind: 'skpd', unit: 'Subbagian Umum' },
  { name: 'Kelurahan Bendungan Hilir', kind: 'skpd', unit: 'Seksi Ekonomi dan Pembangunan' },
  { name: 'PT Transportasi Jakarta (Transjakarta)', kind: 'bumd', unit: 'Divisi Umum' },
  { name: 'PT Bank DKI', kind: 'bumd', unit: 'Divisi Corporate Secretary' },
  { name: 'Perumda Air Minum Jaya (PAM Jaya)', kind: 'bumd', unit: 'Divisi Sumber Daya Manusia' },
  { name: 'PT Jakarta Propertindo', kind: 'bumd', unit: 'Divisi Umum' },
  { name: 'Koperasi Karyawan Balai Kota', kind: 'swasta', unit: null },
  { name: 'Yayasan Pendidikan Tanah Abang', kind: 'lainnya', unit: null },
] as const;

const PPK = ['Ir. Bambang Sutrisno, M.M.', 'Dra. Endang Purwati', 'Agus Haryanto, S.T.', 'Rahmat Hidayat, S.E., M.Si.', 'Nur Aini, S.Sos.'];
const TREASURERS = ['Yuliana, S.E.', 'Teguh Prasetyo', 'Siti Maryam, A.Md.', 'Rudi Hartono, S.Ak.'];

/** Curated product kinds with their KBLI 2020 code, unit and usual price. */
const KINDS = [
  {
    kind: 'nasi kotak',
    kbli: '56210',
    unit: 'kotak',
    price: [25_000, 45_000],
    cap: [50, 300],
    names: ['Nasi kotak ayam bakar', 'Nasi kotak rendang', 'Nasi kuning komplit', 'Nasi liwet ayam suwir'],
  },
  {
    kind: 'snack box',
    kbli: '10792',
    unit: 'kotak',
    price: [10_000, 25_000],
    cap: [100, 500],
    names: ['Snack box kue basah', 'Kue lapis dan lemper', 'Risoles dan pastel'],
  },
  { kind: 'roti', kbli: '10710', unit: 'bungkus', price: [8_000, 20_000], cap: [100, 400], names: ['Roti sobek cokelat', 'Bolu pandan', 'Roti gambang'] },
  { kind: 'minuman', kbli: '11040', unit: 'botol', price: [5_000, 15_000], cap: [100, 600], names: ['Es kopi susu', 'Sari kacang hijau', 'Jus jambu merah'] },
  {
    kind: 'seragam',
    kbli: '14111',
    unit: 'potong',
    price: [90_000, 250_000],
    cap: [10, 40],
    names: ['Kemeja batik Betawi', 'Kaos kegiatan sablon', 'Rompi bordir'],
  },
  {
    kind: 'suvenir',
    kbli: '32901',
    unit: 'buah',
    price: [15_000, 60_000],
    cap: [30, 150],
    names: ['Tas kain ondel-ondel', 'Gantungan kunci monas', 'Buku catatan daur ulang'],
  },
] as const;

interface Seller {
  businessId: string;
  memberId: string;
  kelurahan: string;
}

interface DemoProduct extends Seller {
  id: string;
  kindIndex: number;
  price: number;
  capacity: number;
}

/**
 * Buyers, a curated catalogue and orders in every state. Volumes follow the member count:
 * orders = members / 2 (about three assignments each), products from one business in twenty,
 * written in large transactions with prepared statements; the amounts, numbers and states
 * follow the same rules as the API (integer rupiah, exact splits, the state table's order).
 */
export async function ordersDemo(ctx: DemoContext): Promise<void> {
  const { app, rng, today } = ctx;
  const db = app.sqlite;
  const newId = app.services.newId;
  const nowIso = app.services.clock.nowIso();
  const petugasId = (db.prepare(`select id from users where role = 'petugas' order by created_at limit 1`).get() as { id: string } | undefined)?.id ?? null;
  const office = db.prepare('select kecamatan_kode as k from office').get() as { k: string };
  const kelurahans = (
    db.prepare(`select kode from regions where level = 'kelurahan' and parent_kode = ? order by kode`).all(office.k) as { kode: string }[]
  ).map((r) => r.kode);

  // Buyers, through the API like a petugas would.
  const buyerIds: string[] = [];
  for (const [i, b] of BUYERS.entries()) {
    const saved = await callAs<{ id: string }>(app, ctx.tokens.petugas, 'orderBuyers.save', {
      name: b.name,
      kind: b.kind,
      units: b.unit ? [b.unit, 'Sekretariat'] : [],
      address: `Jl. Medan Merdeka Selatan No. ${8 + i}, Jakarta Pusat`,
      kelurahanKode: kelurahans[i % kelurahans.length],
      phone: `021-38${String(22000 + i * 37).padStart(5, '0')}`,
      ppkName: PPK[i % PPK.length],
      ppkNip: `19${70 + (i % 20)}0${(i % 9) + 1}1${i % 2}20000${(i % 2) + 1}100${i % 10}`.slice(0, 18),
      procurementName: `Pejabat Pengadaan ${i + 1}`,
      treasurerName: TREASURERS[i % TREASURERS.length],
    });
    buyerIds.push(saved.id);
  }

  // Sellers: a spread of existing member businesses (one in twenty), or a few of our own when
  // the office has no members yet.
  const wantProducts = Math.max(24, Math.floor(ctx.members / 20));
  const totalBusinesses = (db.prepare(`select count(*) as n from businesses where status = 'aktif'`).get() as { n: number }).n;
  const stride = Math.max(1, Math.floor(totalBusinesses / wantProducts));
  let sellers = db
    .prepare(
      `select id as businessId, member_id as memberId, kelurahan_kode as kelurahan from businesses where status = 'aktif' and rowid % ? = 0 order by rowid limit ?`,
    )
    .all(stride, wantProducts) as Seller[];
  if (sellers.length === 0) sellers = insertFallbackSellers(ctx, kelurahans);

  // Products: 80% lolos, the rest waiting or refused, so the curation screen has work.
  const products: DemoProduct[] = [];
  const insertProduct =
    db.prepare(`insert into order_products (id, business_id, member_id, kelurahan_kode, name, kbli_kode, kind, unit, unit_price, daily_capacity,
      halal_cert_no, photo, curation_status, curation_reason, crit_rasa, crit_kemasan, crit_higienitas, crit_halal, crit_foto, curated_by, curated_at, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    sellers.forEach((s, i) => {
      const kindIndex = i % KINDS.length;
      const k = KINDS[kindIndex];
      const price = Math.round(rng.int(k.price[0], k.price[1]) / 500) * 500;
      const capacity = rng.int(k.cap[0], k.cap[1]);
      const roll = i < 6 ? 0 : rng.next();
      const status = i === 7 ? 'diajukan' : i === 8 ? 'tidak_lolos' : roll < 0.85 ? 'lolos' : roll < 0.93 ? 'diajukan' : 'tidak_lolos';
      const crit = status === 'lolos' ? [1, 1, 1, 1, 1] : status === 'tidak_lolos' ? [1, 0, 1, 1, 0] : [0, 0, 0, 0, 0];
      const id = newId();
      insertProduct.run(
        id,
        s.businessId,
        s.memberId,
        s.kelurahan,
        rng.pick(k.names),
        k.kbli,
        k.kind,
        k.unit,
        price,
        capacity,
        k.kbli.startsWith('1') || k.kbli.startsWith('5') ? `ID311100${String(10_000_000 + i).slice(-8)}` : null,
        status,
        status === 'tidak_lolos' ? 'Kemasan belum tertutup rapat dan foto produk belum jelas' : null,
        ...crit,
        status === 'diajukan' ? null : petugasId,
        status === 'diajukan' ? null : nowIso,
        nowIso,
        nowIso,
      );
      if (status === 'lolos') products.push({ ...s, id, kindIndex, price, capacity });
    });
  })();

  const byKind = KINDS.map((_, i) => products.filter((p) => p.kindIndex === i));
  // The assignment indexes are keyed by product, business and member, so a bulk load writes all
  // over them: a larger page cache for the load keeps that in memory; restored afterwards.
  const orderCount = Math.max(60, Math.floor(ctx.members / 2));
  const seq = new Map<string, number>();
  let assignments = 0;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -524288');
  try {
    writeOrders();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  function writeOrders() {
    const insertOrder =
      db.prepare(`insert into orders (id, order_no, buyer_id, buyer_unit, buyer_order_no, budget_ref, order_date, delivery_date, delivery_time, delivery_address,
        delivery_kelurahan_kode, notes, status, stage, cancel_reason, item_count, total_amount, created_by, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertItem = db.prepare(
      `insert into order_items (id, order_id, line_no, description, kbli_kode, kind, quantity, unit, unit_price, amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAssignment =
      db.prepare(`insert into order_assignments (id, assignment_no, order_id, item_id, business_id, member_id, product_id, quantity, unit_price, amount, ppn_rate_bp,
        status, delivery_date, assigned_on, override_reason, delivered_on, paid_amount, paid_on, payment_note, assigned_by, created_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?)`);
    const insertEvent = db.prepare(`insert into order_events (id, assignment_id, from_status, to_status, at, user_id, reason) values (?, ?, ?, ?, ?, ?, ?)`);
    const happy: OrderStatus[] = ['dipesan', 'dikonfirmasi', 'diproduksi', 'dikirim', 'diterima', 'dibayar', 'selesai'];
    // History spans about eighteen months; a few orders lie ahead.
    const spanDays = Math.min(540, Math.max(60, Math.floor(orderCount / 20)));
    const BATCH = 5_000;
    for (let start = 0; start < orderCount; start += BATCH) {
      db.transaction(() => {
        for (let n = start; n < Math.min(orderCount, start + BATCH); n++) {
          // Spread over the span, newest last, so numbers rise with dates as they would.
          const orderDate = addDays(today, -Math.floor(((orderCount - 1 - n) / orderCount) * spanDays));
          const lead = rng.int(2, 14);
          const deliveryDate = addDays(orderDate, lead);
          const year = orderDate.slice(0, 4);
          const next = (seq.get(year) ?? 0) + 1;
          seq.set(year, next);
          const orderNo = `EO-${year}-${String(next).padStart(5, '0')}`;
          const orderId = newId();
          const daysLate = Math.floor((Date.parse(today) - Date.parse(deliveryDate)) / 86_400_000);
          // Target status of the order's assignments, by how far the delivery lies behind today.
          const target: OrderStatus =
            daysLate > 45
              ? rng.chance(0.97)
                ? 'selesai'
                : 'dibayar'
              : daysLate > 20
                ? rng.pick(['selesai', 'selesai', 'dibayar', 'diterima'] as const)
                : daysLate > 3
                  ? rng.pick(['dibayar', 'diterima', 'diterima', 'dikirim'] as const)
                  : daysLate >= 0
                    ? rng.pick(['diterima', 'dikirim', 'diproduksi', 'dikonfirmasi'] as const)
                    : daysLate > -4
                      ? rng.pick(['diproduksi', 'dikonfirmasi', 'dipesan'] as const)
                      : rng.pick(['dikonfirmasi', 'dipesan', 'dipesan'] as const);
          // A few cancelled and declined ones at fixed places, so every state shows even in a small demo.
          const cancelled = (rng.chance(0.02) || n === orderCount - 7) && ['dipesan', 'dikonfirmasi', 'diproduksi'].includes(target);
          const unassigned = !cancelled && daysLate < 0 && rng.chance(0.08);
          // Two items on average, half of them split over two businesses: about three assignments per order.
          const itemCount = rng.chance(0.3) ? 1 : rng.chance(0.57) ? 2 : 3;
          const buyerIndex = rng.int(0, BUYERS.length - 1);
          const kelurahan = rng.pick(kelurahans);
          const statuses: OrderStatus[] = [];
          let perOrder = 0;
          let total = 0;
          let shortItem = false;
          const items: (() => void)[] = [];
          const usedKinds = new Set<number>();
          for (let line = 1; line <= itemCount; line++) {
            let kindIndex = rng.int(0, KINDS.length - 1);
            while (usedKinds.has(kindIndex) || byKind[kindIndex].length === 0) kindIndex = (kindIndex + 1) % KINDS.length;
            usedKinds.add(kindIndex);
            const k = KINDS[kindIndex];
            const pool = byKind[kindIndex];
            const first = pool[rng.int(0, pool.length - 1)];
            const quantity = Math.max(5, Math.round(rng.int(5, Math.max(6, first.capacity)) / 5) * 5);
            const unitPrice = first.price;
            const amount = lineTotal(quantity, unitPrice);
            total += amount;
            const itemId = newId();
            const description = rng.pick(k.names);
            items.push(() => insertItem.run(itemId, orderId, line, description, k.kbli, k.kind, quantity, k.unit, unitPrice, amount));
            if (unassigned) {
              shortItem = true;
              continue;
            }
            // One business, or a split over two whose parts sum exactly to the quantity.
            const second = pool.length > 1 && rng.chance(0.5) ? pool[rng.int(0, pool.length - 1)] : null;
            const parts =
              second && second.id !== first.id
                ? ([
                    [first, Math.ceil(quantity / 2)],
                    [second, Math.floor(quantity / 2)],
                  ] as const)
                : ([[first, quantity]] as const);
            for (const [product, qty] of parts) {
              const declined = !cancelled && ((rng.chance(0.01) && target !== 'dipesan') || (n === orderCount - 9 && line === 1));
              const status: OrderStatus = cancelled ? 'dibatalkan' : target;
              const chain = happy.slice(0, happy.indexOf(cancelled ? 'dipesan' : status) + 1);
              statuses.push(status);
              const write = (st: OrderStatus, path: OrderStatus[], reason: string | null) => {
                const assignmentId = newId();
                assignments++;
                // Handed over on the planned day or a day early or late (never after today), paid
                // some days later (never after today either: a payment is recorded when received).
                const handedOver = ['diterima', 'dibayar', 'selesai'].includes(st) ? addDays(deliveryDate, rng.pick([0, 0, 1, -1, 2])) : null;
                const delivered = handedOver && (handedOver > today ? today : handedOver < orderDate ? orderDate : handedOver);
                const paid = st === 'dibayar' || st === 'selesai';
                const payDay = paid && delivered ? addDays(delivered, rng.int(1, 12)) : null;
                const paidOn = payDay && (payDay > today ? today : payDay);
                const amountPart = lineTotal(qty, unitPrice);
                const no = `${orderNo}-${++perOrder}`;
                items.push(() => {
                  insertAssignment.run(
                    assignmentId,
                    no,
                    orderId,
                    itemId,
                    product.businessId,
                    product.memberId,
                    product.id,
                    qty,
                    unitPrice,
                    amountPart,
                    st,
                    deliveryDate,
                    orderDate,
                    delivered,
                    paid ? amountPart : null,
                    paidOn,
                    paid ? 'Transfer bank' : null,
                    petugasId,
                    `${orderDate}T03:00:00.000Z`,
                    nowIso,
                  );
                  let prev: OrderStatus | null = null;
                  // Each move on or after the one before: an early hand-over pulls the earlier moves back.
                  const days = path.map((s, i) => {
                    const day =
                      s === 'diterima' && delivered
                        ? delivered
                        : s === 'dibayar' && paidOn
                          ? paidOn
                          : s === 'selesai' && paidOn
                            ? paidOn
                            : addDays(orderDate, Math.min(i, lead));
                    return day > today ? today : day;
                  });
                  for (let i = days.length - 2; i >= 0; i--) if (days[i] > days[i + 1]) days[i] = days[i + 1];
                  for (const [i, s] of path.entries()) {
                    insertEvent.run(newId(), assignmentId, prev, s, `${days[i]}T0${2 + (i % 7)}:15:00.000Z`, petugasId, null);
                    prev = s;
                  }
                  if (prev !== st) insertEvent.run(newId(), assignmentId, prev, st, `${orderDate}T09:00:00.000Z`, petugasId, reason);
                });
              };
              if (declined) {
                // The first business declined; the part went to another one.
                write('ditolak', ['dipesan'], null);
              }
              write(status, chain, cancelled ? 'Kegiatan pembeli dibatalkan' : null);
            }
          }
          const stage: OrderStage = cancelled
            ? 'dibatalkan'
            : shortItem || statuses.length === 0
              ? 'baru'
              : orderStatuses[Math.min(...statuses.filter((s) => !INACTIVE_STATUSES.includes(s)).map((s) => orderStatuses.indexOf(s)))];
          const b = BUYERS[buyerIndex];
          insertOrder.run(
            orderId,
            orderNo,
            buyerIds[buyerIndex],
            b.unit,
            `SP-${String(next).padStart(3, '0')}/${year}`,
            rng.chance(0.7) ? `DPA ${year} - Paket konsumsi rapat ${rng.int(1, 40)}` : null,
            orderDate,
            deliveryDate,
            rng.pick(['08:00', '09:30', '11:30', '12:00', '15:00']),
            `${b.name}, Jl. Medan Merdeka Selatan, Jakarta Pusat`,
            kelurahan,
            null,
            cancelled ? 'dibatalkan' : unassigned ? 'baru' : 'dikonfirmasi',
            stage,
            cancelled ? 'Kegiatan pembeli dibatalkan' : null,
            itemCount,
            total,
            petugasId,
            `${orderDate}T02:00:00.000Z`,
            nowIso,
          );
          for (const write of items) write();
        }
      })();
    }
  }
  const upsertSeq = db.prepare(
    `insert into sequences (name, scope, value) values ('order', ?, ?) on conflict (name, scope) do update set value = max(value, excluded.value)`,
  );
  for (const [year, value] of seq) upsertSeq.run(year, value);
  // P5 (pemasaran) for members whose e-order was delivered: the earliest delivery dates it.
  db.prepare(
    `insert into member_stages (member_id, stage_code, status, completed_on, evidence, source, source_id, recorded_by, recorded_at)
      select member_id, 'P5', 'selesai', min(delivered_on), 'E-order diterima pembeli (BAST)', 'order', null, ?, ?
      from order_assignments where delivered_on is not null group by member_id
    on conflict (member_id, stage_code) do update set status = 'selesai', completed_on = excluded.completed_on, evidence = excluded.evidence,
      source = excluded.source, source_id = excluded.source_id, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
      where member_stages.status <> 'selesai' or member_stages.completed_on > excluded.completed_on`,
  ).run(petugasId, nowIso);

  // A few fresh orders entered through the API, waiting for the petugas to assign them.
  for (let i = 0; i < 3; i++) {
    const k = KINDS[i];
    await callAs(app, ctx.tokens.petugas, 'orders.create', {
      buyerId: buyerIds[i + 1],
      buyerUnit: BUYERS[i + 1].unit,
      buyerOrderNo: `SP-${100 + i}/${today.slice(0, 4)}`,
      budgetRef: `DPA ${today.slice(0, 4)} - Rapat koordinasi ${i + 1}`,
      orderDate: today,
      deliveryDate: addDays(today, 5 + i),
      deliveryTime: '11:30',
      deliveryAddress: 'Aula Kantor Kecamatan Tanah Abang, Jl. K.H. Mas Mansyur No. 7',
      deliveryKelurahanKode: kelurahans[5 % kelurahans.length],
      notes: 'Pesanan baru, belum ditugaskan.',
      items: [{ description: k.names[0], kbliKode: k.kbli, kind: k.kind, quantity: 40 + 10 * i, unit: k.unit, unitPrice: k.price[0] }],
    });
  }
  ctx.log(
    `• E-order: ${BUYERS.length} pembeli, ${sellers.length} produk katalog (${products.length} lolos kurasi), ${(orderCount + 3).toLocaleString('id-ID')} pesanan, ${assignments.toLocaleString('id-ID')} penugasan`,
  );
}

/** Demo sellers for an office without members: a dozen food and craft businesses. */
function insertFallbackSellers(ctx: DemoContext, kelurahans: string[]): Seller[] {
  const db = ctx.app.sqlite;
  const nowIso = ctx.app.services.clock.nowIso();
  const names = [
    'Sri Wahyuni',
    'Ahmad Fauzi',
    'Dewi Sartika',
    'Budi Santoso',
    'Rina Marlina',
    'Joko Susilo',
    'Ratna Sari',
    'Hendra Gunawan',
    'Lestari Ningsih',
    'Yusuf Maulana',
    'Maya Anggraini',
    'Fitri Handayani',
  ];
  const shops = [
    'Dapur Bu Sri',
    'Katering Fauzi',
    'Kue Dewi',
    'Roti Budi',
    'Jus Segar Rina',
    'Konveksi Joko',
    'Snack Ratna',
    'Batik Hendra',
    'Katering Lestari',
    'Minuman Yusuf',
    'Suvenir Maya',
    'Kue Basah Fitri',
  ];
  const member =
    db.prepare(`insert into members (id, member_no, nik, nik_rev, full_name, name_key, birth_place, birth_date, gender, address_street, rt, rw, kelurahan_kode, phone,
      target_group, skpd, status, registered_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'Jakarta', '1985-03-12', ?, ?, '003', '005', ?, ?, 'pemula', 'ppkukm_ukm', 'aktif', ?, ?, ?)`);
  const business =
    db.prepare(`insert into businesses (id, member_id, name, name_key, legal_form, kbli_versi, kbli_kode, products, address_street, kelurahan_kode, phone, capital, monthly_turnover,
      employees, scale, halal_status, pirt_status, status, created_at, updated_at) values (?, ?, ?, ?, 'perorangan', '2020', ?, ?, ?, ?, ?, 10000000, 15000000, 2, 'mikro', 'bersertifikat', 'terdaftar', 'aktif', ?, ?)`);
  const sellers: Seller[] = [];
  db.transaction(() => {
    names.forEach((name, i) => {
      const memberId = ctx.app.services.newId();
      const businessId = ctx.app.services.newId();
      const kel = kelurahans[i % kelurahans.length];
      const nik = `317107${i % 2 ? '52' : '12'}0385${String(9001 + i)}`;
      const street = `Jl. Kebon Kacang Raya No. ${10 + i}`;
      member.run(
        memberId,
        `EO-DEMO-${String(i + 1).padStart(3, '0')}`,
        nik,
        Array.from(nik).reverse().join(''),
        name,
        normaliseName(name),
        i % 2 ? 'P' : 'L',
        street,
        kel,
        `0812${String(30000000 + i * 7919).slice(0, 8)}`,
        ctx.today,
        nowIso,
        nowIso,
      );
      const k = KINDS[i % KINDS.length];
      business.run(businessId, memberId, shops[i], normaliseName(shops[i]), k.kbli, k.kind, street, kel, null, nowIso, nowIso);
      sellers.push({ businessId, memberId, kelurahan: kel });
    });
  })();
  return sellers;
}
