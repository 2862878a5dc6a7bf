// Dates typed and shown the way offices write them, dd/mm/yyyy, and times as 09.00, while the
// API keeps YYYY-MM-DD and HH:MM. Pure functions, so the rules are tested without a browser.

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' as '17/08/1985'; anything else as it is. */
export function isoToDmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * What the user typed as 'YYYY-MM-DD': 17/08/1985, 17-8-1985, 17.08.1985 or 17081985 (or a
 * pasted 1985-08-17, which cannot be misread). Two-digit years are not guessed. null when it is
 * not (yet) a real date.
 */
export function dmyToIso(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? t : null;
  const m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** While typing digits only, the slashes come by themselves: 1708 → 17/08, 17081985 → 17/08/1985. */
export function autoSlash(previous: string, next: string): string {
  // Deleting, or text that is not digits and slashes: left as typed.
  if ((previous.startsWith(next) && next.length < previous.length) || !/^[\d/]*$/.test(next)) return next;
  const digits = next.replace(/\//g, '');
  if (digits.length > 8) return previous;
  const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter(Boolean);
  let out = parts.join('/');
  if ((digits.length === 2 || digits.length === 4) && next.length > previous.length) out += '/';
  return out;
}

/** A day earlier or later (arrow keys), from an ISO date. */
export function shiftIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 'HH:MM' as '09.00'. */
export const hmToDot = (hm: string) => (/^\d{2}:\d{2}$/.test(hm) ? hm.replace(':', '.') : hm);

/** What the user typed as 'HH:MM': 9, 0900, 9.00, 09:00, 9.5 is not a time. null when not a time. */
export function dotToHm(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m.at(2) ?? 0); // the minutes are optional
  return h < 24 && min < 60 ? `${pad(h)}:${pad(min)}` : null;
}
