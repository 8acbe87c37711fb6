// Site furniture kept by the scrape: boilerplate lines (新闻中心, 论文部分内容阅读, footers),
// previous/next navigation, and visit counters. The page model (pipeline/page.ts) classifies
// the lines; these rules report them, adjacent furniture lines together, so a page with a
// ten-line footer gets one span, not ten.
import { codePointLength, evidenceIn, type LineKind, type Page } from '../../page.js';
import type { SeedFile } from '../../seed-file.js';
import type { Evidence } from '../../types.js';
import { checkedLines, secondCopies } from '../repeated-blocks.js';
import type { QualityRule } from '../rule.js';
import { linesEvidence } from '../text.js';

/** A lone `|` is classified as boilerplate by the page model; noise/stray-pipe reports it. */
const LONE_PIPE = /^[\s\u200b]*[|｜][\s\u200b]*$/u;

interface Run {
  evidence: Evidence;
  lines: number;
  first: string;
}

/** Runs of adjacent lines of `kind` (blank lines between them allowed), outside second copies. */
function runsOf(file: SeedFile, kind: LineKind): Run[] {
  const page: Page = file.page;
  const lines = page.lines;
  const skip = secondCopies(file);
  const counts = (i: number): boolean => lines[i]!.kind === kind && !LONE_PIPE.test(lines[i]!.text) && !skip.has(i);
  const runs: Run[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!counts(i)) continue;
    let end = i;
    for (let j = i + 1; j < lines.length; j += 1) {
      if (counts(j)) end = j;
      else if (lines[j]!.kind !== 'blank') break;
    }
    let n = 0;
    for (let j = i; j <= end; j += 1) if (counts(j)) n += 1;
    runs.push({ evidence: linesEvidence(page, i, end), lines: n, first: lines[i]!.text.trim() });
    i = end;
  }
  return runs;
}

const describe = (r: Run): string => (r.lines === 1 ? `"${r.first}"` : `${r.lines} lines from "${r.first}"`);

export const boilerplate: QualityRule = {
  id: 'noise/boilerplate',
  description: 'Site furniture kept by the scrape: section names (新闻中心), aggregator banners (论文部分内容阅读), breadcrumbs, share/print buttons, footers.',
  tags: ['noise'],
  severity: 'warning',
  rationale: 'No threshold: the lines the page model classifies as boilerplate (pipeline/page.ts patterns, short lines only). One message per file, with each block of adjacent furniture lines as a span.',
  check(file, report) {
    if (file.binary) return;
    // One message per file: a portal page has furniture at the top and at the bottom, and
    // that is one problem (the scrape kept the page chrome), shown as one span per block.
    const runs = runsOf(file, 'boilerplate');
    if (runs.length === 0) return;
    const lines = runs.reduce((n, r) => n + r.lines, 0);
    report({
      message: `site boilerplate: ${runs.map(describe).join('; ')}`,
      measured: lines,
      at: runs[0]!.evidence,
      related: runs.slice(1).map((r) => r.evidence),
    });
  },
};

export const navigation: QualityRule = {
  id: 'noise/navigation',
  description: 'Previous/next-article navigation (上一篇 / 下一篇, 返回顶部) kept by the scrape.',
  tags: ['noise'],
  severity: 'warning',
  rationale: 'No threshold: lines the page model classifies as navigation (they start with 上一篇, 下一篇, 返回顶部 …).',
  check(file, report) {
    if (file.binary) return;
    for (const r of runsOf(file, 'nav')) report({ message: `page navigation: ${describe(r)}`, measured: r.lines, at: r.evidence });
  },
};

/** Visit counters: 访问:0, 访问量：199, 阅读(123), 浏览次数: 5, 123次阅读. */
const COUNTER_G = /(?:访问(?:量|次数)?|浏览(?:次数|量)?|点击(?:数|量|率)?|阅读(?:量|数)?|人气)\s*[:：]\s*\d[\d,]*(?:\s*次)?|(?:阅读|浏览|点击)\s*[（(]\s*\d[\d,]*\s*[)）]|\d[\d,]*\s*次(?:阅读|浏览|点击)/gu;
/** Counters sit in short page-header lines; in a long paragraph the words are prose. */
const MAX_LINE = 120;

export const counter: QualityRule = {
  id: 'noise/counter',
  description: 'A visit/read counter from the page header (访问:0, 阅读(123), 浏览次数:5).',
  tags: ['noise'],
  severity: 'warning',
  rationale: `No threshold: a counter pattern in a line of at most ${MAX_LINE} characters (page-header length); one diagnostic per counter.`,
  check(file, report) {
    if (file.binary) return;
    for (const line of checkedLines(file)) {
      if (line.text.length > MAX_LINE && codePointLength(line.text) > MAX_LINE) continue;
      COUNTER_G.lastIndex = 0;
      for (let m = COUNTER_G.exec(line.text); m !== null; m = COUNTER_G.exec(line.text)) {
        report({ message: `visit counter "${m[0]}" is page furniture, not part of the document`, at: evidenceIn(line, m.index, m[0]) });
      }
    }
  },
};
