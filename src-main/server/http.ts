import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { App } from '../app';
import { AppError, errorStatus, type ApiError } from '../core/api/errors';
import { schemaVersion } from '../core/db/migrator';
import { describeMethods } from './methods-doc';
import { allowedHostNames, hostOf, SECURITY_HEADERS } from './security';
import { findRendererDir, readStatic } from './static';
import { localeOf } from './locale';
import type { Locale, Phrase } from '../../src-shared/i18n';

export const SESSION_COOKIE = 'jpd_session';
/** A logged-in caller's largest body: imports of member spreadsheets travel as JSON (base64). */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;
/** Without a valid session only small bodies are read: logins and the first-run setup. */
export const MAX_ANONYMOUS_BODY_BYTES = 16 * 1024;

export interface OfficeServerOptions {
  host?: string;
  port?: number;
  /** Extra host names (e.g. the PC's name on the LAN) accepted in the Host header. */
  allowedHosts?: string[];
  rendererDir?: string | null;
  /** The office certificate (tls.ts): the server speaks HTTPS. Required beyond loopback. */
  tls?: { key: string; cert: string };
  /** Plain HTTP beyond loopback, said out loud (`--insecure-http`): passwords then cross the LAN in clear. */
  insecureHttp?: boolean;
}

/** Addresses that only this PC can reach: plain HTTP is fine there. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface OfficeServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(json),
    ...headers,
  });
  res.end(json);
}

const sendError = (res: ServerResponse, error: ApiError) => send(res, errorStatus[error.code], { ok: false, error });

/** The transport's own refusals, in the caller's language. */
const refusal = (code: ApiError['code'], message: Phrase, locale: Locale): ApiError => ({ code, message: message[locale] });

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function sessionCookie(token: string | null, secure: boolean): string {
  // Over HTTPS the browser never sends the cookie back over plain HTTP.
  const attrs = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return token ? `${SESSION_COOKIE}=${token}; ${attrs}` : `${SESSION_COOKIE}=; ${attrs}; Max-Age=0`;
}

const tooLarge = (limit: number) =>
  limit === MAX_ANONYMOUS_BODY_BYTES
    ? new AppError('payload_too_large', {
        id: 'Data yang dikirim terlalu besar. Masuk terlebih dahulu untuk mengirim berkas.',
        en: 'The data sent is too large. Log in first to send files.',
      })
    : new AppError('payload_too_large', {
        id: `Data yang dikirim terlalu besar (paling banyak ${Math.round(limit / 1024 / 1024)} MB).`,
        en: `The data sent is too large (at most ${Math.round(limit / 1024 / 1024)} MB).`,
      });

/**
 * Reads the body up to `limit` bytes: a declared Content-Length over it is refused before a
 * byte is read, and a body without one is counted as it arrives and refused at the limit.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Answers 413 and closes the connection, so the rest of the body is never read. */
function refuseBody(res: ServerResponse, req: IncomingMessage, error: AppError, locale: Locale) {
  res.once('finish', () => req.socket.destroy());
  send(res, errorStatus[error.code], { ok: false, error: error.toJSON(locale) }, { Connection: 'close' });
}

/**
 * The office server: the renderer's files and the API over HTTP, for the browsers of the
 * office's other PCs. Binds 127.0.0.1 unless told to listen on the LAN.
 */
export async function startOfficeServer(app: App, options: OfficeServerOptions = {}): Promise<OfficeServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.tls && !options.insecureHttp) {
    throw new Error(`Server kantor di ${host} harus memakai HTTPS (sertifikat kantor). Untuk HTTP biasa di jaringan, nyatakan --insecure-http.`);
  }
  const secure = options.tls !== undefined;
  const hosts = allowedHostNames(host, options.allowedHosts);
  const rendererDir = options.rendererDir === undefined ? findRendererDir() : options.rendererDir;
  const methodList = describeMethods(app.methods);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const locale = localeOf(req.headers['accept-language']);
    const requestHost = hostOf(req.headers.host);
    if (!requestHost || !hosts.has(requestHost)) {
      sendError(
        res,
        refusal('forbidden', { id: 'Nama host tidak dikenali oleh server kantor.', en: 'The office server does not know this host name.' }, locale),
      );
      return;
    }
    const url = new URL(req.url ?? '/', 'http://server');
    const path = url.pathname;

    if (path === '/api/health' && req.method === 'GET') {
      send(res, 200, { ok: true, version: app.services.version, schemaVersion });
      return;
    }
    if (path === '/api/methods' && req.method === 'GET') {
      send(res, 200, { ok: true, value: methodList });
      return;
    }

    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') {
        send(
          res,
          405,
          { ok: false, error: refusal('bad_input', { id: 'Gunakan POST untuk memanggil metode API.', en: 'Use POST to call an API method.' }, locale) },
          { Allow: 'POST' },
        );
        return;
      }
      // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        sendError(
          res,
          refusal(
            'bad_input',
            { id: 'Permintaan harus berformat JSON (Content-Type: application/json).', en: 'The request must be JSON (Content-Type: application/json).' },
            locale,
          ),
        );
        return;
      }
      const sessionToken = readCookie(req, SESSION_COOKIE);
      // The limit is chosen before the body is read: strangers cannot make the server hold megabytes.
      const signedIn = sessionToken !== null && (await app.hasSession(sessionToken));
      let input: unknown;
      try {
        const body = await readBody(req, signedIn ? MAX_BODY_BYTES : MAX_ANONYMOUS_BODY_BYTES);
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (e) {
        if (e instanceof AppError) {
          refuseBody(res, req, e, locale);
          return;
        }
        sendError(res, refusal('bad_input', { id: 'Isi permintaan bukan JSON yang valid.', en: 'The body of the request is not valid JSON.' }, locale));
        return;
      }
      const jobId = req.headers['x-job-id'];
      const result = await app.dispatch({
        method: path.slice('/api/'.length),
        input,
        sessionToken,
        csrfToken: (req.headers['x-csrf-token'] as string | undefined) ?? null,
        checkCsrf: true,
        jobId: typeof jobId === 'string' ? jobId : null,
        // The socket's own address: X-Forwarded-For is written by the client and not trusted.
        clientAddress: req.socket.remoteAddress ?? null,
        locale,
      });
      const headers: Record<string, string> = { 'Content-Language': locale };
      if (result.session !== undefined) headers['Set-Cookie'] = sessionCookie(result.session, secure);
      send(res, result.status, result.body, headers);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { ok: false, error: refusal('bad_input', { id: 'Metode HTTP tidak didukung.', en: 'HTTP method not supported.' }, locale) });
      return;
    }
    if (!rendererDir) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Tampilan aplikasi belum dibangun. Jalankan: npm run build');
    }
    const file = readStatic(rendererDir, path);
    if (!file) {
      send(res, 404, { ok: false, error: refusal('not_found', { id: 'Berkas tidak ditemukan.', en: 'File not found.' }, locale) });
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Content-Length': file.body.length,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent)
        sendError(
          res,
          refusal('internal', { id: 'Terjadi kesalahan pada server.', en: 'Something went wrong on the server.' }, localeOf(req.headers['accept-language'])),
        );
      else res.end();
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.2' }, onRequest)
    : createServer(onRequest);
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4455, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `${secure ? 'https' : 'http'}://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
