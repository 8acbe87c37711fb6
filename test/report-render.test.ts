// The report's HTML without a browser: CSP hashes, escaping of untrusted text, excerpts,
// spans, charts, corpus links, determinism and size at 10,000 files.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { jsonForScript } from '../pipeline/output/escape.js';
import { renderReport } from '../pipeline/output/report-html.js';
import { packageRoot } from '../pipeline/paths.js';
import { barChart, provinceChart } from '../pipeline/report/charts.js';
import { linkCorpus } from '../pipeline/report/corpus-links.js';
import { ROW_KEYS, type DetailData, type EvidenceData, type RowColumns, type RowData } from '../pipeline/report/data.js';
import { buildExcerpt, EXCERPT_BUDGET, excerptCovers, type Excerpt } from '../pipeline/report/excerpt.js';
import { spanOfDiagnostic, spanOfEvidence } from '../pipeline/report/spans.js';
import { showPlain, showText } from '../pipeline/report/text.js';
import { FILES, fixtureManifest, HOSTILE_TEXT, HOSTILE_TITLE, manifestOf, NEWS_TEXT, recordOf, syntheticManifest } from './helpers/report-fixture.js';

const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

function scripts(html: string): { attrs: string; body: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gu)].map((m) => ({ attrs: m[1]!, body: m[2]! }));
}

function detailsOf(html: string): DetailData[] {
  return scripts(html)
    .filter((s) => /id="d-\d+"/u.test(s.attrs))
    .map((s) => JSON.parse(s.body) as DetailData);
}

function rowsOf(html: string): RowData[] {
  const s = scripts(html).find((x) => x.attrs.includes('id="report-rows"'));
  assert.ok(s, 'rows block present');
  const cols = JSON.parse(s.body) as RowColumns;
  assert.deepEqual(Object.keys(cols), [...ROW_KEYS]);
  return cols.f.map((_, i) => Object.fromEntries(ROW_KEYS.map((k) => [k, cols[k][i]])) as unknown as RowData);
}

const cps = (s: string): number => Array.from(s).length;
const excerptSize = (ex: Excerpt): number => ex.reduce((n, [, , parts]) => n + parts.reduce((k, [, t]) => k + cps(t), 0), 0);

describe('report page shell', () => {
  const html = renderReport(fixtureManifest());

  it('allows exactly its own script and stylesheet by sha256, and nothing remote', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)?.[1]?.replace(/&#39;/gu, "'");
    assert.ok(csp, 'CSP meta present');
    const exec = scripts(html).filter((s) => !s.attrs.includes('type="application/json"'));
    assert.equal(exec.length, 1, 'one executable script');
    assert.equal(exec[0]!.attrs, '', 'the script is inline, with no src');
    assert.match(csp, new RegExp(`script-src 'sha256-${sha(exec[0]!.body).replace(/[+/]/gu, '\\$&')}'`, 'u'));
    const style = /<style>([\s\S]*?)<\/style>/u.exec(html)![1]!;
    assert.ok(csp.includes(`style-src 'sha256-${sha(style)}'`));
    assert.match(csp, /default-src 'none'/u);
    assert.match(csp, /require-trusted-types-for 'script'/u);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/u);
    // Markup outside the JSON data blocks (whose `<` are all escaped, see below).
    const markup = html.replace(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/gu, '');
    assert.doesNotMatch(markup, /\sstyle="/u, 'no style attributes (the CSP would block them)');
    assert.doesNotMatch(markup, /\son[a-z]+=/u, 'no inline event handlers');
    assert.doesNotMatch(markup, /\b(?:src|href)="(?:https?:|\/\/)/u, 'no remote loads');
  });

  it('never writes untrusted seed text as markup', () => {
    for (const raw of ['<script>window.__xss', '<img src=x', '<svg onload', '</script><!--', '"><img', '<b>javascript']) {
      assert.equal(html.includes(raw), false, `raw "${raw}" must not appear in the page`);
    }
    assert.equal(html.includes('<!--'), false, 'no comment opener anywhere');
    // Every script element closes where it was meant to: the JSON blocks parse whole.
    const rows = rowsOf(html);
    assert.equal(rows.find((r) => r.f === FILES.hostile)?.ti, HOSTILE_TITLE, 'the hostile title survives the round trip');
    assert.equal(detailsOf(html).length, rows.length);
    assert.ok(html.includes('&lt;b&gt;javascript:alert(1)&lt;/b&gt;'), 'INDEX values are escaped in the corpus table');
  });

  it('jsonForScript escapes every < so seed text cannot close the block', () => {
    const s = jsonForScript({ t: '</script><!--<script>' });
    assert.equal(s.includes('<'), false);
    assert.deepEqual(JSON.parse(s), { t: '</script><!--<script>' });
  });

  it('is deterministic', () => {
    assert.equal(renderReport(fixtureManifest()), html);
  });

  it('shows the summary, the four charts and INDEX disagreements side by side', () => {
    for (const id of ['chart-type', 'chart-region', 'chart-year', 'chart-score']) assert.ok(html.includes(`id="${id}"`), id);
    assert.match(html, /<dt>Files<\/dt><dd><span class="big">6<\/span>/u);
    assert.match(html, /inconsistent/u);
    const row = /<tr><td class="nowrap">seeds\/INDEX\.md:14<\/td>[\s\S]*?<\/tr>/u.exec(html)?.[0] ?? '';
    assert.ok(row.includes(`#file=${FILES.news}`), 'INDEX row links to its file');
    assert.ok(row.indexOf('2022-11-23') < row.indexOf('2022-11-24'), 'INDEX value, then the detected one');
  });
});

describe('invisible characters', () => {
  it('never reach the page as raw bytes, and show as labels where text is shown', () => {
    assert.equal(showText('a\u202eb<'), 'a<span class="cc" title="invisible or control character U+202E">U+202E</span>b&lt;');
    assert.equal(showPlain('\u001b[31m'), '[U+001B][31m');
    const evil = '\u202etxt.exe.txt';
    const ansi = '\u001b[31mred.txt';
    const records = [recordOf({ file: evil, text: `标题\u200f\n正文\u0085。` }), recordOf({ file: ansi, text: '正文' })];
    const html = renderReport(
      manifestOf({
        records,
        nearDuplicates: [{ a: evil, b: ansi, similarity: 0.9 }],
        corpusDiagnostics: [{ file: 'seeds/INDEX.md', line: 3, ruleId: 'index/missing-row', severity: 'error', message: `${evil} has no row`, actual: evil }],
      }),
    );
    assert.equal(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u.exec(html), null);
    assert.ok(html.includes('U+202E</span>txt.exe.txt</a>'), 'the file name link shows the override as a label');
    assert.deepEqual(rowsOf(html).map((r) => r.f).sort(), [evil, ansi].sort(), 'the data keeps the exact names');
  });
});

describe('report details data', () => {
  const html = renderReport(fixtureManifest());
  const details = new Map(detailsOf(html).map((d) => [d.f, d]));

  it('marks every detected field and diagnostic span inside the kept text', () => {
    const news = details.get(FILES.news)!;
    const lines = new Map(news.ex.map((l) => [l[0], l]));
    const evs: EvidenceData[] = [...news.fields.flatMap((f) => (f.ev ? [f.ev] : [])), ...news.diags.flatMap((g) => (g.ev ? [g.ev] : []))];
    assert.equal(evs.length, 5 + 4, 'type, title, date, author, region + four problems');
    for (const e of evs) {
      assert.equal(e[4], undefined, `span ${e.join(',')} is in the excerpt, so no separate text`);
      assert.ok(excerptCovers(lines, [e[0], e[1], e[2], e[3]]));
    }
    const title = news.fields.find((f) => f.k === 'title')!;
    const [, c1, , c2] = title.ev!;
    const line2 = NEWS_TEXT.split('\n')[1]!;
    assert.equal(Array.from(line2).slice(c1 - 1, c2 - 1).join(''), title.v);
  });

  it('links INDEX disagreements and near-duplicate partners to their files', () => {
    assert.deepEqual(details.get(FILES.news)!.index?.map((x) => [x.index, x.detected]), [['2022-11-23', '2022-11-24']]);
    assert.deepEqual(details.get(FILES.forumA)!.partners, [{ f: FILES.forumB, how: 'near-duplicate, similarity 0.93' }]);
    assert.deepEqual(details.get(FILES.forumB)!.partners, [{ f: FILES.forumA, how: 'near-duplicate, similarity 0.93' }]);
  });

  it('carries evidence text itself when the seed text was not kept', () => {
    const rec = recordOf({ file: '200_aaaaaaaaaaaaaaaa.txt', text: NEWS_TEXT, title: '关于加快推进市域社会治理现代化的思考' });
    delete rec.excerpt;
    const out = renderReport(manifestOf({ records: [rec] }));
    const d = detailsOf(out)[0]!;
    assert.equal(d.noText, 1);
    assert.deepEqual(d.fields.find((f) => f.k === 'title')!.ev, [2, 1, 2, 19, '关于加快推进市域社会治理现代化的思考']);
  });

  it('past the details cap, files keep only what identifies them, and every file keeps its block', () => {
    const m = fixtureManifest();
    const all = detailsOf(renderReport(m, { detailsBudget: 1, detailsCap: 1 }));
    assert.equal(all.length, m.records.length);
    assert.equal(all[0]!.omitted, undefined, 'the first file still fits');
    for (const d of all.slice(1)) {
      assert.equal(d.omitted, 1);
      assert.deepEqual([d.fields, d.diags, d.ex], [[], [], []]);
    }
    assert.ok(detailsOf(renderReport(m)).every((d) => d.omitted === undefined), 'a small corpus has every detail');
  });

  it('goes lean past the details budget, still holding every remaining span', () => {
    const lean = detailsOf(renderReport(fixtureManifest(), { detailsBudget: 1 }));
    assert.ok(html.length > 0 && renderReport(fixtureManifest(), { detailsBudget: 1 }).includes('This corpus is large'));
    for (const d of lean) {
      const lines = new Map(d.ex.map((l) => [l[0], l]));
      for (const f of d.fields) for (const it of f.it ?? []) assert.equal(it.ev, undefined);
      for (const e of [...d.fields.flatMap((f) => (f.ev ? [f.ev] : [])), ...d.diags.flatMap((g) => (g.ev ? [g.ev] : []))]) {
        if (e[0] > 0 && e[4] === undefined) assert.ok(excerptCovers(lines, [e[0], e[1], e[2], e[3]]), `${d.f} ${e.join(',')}`);
      }
    }
  });
});

describe('excerpts', () => {
  it('keeps short lines whole, windows long ones, and adds the neighbouring lines', () => {
    const long = '甲'.repeat(500) + '目标' + '乙'.repeat(500);
    const lines = ['短标题', '', long, '下一行'];
    const ex = buildExcerpt(lines, { spans: [[3, 501, 3, 503]], headLines: 0 });
    assert.deepEqual(
      ex.map(([no, len, parts]) => [no, len, parts.map(([s, t]) => [s, cps(t)])]),
      [
        [1, 3, [[1, 3]]],
        [3, 1002, [[471, 62]]],
        [4, 3, [[1, 3]]],
      ],
    );
    assert.ok(ex[1]![2][0]![1].includes('目标'));
  });

  it('counts columns in code points (astral characters)', () => {
    const line = '𠀀𠀁𠀂关键证据在此';
    assert.equal(line.length, 12, 'three surrogate pairs');
    const ex = buildExcerpt([line], { spans: [[1, 4, 1, 8]], headLines: 0 });
    assert.deepEqual(ex, [[1, 9, [[1, line]]]]);
    const long = `${'𠀀'.repeat(200)}关键证据${'文'.repeat(200)}`;
    const [[, len, [[start, text]]]] = buildExcerpt([long], { spans: [[1, 201, 1, 205]], headLines: 0 }) as [[number, number, [[number, string]]]];
    assert.equal(len, 404);
    assert.equal(start, 171);
    assert.equal(Array.from(text).slice(30, 34).join(''), '关键证据');
    const e = spanOfEvidence({ line: 1, column: 4, text: '关键证据' });
    assert.deepEqual(e, [1, 4, 1, 8]);
  });

  it('keeps the two ends of a very long span and stays within its budget', () => {
    const line = 'x'.repeat(10_000);
    const ex = buildExcerpt([line], { spans: [[1, 100, 1, 9_000]], headLines: 0 });
    assert.deepEqual(ex[0]![2].map(([s, t]) => [s, t.length]), [[70, 120], [8_910, 120]]);
    const many = Array.from({ length: 400 }, (_, i) => `第${i}行`.padEnd(300, '文'));
    const big = buildExcerpt(many, { spans: many.map((_, i): [number, number, number, number] => [i + 1, 10, i + 1, 40]) });
    assert.ok(excerptSize(big) <= EXCERPT_BUDGET, `${excerptSize(big)} ≤ ${EXCERPT_BUDGET}`);
    assert.ok(excerptSize(big) > EXCERPT_BUDGET * 0.8, 'the budget is used, not wasted');
  });

  it('handles a 5 MB single line quickly', () => {
    const line = '文'.repeat(5_000_000);
    const t0 = performance.now();
    const ex = buildExcerpt([line], { spans: [[1, 4_999_990, 1, 4_999_995]] });
    assert.ok(performance.now() - t0 < 500);
    assert.ok(excerptSize(ex) < 200);
  });
});

describe('spans', () => {
  it('turns diagnostics into [line, column, endLine, endColumn)', () => {
    const base = { file: 'f', ruleId: 'r', severity: 'warning' as const, message: 'm' };
    assert.equal(spanOfDiagnostic(base), null);
    assert.deepEqual(spanOfDiagnostic({ ...base, line: 3 }), [3, 1, 3, Number.MAX_SAFE_INTEGER]);
    assert.deepEqual(spanOfDiagnostic({ ...base, line: 3, column: 5, endLine: 4, endColumn: 2 }), [3, 5, 4, 2]);
    assert.deepEqual(spanOfDiagnostic({ ...base, line: 3, column: 5, evidence: '一二\n三' }), [3, 5, 4, 2]);
    assert.deepEqual(spanOfDiagnostic({ ...base, line: 3, column: 5, endLine: 3, endColumn: 5 }), [3, 5, 3, 6]);
  });
});

describe('charts', () => {
  it('print each bar label and value, so they read without colour', () => {
    const svg = barChart('c', 'Files by type', [{ label: 'news', value: 3, filter: { key: 'type', value: 'news' } }, { label: '<b>', value: 1 }]);
    assert.match(svg, />news<\/text>/u);
    assert.match(svg, />3 \(75%\)<\/text>/u);
    assert.match(svg, />&lt;b&gt;<\/text>/u);
    assert.match(svg, /<a href="#files" class="c-link" data-filter="type" data-value="news" aria-describedby="charts-hint">/u);
    assert.equal((svg.match(/<a /gu) ?? []).length, 1, 'only bars with a filter are links');
  });

  it('folds a long tail of provinces into one bar', () => {
    const pool = ['　　这是用于生成测试语料的一行正文内容，长度足够。'];
    const svg = provinceChart(syntheticManifest(400, { pool }));
    assert.match(svg, /more regions</u);
    assert.equal((svg.match(/class="c-bar"/gu) ?? []).length, 12 + 1 + 1);
  });
});

describe('corpus links', () => {
  it('find the seed file an INDEX diagnostic is about', () => {
    const m = fixtureManifest();
    const links = linkCorpus(m);
    assert.deepEqual([...links.indexByFile.keys()].sort(), [FILES.news, FILES.hostile].sort());
    assert.equal(links.resolve(`seeds/${FILES.paper}`), FILES.paper);
    assert.equal(links.resolve(`${FILES.paper}.`), FILES.paper);
    assert.equal(links.resolve('nothing.txt'), undefined);
  });
});

describe('report size', () => {
  it('stays under 25 MB for 10,000 generated files', () => {
    const pool = readdirSync(path.join(packageRoot, 'seeds'))
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(path.join(packageRoot, 'seeds', f), 'utf8').split('\n'));
    const html = renderReport(syntheticManifest(10_000, { pool }));
    const mb = Buffer.byteLength(html) / 1e6;
    assert.ok(mb < 25, `${mb.toFixed(1)} MB`);
    assert.equal(rowsOf(html).length, 10_000);
  });

  it('hostile text in a record stays text in the JSON', () => {
    const rec = recordOf({ file: '300_bbbbbbbbbbbbbbbb.txt', text: HOSTILE_TEXT, title: HOSTILE_TITLE });
    const html = renderReport(manifestOf({ records: [rec] }));
    assert.equal(html.includes('<script>window'), false);
    assert.equal(detailsOf(html)[0]!.ex.some(([, , parts]) => parts.some(([, t]) => t.includes(HOSTILE_TITLE))), true);
  });
});
