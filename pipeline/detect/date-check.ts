// Runs the date detector on a file and flags a date that cannot be right for the run: later
// than the reference date (config `referenceDate`, else today in UTC) or before 1949.
import { referenceDateOf } from '../config.js';
import { report, type SeedFile } from '../seed-file.js';
import { detectDate, EARLIEST_PLAUSIBLE_YEAR, isSuspicious } from './date.js';

export const SUSPICIOUS_DATE_RULE = 'date/suspicious';

export function detectFileDate(file: SeedFile): void {
  const referenceDate = referenceDateOf(file.config);
  const date = detectDate(file.page, { referenceDate });
  file.record.date = date;
  if (!date || !isSuspicious(date.value, referenceDate)) return;
  const early = Number(date.value.slice(0, 4)) < EARLIEST_PLAUSIBLE_YEAR;
  report(file, {
    ruleId: SUSPICIOUS_DATE_RULE,
    severity: 'warning',
    message: early
      ? `detected ${date.kind} date ${date.value} is before ${EARLIEST_PLAUSIBLE_YEAR}`
      : `detected ${date.kind} date ${date.value} is later than the reference date ${referenceDate}`,
    at: date.evidence,
    expected: early ? `${EARLIEST_PLAUSIBLE_YEAR} or later` : `on or before ${referenceDate}`,
    actual: date.value,
  });
}
