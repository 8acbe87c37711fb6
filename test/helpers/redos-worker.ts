// Worker for test/redos.test.ts: times the per-file pipeline on adversarial 1 MB inputs, in a
// thread the test can terminate when a regex backtracks for ever. Before each timed phase it
// posts what it is about to run, so a hang is reported as "this input, this phase". With a
// trace buffer it also records, in shared memory the test can read after stopping it, the
// last regex that started on a long string and who called it — the culprit of a backtrack.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { defaultConfig } from '../../pipeline/config.js';
import { buildPage } from '../../pipeline/page.js';
import { processFile } from '../../pipeline/process-file.js';
import { rules } from '../../pipeline/quality/registry.js';
import { resolveOptions } from '../../pipeline/quality/rule.js';
import { createSeedFile } from '../../pipeline/seed-file.js';
import { fileStages } from '../../pipeline/stages.js';
import { adversarialInputs } from './redos-inputs.js';

export interface RedosTask {
  /** Names of the inputs to run (see redos-inputs.ts). */
  inputs: string[];
  /** When set, the last regex started on a long string is written here (UTF-8 JSON, length first). */
  trace?: SharedArrayBuffer;
}

export type RedosMessage =
  | { kind: 'start'; input: string; phase: string; boundMs: number }
  | { kind: 'result'; input: string; phase: string; ms: number; boundMs: number; error?: string }
  | { kind: 'done' };

export interface RegexTrace {
  source: string;
  flags: string;
  inputLength: number;
  /** The calling frames (pipeline or library code), innermost first. */
  callers: string[];
}

/** The budget for a phase: FACTOR × the plain scan of the same bytes, plus CONSTANT_MS. */
export const FACTOR = 50;
export const CONSTANT_MS = 2000;
export const TRACE_BYTES = 16 * 1024;
/** Regexes run on strings shorter than this are not traced (they cannot take long). */
const TRACE_MIN_LENGTH = 2048;

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** A plain scan of the bytes: split into lines and classify them once, and hash. */
function plainScan(bytes: Buffer): number {
  const runs = [0, 1, 2].map(() =>
    time(() => {
      buildPage(bytes.toString('utf8'));
      createHash('sha256').update(bytes).digest('hex');
    }),
  );
  return runs.sort((a, b) => a - b)[1]!;
}

/** Every regex that starts on a long string writes itself and its callers to `sab` first. */
function traceRegexes(sab: SharedArrayBuffer): void {
  const bytes = new Uint8Array(sab);
  const len = new Int32Array(sab, 0, 1);
  const encoder = new TextEncoder();
  const exec = RegExp.prototype.exec;
  let lastRegex: RegExp | undefined;
  let lastInput: string | undefined;
  // The spec routes test, match, replace, split and search through `exec` when it is replaced.
  // A global or sticky scan calls it again for each match on the same string: trace it once.
  RegExp.prototype.exec = function tracedExec(this: RegExp, s: string): RegExpExecArray | null {
    if (typeof s === 'string' && s.length >= TRACE_MIN_LENGTH && (this !== lastRegex || s !== lastInput)) {
      lastRegex = this;
      lastInput = s;
      const callers = (new Error().stack ?? '')
        .split('\n')
        .slice(2)
        .map((l) => l.trim().replace(/^at /u, '').replace(/file:\/\/\/\S*?\/(dist\/|node_modules\/)/gu, '$1'))
        .filter((l) => !l.includes('tracedExec') && !l.startsWith('String.') && !l.startsWith('RegExp.') && !l.startsWith('[Symbol.'))
        .slice(0, 4);
      const trace: RegexTrace = { source: this.source.slice(0, 400), flags: this.flags, inputLength: s.length, callers };
      const data = encoder.encode(JSON.stringify(trace)).subarray(0, TRACE_BYTES - 4);
      bytes.set(data, 4);
      Atomics.store(len, 0, data.length);
    }
    return exec.call(this, s);
  };
}

/** Reads what traceRegexes last wrote, or null. */
export function readTrace(sab: SharedArrayBuffer): RegexTrace | null {
  const n = Atomics.load(new Int32Array(sab, 0, 1), 0);
  if (n <= 0) return null;
  try {
    return JSON.parse(new TextDecoder().decode(new Uint8Array(sab).slice(4, 4 + n))) as RegexTrace;
  } catch {
    return null; // cut off mid-character by the size limit
  }
}

/**
 * Runs the file stages of processFile one by one, as processFile does, timing each; the
 * quality stage is timed rule by rule instead (every registered rule, as checkQuality runs
 * them), so a slow phase is named. Every phase has the same budget.
 */
function run(task: RedosTask, post: (m: RedosMessage) => void): void {
  const config = defaultConfig();
  const all = adversarialInputs();
  // Warm-up: module-level data, regex compilation and the JIT are not what is measured.
  processFile('seeds/warm.txt', 'warm.txt', Buffer.from('时间：2022-09-11 来源：新闻中心\n城市基层治理是国家治理的基础工程。\n'), config);
  if (task.trace) traceRegexes(task.trace);
  for (const name of task.inputs) {
    const bytes = all.get(name);
    if (!bytes) throw new Error(`unknown input ${name}`);
    const scan = plainScan(bytes);
    const boundMs = Math.round(FACTOR * scan + CONSTANT_MS);
    post({ kind: 'result', input: name, phase: 'plain scan', ms: scan, boundMs });
    const phase = (label: string, fn: () => void): void => {
      post({ kind: 'start', input: name, phase: label, boundMs });
      let error: string | undefined;
      const ms = time(() => {
        try {
          fn();
        } catch (err) {
          error = (err as Error)?.stack?.split('\n').slice(0, 3).join(' ') ?? String(err);
        }
      });
      post({ kind: 'result', input: name, phase: label, ms, boundMs, ...(error ? { error } : {}) });
    };
    const file = createSeedFile(`seeds/${name}.txt`, `${name}.txt`, bytes, config);
    for (const stage of fileStages) {
      if (stage.name !== 'quality') {
        phase(`stage ${stage.name}`, () => stage.run(file));
        continue;
      }
      for (const rule of rules) phase(`rule ${rule.id}`, () => rule.check(file, () => undefined, resolveOptions(rule, {})));
    }
  }
  post({ kind: 'done' });
}

// node --test also loads every .js file under dist/test/ on its own: do nothing there.
if (parentPort && workerData && (workerData as { redos?: RedosTask }).redos) {
  const port = parentPort;
  run((workerData as { redos: RedosTask }).redos, (m) => port.postMessage(m));
}
