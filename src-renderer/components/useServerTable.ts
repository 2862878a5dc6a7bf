import { useCallback, useEffect, useRef, useState } from 'react';
import { replaceParams, useRoute } from '../app/router';
import type { TableState } from './DataTable';

/**
 * Table state (page, size, sort, filters) kept in the URL so that a reload or a shared link
 * shows the same view, and the page fetched from the server whenever it changes.
 */
export function useServerTable<Row, F extends Record<string, string>>(
  defaults: TableState & { filters: F },
  fetchPage: (state: TableState, filters: F) => Promise<{ rows: Row[]; total: number }>,
) {
  const { params } = useRoute();
  const state: TableState = {
    page: Number(params.get('page') ?? defaults.page) || 0,
    pageSize: Number(params.get('size') ?? defaults.pageSize) || defaults.pageSize,
    sort: params.get('sort') ?? defaults.sort,
    dir: params.get('dir') === 'desc' ? 'desc' : params.get('dir') === 'asc' ? 'asc' : defaults.dir,
  };
  const filters = Object.fromEntries(Object.entries(defaults.filters).map(([k, v]) => [k, params.get(k) ?? v])) as F;
  const [data, setData] = useState<{ rows: Row[]; total: number }>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify([state, filters, version]);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    fetchPage(state, filters)
      .then((d) => {
        // Answers can arrive out of order while typing: keep only the newest.
        if (ticket === latest.current) {
          setData(d);
          setError(null);
        }
      })
      .catch((e: unknown) => ticket === latest.current && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => ticket === latest.current && setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const write = (s: TableState, f: F) =>
    replaceParams({ ...f, page: s.page || undefined, size: s.pageSize === defaults.pageSize ? undefined : s.pageSize, sort: s.sort === defaults.sort ? undefined : s.sort, dir: s.dir === defaults.dir ? undefined : s.dir });

  const setState = (s: TableState) => write(s, filters);
  return {
    state,
    filters,
    ...data,
    loading,
    error,
    setState,
    /** What DataTable needs, to spread into it: <DataTable {...table.tableProps} columns=... />. */
    tableProps: { rows: data.rows, total: data.total, state, onStateChange: setState, loading },
    setFilter: (name: keyof F, value: string) => write({ ...state, page: 0 }, { ...filters, [name]: value }),
    refresh: useCallback(() => setVersion((v) => v + 1), []),
  };
}
