import { replaceParams, useRoute } from '../app/router';
import type { Input, MethodName, Output } from '../app/api';
import { useApiQuery } from '../app/data';
import type { TableState } from './DataTable';

type ListMethod = { [K in MethodName]: Output<K> extends { rows: unknown[]; total: number } ? K : never }[MethodName];
type RowOf<K extends ListMethod> = Output<K> extends { rows: (infer R)[] } ? R : never;

/**
 * Table state (page, size, sort, filters) kept in the URL so that a reload or a shared link
 * shows the same view, and the page read through the data layer whenever it changes (the
 * previous page stays on screen until the next arrives; a late answer never replaces a newer one).
 */
export function useServerTable<K extends ListMethod, F extends Record<keyof F, string>>(
  defaults: TableState & { filters: F },
  method: K,
  toInput: (state: TableState, filters: F) => Input<K>,
) {
  const { params } = useRoute();
  const state: TableState = {
    page: Number(params.get('page') ?? defaults.page) || 0,
    pageSize: Number(params.get('size') ?? defaults.pageSize) || defaults.pageSize,
    sort: params.get('sort') ?? defaults.sort,
    dir: params.get('dir') === 'desc' ? 'desc' : params.get('dir') === 'asc' ? 'asc' : defaults.dir,
  };
  const filters = Object.fromEntries(Object.entries(defaults.filters).map(([k, v]) => [k, params.get(k) ?? v])) as F;
  const query = useApiQuery(method, toInput(state, filters), { keepPrevious: true });
  const data = (query.data as { rows: RowOf<K>[]; total: number } | undefined) ?? { rows: [] as RowOf<K>[], total: 0 };
  const loading = query.fetching;

  const write = (s: TableState, f: F) =>
    replaceParams({
      ...f,
      page: s.page || undefined,
      size: s.pageSize === defaults.pageSize ? undefined : s.pageSize,
      sort: s.sort === defaults.sort ? undefined : s.sort,
      dir: s.dir === defaults.dir ? undefined : s.dir,
    });

  const setState = (s: TableState) => write(s, filters);
  return {
    state,
    filters,
    ...data,
    loading,
    readAt: query.readAt,
    error: query.error,
    setState,
    /** What DataTable needs, to spread into it: <DataTable {...table.tableProps} columns=... />. */
    tableProps: { rows: data.rows, total: data.total, state, onStateChange: setState, loading },
    setFilter: (name: keyof F, value: string) => write({ ...state, page: 0 }, { ...filters, [name]: value }),
    refresh: () => void query.refetch(),
  };
}
