/**
 * Working-day arithmetic and the IUMK service-level (SLA) clock.
 *
 * Pure functions only: no I/O and no reading of the system clock. "Now" is always passed in, so
 * the same inputs give the same answer in tests, reports and the UI.
 *
 * Conventions
 * - A date is a 'YYYY-MM-DD' string of the office's local calendar (Asia/Jakarta, WIB).
 * - A timestamp is an ISO-8601 string with an explicit offset ('Z' or '+07:00'). Strings without
 *   an offset are refused because JavaScript would read them in the machine's own time zone.
 * - WIB is UTC+7 all year (Indonesia has no daylight saving), so a fixed +7 hours is exact.
 * - Saturdays, Sundays and the given holidays (national holidays and cuti bersama, supplied by
 *   the caller from settings) are not working days.
 */

export type Holidays = ReadonlySet<string> | readonly string[];

/** WIB is UTC+7 with no daylight saving, so a constant offset converts exactly. */
export const JAKARTA_OFFSET_MINUTES = 7 * 60;

/** Office hours in WIB, 'HH:MM'. Only `end` moves the clock; see `effectiveWorkingDay`. */
export interface OfficeHours {
  start: string;
  end: string;
}

/**
 * Default PTSP counter hours. The domain sources give no fixed hours, so they are configurable;
 * 08:00-16:00 WIB is the usual Jakarta civil-service service window.
 */
export const DEFAULT_OFFICE_HOURS: Readonly<OfficeHours> = Object.freeze({ start: '08:00', end: '16:00' });

/** National guidance: a permit is issued at the latest one working day after a complete file. */
export const DEFAULT_SLA_DAYS = 1;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const EMPTY_HOLIDAYS: ReadonlySet<string> = new Set();

// ---------------------------------------------------------------------------------------------
// Day numbers: internally a date is the count of days since 1970-01-01, which makes stepping
// and comparing trivial and avoids Date objects leaking the machine's time zone.

function toDayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Tanggal tidak valid: "${date}" (format YYYY-MM-DD).`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC silently rolls 2025-02-30 over to March; refuse instead of guessing.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Tanggal tidak valid: "${date}".`);
  }
  return ms / DAY_MS;
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(dayNumber: number): boolean {
  // 1970-01-01 was a Thursday (weekday 4, Sunday = 0).
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

function toHolidaySet(holidays: Holidays | undefined): ReadonlySet<string> {
  if (!holidays) return EMPTY_HOLIDAYS;
  const set: ReadonlySet<string> =
    typeof (holidays as ReadonlySet<string>).has === 'function' ? (holidays as ReadonlySet<string>) : new Set(holidays as readonly string[]);
  // A holiday written as '2025-3-31' would silently never match; fail loudly instead.
  for (const h of set) toDayNumber(h);
  return set;
}

function isWorkingDayNumber(dayNumber: number, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(dayNumber) && !holidays.has(fromDayNumber(dayNumber));
}

function nextWorkingDayNumber(dayNumber: number, holidays: ReadonlySet<string>): number {
  let d = dayNumber + 1;
  while (!isWorkingDayNumber(d, holidays)) d += 1;
  return d;
}

function addWorkingDayNumbers(dayNumber: number, n: number, holidays: ReadonlySet<string>): number {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let d = dayNumber;
  while (remaining > 0) {
    d += step;
    if (isWorkingDayNumber(d, holidays)) remaining -= 1;
  }
  return d;
}

const holidayNumberCache = new WeakMap<ReadonlySet<string>, number[]>();

/** The holidays as day numbers (computed once per set: a permit open for years spans many). */
function holidayNumbers(holidays: ReadonlySet<string>): number[] {
  let list = holidayNumberCache.get(holidays);
  if (!list) {
    list = [...holidays].map(toDayNumber);
    holidayNumberCache.set(holidays, list);
  }
  return list;
}

function workingDayNumbersBetween(from: number, to: number, holidays: ReadonlySet<string>): number {
  if (to < from) return -workingDayNumbersBetween(to, from, holidays);
  // Whole weeks hold five working days each; only the days left over are looked at one by one,
  // then the holidays that fall on a weekday in the range are taken off. The SLA of a file left
  // open for years costs the same as one of a week.
  const weeks = Math.floor((to - from) / 7);
  let count = weeks * 5;
  for (let d = from + 1 + weeks * 7; d <= to; d += 1) if (!isWeekend(d)) count += 1;
  for (const h of holidayNumbers(holidays)) if (h > from && h <= to && !isWeekend(h)) count -= 1;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Public working-day helpers

/** True when `date` is Monday to Friday and not in `holidays`. */
export function isWorkingDay(date: string, holidays?: Holidays): boolean {
  return isWorkingDayNumber(toDayNumber(date), toHolidaySet(holidays));
}

/**
 * The date `n` working days after `date` (before it when `n` is negative). The start date itself
 * is never counted, so Friday + 1 is Monday and Saturday + 1 is also Monday. `n = 0` returns
 * `date` unchanged, even when it is not a working day.
 */
export function addWorkingDays(date: string, n: number, holidays?: Holidays): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Jumlah hari kerja harus bilangan bulat: ${n}.`);
  return fromDayNumber(addWorkingDayNumbers(toDayNumber(date), n, toHolidaySet(holidays)));
}

/**
 * Number of working days after `from` up to and including `to` (so Friday to Monday is 1, and a
 * date to itself is 0). Negative when `to` is before `from`. For working days a and b,
 * `addWorkingDays(a, workingDaysBetween(a, b)) === b`.
 */
export function workingDaysBetween(from: string, to: string, holidays?: Holidays): number {
  return workingDayNumbersBetween(toDayNumber(from), toDayNumber(to), toHolidaySet(holidays));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, holidays?: Holidays): string {
  return fromDayNumber(nextWorkingDayNumber(toDayNumber(date), toHolidaySet(holidays)));
}

// ---------------------------------------------------------------------------------------------
// Timestamps and office hours

interface LocalMoment {
  epochMs: number;
  dayNumber: number;
  msOfDay: number;
}

function parseTimestamp(timestamp: string): number {
  const ms = TIMESTAMP_RE.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(`Waktu tidak valid: "${timestamp}" (ISO-8601 dengan zona waktu, mis. 2025-03-03T02:00:00Z).`);
  }
  return ms;
}

function toLocal(timestamp: string): LocalMoment {
  const epochMs = parseTimestamp(timestamp);
  const localMs = epochMs + JAKARTA_OFFSET_MINUTES * MINUTE_MS;
  const dayNumber = Math.floor(localMs / DAY_MS);
  return { epochMs, dayNumber, msOfDay: localMs - dayNumber * DAY_MS };
}

function parseTimeOfDay(value: string, what: string): number {
  const m = TIME_RE.exec(value);
  if (!m) throw new RangeError(`Jam ${what} kantor tidak valid: "${value}" (format HH:MM).`);
  return (Number(m[1]) * 60 + Number(m[2])) * MINUTE_MS;
}

/** Office closing time as milliseconds after local midnight; validates the whole pair. */
function officeCloseMs(hours: OfficeHours | undefined): number {
  const h = hours ?? DEFAULT_OFFICE_HOURS;
  const open = parseTimeOfDay(h.start, 'buka');
  const close = parseTimeOfDay(h.end, 'tutup');
  if (close <= open) throw new RangeError(`Jam kantor tidak valid: ${h.start}-${h.end} (jam tutup harus setelah jam buka).`);
  return close;
}

/** The WIB calendar date of an ISO timestamp. */
export function toJakartaDate(timestamp: string): string {
  return fromDayNumber(toLocal(timestamp).dayNumber);
}

/**
 * The working day an event "belongs to" for the SLA clock.
 *
 * - On a working day up to and including the closing minute (16:00:00.000 by default) it is that
 *   day. Events before opening also count for that day: the office has the whole day to act,
 *   so online or AJIB files that arrive at 06:00 lose nothing.
 * - After closing, or on a weekend or holiday, it is the next working day, because nobody was
 *   there to act on it.
 */
export function effectiveWorkingDay(timestamp: string, holidays?: Holidays, officeHours?: OfficeHours): string {
  return fromDayNumber(effectiveDayNumber(toLocal(timestamp), toHolidaySet(holidays), officeCloseMs(officeHours)));
}

function effectiveDayNumber(moment: LocalMoment, holidays: ReadonlySet<string>, closeMs: number): number {
  if (isWorkingDayNumber(moment.dayNumber, holidays) && moment.msOfDay <= closeMs) return moment.dayNumber;
  return nextWorkingDayNumber(moment.dayNumber, holidays);
}

// ---------------------------------------------------------------------------------------------
// SLA evaluation

/**
 * Events of one permit, as the SLA sees them:
 * - submitted: the complete file was received (status diajukan); starts the clock.
 * - paused: the file went to "perlu perbaikan" and waits on the applicant.
 * - resumed: the applicant completed the file (back to diajukan).
 * - completed: the permit was issued (terbit) or refused (ditolak); stops the clock.
 */
export type SlaEvent =
  | { type: 'submitted'; at: string }
  | { type: 'paused'; at: string }
  | { type: 'resumed'; at: string }
  | { type: 'completed'; at: string; outcome?: 'terbit' | 'ditolak' };

export interface SlaOptions {
  /** Working days allowed after the day of the complete file. Default 1 (national guidance). */
  slaDays?: number;
  holidays?: Holidays;
  officeHours?: OfficeHours;
  /** Current time; required while the permit is not completed. */
  now?: string;
}

export type SlaState = 'on_time' | 'late' | 'due_today' | 'paused' | 'running';

export interface SlaResult {
  /** on_time/late once completed; otherwise paused, late, due_today or running. */
  state: SlaState;
  slaDays: number;
  /** The working day the clock starts on (day 0). */
  startDate: string;
  /** Last allowed day, already shifted by paused working days; due at the close of that day. */
  dueDate: string;
  /** The same deadline as an ISO UTC timestamp (close of office hours on `dueDate`). */
  dueAt: string;
  /** Working days counted since `startDate`, paused days excluded. */
  elapsedWorkingDays: number;
  /** Working days spent waiting on the applicant (including an open pause up to `now`). */
  pausedWorkingDays: number;
  completedAt: string | null;
  /** For completed permits: finished by `dueAt`. Null while the permit is still open. */
  onTime: boolean | null;
}

/**
 * Evaluates the IUMK SLA for one permit.
 *
 * Model (deliberately at whole-working-day granularity, which is what the monthly
 * "sesuai/tidak sesuai durasi" report counts):
 * 1. Every event is mapped to its effective working day (see `effectiveWorkingDay`).
 * 2. Day 0 is the effective day of the submission; the permit is due by the close of office
 *    hours on the working day `slaDays` after day 0. With the default of 1, a file complete on
 *    Monday 10:00 is due Tuesday 16:00; one received Friday 17:00 is due Tuesday 16:00.
 * 3. A pause from working day P to resume day R costs `workingDaysBetween(P, R)` days, and the
 *    due date moves later by exactly that many working days. A pause opened and closed within
 *    the same working day therefore moves nothing, and a resume after closing counts as the next
 *    working day (like a fresh submission). An open pause counts up to `now`.
 * 4. Elapsed = working days from day 0 to the effective day of completion (or of `now`), minus
 *    paused days. A completed permit is on time exactly when elapsed <= slaDays, which is the
 *    same as completedAt <= dueAt.
 *
 * Events are sorted by time first. Events before the first submission and after completion are
 * ignored; a repeated pause or a resume without a pause is ignored; a later 'submitted' while
 * paused counts as the resume (the file came back complete). Completion while paused closes the
 * pause at the completion time.
 */
export function evaluateSla(events: readonly SlaEvent[], options: SlaOptions = {}): SlaResult {
  const slaDays = options.slaDays ?? DEFAULT_SLA_DAYS;
  if (!Number.isSafeInteger(slaDays) || slaDays < 0) {
    throw new RangeError(`Batas waktu layanan harus bilangan bulat hari kerja, minimal 0: ${slaDays}.`);
  }
  const holidays = toHolidaySet(options.holidays);
  const closeMs = officeCloseMs(options.officeHours);
  const effDay = (m: LocalMoment) => effectiveDayNumber(m, holidays, closeMs);

  const sorted = events
    .map((event, index) => ({ event, index, moment: toLocal(event.at) }))
    .sort((a, b) => a.moment.epochMs - b.moment.epochMs || a.index - b.index);

  const firstSubmitted = sorted.findIndex((e) => e.event.type === 'submitted');
  if (firstSubmitted < 0) throw new RangeError('Riwayat izin tidak memuat waktu pengajuan.');
  const startDay = effDay(sorted[firstSubmitted].moment);

  let pausedDays = 0;
  let pauseStart: number | null = null;
  let completion: { event: SlaEvent; moment: LocalMoment } | null = null;

  for (const { event, moment } of sorted.slice(firstSubmitted + 1)) {
    if (event.type === 'paused') {
      pauseStart ??= effDay(moment);
    } else if (event.type === 'resumed' || event.type === 'submitted') {
      if (pauseStart !== null) {
        pausedDays += workingDayNumbersBetween(pauseStart, effDay(moment), holidays);
        pauseStart = null;
      }
    } else {
      completion = { event, moment };
      break;
    }
  }

  let endMoment: LocalMoment;
  if (completion) {
    endMoment = completion.moment;
  } else {
    if (options.now === undefined) throw new RangeError('Waktu sekarang (now) wajib diisi untuk izin yang belum selesai.');
    endMoment = toLocal(options.now);
  }
  const endDay = effDay(endMoment);

  const isPaused = pauseStart !== null && !completion;
  if (pauseStart !== null) {
    // Closed by completion, or still open and counted up to now (clamped in case now < pause).
    pausedDays += Math.max(0, workingDayNumbersBetween(pauseStart, endDay, holidays));
  }

  const dueDay = addWorkingDayNumbers(startDay, slaDays + pausedDays, holidays);
  const dueAtMs = dueDay * DAY_MS + closeMs - JAKARTA_OFFSET_MINUTES * MINUTE_MS;
  const elapsed = Math.max(0, workingDayNumbersBetween(startDay, endDay, holidays) - pausedDays);

  let state: SlaState;
  let onTime: boolean | null = null;
  if (completion) {
    onTime = endDay <= dueDay;
    state = onTime ? 'on_time' : 'late';
  } else if (isPaused) {
    state = 'paused';
  } else if (endDay > dueDay) {
    state = 'late';
  } else if (endMoment.dayNumber === dueDay) {
    state = 'due_today';
  } else {
    state = 'running';
  }

  return {
    state,
    slaDays,
    startDate: fromDayNumber(startDay),
    dueDate: fromDayNumber(dueDay),
    dueAt: new Date(dueAtMs).toISOString(),
    elapsedWorkingDays: elapsed,
    pausedWorkingDays: pausedDays,
    completedAt: completion ? completion.event.at : null,
    onTime,
  };
}
