import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoOffice } from '../../src-main/demo/demo';
import { MAX_ANONYMOUS_BODY_BYTES, MAX_BODY_BYTES } from '../../src-main/server/http';
import { ADMIN } from '../support/app';
import { readWire, type PathOutput, type WireBody } from '../support/http';
import { startTestServer } from '../support/server';

// Request bodies over the limit get 413 before they are read whole: a declared Content-Length
// over it is refused at once, a body without one is counted as it arrives. Without a valid
// session only small bodies are read at all.

let env: Awaited<ReturnType<typeof startTestServer>>;
let session: { cookie: string; csrf: string };
beforeEach(async () => {
  env = await startTestServer();
  const res = await fetch(`${env.server.url}/api/office.setup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ office: demoOffice, admin: ADMIN }),
  });
  session = { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: (await readWire<PathOutput<'/api/office.setup'>>(res)).value.csrfToken };
});
afterEach(async () => {
  await env.stop();
});

interface Sent {
  status: number;
  body: WireBody<unknown>;
  /** Bytes of the body written when the answer arrived. */
  writtenBeforeAnswer: number;
  /** The whole body had been sent when the answer arrived. */
  complete: boolean;
}

/**
 * Posts `total` bytes of body in 64 KiB chunks (with or without Content-Length), writing the
 * next chunk only after the previous one drained, and stops writing once the answer arrives.
 */
function post(path: string, total: number, opts: { contentLength: boolean; signedIn: boolean }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const url = new URL(env.server.url + path);
    let written = 0;
    let answered = false;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(opts.contentLength ? { 'Content-Length': String(total) } : {}),
          ...(opts.signedIn ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
        },
      },
      (res) => {
        answered = true;
        const at = written;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as WireBody<unknown>,
            writtenBeforeAnswer: at,
            complete: at >= total,
          }),
        );
      },
    );
    req.on('error', (e) => {
      // The server closes the connection after its 413; a write racing that close fails here.
      if (!answered) reject(e);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && written < total) {
        const n = Math.min(chunk.length, total - written);
        written += n;
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request body limits', () => {
  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const res = await post('/api/members.importPreview', MAX_BODY_BYTES + 1024 * 1024, { contentLength: true, signedIn: true });
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({ code: 'payload_too_large', message: 'Data yang dikirim terlalu besar (paling banyak 25 MB).' });
    expect(res.complete).toBe(false);
  });

  it('counts a body sent without Content-Length and refuses it at the limit', async () => {
    const res = await post('/api/members.importPreview', MAX_BODY_BYTES * 2, { contentLength: false, signedIn: true });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    // Answered once the limit was passed, long before the whole body was sent.
    expect(res.complete).toBe(false);
    expect(res.writtenBeforeAnswer).toBeGreaterThan(MAX_BODY_BYTES);
    expect(res.writtenBeforeAnswer).toBeLessThan(MAX_BODY_BYTES * 2);
  });

  it('reads only small bodies from callers without a valid session, with or without Content-Length', async () => {
    for (const contentLength of [true, false]) {
      const res = await post('/api/auth.login', 64 * 1024 * 1024, { contentLength, signedIn: false });
      expect(res.status).toBe(413);
      expect(res.body.error).toEqual({ code: 'payload_too_large', message: 'Data yang dikirim terlalu besar. Masuk terlebih dahulu untuk mengirim berkas.' });
      expect(res.complete).toBe(false);
    }
    // The same size is read for a signed-in caller (and then refused for what it is: not JSON).
    const signedIn = await post('/api/members.importPreview', MAX_ANONYMOUS_BODY_BYTES * 4, { contentLength: true, signedIn: true });
    expect(signedIn.status).toBe(400);
    // A small anonymous body is read as usual.
    const login = await fetch(`${env.server.url}/api/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
    });
    expect(login.status).toBe(200);
    // And the server keeps answering after closing the refused connections.
    expect((await fetch(`${env.server.url}/api/health`)).status).toBe(200);
  });
});
