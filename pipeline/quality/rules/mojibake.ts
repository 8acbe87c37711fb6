// Mojibake: text that went through a wrong decode before it was saved. decode.ts reports
// bytes that are not UTF-8; these signatures survive in perfectly valid UTF-8.
import iconv from 'iconv-lite';
import { evidenceIn, type PageLine } from '../../page.js';
import { checkedLines } from '../repeated-blocks.js';
import type { QualityRule } from '../rule.js';
import { opt } from '../rule.js';
import { reportSpans } from '../text.js';

/**
 * 锟斤拷 is U+FFFD U+FFFD (EF BF BD EF BF BD) read as GBK; 烫烫 / 屯屯 are MSVC's
 * uninitialised stack / heap fill bytes (CC CC, CD CD) read as GBK.
 */
const GARBLE_G = /锟斤拷(?:锟斤拷)*|烫{4,}|屯{4,}|\ufffd+/gu;

/** Non-ASCII runs that may be UTF-8 bytes shown through a wrong 8-bit / GBK code page. */
const CANDIDATE_G = /[^\x00-\x7f]{2,}/gu;

/**
 * If `run` re-encoded with `codec` gives UTF-8 bytes that decode to at least `min` CJK
 * characters in a row, returns that decoded text (the repair). Ordinary Chinese text never
 * re-encodes to three or more valid UTF-8 CJK sequences in a row.
 */
function repairOf(run: string, codec: 'gbk' | 'windows-1252', min: number): string | null {
  const bytes = iconv.encode(run, codec);
  let best = '';
  let current = '';
  for (let i = 0; i + 2 < bytes.length; ) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1]!;
    const b2 = bytes[i + 2]!;
    if (b0 >= 0xe3 && b0 <= 0xe9 && (b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80) {
      const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      // CJK punctuation, kana, CJK unified ideographs.
      if (cp >= 0x3000 && cp <= 0x9fff) {
        current += String.fromCodePoint(cp);
        if (current.length > best.length) best = current;
        i += 3;
        continue;
      }
    }
    current = '';
    i += 1;
  }
  return best.length >= min ? best : null;
}

/** UTF-16 ranges [start, end) of the line that are mojibake: other rules (script, invisible
 *  characters) leave them alone, since their characters are debris, not text. */
export function mojibakeRanges(line: PageLine): [number, number][] {
  const out: [number, number][] = mojibakeIn(line, DEFAULT_MIN).map((g) => [g.index, g.index + g.text.length]);
  GARBLE_G.lastIndex = 0;
  for (let m = GARBLE_G.exec(line.text); m !== null; m = GARBLE_G.exec(line.text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const DEFAULT_MIN = 3;

function mojibakeIn(line: PageLine, min: number): { index: number; text: string; repair: string; codec: string }[] {
  const out: { index: number; text: string; repair: string; codec: string }[] = [];
  CANDIDATE_G.lastIndex = 0;
  for (let m = CANDIDATE_G.exec(line.text); m !== null; m = CANDIDATE_G.exec(line.text)) {
    for (const codec of ['gbk', 'windows-1252'] as const) {
      const repair = repairOf(m[0], codec, min);
      if (repair) {
        out.push({ index: m.index, text: m[0], repair, codec: codec === 'gbk' ? 'GBK' : 'Windows-1252' });
        break;
      }
    }
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
    for (const line of checkedLines(file)) {
      GARBLE_G.lastIndex = 0;
      for (let m = GARBLE_G.exec(line.text); m !== null; m = GARBLE_G.exec(line.text)) {
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
