import type { z } from 'zod';
import type { Database } from './api/registry';

/**
 * Office settings that features keep (numbering templates, SLA days, requirement lists...),
 * stored as JSON under a key. A stored value that no longer fits the schema falls back to the
 * default rather than breaking the feature.
 */
export async function getSetting<S extends z.ZodType>(db: Database, key: string, schema: S, fallback: z.output<S>): Promise<z.output<S>> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  const parsed = schema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : fallback;
}

export async function setSetting(db: Database, key: string, value: unknown, nowIso: string): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: nowIso })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: nowIso }))
    .execute();
}
