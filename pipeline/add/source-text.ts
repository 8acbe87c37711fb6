// A file to be added → the UTF-8, LF text a seed holds, and what it was before.
// Encoding detection is the decode stage's own (UTF-8, a UTF-8 BOM, UTF-16 with a BOM,
// GB18030/GBK/GB2312 told apart by chardet), so `add` accepts exactly what validate would
// report as convertible. An HTML page's <meta charset> is trusted when its bytes are not UTF-8
// (a saved page keeps its declared encoding); `--encoding` overrides everything for the rare
// file no detector can tell (Big5, Shift_JIS…). Undecodable, binary or empty input is refused.
import iconv from 'iconv-lite';
import { defaultConfig } from '../config.js';
import { createSeedFile } from '../seed-file.js';
import { decode, firstInvalidUtf8 } from '../stages/decode.js';
import { lineEndingOf } from '../stages/facts.js';
import type { LineEnding } from '../types.js';
import { htmlToText, isHtml } from './html-text.js';

export interface SourceText {
  /** UTF-8 text with LF line ends. */
  text: string;
  /** What the bytes were: utf-8, utf-8 with BOM, gb18030, utf-16le, or a declared/forced name. */
  encoding: string;
  lineEnding: LineEnding;
  html: boolean;
}

export type SourceResult = SourceText | { error: string };

/** GBK and GB2312 are subsets of GB18030: decode with the superset. */
const GB_SUBSETS = new Set(['gbk', 'gb2312', 'x-gbk', 'cp936']);

/** The charset a page declares in its first 4 KB (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w:.-]+)/iu.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function decodeAs(bytes: Buffer, name: string): string {
  return iconv.decode(bytes, GB_SUBSETS.has(name) ? 'gb18030' : name);
}

export function toSeedText(bytes: Buffer, fileName: string, forcedEncoding?: string): SourceResult {
  let text: string;
  let encoding: string;
  const html = isHtml(fileName, Buffer.from(bytes.subarray(0, 1024)).toString('latin1'));
  const declared = html ? declaredCharset(bytes) : null;
  const utf16Bom = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

  if (forcedEncoding !== undefined) {
    text = decodeAs(bytes, forcedEncoding);
    encoding = forcedEncoding;
  } else if (declared && !utf16Bom && firstInvalidUtf8(bytes) >= 0 && iconv.encodingExists(declared)) {
    text = decodeAs(bytes, declared);
    encoding = `${declared} (declared in <meta>)`;
  } else {
    const file = createSeedFile(fileName, fileName, bytes, defaultConfig());
    decode(file);
    if (file.binary) return { error: 'binary file (NUL bytes and control characters), not text' };
    const problem = file.messages.find((m) => m.ruleId === 'encoding/nul-bytes' || m.ruleId === 'encoding/invalid-utf8');
    if (problem) {
      return { error: `${problem.message}${problem.ruleId === 'encoding/invalid-utf8' ? '; convert it to UTF-8, or name its encoding with --encoding' : ''}` };
    }
    text = file.text;
    const bom = file.messages.some((m) => m.ruleId === 'encoding/bom');
    encoding = bom ? 'utf-8 with BOM' : file.record.encoding;
  }

  text = text.replace(/^\uFEFF/u, '');
  const lineEnding = lineEndingOf(text);
  text = text.replace(/\r\n?/gu, '\n');
  if (html) text = htmlToText(text);
  if (text.trim() === '') return { error: html ? 'the page has no text outside scripts, styles, navigation, header and footer' : 'the file is empty' };
  return { text, encoding, lineEnding, html };
}
