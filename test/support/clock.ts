import { fixedClock } from '../../src-main/core/clock';

/**
 * The instant every test app starts at unless the test names its own. JPD_TEST_NOW moves it
 * (a month end, a year end, a leap day) to show that the suite passes on any date:
 *   JPD_TEST_NOW=2026-12-31T16:30:00Z npm test
 * Tests never read the wall clock; the browser's clock is set from the same test clock.
 */
export const TEST_NOW = process.env.JPD_TEST_NOW ?? '2026-11-28T02:00:00.000Z';
if (Number.isNaN(Date.parse(TEST_NOW))) throw new Error(`JPD_TEST_NOW is not an ISO instant: ${TEST_NOW}`);

/**
 * The instant of the scenario tests whose story needs particular calendar days (production days
 * before a delivery, a holiday, a given month's figures): Saturday 28 November 2026, 09:00 WIB.
 * They name it instead of using TEST_NOW, so moving TEST_NOW does not move them.
 */
export const SATURDAY_0900_WIB = '2026-11-28T02:00:00.000Z';

export type TestClock = ReturnType<typeof fixedClock>;

export function testClock(startIso = TEST_NOW): TestClock {
  return fixedClock(startIso);
}

/** The Jakarta calendar date (UTC+7) of the clock's instant, moved by `days`. */
export function jakartaDay(clock: { nowMs(): number }, days = 0): string {
  return new Date(clock.nowMs() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Jakarta month (YYYY-MM) of the clock's instant, moved by `months`. */
export function jakartaMonth(clock: { nowMs(): number }, months = 0): string {
  const [y, m] = jakartaDay(clock).split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
