// Every quality rule, in one list. Add a rule here and it runs, is configurable and documented.
// Order is the order rules run in; diagnostics are sorted afterwards, so it does not show.
import type { QualityRule } from './rule.js';
import { boilerplate, counter, navigation } from './rules/boilerplate.js';
import { invisibleChars, lineEndings } from './rules/characters.js';
import { bidiControls, controlChars } from './rules/control-chars.js';
import { duplicateLines, duplicateParagraphs } from './rules/duplicate-fractions.js';
import { danglingPunctuation, emptyQuotes } from './rules/elision.js';
import { longLine, noLineBreaks } from './rules/layout.js';
import { emptyFile, shortText } from './rules/length.js';
import { mojibake } from './rules/mojibake.js';
import { duplicateNgrams, topNgram } from './rules/ngrams.js';
import { htmlEntity, jammer, strayPipe } from './rules/noise.js';
import { repeatedBlock, repeatedTitle } from './rules/repetition.js';
import { punctuationWidth, traditional } from './rules/script.js';

export const rules: readonly QualityRule[] = [
  emptyFile,
  shortText,
  noLineBreaks,
  longLine,
  jammer,
  strayPipe,
  htmlEntity,
  boilerplate,
  navigation,
  counter,
  repeatedBlock,
  repeatedTitle,
  duplicateLines,
  duplicateParagraphs,
  topNgram,
  duplicateNgrams,
  emptyQuotes,
  danglingPunctuation,
  traditional,
  punctuationWidth,
  mojibake,
  controlChars,
  bidiControls,
  invisibleChars,
  lineEndings,
];
