// Character classes for the single-pass scanners of the quality rules, answered by the
// same regexes the rules are defined with (so they follow Node's Unicode tables) and
// cached per BMP code unit: the scanners ask once per character of every file.

const HAN_RE = /^\p{Script=Han}$/u;

/** A per-code-unit cache of `re`: 0 not yet asked, 1 no, 2 yes. */
function cachedClass(re: RegExp): (c: number) => boolean {
  const cache = new Uint8Array(0x10000);
  return (c) => {
    let v = cache[c]!;
    if (v === 0) {
      v = re.test(String.fromCharCode(c)) ? 2 : 1;
      cache[c] = v;
    }
    return v === 2;
  };
}

const hanBmp = cachedClass(HAN_RE);

/** True when code point cp is \p{Script=Han}. */
export function isHan(cp: number): boolean {
  if (cp < 0x2e80) return false; // nothing below is Han: keeps ASCII and Latin off the table
  return cp <= 0xffff ? hanBmp(cp) : HAN_RE.test(String.fromCodePoint(cp));
}

/** True when UTF-16 code unit c is matched by \s (astral code points never are): ECMAScript's
 *  WhiteSpace and LineTerminator, spelled out because this runs on every character of a file. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x2000) return c === 0xa0 || c === 0x1680;
  return c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The code point at UTF-16 index i of s (a lone surrogate is itself), without a bounds check on i. */
export function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}
