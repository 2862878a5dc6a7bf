import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methods, type MethodName } from '../../src-main/api';
import type { Role } from '../../src-main/core/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { jakartaDay, jakartaMonth } from '../support/clock';
import { issuePermit, setupActors, type PermitActors } from '../support/permits-factory';
import { business, member } from '../integration/registrations/fixtures';

// One masking rule for NIK, No. KK and an NPWP that is a NIK, for every role on every method:
// every method of the registry is called by every role with the inputs its schema asks for
// (ids of a member, business and permit whose NPWP is the owner's NIK), and no answer may carry
// the full values except the audited reveals. A method the sweep cannot call must be listed
// below with the reason, so a new method cannot slip past unchecked.

/** The only ways to the full values: each one audited. */
const REVEALS = new Set(['members.revealNik', 'permits.revealNik']);

/** Inputs beyond ids for the reads that need them (`v` holds the ids and the secret values). */
const INPUTS: Partial<Record<string, (v: Record<string, string>) => Record<string, unknown>[]>> = {
  'members.export': () => [{ format: 'csv' }],
  // The audit trail keeps identifiers masked as they were written.
  'audit.export': () => [{ format: 'csv' }],
  'members.list': (v) => [{ search: v.nik.slice(-6) }, { search: v.nik }],
  'permits.applicantSearch': (v) => [{ query: v.nik }, { query: 'Siti' }],
  'permits.slaReport': (v) => [{ month: v.month }],
  'reports.monthly': (v) => [{ month: v.month }],
  'reports.export': (v) => [{ month: v.month, format: 'csv' }],
  'orderProducts.businesses': () => [{ search: 'Warung' }],
  'trainings.get': (v) => [{ id: v.trainingId }],
  'trainings.certificate': (v) => [{ trainingId: v.trainingId, memberId: v.memberId }],
  'trainings.certificates': (v) => [{ trainingId: v.trainingId }],
  'kbli.search': () => [{ query: 'kue' }],
  'holidays.list': (v) => [{ year: Number(v.month.slice(0, 4)) }],
  'ajib.list': (v) => [{ date: v.today }],
  'ajib.dayPdf': (v) => [{ date: v.today }],
  'permits.verify': () => [{ text: 'JPD1.bukan.kode' }],
  // The member page's Simpan sends the masked NPWP back as it was shown.
  'members.save': () => [saveForm],
};
let saveForm: Record<string, unknown>;

/** Methods the sweep does not call, and why no member identifier can come out of them. */
const CHANGES_WITHOUT_IDENTIFIERS = 'a change: answers with ids, numbers and statuses, never a member profile';
const NOT_SWEPT: Record<string, string> = {
  'office.update': 'the office itself, no member data',
  'users.create': 'user accounts, no member data',
  'users.update': 'user accounts, no member data',
  'users.setActive': 'user accounts, no member data',
  'users.unlock': 'user accounts, no member data',
  'office.savePostalCodes': 'a setting',
  'permits.printResult': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.revokeCertificate': CHANGES_WITHOUT_IDENTIFIERS,
  'mentoring.updateVisit': CHANGES_WITHOUT_IDENTIFIERS,
  'mentoring.removeVisit': CHANGES_WITHOUT_IDENTIFIERS,
  'turnover.remove': CHANGES_WITHOUT_IDENTIFIERS,
  'reports.closeMonth': CHANGES_WITHOUT_IDENTIFIERS,
  'reports.closingPackage': 'the signed package of a closed month: figures only, never member data',
  'permits.certificateBatch': 'the day’s IUMK certificates as one PDF, which legally shows the NIK; every print is audited (nikShown)',
  'registrations.updateSettings': 'a setting',
  'permitSettings.update': 'a setting',
  'programme.saveSettings': 'a setting',
  'orders.saveSettings': 'a setting',
  'holidays.save': 'the office calendar',
  'holidays.delete': 'the office calendar',
  'orderBuyers.save': 'government buyers, no member data',
  'members.importPreview': 'reads an uploaded file back to the uploader; nothing from the register',
  'members.importRun': 'reads an uploaded file back to the uploader; nothing from the register',
  'members.importContinue': 'counts of an import job',
  'members.importStatus': 'counts of an import job',
  'members.importCancel': 'counts of an import job',
  'members.importReport': 'the rows of the uploader’s own file that failed',
  'members.register': CHANGES_WITHOUT_IDENTIFIERS,
  'members.update': CHANGES_WITHOUT_IDENTIFIERS,
  'businesses.add': CHANGES_WITHOUT_IDENTIFIERS,
  'businesses.update': CHANGES_WITHOUT_IDENTIFIERS,
  'businesses.recordCondition': CHANGES_WITHOUT_IDENTIFIERS,
  'stages.record': CHANGES_WITHOUT_IDENTIFIERS,
  'permits.create': CHANGES_WITHOUT_IDENTIFIERS,
  'permits.updateRequirements': CHANGES_WITHOUT_IDENTIFIERS,
  'permits.transition': CHANGES_WITHOUT_IDENTIFIERS,
  'ajib.create': CHANGES_WITHOUT_IDENTIFIERS,
  'ajib.update': CHANGES_WITHOUT_IDENTIFIERS,
  'ajib.complete': CHANGES_WITHOUT_IDENTIFIERS,
  'ajib.cancel': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.create': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.update': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.cancel': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.enrol': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.withdraw': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.undoWithdraw': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.reinstate': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.attendance': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.complete': CHANGES_WITHOUT_IDENTIFIERS,
  'mentoring.assign': CHANGES_WITHOUT_IDENTIFIERS,
  'mentoring.assignByKelurahan': CHANGES_WITHOUT_IDENTIFIERS,
  'mentoring.recordVisit': CHANGES_WITHOUT_IDENTIFIERS,
  'turnover.record': CHANGES_WITHOUT_IDENTIFIERS,
  'turnover.saveGrid': CHANGES_WITHOUT_IDENTIFIERS,
  'financing.refer': CHANGES_WITHOUT_IDENTIFIERS,
  'financing.transition': CHANGES_WITHOUT_IDENTIFIERS,
  'orderProducts.save': CHANGES_WITHOUT_IDENTIFIERS,
  'orderProducts.curate': CHANGES_WITHOUT_IDENTIFIERS,
  'orders.create': CHANGES_WITHOUT_IDENTIFIERS,
  'orders.update': CHANGES_WITHOUT_IDENTIFIERS,
  'orders.confirm': CHANGES_WITHOUT_IDENTIFIERS,
  'orders.cancel': CHANGES_WITHOUT_IDENTIFIERS,
  'orders.assign': CHANGES_WITHOUT_IDENTIFIERS,
  'orders.move': CHANGES_WITHOUT_IDENTIFIERS,
  'orders.undoMove': CHANGES_WITHOUT_IDENTIFIERS,
  'orders.recordPayment': CHANGES_WITHOUT_IDENTIFIERS,
  'trainings.certificate': 'PDF certificates of a completed training show the name only (none completed here)',
  'trainings.certificates': 'PDF certificates of a completed training show the name only (none completed here)',
  'mentoring.myMembers': 'a pendamping’s members by name, kelurahan and due date (no pendamping here)',
  'turnover.grid': 'turnover figures per business of a pendamping (no pendamping here)',
  'orders.get': 'e-orders name the business and its owner, never an identifier (no order exists in this office)',
  'orders.propose': 'ranked businesses by name and capacity (no order exists in this office)',
  'orders.document': 'PDFs of e-orders (no order exists in this office); the kwitansi shows the NPWP for tax',
};

const ROLES: Role[] = ['admin', 'supervisor', 'petugas', 'loket'];
const SKIP = new Set(['auth.logout', 'auth.changePassword', 'auth.login', 'office.setup', 'office.restore', 'office.backup', 'users.resetPassword']);

let app: TestApp;
let actors: PermitActors;
let secret: { nik: string; kk: string };
let ids: Record<string, string>;

beforeAll(async () => {
  app = await makeTestApp();
  actors = await setupActors(app);
  const m = member({ kk: '3171071503090012' });
  const nik = m.nik;
  const registered = await app.ok('members.register', { ...m, businesses: [business({ npwp: nik, postalCode: '10240' })] }, actors.petugas);
  const profile = await app.ok('members.get', { id: registered.id }, actors.admin);
  const businessId = profile.businesses[0].id;
  const permit = await issuePermit(app, actors, {
    memberId: registered.id,
    businessId,
    nik,
    fullName: profile.fullName,
    businessName: profile.businesses[0].name,
  });
  secret = { nik, kk: '3171071503090012' };
  const training = await app.ok(
    'trainings.create',
    {
      topic: 'Pemasaran Digital',
      startsAt: `${jakartaDay(app.clock)}T08:00`,
      endsAt: `${jakartaDay(app.clock)}T15:00`,
      mode: 'offline',
      place: 'Aula',
      capacity: 5,
      trainer: 'Dewi',
      skpd: 'ppkukm_ukm',
    },
    actors.petugas,
  );
  await app.ok('trainings.enrol', { trainingId: training.id, memberId: registered.id }, actors.petugas);
  ids = { memberId: registered.id, businessId, permitId: permit.id, trainingId: training.id };
  const p = profile;
  saveForm = {
    id: registered.id,
    fullName: p.fullName,
    birthPlace: p.birthPlace,
    birthDate: p.birthDate,
    gender: p.gender,
    addressStreet: p.addressStreet,
    rt: p.rt,
    rw: p.rw,
    kelurahanKode: p.kelurahanKode,
    phone: p.phone,
    targetGroup: p.targetGroup,
    skpd: p.skpd,
    businesses: p.businesses.map((b) => ({ id: b.id, ...business({ name: b.name, kbliKode: b.kbliKode, npwp: b.npwp }) })),
  };
}, 60_000);
afterAll(async () => {
  await app.dispose();
});

/** Inputs to try: nothing, then every id-like field filled with each id that fits its name. */
function candidates(name: string): Record<string, unknown>[] {
  const extra = INPUTS[name]?.({ ...ids, ...secret, month: jakartaMonth(app.clock), today: jakartaDay(app.clock) }) ?? [];
  const schema = z.toJSONSchema(methods[name as MethodName].input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  const props = Object.keys(schema.properties ?? {});
  const out: Record<string, unknown>[] = [{}, ...extra];
  const idProps = props.filter((p) => p === 'id' || p.endsWith('Id'));
  if (idProps.length === 0) return out;
  for (const choice of Object.values(ids)) {
    const input: Record<string, unknown> = {};
    for (const p of idProps) if (p === 'id' || ids[p]) input[p] = ids[p] ?? choice;
    out.push(input);
  }
  return out;
}

/** Answers as text, with files that are text (CSV, JSON) decoded. */
function answerText(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (
      v &&
      typeof v === 'object' &&
      'base64' in v &&
      typeof v.base64 === 'string' &&
      'mimeType' in v &&
      typeof v.mimeType === 'string' &&
      /csv|json|text/.test(v.mimeType)
    ) {
      return Buffer.from(v.base64, 'base64').toString('utf8');
    }
    return v;
  });
}

describe('NIK, No. KK and NPWP-as-NIK masked on every method for every role', () => {
  it('never answers with the full values except through the audited reveals', async () => {
    const tokens: Record<Role, string> = { admin: actors.admin, supervisor: actors.supervisor, petugas: actors.petugas, loket: actors.loket };
    const swept = new Set<string>();
    const leaks: string[] = [];
    const names = Object.keys(methods).filter((n) => !SKIP.has(n));
    // Reads first, then the changes, so that a change cannot hide what a read would show.
    const ordered = [...names.filter((n) => !methods[n as MethodName].mutation), ...names.filter((n) => methods[n as MethodName].mutation)];
    for (const name of ordered) {
      for (const role of ROLES) {
        for (const input of candidates(name)) {
          const r = await app.call(name as MethodName, input, tokens[role]);
          if (r.status !== 200) continue;
          swept.add(name);
          const text = answerText(r.value);
          if (!REVEALS.has(name) && (text.includes(secret.nik) || text.includes(secret.kk))) leaks.push(`${name} as ${role} with ${JSON.stringify(input)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    const unswept = names.filter((n) => !swept.has(n) && !(n in NOT_SWEPT));
    expect(unswept).toEqual([]);
    // The methods that show member data were reached, so the sweep above means something.
    for (const n of ['members.get', 'members.list', 'members.export', 'permits.get', 'permits.list', 'members.revealNik', 'members.save'])
      expect(swept, n).toContain(n);
    // Printing the IUMK shows the NIK by law: each print says so in the audit trail.
    const prints = await app.db.selectFrom('audit_log').select('after').where('method', '=', 'permits.certificate').execute();
    expect(prints.length).toBeGreaterThan(0);
    expect(prints.every((p) => (JSON.parse(p.after!) as { nikShown?: boolean }).nikShown === true)).toBe(true);
    // The masked NPWP sent back by the form kept the stored one.
    expect((await app.db.selectFrom('businesses').select('npwp').where('id', '=', ids.businessId).executeTakeFirstOrThrow()).npwp).toBe(secret.nik);
  }, 120_000);
});
