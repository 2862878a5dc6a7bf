import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { AppError } from '../api/errors';
import * as commonPackage from '@zxcvbn-ts/language-common';
import * as indonesianPackage from '@zxcvbn-ts/language-id';

/**
 * The office's password rule, in the spirit of OWASP ASVS 5.0 (V6.2): length rather than
 * composition (at least 12 characters, up to 128, any characters, spaces welcome), checked
 * against lists of common passwords and words (zxcvbn's common list plus its Indonesian
 * dictionaries) and against the words an attacker would try first for this account: the
 * username, the person's name, the office's name and the app's name.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's scale 0..4; 3 means "safely unguessable" (about 10^8 guesses and more). */
const MIN_SCORE = 3;
/** Context words shorter than this match too much by chance ("Adi" in "Padi"). */
const MIN_CONTEXT_WORD = 4;

export const APP_CONTEXT_WORDS = ['Jakpreneur', 'Jakpreneur Desk'];

export interface PasswordContext {
  username?: string | null;
  fullName?: string | null;
  officeName?: string | null;
}

let estimator: ZxcvbnFactory | null = null;
// Built on first use: the dictionaries take a few tens of milliseconds to rank.
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonPackage.dictionary, ...indonesianPackage.dictionary },
    graphs: commonPackage.adjacencyGraphs,
    translations: indonesianPackage.translations,
  });
  return estimator;
}

/** The words of the context, whole and split, that a password must not contain. */
export function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>();
  for (const value of [context.username, context.fullName, context.officeName, ...APP_CONTEXT_WORDS]) {
    if (!value) continue;
    const whole = value.trim().toLowerCase();
    if (whole.length >= MIN_CONTEXT_WORD) words.add(whole);
    for (const part of whole.split(/[^\p{L}\p{N}]+/u)) if (part.length >= MIN_CONTEXT_WORD) words.add(part);
  }
  return [...words];
}

function estimate(password: string, context: PasswordContext): ZxcvbnResult {
  return zxcvbn().check(password, contextWords(context));
}

/**
 * Why a new password is refused, as a short Indonesian phrase to follow the field's label
 * ("Kata sandi baru: minimal 12 karakter"), or null when it is acceptable.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  // Each Unicode code point counts as one character (NIST SP 800-63B), not each UTF-16 unit.
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH) return `minimal ${PASSWORD_MIN_LENGTH} karakter (boleh berupa beberapa kata dengan spasi)`;
  if (length > PASSWORD_MAX_LENGTH) return `maksimal ${PASSWORD_MAX_LENGTH} karakter`;
  const result = estimate(password, context);
  const personal = result.sequence.find((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
  if (personal) {
    return `tidak boleh memuat nama pengguna, nama, nama kantor atau nama aplikasi ("${personal.token}")`;
  }
  if (result.score >= MIN_SCORE) return null;
  const common = result.sequence.some((m) => m.pattern === 'dictionary' && String(m.dictionaryName).startsWith('passwords'));
  if (common) return 'terlalu umum: ada di daftar kata sandi yang sering dipakai. Pakai tiga atau empat kata yang tidak saling berhubungan';
  const warning = result.feedback.warning ? `${result.feedback.warning.replace(/\.$/, '')}. ` : '';
  return `mudah ditebak. ${warning}Pakai tiga atau empat kata yang tidak saling berhubungan`;
}

/** Refuses a new password that breaks the rule, naming the field as the form shows it. */
export function assertAcceptablePassword(password: string, context: PasswordContext, field: string, fieldLabel: string): void {
  const problem = passwordProblem(password, context);
  if (problem) {
    const message = `${fieldLabel}: ${problem}`;
    throw new AppError('bad_input', message, { [field]: message });
  }
}
