import { describe, expect, it } from 'vitest';
import { contextWords, passwordProblem, PASSWORD_MAX_LENGTH, type PasswordContext } from '../../../src-main/core/auth/password-policy';

/** The Indonesian words of the refusal (the English ones are checked below). */
const problemId = (password: string, context?: PasswordContext) => passwordProblem(password, context)?.id ?? null;

const context = { username: 'siti.n', fullName: 'Siti Nurhaliza', officeName: 'Kantor Kecamatan Tanah Abang' };

describe('password policy (ASVS 5.0 V6.2 in spirit)', () => {
  it('says every refusal in English too', () => {
    expect(passwordProblem('Kopi-Susu-7')?.en).toMatch(/^at least 12 characters/);
    expect(passwordProblem('Password1234')?.en).toMatch(/^too common/);
    expect(passwordProblem('aaaaaaaaaaaa')?.en).toMatch(/^easy to guess\. .+\. Use three or four unrelated words$/);
  });

  it('asks for at least 12 characters and allows long passphrases with spaces', () => {
    expect(problemId('Kopi-Susu-7')).toMatch(/^minimal 12 karakter/);
    expect(problemId('kuda lumping hijau di pasar')).toBeNull();
    expect(problemId('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe('maksimal 128 karakter');
    // 64 characters and more are allowed (ASVS asks for at least 64).
    expect(problemId('Bajaj biru melaju ke Monas, lalu kerak telor di pasar malam ramai sekali')).toBeNull();
  });

  it('sets no composition rules: lower-case words pass, a mixed but common password does not', () => {
    expect(problemId('kerak telor pasar malam')).toBeNull();
    expect(problemId('Password1234')).toMatch(/terlalu umum/);
  });

  it('refuses the common passwords of the issue', () => {
    for (const weak of ['password12', 'qwerty1234', 'password1234', '123456789012']) {
      expect(problemId(weak.padEnd(12, '1')), weak).not.toBeNull();
    }
    expect(problemId('qwertyuiop12')).toMatch(/umum|mudah ditebak/);
    expect(problemId('aaaaaaaaaaaa')).toMatch(/mudah ditebak/);
  });

  it('refuses the username, the name, the office and the app in any case or l33t form', () => {
    expect(problemId('siti.n', context)).toMatch(/^minimal/);
    expect(problemId('siti.nsiti.n', context)).toMatch(/nama pengguna/);
    expect(problemId('Nurhaliza-2026-Kopi', context)).toMatch(/nama pengguna, nama, nama kantor atau nama aplikasi \("Nurhaliza"\)/);
    expect(problemId('TanahAbangJaya99', context)).toMatch(/nama kantor/);
    expect(problemId('Jakpreneur-Kopi-42', context)).toMatch(/nama aplikasi/);
    expect(problemId('J4kpr3neur Kopi 42', context)).toMatch(/nama aplikasi/);
    // The same password is fine for someone else.
    expect(problemId('Nurhaliza-2026-Kopi', { username: 'agus' })).toBeNull();
  });

  it('splits names into words and ignores the very short ones', () => {
    expect(contextWords({ username: 'adi', fullName: 'Hendra Wijaya, S.E.' })).toEqual(
      expect.arrayContaining(['hendra wijaya, s.e.', 'hendra', 'wijaya', 'jakpreneur']),
    );
    expect(contextWords({ username: 'adi' })).not.toContain('adi');
  });
});
