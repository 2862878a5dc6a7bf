import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../src-renderer/app/i18n/catalogue';
import { SHARED_TERMS } from '../../support/language';

// The language sweep of the screens (test/e2e/language.e2e.test.ts) cannot see an English entry
// left in Indonesian: an entry written the same in both languages looks like a shared word. So
// every such entry must be made only of words that really are the same in both languages.
const SAME_IN_BOTH = ['Jakpreneur Desk', 'Status', 'Email', 'Total', 'Data', 'Diploma', 'Halal', 'Fintech', 'Pegadaian', 'manual', 'supervisor', 'E-order'];

describe('the catalogue', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.id).sort());
  });

  it('writes an entry the same in both languages only when its words are the same in both', () => {
    const words = [...SAME_IN_BOTH, ...SHARED_TERMS].sort((a, b) => b.length - a.length);
    const untranslated = (Object.keys(catalogues.id) as (keyof typeof catalogues.id)[])
      .filter((key) => catalogues.id[key] === catalogues.en[key])
      .filter((key) => {
        let rest = catalogues.id[key].replace(/\{\w+\}/g, ' ');
        for (const w of words) rest = rest.split(w).join(' ');
        return /\p{L}{3,}/u.test(rest);
      });
    expect(untranslated).toEqual([]);
  });
});
