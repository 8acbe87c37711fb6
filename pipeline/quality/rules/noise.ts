// Scrape noise inside the text: forum anti-scrape "jammer" runs, stray `|` separators and
// HTML entities the scraper did not decode.
import { decodeHTMLStrict } from 'entities';
import { evidenceIn } from '../../page.js';
import { checkedLines } from '../repeated-blocks.js';
import type { QualityRule } from '../rule.js';
import { opt } from '../rule.js';

/**
 * Discuz hides `<font class="jammer">` / `<span style="display:none">` strings in posts; a
 * text dump keeps them as runs of 1–2 character ASCII tokens separated by single spaces:
 * `! y1 { b% b4 U: e5 n3 L`. The run is bounded by anything that is not visible ASCII.
 * (No backtracking risk: each token ends at a space, which the token class excludes.)
 */
const RUN_G = /(?<![!-~])(?:[!-~]{1,2} ){3,}[!-~]{1,2}(?![!-~])/gu;
/** Characters of arithmetic and ordinary prose punctuation: formulas like `a + b = c` use only these. */
const PLAIN_SYMBOL = /[+\-*/=<>^().,%:?!'"]/u;
const SYMBOL = /[!-/:-@[-`{-~]/u;
const LETTER_OR_DIGIT = /[A-Za-z0-9]/u;

export interface JammerStats {
  tokens: number;
  symbols: number;
  distinctSymbols: number;
  unusualSymbols: number;
  mixed: number;
}

/** What makes a run of short tokens a jammer rather than a list, a formula or initials. */
export function jammerStats(run: string): JammerStats {
  const tokens = run.split(' ');
  const symbols = new Set<string>();
  let withSymbol = 0;
  let mixed = 0;
  for (const t of tokens) {
    const chars = [...t];
    const sym = chars.filter((c) => SYMBOL.test(c));
    if (sym.length > 0) withSymbol += 1;
    sym.forEach((c) => symbols.add(c));
    // A two-character token mixing classes: y1, b%, ]7, U: (not "ab", "12" or "%%").
    if (chars.length === 2) {
      const kinds = new Set(chars.map((c) => (SYMBOL.test(c) ? 's' : /[0-9]/u.test(c) ? 'd' : 'l')));
      if (kinds.size === 2 && chars.some((c) => LETTER_OR_DIGIT.test(c))) mixed += 1;
    }
  }
  const unusual = [...symbols].filter((c) => !PLAIN_SYMBOL.test(c)).length;
  return { tokens: tokens.length, symbols: withSymbol, distinctSymbols: symbols.size, unusualSymbols: unusual, mixed };
}

const visibleAscii = (c: number): boolean => c >= 0x21 && c <= 0x7e;

/** A RUN_G match has 3+ spaces with visible ASCII on both sides; most lines (Chinese prose) have none. */
function mayHoldRun(text: string): boolean {
  let found = 0;
  for (let i = text.indexOf(' ', 1); i > 0 && i + 1 < text.length; i = text.indexOf(' ', i + 1)) {
    if (visibleAscii(text.charCodeAt(i - 1)) && visibleAscii(text.charCodeAt(i + 1)) && ++found >= 3) return true;
  }
  return false;
}

export const jammer: QualityRule = {
  id: 'noise/jammer',
  description: 'Forum anti-scrape noise: runs of random one- and two-character ASCII tokens (Discuz "jammer" text).',
  tags: ['noise', 'forum'],
  severity: 'warning',
  rationale:
    'Discuz inserts 5–15 random pairs per hidden span, i.e. 6–30 space-separated tokens; we require at least 6 tokens, 3 distinct symbols of which one is not arithmetic or prose punctuation, and 2 tokens that mix a letter or digit with another class (y1, b%, ]7). Formulas (100-1=0, a + b = c), initials, version lists (Q1 Q2 Q3) and URLs fail at least one test.',
  options: { minTokens: { default: 6, minimum: 3, description: 'fewest space-separated tokens in a jammer run' } },
  check(file, report, options) {
    if (file.binary) return;
    const minTokens = opt(options, 'minTokens');
    for (const line of checkedLines(file)) {
      if (!mayHoldRun(line.text)) continue;
      RUN_G.lastIndex = 0;
      for (let m = RUN_G.exec(line.text); m !== null; m = RUN_G.exec(line.text)) {
        const s = jammerStats(m[0]);
        if (s.tokens >= minTokens && s.distinctSymbols >= 3 && s.unusualSymbols >= 1 && s.mixed >= 2) {
          report({ message: `forum anti-scrape noise (${s.tokens} random tokens): remove it`, measured: s.tokens, threshold: minTokens, at: evidenceIn(line, m.index, m[0]) });
        }
      }
    }
  },
};

/** A line that is only `|`, or ends in whitespace + `|`: a menu separator left by the scrape. */
const LONE_PIPE = /^\s*[|｜]\s*$/u;
const TRAILING_PIPE = /\s[|｜]\s*$/u;

export const strayPipe: QualityRule = {
  id: 'noise/stray-pipe',
  description: 'A lone `|` left from a menu or link bar (alone on a line, or after the last word of a line).',
  tags: ['noise'],
  severity: 'warning',
  rationale: 'No threshold: a `|` after whitespace at the end of a line, or alone on a line, in a line with no other `|` (so Markdown tables and `A | B` titles are not flagged).',
  check(file, report) {
    if (file.binary) return;
    for (const line of checkedLines(file)) {
      const t = line.text;
      if ((t.match(/[|｜]/gu) ?? []).length !== 1) continue;
      if (LONE_PIPE.test(t)) {
        const i = t.search(/[|｜]/u);
        report({ message: 'stray `|` alone on a line (a menu separator left by the scrape)', at: evidenceIn(line, i, t[i]!) });
      } else {
        const m = TRAILING_PIPE.exec(t);
        if (m) {
          const i = m.index + m[0].search(/[|｜]/u);
          report({ message: 'stray `|` at the end of the line (a menu separator left by the scrape)', at: evidenceIn(line, i, t[i]!) });
        }
      }
    }
  },
};

/** Something shaped like an HTML character reference; decodeHTMLStrict says whether it is one. */
export const ENTITY_G = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/gu;

/** True when `s` is a character reference HTML knows (&#34; &nbsp; &ldquo;), not just `&word;`. */
export function isEntity(s: string): boolean {
  return decodeHTMLStrict(s) !== s;
}

export const htmlEntity: QualityRule = {
  id: 'noise/html-entity',
  description: 'HTML character references the scraper did not decode (&#39;, &nbsp;, &ldquo;).',
  tags: ['noise'],
  severity: 'warning',
  rationale: 'No threshold: a numeric reference, or a named one in the HTML entity table (the `entities` package). One message per line, listing them.',
  check(file, report) {
    if (file.binary) return;
    for (const line of checkedLines(file)) {
      const found: { index: number; text: string }[] = [];
      ENTITY_G.lastIndex = 0;
      for (let m = ENTITY_G.exec(line.text); m !== null; m = ENTITY_G.exec(line.text)) if (isEntity(m[0])) found.push({ index: m.index, text: m[0] });
      if (found.length === 0) continue;
      const first = found[0]!;
      const last = found[found.length - 1]!;
      report({
        message: `undecoded HTML ${found.length === 1 ? 'entity' : 'entities'} ${[...new Set(found.map((f) => f.text))].join(' ')} (should read ${[...new Set(found.map((f) => JSON.stringify(decodeHTMLStrict(f.text))))].join(' ')})`,
        measured: found.length,
        at: evidenceIn(line, first.index, line.text.slice(first.index, last.index + last.text.length)),
      });
    }
  },
};
