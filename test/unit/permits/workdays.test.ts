import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  effectiveWorkingDay,
  evaluateSla,
  isWorkingDay,
  nextWorkingDay,
  toJakartaDate,
  workingDaysBetween,
  type SlaEvent,
} from '../../../src-main/features/permits/rules/workdays';

// Calendar used below (2025): Mon 3 Mar ... Fri 7 Mar, Sat 8, Sun 9, Mon 10 ...
// Fri 28 Mar, Sat 29, Sun 30, Mon 31 Mar and Tue 1 Apr are Idul Fitri holidays, Wed 2 Apr.
const LEBARAN = ['2025-03-31', '2025-04-01'];

/** A WIB wall-clock time as an ISO timestamp with offset. */
const wib = (date: string, time: string) => `${date}T${time}:00+07:00`;

describe('isWorkingDay', () => {
  it('treats Monday to Friday as working days', () => {
    for (const d of ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07']) {
      expect(isWorkingDay(d)).toBe(true);
    }
  });

  it('excludes Saturday and Sunday', () => {
    expect(isWorkingDay('2025-03-08')).toBe(false);
    expect(isWorkingDay('2025-03-09')).toBe(false);
  });

  it('excludes holidays given as an array or a Set', () => {
    expect(isWorkingDay('2025-03-31', LEBARAN)).toBe(false);
    expect(isWorkingDay('2025-04-01', new Set(LEBARAN))).toBe(false);
    expect(isWorkingDay('2025-04-02', LEBARAN)).toBe(true);
    expect(isWorkingDay('2025-03-31')).toBe(true);
  });

  it('handles leap days', () => {
    expect(isWorkingDay('2024-02-29')).toBe(true);
  });

  it('refuses malformed or impossible dates and holidays', () => {
    expect(() => isWorkingDay('2025-3-3')).toThrow(RangeError);
    expect(() => isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() => isWorkingDay('2025-03-03', ['2025-3-31'])).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10'); // Fri + 1 = Mon
    expect(addWorkingDays('2025-03-06', 2)).toBe('2025-03-10'); // Thu + 2 = Mon
    expect(addWorkingDays('2025-03-03', 5)).toBe('2025-03-10'); // Mon + 5 = next Mon
  });

  it('counts from a weekend day without counting the weekend', () => {
    expect(addWorkingDays('2025-03-08', 1)).toBe('2025-03-10'); // Sat + 1 = Mon
    expect(addWorkingDays('2025-03-09', 1)).toBe('2025-03-10'); // Sun + 1 = Mon
  });

  it('skips holidays', () => {
    expect(addWorkingDays('2025-03-28', 1, LEBARAN)).toBe('2025-04-02');
    expect(addWorkingDays('2025-03-28', 1)).toBe('2025-03-31');
    expect(addWorkingDays('2025-12-31', 1, ['2026-01-01'])).toBe('2026-01-02');
  });

  it('returns the date itself for n = 0, even on a weekend', () => {
    expect(addWorkingDays('2025-03-05', 0)).toBe('2025-03-05');
    expect(addWorkingDays('2025-03-08', 0)).toBe('2025-03-08');
  });

  it('goes backwards for negative n', () => {
    expect(addWorkingDays('2025-03-10', -1)).toBe('2025-03-07');
    expect(addWorkingDays('2025-04-02', -1, LEBARAN)).toBe('2025-03-28');
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addWorkingDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addWorkingDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addWorkingDays('2025-12-31', 2)).toBe('2026-01-02');
  });

  it('refuses non-integer counts', () => {
    expect(() => addWorkingDays('2025-03-03', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-03-03', Number.NaN)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(workingDaysBetween('2025-03-03', '2025-03-04')).toBe(1);
    expect(workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1); // Fri -> Mon
    expect(workingDaysBetween('2025-03-03', '2025-03-10')).toBe(5);
    expect(workingDaysBetween('2025-03-07', '2025-03-09')).toBe(0); // Fri -> Sun
  });

  it('excludes holidays', () => {
    expect(workingDaysBetween('2025-03-28', '2025-04-02', LEBARAN)).toBe(1);
    expect(workingDaysBetween('2025-03-28', '2025-04-02')).toBe(3);
  });

  it('is negative when `to` is before `from`', () => {
    expect(workingDaysBetween('2025-03-10', '2025-03-07')).toBe(-1);
    expect(workingDaysBetween('2025-04-02', '2025-03-28', LEBARAN)).toBe(-1);
  });

  it('is the inverse of addWorkingDays on working days', () => {
    const start = '2025-03-03';
    for (let offset = 0; offset < 40; offset += 1) {
      const a = addWorkingDays(start, offset, LEBARAN);
      for (let k = 0; k <= 10; k += 1) {
        expect(workingDaysBetween(a, addWorkingDays(a, k, LEBARAN), LEBARAN)).toBe(k);
      }
    }
  });
});

describe('nextWorkingDay', () => {
  it('is the first working day strictly after the date', () => {
    expect(nextWorkingDay('2025-03-03')).toBe('2025-03-04');
    expect(nextWorkingDay('2025-03-07')).toBe('2025-03-10');
    expect(nextWorkingDay('2025-03-28', LEBARAN)).toBe('2025-04-02');
  });
});

describe('toJakartaDate and effectiveWorkingDay', () => {
  it('converts UTC to the WIB date with a fixed +7 hours', () => {
    expect(toJakartaDate('2025-03-02T23:00:00Z')).toBe('2025-03-03'); // 06:00 WIB Monday
    expect(toJakartaDate('2025-03-03T16:59:59Z')).toBe('2025-03-03'); // 23:59:59 WIB
    expect(toJakartaDate('2025-03-03T17:00:00Z')).toBe('2025-03-04'); // midnight WIB
    expect(toJakartaDate('2025-03-03T10:00:00+07:00')).toBe('2025-03-03');
  });

  it('refuses timestamps without a time zone', () => {
    expect(() => toJakartaDate('2025-03-03T10:00:00')).toThrow(RangeError);
    expect(() => toJakartaDate('2025-03-03')).toThrow(RangeError);
    expect(() => toJakartaDate('kemarin')).toThrow(RangeError);
  });

  it('keeps events during and before office hours on their day', () => {
    expect(effectiveWorkingDay(wib('2025-03-03', '10:00'))).toBe('2025-03-03');
    expect(effectiveWorkingDay(wib('2025-03-03', '06:00'))).toBe('2025-03-03');
    expect(effectiveWorkingDay('2025-03-03T09:00:00Z')).toBe('2025-03-03'); // 16:00 WIB exactly
  });

  it('moves events after closing or on non-working days to the next working day', () => {
    expect(effectiveWorkingDay('2025-03-03T09:00:01Z')).toBe('2025-03-04'); // 16:00:01 WIB
    expect(effectiveWorkingDay(wib('2025-03-07', '17:00'))).toBe('2025-03-10');
    expect(effectiveWorkingDay(wib('2025-03-08', '09:00'))).toBe('2025-03-10');
    expect(effectiveWorkingDay(wib('2025-03-28', '17:00'), LEBARAN)).toBe('2025-04-02');
    expect(effectiveWorkingDay(wib('2025-03-31', '09:00'), LEBARAN)).toBe('2025-04-02');
  });

  it('uses configurable office hours', () => {
    const hours = { start: '07:30', end: '15:00' };
    expect(effectiveWorkingDay(wib('2025-03-03', '15:00'), [], hours)).toBe('2025-03-03');
    expect(effectiveWorkingDay(wib('2025-03-03', '15:30'), [], hours)).toBe('2025-03-04');
    expect(() => effectiveWorkingDay(wib('2025-03-03', '10:00'), [], { start: '16:00', end: '08:00' })).toThrow(RangeError);
    expect(() => effectiveWorkingDay(wib('2025-03-03', '10:00'), [], { start: '8:00', end: '16:00' })).toThrow(RangeError);
  });
});

describe('evaluateSla', () => {
  const submitted = (at: string): SlaEvent => ({ type: 'submitted', at });
  const paused = (at: string): SlaEvent => ({ type: 'paused', at });
  const resumed = (at: string): SlaEvent => ({ type: 'resumed', at });
  const completed = (at: string): SlaEvent => ({ type: 'completed', at, outcome: 'terbit' });

  describe('completed permits', () => {
    it('is on time when issued the next working day (default SLA of 1 day)', () => {
      const r = evaluateSla([submitted(wib('2025-03-03', '10:00')), completed(wib('2025-03-04', '15:00'))]);
      expect(r).toEqual({
        state: 'on_time',
        slaDays: 1,
        startDate: '2025-03-03',
        dueDate: '2025-03-04',
        dueAt: '2025-03-04T09:00:00.000Z',
        elapsedWorkingDays: 1,
        pausedWorkingDays: 0,
        completedAt: wib('2025-03-04', '15:00'),
        onTime: true,
      });
    });

    it('is on time when issued the same day', () => {
      const r = evaluateSla([submitted(wib('2025-03-03', '10:00')), completed(wib('2025-03-03', '14:00'))]);
      expect(r.state).toBe('on_time');
      expect(r.elapsedWorkingDays).toBe(0);
    });

    it('is on time at exactly the closing minute of the due day, late one second after', () => {
      const events = [submitted(wib('2025-03-03', '10:00'))];
      const atClose = evaluateSla([...events, completed('2025-03-04T09:00:00Z')]);
      expect(atClose.onTime).toBe(true);
      const after = evaluateSla([...events, completed('2025-03-04T09:00:01Z')]);
      expect(after.onTime).toBe(false);
      expect(after.state).toBe('late');
      expect(after.elapsedWorkingDays).toBe(2);
    });

    it('is late when issued two working days later', () => {
      const r = evaluateSla([submitted(wib('2025-03-03', '10:00')), completed(wib('2025-03-05', '09:00'))]);
      expect(r.state).toBe('late');
      expect(r.onTime).toBe(false);
      expect(r.elapsedWorkingDays).toBe(2);
    });

    it('counts refusals (ditolak) as completion too', () => {
      const r = evaluateSla([submitted(wib('2025-03-03', '10:00')), { type: 'completed', at: wib('2025-03-04', '10:00'), outcome: 'ditolak' }]);
      expect(r.state).toBe('on_time');
    });

    it('honours a longer SLA, e.g. 2 working days', () => {
      const r = evaluateSla([submitted(wib('2025-03-06', '10:00')), completed(wib('2025-03-10', '15:00'))], { slaDays: 2 });
      expect(r.dueDate).toBe('2025-03-10'); // Thu + 2 = Mon
      expect(r.state).toBe('on_time');
      expect(r.elapsedWorkingDays).toBe(2);
    });
  });

  describe('start of the clock', () => {
    it('starts the next working day for a submission after office hours', () => {
      const r = evaluateSla([submitted(wib('2025-03-07', '17:00')), completed(wib('2025-03-11', '10:00'))]);
      expect(r.startDate).toBe('2025-03-10');
      expect(r.dueDate).toBe('2025-03-11');
      expect(r.state).toBe('on_time');
    });

    it('starts the next working day for a weekend submission', () => {
      const r = evaluateSla([submitted(wib('2025-03-08', '09:00'))], { now: wib('2025-03-10', '12:00') });
      expect(r.startDate).toBe('2025-03-10');
      expect(r.dueDate).toBe('2025-03-11');
      expect(r.state).toBe('running');
      expect(r.elapsedWorkingDays).toBe(0);
    });

    it('starts the same day for a submission before opening', () => {
      const r = evaluateSla([submitted(wib('2025-03-03', '06:00'))], { now: wib('2025-03-03', '07:00') });
      expect(r.startDate).toBe('2025-03-03');
      expect(r.dueDate).toBe('2025-03-04');
    });

    it('skips holidays for the start and the due date', () => {
      const afterHours = evaluateSla([submitted(wib('2025-03-28', '16:30')), completed(wib('2025-04-03', '10:00'))], {
        holidays: LEBARAN,
      });
      expect(afterHours.startDate).toBe('2025-04-02');
      expect(afterHours.dueDate).toBe('2025-04-03');
      expect(afterHours.state).toBe('on_time');

      const friday = evaluateSla([submitted(wib('2025-03-28', '10:00')), completed(wib('2025-04-02', '11:00'))], {
        holidays: LEBARAN,
      });
      expect(friday.dueDate).toBe('2025-04-02');
      expect(friday.elapsedWorkingDays).toBe(1);
      expect(friday.state).toBe('on_time');
    });

    it('places the deadline at the configured closing time', () => {
      const r = evaluateSla([submitted(wib('2025-03-03', '10:00'))], {
        now: wib('2025-03-03', '11:00'),
        officeHours: { start: '07:30', end: '15:00' },
      });
      expect(r.dueAt).toBe('2025-03-04T08:00:00.000Z');
    });
  });

  describe('open permits', () => {
    const events = [submitted(wib('2025-03-03', '10:00'))];

    it('is running on the day of submission', () => {
      const r = evaluateSla(events, { now: wib('2025-03-03', '12:00') });
      expect(r.state).toBe('running');
      expect(r.elapsedWorkingDays).toBe(0);
      expect(r.onTime).toBeNull();
      expect(r.completedAt).toBeNull();
    });

    it('is due today on the due date, also before opening', () => {
      expect(evaluateSla(events, { now: wib('2025-03-04', '07:00') }).state).toBe('due_today');
      const r = evaluateSla(events, { now: wib('2025-03-04', '15:59') });
      expect(r.state).toBe('due_today');
      expect(r.elapsedWorkingDays).toBe(1);
    });

    it('is late after closing on the due date and afterwards', () => {
      expect(evaluateSla(events, { now: wib('2025-03-04', '16:30') }).state).toBe('late');
      const r = evaluateSla(events, { now: wib('2025-03-05', '09:00') });
      expect(r.state).toBe('late');
      expect(r.elapsedWorkingDays).toBe(2);
    });

    it('is running over a weekend before the due date', () => {
      const friday = [submitted(wib('2025-03-07', '10:00'))];
      const r = evaluateSla(friday, { now: wib('2025-03-08', '10:00') });
      expect(r.dueDate).toBe('2025-03-10');
      expect(r.state).toBe('running');
    });

    it('is due today with a same-day SLA (slaDays 0)', () => {
      const r = evaluateSla(events, { now: wib('2025-03-03', '12:00'), slaDays: 0 });
      expect(r.dueDate).toBe('2025-03-03');
      expect(r.state).toBe('due_today');
    });
  });

  describe('pauses (perlu perbaikan)', () => {
    it('shifts the due date by the working days spent waiting on the applicant', () => {
      const base = [submitted(wib('2025-03-03', '10:00')), paused(wib('2025-03-03', '14:00')), resumed(wib('2025-03-05', '10:00'))];
      const onTime = evaluateSla([...base, completed(wib('2025-03-06', '15:00'))]);
      expect(onTime.pausedWorkingDays).toBe(2);
      expect(onTime.dueDate).toBe('2025-03-06');
      expect(onTime.elapsedWorkingDays).toBe(1);
      expect(onTime.state).toBe('on_time');

      const late = evaluateSla([...base, completed(wib('2025-03-07', '09:00'))]);
      expect(late.state).toBe('late');
      expect(late.elapsedWorkingDays).toBe(2);
    });

    it('does not shift for a pause opened and closed on the same working day', () => {
      const r = evaluateSla([
        submitted(wib('2025-03-03', '10:00')),
        paused(wib('2025-03-03', '11:00')),
        resumed(wib('2025-03-03', '15:00')),
        completed(wib('2025-03-04', '10:00')),
      ]);
      expect(r.pausedWorkingDays).toBe(0);
      expect(r.dueDate).toBe('2025-03-04');
    });

    it('counts a resume after closing as the next working day', () => {
      const r = evaluateSla([submitted(wib('2025-03-03', '10:00')), paused(wib('2025-03-03', '11:00')), resumed(wib('2025-03-04', '17:00'))], {
        now: wib('2025-03-05', '10:00'),
      });
      expect(r.pausedWorkingDays).toBe(2);
      expect(r.dueDate).toBe('2025-03-06');
      expect(r.state).toBe('running');
    });

    it('counts only working days of a pause over a weekend and holidays', () => {
      const weekend = evaluateSla([submitted(wib('2025-03-07', '09:00')), paused(wib('2025-03-07', '10:00')), resumed(wib('2025-03-10', '10:00'))], {
        now: wib('2025-03-10', '11:00'),
      });
      expect(weekend.pausedWorkingDays).toBe(1);
      expect(weekend.dueDate).toBe('2025-03-11');

      const lebaran = evaluateSla([submitted(wib('2025-03-27', '09:00')), paused(wib('2025-03-27', '10:00')), resumed(wib('2025-04-02', '10:00'))], {
        now: wib('2025-04-02', '11:00'),
        holidays: LEBARAN,
      });
      expect(lebaran.pausedWorkingDays).toBe(2); // Fri 28 Mar and Wed 2 Apr
      expect(lebaran.dueDate).toBe('2025-04-03');
      expect(lebaran.state).toBe('running');
    });

    it('adds up several pauses', () => {
      const r = evaluateSla([
        submitted(wib('2025-03-03', '10:00')),
        paused(wib('2025-03-03', '11:00')),
        resumed(wib('2025-03-04', '11:00')),
        paused(wib('2025-03-05', '09:00')),
        resumed(wib('2025-03-07', '09:00')),
        completed(wib('2025-03-07', '14:00')),
      ]);
      expect(r.pausedWorkingDays).toBe(3);
      expect(r.dueDate).toBe('2025-03-07');
      expect(r.elapsedWorkingDays).toBe(1);
      expect(r.state).toBe('on_time');
    });

    it('reports an open pause as paused and counts it up to now', () => {
      const r = evaluateSla([submitted(wib('2025-03-03', '10:00')), paused(wib('2025-03-03', '14:00'))], {
        now: wib('2025-03-06', '10:00'),
      });
      expect(r.state).toBe('paused');
      expect(r.pausedWorkingDays).toBe(3);
      expect(r.dueDate).toBe('2025-03-07');
      expect(r.elapsedWorkingDays).toBe(0);
      expect(r.onTime).toBeNull();
    });

    it('closes a pause at completion', () => {
      const r = evaluateSla([
        submitted(wib('2025-03-03', '10:00')),
        paused(wib('2025-03-03', '14:00')),
        { type: 'completed', at: wib('2025-03-10', '10:00'), outcome: 'ditolak' },
      ]);
      expect(r.pausedWorkingDays).toBe(5);
      expect(r.elapsedWorkingDays).toBe(0);
      expect(r.state).toBe('on_time');
    });

    it('treats a later submission during a pause as the resume', () => {
      const r = evaluateSla([submitted(wib('2025-03-03', '10:00')), paused(wib('2025-03-03', '14:00')), submitted(wib('2025-03-05', '10:00'))], {
        now: wib('2025-03-05', '11:00'),
      });
      expect(r.state).toBe('running');
      expect(r.pausedWorkingDays).toBe(2);
    });

    it('ignores a repeated pause and a resume without a pause', () => {
      const r = evaluateSla(
        [
          submitted(wib('2025-03-03', '10:00')),
          resumed(wib('2025-03-03', '11:00')),
          paused(wib('2025-03-03', '14:00')),
          paused(wib('2025-03-04', '14:00')),
          resumed(wib('2025-03-05', '10:00')),
        ],
        { now: wib('2025-03-05', '11:00') },
      );
      expect(r.pausedWorkingDays).toBe(2);
    });
  });

  it('sorts events by time and ignores events after completion', () => {
    const ordered = [
      submitted(wib('2025-03-03', '10:00')),
      paused(wib('2025-03-03', '14:00')),
      resumed(wib('2025-03-05', '10:00')),
      completed(wib('2025-03-06', '15:00')),
    ];
    const shuffled = [ordered[2], ordered[3], ordered[0], ordered[1], paused(wib('2025-03-07', '10:00'))];
    expect(evaluateSla(shuffled)).toEqual(evaluateSla(ordered));
  });

  it('agrees with a plain timestamp comparison for every completion time', () => {
    const scenarios: SlaEvent[][] = [
      [submitted(wib('2025-03-03', '10:00'))],
      [submitted(wib('2025-03-07', '17:30'))],
      [submitted(wib('2025-03-03', '10:00')), paused(wib('2025-03-03', '15:00')), resumed(wib('2025-03-05', '16:30'))],
    ];
    for (const base of scenarios) {
      for (const slaDays of [0, 1, 2]) {
        const last = Date.parse(base[base.length - 1].at);
        for (let h = 1; h <= 14 * 24; h += 1) {
          const at = new Date(last + h * 3_600_000).toISOString();
          const r = evaluateSla([...base, completed(at)], { slaDays, holidays: ['2025-03-12'] });
          expect(r.onTime).toBe(Date.parse(at) <= Date.parse(r.dueAt));
          expect(r.onTime).toBe(r.elapsedWorkingDays <= slaDays);
        }
      }
    }
  });

  it('refuses missing or invalid inputs', () => {
    expect(() => evaluateSla([paused(wib('2025-03-03', '10:00'))], { now: wib('2025-03-03', '11:00') })).toThrow(RangeError);
    expect(() => evaluateSla([submitted(wib('2025-03-03', '10:00'))])).toThrow(/now/);
    expect(() => evaluateSla([submitted(wib('2025-03-03', '10:00'))], { now: wib('2025-03-03', '11:00'), slaDays: -1 })).toThrow(RangeError);
    expect(() => evaluateSla([submitted(wib('2025-03-03', '10:00'))], { now: wib('2025-03-03', '11:00'), slaDays: 1.5 })).toThrow(RangeError);
    expect(() => evaluateSla([submitted('2025-03-03 10:00')], { now: wib('2025-03-03', '11:00') })).toThrow(RangeError);
  });
});
