// The permits feature's public surface for other features: the office's holidays and permit
// settings (the e-order production days and the monthly report read them) and the SLA.
export { loadHolidays, slaOfPermits } from './service';
export { loadPermitSettings } from './settings';
export { workingDaysBetween, type Holidays } from './rules/workdays';
