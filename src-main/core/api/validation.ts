import { z } from 'zod';
import { phraseOf, verbatim, type Phrase } from '../../../src-shared/i18n';
import type { FieldPhrases } from './errors';

// Zod carries a message as a string; ours are phrases in both languages, so a message travels
// through zod encoded (`fieldMessage`) and `describeIssues` reads it back. Every message a schema
// declares itself (a `.regex`, `.refine` or `addIssue` message) is written with `fieldMessage`;
// test/unit/core/server-phrases.test.ts fails on one that is not.
const MARK = '\u0001';

/** A phrase as a zod message. */
export const fieldMessage = (phrase: Phrase): string => `${MARK}${JSON.stringify([phrase.id, phrase.en])}`;

/** A zod message back as a phrase (a plain string, from a library, stays as it is). */
export function messagePhrase(message: string): Phrase {
  if (!message.startsWith(MARK)) return verbatim(message);
  const [id, en] = JSON.parse(message.slice(MARK.length)) as [string, string];
  return { id, en };
}

/**
 * Messages for the people at the counter, not for programmers: short, and always prefixed by
 * the field's label (see `describeIssues`). A schema's own message wins over these.
 */
const typeNames: Record<string, Phrase> = {
  string: { id: 'teks', en: 'text' },
  number: { id: 'angka', en: 'a number' },
  int: { id: 'bilangan bulat', en: 'a whole number' },
  boolean: { id: 'ya/tidak', en: 'yes/no' },
  array: { id: 'daftar', en: 'a list' },
  object: { id: 'data', en: 'data' },
  date: { id: 'tanggal', en: 'a date' },
};

const REQUIRED: Phrase = { id: 'wajib diisi', en: 'required' };

function issueMessage(issue: z.core.$ZodRawIssue): Phrase {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return REQUIRED;
      const type = typeNames[issue.expected] ?? verbatim(issue.expected);
      return { id: `harus berupa ${type.id}`, en: `must be ${type.en}` };
    }
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? REQUIRED : { id: `minimal ${issue.minimum} karakter`, en: `at least ${issue.minimum} characters` };
      if (issue.origin === 'array') return { id: `pilih minimal ${issue.minimum}`, en: `choose at least ${issue.minimum}` };
      return { id: `tidak boleh kurang dari ${issue.minimum}`, en: `may not be less than ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { id: `maksimal ${issue.maximum} karakter`, en: `at most ${issue.maximum} characters` };
      if (issue.origin === 'array') return { id: `maksimal ${issue.maximum} butir`, en: `at most ${issue.maximum} items` };
      return { id: `tidak boleh lebih dari ${issue.maximum}`, en: `may not be more than ${issue.maximum}` };
    case 'invalid_format':
      if (issue.format === 'email') return { id: 'alamat email tidak valid', en: 'not a valid email address' };
      // The screens send dates as YYYY-MM-DD from what was typed as HH/BB/TTTT: an empty one
      // is a missing date, anything else a date that does not exist.
      if (issue.format === 'date')
        return issue.input === '' ? REQUIRED : { id: 'tanggal tidak valid (tulis HH/BB/TTTT)', en: 'not a valid date (write DD/MM/YYYY)' };
      return { id: 'format tidak valid', en: 'invalid format' };
    case 'invalid_value': {
      // An empty choice is a missing one; otherwise the choices in words (see `choice`), with
      // the code beside for the spreadsheets that import them.
      if (issue.input === '' || issue.input === undefined || issue.input === null) return { id: 'wajib dipilih', en: 'choose one' };
      const words = issue.inst ? choiceWords.get(issue.inst as z.ZodType) : undefined;
      const list = phraseOf((l) => issue.values.map((v) => (words?.[String(v)] ? `${words[String(v)][l]} (${String(v)})` : String(v))).join(', '));
      return { id: `harus salah satu dari: ${list.id}`, en: `must be one of: ${list.en}` };
    }
    case 'unrecognized_keys':
      return { id: `isian tidak dikenal: ${issue.keys.join(', ')}`, en: `unknown fields: ${issue.keys.join(', ')}` };
    case 'not_multiple_of':
      return { id: 'harus bilangan bulat', en: 'must be a whole number' };
    default:
      return { id: 'tidak valid', en: 'not valid' };
  }
}

z.config({ customError: (issue) => fieldMessage(issueMessage(issue)) });

/** The words of a field (its label) and of a choice's values, where the schema is declared. */
const fieldLabels = z.registry<{ label: Phrase }>();
const choiceWords = z.registry<Record<string, Phrase>>();

/** The field's label in both languages, set where the schema is declared; messages name it. */
export function label<T extends z.ZodType>(schema: T, words: Phrase): T {
  // The title is the Indonesian label, for the JSON Schema of /api/methods.
  const labelled = schema.meta({ title: words.id });
  fieldLabels.add(labelled, { label: words });
  return labelled;
}

/** The parts of a schema's definition the labels are found through (zod keeps them in `_zod.def`). */
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Partial<Record<string, z.ZodType>>;
}
const defOf = (schema: z.ZodType): SchemaDef => schema._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  // optional, nullable, default, pipe... all keep their inner type in def.innerType / def.in
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

function labelOf(schema: z.ZodType | undefined): Phrase | undefined {
  if (!schema) return undefined;
  return fieldLabels.get(schema)?.label ?? fieldLabels.get(unwrap(schema))?.label;
}

/** The label of the field at `path` inside `schema`, falling back to the path itself. */
export function fieldLabel(schema: z.ZodType, path: PropertyKey[]): Phrase {
  let s: z.ZodType | undefined = schema;
  const parts: Phrase[] = [];
  for (const key of path) {
    const def: SchemaDef | undefined = s ? defOf(unwrap(s)) : undefined;
    if (typeof key === 'number') {
      s = def?.type === 'array' ? def.element : undefined;
      parts.push({ id: `baris ${key + 1}`, en: `row ${key + 1}` });
      continue;
    }
    s = typeof key === 'string' ? def?.shape?.[key] : undefined;
    // Grouping objects without a label (office, admin...) add nothing the user needs to read.
    const words = labelOf(s);
    if (words) parts.push(words);
    else if (key === path[path.length - 1]) parts.push(verbatim(String(key)));
  }
  return parts.length ? phraseOf((l) => parts.map((p) => p[l]).join(' › ')) : { id: 'Isian', en: 'Field' };
}

/** "Label: message" in both languages. */
export const fieldSays = (name: Phrase, message: Phrase): Phrase => ({ id: `${name.id}: ${message.id}`, en: `${name.en}: ${message.en}` });

/** Turns validation issues into field errors, each message naming its field. */
export function describeIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): FieldPhrases {
  const fields: FieldPhrases = {};
  for (const issue of issues) {
    // Unknown keys are reported at the parent; name the keys themselves as the fields.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const key = path.map(String).join('.') || '_';
      if (Object.hasOwn(fields, key)) continue;
      const name = issue.code === 'unrecognized_keys' ? verbatim(String(path[path.length - 1])) : fieldLabel(schema, path);
      const message = issue.code === 'unrecognized_keys' ? { id: 'isian tidak dikenal', en: 'unknown field' } : messagePhrase(issue.message);
      fields[key] = fieldSays(name, message);
    }
  }
  return fields;
}

/** Summary line for a set of field errors. */
export function summarise(fields: FieldPhrases): Phrase {
  const messages = Object.values(fields);
  if (messages.length === 1) return messages[0];
  return { id: `Ada ${messages.length} isian yang perlu diperbaiki. ${messages[0].id}`, en: `${messages.length} fields need correcting. ${messages[0].en}` };
}

// Reusable building blocks with labels and limits, so every schema bounds its strings.
export const text = (name: Phrase, max = 200) => label(z.string().trim().min(1).max(max), name);
export const optionalText = (name: Phrase, max = 200) =>
  label(
    z
      .string()
      .trim()
      .max(max)
      .transform((v) => (v === '' ? null : v))
      .nullish(),
    name,
  );
export const isoDate = (name: Phrase) => label(z.iso.date(), name);
/** An Indonesian postal code: five digits. */
export const postalCodeField = (name: Phrase = { id: 'Kode pos', en: 'Postal code' }) =>
  label(
    z
      .string()
      .trim()
      .regex(/^\d{5}$/, fieldMessage({ id: 'kode pos 5 angka', en: 'postal code of 5 digits' })),
    name,
  );
/** A choice among codes, each with the words a person reads; messages name the words. */
export function choice<const T extends readonly [string, ...string[]]>(name: Phrase, values: T, words: Readonly<Record<T[number], Phrase>>) {
  const schema = label(z.enum(values), name);
  choiceWords.add(schema, words);
  return schema;
}
export const rupiah = (name: Phrase) => label(z.number().int().min(0).max(1_000_000_000_000_000), name);
export const id = (name: Phrase) => label(z.string().min(1).max(64), name);
