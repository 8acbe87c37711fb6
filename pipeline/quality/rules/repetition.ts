// Repetition of whole blocks inside one file, and of the title.
import type { SeedFile } from '../../seed-file.js';
import { MIN_BLOCK_CHARS, blockMinChars, repeatedBlocks, repeatedLines } from '../repeated-blocks.js';
import type { QualityRule } from '../rule.js';
import { opt } from '../rule.js';
import { lineKeys } from '../line-keys.js';
import { lineEvidence, linesEvidence, normalised } from '../text.js';

export const repeatedBlock: QualityRule = {
  id: 'repetition/repeated-block',
  description: 'A block of consecutive lines (paragraphs) occurs twice in the file; both copies are reported.',
  tags: ['repetition'],
  severity: 'warning',
  rationale: `${MIN_BLOCK_CHARS} characters: about one short paragraph (dev-set body paragraphs are mostly 100–400 characters). Shorter repeats are left to repetition/title and repetition/duplicate-lines.`,
  options: { minChars: { default: MIN_BLOCK_CHARS, minimum: 1, description: 'shortest repeated block reported (code points)' } },
  check(file, report, options) {
    if (file.binary) return;
    const page = file.page;
    for (const b of repeatedBlocks(page, opt(options, 'minChars'))) {
      const first = linesEvidence(page, b.first.from, b.first.to);
      const second = linesEvidence(page, b.second.from, b.second.to);
      const range = (from: number, to: number): string => {
        const a = page.lines[from]!.no;
        const z = page.lines[to]!.no;
        return a === z ? `line ${a}` : `lines ${a}–${z}`;
      };
      report({
        message: `${range(b.second.from, b.second.to)} repeat ${range(b.first.from, b.first.to)} (${b.lines} paragraph${b.lines === 1 ? '' : 's'}, ${b.chars} characters): remove the second copy`,
        measured: b.chars,
        threshold: opt(options, 'minChars'),
        at: second,
        related: [first],
      });
    }
  },
};

/** How many non-blank lines from the top the fallback looks at for a title. */
const TITLE_WINDOW = 5;
const MAX_TITLE = 100;
/** Kinds of line that can be a title (not furniture, header fields or navigation). */
const TITLE_KINDS = new Set(['body', 'heading']);

function lineIndicesEqualTo(file: SeedFile, key: string, skip: Set<number>): number[] {
  const out: number[] = [];
  lineKeys(file.page).keys.forEach((k, i) => {
    if (!skip.has(i) && k === key) out.push(i);
  });
  return out;
}

export const repeatedTitle: QualityRule = {
  id: 'repetition/title',
  description: 'The title is printed again below itself (page title + article title, or a CMS heading repeated).',
  tags: ['repetition'],
  severity: 'warning',
  rationale:
    `No threshold: a line equal to the detected title (record.title) occurs more than once. Without a detected title, the first ${TITLE_WINDOW} non-blank lines that could be a title (not furniture or header fields, at most ${MAX_TITLE} characters, not a sentence) are checked. Lines inside a repeated block are left to repetition/repeated-block.`,
  check(file, report) {
    if (file.binary) return;
    const page = file.page;
    const blocks = repeatedBlocks(page, blockMinChars(file));
    const inBlock = new Set<number>([...repeatedLines(blocks)]);
    for (const b of blocks) for (let i = b.first.from; i <= b.first.to; i += 1) inBlock.add(i);

    const candidates: string[] = [];
    const title = file.record.title?.value;
    if (title) candidates.push(normalised(title));
    else {
      const { keys } = lineKeys(page);
      for (const [i, l] of page.lines.entries()) {
        const key = keys[i]!;
        if (key === '') continue;
        if (candidates.length >= TITLE_WINDOW) break;
        if (TITLE_KINDS.has(l.kind) && [...key].length <= MAX_TITLE && !/[。！？!?]$/u.test(key)) candidates.push(key);
        else candidates.push(''); // counts towards the window, can never match
      }
    }
    for (const key of candidates) {
      if (key === '') continue;
      const at = lineIndicesEqualTo(file, key, inBlock);
      if (at.length < 2) continue;
      const [first, ...again] = at.map((i) => lineEvidence(page.lines[i]!));
      report({
        message: `title "${key}" is repeated on line ${again.map((e) => e.line).join(', ')} (first on line ${first!.line})`,
        measured: at.length,
        threshold: 1,
        at: again[0]!,
        related: [first!, ...again.slice(1)],
      });
      return;
    }
  },
};
