import { useEffect, useState } from 'react';

/**
 * Hash routes (#/pengguna?page=2): they work the same from the office server and from the
 * desktop app's app:// origin, and survive a reload. Table state lives in the query part.
 */
export interface Route {
  path: string;
  params: URLSearchParams;
}

function parse(): Route {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

/**
 * Asked before the app moves to another route: returns true to let it move now, or false and
 * calls `go` later (after the user confirmed leaving unsaved work). See app/unsaved.tsx.
 */
type NavigationGuard = (go: () => void) => boolean;
let guard: NavigationGuard | null = null;
export function setNavigationGuard(next: NavigationGuard | null) {
  guard = next;
}

// The route the app shows; the back button moves the hash first, so a refused move puts it back.
let shownHash = typeof window === 'undefined' ? '' : window.location.hash;
let restoring = false;

if (typeof window !== 'undefined') {
  // Links inside the app (menu, tabs, rows) ask before the hash changes.
  document.addEventListener(
    'click',
    (e) => {
      const link = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
      if (!link || !guard || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const href = link.getAttribute('href');
      if (href === null || href === window.location.hash) return;
      if (!guard(() => goTo(href))) e.preventDefault();
    },
    true,
  );
  window.addEventListener('hashchange', (e) => {
    if (restoring) {
      restoring = false;
      e.stopImmediatePropagation();
      return;
    }
    const target = window.location.hash;
    // Only a change of route asks: table filters and pages rewrite the query of the same route.
    if (guard && target.split('?')[0] !== shownHash.split('?')[0] && !guard(() => goTo(target))) {
      e.stopImmediatePropagation();
      restoring = true;
      history.replaceState(null, '', shownHash || '#/');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    shownHash = target;
  });
}

function goTo(hash: string) {
  const saved = guard;
  guard = null;
  window.location.hash = hash;
  shownHash = hash;
  // The guard comes back once the move has happened (the hashchange event is asynchronous).
  setTimeout(() => {
    guard ??= saved;
  }, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const onChange = () => setRoute(parse());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Moves to a route; `afterSave` skips the unsaved-changes question (what was unsaved is saved). */
export function navigate(path: string, params?: Record<string, string | number | undefined | null>, options: { afterSave?: boolean } = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const q = query.toString();
  const hash = `#${q ? `${path}?${q}` : path}`;
  if (options.afterSave) {
    goTo(hash);
    return;
  }
  if (guard && !guard(() => goTo(hash))) return;
  window.location.hash = hash;
}

/** Replaces the query of the current route without adding a history entry per keystroke. */
export function replaceParams(params: Record<string, string | number | undefined | null>) {
  const { path } = parse();
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const q = query.toString();
  history.replaceState(null, '', `#${path}${q ? `?${q}` : ''}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
