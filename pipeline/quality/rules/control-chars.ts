// Invisible characters that do not belong in a text document: C0/C1 control characters
// (terminal escape sequences, bells, backspaces left by a scraper or a copy from a console)
// and Unicode bidirectional controls, which reorder how the text is displayed
// ("Trojan Source", CVE-2021-42574) so that what a reviewer sees is not what the file says.
// Both are reported with every line they occur on; the outputs show them escaped.
import { evidenceIn } from '../../page.js';
import type { Evidence } from '../../types.js';
import type { QualityRule } from '../rule.js';
import type { SeedFile } from '../../seed-file.js';

/** C0 controls except TAB, LF and CR (NUL has its own rule, encoding/nul-bytes), DEL, C1 controls. */
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
/** Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI) and the marks LRM RLM ALM. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** At most this many lines are listed in `related` (the count covers them all). */
const MAX_RELATED = 20;

function codeOf(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** First hit on each line, and the total count. */
function scan(file: SeedFile, re: RegExp): { count: number; hits: Evidence[]; kinds: Set<string> } {
  const hits: Evidence[] = [];
  const kinds = new Set<string>();
  let count = 0;
  for (const line of file.page.lines) {
    re.lastIndex = 0;
    let first = true;
    for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
      count += 1;
      kinds.add(codeOf(m[0]));
      if (first) hits.push(evidenceIn(line, m.index, m[0]));
      first = false;
    }
  }
  return { count, hits, kinds };
}

function check(re: RegExp, what: string): QualityRule['check'] {
  return (file, report) => {
    if (file.binary || file.text === '') return;
    const { count, hits, kinds } = scan(file, re);
    const first = hits[0];
    if (!first) return;
    const list = [...kinds].sort().slice(0, 8).join(', ');
    report({
      message: `${count} ${what} (${list}${kinds.size > 8 ? ', …' : ''}) on ${hits.length} line(s), the first at line ${first.line}, column ${first.column}`,
      at: first,
      measured: count,
      threshold: 0,
      related: hits.slice(1, 1 + MAX_RELATED),
    });
  };
}

export const controlChars: QualityRule = {
  id: 'encoding/control-chars',
  description: 'The text contains control characters (escape sequences, bell, backspace, C1 controls) that no document needs.',
  tags: ['encoding'],
  severity: 'warning',
  rationale: 'Any occurrence: a text document needs only tab and line breaks; the rest are scrape or console residue and can drive a terminal (ANSI escapes).',
  check: check(CONTROL, 'control character(s)'),
};

export const bidiControls: QualityRule = {
  id: 'encoding/bidi-control',
  description: 'The text contains Unicode bidirectional controls, which make it display in an order other than the one it is stored in.',
  tags: ['encoding'],
  severity: 'warning',
  rationale: 'Any occurrence: Chinese and Latin text never needs explicit bidi controls; an override reorders what a reviewer sees (CVE-2021-42574, "Trojan Source").',
  check: check(BIDI, 'bidirectional control character(s)'),
};
