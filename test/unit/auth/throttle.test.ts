import { describe, expect, it } from 'vitest';
import { afterFailure, defaultThrottle, normaliseAddress, verdict } from '../../../src-main/core/auth/throttle';

const t0 = Date.parse('2026-11-28T02:00:00.000Z');

describe('throttle rules', () => {
  it('lets the first tries through, then waits 2 s, 4 s ... and locks at the fifth failure', () => {
    let row = afterFailure(null, t0, defaultThrottle);
    expect(row).toMatchObject({ failures: 1, nextAllowedMs: null, lockedUntilMs: null });
    row = afterFailure(row, t0, defaultThrottle);
    expect(row.nextAllowedMs).toBeNull();
    row = afterFailure(row, t0, defaultThrottle);
    expect(row.nextAllowedMs).toBe(t0 + 2000);
    expect(verdict([row], t0 + 1999)).toEqual({ allowed: false, locked: false, untilMs: t0 + 2000 });
    expect(verdict([row], t0 + 2000)).toEqual({ allowed: true });
    row = afterFailure(row, t0 + 2000, defaultThrottle);
    expect(row.nextAllowedMs).toBe(t0 + 2000 + 4000);
    row = afterFailure(row, t0 + 6000, defaultThrottle);
    expect(row).toMatchObject({ failures: 0, lockedUntilMs: t0 + 6000 + 15 * 60_000 });
    expect(verdict([row], t0 + 6000 + 15 * 60_000 - 1)).toMatchObject({ allowed: false, locked: true });
  });

  it('forgets failures after the window and starts again after a lock', () => {
    const row = afterFailure(afterFailure(null, t0, defaultThrottle), t0, defaultThrottle);
    expect(afterFailure(row, t0 + 16 * 60_000, defaultThrottle).failures).toBe(1);
    const locked = { failures: 0, lastFailureMs: t0, nextAllowedMs: null, lockedUntilMs: t0 + 1000 };
    expect(afterFailure(locked, t0 + 2000, defaultThrottle)).toMatchObject({ failures: 1, lockedUntilMs: null });
  });

  it('caps the delay at a minute and takes the longest of the pair and the address', () => {
    const limits = { ...defaultThrottle, maxFailures: 100 };
    // Twenty failures in a row.
    let row = afterFailure(null, t0, limits);
    for (let i = 1; i < 20; i++) row = afterFailure(row, t0, limits);
    expect(row.nextAllowedMs).toBe(t0 + 60_000);
    const lock = { failures: 0, lastFailureMs: t0, nextAllowedMs: null, lockedUntilMs: t0 + 5000 };
    expect(verdict([row, lock], t0)).toEqual({ allowed: false, locked: true, untilMs: t0 + 60_000 });
  });

  it('spells an address one way', () => {
    expect(normaliseAddress('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(normaliseAddress('FE80::1')).toBe('fe80::1');
    expect(normaliseAddress(undefined)).toBe('tidak-diketahui');
  });
});
