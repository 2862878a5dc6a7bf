import { useState, type InputHTMLAttributes } from 'react';
import { useI18n } from '../app/i18n';
import { autoSlash, dmyToIso, dotToHm, hmToDot, isoToDmy, shiftIso } from './dates';
import { Field } from './Field';

type Base = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & { label: string; error?: string; hint?: string; required?: boolean };

/**
 * A date typed as dd/mm/yyyy (the slashes come by themselves; ↑/↓ move a day), instead of the
 * browser's own date input, which shows mm/dd/yyyy. `value` and `onChange` are YYYY-MM-DD; text
 * that is not a date yet is passed on as typed, so the server names the field.
 */
export function DateField({ label, error, hint, required, value, onChange, ...input }: Base & { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const [typed, setText] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  // What the user typed while it stands for the value; a new value from outside (a reset, a
  // stored record, "fill from NIK") shows formatted.
  const text = typed !== null && (typed.trim() === '' ? '' : (dmyToIso(typed) ?? typed)) === value ? typed : isoToDmy(value);
  const emit = (next: string) => {
    setText(next);
    onChange(next.trim() === '' ? '' : (dmyToIso(next) ?? next));
  };
  const local = touched && text.trim() !== '' && !dmyToIso(text) ? t('date.invalid', { field: label }) : undefined;
  return (
    <Field label={label} id={input.id} error={error ?? local} hint={hint ?? t('date.hint')} required={required}>
      {(id, describedBy) => (
        <input
          {...input}
          id={id}
          className="date-field"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('date.placeholder')}
          maxLength={10}
          aria-invalid={!!(error ?? local)}
          aria-describedby={describedBy}
          required={required}
          value={text}
          onChange={(e) => {
            setTouched(false);
            emit(autoSlash(text, e.target.value));
          }}
          onBlur={(e) => {
            setTouched(true);
            const iso = dmyToIso(text);
            if (iso) setText(isoToDmy(iso));
            input.onBlur?.(e);
          }}
          onKeyDown={(e) => {
            const iso = dmyToIso(text);
            if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && iso) {
              e.preventDefault();
              emit(isoToDmy(shiftIso(iso, e.key === 'ArrowUp' ? 1 : -1)));
            }
            input.onKeyDown?.(e);
          }}
        />
      )}
    </Field>
  );
}

/** A time typed as 09.00 (also 9, 0900, 09:00); `value` and `onChange` are HH:MM. */
export function TimeField({ label, error, hint, required, value, onChange, ...input }: Base & { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const [typed, setText] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const text = typed !== null && (typed.trim() === '' ? '' : (dotToHm(typed) ?? typed)) === value ? typed : hmToDot(value);
  const local = touched && text.trim() !== '' && !dotToHm(text) ? t('time.invalid', { field: label }) : undefined;
  return (
    <Field label={label} id={input.id} error={error ?? local} hint={hint ?? t('time.hint')} required={required}>
      {(id, describedBy) => (
        <input
          {...input}
          id={id}
          className="time-field"
          inputMode="numeric"
          autoComplete="off"
          placeholder="09.00"
          maxLength={5}
          aria-invalid={!!(error ?? local)}
          aria-describedby={describedBy}
          required={required}
          value={text}
          onChange={(e) => {
            setTouched(false);
            setText(e.target.value);
            onChange(e.target.value.trim() === '' ? '' : (dotToHm(e.target.value) ?? e.target.value));
          }}
          onBlur={(e) => {
            setTouched(true);
            const hm = dotToHm(text);
            if (hm) setText(hmToDot(hm));
            input.onBlur?.(e);
          }}
        />
      )}
    </Field>
  );
}
