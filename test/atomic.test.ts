// Atomic outputs: the real bin is SIGKILLed while it writes the manifest (the moment its temp
// file appears), and the manifest and report left behind are byte-equal to the previous run's
// or to a complete new one — never partial. The next run leaves no stale temp file. And
// validate never writes inside seeds/: the folder hashes the same before and after.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../pipeline/paths.js';

const bin = path.join(packageRoot, 'dist', 'pipeline', 'bin.js');
const FILES = 400;
const ATTEMPTS = 6;

/** Names, modes, sizes, mtimes and bytes of everything under `dir`. */
function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = lstatSync(p);
      h.update(`${path.relative(dir, p)}\0${st.mode}\0${st.size}\0${st.mtimeMs}\0`);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) h.update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** A corpus of FILES distinct seeds cut from the real ones, with a matching INDEX.md. */
function bigCorpus(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-atomic-'));
  const seeds = path.join(dir, 'seeds');
  mkdirSync(seeds);
  const source = readdirSync(path.join(packageRoot, 'seeds'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => readFileSync(path.join(packageRoot, 'seeds', n), 'utf8'))
    .join('\n');
  const rows: string[] = [];
  for (let i = 0; i < FILES; i += 1) {
    const start = (i * 7919) % Math.max(1, source.length - 1500);
    const name = `${String(i).padStart(4, '0')}_${createHash('sha256').update(String(i)).digest('hex').slice(0, 16)}.txt`;
    writeFileSync(path.join(seeds, name), `第${i}号文件\n${source.slice(start, start + 600 + (i % 900))}\n`);
    rows.push(`| ${name} |  |  |  |  |  |`);
  }
  writeFileSync(
    path.join(seeds, 'INDEX.md'),
    `---\nname: atomic test corpus\ndescription: generated\nlicence: CC0-1.0\nlanguage: zh\nmaintainers:\n  - tests\ncount: ${FILES}\n---\n\n| file | title | type | date | author | region |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`,
  );
  return dir;
}

/** The child's environment without CI variables (no annotations, no step summary). */
function env(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_'))) as NodeJS.ProcessEnv;
}

function validate(cwd: string, out: string): number {
  const r = spawnSync(process.execPath, [bin, '--seeds', 'seeds', '--out', out, '--format', 'json'], { cwd, env: env(), stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr?.toString()}`);
  return r.status;
}

interface Killed {
  /** A temp file of the manifest existed when the process was killed (it was mid-write). */
  midWrite: boolean;
  /** The manifest itself changed before any temp file appeared (a non-atomic write). */
  directWrite: boolean;
}

/** Spawns validate and SIGKILLs it as soon as it starts writing the manifest's temp file. */
function killWhileWriting(cwd: string, out: string): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const outDir = path.join(cwd, out);
    let tmp: string | undefined;
    let directWrite = false;
    let sawTmp = false;
    const child = spawn(process.execPath, [bin, '--seeds', 'seeds', '--out', out, '--format', 'json'], { cwd, env: env(), stdio: 'ignore' });
    const watcher = watch(outDir, (_event, name) => {
      const n = String(name ?? '');
      if (/^\.manifest\.json\..*\.tmp$/u.test(n)) {
        sawTmp = true;
        if (tmp === undefined && existsSync(path.join(outDir, n))) {
          tmp = n;
          child.kill('SIGKILL');
        }
      } else if (n === 'manifest.json' && !sawTmp) {
        directWrite = true;
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      watcher.close();
      // Still there once the process is gone: it died before renaming it over the manifest.
      resolve({ midWrite: tmp !== undefined && existsSync(path.join(outDir, tmp)), directWrite });
    });
  });
}

test('SIGKILL while writing leaves the previous manifest and report intact, never a partial one', { timeout: 600_000 }, async (t) => {
  const dir = bigCorpus();
  const seeds = path.join(dir, 'seeds');
  const seedsHash = hashTree(seeds);

  validate(dir, 'out'); // the previous outputs (and a warm cache, so later runs reach the write quickly)
  const previous = { manifest: readFileSync(path.join(dir, 'out', 'manifest.json')), report: readFileSync(path.join(dir, 'out', 'report.html')) };
  assert.ok(previous.manifest.length > 1_000_000, `a manifest big enough to be caught mid-write (${previous.manifest.length} bytes)`);

  // The corpus changes (one file), so the next outputs differ from the previous ones.
  const changed = readdirSync(seeds).find((n) => n.endsWith('.txt'))!;
  writeFileSync(path.join(seeds, changed), `${readFileSync(path.join(seeds, changed), 'utf8')}新增一段文字，使本文件与上次不同。\n`);
  const changedHash = hashTree(seeds);
  validate(dir, 'ref'); // what a complete run on the changed corpus writes (outputs are deterministic)
  const next = { manifest: readFileSync(path.join(dir, 'ref', 'manifest.json')), report: readFileSync(path.join(dir, 'ref', 'report.html')) };
  assert.ok(!next.manifest.equals(previous.manifest));

  let caught = 0;
  for (let attempt = 0; attempt < ATTEMPTS && caught < 2; attempt += 1) {
    const k = await killWhileWriting(dir, 'out');
    assert.ok(!k.directWrite, 'the manifest was written in place, not through a temp file');
    const manifest = readFileSync(path.join(dir, 'out', 'manifest.json'));
    const report = readFileSync(path.join(dir, 'out', 'report.html'));
    assert.ok(manifest.equals(previous.manifest) || manifest.equals(next.manifest), `attempt ${attempt}: manifest.json is neither the previous nor a complete new one (${manifest.length} bytes)`);
    assert.ok(report.equals(previous.report) || report.equals(next.report), `attempt ${attempt}: report.html is neither the previous nor a complete new one`);
    if (k.midWrite) {
      caught += 1;
      assert.ok(manifest.equals(previous.manifest), 'killed before the rename: the previous manifest is still there, byte for byte');
      assert.ok(report.equals(previous.report), 'killed before the manifest was renamed: the previous report too');
    } else {
      // Too late (the run had finished its writes): start again from the previous outputs.
      writeFileSync(path.join(dir, 'out', 'manifest.json'), previous.manifest);
      writeFileSync(path.join(dir, 'out', 'report.html'), previous.report);
    }
  }
  t.diagnostic(`killed mid-write in ${caught} of the attempts`);
  assert.ok(caught >= 1, 'validate was never caught mid-write; the test could not check atomicity');

  // The next complete run writes the new outputs and removes the temp files of killed runs.
  validate(dir, 'out');
  assert.ok(readFileSync(path.join(dir, 'out', 'manifest.json')).equals(next.manifest));
  assert.ok(readFileSync(path.join(dir, 'out', 'report.html')).equals(next.report));
  assert.deepEqual(readdirSync(path.join(dir, 'out')).filter((n) => n.endsWith('.tmp')), [], 'no stale temp files after a complete run');

  // validate never wrote inside seeds/: only the test's own edit changed the tree.
  assert.equal(hashTree(seeds), changedHash, 'validate must never write inside seeds/');
  assert.notEqual(seedsHash, changedHash);
  assert.ok(!existsSync(path.join(seeds, '.cache')));
  rmSync(dir, { recursive: true, force: true });
});
