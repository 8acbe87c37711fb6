// Untrusted text (seed content, file names) on one line of terminal output. Line breaks are
// shown as \u{a} so seed text can never start a line of its own — in particular a GitHub
// workflow command (`::name::…` opening a line, or the legacy `##[name]…`).
import { escapeTerminal } from '../output/escape.js';

// With the u flag a surrogate code unit only matches when it is lone (not half of a pair):
// such text cannot be written as UTF-8, so it is shown as \u{d800} rather than lost.
const BREAKS = /[\n\r\u2028\u2029\ud800-\udfff]/gu;
const LEGACY_COMMAND = /##\[/gu;

/** Anything oneLine would change (a superset; no /u: checked per code unit, fast). */
const ANY = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]|##\[/;

export function oneLine(s: string): string {
  // Most text has nothing to show differently: one scan instead of three replaces.
  if (!ANY.test(s)) return s;
  return escapeTerminal(s)
    .replace(BREAKS, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
    .replace(LEGACY_COMMAND, '\\u{23}#[');
}

/** oneLine for text that opens an output line: a leading `::` is shown as `\u{3a}:`. */
export function lineStart(s: string): string {
  const t = oneLine(s);
  return /^\s*:/u.test(t) ? t.replace(/:/u, '\\u{3a}') : t;
}

/** Lone surrogates (which UTF-8 cannot carry) as \u{d800}. */
export function showLoneSurrogates(s: string): string {
  return s.replace(/[\ud800-\udfff]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
