// Fuzz: seeded mutations of the real seeds and INDEX.md (test/helpers/mutate.ts: bit flips,
// truncation, splices, NULs, CRs, invalid UTF-8, BOMs, other encodings, hostile text, files
// deleted/duplicated/renamed, INDEX.md lines dropped, doubled, broken, alias bombs, outside
// links) run through main() in-process, one lane per core (test/helpers/fuzz-lane.ts).
// Whatever the bytes: main() never throws, exits 0 or 1 (never 2), no stage crashes (no
// internal/ diagnostic), every terminal format prints, and the manifest it writes is valid
// against schemas/manifest.schema.json (every run; a sample also on disk, run twice for
// determinism). Reproduce with FUZZ_SEED=<seed> (printed); FUZZ_ITERATIONS / FUZZ_SECONDS
// bound it.
import assert from 'node:assert/strict';
import os from 'node:os';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { LaneResult, LaneTask } from './helpers/fuzz-lane.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 0x5eedc0de);
const MAX_ITERATIONS = Number(process.env['FUZZ_ITERATIONS'] ?? 600);
const SECONDS = Number(process.env['FUZZ_SECONDS'] ?? 50);
/** The floor: at least this many mutated corpora within the time bound. */
const MIN_ITERATIONS = Math.min(500, MAX_ITERATIONS);
const LANES = Math.max(1, Math.min(2, os.availableParallelism()));
const laneUrl = new URL('./helpers/fuzz-lane.js', import.meta.url);

function runLane(task: LaneTask): Promise<LaneResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(laneUrl, { workerData: { fuzz: task } });
    worker.once('message', (r: LaneResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

test(`fuzz: ≥${MIN_ITERATIONS} mutated corpora in ${SECONDS} s; main() never throws, exits 0/1, writes schema-valid outputs`, { timeout: (SECONDS + 120) * 1000 }, async (t) => {
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const results = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane({ seed: SEED, lane, lanes: LANES, maxIterations: MAX_ITERATIONS, deadline })));
  const iterations = results.reduce((n, r) => n + r.iterations, 0);
  const exit0 = results.reduce((n, r) => n + r.exits[0], 0);
  const exit1 = results.reduce((n, r) => n + r.exits[1], 0);
  t.diagnostic(`FUZZ_SEED=${SEED}: ${iterations} mutated corpora in ${Math.round((Date.now() - started) / 1000)} s on ${LANES} lane(s); exit 0: ${exit0}, exit 1: ${exit1}`);
  for (const r of results) if (r.failure) assert.fail(r.failure);
  assert.ok(iterations >= MIN_ITERATIONS, `only ${iterations} mutated corpora within ${SECONDS} s (the floor is ${MIN_ITERATIONS}): the pipeline got slower`);
  assert.ok(exit1 > 0, 'the mutations do produce errors');
});
