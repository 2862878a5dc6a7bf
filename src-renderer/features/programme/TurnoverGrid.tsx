import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { invoke, type Output } from '../../app/api';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { groupDigits, parseAmount } from './pdf';
import { usePendampingChoice } from './usePendampingChoice';

type Grid = Output<'turnover.grid'>;
type Cells = { turnover: string; profit: string; employees: string };
const COLS = ['turnover', 'profit', 'employees'] as const;

function previousMonth(): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

const toCells = (f: { turnover: number; profit: number | null; employees: number | null } | null): Cells => ({
  turnover: f ? groupDigits(f.turnover) : '',
  profit: f ? groupDigits(f.profit) : '',
  employees: f?.employees !== null && f?.employees !== undefined ? String(f.employees) : '',
});

/**
 * A month of turnover for all of a pendamping's members, entered from the keyboard alone:
 * arrows move between cells, Enter saves the row and moves down. Last month sits beside each row.
 */
export function TurnoverGrid() {
  const { t } = useI18n();
  const { list, chosen, setChosen, me } = usePendampingChoice();
  const [month, setMonth] = useState(previousMonth);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [cells, setCells] = useState<Record<string, Cells>>({});
  const [state, setState] = useState<Record<string, { kind: 'saved' | 'dirty' | 'error'; text?: string }>>({});
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const load = useCallback(async () => {
    if (!chosen || !month) return;
    setError(null);
    setMessage(null);
    try {
      const g = await invoke('turnover.grid', { month, pendampingId: chosen });
      setGrid(g);
      setCells(Object.fromEntries(g.rows.map((r) => [r.businessId, toCells(r.current)])));
      setState(Object.fromEntries(g.rows.filter((r) => r.current).map((r) => [r.businessId, { kind: 'saved' as const }])));
    } catch (e) {
      setGrid(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [chosen, month]);
  useEffect(() => void load(), [load]);

  const rowPayload = (businessId: string) => {
    const c = cells[businessId];
    const turnover = parseAmount(c.turnover);
    const profit = parseAmount(c.profit);
    const employees = c.employees.trim() === '' ? null : Number(c.employees.trim());
    return { businessId, turnover: turnover as number, profit, employees };
  };

  const saveRow = async (businessId: string): Promise<boolean> => {
    const s = state[businessId];
    if (!s || s.kind === 'saved') return true;
    const payload = rowPayload(businessId);
    if (payload.turnover === null) {
      setState((st) => ({ ...st, [businessId]: { kind: 'error', text: 'Omzet: wajib diisi' } }));
      return false;
    }
    try {
      await invoke('turnover.saveGrid', { month, rows: [payload] });
      setCells((c) => ({ ...c, [businessId]: toCells({ turnover: payload.turnover, profit: payload.profit, employees: payload.employees }) }));
      setState((st) => ({ ...st, [businessId]: { kind: 'saved' } }));
      return true;
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      setState((st) => ({ ...st, [businessId]: { kind: 'error', text } }));
      return false;
    }
  };

  const saveAll = async () => {
    if (!grid) return;
    let n = 0;
    for (const r of grid.rows) if (state[r.businessId]?.kind === 'dirty' || state[r.businessId]?.kind === 'error') if (await saveRow(r.businessId)) n++;
    setMessage(t('g.savedAll', { n }));
  };

  const focusCell = (row: number, col: number) => {
    const input = tableRef.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    if (input) {
      input.focus();
      input.select();
    }
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number, businessId: string) => {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusCell(row + 1, col);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusCell(row - 1, col);
    } else if (e.key === 'ArrowLeft' && (atStart || allSelected) && col > 0) {
      e.preventDefault();
      focusCell(row, col - 1);
    } else if (e.key === 'ArrowRight' && (atEnd || allSelected) && col < COLS.length - 1) {
      e.preventDefault();
      focusCell(row, col + 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Move on at once so fast typing lands in the next row; the save finishes in the
      // background and a refusal stays flagged on its row.
      focusCell(row + 1, col);
      void saveRow(businessId);
    }
  };

  const change = (businessId: string, col: (typeof COLS)[number], value: string) => {
    setCells((c) => ({ ...c, [businessId]: { ...c[businessId], [col]: value } }));
    setState((st) => ({ ...st, [businessId]: { kind: 'dirty' } }));
  };

  const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n));

  return (
    <div>
      <div className="filters">
        <label className="prog-inline">
          {t('g.month')}{' '}
          <input type="month" value={month} aria-label={t('g.month')} onChange={(e) => setMonth(e.target.value)} />
        </label>
        {(!me.isPendamping || list.length > 1) && (
          <label className="prog-inline">
            {t('m.pendamping')}{' '}
            <select aria-label={t('m.pendamping')} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">{t('m.choosePendamping')}</option>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.fullName}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button" onClick={() => void saveAll()}>
          {t('g.saveAll')}
        </button>
      </div>
      <p className="prog-muted">{t('g.hint')}</p>
      <Notice kind="error">{error}</Notice>
      <Notice kind="success">{message}</Notice>
      {grid?.truncated && <Notice kind="warning">{t('g.truncated')}</Notice>}
      {grid && grid.rows.length === 0 && <p className="prog-muted">{t('g.empty')}</p>}
      {grid && grid.rows.length > 0 && (
        <div className="table-wrap">
          <table className="table prog-grid" ref={tableRef} aria-label={t('prog.tab.turnover')}>
            <thead>
              <tr>
                <th>{t('g.member')}</th>
                <th>{t('g.business')}</th>
                <th className="prog-grid__num">
                  {t('g.last')} ({grid.previousMonth})
                </th>
                <th>{t('g.turnover')}</th>
                <th>{t('g.profit')}</th>
                <th>{t('g.employees')}</th>
                <th aria-label={t('tr.status')} />
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((r, row) => {
                const s = state[r.businessId];
                return (
                  <tr key={r.businessId} className={s?.kind === 'error' ? 'prog-grid__row--error' : undefined}>
                    <td>
                      <a href={`#/program/anggota/${r.memberId}`} tabIndex={-1}>
                        {r.memberName}
                      </a>
                      <div className="prog-muted">{r.memberNo}</div>
                    </td>
                    <td>
                      {r.businessName}
                      {r.naikKelas && <span className="badge badge--success">{t('mp.naikKelas')}</span>}
                    </td>
                    <td className="prog-grid__num prog-grid__last">
                      {fmt(r.previous?.turnover)}
                      {r.previous && <div className="prog-muted">{t('g.employees')}: {fmt(r.previous.employees)}</div>}
                    </td>
                    {COLS.map((c, col) => (
                      <td key={c}>
                        <input
                          className="prog-grid__input"
                          inputMode="numeric"
                          data-row={row}
                          data-col={col}
                          aria-label={`${t(c === 'turnover' ? 'g.turnover' : c === 'profit' ? 'g.profit' : 'g.employees')} ${r.memberName} ${r.businessName}`}
                          value={cells[r.businessId]?.[c] ?? ''}
                          onChange={(e) => change(r.businessId, c, e.target.value)}
                          onKeyDown={(e) => onKey(e, row, col, r.businessId)}
                          onFocus={(e) => e.currentTarget.select()}
                        />
                      </td>
                    ))}
                    <td className="prog-grid__state" aria-live="polite">
                      {s?.kind === 'saved' && <span className="badge badge--success">{t('g.saved')}</span>}
                      {s?.kind === 'error' && <span className="prog-error">{s.text}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
