// Facts about the bytes and text: hash, sizes, line count and line-ending style (one pass
// over the text for the counts).
import { createHash } from 'node:crypto';
import type { SeedFile } from '../seed-file.js';
import type { LineEnding } from '../types.js';

interface TextFacts {
  chars: number;
  lf: number;
  crlf: number;
  cr: number;
}

/** Code points and line terminators, in one pass over the char codes. */
function countText(text: string): TextFacts {
  let chars = 0;
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    chars += 1;
    if (c === 10) lf += 1;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf += 1;
        chars += 1;
        i += 1;
      } else cr += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      // A surrogate pair is one code point.
      if (d >= 0xdc00 && d <= 0xdfff) i += 1;
    }
  }
  return { chars, lf, crlf, cr };
}

function endingOf({ lf, crlf, cr }: TextFacts): LineEnding {
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return lf > 0 ? 'lf' : crlf > 0 ? 'crlf' : 'cr';
}

export function lineEndingOf(text: string): LineEnding {
  return endingOf(countText(text));
}

export function measureFacts(file: SeedFile): void {
  const rec = file.record;
  const text = file.text;
  rec.sha256 = createHash('sha256').update(file.bytes).digest('hex');
  rec.bytes = file.bytes.length;
  const facts = countText(text);
  rec.chars = facts.chars;
  rec.lineEnding = endingOf(facts);
  // A final newline ends the last line rather than starting a new one.
  const last = text.charCodeAt(text.length - 1);
  rec.lines = text === '' ? 0 : facts.lf + facts.crlf + facts.cr + 1 - (last === 10 || last === 13 ? 1 : 0);
}
