// Inline SVG bar charts, drawn at build time. Each bar carries its label and its value as
// text, so the chart reads without colour; a bar is a link that filters the files table.
import { escapeHtml as h } from '../output/escape.js';
import type { Manifest } from '../output/manifest.js';
import { NONE, scoreBuckets } from './filters.js';
import { showPlain } from './text.js';

export interface Bar {
  label: string;
  value: number;
  /** Table filter the bar applies when clicked: select name and value. */
  filter?: { key: string; value: string };
}

const WIDTH = 560;
const LABEL_W = 150;
const VALUE_W = 64;
const ROW_H = 22;
const BAR_H = 15;
const PAD = 4;

const fmt = new Intl.NumberFormat('en-US');

/** A horizontal bar chart; `id` names it for aria-labelledby. */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const total = bars.reduce((n, b) => n + b.value, 0);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const barArea = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(1, bars.length) * ROW_H + PAD * 2;
  const rows = bars.map((b, i) => {
    const y = PAD + i * ROW_H;
    const w = b.value === 0 ? 0 : Math.max(2, Math.round((b.value / max) * barArea));
    const pct = total ? Math.round((b.value / total) * 100) : 0;
    const valueText = `${fmt.format(b.value)} (${pct}%)`;
    const label = `<text x="${LABEL_W - 8}" y="${y + ROW_H / 2}" class="c-label" text-anchor="end" dominant-baseline="central">${showPlain(b.label)}</text>`;
    const rect = `<rect x="${LABEL_W}" y="${y + (ROW_H - BAR_H) / 2}" width="${w}" height="${BAR_H}" rx="2" class="c-bar"/>`;
    const value = `<text x="${LABEL_W + w + 6}" y="${y + ROW_H / 2}" class="c-value" dominant-baseline="central">${valueText}</text>`;
    const hit = `<rect x="0" y="${y}" width="${WIDTH}" height="${ROW_H}" class="c-hit"/>`;
    if (!b.filter) return `<g>${label}${rect}${value}</g>`;
    // The link is named by its visible label and value; the hint below the charts says what it does.
    return `<a href="#files" class="c-link" data-filter="${h(b.filter.key)}" data-value="${h(b.filter.value)}" aria-describedby="charts-hint">${hit}${label}${rect}${value}</a>`;
  });
  const empty = bars.length === 0 ? `<text x="${WIDTH / 2}" y="${PAD + ROW_H / 2}" text-anchor="middle" class="c-label" dominant-baseline="central">no data</text>` : '';
  return `<figure class="chart">
<figcaption id="${id}">${h(title)}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="group" aria-labelledby="${id}" lang="zh-CN">${rows.join('')}${empty}</svg>
</figure>`;
}

function sortedByCount(entries: [string, number][]): [string, number][] {
  return [...entries].sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0));
}

/** Long tails are folded into one unlinked bar so every chart fits a card. */
function fold(entries: [string, number][], keep: number, otherLabel: (n: number) => string): Bar[] {
  const bars: Bar[] = [];
  const shown = entries.slice(0, keep);
  const rest = entries.slice(keep);
  for (const [k, v] of shown) bars.push({ label: k, value: v });
  if (rest.length) bars.push({ label: otherLabel(rest.length), value: rest.reduce((n, [, v]) => n + v, 0) });
  return bars;
}

const UNKNOWN = 'unknown';

function withFilter(bars: Bar[], key: string, known: ReadonlySet<string>): Bar[] {
  return bars.map((b) => (known.has(b.label) ? { ...b, filter: { key, value: b.label } } : b));
}

export function typeChart(m: Manifest): string {
  const entries = sortedByCount(Object.entries(m.summary.byType));
  const bars = entries.map(([k, v]): Bar => ({ label: k === UNKNOWN ? 'not detected' : k, value: v, filter: { key: 'type', value: k === UNKNOWN ? NONE : k } }));
  return barChart('chart-type', 'Files by source type', bars);
}

export function provinceChart(m: Manifest): string {
  const entries = sortedByCount(Object.entries(m.summary.byProvince));
  const known = entries.filter(([k]) => k !== UNKNOWN);
  const unknown = entries.find(([k]) => k === UNKNOWN);
  const bars = withFilter(
    fold(known, 12, (n) => `${n} more regions`),
    'region',
    new Set(known.map(([k]) => k)),
  );
  if (unknown) bars.push({ label: 'not detected', value: unknown[1], filter: { key: 'region', value: NONE } });
  return barChart('chart-region', 'Files by province', bars);
}

export function yearChart(m: Manifest): string {
  const years = Object.entries(m.summary.byYear).filter(([k]) => k !== UNKNOWN);
  years.sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  const KEEP = 14;
  const bars: Bar[] = years.slice(0, KEEP).map(([k, v]) => ({ label: k, value: v, filter: { key: 'year', value: k } }));
  const older = years.slice(KEEP);
  if (older.length) bars.push({ label: `${older[older.length - 1]![0]}–${older[0]![0]}`, value: older.reduce((n, [, v]) => n + v, 0) });
  const unknown = m.summary.byYear[UNKNOWN];
  if (unknown) bars.push({ label: 'no date', value: unknown, filter: { key: 'year', value: NONE } });
  return barChart('chart-year', 'Files by year (newest first)', bars);
}

export function scoreChart(m: Manifest): string {
  const bars = scoreBuckets.map(([lo, hi]): Bar => ({
    label: lo === hi ? String(lo) : `${lo}–${hi}`,
    value: m.records.filter((r) => r.quality.score >= lo && r.quality.score <= hi).length,
    filter: { key: 'score', value: `${lo}-${hi}` },
  }));
  return barChart('chart-score', 'Quality score distribution', bars.reverse());
}
