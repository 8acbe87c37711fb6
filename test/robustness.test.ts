// Hostile inputs that cannot live in git (test/cases/bad-* hold the rest): each gives a clear
// diagnostic, the run goes on, the exit code is 0 or 1 (never 2), and nothing outside seeds/
// is read — checked through a recording fs passed to main().
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { MAX_SEED_BYTES } from '../pipeline/limits.js';
import { packageRoot } from '../pipeline/paths.js';
import { validator } from '../pipeline/schemas.js';
import type { Diagnostic, SeedRecord } from '../pipeline/types.js';
import { isInside, READING, recordingFs, WRITING, type Failure } from './helpers/recording-fs.js';
import { runCli } from './helpers/run-cli.js';
import { GOOD_A, GOOD_B, indexFor, tempCorpus } from './helpers/temp-corpus.js';

const A = '000_0123456789abcdef.txt';
const B = '001_1111111111111111.txt';
const C = '002_2222222222222222.txt';

interface Outcome {
  code: number;
  stderr: string;
  diagnostics: Diagnostic[];
  records: SeedRecord[];
  manifestText: string;
}

/** Runs main() on <dir>/seeds writing to <dir>/out, and checks the invariants every run keeps. */
async function check(dir: string, failures: Failure[] = []): Promise<Outcome & { calls: ReturnType<typeof recordingFs>['calls'] }> {
  const rec = recordingFs(failures);
  const out = path.join(dir, 'out');
  const run = await runCli(['--seeds', 'seeds', '--out', out, '--format', 'json'], dir, { fs: rec.fs });
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}, stderr: ${run.stderr}`);
  const manifestText = readFileSync(path.join(out, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as { records: SeedRecord[] };
  const validate = validator('manifest');
  assert.ok(validate(manifest), JSON.stringify(validate.errors?.slice(0, 3)));
  assert.ok(existsSync(path.join(out, 'report.html')));
  const seeds = realpathSync(path.join(dir, 'seeds'));
  const writesInSeeds = rec.calls.filter((c) => WRITING.has(c.method) && (isInside(seeds, c.path) || isInside(path.join(dir, 'seeds'), c.path)));
  assert.deepEqual(writesInSeeds, [], 'nothing is ever written inside seeds/');
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
  return { code: run.code, stderr: run.stderr, diagnostics, records: manifest.records, manifestText, calls: rec.calls };
}

function rules(ds: Diagnostic[], file: string): string[] {
  return ds.filter((d) => d.file === file).map((d) => d.ruleId);
}

test('a 50 MB file is reported as too large, never read, and the run goes on', { timeout: 120_000 }, async () => {
  const big = Buffer.alloc(50 * 1024 * 1024, Buffer.from('城市基层治理是国家治理的基础工程。\n'));
  const { dir, seeds } = tempCorpus('big', { [A]: GOOD_A, [B]: big, [C]: GOOD_B });
  const started = Date.now();
  const r = await check(dir);
  assert.ok(Date.now() - started < 30_000, 'a file over the limit costs nothing but a stat');
  assert.equal(r.code, 1);
  const d = r.diagnostics.find((x) => x.file === `seeds/${B}` && x.ruleId === 'read/too-large');
  assert.ok(d, JSON.stringify(r.diagnostics));
  assert.match(d.message, /50\.0 MB, over the 10\.0 MB limit/u);
  assert.equal(d.measured, big.length);
  assert.ok(!r.calls.some((c) => READING.has(c.method) && c.path === path.join(seeds, B)), 'the big file is not read');
  assert.deepEqual(r.records.map((x) => x.file), [A, C], 'the other files are still checked');
  assert.ok(big.length > MAX_SEED_BYTES);
});

test('a single 5 MB line is analysed in bounded time', { timeout: 180_000 }, async () => {
  const sentence = '城市基层治理是国家治理的基础工程，各地坚持以人民为中心的发展思想，推动治理重心向基层下移。';
  const line = Buffer.from(sentence.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(sentence))));
  const { dir } = tempCorpus('long-line', { [A]: GOOD_A, [B]: line, [C]: GOOD_B });
  const started = Date.now();
  const r = await check(dir);
  const ms = Date.now() - started;
  const rec = r.records.find((x) => x.file === B);
  assert.ok(rec, 'the long file has a record');
  assert.equal(rec.lines, 1);
  assert.equal(rec.bytes, line.length);
  const d = r.diagnostics.find((x) => x.file === `seeds/${B}` && x.ruleId === 'layout/no-line-breaks');
  assert.ok(d, 'the one huge line is reported');
  assert.match(d.message, /is one line/u);
  // Generous: the regex-safety bound itself is tested in redos.test.ts; this catches a hang.
  assert.ok(ms < 120_000, `5 MB line took ${ms} ms`);
  assert.ok(!r.diagnostics.some((x) => x.ruleId.startsWith('internal/')), JSON.stringify(r.diagnostics.filter((x) => x.ruleId.startsWith('internal/'))));
});

test('symlinks pointing outside seeds/ are reported and never read (files, INDEX.md, folders, loops)', async () => {
  const { dir, seeds } = tempCorpus('symlinks', { [A]: GOOD_A }, null);
  const outside = path.join(dir, 'outside');
  mkdirSync(outside);
  const secret = path.join(outside, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-CONTENT 城市基层治理是国家治理的基础工程。'.repeat(5));
  const outsideIndex = path.join(outside, 'INDEX.md');
  writeFileSync(outsideIndex, `${indexFor([A, B, C, '003_3333333333333333.txt', '004_4444444444444444.txt'])}| TOP-SECRET-ROW |  |  |  |  |  |\n`);
  symlinkSync(secret, path.join(seeds, B)); // absolute link to a file outside
  symlinkSync('../outside', path.join(seeds, C)); // relative link to a folder outside
  symlinkSync(outsideIndex, path.join(seeds, 'INDEX.md'));
  symlinkSync('005_loop_b.txt', path.join(seeds, '005_loop_a.txt')); // a loop
  symlinkSync('005_loop_a.txt', path.join(seeds, '005_loop_b.txt'));
  symlinkSync(A, path.join(seeds, '003_3333333333333333.txt')); // inside: allowed and read
  symlinkSync('/etc/passwd', path.join(seeds, '004_4444444444444444.txt'));

  const r = await check(dir);
  assert.equal(r.code, 1);
  assert.deepEqual(rules(r.diagnostics, `seeds/${B}`), ['discover/symlink-outside']);
  assert.deepEqual(rules(r.diagnostics, `seeds/${C}`), ['discover/symlink-outside']);
  assert.deepEqual(rules(r.diagnostics, 'seeds/004_4444444444444444.txt'), ['discover/symlink-outside']);
  assert.deepEqual(rules(r.diagnostics, 'seeds/005_loop_a.txt'), ['discover/broken-symlink']);
  const index = r.diagnostics.filter((d) => d.file === 'seeds/INDEX.md');
  assert.deepEqual(index.map((d) => d.ruleId), ['index/symlink-outside']);
  assert.match(index[0]!.message, /outside the seeds folder; it was not read/u);
  assert.ok(r.records.some((x) => x.file === '003_3333333333333333.txt'), 'a symlink to a seed inside the folder is followed');

  const realSeeds = realpathSync(seeds);
  for (const c of r.calls.filter((x) => READING.has(x.method))) {
    if (!isInside(seeds, c.path) && !isInside(realSeeds, c.path)) continue;
    let real = c.path;
    try {
      real = realpathSync(c.path);
    } catch {
      continue; // a loop or a dangling link cannot be read either
    }
    assert.ok(isInside(realSeeds, real), `${c.method}(${c.path}) reads ${real}, outside seeds/`);
  }
  assert.ok(!r.manifestText.includes('TOP-SECRET'), 'no byte from outside seeds/ reaches the manifest');
  assert.ok(!JSON.stringify(r.diagnostics).includes('TOP-SECRET'));
});

test('an INDEX.md row linking to ../../etc/passwd is refused and nothing it names is read', async () => {
  const index = `${indexFor([A])}| [passwd](../../etc/passwd) |  |  |  |  |  |\n| [p2](/etc/passwd) |  |  |  |  |  |\n| [p3](..%2F..%2Fetc%2Fpasswd) |  |  |  |  |  |\n`;
  const { dir } = tempCorpus('passwd', { [A]: GOOD_A }, index);
  const r = await check(dir);
  assert.equal(r.code, 1);
  const outside = r.diagnostics.filter((d) => d.ruleId === 'index/link-outside');
  assert.deepEqual(outside.map((d) => d.line), [14, 15, 16]);
  assert.ok(outside.every((d) => /outside the seeds folder/u.test(d.message)));
  assert.ok(!r.calls.some((c) => c.path.includes(`${path.sep}etc${path.sep}passwd`)), 'no call ever names /etc/passwd');
});

test('a directory and a FIFO named like seeds are reported, not read (a FIFO would block a reader)', { timeout: 60_000 }, async (t) => {
  const { dir, seeds } = tempCorpus('not-files', { [A]: GOOD_A, [C]: GOOD_B }, indexFor([A, B, C, '003_3333333333333333.txt']));
  mkdirSync(path.join(seeds, B));
  writeFileSync(path.join(seeds, B, 'inner.txt'), GOOD_A);
  let fifo = true;
  try {
    execFileSync('mkfifo', [path.join(seeds, '003_3333333333333333.txt')]);
  } catch {
    fifo = false;
    t.diagnostic('mkfifo is not available: the FIFO half of this test did not run');
  }
  const r = await check(dir);
  assert.equal(r.code, 1);
  assert.deepEqual(rules(r.diagnostics, `seeds/${B}`), ['discover/not-a-file']);
  assert.match(r.diagnostics.find((d) => d.file === `seeds/${B}`)!.message, /folder is named like a seed/u);
  if (fifo) assert.deepEqual(rules(r.diagnostics, 'seeds/003_3333333333333333.txt'), ['discover/not-a-file']);
  assert.deepEqual(r.records.map((x) => x.file), [A, C]);
});

test('an unreadable file gives read/unreadable and the run goes on (simulated EACCES: tests may run as root)', async () => {
  const { dir, seeds } = tempCorpus('eacces', { [A]: GOOD_A, [B]: GOOD_B, [C]: GOOD_B.toString().replace('。', '！') });
  // As root, chmod 000 does not stop a read, so the fs given to main() refuses it instead.
  const r = await check(dir, [{ path: path.join(seeds, B), methods: ['readFile', 'open'], code: 'EACCES' }]);
  assert.equal(r.code, 1);
  const d = r.diagnostics.filter((x) => x.file === `seeds/${B}`);
  assert.deepEqual(d.map((x) => x.ruleId), ['read/unreadable']);
  assert.match(d[0]!.message, /cannot read file \(EACCES\)/u);
  assert.deepEqual(r.records.map((x) => x.file), [A, C]);
  assert.ok(!r.diagnostics.some((x) => x.ruleId === 'index/missing-file' || x.ruleId === 'index/missing-row'), 'an unreadable file still counts as present for INDEX.md');
});

test('an unreadable file (real chmod 000, when not running as root)', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('running as root: permissions do not stop reads (the simulated EACCES test covers this)');
    return;
  }
  const { dir, seeds } = tempCorpus('chmod', { [A]: GOOD_A, [B]: GOOD_B });
  chmodSync(path.join(seeds, B), 0o000);
  try {
    const r = await check(dir);
    assert.deepEqual(rules(r.diagnostics, `seeds/${B}`), ['read/unreadable']);
  } finally {
    chmodSync(path.join(seeds, B), 0o644);
  }
});

test('an unreadable INDEX.md is reported as unreadable, not as missing', async () => {
  const { dir, seeds } = tempCorpus('index-eacces', { [A]: GOOD_A });
  const r = await check(dir, [{ path: path.join(seeds, 'INDEX.md'), methods: ['readFile', 'open'], code: 'EACCES' }]);
  assert.equal(r.code, 1);
  const d = r.diagnostics.filter((x) => x.file === 'seeds/INDEX.md');
  assert.deepEqual(d.map((x) => x.ruleId), ['index/unreadable']);
  assert.match(d[0]!.message, /EACCES/u);
});

test('a file that vanishes between listing and reading is reported; the run goes on', async () => {
  const { dir, seeds } = tempCorpus('vanish', { [A]: GOOD_A, [B]: GOOD_B, [C]: GOOD_B.toString().replace('。', '！') });
  const r = await check(dir, [
    { path: path.join(seeds, B), methods: ['lstat'], code: 'ENOENT' },
    { path: path.join(seeds, C), methods: ['readFile', 'open'], code: 'ENOENT' },
  ]);
  assert.deepEqual(rules(r.diagnostics, `seeds/${B}`), ['discover/unreadable']);
  assert.deepEqual(rules(r.diagnostics, `seeds/${C}`), ['read/unreadable']);
  assert.deepEqual(r.records.map((x) => x.file), [A]);
});

test('an unlistable seeds folder exits 2 with one clear line', async () => {
  const { dir, seeds } = tempCorpus('readdir', { [A]: GOOD_A });
  const rec = recordingFs([{ path: seeds, methods: ['readdir', 'opendir'], code: 'EACCES' }]);
  const run = await runCli(['--no-write'], dir, { fs: rec.fs });
  assert.equal(run.code, 2);
  assert.equal(run.stderr, 'seedcheck: cannot list the seeds folder seeds: EACCES\n');
});

test('file names with a leading dash, spaces, Unicode and control characters are just names', async () => {
  const names = ['-rf.txt', '--help.txt', '-n 1.txt', 'my seed.txt', '种子 文件.txt', 'tab\there.txt', 'nl\nhere.txt'];
  const files: Record<string, string> = {};
  for (const [i, n] of names.entries()) files[n] = `${GOOD_A.toString()}第${i + 1}份。\n`;
  const { dir } = tempCorpus('names', files, indexFor(names.map((n) => n.replace(/\n/gu, ' '))));
  const r = await check(dir);
  assert.equal(r.code, 1, 'bad names are errors, never a usage error (2)');
  assert.deepEqual(r.records.map((x) => x.file).sort(), [...names].sort(), 'every one is read as a seed');
  for (const n of names) {
    assert.ok(r.diagnostics.some((d) => d.ruleId === 'index/file-name' && d.message.includes(n)), `${JSON.stringify(n)} is reported as a bad name`);
  }
  // And through the real bin, where an argv-confused tool would treat them as options.
  const bin = path.join(packageRoot, 'dist', 'pipeline', 'bin.js');
  const child = spawnSync(process.execPath, [bin, '--seeds', 'seeds', '--no-write', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(child.status, 1, child.stderr);
  assert.equal((JSON.parse(child.stdout) as { summary: { files: number } }).summary.files, names.length);
});

test('a binary, an empty and a zero-byte file in one corpus: each reported, the rest checked', async () => {
  const noise = Buffer.alloc(8192);
  for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
  const { dir } = tempCorpus('mixed', { [A]: GOOD_A, [B]: noise, [C]: '', '003_3333333333333333.txt': GOOD_B });
  const r = await check(dir);
  assert.equal(r.code, 1);
  assert.ok(rules(r.diagnostics, `seeds/${B}`).includes('encoding/nul-bytes'));
  assert.ok(rules(r.diagnostics, `seeds/${C}`).includes('layout/empty'));
  assert.equal(r.records.length, 4);
});

test('every committed bad-input case has at least one diagnostic in its expected output', () => {
  const casesDir = path.join(packageRoot, 'test', 'cases');
  const bad = readdirSync(casesDir).filter((n) => n.startsWith('bad-'));
  assert.ok(bad.length >= 15, `${bad.length} bad-input cases`);
  for (const name of bad) {
    const expected = readFileSync(path.join(casesDir, name, 'expected.txt'), 'utf8').trim().split('\n');
    assert.ok(expected.length >= 2, `${name}: a bad input must give a clear diagnostic, got only "${expected[0]}"`);
    assert.notEqual(expected[0], 'exit 2', `${name}: the run must go on`);
  }
});

test('outputs, the cache and the baseline are refused inside seeds/ (exit 2), even through a symlink', async () => {
  const { dir, seeds } = tempCorpus('out-inside', { [A]: GOOD_A });
  symlinkSync(seeds, path.join(dir, 'reports-link'));
  const before = readdirSync(seeds).sort();
  for (const argv of [
    ['--out', 'seeds/reports'],
    ['--out', 'seeds'],
    ['--out', 'reports-link/out'],
    ['--cache-dir', 'seeds/.cache', '--no-write'],
    ['--update-baseline', '--baseline', 'seeds/baseline.json', '--no-write'],
  ]) {
    const run = await runCli(argv, dir);
    assert.equal(run.code, 2, `${argv.join(' ')}: ${run.stdout}`);
    assert.match(run.stderr, /is inside the seeds folder seeds; validate never writes there/u, argv.join(' '));
  }
  const fromInside = await runCli(['--seeds', '.'], seeds);
  assert.equal(fromInside.code, 2, 'run from inside seeds/, the default reports/ and cache would land in it');
  assert.deepEqual(readdirSync(seeds).sort(), before, 'nothing was written');
  assert.equal((await runCli(['--out', 'out'], dir)).code, 0, 'outside is fine');
});

test('evidence columns stay exact (surrogate pairs) and linear along one long line with many findings', async () => {
  const { buildPage, codePointLength, evidenceIn } = await import('../pipeline/page.js');
  const text = 'ab𠀀“”中'.repeat(40_000);
  const line = buildPage(text).lines[0]!;
  const started = Date.now();
  for (let i = text.indexOf('“'); i >= 0; i = text.indexOf('“', i + 1)) {
    const column = evidenceIn(line, i, '“”').column;
    if (i % 997 === 0 || i < 50) assert.equal(column, codePointLength(text.slice(0, i)) + 1);
  }
  assert.ok(Date.now() - started < 2000, `40,000 findings on one 280,000-unit line took ${Date.now() - started} ms`);
  for (const i of [5, 3, 4, 0, 200, 2]) assert.equal(evidenceIn(line, i, 'x').column, codePointLength(text.slice(0, i)) + 1, `index ${i} out of order`);
});
