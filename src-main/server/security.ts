import { networkInterfaces, hostname } from 'node:os';

/** Content Security Policy of the renderer, shared by the office server and the Electron shell. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // blob: only: the certificate printed in place is a PDF in a hidden frame made from a blob
  // (the frame's document inherits this policy, and the browser's PDF viewer is plugin content).
  'object-src blob:',
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};

/**
 * Host names under which this server may be reached. A request naming any other host is a DNS
 * rebinding attempt (a foreign page whose name resolves to us) and is refused.
 */
export function allowedHostNames(bindHost: string, extra: string[] = []): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', ...extra.map((h) => h.toLowerCase())]);
  const anyAddress = bindHost === '0.0.0.0' || bindHost === '::';
  if (!anyAddress) names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost.toLowerCase());
  if (anyAddress || !['127.0.0.1', 'localhost', '::1'].includes(bindHost)) {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
    }
  }
  return names;
}

/** The host part of a Host header (without the port), lower-cased. */
export function hostOf(header: string | undefined): string | null {
  if (!header || header.length > 255) return null;
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(header.trim().toLowerCase());
  return m ? m[1] : null;
}
