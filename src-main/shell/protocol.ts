import { SECURITY_HEADERS } from '../server/security';
import { readStatic } from '../server/static';

export const APP_SCHEME = 'app';
export const APP_HOST = 'jakpreneur';
/** Every page of ours lives under this prefix; navigation and IPC checks compare against it. */
export const APP_URL_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

/**
 * standard: real origin and relative URLs (so CSP 'self' means app://jakpreneur); secure: a
 * secure context like https; supportFetchAPI: module scripts and fetch work. No corsEnabled and
 * no bypassCSP: other origins cannot read our files and the CSP stays in force.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

export const isAppUrl = (url: string): boolean => url.startsWith(APP_URL_PREFIX);

const plain = (status: number, text: string) => new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * The handler of the app:// scheme: the built renderer's files with the same security headers
 * as the office server, instead of file:// (which would give the page a null origin and read
 * access to the whole disk).
 */
export function createRendererHandler(rendererDir: string | null): (request: Request) => Response {
  return (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Alamat tidak valid.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Berkas tidak ditemukan.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Metode tidak didukung.');
    if (!rendererDir) return plain(503, 'Tampilan aplikasi belum dibangun. Jalankan: npm run build');
    try {
      const file = readStatic(rendererDir, url.pathname);
      if (!file) return plain(404, 'Berkas tidak ditemukan.');
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'Content-Type': file.type,
          'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
      });
    } catch {
      return plain(500, 'Berkas tampilan tidak dapat dibaca.');
    }
  };
}
