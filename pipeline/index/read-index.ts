// Read seeds/INDEX.md safely: only a regular file inside the seeds folder (a symlink that
// leaves the folder is reported, not followed), bounded in size, and checked as UTF-8 the
// same way seed files are — a GB18030 or UTF-16 catalogue is decoded and reported rather
// than silently misread.
import path from 'node:path';
import { diagnostic } from '../diagnostic.js';
import type { Fs } from '../io.js';
import { isInside } from '../paths.js';
import { MAX_INDEX_BYTES, MAX_INDEX_LINES, megabytes } from '../limits.js';
import type { Diagnostic } from '../types.js';

export interface IndexText {
  /** The decoded text, or null when INDEX.md could not or must not be read. */
  text: string | null;
  /** True when there is no INDEX.md at all (as opposed to one that was refused). */
  missing: boolean;
  messages: Diagnostic[];
}

const GB_FAMILY = new Set(['GB18030', 'GBK', 'GB2312']);
const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Reads `<seedsDir>/INDEX.md`; `shown` is its display path for diagnostics. */
export async function readIndexFile(fs: Fs, seedsDir: string, shown: string): Promise<IndexText> {
  const read = await readIndexText(fs, seedsDir, shown);
  if (read.text === null) return read;
  // Lines as Markdown counts them: LF, CRLF or a bare CR ends one.
  const t = read.text;
  let lines = 1;
  for (let i = 0; i < t.length; i += 1) {
    const c = t.charCodeAt(i);
    if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) lines += 1;
  }
  if (lines <= MAX_INDEX_LINES) return read;
  const message = `INDEX.md has ${lines} lines, over the limit of ${MAX_INDEX_LINES}; it was not parsed`;
  return { text: null, missing: false, messages: [...read.messages, diagnostic(shown, { ruleId: 'index/too-large', severity: 'error', message })] };
}

async function readIndexText(fs: Fs, seedsDir: string, shown: string): Promise<IndexText> {
  const file = path.join(seedsDir, 'INDEX.md');
  const messages: Diagnostic[] = [];
  const refuse = (ruleId: string, message: string): IndexText => ({
    text: null,
    missing: false,
    messages: [diagnostic(shown, { ruleId, severity: 'error', message })],
  });

  let st;
  try {
    st = await fs.lstat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { text: null, missing: true, messages };
    return refuse('index/unreadable', `cannot read INDEX.md (${code ?? (err as Error).message})`);
  }
  if (st.isSymbolicLink()) {
    let real: string;
    try {
      real = await fs.realpath(file);
      st = await fs.stat(file);
    } catch {
      return refuse('index/not-a-file', 'INDEX.md is a symbolic link that points to nothing');
    }
    if (!isInside(await fs.realpath(seedsDir), real)) {
      return refuse('index/symlink-outside', 'INDEX.md is a symbolic link to a file outside the seeds folder; it was not read');
    }
  }
  if (!st.isFile()) return refuse('index/not-a-file', 'INDEX.md is not a regular file; it was not read');
  if (st.size > MAX_INDEX_BYTES) {
    return refuse('index/too-large', `INDEX.md is ${megabytes(st.size)} MB, over the ${megabytes(MAX_INDEX_BYTES)} MB limit; it was not read`);
  }

  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    return refuse('index/unreadable', `cannot read INDEX.md (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const report = (message: string, line: number, severity: 'error' | 'warning' = 'error'): void => {
    messages.push(diagnostic(shown, { ruleId: 'index/encoding', severity, message, at: { line, column: 1 } }));
  };

  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    report(`INDEX.md is ${enc.toUpperCase()}, not UTF-8; it was decoded for these checks — save it as UTF-8`, 1);
    const { default: iconv } = await import('iconv-lite');
    return { text: iconv.decode(bytes.subarray(2), enc), missing: false, messages };
  }
  let body: Uint8Array = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    report('INDEX.md starts with a UTF-8 byte-order mark (EF BB BF); save it without one', 1, 'warning');
    body = bytes.subarray(3);
  }
  const nul = body.indexOf(0);
  if (nul >= 0) report(`INDEX.md contains a NUL byte at byte offset ${nul}; it is not a text file`, lineOf(body, nul));
  try {
    return { text: utf8.decode(body), missing: false, messages };
  } catch {
    // not UTF-8: say where, and decode as well as possible so the checks still run
  }
  // The decoders are loaded only for an INDEX.md that is not UTF-8.
  const [{ default: chardet }, { default: iconv }, { CHARDET_SAMPLE, firstInvalidUtf8 }] = await Promise.all([import('chardet'), import('iconv-lite'), import('../stages/decode.js')]);
  const bad = firstInvalidUtf8(body);
  const guess = chardet.detect(body.subarray(0, CHARDET_SAMPLE));
  if (guess && GB_FAMILY.has(guess.toUpperCase())) {
    report(`INDEX.md is ${guess}, not UTF-8 (first non-UTF-8 byte at offset ${bad}); it was decoded as GB18030 for these checks — save it as UTF-8`, lineOf(body, bad));
    return { text: iconv.decode(Buffer.from(body), 'gb18030'), missing: false, messages };
  }
  report(`INDEX.md has invalid UTF-8 at byte offset ${bad} (0x${(body[bad] ?? 0).toString(16).padStart(2, '0')}); invalid bytes were replaced by U+FFFD`, lineOf(body, bad));
  return { text: utf8Lossy.decode(body), missing: false, messages };
}
