// File stage: the MinHash signature of the text, kept in the record (`minhash`), so the
// near-duplicate corpus check compares records instead of reading every file a second time —
// which also lets changed-files mode (--changed-since) and the cache skip unchanged files.
import { severityFor } from '../config.js';
import { HASHES, RULE_ID, shingleSize } from '../corpus/near-duplicates.js';
import { encodeSignature } from '../corpus/sketch-codec.js';
import type { SeedFile } from '../seed-file.js';
import { textSignature } from './sketch-tokens.js';

export function sketchText(file: SeedFile): void {
  if (file.binary || severityFor(file.config, RULE_ID, 'warning') === 'off') return;
  const sig = textSignature(file.text, shingleSize(file.config), HASHES);
  if (sig) file.record.minhash = encodeSignature(sig);
}
