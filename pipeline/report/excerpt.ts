// The seed text the report shows around each evidence span. Evidence alone is too little to
// highlight a span in place, whole texts far too much (a 10,000-file report, and a run that
// holds every text), so a file stage keeps the windows around the spans within a per-file
// budget, as `record.excerpt`. It travels with the record wherever records go (worker
// threads, the cache, a previous manifest reused by --changed-since), so the report never
// needs the seed files.
import type { SeedFile } from '../seed-file.js';
import type { Diagnostic, ExcerptLine, SeedRecord } from '../types.js';
import { spanOfDiagnostic, spanOfEvidence, type Span } from './spans.js';

export type { ExcerptLine };
export type Excerpt = ExcerptLine[];

/** Code points of context kept on each side of a span on its own line. */
const RADIUS = 30;
/** Lines up to this long are kept whole (page headers, titles, short paragraphs). */
const SHORT_LINE = 100;
/** Code points kept of the nearest non-blank line before (its end) and after (its start). */
const NEIGHBOUR = 40;
/** A span longer than this keeps its two ends; the page marks the middle as elided. */
const MAX_MARK = 120;
/** Code points of seed text kept per file: ~4.5 KB of UTF-8 for Chinese at most, so a
 *  10,000-file report stays well under 25 MB even when every file is full of findings. */
export const EXCERPT_BUDGET = 1500;
/** The top of the page (first lines) is shown so a maintainer sees the page header. */
const HEAD_LINES = 3;
const HEAD_WIDTH = 60;
/** Lists (date candidates, place mentions, signals) contribute at most this many spans. */
export const LIST_CAP = 8;

type Interval = [from: number, to: number];

// Without the u flag the class matches UTF-16 code units, so it finds surrogate pairs.
const ASTRAL = /[\uD800-\uDFFF]/;

/** Code-point slicing without expanding huge BMP-only lines into arrays. */
class LineText {
  private readonly cps: string[] | null;
  readonly length: number;
  constructor(readonly text: string) {
    this.cps = ASTRAL.test(text) ? Array.from(text) : null;
    this.length = this.cps ? this.cps.length : text.length;
  }
  /** Columns are 1-based, `to` exclusive. */
  slice(from: number, to: number): string {
    return this.cps ? this.cps.slice(from - 1, to - 1).join('') : this.text.slice(from - 1, to - 1);
  }
}

function measure(list: readonly Interval[]): number {
  return list.reduce((n, [a, b]) => n + (b - a), 0);
}

/** Sorted, merged intervals; windows closer than a few characters join into one. */
function merge(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 4) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export interface ExcerptRequest {
  /** Spans in priority order: the budget is spent on the first ones. */
  spans: readonly Span[];
  budget?: number;
  headLines?: number;
}

/** Builds the context windows for `spans` from the file's lines (without terminators). */
export function buildExcerpt(lines: readonly string[], req: ExcerptRequest): Excerpt {
  const budget = req.budget ?? EXCERPT_BUDGET;
  const texts = new Map<number, LineText>();
  const text = (no: number): LineText | null => {
    if (no < 1 || no > lines.length) return null;
    let t = texts.get(no);
    if (!t) {
      t = new LineText(lines[no - 1] ?? '');
      texts.set(no, t);
    }
    return t;
  };
  const windows = new Map<number, Interval[]>();
  let used = 0;

  // Adds a group of windows only if the whole group fits: half a context is worse than none.
  const addGroup = (group: [number, number, number][]): void => {
    const next = new Map<number, Interval[]>();
    let cost = 0;
    for (const [no, from, to] of group) {
      const t = text(no);
      if (!t) continue;
      const a = Math.max(1, from);
      const b = Math.min(t.length + 1, to);
      const current = next.get(no) ?? windows.get(no) ?? [];
      const merged = merge(b > a ? [...current, [a, b]] : current);
      cost += measure(merged) - measure(current);
      next.set(no, merged);
    }
    if (used + cost > budget) return;
    used += cost;
    for (const [no, list] of next) windows.set(no, list);
  };

  const nearestNonBlank = (from: number, step: -1 | 1): number | null => {
    for (let no = from, tries = 0; tries < 3; no += step, tries += 1) {
      const t = text(no);
      if (!t) return null;
      if (t.text.trim() !== '') return no;
    }
    return null;
  };

  const around = (no: number, from: number, to: number): [number, number, number] => {
    const t = text(no);
    if (t && t.length <= SHORT_LINE) return [no, 1, t.length + 1];
    return [no, from - RADIUS, to + RADIUS];
  };

  for (const [l1, c1, l2, c2] of req.spans) {
    const first = text(l1);
    if (!first) continue;
    const group: [number, number, number][] = [];
    if (l1 === l2) {
      if (c2 - c1 > MAX_MARK) group.push(around(l1, c1, c1 + MAX_MARK / 2), around(l1, c2 - MAX_MARK / 2, c2));
      else group.push(around(l1, c1, c2));
    } else {
      group.push(around(l1, c1, c1 + MAX_MARK / 2));
      if (text(l2)) group.push(around(l2, Math.max(1, c2 - MAX_MARK / 2), c2));
    }
    const before = nearestNonBlank(l1 - 1, -1);
    if (before !== null) {
      const t = text(before)!;
      group.push(t.length <= SHORT_LINE ? [before, 1, t.length + 1] : [before, t.length + 1 - NEIGHBOUR, t.length + 1]);
    }
    const after = nearestNonBlank(Math.min(l2, lines.length) + 1, 1);
    if (after !== null) {
      const t = text(after)!;
      group.push(t.length <= SHORT_LINE ? [after, 1, t.length + 1] : [after, 1, 1 + NEIGHBOUR]);
    }
    addGroup(group);
  }
  for (let no = 1; no <= Math.min(req.headLines ?? HEAD_LINES, lines.length); no += 1) addGroup([[no, 1, 1 + HEAD_WIDTH]]);

  return [...windows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([no, list]): ExcerptLine => {
      const t = text(no)!;
      return [no, t.length, list.map(([a, b]): [number, string] => [a, t.slice(a, b)])];
    });
}

/** The spans a record's report detail shows, most important first. */
export function spansToShow(record: SeedRecord, flags: readonly Diagnostic[]): Span[] {
  const out: (Span | null)[] = [];
  const ev = (e: { line: number; column: number; text: string } | undefined | null): void => {
    if (e) out.push(spanOfEvidence(e));
  };
  ev(record.title?.evidence);
  ev(record.date?.evidence);
  ev(record.author?.evidence);
  ev(record.region?.evidence);
  ev(record.keywords?.evidence);
  for (const s of [...(record.sourceType?.signals ?? [])].sort((a, b) => b.weight - a.weight).slice(0, LIST_CAP)) ev(s.evidence);
  const bySeverity = ['error', 'warning', 'info'].flatMap((sev) => flags.filter((d) => d.severity === sev));
  for (const d of bySeverity) out.push(spanOfDiagnostic(d));
  for (const d of bySeverity) for (const r of d.related ?? []) ev(r);
  for (const c of (record.date?.candidates ?? []).slice(0, LIST_CAP)) ev(c.evidence);
  for (const m of (record.region?.mentions ?? []).slice(0, LIST_CAP)) ev(m.evidence);
  return out.filter((s): s is Span => s !== null);
}

/** File stage (just before the record is validated): keeps the context the report needs
 *  for the fields and every diagnostic found so far. */
export function keepReportExcerpt(file: SeedFile): void {
  if (file.binary || file.page.lines.length === 0) return;
  const lines = file.page.lines.map((l) => l.text);
  file.record.excerpt = buildExcerpt(lines, { spans: spansToShow(file.record, file.messages) });
}

function codePoints(text: string): number {
  let n = text.length;
  for (let i = 1; i < text.length; i += 1) {
    const u = text.charCodeAt(i);
    const before = text.charCodeAt(i - 1);
    // The second half of a pair (a lone surrogate counts as one, as [...text] does).
    if (u >= 0xdc00 && u <= 0xdfff && before >= 0xd800 && before <= 0xdbff) {
      n -= 1;
      i += 1;
    }
  }
  return n;
}

/** Whether the excerpt holds both ends of `span` (the page can then mark it in place). */
export function excerptCovers(lines: ReadonlyMap<number, ExcerptLine>, [l1, c1, l2, c2]: Span): boolean {
  const first = lines.get(l1);
  const last = lines.get(l2);
  if (!first || !last) return false;
  const holds = ([, length, parts]: ExcerptLine, col: number): boolean => {
    const c = Math.min(col, Math.max(1, length));
    // UTF-16 length bounds the code point count: count code points only when that bound is met.
    return parts.some(([start, text]) => c >= start && c < start + text.length && c < start + codePoints(text)) || (length === 0 && col === 1);
  };
  return holds(first, c1) && holds(last, Math.max(1, c2 - 1));
}
