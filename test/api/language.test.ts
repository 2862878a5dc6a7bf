import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server';

// The API answers in the caller's language: the screen sends it as Accept-Language.
let env: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  env = await startTestServer();
  await env.app.setup();
});
afterAll(async () => {
  await env.stop();
});

async function call(method: string, input: unknown, language?: string) {
  const res = await fetch(`${env.server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(language ? { 'Accept-Language': language } : {}) },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as { ok: false; error: { code: string; message: string; fields?: Record<string, string> } } };
}

describe('server messages in the caller language', () => {
  it('answers a refusal in English when asked in English, in Indonesian otherwise', async () => {
    const en = await call('members.list', {}, 'en');
    expect(en.status).toBe(401);
    expect(en.body.error.message).toBe('Your session has ended or you have not logged in. Please log in again.');
    const id = await call('members.list', {}, 'id');
    expect(id.body.error.message).toBe('Sesi Anda berakhir atau belum masuk. Silakan masuk kembali.');
    // A caller that names no language of the app gets the office's.
    expect((await call('members.list', {}, 'fr-FR')).body.error.message).toBe(id.body.error.message);
    expect((await call('members.list', {})).body.error.message).toBe(id.body.error.message);
  });

  it('names the fields of bad input in English, with the message of each', async () => {
    const en = await call('auth.login', { username: '' }, 'en-GB,id;q=0.5');
    expect(en.status).toBe(400);
    expect(en.body.error.fields).toBeDefined();
    for (const message of Object.values(en.body.error.fields!)) expect(message).not.toMatch(/wajib|harus|isian/);
    expect(en.body.error.message).toMatch(/required|fields need correcting/);
    const id = await call('auth.login', { username: '' }, 'id-ID,en;q=0.5');
    expect(id.body.error.message).toMatch(/wajib diisi|isian yang perlu diperbaiki/);
  });

  it('answers an unknown method in the caller language', async () => {
    expect((await call('nothing.here', {}, 'en')).body.error.message).toBe('Unknown API method "nothing.here".');
    expect((await call('nothing.here', {}, 'id')).body.error.message).toBe('Metode API "nothing.here" tidak dikenal.');
  });
});
