import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, fieldMessage, label, summarise, text } from '../../../src-main/core/api/validation';
import { tableIn } from '../../../src-shared/i18n';
import { hashPassword, owaspScryptCost, verifyPassword } from '../../../src-main/core/auth/passwords';
import { uuidv7 } from '../../../src-main/core/ids';
import { parseCsv } from '../../../src-main/features/reference/csv';
import { allowedHostNames, hostOf } from '../../../src-main/server/security';

describe('passwords', () => {
  it('uses the OWASP scrypt cost by default and verifies what it hashed', async () => {
    expect(owaspScryptCost).toEqual({ logN: 17, r: 8, p: 1 });
    const stored = await hashPassword('RahasiaKantor9', owaspScryptCost);
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(await verifyPassword('RahasiaKantor9', stored)).toBe(true);
    expect(await verifyPassword('rahasiakantor9', stored)).toBe(false);
  });
  it('salts every hash', async () => {
    const cost = { logN: 10, r: 8, p: 1 };
    expect(await hashPassword('SamaSaja123', cost)).not.toBe(await hashPassword('SamaSaja123', cost));
  });
});

describe('ids', () => {
  it('are UUIDv7, time-ordered even within one millisecond', () => {
    const next = uuidv7(() => 1_780_000_000_000);
    const ids = Array.from({ length: 50 }, next);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(50);
  });
});

describe('validation messages', () => {
  const schema = z.strictObject({
    name: text({ id: 'Nama lengkap', en: 'Full name' }, 10),
    age: label(z.number().int().min(17), { id: 'Umur', en: 'Age' }),
    role: label(z.enum(['a', 'b']), { id: 'Peran', en: 'Role' }),
    nested: z.strictObject({
      nip: label(z.string().regex(/^\d{18}$/, fieldMessage({ id: 'harus 18 angka', en: 'must be 18 digits' })), { id: 'NIP', en: 'NIP' }),
    }),
  });
  it('name each field in Indonesian', () => {
    const r = schema.safeParse({ name: 'x'.repeat(11), age: 3.5, role: 'c', nested: { nip: '12' }, extra: true });
    expect(r.success).toBe(false);
    const fields = describeIssues(schema, r.error!.issues);
    expect(tableIn(fields, 'id')).toEqual({
      name: 'Nama lengkap: maksimal 10 karakter',
      age: 'Umur: harus berupa bilangan bulat',
      role: 'Peran: harus salah satu dari: a, b',
      'nested.nip': 'NIP: harus 18 angka',
      extra: 'extra: isian tidak dikenal',
    });
    expect(summarise(fields).id).toMatch(/^Ada 5 isian yang perlu diperbaiki\. Nama lengkap: /);
  });
  it('name each field in English too', () => {
    const r = schema.safeParse({ name: 'x'.repeat(11), age: 3.5, role: 'c', nested: { nip: '12' }, extra: true });
    const fields = describeIssues(schema, r.error!.issues);
    expect(tableIn(fields, 'en')).toEqual({
      name: 'Full name: at most 10 characters',
      age: 'Age: must be a whole number',
      role: 'Role: must be one of: a, b',
      'nested.nip': 'NIP: must be 18 digits',
      extra: 'extra: unknown field',
    });
    expect(summarise(fields).en).toMatch(/^5 fields need correcting\. Full name: /);
  });
  it('say a missing field is required', () => {
    const r = schema.safeParse({});
    const fields = describeIssues(schema, r.error!.issues);
    expect(fields.name.id).toBe('Nama lengkap: wajib diisi');
    expect(fields.age).toEqual({ id: 'Umur: wajib diisi', en: 'Age: required' });
  });
});

describe('office server host check', () => {
  it('knows its own names and nothing else', () => {
    const hosts = allowedHostNames('127.0.0.1');
    expect(hosts.has('localhost')).toBe(true);
    expect(hosts.has('127.0.0.1')).toBe(true);
    expect(hosts.has('evil.example')).toBe(false);
    expect(hostOf('LocalHost:4455')).toBe('localhost');
    expect(hostOf('[::1]:80')).toBe('[::1]');
    expect(hostOf(undefined)).toBeNull();
  });
});

describe('reference CSV', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('kode,judul\n01,"Pertanian, Peternakan"\n02,"Kata ""kutip"""\n')).toEqual([
      ['kode', 'judul'],
      ['01', 'Pertanian, Peternakan'],
      ['02', 'Kata "kutip"'],
    ]);
  });
});
