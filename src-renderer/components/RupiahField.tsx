import type { InputHTMLAttributes } from 'react';
import { groupDigits } from '../app/format';
import { TextField } from './Field';

/** Digits of a typed amount ("1.750.000", "Rp 1750000") as a number; null when empty, NaN when not a number. */
export function parseRupiah(text: string): number | null {
  const clean = text.replace(/[.\s]/g, '').replace(/^Rp/i, '');
  if (clean === '') return null;
  return /^\d+$/.test(clean) ? Number(clean) : Number.NaN;
}

/** An amount in rupiah typed freely and shown with thousands separators once the field is left. */
export function RupiahField({
  label,
  value,
  onChange,
  error,
  hint,
  required,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <TextField
      {...input}
      label={label}
      error={error}
      hint={hint}
      required={required}
      inputMode="numeric"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        const n = parseRupiah(value);
        if (n !== null && !Number.isNaN(n)) onChange(groupDigits(n));
        input.onBlur?.(e);
      }}
    />
  );
}
