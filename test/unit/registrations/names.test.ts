import { describe, it, expect } from 'vitest';
import { nameTokens, normaliseName } from '../../../src-main/features/registrations/rules/names';

describe('normaliseName: old spellings', () => {
  it.each([
    ['Soekarno', 'sukarno'],
    ['Tjiptadi', 'ciptadi'],
    ['Djoko', 'joko'],
    ['Njoman', 'nyoman'],
    ['Sjahrir', 'syahrir'],
    ['Chairul', 'khairul'],
    ['SOEHARTO', 'suharto'],
    ['Soedjatmoko', 'sujatmoko'],
    ['Tjokroaminoto', 'cokroaminoto'],
    ['Tjoet Nja Dhien', 'cut nya dhien'],
    ['Njonja', 'nyonya'],
  ])('%s → %s', (name, key) => {
    expect(normaliseName(name)).toBe(key);
  });

  it.each([
    ['Soekarno', 'Sukarno'],
    ['Djoko Widodo', 'Joko Widodo'],
    ['Tjahjo', 'Cahjo'],
    ['Njoman Soedarsono', 'Nyoman Sudarsono'],
    ['Sjamsoel Bachri', 'Syamsul Bakhri'],
    ['Achmad Chairoel', 'Akhmad Khairul'],
    ['Pandjaitan', 'Panjaitan'],
    ['Tandjung Priok', 'Tanjung Priok'],
    ['Pandji', 'Panji'],
  ])('%s and %s share a key', (old, current) => {
    expect(normaliseName(old)).toBe(normaliseName(current));
  });

  it('does not double ny when nj is already mapped', () => {
    expect(normaliseName('Nyoman')).toBe('nyoman');
    expect(normaliseName('Njoman')).not.toContain('nyy');
    expect(normaliseName('Nyonya Njonja')).toBe('nyonya nyonya');
  });

  it('maps dj as a whole, never leaving a d', () => {
    expect(normaliseName('Djadjang')).toBe('jajang');
  });

  it('keeps current spellings unchanged (apart from the nj case)', () => {
    expect(normaliseName('Siti Nurhaliza')).toBe('siti nurhaliza');
    expect(normaliseName('Cahaya Kurniawati')).toBe('cahaya kurniawati');
    expect(normaliseName('Syafrudin Khoirul')).toBe('syafrudin khoirul');
  });

  it('is idempotent', () => {
    for (const name of ['Soekarno', 'Tjhin Hok', 'Pandjaitan', 'Kasdjo', 'Djoko Tjahjono', 'José Müller']) {
      const key = normaliseName(name);
      expect(normaliseName(key), name).toBe(key);
    }
  });
});

describe('normaliseName: case, diacritics, punctuation, spaces', () => {
  it('strips diacritics', () => {
    expect(normaliseName('José Müller')).toBe('jose muller');
    expect(normaliseName('Ṣalāḥ ad-Dīn')).toBe('salah ad din');
    expect(normaliseName('Straße')).toBe('strasse');
  });

  it('joins words split only by an apostrophe', () => {
    expect(normaliseName("Ma'ruf Amin")).toBe('maruf amin');
    expect(normaliseName('Ma’ruf Amin')).toBe(normaliseName('Maruf Amin'));
    expect(normaliseName('Ma´ruf')).toBe('maruf');
  });

  it('turns other punctuation into single spaces', () => {
    expect(normaliseName('  H.  Muhammad   Ali,S.E. ')).toBe('h muhammad ali s e');
    expect(normaliseName('Siti-Nurhaliza')).toBe('siti nurhaliza');
    expect(normaliseName('Warung "Bu Tjoet" (Cabang 2)')).toBe('warung bu cut cabang 2');
    expect(normaliseName('Ani\tBudi\nCitra')).toBe('ani budi citra');
  });

  it('returns an empty key for a blank or punctuation-only name', () => {
    expect(normaliseName('')).toBe('');
    expect(normaliseName('  .,- ')).toBe('');
  });
});

describe('nameTokens', () => {
  it('returns the normalised words', () => {
    expect(nameTokens('Ir. Soekarno')).toEqual(['ir', 'sukarno']);
    expect(nameTokens('  Hj.  Siti   Djoeariah ')).toEqual(['hj', 'siti', 'juariah']);
  });

  it('returns no tokens for a blank name', () => {
    expect(nameTokens('')).toEqual([]);
    expect(nameTokens(' - ')).toEqual([]);
  });
});
