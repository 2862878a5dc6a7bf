/**
 * IUMK location rules (DKI): where a micro/small business may be licensed.
 *
 * - menetap (fixed place): business floor area at most 100 m².
 * - menetap in a dwelling (rumah tinggal): "at most 30 m² or 20% of the plot".
 *   Interpretation (configurable through `homeRule`): the default 'either' reads the "or"
 *   literally, so a home business passes when its area is <= 30 m² OR <= 20% of the plot area.
 *   The 30 m² allowance protects the smallest houses (20% of a 60 m² plot would be only 12 m²),
 *   and large plots may use up to 20%, still under the 100 m² cap for every fixed place.
 *   'both' is the strict reading (<= 30 m² AND <= 20% of the plot) for offices that apply it.
 *   When the plot area is unknown, the 20% route cannot be checked, so under 'either' only the
 *   30 m² limit can make it pass and under 'both' the plot area is required.
 * - berkeliling (mobile): only at locations the city designated (lokbin/loksem and the like).
 * - never in green or public zones: trotoar (sidewalk), jalan (road), taman and jalur hijau.
 *
 * Areas are compared in whole hundredths of a square metre so that 20% of 150 m² is exactly
 * 30 m² (150 * 0.2 in floating point is not).
 */
import type { Phrase } from '../../../../src-shared/i18n';

export type LocationMode = 'menetap' | 'berkeliling';

export const locationZones = ['permukiman', 'komersial', 'lokbin', 'loksem', 'lainnya', 'trotoar', 'jalan', 'taman', 'jalur_hijau'] as const;
export type LocationZone = (typeof locationZones)[number];

export const locationZoneLabels: Readonly<Record<LocationZone, Phrase>> = {
  permukiman: { id: 'Permukiman', en: 'Residential area' },
  komersial: { id: 'Kawasan komersial', en: 'Commercial area' },
  lokbin: { id: 'Lokasi binaan (lokbin)', en: 'Supervised site (lokbin)' },
  loksem: { id: 'Lokasi sementara (loksem)', en: 'Temporary site (loksem)' },
  lainnya: { id: 'Lainnya', en: 'Other' },
  trotoar: { id: 'Trotoar', en: 'Sidewalk' },
  jalan: { id: 'Badan jalan', en: 'Roadway' },
  taman: { id: 'Taman', en: 'Park' },
  jalur_hijau: { id: 'Jalur hijau', en: 'Green belt' },
};

/** Zones where no IUMK may be issued. */
export const forbiddenZones: readonly LocationZone[] = ['trotoar', 'jalan', 'taman', 'jalur_hijau'];

export interface LocationLimits {
  /** Maximum floor area of any fixed business place, m². */
  maxFloorAreaM2: number;
  /** Home-based: maximum business area, m². */
  maxHomeAreaM2: number;
  /** Home-based: maximum share of the plot, percent. */
  maxHomePlotPercent: number;
  /** How the two home-based limits combine; see the module comment. */
  homeRule: 'either' | 'both';
}

export const DEFAULT_LOCATION_LIMITS: Readonly<LocationLimits> = Object.freeze({
  maxFloorAreaM2: 100,
  maxHomeAreaM2: 30,
  maxHomePlotPercent: 20,
  homeRule: 'either',
});

export interface LocationInput {
  mode: LocationMode;
  /** Menetap only: the business is run in the owner's dwelling (rumah tinggal). */
  homeBased?: boolean;
  /** Business floor area, m² (menetap). */
  floorAreaM2?: number | null;
  /** Plot (lahan/kavling) area of the dwelling, m² (home-based). */
  plotAreaM2?: number | null;
  /** Berkeliling: trades only at a location designated by the city. */
  atDesignatedLocation?: boolean | null;
  zone?: LocationZone | null;
}

export type LocationField = 'mode' | 'floorAreaM2' | 'plotAreaM2' | 'atDesignatedLocation' | 'zone';

export interface LocationViolation {
  field: LocationField;
  code: 'required' | 'invalid' | 'too_large' | 'not_designated' | 'forbidden_zone';
  message: Phrase;
}

const FIELD_LABELS: Record<LocationField, Phrase> = {
  mode: { id: 'Jenis lokasi', en: 'Location type' },
  floorAreaM2: { id: 'Luas tempat usaha', en: 'Business premises area' },
  plotAreaM2: { id: 'Luas lahan', en: 'Land area' },
  atDesignatedLocation: { id: 'Lokasi berjualan', en: 'Selling location' },
  zone: { id: 'Zona lokasi', en: 'Location zone' },
};

/** m² to whole hundredths, so comparisons are exact integers. */
function centi(m2: number): number {
  return Math.round(m2 * 100);
}

/** An area in each language's way: 29,5 m² (decimal comma) and 29.5 m². */
function m2(value: number): Phrase {
  const en = `${String(Math.round(value * 100) / 100)} m²`;
  return { id: en.replace('.', ','), en };
}

function isValidArea(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

type Add = (field: LocationField, code: LocationViolation['code'], message: Phrase) => void;

/** Checks a business location; an empty list means no violation was found. */
export function checkLocation(input: LocationInput, limits: LocationLimits = DEFAULT_LOCATION_LIMITS): LocationViolation[] {
  const violations: LocationViolation[] = [];
  const add: Add = (field, code, message) => violations.push({ field, code, message });
  const L = FIELD_LABELS;

  // Green and public zones are refused whatever the mode: a peddler on a sidewalk is no better
  // than a stall on one.
  if (input.zone && forbiddenZones.includes(input.zone)) {
    add('zone', 'forbidden_zone', {
      id: `${L.zone.id}: IUMK tidak dapat diterbitkan untuk usaha di ${locationZoneLabels[input.zone].id.toLowerCase()} (trotoar, jalan, taman dan jalur hijau tidak boleh dipakai).`,
      en: `${L.zone.en}: no IUMK can be issued for a business on a ${locationZoneLabels[input.zone].en.toLowerCase()} (sidewalks, roadways, parks and green belts may not be used).`,
    });
  }

  if (input.mode === 'berkeliling') {
    if (input.atDesignatedLocation !== true) {
      add('atDesignatedLocation', 'not_designated', {
        id: `${L.atDesignatedLocation.id}: usaha berkeliling hanya boleh berjualan di lokasi yang ditetapkan pemerintah.`,
        en: `${L.atDesignatedLocation.en}: a mobile business may sell only at sites the government designates.`,
      });
    }
    return violations;
  }

  // The mode comes from the caller: a value outside the type is refused too.
  if ((input.mode as string) !== 'menetap') {
    add('mode', 'invalid', { id: `${L.mode.id} harus menetap atau berkeliling.`, en: `${L.mode.en} must be fixed or mobile.` });
    return violations;
  }

  const area = input.floorAreaM2;
  if (area === undefined || area === null) {
    add('floorAreaM2', 'required', { id: `${L.floorAreaM2.id} wajib diisi untuk usaha menetap.`, en: `${L.floorAreaM2.en} is required for a fixed business.` });
    return violations;
  }
  if (!isValidArea(area)) {
    add('floorAreaM2', 'invalid', { id: `${L.floorAreaM2.id} harus berupa angka lebih dari 0 m².`, en: `${L.floorAreaM2.en} must be a number above 0 m².` });
    return violations;
  }
  if (centi(area) > centi(limits.maxFloorAreaM2)) {
    add('floorAreaM2', 'too_large', {
      id: `${L.floorAreaM2.id} ${m2(area).id} melebihi batas ${m2(limits.maxFloorAreaM2).id} untuk usaha menetap.`,
      en: `${L.floorAreaM2.en} ${m2(area).en} is over the limit of ${m2(limits.maxFloorAreaM2).en} for a fixed business.`,
    });
  }

  if (input.homeBased) checkHomeBased(area, input.plotAreaM2, limits, add);
  return violations;
}

function checkHomeBased(area: number, plot: number | null | undefined, limits: LocationLimits, add: Add): void {
  const L = FIELD_LABELS;
  const hasPlot = plot !== undefined && plot !== null;
  if (hasPlot && !isValidArea(plot)) {
    add('plotAreaM2', 'invalid', { id: `${L.plotAreaM2.id} harus berupa angka lebih dari 0 m².`, en: `${L.plotAreaM2.en} must be a number above 0 m².` });
    return;
  }
  const withinFixed = centi(area) <= centi(limits.maxHomeAreaM2);
  // area <= plot * percent / 100, kept in integers: area * 100 <= plot * percent.
  const withinShare = hasPlot ? centi(area) * 100 <= centi(plot) * limits.maxHomePlotPercent : null;
  const pct = limits.maxHomePlotPercent;
  const shareText: Phrase = hasPlot
    ? {
        id: `${pct}% dari ${L.plotAreaM2.id.toLowerCase()} ${m2(plot).id} (${m2((plot * pct) / 100).id})`,
        en: `${pct}% of the ${L.plotAreaM2.en.toLowerCase()} of ${m2(plot).en} (${m2((plot * pct) / 100).en})`,
      }
    : { id: `${pct}% dari luas lahan`, en: `${pct}% of the land area` };
  const a = m2(area);
  const home = m2(limits.maxHomeAreaM2);

  if (limits.homeRule === 'either') {
    if (withinFixed || withinShare === true) return;
    add(
      'floorAreaM2',
      'too_large',
      hasPlot
        ? {
            id: `${L.floorAreaM2.id} ${a.id} di rumah tinggal melebihi ${home.id} dan melebihi ${shareText.id}.`,
            en: `${L.floorAreaM2.en} ${a.en} in a home is over ${home.en} and over ${shareText.en}.`,
          }
        : {
            id: `${L.floorAreaM2.id} ${a.id} di rumah tinggal melebihi ${home.id}; isi ${L.plotAreaM2.id.toLowerCase()} untuk memeriksa batas ${shareText.id}.`,
            en: `${L.floorAreaM2.en} ${a.en} in a home is over ${home.en}; enter the ${L.plotAreaM2.en.toLowerCase()} to check the limit of ${shareText.en}.`,
          },
    );
    return;
  }

  // Strict reading: both limits must hold, so the plot area is needed.
  if (!withinFixed) {
    add('floorAreaM2', 'too_large', {
      id: `${L.floorAreaM2.id} ${a.id} di rumah tinggal melebihi batas ${home.id}.`,
      en: `${L.floorAreaM2.en} ${a.en} in a home is over the limit of ${home.en}.`,
    });
  }
  if (withinShare === null) {
    add('plotAreaM2', 'required', {
      id: `${L.plotAreaM2.id} wajib diisi untuk usaha di rumah tinggal.`,
      en: `${L.plotAreaM2.en} is required for a business in a home.`,
    });
  } else if (!withinShare) {
    add('floorAreaM2', 'too_large', {
      id: `${L.floorAreaM2.id} ${a.id} di rumah tinggal melebihi ${shareText.id}.`,
      en: `${L.floorAreaM2.en} ${a.en} in a home is over ${shareText.en}.`,
    });
  }
}
