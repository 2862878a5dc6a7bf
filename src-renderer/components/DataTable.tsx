import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useI18n } from '../app/i18n';

export interface TableState {
  page: number;
  pageSize: number;
  sort: string;
  dir: 'asc' | 'desc';
}

interface DataTableProps<T> {
  // Each column has its own value type, and TanStack's column type is invariant in it: a mixed
  // list is typed `any` there, as TanStack's own docs do (ColumnDef<T, unknown> accepts none).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  rows: T[];
  total: number;
  state: TableState;
  onStateChange: (next: TableState) => void;
  loading?: boolean;
  onRowClick?: (row: T) => void;
  rowLabel?: (row: T) => string;
  caption?: string;
}

/**
 * The one table of the app: TanStack Table in manual mode. Paging and sorting are done by the
 * server in SQL; the table only shows the page it was given and reports what the user asked.
 */
export function DataTable<T>({ columns, rows, total, state, onStateChange, loading, onRowClick, rowLabel, caption }: DataTableProps<T>) {
  const { t } = useI18n();
  const sorting: SortingState = [{ id: state.sort, desc: state.dir === 'desc' }];
  const pages = Math.max(1, Math.ceil(total / state.pageSize));
  // TanStack Table's instance is mutable by design; this app does not run the React Compiler,
  // so nothing memoizes around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    pageCount: pages,
    state: { sorting, pagination: { pageIndex: state.page, pageSize: state.pageSize } },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next.at(0);
      if (first) onStateChange({ ...state, page: 0, sort: first.id, dir: first.desc ? 'desc' : 'asc' });
      else onStateChange({ ...state, page: 0, dir: state.dir === 'asc' ? 'desc' : 'asc' });
    },
  });

  return (
    <div className="table-wrap" aria-busy={loading}>
      <table className="table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = header.column.getCanSort();
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    {sortable ? (
                      <button type="button" className="table__sort" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={onRowClick ? 'table__row--link' : undefined}
              tabIndex={onRowClick ? 0 : undefined}
              aria-label={rowLabel?.(row.original)}
              onClick={onRowClick ? () => onRowClick(row.original) : undefined}
              onKeyDown={onRowClick ? (e) => e.key === 'Enter' && onRowClick(row.original) : undefined}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="table__empty">
                {loading ? t('common.loading') : t('common.noData')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="pager">
        <span>{t('common.rows', { total: total.toLocaleString('id-ID') })}</span>
        <span className="pager__spacer" />
        <select
          aria-label={t('common.perPage')}
          value={state.pageSize}
          onChange={(e) => onStateChange({ ...state, page: 0, pageSize: Number(e.target.value) })}
        >
          {[10, 25, 50, 100].map((n) => (
            <option key={n} value={n}>
              {n} {t('common.perPage')}
            </option>
          ))}
        </select>
        <button type="button" className="button button--ghost" disabled={state.page <= 0} onClick={() => onStateChange({ ...state, page: state.page - 1 })}>
          ‹ {t('common.prev')}
        </button>
        <span>{t('common.page', { page: state.page + 1, pages })}</span>
        <button
          type="button"
          className="button button--ghost"
          disabled={state.page + 1 >= pages}
          onClick={() => onStateChange({ ...state, page: state.page + 1 })}
        >
          {t('common.next')} ›
        </button>
      </div>
    </div>
  );
}
