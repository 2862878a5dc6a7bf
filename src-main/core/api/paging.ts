import { z } from 'zod';
import type { SelectQueryBuilder } from 'kysely';
import { label } from './validation';

/**
 * The input every server-side table sends: page, page size and one sort column chosen from a
 * fixed list (never a free column name into SQL).
 */
export function pageInput<const F extends readonly [string, ...string[]]>(sortFields: F, defaultSort: F[number], defaultDir: 'asc' | 'desc' = 'asc') {
  return {
    page: label(z.number().int().min(0).max(1_000_000), { id: 'Halaman', en: 'Page' }).default(0),
    pageSize: label(z.number().int().min(1).max(200), { id: 'Jumlah per halaman', en: 'Rows per page' }).default(25),
    sort: label(z.enum(sortFields), { id: 'Urutan', en: 'Sort' }).default(defaultSort as never),
    dir: label(z.enum(['asc', 'desc']), { id: 'Arah urutan', en: 'Sort direction' }).default(defaultDir),
  };
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Runs the count and the page of a filtered query. */
export async function fetchPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  countQuery: SelectQueryBuilder<DB, TB, { total: number }>,
  input: { page: number; pageSize: number },
): Promise<Page<O>> {
  const [rows, count] = await Promise.all([
    query
      .limit(input.pageSize)
      .offset(input.page * input.pageSize)
      .execute(),
    countQuery.executeTakeFirst(),
  ]);
  return { rows, total: count?.total ?? 0, page: input.page, pageSize: input.pageSize };
}

/** Escapes LIKE wildcards in user text. Use with `escape '\\'`. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
