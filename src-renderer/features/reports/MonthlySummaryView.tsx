import type { Output } from '../../app/api';
import { useApiQuery } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { cellType, formatReportValue } from './format';
import { ClosingPanel, StatusLine } from './MonthStatus';

type Closings = Output<'reports.closings'>;

export function MonthlySummaryView({ month, kelurahan, closings }: { month: string; kelurahan: string | null; closings: Closings | null }) {
  const { t } = useI18n();
  const { data: summary, error } = useApiQuery('reports.monthly', { month, kelurahan });
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!summary) return <p>{t('common.loading')}</p>;
  return (
    <div className="reports__summary">
      <h2>
        {summary.scopeLabel} — {summary.monthLabel}
      </h2>
      <StatusLine status={summary.status} />
      <ClosingPanel month={summary.month} monthLabel={summary.monthLabel} status={summary.status} closings={closings} />
      {summary.sections.map((section) => (
        <section key={section.id} className="reports__section" aria-labelledby={`sec-${section.id}`}>
          <h3 id={`sec-${section.id}`}>{section.title}</h3>
          {section.figures.length > 0 && (
            <div className="cards">
              {section.figures.map((f) => (
                <div className="card" key={f.id} data-figure={`${section.id}.${f.id}`}>
                  <div className="card__label">{f.label}</div>
                  <div className="card__value">{formatReportValue(f.value, f.type)}</div>
                </div>
              ))}
            </div>
          )}
          {section.tables.map((table) => (
            <div key={table.id} className="table-wrap reports__table">
              <table className="table">
                <caption>{table.title}</caption>
                <thead>
                  <tr>
                    {table.columns.map((c) => (
                      <th key={c.key} className={c.type === 'text' ? undefined : 'num'}>
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, i) => (
                    <tr key={i} className={table.totalRow && i === table.rows.length - 1 ? 'reports__total' : undefined}>
                      {table.columns.map((c) => (
                        <td key={c.key} className={c.type === 'text' ? undefined : 'num'}>
                          {c.key in row ? formatReportValue(row[c.key], cellType(c, row)) : ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
