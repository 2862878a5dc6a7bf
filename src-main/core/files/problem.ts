import type { Phrase } from '../../../src-shared/i18n';

/** A file the user sent that cannot be read, in words for the user (the caller names the field). */
export class FileProblem extends Error {
  constructor(readonly phrase: Phrase) {
    super(phrase.id);
    this.name = new.target.name;
  }
}
