// The office screens' public parts for other features: the office's fields, shared with setup.
export { LetterheadFields, OfficeContactFields, officePayload } from './OfficeFields';
