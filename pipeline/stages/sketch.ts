// File stage: the MinHash signature of the text, kept in the record (`minhash`), so the
// near-duplicate corpus check compares records instead of reading every file a second time —
// which also lets changed-files mode (--changed-since) and the cache skip unchanged files.
import { severityFor } from '../config.js';
import { RULE_ID, shingles, shingleSize, signature } from '../corpus/near-duplicates.js';
import { encodeSignature } from '../corpus/sketch-codec.js';
import type { SeedFile } from '../seed-file.js';

export function sketchText(file: SeedFile): void {
  if (file.binary || severityFor(file.config, RULE_ID, 'warning') === 'off') return;
  const set = shingles(file.text, shingleSize(file.config));
  if (set.size === 0) return;
  file.record.minhash = encodeSignature(signature(set));
}
