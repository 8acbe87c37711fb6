// The shared vocabulary of the pipeline. schemas/seed-record.schema.json is the
// contract for SeedRecord; keep the two in step (test/schema.test.ts checks it).

export type Severity = 'error' | 'warning' | 'info';

/** One diagnostic type for every stage (vfile-message / textlint style). */
export interface Diagnostic {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  ruleId: string;
  severity: Severity;
  message: string;
  evidence?: string;
  expected?: string;
  actual?: string;
  /** Measured value and threshold for quality rules. */
  measured?: number;
  threshold?: number;
  /** Extra spans (e.g. the second copy of a repeated block). */
  related?: Evidence[];
}

/** Where a value came from: 1-based line and column in Unicode code points. */
export interface Evidence {
  line: number;
  column: number;
  text: string;
}

export const SOURCE_TYPES = ['news', 'paper', 'forum', 'commentary', 'official', 'speech', 'other'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export interface Signal {
  /** Short id of the signal, e.g. `news.visits-counter`. */
  id: string;
  type: SourceType;
  weight: number;
  evidence: Evidence;
}

export interface SourceTypeField {
  value: SourceType;
  confidence: number;
  signals: Signal[];
}

export interface TitleField {
  value: string;
  confidence: number;
  evidence: Evidence;
}

export type DatePrecision = 'day' | 'month' | 'year';
export type DateKind = 'published' | 'event' | 'inferred';

export interface DateCandidate {
  value: string;
  precision: DatePrecision;
  kind: DateKind;
  evidence: Evidence;
  /** Why it was kept or rejected, e.g. `header-line`, `rejected:reference-list`. */
  reason: string;
  rejected?: boolean;
}

export interface DateField {
  value: string;
  precision: DatePrecision;
  kind: DateKind;
  confidence: number;
  evidence: Evidence;
  candidates: DateCandidate[];
}

export interface AuthorField {
  /** The author, or several joined with 、 when a byline names more than one. */
  name: string | null;
  /** Every name on the byline, when it names more than one (记者 张三 李四). */
  names?: string[];
  role: string | null;
  affiliation: string | null;
  anonymous: boolean;
  organisation: boolean;
  confidence: number;
  evidence: Evidence;
}

export interface Place {
  name: string;
  code: string;
}

export type RegionScope = 'national' | 'province' | 'prefecture' | 'county';

export interface PlaceMention {
  name: string;
  code: string;
  level: 'province' | 'prefecture' | 'county';
  count: number;
  weight: number;
  evidence: Evidence;
}

export interface RegionField {
  scope: RegionScope;
  province: Place | null;
  prefecture: Place | null;
  county: Place | null;
  confidence: number;
  evidence: Evidence;
  mentions: PlaceMention[];
}

export interface KeywordsField {
  values: string[];
  evidence: Evidence;
}

export interface Quality {
  score: number;
  flags: Diagnostic[];
}

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** Kept text of one line: [line, its length in code points, [start column, text][]]. */
export type ExcerptLine = [line: number, length: number, parts: [start: number, text: string][]];

export interface SeedRecord {
  id: string;
  file: string;
  sha256: string;
  bytes: number;
  encoding: string;
  chars: number;
  lines: number;
  lineEnding: LineEnding;
  sourceType: SourceTypeField | null;
  title: TitleField | null;
  date: DateField | null;
  author: AuthorField | null;
  region: RegionField | null;
  keywords: KeywordsField | null;
  quality: Quality;
  /** MinHash signature of the text's shingles (base64, pipeline/stages/sketch.ts), for the
   *  near-duplicate corpus check without re-reading the file; absent for binary or empty text. */
  minhash?: string;
  /** Seed text around the evidence spans, so the HTML report shows each span in place
   *  without the seed files (pipeline/report/excerpt.ts); absent for binary or empty files. */
  excerpt?: ExcerptLine[];
}
