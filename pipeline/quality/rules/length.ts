import type { SeedFile } from '../../seed-file.js';
import { isSpace } from '../char-class.js';
import type { QualityRule } from '../rule.js';
import { opt } from '../rule.js';

/** Below this many non-space characters a file cannot hold a document (a headline alone is ~15–30). */
export const MIN_CHARS = 50;

/** Code points of the text without whitespace, U+200B and U+FEFF, counted in one pass (both rules ask). */
function countNonSpace(text: string): number {
  let n = 0;
  let high = false; // the last kept unit is a high surrogate not yet paired
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x200b || c === 0xfeff || isSpace(c)) continue;
    const low = c >= 0xdc00 && c <= 0xdfff;
    if (low && high) high = false;
    else {
      n += 1;
      high = c >= 0xd800 && c <= 0xdbff;
    }
  }
  return n;
}

const memo = new WeakMap<object, { text: string; n: number }>();

function nonSpaceChars(file: SeedFile): number {
  const hit = memo.get(file);
  if (hit && hit.text === file.text) return hit.n;
  const n = countNonSpace(file.text);
  memo.set(file, { text: file.text, n });
  return n;
}

export const emptyFile: QualityRule = {
  id: 'layout/empty',
  description: 'The file is empty or too short to hold a document.',
  tags: ['layout'],
  severity: 'error',
  rationale: `${MIN_CHARS} characters: shorter than a one-paragraph news brief; real seeds are 1–100 KB.`,
  check(file, report) {
    if (file.binary) return;
    const chars = nonSpaceChars(file);
    if (chars === 0) report({ message: 'file is empty', measured: 0, threshold: MIN_CHARS });
    else if (chars < MIN_CHARS)
      report({ message: `file has only ${chars} non-space characters (minimum ${MIN_CHARS})`, measured: chars, threshold: MIN_CHARS, at: { line: 1, column: 1 } });
  },
};

export const shortText: QualityRule = {
  id: 'layout/short',
  description: 'The text is very short for a document (layout/empty takes over below 50 characters).',
  tags: ['layout'],
  severity: 'warning',
  rationale:
    'Gopher (Rae et al. 2021, Table A1) keeps documents of at least 50 words. Modern Chinese averages about 1.6 characters per word in running text, so 50 words ≈ 80 non-space characters.',
  options: { minChars: { default: 80, minimum: 0, description: 'fewest non-space characters a document should have' } },
  check(file, report, options) {
    if (file.binary) return;
    const min = opt(options, 'minChars');
    const chars = nonSpaceChars(file);
    if (chars >= MIN_CHARS && chars < min)
      report({ message: `text has only ${chars} non-space characters (a document has at least ${min})`, measured: chars, threshold: min, at: { line: 1, column: 1 } });
  },
};
