// Gopher-style duplicate line and paragraph fractions (Rae et al. 2021, "Scaling Language
// Models", Table A1; the same filter FineWeb runs, via datatrove's GopherRepetitionFilter).
// Second copies of blocks reported by repetition/repeated-block are left out, so one copied
// block is not reported three times.
import { codePointLength, type Page } from '../../page.js';
import { secondCopies } from '../repeated-blocks.js';
import { optionsFor } from '../../config.js';
import type { SeedFile } from '../../seed-file.js';
import type { QualityRule, Report } from '../rule.js';
import { opt, resolveOptions } from '../rule.js';
import { lineKeys } from '../line-keys.js';
import { lineEvidence, percent } from '../text.js';

/** Fractions over a handful of lines say little: a 3-line text with one repeat is 33%. */
const MIN_ELEMENTS = 5;

interface Element {
  key: string;
  /** Page line index where the element starts. */
  line: number;
  chars: number;
}

/** Gopher's find_duplicates: elements equal to an earlier one, and their characters. */
function duplicates(elements: readonly Element[]): { dups: Element[]; chars: number } {
  const seen = new Set<string>();
  const dups: Element[] = [];
  let chars = 0;
  for (const e of elements) {
    if (seen.has(e.key)) {
      dups.push(e);
      chars += e.chars;
    } else seen.add(e.key);
  }
  return { dups, chars };
}

/** True when the elements exceed either limit. */
function exceeds(elements: readonly Element[], maxShare: number, maxCharShare: number): boolean {
  if (elements.length < MIN_ELEMENTS) return false;
  const total = elements.reduce((n, e) => n + e.chars, 0);
  if (total === 0) return false;
  const { dups, chars } = duplicates(elements);
  return dups.length / elements.length > maxShare || chars / total > maxCharShare;
}

function check(page: Page, elements: Element[], report: Report, what: string, maxShare: number, maxCharShare: number): void {
  if (!exceeds(elements, maxShare, maxCharShare)) return;
  const total = elements.reduce((n, e) => n + e.chars, 0);
  const { dups, chars } = duplicates(elements);
  const share = dups.length / elements.length;
  const charShare = chars / total;
  // Evidence: the first repeat of each of the most repeated elements.
  const counts = new Map<string, number>();
  for (const d of dups) counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
  const examples = top.map(([key]) => lineEvidence(page.lines[dups.find((d) => d.key === key)!.line]!));
  const byCount = share > maxShare;
  report({
    message: `${percent(share)} of ${what}s (${dups.length} of ${elements.length}) repeat an earlier ${what}, ${percent(charShare)} of the characters (Gopher limits: ${percent(maxShare)} of ${what}s, ${percent(maxCharShare)} of characters)`,
    measured: Math.round((byCount ? share : charShare) * 1000) / 1000,
    threshold: byCount ? maxShare : maxCharShare,
    at: examples[0]!,
    related: examples.slice(1),
  });
}

/** Non-blank lines outside second copies of repeated blocks (both rules ask; computed once per line set). */
const elementMemo = new WeakMap<ReadonlySet<number>, Element[]>();

function lineElements(file: SeedFile): Element[] {
  const skip = secondCopies(file);
  let elements = elementMemo.get(skip);
  if (!elements) {
    const { keys, chars } = lineKeys(file.page);
    elements = [];
    for (let i = 0; i < keys.length; i += 1) if (keys[i] !== '' && !skip.has(i)) elements.push({ key: keys[i]!, line: i, chars: chars[i]! });
    elementMemo.set(skip, elements);
  }
  return elements;
}

/** Whether repetition/duplicate-lines fires on the file at its configured limits. */
function linesExceed(file: SeedFile): boolean {
  const o = resolveOptions(duplicateLines, optionsFor(file.config, duplicateLines.id));
  return exceeds(lineElements(file), opt(o, 'maxShare'), opt(o, 'maxCharShare'));
}

export const duplicateLines: QualityRule = {
  id: 'repetition/duplicate-lines',
  description: 'Too many lines repeat an earlier line (menus, comment furniture, a text pasted line by line twice).',
  tags: ['repetition'],
  severity: 'warning',
  rationale:
    'Gopher / FineWeb: more than 30% of lines duplicated, or more than 20% of characters in duplicated lines. Lines are compared after trimming; both are ratios, so they carry over to Chinese unchanged. Needs at least 5 lines.',
  options: {
    maxShare: { default: 0.3, minimum: 0, maximum: 1, description: 'largest share of lines that repeat an earlier line' },
    maxCharShare: { default: 0.2, minimum: 0, maximum: 1, description: 'largest share of characters in repeated lines' },
  },
  check(file, report, options) {
    if (file.binary) return;
    check(file.page, lineElements(file), report, 'line', opt(options, 'maxShare'), opt(options, 'maxCharShare'));
  },
};

export const duplicateParagraphs: QualityRule = {
  id: 'repetition/duplicate-paragraphs',
  description: 'Too many blank-line-separated paragraphs repeat an earlier one.',
  tags: ['repetition'],
  severity: 'warning',
  rationale:
    'Gopher / FineWeb: more than 30% of paragraphs duplicated, or more than 20% of characters in duplicated paragraphs. A paragraph is a run of lines between blank lines; only checked when some paragraph spans several lines (otherwise paragraphs are lines), and silent when repetition/duplicate-lines already fires.',
  options: {
    maxShare: { default: 0.3, minimum: 0, maximum: 1, description: 'largest share of paragraphs that repeat an earlier one' },
    maxCharShare: { default: 0.2, minimum: 0, maximum: 1, description: 'largest share of characters in repeated paragraphs' },
  },
  check(file, report, options) {
    if (file.binary) return;
    const page = file.page;
    const skip = secondCopies(file);
    const elements: Element[] = [];
    let current: { lines: string[]; start: number } | null = null;
    let multiLine = false;
    const close = (): void => {
      if (current && current.lines.length > 0) {
        if (current.lines.length > 1) multiLine = true;
        const key = current.lines.join('\n');
        elements.push({ key, line: current.start, chars: codePointLength(key) });
      }
      current = null;
    };
    const { keys } = lineKeys(page);
    keys.forEach((key, i) => {
      if (key === '' || skip.has(i)) {
        close();
        return;
      }
      if (!current) current = { lines: [], start: i };
      current.lines.push(key);
    });
    close();
    // Repeated paragraphs repeat their lines: when the line rule already fires, it speaks for both.
    if (!multiLine || linesExceed(file)) return;
    check(page, elements, report, 'paragraph', opt(options, 'maxShare'), opt(options, 'maxCharShare'));
  },
};
