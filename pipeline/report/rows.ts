// One table row per record: what a maintainer scans, sorts and filters on.
import type { SeedRecord } from '../types.js';
import { ROW_KEYS, type RowColumns, type RowData } from './data.js';

export function regionLabel(r: SeedRecord): string {
  if (!r.region) return '';
  if (r.region.scope === 'national') return '全国';
  return [r.region.province?.name, r.region.prefecture?.name, r.region.county?.name].filter(Boolean).join(' ');
}

export function authorLabel(r: SeedRecord): string {
  const a = r.author;
  if (!a) return '';
  if (a.name) return a.name;
  const who = [a.role, a.affiliation].filter(Boolean).join(', ');
  if (a.anonymous) return who ? `anonymous (${who})` : 'anonymous';
  return who;
}

export function rowOf(r: SeedRecord): RowData {
  let e = 0;
  let w = 0;
  let i = 0;
  for (const d of r.quality.flags) {
    if (d.severity === 'error') e += 1;
    else if (d.severity === 'warning') w += 1;
    else i += 1;
  }
  return {
    f: r.file,
    t: r.sourceType?.value ?? '',
    ti: r.title?.value ?? '',
    d: r.date?.value ?? '',
    a: authorLabel(r),
    r: regionLabel(r),
    p: r.region ? (r.region.scope === 'national' ? '全国' : r.region.province?.name ?? '') : '',
    y: r.date?.value.slice(0, 4) ?? '',
    s: r.quality.score,
    e,
    w,
    i,
    ru: [...new Set(r.quality.flags.map((d) => d.ruleId))].sort(),
  };
}

export function toColumns(rows: readonly RowData[]): RowColumns {
  return Object.fromEntries(ROW_KEYS.map((k) => [k, rows.map((r) => r[k])])) as unknown as RowColumns;
}
