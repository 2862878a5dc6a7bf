// The reference data's public surface: the KBLI version in use and the KBLI categories' titles.
export { KBLI_VERSION } from './load';
export { kbliCategoryTitles } from './kbli-categories';
