import { useRef, useState, type KeyboardEvent } from 'react';
import { turnoverWarnings, type PlausibilityWarning } from '../../../src-shared/rules/plausibility';
import type { Output } from '../../app/api';
import { errorMessage, fieldErrorsOf, useApi, useApiQuery } from '../../app/data';
import { currentMonth, formatMonth, formatNumber, formatRupiah } from '../../app/format';
import { MonthField } from '../../components/MonthField';
import { useI18n, type Translate } from '../../app/i18n';
import { useUnsavedChanges } from '../../app/unsaved';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { groupDigits, parseAmount } from './pdf';
import { usePendampingChoice } from './usePendampingChoice';

type Row = Output<'turnover.grid'>['rows'][number];
interface Cells {
  turnover: string;
  profit: string;
  employees: string;
}
type Col = keyof Cells;
type RowState =
  { kind: 'dirty' | 'saving' } | { kind: 'error'; text: string; cols: Col[] } | { kind: 'warning'; warnings: PlausibilityWarning[]; figures: string };
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

const payloadOf = (businessId: string, c: Cells) => ({
  businessId,
  turnover: parseAmount(c.turnover),
  profit: parseAmount(c.profit),
  employees: c.employees.trim() === '' ? null : Number(c.employees.replace(/[.\s]/g, '')),
});

function warningText(w: PlausibilityWarning, t: Translate): string {
  if (w.kind === 'employees') return t('g.warnEmployees', { n: formatNumber(w.employees), max: w.max });
  return t('g.warnChange', {
    dir: w.change > 0 ? t('g.warnUp') : t('g.warnDown'),
    pct: Math.round(Math.abs(w.change) * 100),
    prev: formatRupiah(w.previous),
    cur: formatRupiah(w.current),
  });
}

/**
 * The grid saves one row per call, so the server names the field as its first row's; the grid
 * shows the message beside that row's cell with only the field's own part ("Omzet: …").
 */
function rowRefusal(e: unknown, t: Translate): { text: string; cols: Col[] } {
  const fields = fieldErrorsOf(e);
  const cols = COLS.filter((c) => Object.keys(fields).some((k) => k.endsWith(`.${c}`)));
  const own = Object.values(fields).map((m) => m.split(' › ').at(-1) ?? m);
  return { text: own.length ? [...new Set(own)].join(' · ') : errorMessage(e, t), cols };
}

/**
 * A month of turnover for all of a pendamping's members, entered from the keyboard alone:
 * arrows move between cells, Enter saves the row and moves down. Last month sits beside each row.
 * Figures that look like typing mistakes are asked about before they are saved; leaving the
 * grid with unsaved rows asks first.
 */
export function TurnoverGrid() {
  const { t } = useI18n();
  const { list, chosen, setChosen, me } = usePendampingChoice();
  const [month, setMonth] = useState(previousMonth);
  const query = useApiQuery('turnover.grid', { month, pendampingId: chosen }, { enabled: !!chosen && !!month });
  const grid = query.data;
  const api = useApi();
  // Only what the user typed differs from the stored figures; a saved row drops its edit.
  const [edits, setEdits] = useState<Partial<Record<string, Cells>>>({});
  const [state, setState] = useState<Partial<Record<string, RowState>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [switching, setSwitching] = useState<(() => void) | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const unsaved = Object.keys(edits).length;
  useUnsavedChanges(unsaved > 0, t('g.unsavedRows', { n: unsaved }));

  const cellsOf = (r: Row): Cells => edits[r.businessId] ?? toCells(r.current);
  const setRowState = (businessId: string, next: RowState | null) =>
    setState((st) => {
      const { [businessId]: _, ...rest } = st;
      return next ? { ...rest, [businessId]: next } : rest;
    });

  /** Whether the row may be saved now: a warning is asked once per set of figures. */
  const plausible = (r: Row, c: Cells): boolean => {
    const p = payloadOf(r.businessId, c);
    const warnings = turnoverWarnings(
      {
        turnover: p.turnover !== null && !Number.isNaN(p.turnover) ? p.turnover : null,
        employees: p.employees !== null && !Number.isNaN(p.employees) ? p.employees : null,
      },
      r.previous,
    );
    const figures = JSON.stringify(c);
    const s = state[r.businessId];
    if (warnings.length === 0 || (s?.kind === 'warning' && s.figures === figures)) return true;
    setRowState(r.businessId, { kind: 'warning', warnings, figures });
    return false;
  };

  const saveRow = async (r: Row): Promise<boolean> => {
    const c = edits[r.businessId];
    if (!c) return true;
    const p = payloadOf(r.businessId, c);
    if (p.turnover === null) {
      setRowState(r.businessId, { kind: 'error', text: t('g.turnoverRequired'), cols: ['turnover'] });
      return false;
    }
    setRowState(r.businessId, { kind: 'saving' });
    try {
      await api('turnover.saveGrid', { month, rows: [{ ...p, turnover: p.turnover }] }, { invalidates: ['programme'] });
      setEdits(({ [r.businessId]: _, ...rest }) => rest);
      setRowState(r.businessId, null);
      return true;
    } catch (e) {
      setRowState(r.businessId, { kind: 'error', ...rowRefusal(e, t) });
      return false;
    }
  };

  const saveAll = async () => {
    if (!grid) return;
    setMessage(null);
    let n = 0;
    for (const r of grid.rows) {
      const c = edits[r.businessId];
      if (c && plausible(r, c) && (await saveRow(r))) n++;
    }
    setMessage(t('g.savedAll', { n }));
  };

  const focusCell = (row: number, col: number) => {
    const input = tableRef.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    if (input) {
      input.focus();
      input.select();
    }
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number, r: Row) => {
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
      // An implausible figure keeps the cursor here to be confirmed (Enter again) or corrected.
      const c = edits[r.businessId];
      if (c && !plausible(r, c)) return;
      // Move on at once so fast typing lands in the next row; the save finishes in the
      // background and a refusal stays flagged on its row.
      focusCell(row + 1, col);
      void saveRow(r);
    }
  };

  const change = (r: Row, col: Col, value: string) => {
    setEdits((all) => ({ ...all, [r.businessId]: { ...cellsOf(r), [col]: value } }));
    setRowState(r.businessId, { kind: 'dirty' });
  };
  // Money reads with thousands separators as soon as the cell is left.
  const tidy = (r: Row, col: Col) => {
    const c = edits[r.businessId];
    if (!c || col === 'employees') return;
    const n = parseAmount(c[col]);
    if (n !== null && !Number.isNaN(n) && groupDigits(n) !== c[col]) setEdits((all) => ({ ...all, [r.businessId]: { ...c, [col]: groupDigits(n) } }));
  };

  /** Another month or pendamping shows other rows: with unsaved rows, ask first. */
  const switchTo = (apply: () => void) => {
    const go = () => {
      setEdits({});
      setState({});
      setMessage(null);
      apply();
    };
    if (unsaved > 0) setSwitching(() => go);
    else go();
  };

  const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n));
  const colLabel = (c: Col) => t(c === 'turnover' ? 'g.turnover' : c === 'profit' ? 'g.profit' : 'g.employees');

  return (
    <div>
      <div className="filters">
        <MonthField label={t('g.month')} value={month} max={currentMonth()} onChange={(next) => switchTo(() => setMonth(next))} />
        {(!me.isPendamping || list.length > 1) && (
          <label className="prog-inline">
            {t('m.pendamping')}{' '}
            <select
              aria-label={t('m.pendamping')}
              value={chosen}
              onChange={(e) => {
                const next = e.target.value;
                switchTo(() => setChosen(next));
              }}
            >
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
      <Notice kind="error">{query.error}</Notice>
      <Notice kind="success">{message}</Notice>
      {grid?.truncated && <Notice kind="warning">{t('g.truncated')}</Notice>}
      {grid?.rows.length === 0 && <p className="prog-muted">{t('g.empty')}</p>}
      {grid && grid.rows.length > 0 && (
        <div className="table-wrap">
          <table className="table prog-grid" ref={tableRef} aria-label={t('prog.tab.turnover')}>
            <thead>
              <tr>
                <th>{t('g.member')}</th>
                <th>{t('g.business')}</th>
                <th className="prog-grid__num">
                  {t('g.last')} ({formatMonth(grid.previousMonth)})
                </th>
                <th>{t('g.turnover')}</th>
                <th>{t('g.profit')}</th>
                <th>{t('g.employees')}</th>
                <th>{t('tr.status')}</th>
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((r, row) => {
                const s = state[r.businessId];
                const cells = cellsOf(r);
                const saved = !edits[r.businessId] && r.current;
                return (
                  <tr
                    key={r.businessId}
                    className={s?.kind === 'error' ? 'prog-grid__row--error' : s?.kind === 'warning' ? 'prog-grid__row--warning' : undefined}
                  >
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
                      {r.previous && (
                        <div className="prog-muted">
                          {t('g.employees')}: {fmt(r.previous.employees)}
                        </div>
                      )}
                    </td>
                    {COLS.map((c, col) => (
                      <td key={c}>
                        <input
                          className="prog-grid__input"
                          inputMode="numeric"
                          data-row={row}
                          data-col={col}
                          aria-label={`${colLabel(c)} ${r.memberName} ${r.businessName}`}
                          aria-invalid={s?.kind === 'error' && s.cols.includes(c) ? true : undefined}
                          value={cells[c]}
                          onChange={(e) => change(r, c, e.target.value)}
                          onKeyDown={(e) => onKey(e, row, col, r)}
                          onBlur={() => tidy(r, c)}
                          onFocus={(e) => e.currentTarget.select()}
                        />
                      </td>
                    ))}
                    <td className="prog-grid__state" aria-live="polite">
                      {saved && <span className="badge badge--success">{t('g.saved')}</span>}
                      {s?.kind === 'error' && <span className="prog-error">{s.text}</span>}
                      {s?.kind === 'warning' && (
                        <div className="prog-warning" role="alert">
                          {s.warnings.map((w) => (
                            <div key={w.kind}>{warningText(w, t)}</div>
                          ))}
                          <div className="prog-muted">{t('g.confirmHint')}</div>
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => {
                              void saveRow(r);
                              focusCell(row + 1, 0);
                            }}
                          >
                            {t('g.confirmFigures')}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={switching !== null}
        title={t('g.changeMonthTitle')}
        confirmLabel={t('unsaved.leave')}
        cancelLabel={t('unsaved.stay')}
        focusConfirm={false}
        onCancel={() => setSwitching(null)}
        onConfirm={() => {
          switching?.();
          setSwitching(null);
        }}
      >
        <p>{t('unsaved.text', { what: t('g.unsavedRows', { n: unsaved }) })}</p>
      </ConfirmDialog>
    </div>
  );
}
