import { describe, expect, it } from 'vitest';
import {
  checkLocation as checkLocationPhrases,
  DEFAULT_LOCATION_LIMITS,
  forbiddenZones,
  type LocationInput,
} from '../../../src-main/features/permits/rules/location';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const checkLocation = answeringIn(checkLocationPhrases);

const strict = { ...DEFAULT_LOCATION_LIMITS, homeRule: 'both' as const };
const codes = (input: LocationInput, limits = DEFAULT_LOCATION_LIMITS) => checkLocation(input, limits).map((v) => `${v.field}:${v.code}`);

describe('checkLocation: menetap', () => {
  it('accepts exactly 100 m² and refuses anything above, naming the field', () => {
    expect(checkLocation({ mode: 'menetap', floorAreaM2: 100 })).toEqual([]);
    expect(checkLocation({ mode: 'menetap', floorAreaM2: 99.99 })).toEqual([]);
    expect(checkLocation({ mode: 'menetap', floorAreaM2: 100.01 })).toEqual([
      {
        field: 'floorAreaM2',
        code: 'too_large',
        message: 'Luas tempat usaha 100,01 m² melebihi batas 100 m² untuk usaha menetap.',
      },
    ]);
  });

  it('does not apply the home-based limits to other fixed places', () => {
    expect(checkLocation({ mode: 'menetap', homeBased: false, floorAreaM2: 80 })).toEqual([]);
  });

  it('requires a positive floor area', () => {
    expect(checkLocation({ mode: 'menetap' })).toEqual([
      { field: 'floorAreaM2', code: 'required', message: 'Luas tempat usaha wajib diisi untuk usaha menetap.' },
    ]);
    expect(codes({ mode: 'menetap', floorAreaM2: null })).toEqual(['floorAreaM2:required']);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codes({ mode: 'menetap', floorAreaM2: bad })).toEqual(['floorAreaM2:invalid']);
    }
  });

  it('refuses an unknown mode', () => {
    expect(codes({ mode: 'lainnya' as never, floorAreaM2: 10 })).toEqual(['mode:invalid']);
  });

  it('uses configurable limits', () => {
    expect(codes({ mode: 'menetap', floorAreaM2: 60 }, { ...DEFAULT_LOCATION_LIMITS, maxFloorAreaM2: 50 })).toEqual(['floorAreaM2:too_large']);
  });
});

describe('checkLocation: home-based, default reading (30 m² OR 20% of the plot)', () => {
  const home = (floorAreaM2: number, plotAreaM2?: number | null) => ({
    mode: 'menetap' as const,
    homeBased: true,
    floorAreaM2,
    plotAreaM2,
  });

  it('accepts exactly 30 m², even on a small plot', () => {
    expect(checkLocation(home(30))).toEqual([]);
    expect(checkLocation(home(30, 60))).toEqual([]); // 20% of 60 m² would be only 12 m²
  });

  it('accepts exactly 20% of the plot above 30 m² and refuses just above it', () => {
    expect(checkLocation(home(40, 200))).toEqual([]);
    expect(checkLocation(home(40.01, 200))).toEqual([
      {
        field: 'floorAreaM2',
        code: 'too_large',
        message: 'Luas tempat usaha 40,01 m² di rumah tinggal melebihi 30 m² dan melebihi 20% dari luas lahan 200 m² (40 m²).',
      },
    ]);
  });

  it('compares 20% exactly (150 m² plot gives exactly 30 m²)', () => {
    expect(checkLocation(home(30, 150))).toEqual([]);
    expect(codes(home(30.01, 150))).toEqual(['floorAreaM2:too_large']);
    expect(checkLocation(home(30.2, 151))).toEqual([]);
  });

  it('asks for the plot area when above 30 m² and the plot is unknown', () => {
    const [v] = checkLocation(home(31));
    expect(v.code).toBe('too_large');
    expect(v.message).toContain('isi luas lahan');
  });

  it('still applies the 100 m² cap on a large plot', () => {
    expect(checkLocation(home(100, 1000))).toEqual([]);
    expect(checkLocation(home(101, 1000)).map((v) => v.message)).toEqual(['Luas tempat usaha 101 m² melebihi batas 100 m² untuk usaha menetap.']);
  });

  it('refuses an invalid plot area', () => {
    expect(codes(home(31, 0))).toEqual(['plotAreaM2:invalid']);
    expect(codes(home(31, -10))).toEqual(['plotAreaM2:invalid']);
  });
});

describe('checkLocation: home-based, strict reading (30 m² AND 20% of the plot)', () => {
  const home = (floorAreaM2: number, plotAreaM2?: number) => ({
    mode: 'menetap' as const,
    homeBased: true,
    floorAreaM2,
    plotAreaM2,
  });

  it('accepts when both limits hold, at the boundary', () => {
    expect(checkLocation(home(30, 150), strict)).toEqual([]);
  });

  it('refuses above 30 m² even on a large plot', () => {
    expect(codes(home(30.01, 1000), strict)).toEqual(['floorAreaM2:too_large']);
  });

  it('refuses above 20% of the plot even under 30 m²', () => {
    const violations = checkLocation(home(30, 149), strict);
    expect(violations).toHaveLength(1);
    expect(violations[0].message).toContain('20% dari luas lahan 149 m² (29,8 m²)');
  });

  it('reports both limits when both are exceeded', () => {
    expect(codes(home(31, 100), strict)).toEqual(['floorAreaM2:too_large', 'floorAreaM2:too_large']);
  });

  it('requires the plot area', () => {
    expect(checkLocation(home(20), strict)).toEqual([
      { field: 'plotAreaM2', code: 'required', message: 'Luas lahan wajib diisi untuk usaha di rumah tinggal.' },
    ]);
  });
});

describe('checkLocation: berkeliling', () => {
  it('accepts trading at a designated location, without floor area', () => {
    expect(checkLocation({ mode: 'berkeliling', atDesignatedLocation: true })).toEqual([]);
  });

  it('refuses trading elsewhere', () => {
    const expected = [
      {
        field: 'atDesignatedLocation',
        code: 'not_designated',
        message: 'Lokasi berjualan: usaha berkeliling hanya boleh berjualan di lokasi yang ditetapkan pemerintah.',
      },
    ];
    expect(checkLocation({ mode: 'berkeliling', atDesignatedLocation: false })).toEqual(expected);
    expect(checkLocation({ mode: 'berkeliling' })).toEqual(expected);
  });
});

describe('checkLocation: green and public zones', () => {
  it('lists sidewalks, roads, parks and green belts as forbidden', () => {
    expect([...forbiddenZones].sort()).toEqual(['jalan', 'jalur_hijau', 'taman', 'trotoar']);
  });

  it('refuses every forbidden zone for both modes', () => {
    for (const zone of forbiddenZones) {
      expect(codes({ mode: 'menetap', floorAreaM2: 10, zone })).toEqual(['zone:forbidden_zone']);
      expect(codes({ mode: 'berkeliling', atDesignatedLocation: true, zone })).toEqual(['zone:forbidden_zone']);
    }
    expect(checkLocation({ mode: 'menetap', floorAreaM2: 10, zone: 'trotoar' })[0].message).toBe(
      'Zona lokasi: IUMK tidak dapat diterbitkan untuk usaha di trotoar (trotoar, jalan, taman dan jalur hijau tidak boleh dipakai).',
    );
  });

  it('accepts other zones', () => {
    for (const zone of ['permukiman', 'komersial', 'lokbin', 'loksem', 'lainnya'] as const) {
      expect(checkLocation({ mode: 'menetap', floorAreaM2: 10, zone })).toEqual([]);
    }
  });

  it('reports every violation at once', () => {
    expect(codes({ mode: 'menetap', floorAreaM2: 120, zone: 'taman' })).toEqual(['zone:forbidden_zone', 'floorAreaM2:too_large']);
  });
});
