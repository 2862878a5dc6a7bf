// The registration screens' public parts for other features (the counter's walk-in form uses
// the same KBLI picker, money field and NIK reading as the registration form).
export { KbliCombobox, MoneyField } from './inputs';
export { readNik, type NikReading } from './display';
export { useReference, type Kelurahan } from './reference';
