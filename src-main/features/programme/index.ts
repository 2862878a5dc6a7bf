// The programme feature's public surface for other features.
export { findTrainingCertificate, type TrainingCertificateRecord } from './certificates';
