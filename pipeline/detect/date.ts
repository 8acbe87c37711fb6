// The document date: published (a page-header date), event (a dated happening in the
// text) or inferred (a year worked out from context), with every candidate considered.
// Choice: published > event > inferred; within a kind the stronger signal, then the
// earliest position. A date from a reference list, a case number, a phone number, a
// journal issue or a comment timestamp is never chosen (those are rejected candidates).
import type { Page } from '../page.js';
import type { DateCandidate, DateField, DateKind } from '../types.js';
import { collectCandidates, type ScoredCandidate } from './date-candidates.js';

export interface DateContext {
  /** The run's reference date, YYYY-MM-DD: later dates are suspicious. */
  referenceDate: string;
}

/** Dates before the founding of the PRC are out of range for this corpus. */
export const EARLIEST_PLAUSIBLE_YEAR = 1949;

const KIND_ORDER: Record<DateKind, number> = { published: 0, event: 1, inferred: 2 };

/** Later than the reference date (compared at the value's precision) or before 1949. */
export function isSuspicious(value: string, referenceDate: string): boolean {
  return Number(value.slice(0, 4)) < EARLIEST_PLAUSIBLE_YEAR || value > referenceDate.slice(0, value.length);
}

function rank(a: ScoredCandidate, b: ScoredCandidate, referenceDate: string): number {
  const ka = KIND_ORDER[a.candidate.kind];
  const kb = KIND_ORDER[b.candidate.kind];
  if (ka !== kb) return ka - kb;
  // A future "event" is a plan, not something that happened: prefer a plausible one.
  if (a.candidate.kind === 'event') {
    const sa = isSuspicious(a.candidate.value, referenceDate) ? 1 : 0;
    const sb = isSuspicious(b.candidate.value, referenceDate) ? 1 : 0;
    if (sa !== sb) return sa - sb;
  }
  return b.strength - a.strength || a.offset - b.offset;
}

/** Keeps the first of candidates that say the same thing for the same reason (a bulletin repeats 2022年 forty times). */
function distinct(list: readonly ScoredCandidate[]): DateCandidate[] {
  const seen = new Set<string>();
  const out: DateCandidate[] = [];
  for (const { candidate: c } of list) {
    const key = `${c.value}|${c.precision}|${c.kind}|${c.reason}|${c.rejected === true}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

export function detectDate(page: Page, ctx: DateContext): DateField | null {
  const referenceYear = Number(ctx.referenceDate.slice(0, 4));
  const all = collectCandidates(page, referenceYear);
  // A bare year in running text (2025年，货运量…) says when a figure applies, not when the
  // document was written: it stays a candidate but is never the document's date.
  const kept = all.filter((c) => c.candidate.rejected !== true && !(c.candidate.kind === 'event' && c.candidate.precision === 'year'));
  if (kept.length === 0) return null;
  const best = [...kept].sort((a, b) => rank(a, b, ctx.referenceDate))[0]!;
  const c = best.candidate;
  return {
    value: c.value,
    precision: c.precision,
    kind: c.kind,
    confidence: best.confidence,
    evidence: c.evidence,
    candidates: distinct(all),
  };
}
