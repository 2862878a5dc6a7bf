// Search keys for people's and businesses' names.
//
// Older members' KTPs still carry pre-1972 spellings (Soekarno, Djoko, Tjiptadi) while they or
// the clerk may type the current one, so both must give the same key: the key is for matching,
// never for display.
//
// Old spellings mapped: oe→u, dj→j, tj→c, nj→ny, sj→sy, ch→kh. Not mapped: old j→y (Soejono
// → Suyono), because it would break every current j.
//
// The nj case: old 'nj' is current 'ny' (Njoman → Nyoman), but current spelling also has 'nj'
// where old spelling had 'ndj' (Pandjaitan → Panjaitan, Tandjung → Tanjung). The two cannot be
// told apart, so every 'nj' becomes 'ny' and old 'ndj' becomes 'ny' too: then Njoman, Nyoman,
// Pandjaitan and Panjaitan all match their counterparts, at the price of keys like 'panyaitan'
// and of Panjaitan also matching a (rare) Panyaitan. For duplicate checks a spare candidate is
// harmless, a missed one is not.

const OLD_SPELLINGS: Record<string, string> = {
  ndj: 'ny',
  dj: 'j',
  tj: 'c',
  nj: 'ny',
  sj: 'sy',
  ch: 'kh',
  oe: 'u',
};

// Longest first, so 'ndj' wins over 'dj' at the same position.
const OLD_SPELLING_PATTERN = /ndj|dj|tj|nj|sj|ch|oe/g;

// Letters that Unicode decomposition does not reduce to ASCII.
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

// Apostrophes join (Ma'ruf = Maruf); U+00B4 is listed because NFKD would turn it into a space.
const APOSTROPHES = /['’‘`ʼ´]/g;

function mapOldSpellings(word: string): string {
  // Repeat until stable: a replacement can expose another old pattern ('tjh' → 'ch' → 'kh',
  // 'sdj' → 'sj' → 'sy'), and a stable key makes normaliseName idempotent.
  let previous = '';
  let current = word;
  while (current !== previous) {
    previous = current;
    current = current.replace(OLD_SPELLING_PATTERN, (m) => OLD_SPELLINGS[m]);
  }
  return current;
}

/**
 * The search key of a name: lower case, without diacritics, apostrophes or other punctuation,
 * single spaces between words, old spellings mapped to current ones. Titles (H., Hj., Ir.) are
 * kept as words: stripping them is a search-ranking decision, not a normalisation.
 */
export function normaliseName(name: string): string {
  const folded = name
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłıþ]/g, (c) => LETTER_FOLDS[c])
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (folded === '') return '';
  return folded.split(' ').map(mapOldSpellings).join(' ');
}

/** The words of the search key, in order; [] for a blank name. */
export function nameTokens(name: string): string[] {
  const key = normaliseName(name);
  return key === '' ? [] : key.split(' ');
}
