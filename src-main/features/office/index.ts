// The office feature's public surface for other features.
export { loadOffice } from './api';
export { officePostalCodes, postalCodeOfKelurahan, type KelurahanPostalCode } from './postal-codes';
