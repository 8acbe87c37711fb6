// INDEX.md rows against the detected records: for each row with a value in its title, type,
// date, author or region cell, does the page say the same? A disagreement is a diagnostic at
// the row's line and the cell's column, with both values and the evidence that decided the
// detected one. Empty cells are "not filled in yet" and never compared.
import { severityFor, type Config } from '../config.js';
import { resolveRegionName } from '../detect/region.js';
import { diagnostic } from '../diagnostic.js';
import { SOURCE_TYPES, type Diagnostic, type Evidence, type Place, type SeedRecord, type Severity } from '../types.js';
import { ISO_DATE, rowFileName } from './check.js';
import { normaliseText, sameText } from './normalise.js';
import type { IndexRow, ParsedIndex } from './parse.js';
import {
  NATIONAL,
  authorClaim,
  authorClaimText,
  dateCell,
  isNoneCell,
  parseAuthorCell,
  precisionOf,
  regionCell,
  type AuthorClaim,
  type Field,
} from './render-cell.js';
import { splitRow } from './row-cells.js';

/** What a region cell names: short names and aliases → official divisions, null for no known place. */
type ResolvedRegion = NonNullable<ReturnType<typeof resolveRegionName>>;

export interface CompareRule {
  id: string;
  field: Field;
  severity: Severity;
  description: string;
}

/**
 * The comparison rules and their default severities (override per rule id in the config).
 * type and date are errors: a type is one of seven words and a date a plain fact in the page's
 * header, so a disagreement almost always means a wrong row. title, author and region are
 * warnings: they come from weaker signals (which line is the title, whether a name is the
 * writer's, which place the text is about), so the detector may be the one that is wrong.
 * A date at another precision (2022-09 against 2022-09-11) agrees as far as it goes: a warning.
 */
export const COMPARE_RULES: readonly CompareRule[] = [
  { id: 'index/type-mismatch', field: 'type', severity: 'error', description: 'the row\'s type differs from the detected source type' },
  { id: 'index/date-mismatch', field: 'date', severity: 'error', description: 'the row\'s date differs from the detected date' },
  { id: 'index/date-precision', field: 'date', severity: 'warning', description: 'the row\'s date agrees with the detected date but at another precision' },
  { id: 'index/title-mismatch', field: 'title', severity: 'warning', description: 'the row\'s title differs from the detected title' },
  { id: 'index/author-mismatch', field: 'author', severity: 'warning', description: 'the row\'s author differs from the detected author' },
  { id: 'index/region-mismatch', field: 'region', severity: 'warning', description: 'the row\'s region differs from the detected region' },
];
const DEFAULT_SEVERITY = new Map(COMPARE_RULES.map((r) => [r.id, r.severity]));
/** A region cell naming no known place: a bad value, like an unknown type (error, as in check.ts). */
export const BAD_VALUE_RULE = 'index/bad-value';

export interface CompareInput {
  indexPath: string;
  index: ParsedIndex;
  /** Records of the processed files (any order). */
  records: readonly SeedRecord[];
  config: Config;
}

/** Longest evidence excerpt quoted in a message; the full span is in `evidence`. */
const EXCERPT = 60;

function excerpt(text: string): string {
  const cps = [...text.replace(/\s+/gu, ' ').trim()];
  return cps.length <= EXCERPT ? cps.join('') : `${cps.slice(0, EXCERPT - 1).join('')}…`;
}

function shown(cell: string): string {
  return isNoneCell(cell) ? `${cell} (none)` : cell;
}

interface Finding {
  ruleId: string;
  field: Field;
  index: string;
  /** Words after the INDEX value, e.g. how a short region name was read. */
  indexNote?: string;
  detected: string;
  evidence?: Evidence | undefined;
  /** Words after the detected value, e.g. ", an event date". */
  note?: string;
}

function messageOf(f: Finding): string {
  const page = isNoneCell(f.detected)
    ? 'detection found none'
    : `the page shows ${f.detected}${f.note ?? ''}${f.evidence ? ` (line ${f.evidence.line}: "${excerpt(f.evidence.text)}")` : ''}`;
  return `${f.field}: INDEX says ${shown(f.index)}${f.indexNote ?? ''}; ${page}`;
}

// Region cells repeat across rows (江苏省 徐州市 …): resolve each text once. Bounded, since the
// cells are maintainer text of any variety.
const RESOLVED = new Map<string, ResolvedRegion | null>();
const RESOLVED_MAX = 10_000;

function resolveCached(text: string): ResolvedRegion | null {
  let r = RESOLVED.get(text);
  if (r === undefined) {
    if (RESOLVED.size >= RESOLVED_MAX) RESOLVED.clear();
    r = resolveRegionName(text);
    RESOLVED.set(text, r);
  }
  return r;
}

export function compareIndex(input: CompareInput): Diagnostic[] {
  const byFile = new Map(input.records.map((r) => [r.file, r]));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const row of input.index.rows) {
    const name = rowFileName(row);
    // Only the first row of a file is compared; check.ts reports the duplicates. A row with
    // too few or too many cells is reported by check.ts too: its values may sit in the wrong
    // columns, so comparing them would only add noise.
    if (seen.has(name)) continue;
    seen.add(name);
    if (row.extra > 0 || row.missing > 0) continue;
    out.push(...compareRow(input, row, byFile.get(name) ?? null));
  }
  return out;
}

/** Disagreements of one row; `record` is null when the file was not processed (region cells are still checked). */
export function compareRow(input: Omit<CompareInput, 'index' | 'records'> & { index: ParsedIndex }, row: IndexRow, record: SeedRecord | null): Diagnostic[] {
  const lineStart = input.index.text.lastIndexOf('\n', row.start - 1) + 1;
  const lineText = input.index.text.slice(lineStart, row.end);
  const raw = splitRow(lineText);
  const out: Diagnostic[] = [];
  const cellAt = (field: Field): { column: number; endColumn: number } => {
    const i = ['file', 'title', 'type', 'date', 'author', 'region'].indexOf(field);
    const c = raw[i];
    if (!c) return { column: 1, endColumn: 1 };
    const column = [...lineText.slice(0, c.start)].length + 1;
    return { column, endColumn: column + [...lineText.slice(c.start, c.end)].length };
  };
  const emit = (ruleId: string, fallback: Severity, message: string, field: Field, extra: { expected?: string; actual: string; evidence?: Evidence | undefined }): void => {
    const severity = severityFor(input.config, ruleId, fallback);
    if (severity === 'off') return;
    const at = cellAt(field);
    out.push(
      diagnostic(input.indexPath, {
        ruleId,
        severity,
        message,
        at: { line: row.line, column: at.column, endLine: row.line, endColumn: at.endColumn },
        ...(extra.expected !== undefined ? { expected: extra.expected } : {}),
        actual: extra.actual,
        ...(extra.evidence ? { evidence: extra.evidence.text } : {}),
      }),
    );
  };
  const report = (f: Finding): void => {
    emit(f.ruleId, DEFAULT_SEVERITY.get(f.ruleId) ?? 'warning', messageOf(f), f.field, { expected: f.detected, actual: f.index, evidence: f.evidence });
  };

  // A region cell must name a known place whether or not the file was processed.
  const regionText = cellText(row, 'region');
  let resolved: ResolvedRegion | null | undefined;
  if (regionText !== '' && !isNoneCell(regionText)) {
    resolved = resolveCached(regionText);
    if (!resolved) {
      emit(BAD_VALUE_RULE, 'error', `region "${regionText}" names no known place; use official names from the province down (江苏省 徐州市) or \`${NATIONAL}\``, 'region', { actual: regionText });
    }
  }
  if (!record) return out;

  for (const f of [compareType(row, record), compareTitle(row, record), compareDate(row, record), compareAuthor(row, record), compareRegion(row, record, resolved)]) {
    if (f) report(f);
  }
  return out;
}

/**
 * A cell's text; '' (not filled in, so not compared) when it holds U+FFFD: INDEX.md was not
 * valid UTF-8 there (reported as index/encoding) and what the maintainer wrote is unknown.
 */
function cellText(row: IndexRow, field: Field): string {
  const text = row.cells[field].text;
  return text.includes('\uFFFD') ? '' : text;
}

function compareType(row: IndexRow, record: SeedRecord): Finding | null {
  const cell = cellText(row, 'type');
  if (cell === '') return null;
  const none = isNoneCell(cell);
  // An unknown type word is index/bad-value (check.ts); comparing it too would say the same twice.
  if (!none && !(SOURCE_TYPES as readonly string[]).includes(cell)) return null;
  const detected = record.sourceType;
  if (none ? detected === null : detected?.value === cell) return null;
  const value = detected?.value;
  const strongest = detected?.signals.filter((s) => s.type === value).sort((a, b) => b.weight - a.weight)[0];
  return { ruleId: 'index/type-mismatch', field: 'type', index: cell, detected: detected?.value ?? '—', evidence: strongest?.evidence };
}

function compareTitle(row: IndexRow, record: SeedRecord): Finding | null {
  const cell = cellText(row, 'title');
  if (cell === '') return null;
  const detected = record.title;
  if (isNoneCell(cell) ? detected === null : detected !== null && sameText(cell, detected.value)) return null;
  return { ruleId: 'index/title-mismatch', field: 'title', index: cell, detected: detected?.value ?? '—', evidence: detected?.evidence };
}

const KIND_NOTE = { published: '', event: ', an event date', inferred: ', a date inferred from context' } as const;

function compareDate(row: IndexRow, record: SeedRecord): Finding | null {
  const cell = cellText(row, 'date').trim();
  if (cell === '') return null;
  const none = isNoneCell(cell);
  if (!none && !ISO_DATE.test(cell)) return null; // index/bad-value (check.ts)
  const detected = record.date;
  if (none || !detected) {
    if (none && !detected) return null;
    return { ruleId: 'index/date-mismatch', field: 'date', index: cell, detected: dateCell(detected), evidence: detected?.evidence, note: detected ? KIND_NOTE[detected.kind] : '' };
  }
  const page = dateCell(detected);
  if (page === cell) return null;
  const note = KIND_NOTE[detected.kind];
  // One a prefix of the other at a component boundary: the same date at another precision.
  if (page.startsWith(cell) || cell.startsWith(page)) {
    const finer = page.length > cell.length;
    return {
      ruleId: 'index/date-precision',
      field: 'date',
      index: cell,
      detected: page,
      evidence: detected.evidence,
      note: `${note}; the same date at ${finer ? 'a finer' : 'a coarser'} precision (INDEX: ${precisionOf(cell)}, page: ${detected.precision})`,
    };
  }
  return { ruleId: 'index/date-mismatch', field: 'date', index: cell, detected: page, evidence: detected.evidence, note };
}

function sameClaim(index: AuthorClaim, page: AuthorClaim, record: SeedRecord): boolean {
  switch (index.kind) {
    case 'none':
      return page.kind === 'none';
    // `anonymous` is true of an unnamed 笔者 even when the page also gives a role (作者系…).
    case 'anonymous':
      return page.kind === 'anonymous' || (page.kind === 'role' && record.author?.anonymous === true);
    case 'name':
      return page.kind === 'name' && sameText(index.name, page.name);
    case 'role':
      return page.kind === 'role' && sameText(index.role, page.role) && sameText(index.affiliation, page.affiliation);
  }
}

function compareAuthor(row: IndexRow, record: SeedRecord): Finding | null {
  const cell = cellText(row, 'author');
  if (cell === '') return null;
  const page = authorClaim(record.author);
  if (sameClaim(parseAuthorCell(cell), page, record)) return null;
  return { ruleId: 'index/author-mismatch', field: 'author', index: cell, detected: authorClaimText(page), evidence: record.author?.evidence };
}

function samePlace(a: Place | null, b: Place | null): boolean {
  return (a?.code ?? null) === (b?.code ?? null);
}

function compareRegion(row: IndexRow, record: SeedRecord, resolved: ResolvedRegion | null | undefined): Finding | null {
  const cell = cellText(row, 'region');
  if (cell === '' || resolved === null) return null; // null: index/bad-value already reported
  const detected = record.region;
  const page = regionCell(detected);
  if (resolved === undefined) {
    // The cell says none.
    if (!detected) return null;
  } else if (detected) {
    const national = detected.scope === 'national';
    if (resolved.national === national && (national || (samePlace(resolved.province, detected.province) && samePlace(resolved.prefecture, detected.prefecture) && samePlace(resolved.county, detected.county)))) {
      return null;
    }
  }
  // Say which official names the cell was read as, when that is not what it literally says.
  let note = '';
  if (resolved && !resolved.national) {
    const official = regionCell({ scope: 'county', ...resolved });
    if (normaliseText(official) !== normaliseText(cell)) note = ` (INDEX read as ${official})`;
  }
  return { ruleId: 'index/region-mismatch', field: 'region', index: cell, indexNote: note, detected: page, evidence: detected?.evidence };
}
