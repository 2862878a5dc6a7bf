import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/app';
import { jakartaDay, jakartaMonth } from '../../support/clock';
import { buyer, orderInput } from '../../support/orders-factory';
import { issuePermit, setupActors } from '../../support/permits-factory';

// The office's day is Jakarta's (UTC+7): late in the evening of a month's or a year's last day
// it is already the next day in UTC terms for nobody, but the next month for a clock read in
// UTC. Each instant below is a day boundary where a wrong time zone or a wall-clock read
// shows: numbers, "today" and "this month" must all follow the app's clock in Jakarta's time.
const INSTANTS = [
  { name: 'a month end, late evening', iso: '2027-01-31T16:45:00.000Z' }, // 31 Jan 23:45 WIB
  { name: 'a year end, late evening', iso: '2026-12-31T16:59:00.000Z' }, // 31 Dec 23:59 WIB
  { name: 'a new year, just after midnight', iso: '2026-12-31T17:05:00.000Z' }, // 1 Jan 00:05 WIB
  { name: 'a leap day', iso: '2028-02-29T03:00:00.000Z' }, // 29 Feb 10:00 WIB
  { name: 'the day after a leap day, early morning', iso: '2028-02-29T17:30:00.000Z' }, // 1 Mar 00:30 WIB
];

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const figure = (summary: { sections: { id: string; figures: { id: string; value: unknown }[] }[] }, section: string, id: string) =>
  summary.sections.find((s) => s.id === section)?.figures.find((f) => f.id === id)?.value;

describe.each(INSTANTS)('on $name ($iso)', ({ iso }) => {
  it('dates, numbers and the current month follow the office clock in Jakarta time', async () => {
    app = await makeTestApp(iso);
    const today = jakartaDay(app.clock);
    const month = jakartaMonth(app.clock);
    const [year, monthNumber] = month.split('-');
    const actors = await setupActors(app);

    const member = await app.ok(
      'members.register',
      {
        nik: '3171075506900001',
        fullName: 'Siti Aminah',
        birthDate: '1990-06-15',
        gender: 'P',
        addressStreet: 'Jl. Kebon Kacang 1',
        kelurahanKode: '31.71.07.1006',
        targetGroup: 'pemula',
        skpd: 'ppkukm_ukm',
        businesses: [
          {
            name: 'Warung Siti',
            kbliKode: '56102',
            addressStreet: 'Jl. Kebon Kacang 1',
            kelurahanKode: '31.71.07.1006',
            capital: 4_000_000,
            monthlyTurnover: 6_000_000,
          },
        ],
      },
      actors.petugas,
    );
    expect(member.memberNo).toBe(`JP-317107-${year}-000001`);
    const profile = await app.ok('members.get', { id: member.id }, actors.petugas);
    expect(profile.registeredOn).toBe(today);

    const permit = await issuePermit(app, actors);
    expect(permit.number).toBe(`503/0001/IUMK/1006/${ROMAN_MONTHS[Number(monthNumber) - 1]}/${year}`);

    // An order may be delivered today but not yesterday.
    const buyerId = await buyer(app, actors.petugas);
    expect((await app.call('orders.create', orderInput({ buyerId, orderDate: today, deliveryDate: today }), actors.petugas)).ok).toBe(true);
    const late = await app.call('orders.create', orderInput({ buyerId, orderDate: today, deliveryDate: jakartaDay(app.clock, -1) }), actors.petugas);
    expect(late.error.fields.deliveryDate).toBe('Tanggal kirim: tidak boleh sebelum hari ini');

    // The current month's summary counts today's work; next month is still in the future.
    const summary = await app.ok('reports.monthly', { month }, actors.supervisor);
    expect(figure(summary, 'registrations', 'registeredInMonth')).toBe(2);
    expect(figure(summary, 'permits', 'issued')).toBe(1);
    const dashboard = await app.ok('reports.dashboard', {}, actors.supervisor);
    expect(dashboard.month).toBe(month);
    expect((await app.call('reports.monthly', { month: jakartaMonth(app.clock, 1) }, actors.supervisor)).status).toBe(400);
  });
});
