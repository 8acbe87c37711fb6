// One lane of the fuzz test (test/fuzz.test.ts), run in a worker thread so the lanes use every
// core: seeded mutations of the real seeds and INDEX.md run through main() in-process. Most
// runs write their outputs to a memory fs (fast); every WRITE_EVERY-th writes to disk and is
// checked to be deterministic too. Stops at its share of the iterations or at the deadline.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { formatters } from '../../pipeline/format/index.js';
import type { Fs } from '../../pipeline/io.js';
import { packageRoot } from '../../pipeline/paths.js';
import { validator } from '../../pipeline/schemas.js';
import { Fuzzer, prng, type Corpus } from './mutate.js';
import { runCli, type CliRun } from './run-cli.js';

const WRITE_EVERY = 25;

export interface LaneTask {
  seed: number;
  lane: number;
  lanes: number;
  maxIterations: number;
  deadline: number;
}

export interface LaneResult {
  iterations: number;
  exits: { 0: number; 1: number };
  failure?: string;
}

function baseCorpus(): Corpus {
  const dir = path.join(packageRoot, 'seeds');
  return new Map(readdirSync(dir).filter((n) => !n.startsWith('.')).sort().map((n) => [n, readFileSync(path.join(dir, n))]));
}

/** Writes under `outDir` go to memory; everything else to the real fs. */
function memoryOutputs(outDir: string): { fs: Fs; files: Map<string, string> } {
  const files = new Map<string, string>();
  const inOut = (p: unknown): p is string => typeof p === 'string' && path.resolve(p).startsWith(outDir + path.sep);
  const proxy = new Proxy(fs, {
    get(target, prop, receiver) {
      const real: unknown = Reflect.get(target, prop, receiver);
      if (typeof real !== 'function') return real;
      const call = (...args: unknown[]): unknown => (real as (...a: unknown[]) => unknown).apply(target, args);
      switch (prop) {
        case 'mkdir':
          return (p: unknown, ...rest: unknown[]) => (path.resolve(String(p)) === outDir || inOut(p) ? Promise.resolve(undefined) : call(p, ...rest));
        case 'writeFile':
          return (p: unknown, data: unknown, ...rest: unknown[]) => {
            if (!inOut(p)) return call(p, data, ...rest);
            files.set(path.resolve(p), typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString('utf8'));
            return Promise.resolve();
          };
        case 'rename':
          return (a: unknown, b: unknown) => {
            if (!inOut(a) || !inOut(b)) return call(a, b);
            const data = files.get(path.resolve(a));
            if (data === undefined) return Promise.reject(Object.assign(new Error(`ENOENT: ${a}`), { code: 'ENOENT' }));
            files.delete(path.resolve(a));
            files.set(path.resolve(b), data);
            return Promise.resolve();
          };
        case 'stat':
          // Outputs live in memory: a real file left by an on-disk iteration must not pass for them.
          return (p: unknown, ...rest: unknown[]) => (inOut(p) ? Promise.reject(Object.assign(new Error(`ENOENT: ${String(p)}`), { code: 'ENOENT' })) : call(p, ...rest));
        case 'rm':
          return (p: unknown, ...rest: unknown[]) => {
            if (!inOut(p)) return call(p, ...rest);
            files.delete(path.resolve(p));
            return Promise.resolve();
          };
        default:
          return real;
      }
    },
  });
  return { fs: proxy as Fs, files };
}

function writeCorpus(seeds: string, corpus: Corpus): void {
  rmSync(seeds, { recursive: true, force: true });
  mkdirSync(seeds);
  for (const [name, bytes] of corpus) writeFileSync(path.join(seeds, name), bytes);
}

class Failed extends Error {}

/** The result cache is local state, but it too may be truncated or damaged: damage one file of it. */
function damageCache(fuzzer: Fuzzer, dir: string): string {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else files.push(path.join(d, e.name));
    }
  };
  try {
    walk(dir);
  } catch {
    return 'cache: none yet';
  }
  if (files.length === 0) return 'cache: none yet';
  const file = fuzzer.pick(files);
  const [what, bytes] = fuzzer.damage(readFileSync(file), new Map());
  writeFileSync(file, bytes);
  return `cache ${path.basename(file)}: ${what}`;
}

export async function fuzzLane(task: LaneTask): Promise<LaneResult> {
  const base = baseCorpus();
  // One PRNG per lane, so a lane's corpora do not depend on how fast the other lane runs.
  const fuzzer = new Fuzzer(prng((task.seed + task.lane * 0x9e3779b9) >>> 0));
  const work = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-fuzz-'));
  const seeds = path.join(work, 'seeds');
  const out = path.join(work, 'out');
  const validate = validator('manifest');
  const formats = Object.keys(formatters);
  const exits = { 0: 0, 1: 0 };
  let k = 0;
  let i = task.lane;

  const fail: (what: string, mutations: string[], detail: string) => never = (what, mutations, detail) => {
    const kept = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-fuzz-failure-'));
    cpSync(seeds, path.join(kept, 'seeds'), { recursive: true });
    throw new Failed(`${what} (FUZZ_SEED=${task.seed}, lane ${task.lane}, iteration ${i}; corpus kept in ${kept}; mutations: ${mutations.join('; ')})\n${detail.slice(0, 4000)}`);
  };

  try {
    for (; i < task.maxIterations && Date.now() < task.deadline; i += task.lanes, k += 1) {
      const corpus = new Map(base);
      const mutations = fuzzer.mutate(corpus);
      writeCorpus(seeds, corpus);
      const format = formats[i % formats.length]!;
      const onDisk = i % WRITE_EVERY === 0;
      if (i % 10 === 5) mutations.push(damageCache(fuzzer, path.join(work, '.cache')));
      const mem = memoryOutputs(out);
      let run: CliRun;
      try {
        run = await runCli(['--seeds', 'seeds', '--out', out, '--format', format], work, onDisk ? {} : { fs: mem.fs });
      } catch (err) {
        fail('main() threw', mutations, (err as Error).stack ?? String(err));
      }
      if (run.code !== 0 && run.code !== 1) fail(`exit ${run.code}`, mutations, run.stderr);
      exits[run.code as 0 | 1] += 1;
      if (/internal error|internal\/stage-failed|internal%2Fstage-failed/u.test(run.stdout + run.stderr)) fail('a stage crashed', mutations, run.stdout + run.stderr);
      if (run.stdout === '') fail(`--format ${format} printed nothing`, mutations, run.stderr);
      if (format === 'json' || format === 'sarif') {
        try {
          JSON.parse(run.stdout);
        } catch {
          fail(`--format ${format} printed invalid JSON`, mutations, run.stdout);
        }
      }

      const manifestFile = path.join(out, 'manifest.json');
      const manifestText = onDisk ? readFileSync(manifestFile, 'utf8') : mem.files.get(manifestFile);
      const report = onDisk ? readFileSync(path.join(out, 'report.html'), 'utf8') : mem.files.get(path.join(out, 'report.html'));
      if (manifestText === undefined || report === undefined) fail('the manifest or the report was not written', mutations, [...mem.files.keys()].join('\n'));
      let manifest: unknown;
      try {
        manifest = JSON.parse(manifestText);
      } catch {
        fail('manifest.json is not JSON', mutations, manifestText);
      }
      if (!validate(manifest)) fail('manifest.json does not match its schema', mutations, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      if (!report.startsWith('<!doctype html>') || !report.includes('Content-Security-Policy')) fail('report.html is incomplete', mutations, report.slice(0, 500));
      if (onDisk) {
        const again = await runCli(['--seeds', 'seeds', '--out', out, '--format', 'json'], work);
        if (readFileSync(manifestFile, 'utf8') !== manifestText) fail('the manifest is not deterministic', mutations, again.stderr);
      }
    }
  } catch (err) {
    if (err instanceof Failed) return { iterations: k, exits, failure: err.message };
    throw err;
  }
  rmSync(work, { recursive: true, force: true });
  return { iterations: k, exits };
}

// node --test also loads every .js file under dist/test/ on its own: do nothing there.
if (parentPort && workerData && (workerData as { fuzz?: LaneTask }).fuzz) {
  const port = parentPort;
  void fuzzLane((workerData as { fuzz: LaneTask }).fuzz).then(
    (r) => port.postMessage(r),
    (err: Error) => port.postMessage({ iterations: 0, exits: { 0: 0, 1: 0 }, failure: `the lane crashed: ${err.stack ?? String(err)}` } satisfies LaneResult),
  );
}
