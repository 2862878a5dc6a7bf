import type { Output } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { StatusBadge } from './badges';

type Detail = Output<'permits.get'>;

/** The permit's history: status moves and every print with its outcome, in time order. */
export function PermitTimeline({ events, prints }: { events: Detail['events']; prints: Detail['prints'] }) {
  const { t } = useI18n();
  const items = [
    ...events.map((e) => ({ at: e.at, key: `e${e.id}`, event: e, print: null })),
    ...prints.map((p) => ({ at: p.at, key: `p${p.id}`, event: null, print: p })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <section className="permits-card">
      <h3>{t('permits.detail.timeline')}</h3>
      <ol className="permits-timeline">
        {items.map(({ key, event: e, print: p }) => (
          <li key={key} className={p ? 'permits-timeline__print' : undefined}>
            {e && (
              <>
                <div>
                  <StatusBadge status={e.to} /> <span className="permits-small">{formatDateTime(e.at)}</span>
                </div>
                <div className="permits-small">
                  {e.byName ?? '—'}
                  {e.byRole ? ` (${e.byRole})` : ''}
                  {e.receiverName ? ` · penerima: ${e.receiverName}` : ''}
                  {e.deliveryChannel ? ` · ${e.deliveryChannel === 'ajib' ? 'AJIB' : 'loket'}` : ''}
                </div>
                {e.note && <div>{e.note}</div>}
              </>
            )}
            {p && (
              <>
                <div>
                  <strong>
                    {t(`permits.print.log.${p.event}` as 'permits.print.log.dicetak', { kind: t(`permits.print.kind.${p.kind}` as 'permits.print.kind.asli') })}
                  </strong>{' '}
                  <span className="permits-small">{formatDateTime(p.at)}</span>
                </div>
                <div className="permits-small">{p.byName ?? '—'}</div>
                {p.note && <div>{p.note}</div>}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
