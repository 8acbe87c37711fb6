// Seed text is untrusted: every string that reaches HTML goes through escapeHtml.
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => HTML[c]!);
}

/** For terminal output: control characters (ANSI escapes, bidi overrides) shown as \u{…}. */
export function escapeTerminal(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * JSON for a `<script type="application/json">` block: every `<` becomes \u003c, so seed
 * text cannot close the element (`</script>`) or open an HTML comment (`<!--`) inside it.
 * JSON.parse reads the escape back as `<`.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</gu, '\\u003c');
}
