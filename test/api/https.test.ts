import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { demoOffice } from '../../src-main/demo/demo';
import { startOfficeServer, type OfficeServer } from '../../src-main/server/http';
import { allowedHostNames } from '../../src-main/server/security';
import { certificateNames, ensureOfficeCertificate, TLS_FOLDER } from '../../src-main/server/tls';
import { ADMIN, makeTestApp, type TestApp } from '../support/app';
import type { WireBody } from '../support/http';

let app: TestApp | null = null;
let server: OfficeServer | null = null;
afterEach(async () => {
  await server?.close();
  await app?.dispose();
  server = null;
  app = null;
});

const mode = (file: string) => statSync(file).mode & 0o777;

/**
 * Certificate checks that look at the time, which Node makes against this machine's clock. The
 * office made its certificate on the test's clock (which may be set to another date), so these
 * two are judged again on that clock below; every other check stays Node's.
 */
const TIME_ERRORS = new Set(['CERT_NOT_YET_VALID', 'CERT_HAS_EXPIRED']);

/** A request over a real TLS connection that trusts only the office certificate, valid at `nowMs`. */
function tlsCall(
  url: string,
  ca: string,
  path: string,
  nowMs: number,
  body?: unknown,
): Promise<{ status: number; body: WireBody<unknown>; setCookie: string[]; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: u.port,
        path,
        method: body ? 'POST' : 'GET',
        ca,
        rejectUnauthorized: false,
        headers: body ? { 'Content-Type': 'application/json' } : {},
      },
      (res) => {
        if (!(res.socket instanceof TLSSocket)) {
          reject(new Error('the answer did not come over TLS'));
          return;
        }
        const cert = res.socket.getPeerCertificate();
        // Null when Node verified the chain; else a code such as CERT_NOT_YET_VALID (a string, or an Error carrying it).
        const reason = res.socket.authorizationError as unknown;
        const code = reason === null || reason === undefined ? null : typeof reason === 'string' ? reason : String((reason as { code?: unknown }).code);
        const inTime = Date.parse(cert.valid_from) <= nowMs && nowMs < Date.parse(cert.valid_to);
        // When Node stopped at the time, the trust is checked here: the certificate presented is
        // the trusted one itself (it is self-signed).
        const trusted = code === null || (TIME_ERRORS.has(code) && ca !== '' && new X509Certificate(ca).fingerprint256 === cert.fingerprint256);
        if (!trusted || !inTime) {
          res.destroy();
          reject(new Error(`certificate refused: ${trusted ? 'outside its validity' : code}`));
          return;
        }
        const fingerprint = cert.fingerprint256;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as WireBody<unknown>,
            setCookie: res.headers['set-cookie'] ?? [],
            fingerprint,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe('HTTPS on the LAN', () => {
  it('generates the office certificate once, private, naming the PC and its addresses', async () => {
    app = await makeTestApp();
    const names = certificateNames(allowedHostNames('0.0.0.0'));
    expect(names.dns).toContain('localhost');
    expect(names.ips).toContain('127.0.0.1');
    const first = await ensureOfficeCertificate(app.dir, names, app.clock.nowMs(), 'Kantor Kecamatan Tanah Abang');
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(mode(join(app.dir, TLS_FOLDER))).toBe(0o700);
    expect(mode(join(app.dir, TLS_FOLDER, 'kantor-key.pem'))).toBe(0o600);
    expect(mode(join(app.dir, TLS_FOLDER, 'kantor-cert.pem'))).toBe(0o600);
    const again = await ensureOfficeCertificate(app.dir, names, app.clock.nowMs());
    expect(again.fingerprint).toBe(first.fingerprint);
    // Near its end it is replaced.
    const later = await ensureOfficeCertificate(app.dir, names, app.clock.nowMs() + 820 * 24 * 3600_000);
    expect(later.fingerprint).not.toBe(first.fingerprint);
  });

  it('refuses plain HTTP beyond loopback unless asked for by name', async () => {
    app = await makeTestApp();
    await expect(startOfficeServer(app, { host: '0.0.0.0', port: 0, rendererDir: null })).rejects.toThrow(/HTTPS.*--insecure-http/);
    server = await startOfficeServer(app, { host: '0.0.0.0', port: 0, rendererDir: null, insecureHttp: true });
    expect(server.url).toMatch(/^http:\/\//);
    await server.close();
    server = await startOfficeServer(app, { port: 0, rendererDir: null });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('serves the API over TLS with the office certificate and Secure cookies', async () => {
    app = await makeTestApp();
    const tls = await ensureOfficeCertificate(app.dir, certificateNames(allowedHostNames('0.0.0.0')), app.clock.nowMs());
    server = await startOfficeServer(app, { host: '0.0.0.0', port: 0, rendererDir: null, tls });
    expect(server.url).toMatch(/^https:\/\//);
    const health = await tlsCall(server.url, tls.cert, '/api/health', app.clock.nowMs());
    expect(health.status).toBe(200);
    // The fingerprint the other PCs compare is the one the connection presents.
    expect(health.fingerprint).toBe(tls.fingerprint);
    const setup = await tlsCall(server.url, tls.cert, '/api/office.setup', app.clock.nowMs(), { office: demoOffice, admin: ADMIN });
    expect(setup.status).toBe(200);
    expect(setup.setCookie[0]).toMatch(/^jpd_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
    // Pengaturan shows the same fingerprint.
    const token = setup.setCookie[0].split(';')[0].split('=')[1];
    expect((await app.ok('office.get', {}, token)).lanCertificateFingerprint).toBe(tls.fingerprint);
    // A client that does not trust the certificate gets no connection at all.
    await expect(
      tlsCall(server.url, '', '/api/health', app.clock.nowMs()).catch((e: unknown) => Promise.reject(new Error(e instanceof Error ? e.message : String(e)))),
    ).rejects.toThrow(/self.signed|certificate/i);
    // Plain HTTP to the TLS port gets no answer from the API.
    const plain = await fetch(server.url.replace('https', 'http') + '/api/health', { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 'no answer',
    );
    expect(plain).not.toBe(200);
  });

  it('prints the fingerprint when the office server starts on the LAN', async () => {
    app = await makeTestApp();
    await app.close();
    const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
    expect(existsSync(cli), 'build first (npm test does)').toBe(true);
    const child = spawn(process.execPath, [cli, 'serve', '--host', '0.0.0.0', '--port', '0', '--data-dir', app.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8');
          if (/Sidik jari SHA-256[^\n]*\n\s+([0-9A-F]{2}:){31}[0-9A-F]{2}/.test(out)) resolve();
        });
        child.on('exit', () => reject(new Error(`server stopped: ${out}`)));
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(out).toMatch(/server kantor berjalan di https:\/\//);
    const fingerprint = /(([0-9A-F]{2}:){31}[0-9A-F]{2})/.exec(out)![1];
    const { storedFingerprint } = await import('../../src-main/server/tls');
    expect(storedFingerprint(app.dir)).toBe(fingerprint);
    Object.assign(app, { close: () => Promise.resolve() });
  });
});
