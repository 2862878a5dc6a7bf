import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../app/i18n';
import { Dialog } from './Dialog';

/**
 * Keyboard shortcuts: Alt+letter on the main actions, shown on the buttons and listed on a help
 * overlay ("?"). One keydown listener for the whole window; screens register what they offer
 * while they are shown, so the overlay always lists what works here and now.
 *
 * Keys are matched by their physical position (KeyboardEvent.code), so they work on any layout.
 * Alt+D, Alt+E and Alt+F are left alone: browsers use them for their own menus.
 */

export interface Shortcut {
  /** KeyboardEvent.code, e.g. 'KeyN'. */
  code: string;
  /** Shown to people, already translated. */
  label: string;
  run: () => void;
}

interface Entry extends Shortcut {
  id: number;
}

let nextId = 1;
const entries = new Map<number, Entry>();
const listeners = new Set<() => void>();
let snapshot: Entry[] = [];

function changed() {
  snapshot = [...entries.values()];
  for (const l of listeners) l();
}

/** "Alt+N" for KeyN. */
export function shortcutText(code: string): string {
  return `Alt+${code.replace(/^Key|^Digit/, '')}`;
}

/**
 * Registers Alt+<code> while the calling component is shown (and `enabled`). The latest
 * registration of a key wins, so a dialog or a page can take over a key for a while.
 * Returns the text to show on the button, e.g. "Alt+T".
 */
export function useShortcut(code: string, label: string, run: () => void, enabled = true): string {
  // The key runs the latest `run` without registering the key again on every render.
  const runLatest = useEffectEvent(run);
  useEffect(() => {
    if (!enabled) return;
    const id = nextId++;
    entries.set(id, { id, code, label, run: () => runLatest() });
    changed();
    return () => {
      entries.delete(id);
      changed();
    };
  }, [code, label, enabled]);
  return shortcutText(code);
}

function isTextTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable);
}

function subscribe(fn: () => void) {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

/** The small key label on a button; hidden from screen readers (the button carries aria-keyshortcuts). */
export function Kbd({ keys }: { keys: string }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {keys}
    </kbd>
  );
}

/** The window's one key listener and the "?" help overlay; mounted once by the shell. */
export function ShortcutLayer() {
  const { t } = useI18n();
  const [help, setHelp] = useState(false);
  const list = useSyncExternalStore(subscribe, () => snapshot);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        const all = [...entries.values()];
        for (let i = all.length - 1; i >= 0; i--) {
          if (all[i].code === e.code) {
            e.preventDefault();
            all[i].run();
            return;
          }
        }
        return;
      }
      if (e.key === '?' && !e.altKey && !e.ctrlKey && !e.metaKey && !isTextTarget(e.target)) {
        e.preventDefault();
        setHelp((h) => !h);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The last registration of a key is the one that runs: list each key once.
  const byCode = new Map<string, Entry>();
  for (const e of list) byCode.set(e.code, e);
  return (
    <Dialog title={t('shortcuts.title')} open={help} onClose={() => setHelp(false)}>
      <table className="shortcuts">
        <tbody>
          {[...byCode.values()].map((e) => (
            <tr key={e.id}>
              <td>
                <kbd className="kbd">{shortcutText(e.code)}</kbd>
              </td>
              <td>{e.label}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd className="kbd">/</kbd>
            </td>
            <td>{t('shortcuts.search')}</td>
          </tr>
          <tr>
            <td>
              <kbd className="kbd">Enter</kbd>
            </td>
            <td>{t('shortcuts.enter')}</td>
          </tr>
          <tr>
            <td>
              <kbd className="kbd">Esc</kbd>
            </td>
            <td>{t('shortcuts.escape')}</td>
          </tr>
          <tr>
            <td>
              <kbd className="kbd">?</kbd>
            </td>
            <td>{t('shortcuts.help')}</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
