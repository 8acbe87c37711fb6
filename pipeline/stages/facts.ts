// Facts about the bytes and text: hash, sizes, line count and line-ending style.
import { createHash } from 'node:crypto';
import { codePointLength } from '../page.js';
import type { SeedFile } from '../seed-file.js';
import type { LineEnding } from '../types.js';

export function lineEndingOf(text: string): LineEnding {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) { crlf += 1; i += 1; } else cr += 1;
    } else if (c === 10) lf += 1;
  }
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return lf > 0 ? 'lf' : crlf > 0 ? 'crlf' : 'cr';
}

export function measureFacts(file: SeedFile): void {
  const rec = file.record;
  rec.sha256 = createHash('sha256').update(file.bytes).digest('hex');
  rec.bytes = file.bytes.length;
  rec.chars = codePointLength(file.text);
  rec.lineEnding = lineEndingOf(file.text);
  // A final newline ends the last line rather than starting a new one.
  const lines = file.text === '' ? 0 : file.text.split(/\r\n|\n|\r/u).length - (/(?:\r\n|\n|\r)$/u.test(file.text) ? 1 : 0);
  rec.lines = lines;
}
