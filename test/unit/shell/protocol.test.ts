import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/server/security.js';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, createRendererHandler, isAppUrl } from '../../../src-main/shell/protocol.js';

let outer: string;
let root: string;
let serve: (request: Request) => Response;

beforeAll(() => {
  // The renderer folder sits inside a private folder that also holds a file it must not serve.
  outer = mkdtempSync(join(tmpdir(), 'jpd-shell-renderer-'));
  root = join(outer, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Jakpreneur Desk</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(outer, 'rahasia.txt'), 'di luar folder tampilan');
  serve = createRendererHandler(root);
});
afterAll(() => rmSync(outer, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves index.html with the CSP of the office server', async () => {
    const response = serve(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Jakpreneur Desk');
  });

  it('serves hashed assets with a JavaScript type and a long cache', async () => {
    const response = serve(new Request('app://jakpreneur/assets/index-abc123.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers app routes with index.html so a reload keeps working', async () => {
    const response = serve(new Request('app://jakpreneur/izin/123'));
    expect(await response.text()).toContain('<title>Jakpreneur Desk</title>');
  });

  it('never reads outside the renderer folder', async () => {
    for (const path of ['/../rahasia.txt', '/%2e%2e/rahasia.txt', '/assets/..%2f..%2frahasia.txt']) {
      const response = serve(new Request(`app://jakpreneur${path}`));
      expect(await response.text(), path).not.toContain('di luar folder');
    }
  });

  it('refuses other hosts and methods other than GET and HEAD', () => {
    expect(serve(new Request('app://lain/index.html')).status).toBe(404);
    expect(serve(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' })).status).toBe(405);
    const head = serve(new Request(APP_ENTRY_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('says the renderer is not built yet instead of failing silently', async () => {
    const response = createRendererHandler(null)(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });

  it('recognises only our origin as the app', () => {
    expect(isAppUrl('app://jakpreneur/index.html')).toBe(true);
    expect(isAppUrl('app://jakpreneur.evil/index.html')).toBe(false);
    expect(isAppUrl('app://jakpreneur')).toBe(false);
    expect(isAppUrl('https://jakpreneur/')).toBe(false);
  });

  it('registers the scheme as standard, secure and fetchable, without bypassing CSP or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});
