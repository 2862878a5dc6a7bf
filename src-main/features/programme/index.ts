// The programme feature's public surface for other features.
export { findTrainingCertificate, trainingCertificateRecordQuery, type TrainingCertificateRecord } from './certificates';
