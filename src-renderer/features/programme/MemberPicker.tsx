import { useEffect, useId, useState } from 'react';
import type { Output } from '../../app/api';
import { useApiQuery } from '../../app/data';

export type MemberOption = Output<'programme.memberOptions'>[number];

/**
 * A search box for members that works from the keyboard: type, ↓/↑ to move through the
 * matches, Enter to choose (the first match when none is highlighted), Escape to clear.
 */
export function MemberPicker({
  label,
  onPick,
  placeholder,
  busy,
}: {
  label: string;
  onPick: (member: MemberOption) => void;
  placeholder?: string;
  busy?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  // The highlighted option; each new answer starts again at its first option.
  const [cursor, setCursor] = useState<{ data: unknown; count: number; index: number }>({ data: undefined, count: 0, index: -1 });
  // The search waits for a pause in typing; the cache keeps only the answer to the latest text.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const query = useApiQuery('programme.memberOptions', { search }, { enabled: search.length >= 2 && text.trim().length >= 2 });
  const options: MemberOption[] = search.length >= 2 && text.trim().length >= 2 ? (query.data ?? []) : [];
  const active = cursor.data === query.data && cursor.count === options.length ? cursor.index : options.length ? 0 : -1;
  const setActive = (next: number | ((current: number) => number)) =>
    setCursor({ data: query.data, count: options.length, index: typeof next === 'function' ? next(active) : next });

  const pick = (m: MemberOption | undefined) => {
    if (!m) return;
    onPick(m);
    setText('');
    setSearch('');
    setActive(-1);
  };

  return (
    <div className="field prog-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        disabled={busy}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(options.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(options[active >= 0 ? active : 0]);
          } else if (e.key === 'Escape') {
            setText('');
          }
        }}
      />
      {query.error && (
        <div className="field__error" role="alert">
          {query.error}
        </div>
      )}
      {options.length > 0 && (
        <ul className="prog-picker__list" role="listbox" id={`${id}-list`}>
          {options.map((m, i) => (
            <li
              key={m.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'prog-picker__option prog-picker__option--active' : 'prog-picker__option'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
            >
              <strong>{m.fullName}</strong>{' '}
              <span className="prog-muted">
                {m.memberNo}
                {m.kelurahan ? ` · ${m.kelurahan}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
