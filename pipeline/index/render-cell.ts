// A detected record → INDEX.md cell text, in the README's cell grammar, and the author cell
// grammar read back. The write mode fills cells with these; the comparison renders the
// detected side with them too, so a value the write mode filled in never disagrees.
import type { AuthorField, DateField, RegionField, SeedRecord } from '../types.js';
import { NONE_VALUES } from './check.js';

export const FIELDS = ['title', 'type', 'date', 'author', 'region'] as const;
export type Field = (typeof FIELDS)[number];

/** What the write mode writes for "the page shows none". */
export const NONE_CELL = '—';
export const NATIONAL = 'national';
export const ANONYMOUS = 'anonymous';

export function isNoneCell(text: string): boolean {
  return NONE_VALUES.has(text.trim().toLowerCase());
}

const PRECISION_LENGTH = { year: 4, month: 7, day: 10 } as const;

/** The date at its precision: `2022`, `2022-09` or `2022-09-11` (a time of day is dropped). */
export function dateCell(date: Pick<DateField, 'value' | 'precision'> | null): string {
  if (!date) return NONE_CELL;
  return date.value.slice(0, PRECISION_LENGTH[date.precision]);
}

/** Precision of an ISO date cell by its length. */
export function precisionOf(iso: string): 'year' | 'month' | 'day' {
  return iso.length <= 4 ? 'year' : iso.length <= 7 ? 'month' : 'day';
}

/** What an author cell says, in a form both sides of a comparison can be reduced to. */
export type AuthorClaim =
  | { kind: 'none' }
  | { kind: 'anonymous' }
  | { kind: 'name'; name: string }
  | { kind: 'role'; role: string; affiliation: string };

/**
 * The record's author as a claim: a name (a person, or an issuing body for official
 * documents) wins; otherwise role and affiliation (作者系…) when the page gives them; otherwise
 * `anonymous` for 笔者 / 本文作者; otherwise none.
 */
export function authorClaim(author: AuthorField | null): AuthorClaim {
  if (!author) return { kind: 'none' };
  if (author.name) return { kind: 'name', name: author.name };
  if (author.role || author.affiliation) return { kind: 'role', role: author.role ?? '', affiliation: author.affiliation ?? '' };
  if (author.anonymous) return { kind: 'anonymous' };
  return { kind: 'none' };
}

/** Reads an author cell: `—`, `anonymous`, `(role; affiliation)`, `(role)`, `(; affiliation)` or a name. */
export function parseAuthorCell(text: string): AuthorClaim {
  const t = text.normalize('NFKC').trim();
  if (isNoneCell(t)) return { kind: 'none' };
  if (t.toLowerCase() === ANONYMOUS) return { kind: 'anonymous' };
  const m = /^\((.*)\)$/su.exec(t);
  if (m) {
    const inner = m[1] ?? '';
    const cut = inner.indexOf(';');
    const role = (cut < 0 ? inner : inner.slice(0, cut)).trim();
    const affiliation = (cut < 0 ? '' : inner.slice(cut + 1)).trim();
    return { kind: 'role', role, affiliation };
  }
  return { kind: 'name', name: t };
}

export function authorClaimText(claim: AuthorClaim): string {
  switch (claim.kind) {
    case 'none':
      return NONE_CELL;
    case 'anonymous':
      return ANONYMOUS;
    case 'name':
      return claim.name;
    case 'role':
      if (!claim.affiliation) return `(${claim.role})`;
      return `(${claim.role}; ${claim.affiliation})`;
  }
}

export function authorCell(author: AuthorField | null): string {
  return authorClaimText(authorClaim(author));
}

/** Official names from the province down, `national`, or `—`. */
export function regionCell(region: Pick<RegionField, 'scope' | 'province' | 'prefecture' | 'county'> | null): string {
  if (!region) return NONE_CELL;
  if (region.scope === 'national') return NATIONAL;
  const names = [region.province, region.prefecture, region.county].filter((p) => p !== null).map((p) => p.name);
  return names.length > 0 ? names.join(' ') : NONE_CELL;
}

/**
 * The cells detection would write for a record, as plain text (escape with escapeCell).
 * `type` is null when no type was detected: there is no "none" for a type, so the cell stays
 * empty for the maintainer.
 */
export function recordCells(record: SeedRecord): Record<Field, string | null> {
  return {
    title: record.title ? record.title.value : NONE_CELL,
    type: record.sourceType ? record.sourceType.value : null,
    date: dateCell(record.date),
    author: authorCell(record.author),
    region: regionCell(record.region),
  };
}

/**
 * Control characters (C0 but tab and line breaks, DEL, C1) and bidi controls: seed text may
 * carry them, a catalogue cell must not (a terminal showing the diff would act on ESC; a bidi
 * override reorders what a reader sees). The comparison ignores them too (normalise.ts).
 */
export const INERT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Escapes text for a GFM table cell so that the parsed cell text is the text again: a
 * backslash before ASCII punctuation Markdown could read as syntax (CommonMark allows it before
 * any ASCII punctuation), `|` included; line breaks become spaces (a row is one line); control
 * characters are dropped.
 */
export function escapeCell(text: string): string {
  return text
    .replace(INERT, '')
    .replace(/[\r\n\u2028\u2029]+/gu, ' ')
    .replace(/[\\`*_[\]<>&|~]/gu, (c) => `\\${c}`)
    .trim();
}
