import { z } from 'zod';
import { signedInUser } from '../../core/api/errors';
import { defineMethod, type MethodDefinition, type MethodMap, type Role } from '../../core/api/registry';

/** Whether a role may call a method: the registry's own access rule, the one the dispatcher applies. */
export function mayCall(def: Pick<MethodDefinition, 'access'>, role: Role): boolean {
  return def.access === 'public' || def.access === 'authenticated' || def.access.includes(role);
}

/**
 * `auth.permissions`: the methods the caller's role may call. Screens show an action only when
 * its method is allowed, so the role lists live in the registry alone. `others` is the rest of
 * the registry; this method itself is open to every logged-in user.
 */
export function permissionMethods(others: MethodMap) {
  return {
    'auth.permissions': defineMethod({
      summary: 'Metode API yang boleh dipanggil peran pengguna yang masuk (untuk menampilkan menu dan tombol).',
      access: 'authenticated',
      mutation: false,
      input: z.strictObject({}),
      handler: (ctx) => {
        const { role } = signedInUser(ctx);
        return Object.entries(others)
          .filter(([, def]) => mayCall(def, role))
          .map(([name]) => name)
          .concat('auth.permissions')
          .sort();
      },
    }),
  };
}
