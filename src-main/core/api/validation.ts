import { z } from 'zod';
import type { FieldErrors } from './errors';

/**
 * Messages for the people at the counter, not for programmers: short, Indonesian, and always
 * prefixed by the field's label (see `describeIssues`). A schema's own message wins over these.
 */
const typeNames: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  int: 'bilangan bulat',
  boolean: 'ya/tidak',
  array: 'daftar',
  object: 'data',
  date: 'tanggal',
};

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined || issue.input === null) return 'wajib diisi';
        return `harus berupa ${typeNames[issue.expected] ?? issue.expected}`;
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'wajib diisi' : `minimal ${issue.minimum} karakter`;
        if (issue.origin === 'array') return `pilih minimal ${issue.minimum}`;
        return `tidak boleh kurang dari ${issue.minimum}`;
      case 'too_big':
        if (issue.origin === 'string') return `maksimal ${issue.maximum} karakter`;
        if (issue.origin === 'array') return `maksimal ${issue.maximum} butir`;
        return `tidak boleh lebih dari ${issue.maximum}`;
      case 'invalid_format':
        if (issue.format === 'email') return 'alamat email tidak valid';
        // The screens send dates as YYYY-MM-DD from what was typed as HH/BB/TTTT: an empty one
        // is a missing date, anything else a date that does not exist.
        if (issue.format === 'date') return issue.input === '' ? 'wajib diisi' : 'tanggal tidak valid (tulis HH/BB/TTTT)';
        return 'format tidak valid';
      case 'invalid_value': {
        // An empty choice is a missing one; otherwise the choices in words (see `choice`), with
        // the code beside for the spreadsheets that import them.
        if (issue.input === '' || issue.input === undefined || issue.input === null) return 'wajib dipilih';
        const words = (issue.inst as { meta?: () => { choices?: Record<string, string> } | undefined } | undefined)?.meta?.()?.choices;
        return `harus salah satu dari: ${issue.values.map((v) => (words?.[String(v)] ? `${words[String(v)]} (${String(v)})` : String(v))).join(', ')}`;
      }
      case 'unrecognized_keys':
        return `isian tidak dikenal: ${issue.keys.join(', ')}`;
      case 'not_multiple_of':
        return 'harus bilangan bulat';
      default:
        return undefined;
    }
  },
});

/** Label shown to the user for a field; set with `label()` where the schema is declared. */
export function label<T extends z.ZodType>(schema: T, text: string): T {
  return schema.meta({ title: text }) as T;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: any = schema;
  // optional, nullable, default, pipe... all keep their inner type in def.innerType / def.in
  for (let i = 0; i < 10 && s; i++) {
    const def = s._zod?.def;
    if (def?.innerType) s = def.innerType;
    else if (def?.type === 'pipe') s = def.in;
    else break;
  }
  return s;
}

function titleOf(schema: z.ZodType | undefined): string | undefined {
  if (!schema) return undefined;
  const direct = (schema as any).meta?.()?.title as string | undefined;
  return direct ?? ((unwrap(schema) as any).meta?.()?.title as string | undefined);
}

/** The label of the field at `path` inside `schema`, falling back to the path itself. */
export function fieldLabel(schema: z.ZodType, path: PropertyKey[]): string {
  let s: any = schema;
  const parts: string[] = [];
  for (const key of path) {
    s = s ? unwrap(s) : undefined;
    const def = s?._zod?.def;
    if (typeof key === 'number') {
      s = def?.type === 'array' ? def.element : undefined;
      parts.push(`baris ${key + 1}`);
      continue;
    }
    s = def?.shape ? def.shape[key as string] : undefined;
    // Grouping objects without a label (office, admin...) add nothing the user needs to read.
    const title = titleOf(s);
    if (title) parts.push(title);
    else if (key === path[path.length - 1]) parts.push(String(key));
  }
  return parts.length ? parts.join(' › ') : 'Isian';
}

/** Turns validation issues into field errors, each message naming its field. */
export function describeIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    // Unknown keys are reported at the parent; name the keys themselves as the fields.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) {
      const key = path.map(String).join('.') || '_';
      if (fields[key]) continue;
      const name = issue.code === 'unrecognized_keys' ? String(path[path.length - 1]) : fieldLabel(schema, path);
      const text = issue.code === 'unrecognized_keys' ? 'isian tidak dikenal' : issue.message;
      fields[key] = `${name}: ${text}`;
    }
  }
  return fields;
}

/** Summary line for a set of field errors. */
export function summarise(fields: FieldErrors): string {
  const messages = Object.values(fields);
  if (messages.length === 1) return messages[0];
  return `Ada ${messages.length} isian yang perlu diperbaiki. ${messages[0]}`;
}

// Reusable building blocks with labels and limits, so every schema bounds its strings.
export const text = (name: string, max = 200) => label(z.string().trim().min(1).max(max), name);
export const optionalText = (name: string, max = 200) =>
  label(
    z
      .string()
      .trim()
      .max(max)
      .transform((v) => (v === '' ? null : v))
      .nullish(),
    name,
  );
export const isoDate = (name: string) => label(z.iso.date(), name);
/** A choice among codes, each with the words a person reads; messages name the words. */
export const choice = <const T extends readonly [string, ...string[]]>(name: string, values: T, words: Record<T[number], string>) =>
  z.enum(values).meta({ title: name, choices: words });
export const rupiah = (name: string) => label(z.number().int().min(0).max(1_000_000_000_000_000), name);
export const id = (name: string) => label(z.string().min(1).max(64), name);
