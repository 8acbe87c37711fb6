// Mojibake: text that went through a wrong decode before it was saved. decode.ts reports
// bytes that are not UTF-8; these signatures survive in perfectly valid UTF-8.
import { evidenceIn, type PageLine } from '../../page.js';
import { checkedLines } from '../repeated-blocks.js';
import { encodeRange, type Codec } from '../reencode.js';
import type { QualityRule } from '../rule.js';
import { opt } from '../rule.js';
import { reportSpans } from '../text.js';

/**
 * 锟斤拷 is U+FFFD U+FFFD (EF BF BD EF BF BD) read as GBK; 烫烫 / 屯屯 are MSVC's
 * uninitialised stack / heap fill bytes (CC CC, CD CD) read as GBK.
 */
const GARBLE_G = /锟斤拷(?:锟斤拷)*|烫{4,}|屯{4,}|\ufffd+/gu;
/** Whether a text holds any GARBLE_G match (one scan of the file instead of one per line). */
const GARBLE = /锟斤拷|烫{4}|屯{4}|\ufffd/u;

/**
 * The longest run of UTF-8 CJK sequences in `run` re-encoded with `codec` (the repair), or ''.
 * Ordinary Chinese text never re-encodes to three or more valid UTF-8 CJK sequences in a row.
 */
function repairOf(text: string, from: number, to: number, codec: Codec): string {
  // Windows-1252 writes a UTF-8 lead byte E3–E9 only for U+00E3–U+00E9 (ã … é): without one, nothing to repair.
  if (codec === 'windows-1252') {
    let lead = false;
    for (let i = from; i < to && !lead; i += 1) lead = text.charCodeAt(i) >= 0xe3 && text.charCodeAt(i) <= 0xe9;
    if (!lead) return '';
  }
  const bytes = encodeRange(text, from, to, codec);
  let bestStart = 0;
  let bestLen = 0;
  let start = 0;
  let len = 0;
  for (let i = 0; i + 2 < bytes.length; ) {
    const b0 = bytes[i]!;
    if (b0 >= 0xe3 && b0 <= 0xe9 && (bytes[i + 1]! & 0xc0) === 0x80 && (bytes[i + 2]! & 0xc0) === 0x80) {
      const cp = ((b0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      // CJK punctuation, kana, CJK unified ideographs.
      if (cp >= 0x3000 && cp <= 0x9fff) {
        if (len === 0) start = i;
        len += 1;
        if (len > bestLen) {
          bestLen = len;
          bestStart = start;
        }
        i += 3;
        continue;
      }
    }
    len = 0;
    i += 1;
  }
  let best = '';
  for (let k = 0, i = bestStart; k < bestLen; k += 1, i += 3) best += String.fromCharCode(((bytes[i]! & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f));
  return best;
}

/** A run of non-ASCII characters (2+ code points) and what re-encoding it repairs to. */
interface Candidate {
  index: number;
  text: string;
  gbk: string;
  cp1252: string;
}

/** Per line, computed once: the encoding and script rules all ask. */
const candidateMemo = new WeakMap<PageLine, Candidate[]>();

/** Runs of non-ASCII code points (/[^\x00-\x7f]{2,}/u) that repair to something under either codec. */
function candidates(line: PageLine): Candidate[] {
  let out = candidateMemo.get(line);
  if (out) return out;
  out = [];
  const t = line.text;
  for (let i = 0; i < t.length; ) {
    if (t.charCodeAt(i) < 0x80) {
      i += 1;
      continue;
    }
    let j = i;
    let points = 0;
    while (j < t.length && t.charCodeAt(j) >= 0x80) {
      const c = t.charCodeAt(j);
      const pair = c >= 0xd800 && c <= 0xdbff && j + 1 < t.length && t.charCodeAt(j + 1) >= 0xdc00 && t.charCodeAt(j + 1) <= 0xdfff;
      j += pair ? 2 : 1;
      points += 1;
    }
    if (points >= 2) {
      const gbk = repairOf(t, i, j, 'gbk');
      const cp1252 = repairOf(t, i, j, 'windows-1252');
      if (gbk !== '' || cp1252 !== '') out.push({ index: i, text: t.slice(i, j), gbk, cp1252 });
    }
    i = j;
  }
  candidateMemo.set(line, out);
  return out;
}

/** UTF-16 ranges [start, end) of the line that are mojibake: other rules (script, invisible
 *  characters) leave them alone, since their characters are debris, not text. */
export function mojibakeRanges(line: PageLine): [number, number][] {
  const out: [number, number][] = mojibakeIn(line, DEFAULT_MIN).map((g) => [g.index, g.index + g.text.length]);
  if (!GARBLE.test(line.text)) return out;
  GARBLE_G.lastIndex = 0;
  for (let m = GARBLE_G.exec(line.text); m !== null; m = GARBLE_G.exec(line.text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const DEFAULT_MIN = 3;

/** Runs whose re-encoding gives at least `min` CJK characters (GBK tried first). */
function mojibakeIn(line: PageLine, min: number): { index: number; text: string; repair: string; codec: string }[] {
  const out: { index: number; text: string; repair: string; codec: string }[] = [];
  for (const c of candidates(line)) {
    // repairOf of the original returned null below `min` (and for an empty repair).
    if (c.gbk.length >= Math.max(1, min)) out.push({ index: c.index, text: c.text, repair: c.gbk, codec: 'GBK' });
    else if (c.cp1252.length >= Math.max(1, min)) out.push({ index: c.index, text: c.text, repair: c.cp1252, codec: 'Windows-1252' });
  }
  return out;
}

export const mojibake: QualityRule = {
  id: 'encoding/mojibake',
  description: 'Garbled text from a wrong decode: U+FFFD replacement characters, 锟斤拷, 烫烫烫烫, UTF-8 shown as GBK (鍏徃) or as Windows-1252 (ä¸­æ–‡).',
  tags: ['encoding'],
  severity: 'error',
  rationale:
    'Fixed signatures (锟斤拷 = two U+FFFD read as GBK; 烫/屯 runs of 4+ = debug fill bytes read as GBK; U+FFFD) need no threshold. UTF-8 read as GBK/Windows-1252 is reported when re-encoding a run gives at least 3 CJK characters of valid UTF-8 in a row (9 bytes): ordinary Chinese never does (none in the 5 seeds and 33 dev-set documents).',
  options: { minRepairChars: { default: DEFAULT_MIN, minimum: 2, description: 'fewest CJK characters recovered by re-decoding a run before it counts as mojibake' } },
  check(file, report, options) {
    if (file.binary) return;
    // decode.ts has already reported invalid bytes and put U+FFFD in their place.
    const decodedLossy = file.messages.some((m) => m.ruleId === 'encoding/invalid-utf8');
    const min = opt(options, 'minRepairChars');
    const spans: { at: ReturnType<typeof evidenceIn>; message: string; expected?: string }[] = [];
    const garbled = GARBLE.test(file.text);
    for (const line of checkedLines(file)) {
      GARBLE_G.lastIndex = 0;
      for (let m = garbled ? GARBLE_G.exec(line.text) : null; m !== null; m = GARBLE_G.exec(line.text)) {
        if (m[0].startsWith('\ufffd')) {
          if (!decodedLossy) spans.push({ at: evidenceIn(line, m.index, m[0]), message: `${[...m[0]].length} U+FFFD replacement character(s): the text was decoded with the wrong encoding before it was saved` });
        } else spans.push({ at: evidenceIn(line, m.index, m[0]), message: `"${m[0]}" is mojibake (bytes decoded as GBK)` });
      }
      for (const g of mojibakeIn(line, min)) {
        spans.push({ at: evidenceIn(line, g.index, g.text), message: `UTF-8 text shown as ${g.codec}: "${g.text}" reads "${g.repair}"`, expected: g.repair });
      }
    }
    spans.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    reportSpans(report, spans, (n) => `${n} more mojibake spans not listed`);
  },
};
