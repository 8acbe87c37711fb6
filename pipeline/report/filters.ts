// The filter bar above the files table. Options (with counts) are rendered at build time;
// the client script only reads the controls. Every filter is a <label>led control.
import { escapeHtml as h } from '../output/escape.js';
import type { RowData } from './data.js';
import { showPlain } from './text.js';

/** Option value meaning "no value detected" (rows whose field is empty). */
export const NONE = '~none';

/** Quality score buckets, inclusive: 0–9 … 90–99, then a perfect 100 alone. */
export const scoreBuckets: readonly [number, number][] = [...Array.from({ length: 10 }, (_, i): [number, number] => [i * 10, i * 10 + 9]), [100, 100]];

function tally(values: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

function byKey(a: [string, number], b: [string, number]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function select(id: string, label: string, options: [value: string, text: string][]): string {
  const opts = options.map(([v, t]) => `<option value="${h(v)}">${showPlain(t)}</option>`).join('');
  return `<label class="flt">${h(label)} <select id="f-${id}" data-key="${id}">${opts}</select></label>`;
}

/** One select's options from a row field: each value with its count, empty values as NONE. */
function fieldOptions(rows: readonly RowData[], pick: (r: RowData) => string, noneText: string, order: 'key' | 'key-desc' = 'key'): [string, string][] {
  const counts = [...tally(rows.map(pick)).entries()];
  const known = counts.filter(([k]) => k !== '').sort(byKey);
  if (order === 'key-desc') known.reverse();
  const none = counts.find(([k]) => k === '');
  return [['', 'all'], ...known.map(([k, n]): [string, string] => [k, `${k} (${n})`]), ...(none ? [[NONE, `${noneText} (${none[1]})`] as [string, string]] : [])];
}

export function filterBar(rows: readonly RowData[]): string {
  const count = (f: (r: RowData) => boolean): number => rows.reduce((n, r) => n + (f(r) ? 1 : 0), 0);
  const severity: [string, string][] = [
    ['', 'all'],
    ['error', `with errors (${count((r) => r.e > 0)})`],
    ['warning', `with warnings (${count((r) => r.w > 0)})`],
    ['info', `with infos (${count((r) => r.i > 0)})`],
    ['clean', `no problems (${count((r) => r.e + r.w + r.i === 0)})`],
  ];
  const rules = [...tally(rows.flatMap((r) => r.ru)).entries()].sort(byKey);
  const scores = scoreBuckets
    .map(([lo, hi]): [string, string, number] => [`${lo}-${hi}`, lo === hi ? String(lo) : `${lo}–${hi}`, count((r) => r.s >= lo && r.s <= hi)])
    .filter(([, , n]) => n > 0)
    .reverse()
    .map(([v, t, n]): [string, string] => [v, `${t} (${n})`]);
  return `<div class="filters" role="search" aria-label="Filter the files">
<label class="flt flt-q">Search <input type="search" id="f-q" autocomplete="off" spellcheck="false" placeholder="file, title, author, place, rule id…"></label>
${select('sev', 'Severity', severity)}
${select('type', 'Type', fieldOptions(rows, (r) => r.t, 'not detected'))}
${select('region', 'Region', fieldOptions(rows, (r) => r.p, 'not detected'))}
${select('year', 'Year', fieldOptions(rows, (r) => r.y, 'no date', 'key-desc'))}
${select('rule', 'Rule', [['', 'all'], ...rules.map(([k, n]): [string, string] => [k, `${k} (${n})`])])}
${select('score', 'Score', [['', 'all'], ...scores])}
<button type="button" id="f-reset" class="btn">Reset filters</button>
</div>`;
}
