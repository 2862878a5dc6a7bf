import { describe, expect, it } from 'vitest';
import { autoSlash, dmyToIso, dotToHm, hmToDot, isoToDmy, shiftIso } from '../../../src-renderer/components/dates';

describe('dates as offices write them', () => {
  it('shows YYYY-MM-DD as dd/mm/yyyy and reads it back in the usual spellings', () => {
    expect(isoToDmy('1985-08-17')).toBe('17/08/1985');
    for (const typed of ['17/08/1985', '17-8-1985', '17.08.1985', '17081985', ' 17/8/1985 ', '1985-08-17']) expect(dmyToIso(typed)).toBe('1985-08-17');
  });
  it('refuses what is not a real date, never guessing a two-digit year or swapping day and month', () => {
    for (const typed of ['31/02/1985', '29/02/2026', '17/13/1985', '17/08/85', '', '1985-02-31']) expect(dmyToIso(typed)).toBeNull();
    expect(dmyToIso('29/02/2028')).toBe('2028-02-29');
  });
  it('puts the slashes in while digits are typed', () => {
    let text = '';
    for (const ch of '17081985') text = autoSlash(text, text + ch);
    expect(text).toBe('17/08/1985');
    expect(autoSlash('17/08/', '17/08')).toBe('17/08');
  });
  it('moves a day with the arrows across month and year ends', () => {
    expect(shiftIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftIso('2028-03-01', -1)).toBe('2028-02-29');
  });
  it('writes times as 09.00 and reads the usual spellings', () => {
    expect(hmToDot('09:00')).toBe('09.00');
    for (const typed of ['9', '09.00', '9.00', '09:00', '0900']) expect(dotToHm(typed)).toBe('09:00');
    expect(dotToHm('11.30')).toBe('11:30');
    for (const typed of ['24.00', '9.5', '9.60', 'jam 9']) expect(dotToHm(typed)).toBeNull();
  });
});
