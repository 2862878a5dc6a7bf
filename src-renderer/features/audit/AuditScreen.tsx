import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { Output } from '../../app/api';
import { useAction, useApi, useApiQuery } from '../../app/data';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { labelKey } from '../../app/i18n/catalogue';
import { replaceParams } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { FilterSelect } from '../../components/Filters';
import { Notice } from '../../components/Notice';
import { downloadFile } from '../../components/files';
import { useServerTable } from '../../components/useServerTable';

type Row = Output<'audit.list'>['rows'][number];
type Choices = Output<'audit.filters'>;
interface Filters {
  user: string;
  method: string;
  entity: string;
  record: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { user: '', method: '', entity: '', record: '', from: '', to: '' };
const col = createColumnHelper<Row>();

const apiFilters = (f: Filters) => ({
  userId: f.user || undefined,
  method: f.method || undefined,
  entity: f.entity || undefined,
  entityId: f.record.trim() || undefined,
  from: f.from || undefined,
  to: f.to || undefined,
});

/** before/after as "field: value" lines, so a change reads without knowing JSON. */
function describeChange(json: string | null): string {
  if (!json) return '';
  try {
    const value: unknown = JSON.parse(json.endsWith('…') ? json.slice(0, -1) : json);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value)
        .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
        .join('\n');
    }
    return String(value);
  } catch {
    return json;
  }
}

/** The office's audit trail for admins and supervisors: filtered, paged and sorted by the server. */
export function AuditScreen() {
  const { t, locale } = useI18n();
  const api = useApi();
  const exportAction = useAction();
  const exporting = exportAction.busy;
  const choicesQuery = useApiQuery('audit.filters', {});
  const choices: Choices = choicesQuery.data ?? { methods: [], entities: [], users: [] };
  const exportError = exportAction.error ?? choicesQuery.error;
  const table = useServerTable({ page: 0, pageSize: 25, sort: 'seq', dir: 'desc', filters: NO_FILTERS }, 'audit.list', (s, f) => ({
    page: s.page,
    pageSize: s.pageSize,
    sort: s.sort as 'seq',
    dir: s.dir,
    ...apiFilters(f),
  }));
  const labelOf = (prefix: 'm' | 'e', code: string) => {
    const key = `audit.${prefix}.${code}`;
    const text = t(labelKey(key));
    return text === key ? code : text;
  };

  const exportView = (format: 'xlsx' | 'csv') =>
    exportAction.run(async () => downloadFile(await api('audit.export', { format, locale, ...apiFilters(table.filters) })));

  const columns = useMemo(
    () => [
      col.accessor('seq', { id: 'seq', header: t('audit.col.seq'), cell: (c) => <span className="reg-mono">{c.getValue()}</span> }),
      col.accessor('at', {
        id: 'at',
        header: t('audit.col.at'),
        enableSorting: false,
        cell: (c) => <span className="reg-nowrap">{formatDateTime(c.getValue())}</span>,
      }),
      col.accessor('username', { id: 'username', header: t('audit.col.user'), cell: (c) => c.getValue() ?? t('audit.system') }),
      col.accessor('method', {
        id: 'method',
        header: t('audit.col.method'),
        cell: (c) => <span title={c.getValue()}>{labelOf('m', c.getValue())}</span>,
      }),
      col.display({
        id: 'entity',
        header: t('audit.col.entity'),
        cell: (c) => {
          const { entity, entityId } = c.row.original;
          return (
            <>
              <div>{labelOf('e', entity)}</div>
              {entityId && (
                <button
                  type="button"
                  className="button button--ghost button--small reg-mono"
                  title={t('audit.filter.entityId')}
                  onClick={() => table.setFilter('record', entityId)}
                >
                  {entityId}
                </button>
              )}
            </>
          );
        },
      }),
      col.display({
        id: 'change',
        header: t('audit.col.change'),
        cell: (c) => (
          <div className="audit-change">
            {c.row.original.before && (
              <div>
                <strong>{t('audit.before')}</strong>
                {/* A long change scrolls in its box: reachable by keyboard too. The stored record as it is: not translated. */}
                <pre tabIndex={0} translate="no" aria-label={t('audit.before')}>
                  {describeChange(c.row.original.before)}
                </pre>
              </div>
            )}
            {c.row.original.after && (
              <div>
                <strong>{t('audit.after')}</strong>
                <pre tabIndex={0} translate="no" aria-label={t('audit.after')}>
                  {describeChange(c.row.original.after)}
                </pre>
              </div>
            )}
          </div>
        ),
      }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );

  const f = table.filters;
  return (
    <section className="screen">
      <header className="screen__header">
        <h1>{t('audit.title')}</h1>
        <div className="actions">
          <button type="button" className="button" disabled={exporting} onClick={() => void exportView('xlsx')}>
            {exporting ? t('audit.exporting') : t('audit.exportXlsx')}
          </button>
          <button type="button" className="button" disabled={exporting} onClick={() => void exportView('csv')}>
            {t('audit.exportCsv')}
          </button>
        </div>
      </header>
      <p className="muted">{t('audit.intro')}</p>
      <Notice kind="error">{exportError ?? table.error}</Notice>
      <div className="filters">
        <FilterSelect
          label={t('audit.filter.user')}
          value={f.user}
          options={choices.users.map((u) => [u.id, `${u.fullName} (${u.username})`] as const)}
          onChange={(v) => table.setFilter('user', v)}
        />
        <FilterSelect
          label={t('audit.filter.method')}
          value={f.method}
          options={choices.methods.map((m) => [m, labelOf('m', m)] as const).sort((a, b) => a[1].localeCompare(b[1], locale))}
          onChange={(v) => table.setFilter('method', v)}
        />
        <FilterSelect
          label={t('audit.filter.entity')}
          value={f.entity}
          options={choices.entities.map((e) => [e, labelOf('e', e)] as const)}
          onChange={(v) => table.setFilter('entity', v)}
        />
        <input
          aria-label={t('audit.filter.entityId')}
          placeholder={t('audit.filter.entityId')}
          value={f.record}
          onChange={(e) => table.setFilter('record', e.target.value)}
        />
        <label>
          {t('audit.filter.from')} <input type="date" value={f.from} onChange={(e) => table.setFilter('from', e.target.value)} />
        </label>
        <label>
          {t('audit.filter.to')} <input type="date" value={f.to} onChange={(e) => table.setFilter('to', e.target.value)} />
        </label>
        {Object.values(f).some(Boolean) && (
          <button type="button" className="button button--ghost" onClick={() => replaceParams({})}>
            {t('audit.clear')}
          </button>
        )}
      </div>
      <DataTable {...table.tableProps} columns={columns} caption={t('audit.title')} />
    </section>
  );
}
