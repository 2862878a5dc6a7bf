import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TANAH_ABANG_POSTAL_CODES } from '../../src-main/demo/demo';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import { extractPdfText } from '../support/pdf';
import { createMember, intakeInput, issuePermit, makeNik, setupActors, type PermitActors } from '../support/permits-factory';
import { screenshot } from '../support/screenshots';
import { startTestServer } from '../support/server';

// The counter with the keyboard alone: a walk-in from "Permohonan baru" to the certificate
// handed over, the supervisor's approval from Beranda in between, every interaction counted
// (a typed field is one, every other key press is one). Two PCs: the counter and the supervisor.
const LOKET_LIMIT = 25;
const SUPERVISOR_LIMIT = 5;

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let actors: PermitActors;
let loket: Page;
let supervisor: Page;

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true });
  actors = await setupActors(env.app);
  await env.app.db.updateTable('users').set({ must_change_password: 0 }).execute();
  // Entered once in Pengaturan by the admin.
  await env.app.ok(
    'office.savePostalCodes',
    { entries: Object.entries(TANAH_ABANG_POSTAL_CODES).map(([kelurahanKode, postalCode]) => ({ kelurahanKode, postalCode })) },
    actors.admin,
  );
  // The office's other work: one file to verify, one permit already issued and printed.
  await env.app.ok(
    'permits.create',
    intakeInput(await createMember(env.app, { fullName: 'Bambang Irawan', businessName: 'Bengkel Las Bambang' })),
    actors.loket,
  );
  const issued = await issuePermit(env.app, actors, await createMember(env.app, { fullName: 'Dewi Lestari', businessName: 'Jahit Dewi' }));
  await env.app.ok('permits.certificate', { id: issued.id }, actors.loket);
  await env.app.ok('permits.printResult', { ids: [issued.id], good: true }, actors.loket);
  browser = await launchBrowser();
  loket = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 900 } });
  supervisor = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 900 } });
  for (const p of [loket, supervisor]) {
    p.setDefaultTimeout(20_000);
    p.on('pageerror', (e) => console.error('page error:', e.message));
  }
});
afterAll(() => closeSuite(browser, env));

async function login(page: Page, username: string) {
  await page.goto(env.server.url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel(/^Kata sandi( \*)?$/).fill('SandiAwal123');
  await page.getByLabel(/^Kata sandi( \*)?$/).press('Enter');
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

/** Counts what a person does: a typed field is one interaction, every other key press is one. */
class Interactions {
  count = 0;
  constructor(private readonly page: Page) {}
  async type(text: string) {
    await this.page.keyboard.type(text);
    this.count++;
  }
  async press(key: string) {
    await this.page.keyboard.press(key);
    this.count++;
  }
}

/** Waits until `locator` has the keyboard focus (waiting is not an interaction). */
async function focusOn(locator: Locator) {
  await locator.waitFor();
  for (let i = 0; i < 200; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  const active = await locator
    .page()
    .evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.id} ${document.activeElement?.textContent.slice(0, 60)}`);
  throw new Error(`focus is on ${active}, not on the expected control`);
}

describe('the counter, keyboard only', () => {
  it(
    `takes a walk-in to a printed, handed-over IUMK in at most ${LOKET_LIMIT} interactions at the loket and ${SUPERVISOR_LIMIT} for the supervisor`,
    { timeout: 240_000 },
    async () => {
      const nik = makeNik('1990-02-03', 'L', 77);
      await login(loket, 'loket1');
      await login(supervisor, 'supervisor1');
      const l = new Interactions(loket);

      // Permohonan baru, from anywhere.
      await l.press('Alt+KeyN');
      const applicant = loket.getByLabel(/^NIK atau nama pemohon/);
      await focusOn(applicant);
      await l.type(nik);
      // Nobody has this NIK: the walk-in fields open, birth date and gender read from the NIK.
      await loket.getByText('NIK belum terdaftar', { exact: false }).waitFor();
      expect(await loket.getByLabel(/^Tanggal lahir/).inputValue()).toBe('03/02/1990');
      expect(await loket.getByLabel(/^Jenis kelamin/).inputValue()).toBe('L');
      await l.press('Enter');
      await focusOn(loket.getByLabel(/^Nama lengkap/));
      await l.type('Joko Susilo');
      await l.press('Enter');
      // The birth date and gender are filled: Enter passes them by.
      await focusOn(loket.getByLabel(/^Alamat( \*)?$/));
      await l.type('Jl. Bendungan Hilir Raya No. 4');
      await l.press('Enter');
      await focusOn(loket.getByLabel(/^Kelurahan( \*)?$/));
      await l.type('Bendungan');
      expect(await loket.getByLabel(/^Kelurahan( \*)?$/).inputValue()).toBe('31.71.07.1002');
      await l.press('Enter');
      await focusOn(loket.getByLabel(/^Nomor telepon/));
      await l.type('0812-9988-7766');
      await l.press('Enter');
      await focusOn(loket.getByLabel(/^Nama usaha/));
      await l.type('Bakso Mas Joko');
      await l.press('Enter');
      const kbli = loket.getByRole('combobox', { name: /KBLI 2020/ });
      await focusOn(kbli);
      await l.type('56103');
      await loket.getByRole('option', { name: /56103/ }).waitFor();
      await l.press('Enter');
      // The KBLI picked, on to the capital; the postal code came with the kelurahan.
      await focusOn(loket.getByLabel(/^Modal usaha/));
      expect(await loket.getByLabel(/^Kode pos/).inputValue()).toBe('10210');
      await l.type('8000000');
      await l.press('Enter');
      await focusOn(loket.getByLabel(/^Luas tempat usaha/));
      await l.type('12');
      // One key: every requirement handed in.
      await l.press('Alt+KeyL');
      await loket.getByRole('button', { name: 'Simpan & verifikasi' }).waitFor();
      await screenshot(loket, 'counter-intake.png');
      await l.press('Enter');
      await loket.getByText('Permohonan tersimpan dan diverifikasi').waitFor();
      await loket.getByText(/Langkah berikutnya: menunggu supervisor/).waitFor();
      const loketBeforeApproval = l.count;

      // The supervisor, on Beranda: the oldest waiting permit first, approved with one confirmation.
      const s = new Interactions(supervisor);
      // Another application verified after ours: it waits behind it.
      await env.app.ok(
        'permits.create',
        intakeInput(await createMember(env.app, { fullName: 'Sri Wahyuni', businessName: 'Katering Sri Rejeki' }), { verify: true }),
        actors.loket,
      );
      await supervisor.reload();
      const queue = supervisor.getByRole('region', { name: 'Menunggu persetujuan Anda' });
      await queue.getByText('Bakso Mas Joko').waitFor();
      expect(await queue.locator('.work__count').textContent()).toBe('2');
      expect(await queue.locator('.work__row').first().textContent()).toContain('Bakso Mas Joko');
      expect(await queue.locator('.work__row').first().textContent()).toMatch(/Sisa \d+ hari kerja/);
      await screenshot(supervisor, 'counter-supervisor-home.png', { fullPage: false });
      await focusOn(queue.getByRole('button', { name: 'Setujui' }).first());
      await s.press('Enter');
      const confirm = supervisor.getByRole('dialog', { name: 'Setujui permohonan IUMK' });
      await focusOn(confirm.getByRole('button', { name: 'Ya, setujui' }));
      await s.press('Enter');
      await supervisor.getByText('IUMK Bakso Mas Joko disetujui.').waitFor();

      // The counter: from Beranda to the certificate in the applicant's hands.
      await l.press('Alt+KeyH');
      const toIssue = loket.getByRole('region', { name: 'Siap diterbitkan' });
      await toIssue.getByText('Bakso Mas Joko').waitFor();
      await screenshot(loket, 'counter-loket-home.png', { fullPage: false });
      await focusOn(toIssue.getByRole('link', { name: /Bakso Mas Joko/ }));
      await l.press('Enter');
      const issue = loket.getByRole('button', { name: 'Terbitkan & cetak' });
      await focusOn(issue);
      const certificate = loket.waitForResponse((r) => r.url().endsWith('/api/permits.certificate'));
      await l.press('Enter');
      // The print dialog opens in place (a PDF in a print frame, no download to find), and the
      // clerk says how it came out.
      const result = loket.getByRole('dialog', { name: 'Hasil cetak surat izin' });
      const handOver = result.getByRole('button', { name: 'Baik, serahkan sekarang' });
      await focusOn(handOver);
      await screenshot(loket, 'counter-print.png', { fullPage: false });
      await l.press('Enter');
      await loket.getByText('Surat izin asli tercetak baik dan diserahkan kepada pemohon.').waitFor();
      await loket.getByText(/Langkah berikutnya: tidak ada/).waitFor();

      console.log(`counter: loket ${l.count}, supervisor ${s.count} interactions`);
      expect(loketBeforeApproval).toBeLessThan(l.count);
      expect(l.count).toBeLessThanOrEqual(LOKET_LIMIT);
      expect(s.count).toBeLessThanOrEqual(SUPERVISOR_LIMIT);

      // What the office holds now: a member, a permit handed over, its original printed once and confirmed.
      const member = await env.app.db
        .selectFrom('members')
        .select(['id', 'full_name', 'gender', 'birth_date'])
        .where('nik', '=', nik)
        .executeTakeFirstOrThrow();
      expect(member).toMatchObject({ full_name: 'Joko Susilo', gender: 'L', birth_date: '1990-02-03' });
      const permit = await env.app.db.selectFrom('permits').selectAll().where('member_id', '=', member.id).executeTakeFirstOrThrow();
      expect(permit).toMatchObject({ status: 'diserahkan', postal_code: '10210' });
      expect(permit.number).toMatch(/^503\/\d{4}\/IUMK\/1002\/[IVX]+\/\d{4}$/);
      const prints = await env.app.db
        .selectFrom('permit_prints')
        .select(['kind', 'event'])
        .where('permit_id', '=', permit.id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      expect(prints).toEqual([
        { kind: 'asli', event: 'dicetak' },
        { kind: 'asli', event: 'berhasil' },
      ]);
      // The certificate went to a print frame of the page itself (no download to find): the original.
      const frame = loket.locator('iframe[data-print-frame]');
      expect(await frame.count()).toBe(1);
      expect(await frame.getAttribute('src')).toMatch(/^blob:/);
      expect(await loket.locator('a[download]').count()).toBe(0);
      const body = (await (await certificate).json()) as { ok: boolean; value: { base64: string; kind: string } };
      expect(body.value.kind).toBe('asli');
      const bytes = body.value.base64;
      const [text] = await extractPdfText(Buffer.from(bytes, 'base64'));
      expect(text).toContain(permit.number);
      expect(text).toContain('Bakso Mas Joko');
      expect(text.replace(/\s+/g, ' ')).toContain('Kode Pos 10210');
      expect(text).not.toContain('SALINAN');
    },
  );

  it('lists the shortcuts on the help overlay and refuses an out-of-area business at the counter with where to apply', { timeout: 120_000 }, async () => {
    await loket.keyboard.press('Alt+KeyH');
    await loket.getByRole('heading', { name: /Selamat datang/ }).waitFor();
    await loket.locator('body').press('?');
    const help = loket.getByRole('dialog', { name: 'Pintasan papan ketik' });
    await help.getByText('Permohonan IUMK baru').waitFor();
    expect(await help.textContent()).toContain('Alt+N');
    await loket.keyboard.press('Escape');

    const m = await createMember(env.app, { fullName: 'Rudi Hartono', businessName: 'Kopi Cideng' });
    await env.app.db.updateTable('businesses').set({ kelurahan_kode: '31.71.01.1002' }).where('id', '=', m.businessId).execute();
    await loket.keyboard.press('Alt+KeyN');
    await focusOn(loket.getByLabel(/^NIK atau nama pemohon/));
    await loket.keyboard.type('Kopi Cideng');
    await loket.getByRole('button', { name: /Kopi Cideng/ }).waitFor();
    await loket.getByText(/di luar wilayah \(Kec\. Gambir\)/).waitFor();
    await loket.keyboard.press('Enter');
    await loket.getByText(/IUMK diajukan ke Kantor Kecamatan Gambir/).waitFor();
    await loket.getByLabel(/^Luas tempat usaha/).fill('10');
    await loket.keyboard.press('Alt+KeyL');
    await loket.keyboard.press('Alt+KeyS');
    await loket
      .getByText(/Usaha berada di Kelurahan Cideng, Kecamatan Gambir/)
      .first()
      .waitFor();
    expect(await env.app.db.selectFrom('permits').select('id').where('business_id', '=', m.businessId).execute()).toHaveLength(0);
  });
});
