// Regex safety: on 1 MB adversarial inputs, every per-file stage of processFile (decode, page,
// every detector in the detect stage, …) and every registered quality rule must each finish
// within FACTOR × a plain scan of the same bytes (split into classified lines + sha256) plus
// a constant. A catastrophic regex does not finish at all on 1 MB: its worker is terminated
// and a traced re-run names the regex and its caller. Two workers share the inputs (two cores).
import assert from 'node:assert/strict';
import os from 'node:os';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { rules } from '../pipeline/quality/registry.js';
import { fileStages } from '../pipeline/stages.js';
import { INPUT_NAMES } from './helpers/redos-inputs.js';
import { CONSTANT_MS, FACTOR, readTrace, TRACE_BYTES, type RedosMessage, type RedosTask, type RegexTrace } from './helpers/redos-worker.js';

const workerUrl = new URL('./helpers/redos-worker.js', import.meta.url);
/** Message latency and GC pauses: a phase is stopped only this long after its bound. */
const GRACE_MS = 1000;
const LANES = Math.max(1, Math.min(2, os.availableParallelism()));

interface Overrun {
  input: string;
  phase: string;
  ms: number | 'stopped';
  boundMs: number;
  error?: string;
  trace?: RegexTrace | null;
}

interface Outcome {
  overruns: Overrun[];
  /** Total time per input (all phases). */
  totals: Map<string, number>;
  /** Inputs not reached because the worker was stopped. */
  remaining: string[];
}

/** Runs `task` in a worker, stopping it when a phase overruns its bound × `slack` + grace. */
function runWorker(task: RedosTask, slack: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: { redos: task } });
    const overruns: Overrun[] = [];
    const totals = new Map<string, number>();
    let timer: NodeJS.Timeout | undefined;
    let stoppedInput: string | undefined;
    worker.on('message', (m: RedosMessage) => {
      if (m.kind === 'start') {
        clearTimeout(timer);
        timer = setTimeout(() => {
          stoppedInput = m.input;
          overruns.push({ input: m.input, phase: m.phase, ms: 'stopped', boundMs: m.boundMs, ...(task.trace ? { trace: readTrace(task.trace) } : {}) });
          void worker.terminate();
        }, m.boundMs * slack + GRACE_MS);
      } else if (m.kind === 'result') {
        clearTimeout(timer);
        if (m.phase === 'plain scan') return;
        totals.set(m.input, (totals.get(m.input) ?? 0) + m.ms);
        if (m.ms > m.boundMs || m.error) overruns.push({ input: m.input, phase: m.phase, ms: Math.round(m.ms), boundMs: m.boundMs, ...(m.error ? { error: m.error } : {}) });
      }
    });
    worker.on('error', reject);
    worker.on('exit', () => {
      clearTimeout(timer);
      const at = stoppedInput === undefined ? -1 : task.inputs.indexOf(stoppedInput);
      resolve({ overruns, totals, remaining: at >= 0 ? task.inputs.slice(at + 1) : [] });
    });
  });
}

/** Runs the inputs to the end, restarting after each stopped input. */
async function lane(inputs: string[]): Promise<Outcome> {
  const all: Outcome = { overruns: [], totals: new Map(), remaining: [] };
  let todo = inputs;
  while (todo.length > 0) {
    const r = await runWorker({ inputs: todo }, 1);
    all.overruns.push(...r.overruns);
    for (const [k, v] of r.totals) all.totals.set(k, v);
    todo = r.remaining;
  }
  return all;
}

function describe(o: Overrun): string {
  if (o.error) return `${o.input}: ${o.phase} threw: ${o.error}`;
  const what = o.ms === 'stopped' ? `did not finish within ${o.boundMs} ms` : `took ${o.ms} ms (bound ${o.boundMs} ms)`;
  const regex = o.trace ? `; last regex started on a long string: /${o.trace.source}/${o.trace.flags} on ${o.trace.inputLength} chars, from ${o.trace.callers.join(' ← ')}` : '';
  return `${o.input}: ${o.phase} ${what}${regex}`;
}

test(`every file stage and quality rule stays within ${FACTOR}× a plain scan + ${CONSTANT_MS} ms on 1 MB adversarial inputs`, { timeout: 1_200_000 }, async (t) => {
  assert.ok(rules.length >= 1 && fileStages.some((s) => s.name === 'detect'), 'the registry and the stage list are what is iterated');
  const shares = Array.from({ length: LANES }, (_, k) => INPUT_NAMES.filter((_, i) => i % LANES === k));
  const outcomes = await Promise.all(shares.map(lane));
  const overruns = outcomes.flatMap((o) => o.overruns);
  const totals = new Map(outcomes.flatMap((o) => [...o.totals]));
  const slowest = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  t.diagnostic(`${INPUT_NAMES.length} inputs × (${fileStages.length - 1} stages + ${rules.length} rules) in ${LANES} workers; slowest inputs: ${slowest.map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')}`);

  // Two workers share two cores with the test's own process and the GC: an overrun is only
  // counted when it happens again with the input run alone. A phase that never finishes is
  // then run once more with regex tracing (slower, hence the slack) to name its regex.
  const report: string[] = [];
  for (const input of [...new Set(overruns.map((o) => o.input))]) {
    const alone = await runWorker({ inputs: [input] }, 1);
    for (const o of alone.overruns) {
      report.push(describe(o));
      if (o.ms !== 'stopped') continue;
      const traced = await runWorker({ inputs: [input], trace: new SharedArrayBuffer(TRACE_BYTES) }, 3);
      const again = traced.overruns.find((x) => x.phase === o.phase && x.ms === 'stopped');
      if (again?.trace) report.push(`  ↳ ${describe(again)}`);
    }
  }
  const retried = overruns.filter((o) => !report.some((r) => r.startsWith(`${o.input}: ${o.phase} `)));
  if (retried.length > 0) t.diagnostic(`within the bound when run alone: ${retried.map(describe).join('; ')}`);
  for (const line of report) t.diagnostic(line);
  assert.deepEqual(report, [], 'a stage or rule is too slow on adversarial input: look for nested or adjacent quantifiers over overlapping classes, or quadratic loops');
});
