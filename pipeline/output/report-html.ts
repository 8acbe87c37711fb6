// The HTML quality report: one self-contained offline page. Everything from the seeds is
// escaped; the Content-Security-Policy forbids scripts, remote loads and inline handlers.
import type { Manifest } from './manifest.js';
import { escapeHtml as h } from './escape.js';
import type { Diagnostic } from '../types.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function diagList(list: Diagnostic[]): string {
  if (list.length === 0) return '<span class="ok">no problems</span>';
  return `<ul class="diags">${list
    .map(
      (d) =>
        `<li class="${d.severity}"><span class="sev">${d.severity}</span> ${d.line ? `<span class="loc">${d.line}:${d.column ?? 1}</span> ` : ''}${h(d.message)} <code>${h(d.ruleId)}</code></li>`,
    )
    .join('')}</ul>`;
}

export function renderReport(m: Manifest): string {
  const s = m.summary;
  const rows = m.records
    .map((r) => {
      const region = r.region?.scope === 'national' ? '全国' : [r.region?.province?.name, r.region?.prefecture?.name, r.region?.county?.name].filter(Boolean).join(' ');
      return `<tr><td><code>${h(r.file)}</code></td><td>${h(r.sourceType?.value ?? '')}</td><td>${h(r.title?.value ?? '')}</td><td>${h(r.date?.value ?? '')}</td><td>${h(r.author?.name ?? (r.author?.anonymous ? '(anonymous)' : ''))}</td><td>${h(region)}</td><td class="num">${r.quality.score}</td><td>${diagList(r.quality.flags)}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>seedcheck report: ${h(m.seeds)}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.num{text-align:right}.diags{margin:0;padding-left:1rem}.error .sev{color:#b00020;font-weight:600}.warning .sev{color:#8a5a00;font-weight:600}
.info .sev{color:#555}.ok{color:#2e7d32}.loc{font-family:monospace;color:#555}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}
</style>
</head>
<body>
<h1>seedcheck report</h1>
<dl>
<dt>seeds</dt><dd>${h(m.seeds)}</dd>
<dt>files</dt><dd>${s.files}</dd>
<dt>errors</dt><dd>${s.errors}</dd>
<dt>warnings</dt><dd>${s.warnings}</dd>
<dt>mean quality score</dt><dd>${s.meanScore ?? '–'}</dd>
<dt>INDEX.md</dt><dd>${s.index}</dd>
</dl>
<h2>Files</h2>
<table>
<thead><tr><th>file</th><th>type</th><th>title</th><th>date</th><th>author</th><th>region</th><th>score</th><th>diagnostics</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Corpus</h2>
${diagList(m.corpus.diagnostics)}
<footer><p>seedcheck ${h(m.tool.version)}</p></footer>
</body>
</html>
`;
}
