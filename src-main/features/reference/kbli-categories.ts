import type { Phrase } from '../../../src-shared/i18n';

/**
 * The 21 categories (kategori) of KBLI 2020, by letter. KBLI follows ISIC Rev. 4 section by
 * section, so the English titles are ISIC's.
 */
export const kbliCategoryTitles: Record<string, Phrase> = {
  A: { id: 'Pertanian, Kehutanan dan Perikanan', en: 'Agriculture, Forestry and Fishing' },
  B: { id: 'Pertambangan dan Penggalian', en: 'Mining and Quarrying' },
  C: { id: 'Industri Pengolahan', en: 'Manufacturing' },
  D: { id: 'Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin', en: 'Electricity, Gas, Steam and Air Conditioning Supply' },
  E: { id: 'Pengelolaan Air, Air Limbah, Sampah dan Remediasi', en: 'Water Supply; Sewerage, Waste Management and Remediation' },
  F: { id: 'Konstruksi', en: 'Construction' },
  G: { id: 'Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor', en: 'Wholesale and Retail Trade; Repair of Motor Vehicles and Motorcycles' },
  H: { id: 'Pengangkutan dan Pergudangan', en: 'Transportation and Storage' },
  I: { id: 'Penyediaan Akomodasi dan Makan Minum', en: 'Accommodation and Food Service Activities' },
  J: { id: 'Informasi dan Komunikasi', en: 'Information and Communication' },
  K: { id: 'Aktivitas Keuangan dan Asuransi', en: 'Financial and Insurance Activities' },
  L: { id: 'Real Estat', en: 'Real Estate Activities' },
  M: { id: 'Aktivitas Profesional, Ilmiah dan Teknis', en: 'Professional, Scientific and Technical Activities' },
  N: { id: 'Aktivitas Penyewaan, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha', en: 'Administrative and Support Service Activities' },
  O: { id: 'Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib', en: 'Public Administration and Defence; Compulsory Social Security' },
  P: { id: 'Pendidikan', en: 'Education' },
  Q: { id: 'Aktivitas Kesehatan Manusia dan Aktivitas Sosial', en: 'Human Health and Social Work Activities' },
  R: { id: 'Kesenian, Hiburan dan Rekreasi', en: 'Arts, Entertainment and Recreation' },
  S: { id: 'Aktivitas Jasa Lainnya', en: 'Other Service Activities' },
  T: { id: 'Aktivitas Rumah Tangga sebagai Pemberi Kerja', en: 'Activities of Households as Employers' },
  U: { id: 'Aktivitas Badan Internasional dan Ekstra Internasional', en: 'Activities of Extraterritorial Organizations and Bodies' },
};
