// Size limits that keep one hostile or mistaken file from stalling a run.
// Real seeds are 1–100 KB (DESIGN.md §4); 10 MiB is 100× the largest, so a real document
// never meets it, while a 50 MB dump or a log file committed by mistake is reported and
// skipped instead of holding the whole run (every detector and rule reads every line).

/** Seed files larger than this are reported (`read/too-large`) and not analysed. */
export const MAX_SEED_BYTES = 10 * 1024 * 1024;

/**
 * INDEX.md larger than this is reported (`index/too-large`) and not parsed. A 100,000-file
 * corpus with every cell filled needs about 25 MB; the line limit below is the real bound.
 */
export const MAX_INDEX_BYTES = 64 * 1024 * 1024;

/**
 * INDEX.md with more lines than this is reported (`index/too-large`) and not parsed: 2.5× the
 * 100,000 files the tool is built for. A plain row costs a few µs to parse, but a row with
 * Markdown in it about 0.5 ms (micromark), and a few MB of hostile `| x |` lines would
 * otherwise mean millions of rows and diagnostics.
 */
export const MAX_INDEX_LINES = 250_000;

/** At most this many corpus findings of one rule on one file are listed; one more counts the rest. */
export const MAX_CORPUS_FINDINGS = 1000;

/** Bytes as megabytes with one decimal, for messages. */
export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
