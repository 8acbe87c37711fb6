// Seed-derived text in the page's static HTML. escapeHtml keeps control and bidi characters
// out of the file as raw bytes (numeric references); the browser would still decode them and
// let a U+202E reorder a file name. So where text is shown, each invisible character becomes
// a visible U+XXXX label instead (the page script does the same for what it draws).
import { escapeHtml } from '../output/escape.js';

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;
const code = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Element content: escaped, invisible characters as labelled badges. */
export function showText(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(INVISIBLE)) {
    const c = code(m[0]);
    out += `${escapeHtml(s.slice(last, m.index))}<span class="cc" title="invisible or control character ${c}">${c}</span>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(s.slice(last));
}

/** Plain-text contexts (option labels, SVG text): invisible characters as [U+XXXX]. */
export function showPlain(s: string): string {
  return escapeHtml(s.replace(INVISIBLE, (c) => `[${code(c)}]`));
}
