import { X509Certificate, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The office server's own TLS certificate for the LAN. Self-signed: an office has no domain
 * name and no certificate authority, so the other PCs check the certificate by its SHA-256
 * fingerprint, which the server prints at start and Pengaturan shows. Generated at the first LAN
 * start (or when it no longer names this PC or has expired), kept in the data folder, private.
 */
export const TLS_FOLDER = 'tls';
const KEY_FILE = 'kantor-key.pem';
const CERT_FILE = 'kantor-cert.pem';
const VALID_DAYS = 825; // the longest lifetime browsers accept for a server certificate

export interface OfficeCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate, hex pairs with colons (as browsers show it). */
  fingerprint: string;
  validTo: string;
}

export const fingerprintOf = (certPem: string) => new X509Certificate(certPem).fingerprint256;

/** The stored certificate's fingerprint, or null when the office has not served the LAN yet. */
export function storedFingerprint(dataDir: string): string | null {
  const file = join(dataDir, TLS_FOLDER, CERT_FILE);
  if (!existsSync(file)) return null;
  try {
    return fingerprintOf(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const pem = (label: string, der: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n?$/, '\n')}-----END ${label}-----\n`;

/** Whether a stored certificate still fits: unexpired for a month more and naming every host. */
function stillGood(certPem: string, names: { dns: string[]; ips: string[] }, nowMs: number): boolean {
  try {
    const cert = new X509Certificate(certPem);
    if (Date.parse(cert.validTo) - nowMs < 30 * 24 * 3600_000) return false;
    const san = cert.subjectAltName ?? '';
    // Node writes IPv6 addresses in full: those are checked by the IPv4 ones beside them.
    return names.dns.every((d) => san.includes(`DNS:${d}`)) && names.ips.filter((ip) => !ip.includes(':')).every((ip) => san.includes(`IP Address:${ip}`));
  } catch {
    return false;
  }
}

/**
 * The office certificate for these host names and addresses: the stored one when it still fits,
 * else a new ECDSA P-256 key and certificate written with mode 0600 in a 0700 folder.
 */
export async function ensureOfficeCertificate(
  dataDir: string,
  names: { dns: string[]; ips: string[] },
  nowMs: number,
  officeName = 'Kantor',
): Promise<OfficeCertificate> {
  const dir = join(dataDir, TLS_FOLDER);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const keyFile = join(dir, KEY_FILE);
  const certFile = join(dir, CERT_FILE);
  if (existsSync(keyFile) && existsSync(certFile)) {
    const key = readFileSync(keyFile, 'utf8');
    const cert = readFileSync(certFile, 'utf8');
    if (stillGood(cert, names, nowMs)) return { key, cert, fingerprint: fingerprintOf(cert), validTo: new X509Certificate(cert).validTo };
  }
  // Loaded only here: most starts never make a certificate. The library's dependency injection
  // needs the Reflect metadata API in place before it loads.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  const crypto = webcrypto as unknown as Crypto;
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const cn = `Jakpreneur Desk ${officeName}`.replace(/[,=+<>#;"\\]/g, ' ').slice(0, 64);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: [{ CN: [cn] }, { O: ['Jakpreneur Desk'] }],
      notBefore: new Date(nowMs - 3600_000),
      notAfter: new Date(nowMs + VALID_DAYS * 24 * 3600_000),
      signingAlgorithm: algorithm,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([
          ...names.dns.map((value) => ({ type: 'dns' as const, value })),
          ...names.ips.map((value) => ({ type: 'ip' as const, value })),
        ]),
      ],
    },
    crypto,
  );
  const key = pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  const cert = certificate.toString('pem');
  writeFileSync(keyFile, key, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, cert, { mode: 0o600 });
  chmodSync(certFile, 0o600);
  return { key, cert, fingerprint: fingerprintOf(cert), validTo: new X509Certificate(cert).validTo };
}

/** Splits the server's accepted host names (security.ts) into DNS names and IP addresses for the certificate. */
export function certificateNames(hosts: Iterable<string>): { dns: string[]; ips: string[] } {
  const dns: string[] = [];
  const ips: string[] = [];
  for (const h of hosts) {
    if (/^\[.*\]$/.test(h)) ips.push(h.slice(1, -1));
    else if (/^\d{1,3}(\.\d{1,3}){3}$/.test(h)) ips.push(h);
    else if (/^[a-z0-9.-]+$/i.test(h)) dns.push(h.toLowerCase());
  }
  return { dns: [...new Set(dns)].sort(), ips: [...new Set(ips)].sort() };
}
