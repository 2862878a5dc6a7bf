import { z } from 'zod';
import type { MethodMap } from '../core/api/registry';

/** The public description of every API method: name, roles and input as JSON Schema. */
export function describeMethods(methods: MethodMap) {
  return Object.entries(methods)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, def]) => ({
      name,
      summary: def.summary,
      roles: def.access === 'public' ? ['public'] : def.access === 'authenticated' ? ['admin', 'supervisor', 'petugas', 'loket'] : [...def.access],
      mutation: def.mutation,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
    }));
}
