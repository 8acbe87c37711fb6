// The HTML quality report: one self-contained offline page. Static parts (summary, charts,
// corpus checks) are HTML written here with every string escaped; the files table and the
// per-file details are drawn by the page script from JSON blocks, so 10,000 files stay small
// and fast (details are parsed only when a file is opened).
import { escapeHtml as h, jsonForScript } from '../output/escape.js';
import type { Manifest } from '../output/manifest.js';
import { provinceChart, scoreChart, typeChart, yearChart } from './charts.js';
import { reportClient } from './client.js';
import { linkCorpus, type CorpusLinks } from './corpus-links.js';
import { detailOf, leanDetail, omittedDetail } from './details.js';
import { filterBar } from './filters.js';
import { pageShell } from './page-shell.js';
import { rowOf, toColumns } from './rows.js';
import { STYLES } from './styles.js';
import { showText } from './text.js';
import { corpusSection, summaryCards } from './summary.js';

export interface ReportOptions {
  /** Bytes of detail JSON above which details go lean (default DETAILS_BUDGET). */
  detailsBudget?: number;
  /** Bytes of detail JSON after which details are left out (default DETAILS_CAP). */
  detailsCap?: number;
}

/** Bytes of per-file detail JSON above which details go lean (see leanDetail): keeps a
 *  10,000-file report well under 25 MB even when every file is full of findings. */
export const DETAILS_BUDGET = 18_000_000;

/** Bytes of detail JSON after which files get only an `omitted` stub (names, size, hash): a
 *  100,000-file report would otherwise be ~400 MB, more than a browser opens. */
export const DETAILS_CAP = 60_000_000;

// The compiled function's own source, run once the page is parsed.
const SCRIPT = `"use strict";(${reportClient.toString()})();`;

const COLUMNS: [key: string, label: string, cls: string][] = [
  ['file', 'File', 'c-file'],
  ['type', 'Type', 'c-type'],
  ['title', 'Title', 'c-title'],
  ['date', 'Date', 'c-date'],
  ['author', 'Author', 'c-author'],
  ['region', 'Region', 'c-region'],
  ['score', 'Score', 'c-score'],
  ['problems', 'Problems', 'c-problems'],
];

function filesSection(m: Manifest, filters: string): string {
  const head = COLUMNS.map(([key, label, cls]) => `<th scope="col" class="${cls}${key === 'score' ? ' num' : ''}" aria-sort="none"><button type="button" data-sort="${key}">${label}</button></th>`).join('');
  return `<section id="files" aria-labelledby="files-h">
<h2 id="files-h">Files</h2>
${filters}
<p id="status" role="status" aria-live="polite">${m.records.length.toLocaleString('en-US')} files</p>
<div class="files-wrap">
<table class="grid" id="files-table">
<caption class="sr-only">Seed files; sort with the column buttons, open a file for its evidence and problems</caption>
<colgroup>${COLUMNS.map(([, , cls]) => `<col class="${cls}">`).join('')}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody id="rows"><tr><td colspan="8" class="empty">The table needs JavaScript to show the files.</td></tr></tbody>
</table>
</div>
<nav class="pager" aria-label="Table pages">
<button type="button" class="btn" id="pg-first">« First</button>
<button type="button" class="btn" id="pg-prev">‹ Previous</button>
<span id="pg-label">Page 1 of 1</span>
<button type="button" class="btn" id="pg-next">Next ›</button>
<button type="button" class="btn" id="pg-last">Last »</button>
<label>Rows per page <select id="pg-size"><option>25</option><option selected>50</option><option>100</option><option>200</option></select></label>
</nav>
</section>`;
}

const DIALOG = `<dialog id="detail" aria-labelledby="detail-title">
<div class="dlg-head">
<h2 id="detail-title">File</h2>
<span id="d-pos"></span>
<button type="button" class="btn" id="d-prev" aria-label="Previous file (left arrow)">‹ Previous</button>
<button type="button" class="btn" id="d-next" aria-label="Next file (right arrow)">Next ›</button>
<button type="button" class="btn" id="d-close">Close</button>
</div>
<div id="detail-body"></div>
</dialog>`;

export function renderReport(m: Manifest, opts: ReportOptions = {}): string {
  return [...reportPieces(m, opts)].join('');
}

/** One file's detail block; blocks are separated by line breaks. */
const block = (i: number, json: string): string => `${i ? '\n' : ''}<script type="application/json" id="d-${i}">${json}</script>`;

/**
 * The details, one block per file. Full details are kept until they pass the budget; past it
 * every file gets a lean one, made as it is written (so at most the budget is ever held), and
 * past the cap only what identifies the file.
 */
function detailBlocks(m: Manifest, links: CorpusLinks, budget: number, cap: number): { lean: boolean; blocks: Iterable<string> } {
  const full: string[] = [];
  let bytes = 0;
  for (const r of m.records) {
    const b = jsonForScript(detailOf(r, links, r.excerpt));
    bytes += Buffer.byteLength(b);
    if (bytes > budget) {
      const lean = function* (): Generator<string> {
        let written = 0;
        for (const [i, rec] of m.records.entries()) {
          const json = jsonForScript(written > cap ? omittedDetail(rec) : leanDetail(detailOf(rec, links, rec.excerpt)));
          written += Buffer.byteLength(json);
          yield block(i, json);
        }
      };
      return { lean: true, blocks: lean() };
    }
    full.push(b);
  }
  return { lean: false, blocks: full.map((b, i) => block(i, b)) };
}

/** renderReport in pieces, for writing without one giant string. */
export function reportPieces(m: Manifest, opts: ReportOptions = {}): Iterable<string> {
  const links = linkCorpus(m);
  const rows = m.records.map(rowOf);
  const { lean, blocks: details } = detailBlocks(m, links, opts.detailsBudget ?? DETAILS_BUDGET, opts.detailsCap ?? DETAILS_CAP);
  const data = `<script type="application/json" id="report-rows">${jsonForScript(toColumns(rows))}</script>`;
  const leanNote = lean
    ? '<p class="note">This corpus is large, so file details list fewer candidates and show less of the surrounding text; manifest.json has everything.</p>'
    : '';

  const body = `<a class="skip" href="#files">Skip to the files table</a>
<header class="top">
<h1>Seed corpus quality report</h1>
<p><code>${showText(m.seeds)}</code> · ${m.summary.files.toLocaleString('en-US')} files · seedcheck ${h(m.tool.version)} · config ${h(m.tool.configHash)}</p>
</header>
<main>
${leanNote}
<noscript><p class="bad-note">The files table and the per-file details need JavaScript; the summary, charts and corpus checks below are complete without it.</p></noscript>
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h" class="sr-only">Summary</h2>
${summaryCards(m)}
</section>
<section id="charts" aria-labelledby="charts-h">
<h2 id="charts-h">Corpus at a glance</h2>
<p class="muted" id="charts-hint">Select a bar to list those files in the table.</p>
<div class="charts">
${typeChart(m)}
${provinceChart(m)}
${yearChart(m)}
${scoreChart(m)}
</div>
</section>
${corpusSection(m, links)}
${filesSection(m, filterBar(rows))}
</main>
${DIALOG}
<footer><div class="wrap">Generated by seedcheck ${h(m.tool.version)} from <code>${showText(m.seeds)}</code>. Everything shown from the seeds is untrusted text and is displayed as text; the page loads nothing from the network.</div></footer>`;

  return pageShell({ title: `seedcheck report — ${m.seeds} (${m.summary.files} files)`, style: STYLES, body, data, script: SCRIPT, lateData: details });
}
