import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { AppError } from '../api/errors';
import * as commonPackage from '@zxcvbn-ts/language-common';
import * as indonesianPackage from '@zxcvbn-ts/language-id';
import * as englishPackage from '@zxcvbn-ts/language-en';
import type { Phrase } from '../../../src-shared/i18n';
import { fieldSays } from '../api/validation';

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

/** zxcvbn's warning (it writes it in Indonesian) in both languages, by its key. */
function warningPhrase(warning: string | null | undefined): Phrase | null {
  if (!warning) return null;
  const warnings = indonesianPackage.translations.warnings as Record<string, string>;
  const key = Object.keys(warnings).find((k) => warnings[k] === warning);
  const en = key ? (englishPackage.translations.warnings as Record<string, string>)[key] : undefined;
  return { id: warning.replace(/\.$/, ''), en: (en ?? '').replace(/\.$/, '') };
}

/**
 * Why a new password is refused, as a short phrase to follow the field's label ("Kata sandi
 * baru: minimal 12 karakter"), or null when it is acceptable.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): Phrase | null {
  // Each Unicode code point counts as one character (NIST SP 800-63B), not each UTF-16 unit.
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      id: `minimal ${PASSWORD_MIN_LENGTH} karakter (boleh berupa beberapa kata dengan spasi)`,
      en: `at least ${PASSWORD_MIN_LENGTH} characters (several words with spaces are fine)`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) return { id: `maksimal ${PASSWORD_MAX_LENGTH} karakter`, en: `at most ${PASSWORD_MAX_LENGTH} characters` };
  const result = estimate(password, context);
  const personal = result.sequence.find((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
  if (personal) {
    return {
      id: `tidak boleh memuat nama pengguna, nama, nama kantor atau nama aplikasi ("${personal.token}")`,
      en: `may not contain the username, the person's name, the office's name or the app's name ("${personal.token}")`,
    };
  }
  if (result.score >= MIN_SCORE) return null;
  const advice: Phrase = { id: 'Pakai tiga atau empat kata yang tidak saling berhubungan', en: 'Use three or four unrelated words' };
  const common = result.sequence.some((m) => m.pattern === 'dictionary' && String(m.dictionaryName).startsWith('passwords'));
  if (common)
    return {
      id: `terlalu umum: ada di daftar kata sandi yang sering dipakai. ${advice.id}`,
      en: `too common: it is on the list of frequently used passwords. ${advice.en}`,
    };
  const warning = warningPhrase(result.feedback.warning);
  return {
    id: `mudah ditebak. ${warning?.id ? `${warning.id}. ` : ''}${advice.id}`,
    en: `easy to guess. ${warning?.en ? `${warning.en}. ` : ''}${advice.en}`,
  };
}

/** Refuses a new password that breaks the rule, naming the field as the form shows it. */
export function assertAcceptablePassword(password: string, context: PasswordContext, field: string, fieldLabel: Phrase): void {
  const problem = passwordProblem(password, context);
  if (problem) {
    const message = fieldSays(fieldLabel, problem);
    throw new AppError('bad_input', message, { [field]: message });
  }
}
