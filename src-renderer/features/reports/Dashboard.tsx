import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApiQuery } from '../../app/data';
import { formatDate, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { formatReportValue } from './format';
import { StatusBadge } from './MonthStatus';

const BLUE = '#0b4f8a';
const ORANGE = '#e8731c';
const LINE_COLOURS = ['#0b4f8a', '#e8731c', '#1d7a46', '#8a3ffc', '#b3261e', '#5b6776', '#007d79'];

function Change({ now, before }: { now: number | null; before: number | null }) {
  if (now === null || before === null) return null;
  if (before === now) return <span className="reports__delta">=</span>;
  const up = now > before;
  return <span className={`reports__delta reports__delta--${up ? 'up' : 'down'}`}>{up ? '▲' : '▼'}</span>;
}

export function Dashboard({ month }: { month: string }) {
  const { t } = useI18n();
  const { data, error } = useApiQuery('reports.dashboard', { month });
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <p>{t('common.loading')}</p>;
  const pct = Math.min(100, Math.round((data.targetProgress ?? 0) * 100));
  return (
    <div className="reports__dashboard">
      <div className="panel panel--wide panel--flat reports__target">
        <div className="card__label">{t('reports.targetTitle')}</div>
        <div className="reports__progress" role="progressbar" aria-label={t('reports.targetTitle')} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
          <div style={{ width: `${pct}%` }} />
        </div>
        <div>
          {t('reports.targetText', {
            done: formatNumber(data.registeredYearToDate),
            target: formatNumber(data.yearlyTarget),
            pct: formatReportValue(data.targetProgress, 'percent'),
          })}
        </div>
      </div>
      <p className="reports__months">
        <span className="reports__months-title">{t('reports.monthStates')}:</span>
        {data.monthStates.map((m) => (
          <span
            key={m.month}
            className="reports__month"
            data-month={m.month}
            title={m.closedAt ? t('reports.closedLine', { date: formatDate(m.closedAt), name: m.closedBy ?? '' }) : undefined}
          >
            {m.label} <StatusBadge status={m} />
          </span>
        ))}
      </p>
      <div className="table-wrap">
        <table className="table reports__compare">
          <thead>
            <tr>
              <th>{t('reports.indicator')}</th>
              <th className="num">
                {t('reports.thisMonth')} ({data.monthLabel}) <StatusBadge status={data.status} />
              </th>
              <th className="num">
                {t('reports.lastMonth')} <StatusBadge status={data.previousStatus} />
              </th>
              <th className="num">
                {t('reports.lastYear')} <StatusBadge status={data.lastYearStatus} />
              </th>
            </tr>
          </thead>
          <tbody>
            {data.comparisons.map((c) => (
              <tr key={c.id} data-figure={c.id}>
                <td>{c.label}</td>
                <td className="num">
                  <strong>{formatReportValue(c.current, c.type)}</strong> <Change now={c.current} before={c.previous} />
                </td>
                <td className="num">{formatReportValue(c.previous, c.type)}</td>
                <td className="num">{formatReportValue(c.lastYear, c.type)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="reports__charts">
        <figure className="panel panel--flat reports__chart">
          <figcaption>{t('reports.byMonth')}</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data.registrationsByMonth}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} width={40} />
              <Tooltip formatter={(v) => formatNumber(Number(v))} />
              <Bar dataKey="count" name={t('reports.byMonth')} fill={BLUE} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure className="panel panel--flat reports__chart">
          <figcaption>{t('reports.byKelurahan', { month: data.monthLabel })}</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data.registrationsByKelurahan} layout="vertical" margin={{ left: 20 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} fontSize={11} />
              <YAxis type="category" dataKey="label" width={110} fontSize={11} />
              <Tooltip formatter={(v) => formatNumber(Number(v))} />
              <Bar dataKey="count" name={t('reports.byKelurahan', { month: data.monthLabel })} fill={ORANGE} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure className="panel panel--flat reports__chart">
          <figcaption>{t('reports.stages')}</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data.stages}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" fontSize={10} interval={0} tickFormatter={(v: string) => v.slice(0, 2)} />
              <YAxis allowDecimals={false} fontSize={11} width={40} />
              <Tooltip formatter={(v) => formatNumber(Number(v))} />
              <Bar dataKey="total" name={t('reports.stages')} fill={BLUE} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure className="panel panel--flat reports__chart">
          <figcaption>{t('reports.recovery')}</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={data.recovery}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" fontSize={11} />
              <YAxis fontSize={11} width={44} domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
              <Tooltip formatter={(v) => formatReportValue(Number(v), 'percent')} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              <Line dataKey="recoveredShare" name={t('reports.recoveredShare')} stroke={LINE_COLOURS[0]} strokeWidth={2} isAnimationActive={false} />
              {data.digitalChannels.map((c, i) => (
                <Line key={c.key} dataKey={c.key} name={c.label} stroke={LINE_COLOURS[(i + 1) % LINE_COLOURS.length]} isAnimationActive={false} dot={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </figure>
      </div>
    </div>
  );
}
