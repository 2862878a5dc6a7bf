import { useId, useMemo, useState } from 'react';
import { useApiQuery } from '../app/data';
import { useI18n } from '../app/i18n';
import { ComboList, comboInputProps } from './ComboList';
import { Field } from './Field';

interface Option {
  kode: string;
  nama: string;
  kecamatan: string;
  own: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Every DKI kelurahan with its kecamatan, the office's own first. Cached for the window. */
function useKelurahanOptions(): { options: Option[]; error: string | null } {
  const office = useApiQuery('office.get', {});
  const kelurahan = useApiQuery('regions.list', { level: 'kelurahan' });
  const kecamatan = useApiQuery('regions.list', { level: 'kecamatan' });
  const options = useMemo(() => {
    if (!kelurahan.data || !kecamatan.data) return [];
    const names = new Map(kecamatan.data.map((k) => [k.kode, k.nama]));
    const own = office.data?.kecamatanKode;
    const all = kelurahan.data.map((k) => ({ kode: k.kode, nama: k.nama, kecamatan: names.get(k.parentKode ?? '') ?? '', own: k.parentKode === own }));
    return [...all.filter((o) => o.own), ...all.filter((o) => !o.own).sort((a, b) => a.nama.localeCompare(b.nama, 'id'))];
  }, [kelurahan.data, kecamatan.data, office.data]);
  return { options, error: office.error ?? kelurahan.error ?? kecamatan.error };
}

/** A kelurahan's name (with its kecamatan when outside the office's) from its code. */
export function useKelurahanNames(): (kode: string) => string | undefined {
  const { options } = useKelurahanOptions();
  const byCode = useMemo(() => new Map(options.map((o) => [o.kode, o.own ? o.nama : `${o.nama} (${o.kecamatan})`])), [options]);
  return (kode) => byCode.get(kode);
}

/**
 * A kelurahan from the keyboard: the office's own kelurahan come first (all of them on an empty
 * search), the rest of DKI Jakarta by typing part of a name; ↓/↑ move, Enter chooses. Shows the
 * name and kecamatan, never the code.
 */
export function KelurahanPicker({
  label,
  value,
  onChange,
  error,
  required,
  hint,
}: {
  label: string;
  value: string;
  onChange: (kode: string) => void;
  error?: string;
  required?: boolean;
  hint?: string;
}) {
  const { t } = useI18n();
  const listId = useId();
  const { options, error: loadError } = useKelurahanOptions();
  const chosen = options.find((o) => o.kode === value);
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Enter chooses once the user typed or moved in the list; otherwise it submits the form.
  const [moved, setMoved] = useState(false);
  const shown = text ?? (chosen ? `${chosen.nama}${chosen.own ? '' : ` (${chosen.kecamatan})`}` : '');
  const q = norm(text ?? '');
  const matches = useMemo(() => {
    if (!q) return options.filter((o) => o.own);
    return options.filter((o) => norm(o.nama).includes(q) || norm(o.kecamatan).includes(q)).slice(0, 30);
  }, [options, q]);

  const pick = (o: Option | undefined) => {
    if (!o) return;
    onChange(o.kode);
    setText(null);
    setOpen(false);
    setMoved(false);
  };

  return (
    <Field label={label} error={error ?? loadError ?? undefined} hint={hint ?? t('kel.hint')} required={required}>
      {(id, describedBy) => (
        <div className="reg-combo">
          <input
            {...comboInputProps({ id, listId, open, active, count: matches.length, invalid: !!error, describedBy })}
            required={required}
            value={shown}
            onFocus={() => setOpen(true)}
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
              setOpen(true);
              if (value) onChange('');
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setOpen(true);
                setMoved(true);
                setActive((a) => Math.min(a + 1, Math.max(matches.length - 1, 0)));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setMoved(true);
                setActive((a) => Math.max(a - 1, 0));
              } else if (e.key === 'Enter' && open && (text !== null || moved)) {
                e.preventDefault();
                pick(matches[active]);
              } else if (e.key === 'Escape' && open) {
                e.preventDefault();
                e.stopPropagation();
                setOpen(false);
              }
            }}
            onBlur={() =>
              setTimeout(() => {
                setOpen(false);
                setText(null);
                setMoved(false);
              }, 150)
            }
          />
          {open && (
            <ComboList id={listId} label={label} options={matches} active={active} empty={t('kel.none')} onPick={pick}>
              {(o) => (
                <>
                  <strong>{o.nama}</strong> <span className="muted">{o.own ? t('kel.own') : o.kecamatan}</span>
                </>
              )}
            </ComboList>
          )}
        </div>
      )}
    </Field>
  );
}
