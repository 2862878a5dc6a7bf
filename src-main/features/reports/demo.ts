// Demo month closing: the supervisor closes last month, as an office does once its report has
// gone upward; then some of that month's records change (a visit entered late, a turnover
// report corrected, an order cancelled when one can still be), and the running month shows
// those changes as corrections.
import { callAs } from '../../demo/demo';
import type { DemoContext } from '../../demo/steps';
import { monthBounds, monthLabel, shiftMonth } from './period';

export async function reportsDemo(ctx: DemoContext): Promise<void> {
  const { app, tokens, today } = ctx;
  const month = shiftMonth(today.slice(0, 7), -1);
  const closed = await callAs<{ month: string }>(app, tokens.supervisor, 'reports.closeMonth', { month });
  const { from, to } = monthBounds(month);

  // A visit made in the closed month, entered only now (backdated).
  const member = await app.db
    .selectFrom('members')
    .select('id')
    .where('pendamping_id', 'is not', null)
    .where('status', '=', 'aktif')
    .orderBy('name_key')
    .limit(1)
    .executeTakeFirst();
  let changes = 0;
  if (member) {
    await callAs(app, tokens.petugas, 'mentoring.recordVisit', {
      memberId: member.id,
      visitedOn: `${month}-14`,
      topic: 'Pencatatan stok (dicatat terlambat)',
      notes: 'Kunjungan bulan lalu yang baru dicatat.',
    });
    changes++;
  }
  // A turnover report of the closed month, corrected by the pendamping after the closing.
  const report = await app.db
    .selectFrom('turnover_reports')
    .select(['business_id', 'turnover', 'profit', 'employees'])
    .where('month', '=', month)
    .orderBy('business_id')
    .limit(1)
    .executeTakeFirst();
  if (report) {
    await callAs(app, tokens.petugas, 'turnover.record', {
      businessId: report.business_id,
      month,
      turnover: report.turnover + 250_000,
      profit: report.profit,
      employees: report.employees,
    });
    changes++;
  }
  // An order of the closed month that the buyer called off before anything was sent.
  const order = await app.db
    .selectFrom('orders as o')
    .select('o.id')
    .where('o.order_date', '>=', from)
    .where('o.order_date', '<=', to)
    .where('o.status', '!=', 'dibatalkan')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('order_assignments as a')
            .select('a.id')
            .whereRef('a.order_id', '=', 'o.id')
            .where('a.status', 'in', ['dikirim', 'diterima', 'dibayar', 'selesai']),
        ),
      ),
    )
    .orderBy('o.order_no')
    .limit(1)
    .executeTakeFirst();
  if (order) {
    await callAs(app, tokens.petugas, 'orders.cancel', { id: order.id, reason: 'Kegiatan pembeli dibatalkan setelah laporan bulan lalu dikirim' });
    changes++;
  }
  ctx.log(
    `Laporan: ${monthLabel(closed.month)} ditutup; ${changes} perubahan data bulan itu kemudian tampil sebagai koreksi di ${monthLabel(today.slice(0, 7))}.`,
  );
}
