// The bytes iconv-lite writes when it encodes a string as GBK or Windows-1252, from a
// per-character table: the mojibake check re-encodes nearly every run of Chinese text, and
// iconv.encode allocates a buffer and walks its codec tables for each call. Both encoders
// map one UTF-16 unit to fixed bytes (GBK has no multi-character sequences in iconv-lite);
// only surrogates depend on their neighbours, so a string with any goes to iconv itself.
import iconv from 'iconv-lite';

export type Codec = 'gbk' | 'windows-1252';

/** Per code unit: 0 not yet known, else (byte count << 16) | bytes. */
const tables: Record<Codec, Uint32Array> = { gbk: new Uint32Array(0x10000), 'windows-1252': new Uint32Array(0x10000) };

function codeOf(codec: Codec, c: number): number {
  const table = tables[codec];
  let v = table[c]!;
  if (v === 0) {
    const b = iconv.encode(String.fromCharCode(c), codec);
    if (b.length < 1 || b.length > 2) throw new Error(`unexpected ${codec} encoding of U+${c.toString(16)}`);
    v = b.length === 1 ? (1 << 16) | b[0]! : (2 << 16) | (b[0]! << 8) | b[1]!;
    table[c] = v;
  }
  return v;
}

let scratch = new Uint8Array(1024);

/** The bytes of s[from, to) in `codec` (a view on a scratch buffer, valid until the next call). */
export function encodeRange(s: string, from: number, to: number, codec: Codec): Uint8Array {
  if (scratch.length < (to - from) * 2) scratch = new Uint8Array((to - from) * 4);
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return iconv.encode(s.slice(from, to), codec);
    const v = codeOf(codec, c);
    if (v >>> 16 === 2) scratch[n++] = (v >>> 8) & 0xff;
    scratch[n++] = v & 0xff;
  }
  return scratch.subarray(0, n);
}
