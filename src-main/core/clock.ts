/** The time source. Injected so tests run on a fixed clock. */
export interface Clock {
  /** Current instant as ISO-8601 UTC text, the form stored in the database. */
  nowIso(): string;
  nowMs(): number;
}

export const systemClock: Clock = {
  nowIso: () => new Date().toISOString(),
  nowMs: () => Date.now(),
};

/** A clock that stands still until moved; for tests. */
export function fixedClock(startIso: string): Clock & { advance(ms: number): void; set(iso: string): void } {
  let ms = Date.parse(startIso);
  return {
    nowIso: () => new Date(ms).toISOString(),
    nowMs: () => ms,
    advance: (delta) => {
      ms += delta;
    },
    set: (iso) => {
      ms = Date.parse(iso);
    },
  };
}

/** The office works in WIB (UTC+7, no daylight saving): local calendar date of an instant. */
export function jakartaDate(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
}
