import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { Output } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useServerTable } from '../../components/useServerTable';
import { TrainingForm } from './TrainingForm';
import { setFlash } from '../../components/flash';
import { SearchBox } from '../../components/Filters';

type Row = Output<'trainings.list'>['rows'][number];
const col = createColumnHelper<Row>();
const STATUS_BADGE = { terjadwal: 'badge--info', selesai: 'badge--success', dibatalkan: 'badge--muted' } as const;

export function TrainingsTab() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const table = useServerTable({ page: 0, pageSize: 25, sort: 'startsAt', dir: 'desc', filters: { q: '', status: '' } }, 'trainings.list', (s, f) => ({
    page: s.page,
    pageSize: s.pageSize,
    sort: s.sort as 'startsAt',
    dir: s.dir,
    search: f.q || undefined,
    status: (f.status || undefined) as Row['status'] | undefined,
  }));
  const columns = useMemo(
    () => [
      col.accessor('startsAt', { header: t('tr.startsAt'), cell: (c) => formatDateTime(c.getValue()) }),
      col.accessor('topic', { header: t('tr.topic'), cell: (c) => <a href={`#/program/pelatihan/${c.row.original.id}`}>{c.getValue()}</a> }),
      col.display({ id: 'mode', header: t('tr.mode'), cell: (c) => (c.row.original.mode === 'online' ? t('tr.mode.online') : c.row.original.place) }),
      col.display({ id: 'seats', header: t('tr.seats'), cell: (c) => `${c.row.original.enrolled} / ${c.row.original.capacity}` }),
      col.accessor('waiting', { header: t('tr.waiting'), enableSorting: false }),
      col.accessor('attended', { header: t('tr.attended'), enableSorting: false }),
      col.accessor('status', {
        header: t('tr.status'),
        enableSorting: false,
        cell: (c) => <span className={`badge ${STATUS_BADGE[c.getValue()]}`}>{t(`tr.status.${c.getValue()}`)}</span>,
      }),
    ],
    [t],
  );
  return (
    <div>
      <div className="filters">
        <SearchBox value={table.filters.q} onChange={(v) => table.setFilter('q', v)} />
        <select aria-label={t('tr.status')} value={table.filters.status} onChange={(e) => table.setFilter('status', e.target.value)}>
          <option value="">
            {t('tr.status')}: {t('common.all')}
          </option>
          {(['terjadwal', 'selesai', 'dibatalkan'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`tr.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          + {t('tr.new')}
        </button>
      </div>
      <Notice kind="error">{table.error}</Notice>
      <DataTable
        columns={columns}
        {...table.tableProps}
        caption={t('prog.tab.trainings')}
        onRowClick={(r) => navigate(`/program/pelatihan/${r.id}`)}
        rowLabel={(r) => r.topic}
      />
      <Dialog title={t('tr.new')} open={creating} onClose={() => setCreating(false)}>
        {creating && (
          <TrainingForm
            onDone={(created) => {
              setCreating(false);
              setFlash(t('tr.created'));
              navigate(`/program/pelatihan/${created.id}`);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
