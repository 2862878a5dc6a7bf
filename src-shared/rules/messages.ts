// Result shape and Indonesian message phrases shared by the registration rules.
//
// Rules never throw on bad user input: they return a result whose message is shown as is to
// the clerk, so every message starts with the field's label ("NIK: ...") and is in Bahasa
// Indonesia. Rules do throw on programmer errors (for example a malformed `today`).

export interface RuleOk<T> { ok: true; value: T }
export interface RuleFail { ok: false; message: string }
export type RuleResult<T> = RuleOk<T> | RuleFail;

export function ok<T>(value: T): RuleOk<T> {
  return { ok: true, value };
}

export function fail(message: string): RuleFail {
  return { ok: false, message };
}

// Field labels as the clerk sees them on the forms.
export const FIELD = {
  nik: 'NIK',
  kk: 'No. KK',
  npwp: 'NPWP',
  phone: 'Nomor telepon',
  birthDate: 'Tanggal lahir',
  capital: 'Modal usaha',
  monthlyTurnover: 'Omzet bulanan',
  scale: 'Skala usaha',
} as const;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// Dates in messages use the Indonesian DD-MM-YYYY order, as printed on KTP and KK.
export function formatDateId(year: number, month: number, day: number): string {
  return `${pad2(day)}-${pad2(month)}-${String(year).padStart(4, '0')}`;
}

export const msg = {
  required: (field: string): string => `${field}: wajib diisi`,
  digitsOnly: (field: string): string => `${field}: hanya boleh berisi angka`,
  length: (field: string, expected: string, actual: number): string =>
    `${field}: harus ${expected} digit, terisi ${actual} digit`,
  notInCalendar: (field: string, what: string, date: string): string =>
    `${field}: ${what} ${date} tidak ada di kalender`,
  provinceUnknown: (field: string, code: string): string =>
    `${field}: kode provinsi ${code} tidak ada`,
  kotaUnknown: (field: string, code: string): string =>
    `${field}: kode kota/kabupaten ${code} tidak ada`,
  kecamatanUnknown: (field: string, code: string): string =>
    `${field}: kode kecamatan ${code} tidak ada`,
  serialZero: (field: string): string =>
    `${field}: nomor urut 0000 tidak sah (nomor urut dimulai dari 0001)`,
  notRupiah: (field: string): string =>
    `${field}: harus berupa bilangan bulat rupiah, tidak boleh negatif`,
};
