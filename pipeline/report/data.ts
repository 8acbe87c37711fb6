// The data the report page embeds (as JSON) and its client script reads. Short keys:
// at 10,000 files every byte per row counts ten thousand times.
import type { Excerpt } from './excerpt.js';
import type { Span } from './spans.js';

/** One row of the files table. */
export interface RowData {
  /** File name (also the detail's address: #file=<name>). */
  f: string;
  /** Source type, '' when not detected. */
  t: string;
  ti: string;
  d: string;
  a: string;
  /** Region as shown (province down). */
  r: string;
  /** Region filter key: province name, 全国, or ''. */
  p: string;
  y: string;
  s: number;
  e: number;
  w: number;
  i: number;
  /** Rule ids flagged on this file, unique. */
  ru: string[];
}

/** The rows as embedded: one array per field (keys once, not once per row). */
export type RowColumns = { [K in keyof RowData]: RowData[K][] };

export const ROW_KEYS: readonly (keyof RowData)[] = ['f', 't', 'ti', 'd', 'a', 'r', 'p', 'y', 's', 'e', 'w', 'i', 'ru'];

/**
 * Evidence as shown: its span [line, column, endLine, endColumn) and, only when the kept
 * excerpt does not hold that span, its text (clipped). Line 0: no position, text only.
 */
export type EvidenceData = [line: number, column: number, endLine: number, endColumn: number, text?: string];

export type FieldKey = 'type' | 'title' | 'date' | 'author' | 'region' | 'keywords';

export interface FieldItemData {
  /** Label. */
  l: string;
  /** Note. */
  n?: string;
  ev?: EvidenceData;
  /** Rejected candidate. */
  x?: 1;
}

export interface FieldData {
  k: FieldKey;
  /** Value as shown; null: not detected. */
  v: string | null;
  n?: string;
  ev?: EvidenceData;
  it?: FieldItemData[];
  /** Items left out of `it` (lists are capped). */
  mo?: number;
}

export interface DiagnosticData {
  sev: 'error' | 'warning' | 'info';
  rule: string;
  msg: string;
  ev?: EvidenceData;
  rel?: EvidenceData[];
  /** measured / threshold / expected / actual, as label-value pairs. */
  facts?: [string, string][];
}

export interface IndexDisagreementData {
  /** Line in INDEX.md. */
  line?: number;
  sev: 'error' | 'warning' | 'info';
  rule: string;
  msg: string;
  /** What INDEX.md says (the diagnostic's `actual`). */
  index?: string;
  /** What was detected or expected (the diagnostic's `expected`). */
  detected?: string;
  ev?: string;
}

export interface PartnerData {
  f: string;
  how: string;
}

export interface DetailData {
  f: string;
  id: string;
  sha: string;
  /** Bytes, characters, lines. */
  size: [number, number, number];
  enc: string;
  le: string;
  fields: FieldData[];
  diags: DiagnosticData[];
  index?: IndexDisagreementData[];
  partners?: PartnerData[];
  ex: Excerpt;
  /** Set when the seed text was not available to the report (no context can be shown). */
  noText?: 1;
  /** Set when the report had no room left for this file's fields and problems (see DETAILS_CAP). */
  omitted?: 1;
}
