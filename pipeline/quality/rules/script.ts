// Mixed script: traditional characters inside simplified text (發揮 for 发挥), and full-width
// and half-width forms of the same punctuation mark mixed in Chinese text.
import iconv from 'iconv-lite';
import { Converter as FullConverter } from 'opencc-js';
import { Converter } from 'opencc-js/t2cn';
import { codePointLength, evidenceIn, type PageLine } from '../../page.js';
import { codePointAt, isHan } from '../char-class.js';
import { contentLines } from '../repeated-blocks.js';
import type { QualityRule } from '../rule.js';
import { opt } from '../rule.js';
import { percent, reportSpans } from '../text.js';
import { mojibakeRanges } from './mojibake.js';

/** OpenCC traditional → mainland simplified, with its phrase table (so 瞭望, 乾隆 stay as they are). */
// Built on first use: loading OpenCC's dictionaries costs ~0.2–0.3 s, wasted on a run whose
// files all come from the cache.
let simplifier: ((s: string) => string) | undefined;
const toSimplified = (s: string): string => (simplifier ??= Converter({ from: 't', to: 'cn' }))(s);
/** And back: the forms OpenCC writes in traditional text (OpenCC standard, Taiwan, Hong Kong). */
let traditionalizers: ((s: string) => string)[] | undefined;
const toTraditionalAll = (): ((s: string) => string)[] =>
  (traditionalizers ??= [FullConverter({ from: 'cn', to: 't' }), FullConverter({ from: 'cn', to: 'tw' }), FullConverter({ from: 'cn', to: 'hk' })]);

/**
 * True when c is in GB 2312, the mainland simplified character set (6,763 hanzi): such a
 * character is a standard simplified form in some use (乾坤, 於 as a surname, 徵 as a note,
 * 著名), so it is never reported even where OpenCC would convert it. Tested through the GBK
 * table of iconv-lite: GB 2312 hanzi are the two-byte codes B0–F7 / A1–FE.
 */
function inGb2312(c: string): boolean {
  const b = iconv.encode(c, 'gbk');
  return b.length === 2 && b[0]! >= 0xb0 && b[0]! <= 0xf7 && b[1]! >= 0xa1 && b[1]! <= 0xfe;
}

const HAN_RUN_G = /\p{Script=Han}+/gu;
/** Traditional characters at most this many characters apart are one span. */
const MAX_GAP = 2;
const gbCache = new Map<string, boolean>();

function gb2312(c: string): boolean {
  let gb = gbCache.get(c);
  if (gb === undefined) {
    gb = inGb2312(c);
    gbCache.set(c, gb);
  }
  return gb;
}

/** Per code point: 0 not yet known, 1 no, 2 yes (a flat table: this runs on every Han character). */
const candidateCache = new Uint8Array(0x110000);

/** A character OpenCC simplifies on its own and that is not in GB 2312. */
function maybeTraditional(c: string): boolean {
  const cp = c.codePointAt(0)!;
  let v = candidateCache[cp]!;
  if (v === 0) {
    v = toSimplified(c) !== c && !gb2312(c) ? 2 : 1;
    candidateCache[cp] = v;
  }
  return v === 2;
}

/** True when some character of the run may be traditional (no array built for the common no). */
function anyMaybeTraditional(run: string): boolean {
  for (let i = 0; i < run.length; i += 1) {
    const cp = run.codePointAt(i)!;
    if (cp > 0xffff) i += 1;
    const v = candidateCache[cp]!;
    if (v === 2 || (v === 0 && maybeTraditional(String.fromCodePoint(cp)))) return true;
  }
  return false;
}

/**
 * Per line, whether some Han character may be traditional, and the Han code points it holds:
 * most lines (most files) hold no candidate and skip the run-by-run check.
 */
function scanLine(text: string): { candidate: boolean; han: number } {
  let candidate = false;
  let han = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    const cp = c >= 0xd800 && c <= 0xdbff ? codePointAt(text, i) : c;
    if (cp > 0xffff) i += 1;
    // Known candidates are Han; anything else is asked once.
    const v = candidateCache[cp]!;
    if (v === 2) {
      han += 1;
      candidate = true;
    } else if (isHan(cp)) {
      han += 1;
      if (v === 0 && maybeTraditional(String.fromCodePoint(cp))) candidate = true;
    }
  }
  return { candidate, han };
}

/**
 * The traditional characters of a run of Han characters, with their simplified forms. A
 * character counts when OpenCC simplifies it, OpenCC writes that very character when it
 * converts the simplified word back (so variants kept in simplified use, such as 昇 in 昇腾,
 * are not reported: 升腾 goes back to 升騰), and it is not in GB 2312.
 */
function traditionalIn(run: string): { index: number; char: string; simplified: string }[] {
  // Most runs hold no character OpenCC would change; only those go through the phrase conversions.
  if (!anyMaybeTraditional(run)) return [];
  const chars = [...run];
  const simplifiedRun = toSimplified(run);
  let simplified = [...simplifiedRun];
  let back = toTraditionalAll().map((f) => [...f(simplifiedRun)]);
  // Phrase conversions keep the length almost always; if not, compare character by character.
  if (simplified.length !== chars.length || back.some((b) => b.length !== chars.length)) {
    simplified = chars.map((c) => toSimplified(c));
    back = toTraditionalAll().map((f) => simplified.map((s) => f(s)));
  }
  const out: { index: number; char: string; simplified: string }[] = [];
  let index = 0;
  chars.forEach((c, i) => {
    const s = simplified[i]!;
    if (s !== c && back.some((b) => b[i] === c) && !gb2312(c)) out.push({ index, char: c, simplified: s });
    index += c.length;
  });
  return out;
}

export const traditional: QualityRule = {
  id: 'script/traditional',
  description: 'Traditional characters inside simplified text (發揮 for 发挥); each span is reported with its simplified form.',
  tags: ['script'],
  severity: 'warning',
  rationale:
    'A character is traditional when OpenCC (t→cn, with phrases) simplifies it, OpenCC writes that same character when converting the simplified word back (so variants kept in simplified use, such as 昇 in 昇腾, pass), and it is not in GB 2312 (so characters that are also standard simplified forms, such as 乾, 於, 徵, 著, pass). Furniture lines are left to noise/boilerplate. Above 5% of the Han characters the whole text is traditional: one info message instead of one per span.',
  options: { maxShare: { default: 0.05, minimum: 0, maximum: 1, description: 'share of traditional characters above which the text counts as written in traditional script' } },
  check(file, report, options) {
    if (file.binary) return;
    const lines = contentLines(file);
    const scans = lines.map((l) => scanLine(l.text));
    if (!scans.some((x) => x.candidate)) return;
    const spans: { at: ReturnType<typeof evidenceIn>; message: string; expected: string }[] = [];
    let han = 0;
    let trad = 0;
    for (const [li, line] of lines.entries()) {
      const garbled = mojibakeRanges(line);
      // Nothing to report and nothing to leave out: every Han character counts.
      if (!scans[li]!.candidate && garbled.length === 0) {
        han += scans[li]!.han;
        continue;
      }
      HAN_RUN_G.lastIndex = 0;
      for (let m = HAN_RUN_G.exec(line.text); m !== null; m = HAN_RUN_G.exec(line.text)) {
        const at = m.index;
        if (garbled.some(([a, z]) => at < z && at + m![0].length > a)) continue; // encoding/mojibake's
        han += codePointLength(m[0]);
        const found = traditionalIn(m[0]);
        trad += found.length;
        // Nearby traditional characters form one span (發揮; 動畫金屬, where 金 is the same in both scripts).
        const chars = [...m[0]];
        const pos = (f: { index: number }): number => [...m![0].slice(0, f.index)].length;
        for (let k = 0; k < found.length; ) {
          let end = k;
          while (end + 1 < found.length && pos(found[end + 1]!) - pos(found[end]!) <= MAX_GAP + 1) end += 1;
          const a = pos(found[k]!);
          const z = pos(found[end]!);
          const text = chars.slice(a, z + 1).join('');
          const simplified = toSimplified(text);
          spans.push({ at: evidenceIn(line, m.index + found[k]!.index, text), message: `traditional ${text} in simplified text (simplified: ${simplified})`, expected: simplified });
          k = end + 1;
        }
      }
    }
    if (spans.length === 0) return;
    const share = trad / Math.max(1, han);
    const max = opt(options, 'maxShare');
    if (share > max) {
      report({
        severity: 'info',
        message: `the text is written in traditional characters (${percent(share)} of Han characters are traditional forms)`,
        measured: Math.round(share * 1000) / 1000,
        threshold: max,
        at: spans[0]!.at,
      });
      return;
    }
    reportSpans(report, spans, (n) => `${n} more traditional character spans not listed`);
  },
};

/** Half-width marks and their full-width forms, as used after a Han character. */
const PAIRS: readonly [string, string][] = [[',', '，'], [':', '：'], [';', '；'], ['?', '？'], ['!', '！'], ['(', '（'], [')', '）']];
const MARK_G = /[,，:：;；?？!！(（)）]/gu;

/** The code point that ends just before UTF-16 index i. */
function codePointBefore(t: string, i: number): number | undefined {
  if (i === 0) return undefined;
  const low = t.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return t.codePointAt(i - 2);
  return low;
}

export const punctuationWidth: QualityRule = {
  id: 'script/punctuation-width',
  description: 'The same punctuation mark is used both full-width and half-width next to Chinese characters (，and ,).',
  tags: ['script'],
  severity: 'info',
  rationale:
    'A mark counts when a Han character stands before it (after it, for an opening parenthesis). Reported when the minority form is at least 3 uses and 2% of that mark; a text that normalises all marks to one width is consistent and not flagged.',
  options: {
    minCount: { default: 3, minimum: 1, description: 'fewest uses of the minority form' },
    minShare: { default: 0.02, minimum: 0, maximum: 1, description: 'smallest share of the minority form' },
  },
  check(file, report, options) {
    if (file.binary) return;
    const minCount = opt(options, 'minCount');
    const minShare = opt(options, 'minShare');
    // One pass over the lines: where each mark is used after (or, for an opening
    // parenthesis, before) a Han character. Evidence is built only for what is reported.
    // Per mark: how often, and the first 10 places (all a report shows).
    const uses = new Map<string, { line: PageLine; index: number }[]>();
    const counts = new Map<string, number>();
    for (const line of contentLines(file)) {
      const t = line.text;
      MARK_G.lastIndex = 0;
      for (let m = MARK_G.exec(t); m !== null; m = MARK_G.exec(t)) {
        const c = m[0];
        const opening = c === '(' || c === '（';
        const neighbour = opening ? t.codePointAt(m.index + 1) : codePointBefore(t, m.index);
        if (neighbour === undefined || !isHan(neighbour)) continue;
        counts.set(c, (counts.get(c) ?? 0) + 1);
        const list = uses.get(c) ?? [];
        if (list.length < 10) list.push({ line, index: m.index });
        uses.set(c, list);
      }
    }
    for (const [half, full] of PAIRS) {
      const h = counts.get(half) ?? 0;
      const f = counts.get(full) ?? 0;
      const total = h + f;
      const halfIsMinority = h <= f;
      const minority = halfIsMinority ? h : f;
      if (minority < minCount || minority / total < minShare) continue;
      const minorityForm = halfIsMinority ? `half-width ${half}` : `full-width ${full}`;
      const ev = (uses.get(halfIsMinority ? half : full) ?? []).map((u) => evidenceIn(u.line, u.index, halfIsMinority ? half : full));
      report({
        message: `${minorityForm} used ${minority} times against ${total - minority} of the other width after Chinese text`,
        measured: Math.round((minority / total) * 1000) / 1000,
        threshold: minShare,
        at: ev[0]!,
        related: ev.slice(1),
      });
    }
  },
};
