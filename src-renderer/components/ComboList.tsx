import type { ReactNode } from 'react';

/**
 * The open list of a combobox (KBLI search, kelurahan picker): a listbox whose options the input
 * points at with aria-activedescendant (`${id}-${index}`), picked by mouse without taking the
 * focus from the input.
 */
export function ComboList<T extends { kode: string }>(props: {
  id: string;
  label?: string;
  options: readonly T[];
  active: number;
  empty: string;
  onPick: (option: T) => void;
  children: (option: T) => ReactNode;
}) {
  return (
    <ul className="reg-combo__list" role="listbox" id={props.id} aria-label={props.label}>
      {props.options.length === 0 && <li className="reg-combo__empty">{props.empty}</li>}
      {props.options.map((o, i) => (
        <li
          key={o.kode}
          id={`${props.id}-${i}`}
          role="option"
          aria-selected={i === props.active}
          className={i === props.active ? 'reg-combo__option reg-combo__option--active' : 'reg-combo__option'}
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(o);
          }}
        >
          {props.children(o)}
        </li>
      ))}
    </ul>
  );
}

/** The combobox input's own ARIA attributes, pointing at the list above and its active option. */
export function comboInputProps(p: { id: string; listId: string; open: boolean; active: number; count: number; invalid: boolean; describedBy?: string }) {
  return {
    id: p.id,
    role: 'combobox',
    autoComplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': p.open,
    'aria-controls': p.listId,
    'aria-activedescendant': p.open && p.active >= 0 && p.active < p.count ? `${p.listId}-${p.active}` : undefined,
    'aria-invalid': p.invalid,
    'aria-describedby': p.describedBy,
  } as const;
}
