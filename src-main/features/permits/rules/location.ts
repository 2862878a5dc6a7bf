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

export type LocationMode = 'menetap' | 'berkeliling';

export const locationZones = [
  'permukiman',
  'komersial',
  'lokbin',
  'loksem',
  'lainnya',
  'trotoar',
  'jalan',
  'taman',
  'jalur_hijau',
] as const;
export type LocationZone = (typeof locationZones)[number];

export const locationZoneLabels: Readonly<Record<LocationZone, string>> = {
  permukiman: 'Permukiman',
  komersial: 'Kawasan komersial',
  lokbin: 'Lokasi binaan (lokbin)',
  loksem: 'Lokasi sementara (loksem)',
  lainnya: 'Lainnya',
  trotoar: 'Trotoar',
  jalan: 'Badan jalan',
  taman: 'Taman',
  jalur_hijau: 'Jalur hijau',
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
  message: string;
}

const FIELD_LABELS: Record<LocationField, string> = {
  mode: 'Jenis lokasi',
  floorAreaM2: 'Luas tempat usaha',
  plotAreaM2: 'Luas lahan',
  atDesignatedLocation: 'Lokasi berjualan',
  zone: 'Zona lokasi',
};

/** m² to whole hundredths, so comparisons are exact integers. */
function centi(m2: number): number {
  return Math.round(m2 * 100);
}

/** Formats m² the Indonesian way (decimal comma), e.g. 29,5 m². */
function m2(value: number): string {
  return `${String(Math.round(value * 100) / 100).replace('.', ',')} m²`;
}

function isValidArea(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Checks a business location; an empty list means no violation was found. */
export function checkLocation(
  input: LocationInput,
  limits: LocationLimits = DEFAULT_LOCATION_LIMITS,
): LocationViolation[] {
  const violations: LocationViolation[] = [];
  const add = (field: LocationField, code: LocationViolation['code'], message: string) =>
    violations.push({ field, code, message });

  // Green and public zones are refused whatever the mode: a peddler on a sidewalk is no better
  // than a stall on one.
  if (input.zone && forbiddenZones.includes(input.zone)) {
    add(
      'zone',
      'forbidden_zone',
      `${FIELD_LABELS.zone}: IUMK tidak dapat diterbitkan untuk usaha di ${locationZoneLabels[input.zone].toLowerCase()} (trotoar, jalan, taman dan jalur hijau tidak boleh dipakai).`,
    );
  }

  if (input.mode === 'berkeliling') {
    if (input.atDesignatedLocation !== true) {
      add(
        'atDesignatedLocation',
        'not_designated',
        `${FIELD_LABELS.atDesignatedLocation}: usaha berkeliling hanya boleh berjualan di lokasi yang ditetapkan pemerintah.`,
      );
    }
    return violations;
  }

  if (input.mode !== 'menetap') {
    add('mode', 'invalid', `${FIELD_LABELS.mode} harus menetap atau berkeliling.`);
    return violations;
  }

  const area = input.floorAreaM2;
  if (area === undefined || area === null) {
    add('floorAreaM2', 'required', `${FIELD_LABELS.floorAreaM2} wajib diisi untuk usaha menetap.`);
    return violations;
  }
  if (!isValidArea(area)) {
    add('floorAreaM2', 'invalid', `${FIELD_LABELS.floorAreaM2} harus berupa angka lebih dari 0 m².`);
    return violations;
  }
  if (centi(area) > centi(limits.maxFloorAreaM2)) {
    add(
      'floorAreaM2',
      'too_large',
      `${FIELD_LABELS.floorAreaM2} ${m2(area)} melebihi batas ${m2(limits.maxFloorAreaM2)} untuk usaha menetap.`,
    );
  }

  if (input.homeBased) checkHomeBased(area, input.plotAreaM2, limits, add);
  return violations;
}

function checkHomeBased(
  area: number,
  plot: number | null | undefined,
  limits: LocationLimits,
  add: (field: LocationField, code: LocationViolation['code'], message: string) => void,
): void {
  const hasPlot = plot !== undefined && plot !== null;
  if (hasPlot && !isValidArea(plot)) {
    add('plotAreaM2', 'invalid', `${FIELD_LABELS.plotAreaM2} harus berupa angka lebih dari 0 m².`);
    return;
  }
  const withinFixed = centi(area) <= centi(limits.maxHomeAreaM2);
  // area <= plot * percent / 100, kept in integers: area * 100 <= plot * percent.
  const withinShare = hasPlot ? centi(area) * 100 <= centi(plot) * limits.maxHomePlotPercent : null;
  const shareText = hasPlot
    ? `${limits.maxHomePlotPercent}% dari ${FIELD_LABELS.plotAreaM2.toLowerCase()} ${m2(plot)} (${m2((plot * limits.maxHomePlotPercent) / 100)})`
    : `${limits.maxHomePlotPercent}% dari luas lahan`;

  if (limits.homeRule === 'either') {
    if (withinFixed || withinShare === true) return;
    add(
      'floorAreaM2',
      'too_large',
      hasPlot
        ? `${FIELD_LABELS.floorAreaM2} ${m2(area)} di rumah tinggal melebihi ${m2(limits.maxHomeAreaM2)} dan melebihi ${shareText}.`
        : `${FIELD_LABELS.floorAreaM2} ${m2(area)} di rumah tinggal melebihi ${m2(limits.maxHomeAreaM2)}; isi ${FIELD_LABELS.plotAreaM2.toLowerCase()} untuk memeriksa batas ${shareText}.`,
    );
    return;
  }

  // Strict reading: both limits must hold, so the plot area is needed.
  if (!withinFixed) {
    add(
      'floorAreaM2',
      'too_large',
      `${FIELD_LABELS.floorAreaM2} ${m2(area)} di rumah tinggal melebihi batas ${m2(limits.maxHomeAreaM2)}.`,
    );
  }
  if (withinShare === null) {
    add('plotAreaM2', 'required', `${FIELD_LABELS.plotAreaM2} wajib diisi untuk usaha di rumah tinggal.`);
  } else if (!withinShare) {
    add('floorAreaM2', 'too_large', `${FIELD_LABELS.floorAreaM2} ${m2(area)} di rumah tinggal melebihi ${shareText}.`);
  }
}
