// Seed text is untrusted: every string that reaches HTML goes through escapeHtml.
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters that must not reach an output raw, though they are not markup: C0 controls (but
 * tab and line breaks), DEL and C1 controls (a terminal that prints the file acts on ESC and
 * CSI), bidi controls and marks (they reorder what a reader sees), and the line and paragraph
 * separators. JSON.stringify escapes C0 but leaves the rest raw.
 */
const INERT_HTML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/** Those that JSON.stringify leaves raw; all in the BMP, so the regexes need no /u (faster). */
const INERT_IN_JSON = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const INERT_JSON = new RegExp(`[${INERT_IN_JSON}]`, 'g');
/** …and `<`, for JSON inside a script element. */
const SCRIPT_JSON = new RegExp(`[<${INERT_IN_JSON}]`, 'g');
const jsonEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => HTML[c]!).replace(INERT_HTML, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

/**
 * JSON text from JSON.stringify with the characters above as \uXXXX escapes: the same data
 * (JSON.parse reads it back unchanged), but bytes a terminal, an editor or a log viewer shows
 * as they are. Safe on the whole text: these characters can only occur inside strings.
 */
export function escapeJsonText(json: string): string {
  return json.replace(INERT_JSON, jsonEscape);
}

/** For terminal output: control characters (ANSI escapes, bidi overrides) shown as \u{…}. */
export function escapeTerminal(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * JSON for a `<script type="application/json">` block: every `<` becomes \u003c, so seed
 * text cannot close the element (`</script>`) or open an HTML comment (`<!--`) inside it.
 * JSON.parse reads the escape back as `<`.
 */
export function jsonForScript(value: unknown): string {
  // One pass for `<` and the inert characters (the 50 MB of a 10,000-file report).
  return JSON.stringify(value).replace(SCRIPT_JSON, jsonEscape);
}
