// How long a file's date findings hold as "today" moves on (the reference date defaults to
// today): the cache keeps a result for as long as it would come out the same.
import type { DateField } from '../types.js';

/**
 * The last reference date, from `reference` on, for which a file's date findings stay as they
 * are. The reference date enters in two ways: its year reads two-digit years, and a date later
 * than it is ranked lower and reported (with the reference date in the message). So: the
 * year's end when no candidate date is later than `reference`, else `reference` itself. (With
 * no date found, no candidate was kept, and only the year matters.)
 */
export function dateFindingsHoldUntil(date: DateField | null, reference: string): string {
  for (const c of date?.candidates ?? []) if (c.value > reference.slice(0, c.value.length)) return reference;
  return `${reference.slice(0, 4)}-12-31`;
}
