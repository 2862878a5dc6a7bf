import { defineMessages } from '../../app/i18n/catalogue';
import { auditEntityLabels, auditMethodLabels } from '../../../src-shared/audit-labels';

export const auditMessages = defineMessages(
  {
    'audit.title': 'Jejak audit',
    'audit.intro':
      'Setiap perubahan data tercatat di sini dan dirantai dengan hash; kantor menandatanganinya secara berkala. Periksa keutuhannya dengan npm run verify -- --audit.',
    'audit.col.seq': 'No.',
    'audit.col.at': 'Waktu',
    'audit.col.user': 'Pengguna',
    'audit.col.method': 'Kegiatan',
    'audit.col.entity': 'Data',
    'audit.col.change': 'Perubahan',
    'audit.filter.user': 'Pengguna',
    'audit.filter.method': 'Kegiatan',
    'audit.filter.entity': 'Jenis data',
    'audit.filter.entityId': 'Id data',
    'audit.filter.from': 'Dari tanggal',
    'audit.filter.to': 'Sampai tanggal',
    'audit.system': 'sistem',
    'audit.before': 'Sebelum',
    'audit.after': 'Sesudah',
    'audit.exportXlsx': 'Ekspor XLSX',
    'audit.exportCsv': 'Ekspor CSV',
    'audit.exporting': 'Mengekspor…',
    'audit.clear': 'Hapus filter',
  },
  {
    'audit.title': 'Audit trail',
    'audit.intro':
      'Every change of data is recorded here and chained by hashes; the office signs it regularly. Check its integrity with npm run verify -- --audit.',
    'audit.col.seq': 'No.',
    'audit.col.at': 'Time',
    'audit.col.user': 'User',
    'audit.col.method': 'Activity',
    'audit.col.entity': 'Data',
    'audit.col.change': 'Change',
    'audit.filter.user': 'User',
    'audit.filter.method': 'Activity',
    'audit.filter.entity': 'Kind of data',
    'audit.filter.entityId': 'Record id',
    'audit.filter.from': 'From',
    'audit.filter.to': 'To',
    'audit.system': 'system',
    'audit.before': 'Before',
    'audit.after': 'After',
    'audit.exportXlsx': 'Export XLSX',
    'audit.exportCsv': 'Export CSV',
    'audit.exporting': 'Exporting…',
    'audit.clear': 'Clear filters',
  },
);

/**
 * What each method and kind of data is called, from the table the server's exports use too:
 * `audit.m.<method>` and `audit.e.<entity>` in the catalogue, both languages.
 */
export const auditLabelMessages = {
  id: Object.fromEntries([
    ...Object.entries(auditMethodLabels).map(([k, v]) => [`audit.m.${k}`, v.id]),
    ...Object.entries(auditEntityLabels).map(([k, v]) => [`audit.e.${k}`, v.id]),
  ]) as Record<string, string>,
  en: Object.fromEntries([
    ...Object.entries(auditMethodLabels).map(([k, v]) => [`audit.m.${k}`, v.en]),
    ...Object.entries(auditEntityLabels).map(([k, v]) => [`audit.e.${k}`, v.en]),
  ]) as Record<string, string>,
};
