import type { QualityRule } from '../rule.js';

/** Below this many non-space characters a file cannot hold a document (a headline alone is ~15–30). */
export const MIN_CHARS = 50;

export const emptyFile: QualityRule = {
  id: 'layout/empty',
  description: 'The file is empty or too short to hold a document.',
  tags: ['layout'],
  severity: 'error',
  rationale: `${MIN_CHARS} characters: shorter than a one-paragraph news brief; real seeds are 1–100 KB.`,
  check(file, report) {
    if (file.binary) return;
    const chars = [...file.text.replace(/\s+/gu, '')].length;
    if (chars === 0) report({ message: 'file is empty', measured: 0, threshold: MIN_CHARS });
    else if (chars < MIN_CHARS)
      report({ message: `file has only ${chars} non-space characters (minimum ${MIN_CHARS})`, measured: chars, threshold: MIN_CHARS, at: { line: 1, column: 1 } });
  },
};
