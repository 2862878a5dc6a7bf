// Query keys are hierarchical and follow the method names: 'members.get' with { id } is
// ['members', 'get', { id }]. Invalidating ['members'] refreshes every members.* query on
// screen; ['members', 'get'] only the member pages. Mutations name what they change the same way.
import type { Input, MethodName } from '../api';

export type Resource = MethodName extends `${infer R}.${string}` ? R : never;
/** What a mutation makes stale: a whole resource ('members') or one method ('members.get'). */
export type Stale = Resource | MethodName;

export function queryKey<K extends MethodName>(method: K, input?: Input<K>): readonly unknown[] {
  const [resource, action] = method.split('.');
  return input === undefined ? [resource, action] : [resource, action, input];
}

/** The key prefix of a resource or of one method, for invalidation. */
export function staleKey(stale: Stale): readonly unknown[] {
  return stale.split('.');
}

/** The resource a method belongs to: 'trainings.cancel' → 'trainings'. */
export const resourceOf = (method: MethodName) => method.split('.')[0] as Resource;
