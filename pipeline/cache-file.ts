// The cache file's layout. Like a zip file, it ends with a directory of what it holds, so a
// run reads the small end first and the entries only when it needs them:
//
//   {"format":6,"salt":"…"}                     header: other code or config → ignored
//   key \t checksum \t stat \t flags \t record   one line per file result (key: sha256:path)
//   …
//   <terminal output bytes>                      the last run's printed output (optional)
//   #trailer \t checksum \t {json}               where each line is, the run state, the output
//   <20-digit offset of the trailer line>\n      footer
//
// Every line and the output carry a checksum: a damaged entry is a miss, a damaged trailer
// or header makes the whole cache empty (it is rebuilt).
import { createHash } from 'node:crypto';
import type { Fs } from './io.js';

export const FORMAT = 6;
const TAB = 9;
const CHECKSUM = 16;
const FOOTER = 21;
const TRAILER_KEY = '#trailer';

/** 64 bits of sha256 (hex) over a key and its bytes: enough to tell damaged bytes from the ones written. */
export function checksum(key: string, body: Uint8Array): string {
  return createHash('sha256').update(key).update('\t').update(body).digest('hex').slice(0, 16);
}

/**
 * Where a stored line is: `length` bytes (without its newline) from `at`; `stat` as recorded;
 * the reference date the result was worked out `on` and the last one it holds `until`.
 */
export interface Place {
  stat: string;
  at: number;
  length: number;
  on: string;
  until: string;
}

/** Where the last run's terminal output is, and what it was printed for. */
export interface OutputPlace {
  inputs: string;
  key: string;
  at: number;
  length: number;
  sum: string;
}

export interface Trailer<State> {
  /** [key, stat, at, length, on, until] for each entry line. */
  entries: [string, string, number, number, string, string][];
  run: State | null;
  out: OutputPlace | null;
}

/**
 * An entry line: `key \t checksum \t stat \t flags \t record`. The checksum covers the key and
 * everything after it. stat is the file's stat when it was hashed ('' when unknown); flags is
 * the record's quality flags as JSON, record the rest of it with no flags. (JSON.stringify
 * escapes tabs and newlines inside strings: neither occurs in a field.)
 */
export function lineOf(key: string, stat: string, flags: string | Buffer, record: string | Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(`${stat}\t`), Buffer.from(flags), Buffer.from('\t'), Buffer.from(record)]);
  return Buffer.concat([Buffer.from(`${key}\t${checksum(key, body)}\t`), body, Buffer.from('\n')]);
}

/** The fields of a stored line (without its newline), or undefined when it is not that key's or is damaged. The JSON stays bytes. */
export function entryOf(key: string, line: Buffer): { stat: string; flags: Buffer; record: Buffer } | undefined {
  const start = Buffer.byteLength(key) + 1;
  if (line.length < start + CHECKSUM + 2 || line[start - 1] !== TAB || line.toString('utf8', 0, start - 1) !== key || line[start + CHECKSUM] !== TAB) return undefined;
  const body = line.subarray(start + CHECKSUM + 1);
  if (line.toString('latin1', start, start + CHECKSUM) !== checksum(key, body)) return undefined;
  const tab = body.indexOf(TAB);
  const tab2 = tab < 0 ? -1 : body.indexOf(TAB, tab + 1);
  if (tab2 < 0) return undefined;
  return { stat: body.toString('utf8', 0, tab), flags: body.subarray(tab + 1, tab2), record: body.subarray(tab2 + 1) };
}

export function headerOf(salt: string): Buffer {
  return Buffer.from(`${JSON.stringify({ format: FORMAT, salt })}\n`);
}

/** The trailer line and footer that end a file, for a trailer starting at byte `at`. */
export function trailerOf<State>(trailer: Trailer<State>, at: number): Buffer {
  const json = Buffer.from(JSON.stringify(trailer));
  const line = Buffer.concat([Buffer.from(`${TRAILER_KEY}\t${checksum(TRAILER_KEY, json)}\t`), json, Buffer.from('\n')]);
  return Buffer.concat([line, Buffer.from(`${String(at).padStart(FOOTER - 1, '0')}\n`)]);
}

/** `length` bytes of an open file from `at` (fewer at its end). */
export async function readAt(handle: Awaited<ReturnType<Fs['open']>>, at: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let n = 0;
  while (n < length) {
    const { bytesRead } = await handle.read(buf, n, length - n, at + n);
    if (bytesRead === 0) break;
    n += bytesRead;
  }
  return buf.subarray(0, n);
}

/** Bytes of `file` at a place, or an empty buffer when they cannot be read. */
export async function readPlace(fs: Fs, file: string, at: number, length: number): Promise<Buffer> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
    return await readAt(handle, at, length);
  } catch {
    return Buffer.alloc(0);
  } finally {
    await handle?.close();
  }
}

/** The checksum vouches for the bytes; this for the shape (a cache file is not trusted input). */
function wellFormed(t: Trailer<unknown>): boolean {
  if (typeof t !== 'object' || t === null || !Array.isArray(t.entries)) return false;
  if (t.out !== null && (typeof t.out !== 'object' || typeof t.out.at !== 'number' || typeof t.out.length !== 'number' || typeof t.out.sum !== 'string')) return false;
  if (t.run !== null && (typeof t.run !== 'object' || typeof (t.run as { inputs?: unknown }).inputs !== 'string')) return false;
  return t.entries.every(
    (e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string' && Number.isSafeInteger(e[2]) && Number.isSafeInteger(e[3]) && typeof e[4] === 'string' && typeof e[5] === 'string',
  );
}

/** The trailer of a cache file written for `salt`, or undefined (no file, other code, damaged). */
export async function readTrailer<State>(fs: Fs, file: string, salt: string): Promise<Trailer<State> | undefined> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    const expected = headerOf(salt);
    if (size < expected.length + FOOTER || !(await readAt(handle, 0, expected.length)).equals(expected)) return undefined;
    const at = Number((await readAt(handle, size - FOOTER, FOOTER)).toString('latin1'));
    if (!Number.isSafeInteger(at) || at < expected.length || at > size - FOOTER) return undefined;
    const line = await readAt(handle, at, size - FOOTER - at - 1);
    const start = TRAILER_KEY.length + 1;
    if (line.toString('latin1', 0, start) !== `${TRAILER_KEY}\t` || line[start + CHECKSUM] !== TAB) return undefined;
    const json = line.subarray(start + CHECKSUM + 1);
    if (line.toString('latin1', start, start + CHECKSUM) !== checksum(TRAILER_KEY, json)) return undefined;
    const trailer = JSON.parse(json.toString('utf8')) as Trailer<State>;
    return wellFormed(trailer) ? trailer : undefined;
  } catch {
    return undefined; // no cache yet, unreadable or damaged: start empty
  } finally {
    await handle?.close();
  }
}
