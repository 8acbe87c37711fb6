// The unified diff the maintainer commands print: `git apply`-ready (a/ and b/ prefixes),
// empty when nothing changed.
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';
import { escapeTerminal } from '../output/escape.js';

export function unifiedDiff(displayPath: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}

/**
 * The diff as printed: byte for byte into a pipe or file (so `git apply` takes it), with control
 * characters shown as \u{…} on a terminal (INDEX.md is text a terminal must not act on).
 */
export function printableDiff(patch: string, terminal: boolean): string {
  return terminal ? escapeTerminal(patch.replace(/\r\n/gu, '\n')) : patch;
}
