// The top of the page: the corpus at a glance, the most frequent problems, and the
// corpus-level checks (INDEX.md, duplicate files) with links into the file details.
import { escapeHtml as h } from '../output/escape.js';
import type { Manifest } from '../output/manifest.js';
import type { Diagnostic, Severity } from '../types.js';
import { isIndexDiagnostic, type CorpusLinks } from './corpus-links.js';
import { clip } from './spans.js';
import { showText } from './text.js';

const fmt = new Intl.NumberFormat('en-US');
/** Corpus tables show this many rows; the rest are in manifest.json. */
const CORPUS_ROWS = 500;

export const fileHref = (file: string): string => `#file=${encodeURIComponent(file)}`;
export const fileLink = (file: string): string => `<a href="${h(fileHref(file))}" class="file">${showText(file)}</a>`;

const SEVERITY_SYMBOL: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };
export const severityBadge = (s: Severity): string => `<span class="sev sev-${s}"><span aria-hidden="true">${SEVERITY_SYMBOL[s]}</span> ${s}</span>`;

export function summaryCards(m: Manifest): string {
  const s = m.summary;
  const filesWith = (sev: Severity): number => m.records.filter((r) => r.quality.flags.some((d) => d.severity === sev)).length;
  const indexProblems = m.corpus.diagnostics.filter((d) => isIndexDiagnostic(d) && d.severity !== 'info').length;
  const indexText =
    s.index === 'consistent'
      ? '<span aria-hidden="true">✔</span> consistent'
      : s.index === 'missing'
        ? '<span aria-hidden="true">✖</span> missing'
        : `<span aria-hidden="true">✖</span> inconsistent`;
  const files = (n: number): string => `${fmt.format(n)} file${n === 1 ? '' : 's'}`;
  const card = (cls: string, label: string, value: string, sub = ''): string =>
    `<div class="card ${cls}"><dt>${label}</dt><dd><span class="big">${value}</span>${sub ? `<span class="sub">${sub}</span>` : ''}</dd></div>`;
  return `<dl class="cards">
${card('', 'Files', fmt.format(s.files), `${fmt.format(m.records.filter((r) => r.quality.flags.length === 0).length)} without problems`)}
${card(s.errors ? 'is-error' : 'is-ok', 'Errors', fmt.format(s.errors), s.errors ? `in ${files(filesWith('error'))}` : 'nothing blocks CI')}
${card(s.warnings ? 'is-warning' : '', 'Warnings', fmt.format(s.warnings), s.warnings ? `in ${files(filesWith('warning'))}` : 'none')}
${card('', 'Mean quality score', s.meanScore === null ? '–' : `${s.meanScore}`, 'out of 100')}
${card(s.index === 'consistent' ? 'is-ok' : 'is-error', 'INDEX.md', indexText, s.index === 'inconsistent' ? `${fmt.format(indexProblems)} problems` : s.index === 'missing' ? 'not found' : 'matches the files')}
</dl>`;
}

/** Rule ids by how many files they flag: what to fix first. */
export function ruleTable(m: Manifest): string {
  const rules = new Map<string, { files: number; count: number; sev: Record<Severity, number> }>();
  const add = (d: Diagnostic, file: boolean, seen: Set<string>): void => {
    const r = rules.get(d.ruleId) ?? { files: 0, count: 0, sev: { error: 0, warning: 0, info: 0 } };
    r.count += 1;
    r.sev[d.severity] += 1;
    if (file && !seen.has(d.ruleId)) {
      r.files += 1;
      seen.add(d.ruleId);
    }
    rules.set(d.ruleId, r);
  };
  for (const rec of m.records) {
    const seen = new Set<string>();
    for (const d of rec.quality.flags) add(d, true, seen);
  }
  for (const d of m.corpus.diagnostics) add(d, false, new Set());
  if (rules.size === 0) return '<p class="ok-note"><span aria-hidden="true">✔</span> No problems found in any file.</p>';
  const order: Severity[] = ['error', 'warning', 'info'];
  const worst = (sev: Record<Severity, number>): Severity => order.find((s) => sev[s] > 0) ?? 'info';
  const rows = [...rules.entries()]
    .sort(([ka, a], [kb, b]) => order.indexOf(worst(a.sev)) - order.indexOf(worst(b.sev)) || b.files - a.files || b.count - a.count || (ka < kb ? -1 : 1))
    .map(([id, r]) => {
      const show = r.files > 0 ? `<button type="button" class="btn btn-small" data-filter="rule" data-value="${h(id)}" aria-label="show files flagged by ${h(id)} (${r.files})">show files</button>` : '<span class="muted">corpus</span>';
      return `<tr><td>${severityBadge(worst(r.sev))}</td><td><code>${showText(id)}</code></td><td class="num">${fmt.format(r.files)}</td><td class="num">${fmt.format(r.count)}</td><td>${show}</td></tr>`;
    });
  return `<table class="grid rules"><caption class="sr-only">Problems by rule</caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col" class="num">Files</th><th scope="col" class="num">Occurrences</th><th scope="col"><span class="sr-only">Filter</span></th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function more(total: number): string {
  return total > CORPUS_ROWS ? `<p class="muted">Showing the first ${fmt.format(CORPUS_ROWS)} of ${fmt.format(total)}; all are in manifest.json.</p>` : '';
}

function indexSection(m: Manifest, links: CorpusLinks): string {
  const list = m.corpus.diagnostics.filter(isIndexDiagnostic);
  const status =
    m.summary.index === 'consistent'
      ? '<p class="ok-note"><span aria-hidden="true">✔</span> INDEX.md lists every file, and every row agrees with what was detected.</p>'
      : m.summary.index === 'missing'
        ? '<p class="bad-note"><span aria-hidden="true">✖</span> INDEX.md is missing.</p>'
        : '';
  if (list.length === 0) return status;
  const rows = list.slice(0, CORPUS_ROWS).map((d) => {
    const file = links.fileOfIndexDiagnostic.get(d);
    const where = d.line !== undefined ? `${showText(d.file)}:${d.line}` : showText(d.file);
    return `<tr><td class="nowrap">${where}</td><td>${severityBadge(d.severity)}</td><td><code>${showText(d.ruleId)}</code></td><td>${file ? fileLink(file) : '<span class="muted">—</span>'}</td><td lang="zh-CN" class="seed">${d.actual !== undefined ? showText(clip(d.actual, 160)) : '<span class="muted">—</span>'}</td><td lang="zh-CN" class="seed">${d.expected !== undefined ? showText(clip(d.expected, 160)) : '<span class="muted">—</span>'}</td><td class="seed">${showText(clip(d.message, 400))}</td></tr>`;
  });
  return `${status}<div class="scroll"><table class="grid index-table"><caption class="sr-only">INDEX.md problems</caption>
<thead><tr><th scope="col">Where</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">File</th><th scope="col">INDEX.md says</th><th scope="col">Detected / expected</th><th scope="col">Message</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>${more(list.length)}`;
}

function duplicatesSection(m: Manifest, links: CorpusLinks): string {
  const link = (f: string): string => {
    const r = links.resolve(f);
    return r ? fileLink(r) : `<code>${showText(f)}</code>`;
  };
  const parts: string[] = [];
  const { duplicates, nearDuplicates } = m.corpus;
  if (duplicates.length) {
    parts.push(`<h4>Identical files</h4><ul class="dups">${duplicates
      .slice(0, CORPUS_ROWS)
      .map((g) => `<li>${g.files.map(link).join(' = ')} <span class="muted">sha256 ${h(g.sha256.slice(0, 12))}…</span></li>`)
      .join('')}</ul>${more(duplicates.length)}`);
  }
  if (nearDuplicates.length) {
    const sorted = [...nearDuplicates].sort((a, b) => b.similarity - a.similarity);
    parts.push(`<h4>Near-duplicate files</h4><table class="grid"><caption class="sr-only">Near-duplicate pairs</caption><thead><tr><th scope="col">File</th><th scope="col">File</th><th scope="col" class="num">Similarity</th></tr></thead><tbody>${sorted
      .slice(0, CORPUS_ROWS)
      .map((n) => `<tr><td>${link(n.a)}</td><td>${link(n.b)}</td><td class="num">${n.similarity.toFixed(2)}</td></tr>`)
      .join('')}</tbody></table>${more(nearDuplicates.length)}`);
  }
  if (!parts.length) return '<p class="ok-note"><span aria-hidden="true">✔</span> No identical or near-duplicate files.</p>';
  return parts.join('\n');
}

function otherCorpusSection(m: Manifest): string {
  const list = m.corpus.diagnostics.filter((d) => !isIndexDiagnostic(d));
  if (!list.length) return '';
  return `<h4>Other corpus problems</h4><ul class="diag-list">${list
    .slice(0, CORPUS_ROWS)
    .map((d) => `<li>${severityBadge(d.severity)} <code>${showText(d.file)}${d.line !== undefined ? `:${d.line}` : ''}</code> <span class="seed">${showText(clip(d.message, 400))}</span> <code class="rule">${showText(d.ruleId)}</code></li>`)
    .join('')}</ul>${more(list.length)}`;
}

/** Problems by rule beside duplicate files, then INDEX.md across the page (its table is wide). */
export function corpusSection(m: Manifest, links: CorpusLinks): string {
  return `<section id="corpus" aria-labelledby="corpus-h">
<h2 id="corpus-h">Problems and corpus checks</h2>
<div class="two">
<div>
<h3>Problems by rule</h3>
${ruleTable(m)}
</div>
<div>
<h3>Duplicate files</h3>
${duplicatesSection(m, links)}
${otherCorpusSection(m)}
</div>
</div>
<h3>INDEX.md</h3>
${indexSection(m, links)}
</section>`;
}
