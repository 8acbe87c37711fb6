// Decode bytes to text. UTF-8 without BOM is required; anything else is reported and
// still decoded as well as possible so the rest of the pipeline keeps working.
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { report, type SeedFile } from '../seed-file.js';
import { decodeValidUtf8 } from './utf8.js';

const utf8Lossy = new TextDecoder('utf-8');

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) { i += 1; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in bytes) of a byte offset, counting LF bytes. */
function byteLine(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < bytes.length; i += 1) {
    if (bytes[i] === 0x0a) { line += 1; start = i + 1; }
  }
  return { line, column: offset - start + 1 };
}

function countNul(bytes: Uint8Array): number {
  let n = 0;
  // indexOf is native and fast; most files have no NUL at all.
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) n += 1;
  return n;
}

/** Share of bytes that are control characters other than tab/LF/CR/FF/ESC-free text. */
function controlShare(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let n = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) n += 1;
  return n / bytes.length;
}

const GB_FAMILY = new Set(['GB18030', 'GBK', 'GB2312']);
/** Bytes chardet looks at. */
export const CHARDET_SAMPLE = 256 * 1024;

export function decode(file: SeedFile): void {
  let bytes: Uint8Array = file.bytes;
  const rec = file.record;

  // UTF-16 with a BOM: decode it, but UTF-8 is required.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    rec.encoding = le ? 'utf-16le' : 'utf-16be';
    file.text = iconv.decode(Buffer.from(bytes.subarray(2)), rec.encoding);
    report(file, {
      ruleId: 'encoding/not-utf8',
      severity: 'error',
      message: `file is ${rec.encoding.toUpperCase()} (byte-order mark ${le ? 'FF FE' : 'FE FF'}), not UTF-8; convert it with \`npm run add\``,
      at: { line: 1, column: 1 },
      expected: 'utf-8',
      actual: rec.encoding,
    });
    return;
  }

  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    report(file, {
      ruleId: 'encoding/bom',
      severity: 'error',
      message: 'file starts with a UTF-8 byte-order mark (EF BB BF); save it as UTF-8 without BOM',
      at: { line: 1, column: 1 },
    });
    bytes = bytes.subarray(3);
  }

  const nul = countNul(bytes);
  if (nul > 0) {
    const at = bytes.indexOf(0);
    const binary = nul / bytes.length > 0.01 || controlShare(bytes) > 0.1;
    report(file, {
      ruleId: 'encoding/nul-bytes',
      severity: 'error',
      message: binary
        ? `file is binary, not text: ${nul} NUL byte(s), the first at byte offset ${at}`
        : `file contains ${nul} NUL byte(s), the first at byte offset ${at}`,
      measured: nul,
      at: byteLine(bytes, at),
    });
    if (binary) {
      file.binary = true;
      rec.encoding = 'binary';
      file.text = '';
      return;
    }
  }

  // Valid UTF-8 (nearly every file) is checked natively and decoded without chardet.
  if (isUtf8(bytes)) {
    file.text = decodeValidUtf8(bytes);
    rec.encoding = 'utf-8';
    return;
  }

  const bad = firstInvalidUtf8(bytes);
  // chardet reads every byte with every model (~3 s per MB): a 256 KB sample tells as well.
  const guess = chardet.detect(bytes.subarray(0, CHARDET_SAMPLE));
  const offset = bad + (bytes === file.bytes ? 0 : 3);
  if (guess && GB_FAMILY.has(guess.toUpperCase())) {
    // GB18030 is a superset of GBK and GB2312: decode with it.
    rec.encoding = 'gb18030';
    file.text = iconv.decode(Buffer.from(bytes), 'gb18030');
    report(file, {
      ruleId: 'encoding/not-utf8',
      severity: 'error',
      message: `file is ${guess}${guess.toUpperCase() === 'GB18030' ? '' : ' (decoded as GB18030)'}, not UTF-8: the first non-UTF-8 byte is at offset ${offset}; convert it with \`npm run add\``,
      expected: 'utf-8',
      actual: 'gb18030',
      at: { line: byteLine(bytes, bad).line },
    });
    return;
  }
  rec.encoding = 'utf-8';
  file.text = utf8Lossy.decode(bytes);
  // A few bad bytes in otherwise good UTF-8 (a damaged file) are not another encoding, whatever
  // chardet guesses from them: only name its guess when bad sequences are a real share.
  let replaced = 0;
  let nonAscii = 0;
  for (const ch of file.text) {
    if (ch === '\uFFFD') replaced += 1;
    else if (ch > '\u007f') nonAscii += 1;
  }
  const damaged = nonAscii >= 10 * replaced;
  const hint = damaged ? `; ${replaced} invalid sequence(s) in otherwise valid UTF-8` : guess ? `; the bytes look like ${guess}` : '';
  report(file, {
    ruleId: 'encoding/invalid-utf8',
    severity: 'error',
    message: `invalid UTF-8 at byte offset ${offset} (0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')})${hint}; invalid bytes were replaced by U+FFFD`,
    actual: guess ?? 'unknown',
    at: { line: byteLine(bytes, bad).line },
  });
}
