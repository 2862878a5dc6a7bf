import { useEffect, useId, useRef, useState } from 'react';
import { invoke, type Output } from '../../app/api';

export type MemberOption = Output<'programme.memberOptions'>[number];

/**
 * A search box for members that works from the keyboard: type, ↓/↑ to move through the
 * matches, Enter to choose (the first match when none is highlighted), Escape to clear.
 */
export function MemberPicker({ label, onPick, placeholder, busy }: { label: string; onPick(member: MemberOption): void; placeholder?: string; busy?: boolean }) {
  const id = useId();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<MemberOption[]>([]);
  const [active, setActive] = useState(-1);
  const ticket = useRef(0);

  useEffect(() => {
    const mine = ++ticket.current;
    if (text.trim().length < 2) {
      setOptions([]);
      return;
    }
    const timer = setTimeout(() => {
      invoke('programme.memberOptions', { search: text.trim() })
        .then((rows) => mine === ticket.current && (setOptions(rows), setActive(rows.length ? 0 : -1)))
        .catch(() => mine === ticket.current && setOptions([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);

  const pick = (m: MemberOption | undefined) => {
    if (!m) return;
    onPick(m);
    setText('');
    setOptions([]);
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
              <strong>{m.fullName}</strong> <span className="prog-muted">{m.memberNo}{m.kelurahan ? ` · ${m.kelurahan}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
