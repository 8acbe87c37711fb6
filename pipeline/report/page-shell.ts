// The page around the content: a strict Content-Security-Policy that allows exactly the one
// stylesheet and the one script of this page (by their sha256, computed from the bytes we
// write), nothing remote, no inline handlers, no eval, and Trusted Types so the script
// cannot feed strings to an HTML parser. Works from file:// because nothing is loaded.
import { createHash } from 'node:crypto';
import { escapeHtml as h } from '../output/escape.js';

export const sha256Base64 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256Base64(script)}'`,
    `style-src 'sha256-${sha256Base64(style)}'`,
    'img-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

export interface Shell {
  title: string;
  style: string;
  body: string;
  /** JSON the script reads at once (already escaped with jsonForScript), placed before it. */
  data: string;
  script: string;
  /** JSON read later (per-file details), placed after the script: the page is interactive
   *  while these are still being parsed. In pieces: at 100,000 files it is hundreds of MB. */
  lateData: Iterable<string>;
}

export function* pageShell(p: Shell): Generator<string> {
  if (/<\/script/iu.test(p.script) || /<\/style/iu.test(p.style)) throw new Error('report script or style would close its own element');
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(contentSecurityPolicy(p.script, p.style))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${h(p.title)}</title>
<link rel="icon" href="data:,">
<style>${p.style}</style>
</head>
<body>
${p.body}
${p.data}
<script>${p.script}</script>
`;
  yield* p.lateData;
  yield `
</body>
</html>
`;
}
