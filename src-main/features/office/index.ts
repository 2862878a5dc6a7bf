// The office feature's public surface for other features.
export { officePostalCodes, postalCodeOfKelurahan, type KelurahanPostalCode } from './postal-codes';
