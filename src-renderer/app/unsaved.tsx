// Leaving a screen with unsaved changes asks first: a link inside the app, the menu, a tab, the
// browser's back button and navigate() all pass through here; closing or reloading the window
// gets the browser's own question (the only one a page may ask then).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useI18n } from './i18n';
import { setNavigationGuard } from './router';

interface Guard {
  /** What is unsaved, in the user's words, for the question. */
  what: string;
}

const GuardContext = createContext<{ register: (guard: Guard) => () => void } | null>(null);

export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const guards = useRef(new Set<Guard>());
  const [pending, setPending] = useState<{ go: () => void; what: string } | null>(null);

  const register = useCallback((guard: Guard) => {
    guards.current.add(guard);
    return () => void guards.current.delete(guard);
  }, []);

  useEffect(() => {
    const first = () => guards.current.values().next().value;
    // navigate(), links and the back button: the router asks before it moves.
    setNavigationGuard((go) => {
      const guard = first();
      if (!guard) return true;
      setPending({ go, what: guard.what });
      return false;
    });
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (first()) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      setNavigationGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  return (
    <GuardContext.Provider value={{ register }}>
      {children}
      <ConfirmDialog
        open={pending !== null}
        title={t('unsaved.title')}
        confirmLabel={t('unsaved.leave')}
        cancelLabel={t('unsaved.stay')}
        focusConfirm={false}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const go = pending?.go;
          guards.current.clear();
          setPending(null);
          go?.();
        }}
      >
        <p>{pending && t('unsaved.text', { what: pending.what })}</p>
      </ConfirmDialog>
    </GuardContext.Provider>
  );
}

/** While `dirty`, leaving the screen asks first. `what` names the unsaved work ("2 baris omzet"). */
export function useUnsavedChanges(dirty: boolean, what: string) {
  const ctx = useContext(GuardContext);
  useEffect(() => {
    if (!dirty || !ctx) return;
    return ctx.register({ what });
  }, [dirty, what, ctx]);
}
