// --changed-since on a temporary git repository: a copy of the seeds and INDEX.md, committed;
// then a pull-request-like change. Only added or changed seeds may be read (a counting fs is
// passed to main()); the corpus checks still see every file; the manifest is the one a full
// run writes. The corpus's existing findings (whatever the rules of the day say about the
// real seeds) are recorded in a baseline at the base commit, as a CI adopting the tool would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../pipeline/paths.js';
import { countingFs } from './helpers/counting-fs.js';
import { runCli } from './helpers/run-cli.js';

const SEEDS = path.join(packageRoot, 'seeds');
const FIXTURES = path.join(packageRoot, 'test', 'fixtures', 'changed-since');
const ORIGINAL = ['000_32807b01a9652c49.txt', '001_441182d5b2a5f59a.txt', '002_eaa48e586d34a090.txt', '003_3a9f51b08f87bb11.txt', '004_e8825e5862d1a0f3.txt'];
const NEW_SEED = '005_00c0ffee00c0ffee.txt';
const BASELINE = 'seedcheck.baseline.json';

// The test's own git commands ignore the machine's git configuration (signing, hooks, names).
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim();
}


/** A committed copy of the seeds with a manifest and a baseline from a full run at that commit. */
async function baseRepo(): Promise<{ dir: string; base: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-git-'));
  cpSync(SEEDS, path.join(dir, 'seeds'), { recursive: true });
  git(dir, 'init', '-q');
  const full = await runCli(['--out', 'reports', '--format', 'json', '--update-baseline', '--baseline', BASELINE], dir);
  assert.equal(full.code, 0, full.stderr);
  writeFileSync(path.join(dir, '.gitignore'), 'reports/\n');
  git(dir, 'add', 'seeds', BASELINE, '.gitignore');
  git(dir, 'commit', '-q', '-m', 'base corpus');
  return { dir, base: git(dir, 'rev-parse', 'HEAD') };
}

/** Adds a seed and its INDEX.md row (cells given, or left empty to be filled), bumping `count`; returns the row's line. */
function addSeed(dir: string, name: string, text: string | Buffer, cells = ['', '', '', '', '']): number {
  writeFileSync(path.join(dir, 'seeds', name), text);
  const indexFile = path.join(dir, 'seeds', 'INDEX.md');
  const lines = readFileSync(indexFile, 'utf8').split('\n');
  const count = lines.findIndex((l) => /^count: \d+$/u.test(l));
  lines[count] = `count: ${Number(lines[count]!.slice(7)) + 1}`;
  const last = lines.findLastIndex((l) => l.startsWith('| ['));
  lines.splice(last + 1, 0, `| [${name}](${name}) | ${cells.join(' | ')} |`);
  writeFileSync(indexFile, lines.join('\n'));
  return last + 2;
}

/** Corpus stages must work from records (near-duplicates from the record's minhash), never from the files. */
function assertNotReread(dir: string, counting: ReturnType<typeof countingFs>, except: string[] = []): void {
  for (const name of ORIGINAL) {
    if (except.includes(name)) continue;
    const file = path.join(dir, 'seeds', name);
    assert.equal(counting.reads(file), 0, `${name} is unchanged and must not be read; read by ${counting.reader(file)}`);
  }
}

test('a new bad seed fails with annotations on the exact file and line; unchanged seeds are not re-read', async () => {
  const { dir, base } = await baseRepo();
  const row = addSeed(dir, NEW_SEED, readFileSync(path.join(FIXTURES, 'bad.txt')), ['', '', '2024-13-45', '', '']);
  git(dir, 'add', 'seeds');
  git(dir, 'commit', '-q', '-m', 'add a seed');
  const counting = countingFs();
  const { fs, reads } = counting;
  const run = await runCli(['--changed-since', base, '--baseline', BASELINE, '--no-write'], dir, { fs, env: { GITHUB_ACTIONS: 'true' } });
  assert.equal(run.code, 1, run.stdout + run.stderr);
  // GITHUB_ACTIONS=true and no --format: annotations.
  assert.match(run.stdout, new RegExp(`^::error file=seeds/${NEW_SEED.replace('.', '\\.')},line=1,col=1,title=layout/empty::file has only \\d+ non-space characters`, 'mu'));
  assert.match(run.stdout, new RegExp(`^::error file=seeds/INDEX\\.md,line=${row},col=1,title=index/bad-value::date "2024-13-45"`, 'mu'));
  assert.match(run.stderr, /^seedcheck: changed since [0-9a-f]{40}: 1 file checked, 5 reused from reports\/manifest\.json$/mu);
  assert.equal(reads(path.join(dir, 'seeds', NEW_SEED)), 1, 'the new seed is read (through io.fs) exactly once');
  assertNotReread(dir, counting);
});

test('a new good seed with its INDEX row passes; the manifest equals a full run’s', async () => {
  const { dir, base } = await baseRepo();
  addSeed(dir, NEW_SEED, readFileSync(path.join(FIXTURES, 'good.txt'))); // left untracked: git ls-files --others
  const counting = countingFs();
  const { fs, reads } = counting;
  const run = await runCli(['--changed-since', base, '--baseline', BASELINE, '--out', 'reports'], dir, { fs });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stderr, /1 file checked, 5 reused from reports\/manifest\.json/u);
  assert.equal(reads(path.join(dir, 'seeds', NEW_SEED)), 1);
  assertNotReread(dir, counting);

  const full = await runCli(['--out', 'full', '--baseline', BASELINE], dir);
  assert.equal(full.code, 0, full.stdout + full.stderr);
  assert.equal(readFileSync(path.join(dir, 'reports', 'manifest.json'), 'utf8'), readFileSync(path.join(dir, 'full', 'manifest.json'), 'utf8'));
});

test('a new seed identical to an unchanged one is caught by the corpus checks without re-reading it', async () => {
  const { dir, base } = await baseRepo();
  addSeed(dir, NEW_SEED, readFileSync(path.join(SEEDS, ORIGINAL[2]!)));
  const counting = countingFs();
  const { fs, reads } = counting;
  const run = await runCli(['--changed-since', base, '--baseline', BASELINE, '--format', 'json', '--no-write'], dir, { fs });
  assert.equal(run.code, 1);
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { file: string; ruleId: string; message: string }[] };
  const dup = diagnostics.find((d) => d.ruleId === 'corpus/duplicate-file');
  assert.ok(dup, 'duplicate reported');
  assert.equal(dup.file, `seeds/${NEW_SEED}`);
  assert.match(dup.message, new RegExp(ORIGINAL[2]!.replace('.', '\\.'), 'u'));
  assertNotReread(dir, counting);
});

test('an edited seed is read again, the others are reused, and the manifest equals a full run’s', async () => {
  const { dir, base } = await baseRepo();
  const edited = path.join(dir, 'seeds', ORIGINAL[3]!);
  writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n本文有改动。\n`); // unstaged change
  const counting = countingFs();
  const { fs, reads } = counting;
  const run = await runCli(['--changed-since', base, '--baseline', BASELINE, '--out', 'reports', '--format', 'json'], dir, { fs });
  assert.match(run.stderr, /1 file checked, 4 reused/u);
  assert.equal(reads(edited), 1);
  assertNotReread(dir, counting, [ORIGINAL[3]!]);
  await runCli(['--out', 'full', '--baseline', BASELINE, '--format', 'json'], dir);
  assert.equal(readFileSync(path.join(dir, 'reports', 'manifest.json'), 'utf8'), readFileSync(path.join(dir, 'full', 'manifest.json'), 'utf8'));
});

test('a previous manifest written with another configuration is not reused', async () => {
  const { dir, base } = await baseRepo();
  writeFileSync(path.join(dir, 'seedcheck.config.yaml'), 'rules:\n  layout/empty: warning\n');
  const counting = countingFs();
  const { fs, reads } = counting;
  const run = await runCli(['--changed-since', base, '--no-write', '--format', 'json'], dir, { fs });
  assert.match(run.stderr, /5 files checked, 0 reused \(the previous manifest was written with another configuration at reports\/manifest\.json\)/u);
  for (const name of ORIGINAL) assert.equal(reads(path.join(dir, 'seeds', name)), 1);
});

test('without a previous manifest every file is read', async () => {
  const { dir, base } = await baseRepo();
  const counting = countingFs();
  const { fs, reads } = counting;
  const run = await runCli(['--changed-since', base, '--out', 'elsewhere', '--no-write', '--format', 'json'], dir, { fs });
  assert.match(run.stderr, /5 files checked, 0 reused \(no previous manifest at elsewhere\/manifest\.json\)/u);
  for (const name of ORIGINAL) assert.equal(reads(path.join(dir, 'seeds', name)), 1);
});

test('outside a git checkout it falls back to a full run with a clear message', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-nogit-'));
  cpSync(SEEDS, path.join(dir, 'seeds'), { recursive: true });
  const counting = countingFs();
  const { fs, reads } = counting;
  const run = await runCli(['--changed-since', 'HEAD~1', '--no-write', '--format', 'json'], dir, { fs, env: {} });
  assert.notEqual(run.code, 2, run.stderr);
  assert.match(run.stderr, /^seedcheck: --changed-since HEAD~1: the seeds folder is not in a git work tree \(.*\); checking every file$/mu);
  for (const name of ORIGINAL) assert.equal(reads(path.join(dir, 'seeds', name)), 1);
});

test('an unknown or option-like revision exits 2 and runs no git option', async () => {
  const { dir } = await baseRepo();
  const unknown = await runCli(['--changed-since', 'no-such-branch', '--no-write'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown git revision "no-such-branch"/u);
  const option = await runCli(['--changed-since=--output=pwned', '--no-write'], dir);
  assert.equal(option.code, 2);
  assert.match(option.stderr, /"--output=pwned" is not a git revision/u);
});

test('with a warm cache the unchanged seeds come from it: neither they nor the previous manifest are read', async () => {
  const { dir, base } = await baseRepo();
  const old = new Date(Date.now() - 60_000);
  for (const name of ORIGINAL) utimesSync(path.join(dir, 'seeds', name), old, old);
  await runCli(['--cache-dir', 'cache', '--no-write'], dir); // warms the cache
  addSeed(dir, NEW_SEED, readFileSync(path.join(FIXTURES, 'good.txt')));
  const counting = countingFs();
  const run = await runCli(['--changed-since', base, '--cache-dir', 'cache', '--baseline', BASELINE, '--out', 'reports'], dir, { fs: counting.fs });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stderr, /: 1 file checked, 5 unchanged according to the cache$/mu);
  assert.equal(counting.reads(path.join(dir, 'reports', 'manifest.json')), 0, 'previous manifest not read');
  assertNotReread(dir, counting);
  const full = await runCli(['--out', 'full', '--baseline', BASELINE, '--no-cache'], dir);
  assert.equal(readFileSync(path.join(dir, 'reports', 'manifest.json'), 'utf8'), readFileSync(path.join(dir, 'full', 'manifest.json'), 'utf8'));
});
