// Size limits that keep one hostile or mistaken file from stalling a run.
// Real seeds are 1–100 KB (DESIGN.md §4); 10 MiB is 100× the largest, so a real document
// never meets it, while a 50 MB dump or a log file committed by mistake is reported and
// skipped instead of holding the whole run (every detector and rule reads every line).

/** Seed files larger than this are reported (`read/too-large`) and not analysed. */
export const MAX_SEED_BYTES = 10 * 1024 * 1024;

/** INDEX.md larger than this is reported (`index/too-large`) and not parsed. */
export const MAX_INDEX_BYTES = 10 * 1024 * 1024;

/** Bytes as megabytes with one decimal, for messages. */
export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
