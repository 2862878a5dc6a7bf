// A registration refused in words: an empty form and a wrong one name each field in the
// catalogue's words (never a code or a date pattern), beside its field, once; the cursor goes to
// the first marked field; fields that are not on the screen have no messages; dates are typed
// dd/mm/yyyy. And the loket looks members up without the means to change them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSuite, launchBrowser, openPage } from '../support/browser';
import { startTestServer } from '../support/server';
import { ADMIN } from '../support/app';
import { insertMember } from '../support/programme-factory';
import { screenshot } from '../support/screenshots';

const PASSWORD = /^Kata sandi( \*)?$/;
const req = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

let browser: Browser;
let env: Awaited<ReturnType<typeof startTestServer>>;
let page: Page;
let admin: string;

beforeAll(async () => {
  env = await startTestServer({ withRenderer: true });
  admin = await env.app.setup();
  browser = await launchBrowser();
  page = await openPage(browser, env.app.clock, { viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
});
afterAll(() => closeSuite(browser, env));

async function login(username: string, password: string) {
  await page.goto(env.server.url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel(PASSWORD).fill(password);
  await page.getByLabel(PASSWORD).press('Enter');
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
}

/** Every message on the form: the banner and the messages beside the fields. */
const messages = () => page.locator('.field__error').allInnerTexts();
const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.innerText.replace(/\s*\*$/, '') ?? null);

describe('a refused registration, in words', () => {
  it('names every missing field beside it, once, in words, and puts the cursor on the first', async () => {
    await login(ADMIN.username, ADMIN.password);
    await page.goto(`${env.server.url}/#/pendaftaran/baru`);
    await page.getByRole('heading', { name: 'Daftarkan anggota baru' }).waitFor();
    await page.getByRole('button', { name: 'Daftarkan anggota', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /^Periksa \d+ isian yang ditandai\.$/ })
      .waitFor();

    const shown = await messages();
    expect(shown).toEqual(
      expect.arrayContaining(['Jenis kelamin: wajib dipilih', 'Tanggal lahir: wajib diisi', 'Kategori sasaran: wajib dipilih', 'SKPD pengampu: wajib dipilih']),
    );
    // Never a code, a pattern or a message for a field the screen does not show.
    for (const text of shown) {
      expect(text).not.toMatch(/harus salah satu dari|TTTT|pemula, naik_kelas|ppkukm_ukm|\bL, P\b/);
      expect(text).not.toMatch(/^Usaha › baris 1 › (Alamat|Kelurahan|Kode pos)/);
    }
    // Each message once on the page: beside its field, not repeated in the banner.
    const body = await page.locator('main').innerText();
    for (const text of shown) expect(body.split(text).length - 1).toBe(1);
    expect(await focusedLabel()).toBe('NIK');
  });

  it('after a valid NIK, puts the cursor on the first field still wrong and takes dates as dd/mm/yyyy', async () => {
    await page.getByLabel(req('NIK')).fill('3171075203850001');
    await page.getByLabel(req('Tanggal lahir')).fill('31/02/1985');
    await page.getByLabel(req('Tanggal lahir')).blur();
    await page.locator('.field__error', { hasText: 'Tanggal lahir: bukan tanggal yang ada; tulis HH/BB/TTTT, misalnya 17/08/1985' }).waitFor();
    await page.getByRole('button', { name: 'Daftarkan anggota', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /^Periksa \d+ isian yang ditandai\.$/ })
      .waitFor();
    expect(await focusedLabel()).toBe('Nama lengkap');
    await screenshot(page, 'registrations-refused.png', { fullPage: false });
    expect(await messages()).toContain('Tanggal lahir: tanggal tidak valid (tulis HH/BB/TTTT)');
    // Typed as offices write it, with the slashes coming by themselves; sent as YYYY-MM-DD.
    await page.getByLabel(req('Tanggal lahir')).fill('');
    await page.getByLabel(req('Tanggal lahir')).pressSequentially('12031985');
    expect(await page.getByLabel(req('Tanggal lahir')).inputValue()).toBe('12/03/1985');
    await page.getByLabel(req('Tanggal lahir')).press('ArrowUp');
    expect(await page.getByLabel(req('Tanggal lahir')).inputValue()).toBe('13/03/1985');
    await page.getByLabel(req('Tanggal lahir')).press('ArrowDown');
    await page.getByLabel(req('Nama lengkap')).fill('Dewi Kartika');
    await page.getByLabel(req('Jenis kelamin')).selectOption('P');
    await page.getByRole('button', { name: 'Daftarkan anggota', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /^Periksa \d+ isian yang ditandai\.$/ })
      .waitFor();
    // The next one still wrong, in the order of the form.
    expect(await focusedLabel()).toBe('Alamat (jalan, nomor)');
    expect(await messages()).not.toContain('Tanggal lahir: tanggal tidak valid (tulis HH/BB/TTTT)');
  });

  it('lets the loket look a member up without the means to register or change one', async () => {
    const member = await insertMember(env.app, { fullName: 'Rahmat Hidayat' });
    await env.app.ok('users.create', { username: 'loket1', fullName: 'Agus Salim', role: 'loket', password: 'BajajBiruMelaju19' }, admin);
    await env.app.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', 'loket1').execute();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await login('loket1', 'BajajBiruMelaju19');
    await page.goto(`${env.server.url}/#/pendaftaran/anggota/${member.id}`);
    await page.getByRole('heading', { name: /Rahmat Hidayat/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Ubah', exact: true }).count()).toBe(0);
    await page.goto(`${env.server.url}/#/pendaftaran`);
    await page.getByText('Rahmat Hidayat').waitFor();
    expect(await page.getByRole('link', { name: '+ Daftarkan anggota' }).count()).toBe(0);
    // The server says the same.
    const token = await env.app.login('loket1', 'BajajBiruMelaju19');
    expect((await env.app.call('members.save', { id: member.id }, token)).status).toBe(403);
  });
});
