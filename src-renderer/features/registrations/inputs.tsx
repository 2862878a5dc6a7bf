import { useId, useRef, useState } from 'react';
import type { Output } from '../../app/api';
import { errorMessage, useApi } from '../../app/data';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ComboList, comboInputProps } from '../../components/ComboList';
import { Field } from '../../components/Field';
import { parseRupiah } from './display';

/**
 * Rupiah typed as digits and shown grouped the id-ID way (Rp 1.500.000); the form keeps the
 * integer, which is what the API receives.
 */
export function MoneyField(props: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  name?: string;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint} required={props.required}>
      {(id, describedBy) => (
        <div className="reg-money">
          <span className="reg-money__prefix" aria-hidden="true">
            Rp
          </span>
          <input
            id={id}
            name={props.name}
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={!!props.error}
            aria-describedby={describedBy}
            value={props.value === null ? '' : formatNumber(props.value)}
            onChange={(e) => {
              const n = parseRupiah(e.target.value);
              props.onChange(n !== null && n > Number.MAX_SAFE_INTEGER ? props.value : n);
            }}
          />
        </div>
      )}
    </Field>
  );
}

export type KbliOption = Output<'kbli.search'>[number];

/**
 * KBLI 2020 chosen by searching: an ARIA combobox. Typing searches the server's list (code or
 * words); Up/Down move through the results, Enter picks one, Escape closes the list. While the
 * list is open Enter picks rather than submitting the form.
 */
export function KbliCombobox(props: {
  label: string;
  value: { kode: string; judul: string } | null;
  onChange: (value: { kode: string; judul: string } | null) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  const listId = useId();
  const [text, setText] = useState(props.value ? `${props.value.kode} — ${props.value.judul}` : '');
  const [options, setOptions] = useState<KbliOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const ticket = useRef(0);
  const api = useApi();
  const [searchError, setSearchError] = useState<string | null>(null);
  const shownValue = props.value ? `${props.value.kode} — ${props.value.judul}` : '';

  // Keep the text in step when the value is set from outside (edit, reset): adjusted while
  // rendering, when the chosen code changes.
  const [textFor, setTextFor] = useState(props.value?.kode);
  if (textFor !== props.value?.kode) {
    setTextFor(props.value?.kode);
    setText(shownValue);
  }

  const search = (query: string) => {
    const mine = ++ticket.current;
    const q = query.trim();
    if (q === '') {
      setOptions([]);
      setOpen(false);
      return;
    }
    // A short pause so each keystroke does not become a request.
    setTimeout(() => {
      if (mine !== ticket.current) return;
      api('kbli.search', { query: q.slice(0, 100), limit: 12 }, { read: true }).then(
        (rows) => {
          if (mine !== ticket.current) return;
          setSearchError(null);
          setOptions(rows);
          setActive(0);
          setOpen(true);
        },
        (e: unknown) => {
          if (mine !== ticket.current) return;
          setOptions([]);
          setSearchError(errorMessage(e, t));
        },
      );
    }, 150);
  };

  const pick = (o: KbliOption) => {
    props.onChange({ kode: o.kode, judul: o.judul });
    setText(`${o.kode} — ${o.judul}`);
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && text.trim()) search(text.replace(/ — .*$/, ''));
      setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      if (options[active]) pick(options[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <Field label={props.label} error={props.error ?? searchError ?? undefined} hint={t('reg.b.kbliHint')} required={props.required}>
      {(id, describedBy) => (
        <div className="reg-combo">
          <input
            {...comboInputProps({ id, listId, open, active, count: options.length, invalid: !!props.error, describedBy })}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (props.value) props.onChange(null);
              search(e.target.value);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
          />
          {open && (
            <ComboList id={listId} options={options} active={active} empty={t('reg.b.kbliEmpty')} onPick={pick}>
              {(o) => (
                <>
                  <strong>{o.kode}</strong> {o.judul}
                </>
              )}
            </ComboList>
          )}
        </div>
      )}
    </Field>
  );
}
