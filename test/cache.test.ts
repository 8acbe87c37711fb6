import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { headerOf, trailerOf, type Trailer } from '../pipeline/cache-file.js';
import { RecordCache } from '../pipeline/cache.js';
import { defaultConfig } from '../pipeline/config.js';
import { packageRoot } from '../pipeline/paths.js';
import { processFile } from '../pipeline/process-file.js';
import { countingFs } from './helpers/counting-fs.js';
import { runCli } from './helpers/run-cli.js';

/** A copy of the seeds modified a minute ago, so their stat is trusted: the folder, the seed paths and that time. */
function settledSeeds(prefix: string): { dir: string; seeds: string[]; old: Date } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(path.join(packageRoot, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  const seeds = readdirSync(path.join(dir, 'seeds')).filter((n) => n.endsWith('.txt')).map((n) => path.join(dir, 'seeds', n));
  const old = new Date(Date.now() - 60_000);
  for (const f of seeds) utimesSync(f, old, old);
  return { dir, seeds, old };
}

const TEXT = '城市基层治理是国家治理的基础工程。近年来，各地推动治理重心向基层下移，把更多资源、服务、管理放到社区。\n';

test('a cached result comes back equal; a damaged line or another salt is a miss', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-cache-'));
  const file = path.join(dir, 'records.jsonl');
  const result = processFile('seeds/a.txt', 'a.txt', Buffer.from(TEXT), defaultConfig());
  const sha = result.record.sha256;
  const c1 = await RecordCache.open(fs, file, 'salt-1', '2026-11-22');
  assert.equal(await c1.get('seeds/a.txt', sha), undefined);
  c1.set('seeds/a.txt', sha, result);
  await c1.save();

  const c2 = await RecordCache.open(fs, file, 'salt-1', '2026-11-22');
  const hit = await c2.get('seeds/a.txt', sha);
  assert.ok(hit);
  assert.ok(result.messages.length > 0, 'the record has flags (so their round trip is tested)');
  assert.deepEqual(hit.messages, JSON.parse(JSON.stringify(result.messages)), 'findings without parsing the record');
  const record = hit.record();
  assert.deepEqual(record, JSON.parse(JSON.stringify(result.record)));
  assert.equal(hit.messages, record.quality.flags);
  assert.equal(await c2.get('seeds/b.txt', sha), undefined, 'the key includes the path');

  assert.equal(await (await RecordCache.open(fs, file, 'salt-2', '2026-11-22')).get('seeds/a.txt', sha), undefined, 'other code or config: miss');

  const good = readFileSync(file, 'utf8');
  writeFileSync(file, good.replace(/"sha256"/u, '"sha257"'));
  assert.equal(await (await RecordCache.open(fs, file, 'salt-1', '2026-11-22')).get('seeds/a.txt', sha), undefined, 'damaged line: miss');
  writeFileSync(file, good.replace(/"entries"/u, '"entrier"'));
  assert.equal((await RecordCache.open(fs, file, 'salt-1', '2026-11-22')).size, 0, 'damaged trailer: an empty cache');
  writeFileSync(file, good.slice(0, -5));
  assert.equal((await RecordCache.open(fs, file, 'salt-1', '2026-11-22')).size, 0, 'truncated: an empty cache');
  // A checksum does not make a trailer well formed: one written with entries of another shape is refused.
  const header = headerOf('salt-1');
  writeFileSync(file, Buffer.concat([header, trailerOf({ entries: [['k', 's', 'not a number', 1]], run: null, out: null } as unknown as Trailer<unknown>, header.length)]));
  assert.equal((await RecordCache.open(fs, file, 'salt-1', '2026-11-22')).size, 0, 'malformed trailer: an empty cache');
  writeFileSync(file, 'not json at all\n\u0000\u0001');
  assert.equal(await (await RecordCache.open(fs, file, 'salt-1', '2026-11-22')).get('seeds/a.txt', sha), undefined, 'garbage file: miss');
});

test('validate with a cache: warm run gives the same manifest; a corrupt cache is rebuilt; a changed seed is detected again', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-cache-cli-'));
  cpSync(path.join(packageRoot, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  const cold = await runCli(['--cache-dir', 'cache'], dir);
  assert.equal(cold.code, 0, cold.stdout + cold.stderr);
  const manifest = readFileSync(path.join(dir, 'reports', 'manifest.json'));
  const [cacheFile] = readdirSync(path.join(dir, 'cache'));
  assert.ok(cacheFile, 'cache written');
  const warm = await runCli(['--cache-dir', 'cache'], dir);
  assert.equal(warm.stdout, cold.stdout);
  assert.ok(manifest.equals(readFileSync(path.join(dir, 'reports', 'manifest.json'))), 'warm manifest is byte-identical');

  appendFileSync(path.join(dir, 'cache', cacheFile), '\u0000garbage\tline\n{');
  const again = await runCli(['--cache-dir', 'cache'], dir);
  assert.equal(again.code, 0);
  assert.ok(manifest.equals(readFileSync(path.join(dir, 'reports', 'manifest.json'))), 'corrupt cache ignored');

  // A changed seed must not be served from the cache.
  const seed = path.join(dir, 'seeds', '004_e8825e5862d1a0f3.txt');
  writeFileSync(seed, readFileSync(seed, 'utf8').replace('今年公安工作怎么干', '明年公安工作怎么干'));
  await runCli(['--cache-dir', 'cache'], dir);
  const m = JSON.parse(readFileSync(path.join(dir, 'reports', 'manifest.json'), 'utf8')) as { records: { file: string; title: { value: string } | null }[] };
  assert.match(m.records.find((r) => r.file === '004_e8825e5862d1a0f3.txt')?.title?.value ?? '', /^明年/u);
});

test('worker threads give the same manifest as the main thread', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-workers-'));
  cpSync(path.join(packageRoot, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  // Enough files to start the pool: copies of the seeds under new sequence numbers.
  const names = readdirSync(path.join(dir, 'seeds')).filter((n) => n.endsWith('.txt'));
  for (let i = 5; i < 220; i += 1) {
    const src = names[i % names.length]!;
    const text = `${readFileSync(path.join(dir, 'seeds', src), 'utf8')}\n第${i}份副本。\n`;
    writeFileSync(path.join(dir, 'seeds', `${String(i).padStart(3, '0')}_${i.toString(16).padStart(16, '0')}.txt`), text);
  }
  await runCli(['--no-cache', '--workers', '0', '--out', 'main'], dir);
  await runCli(['--no-cache', '--workers', '2', '--out', 'pool'], dir);
  assert.ok(readFileSync(path.join(dir, 'main', 'manifest.json')).equals(readFileSync(path.join(dir, 'pool', 'manifest.json'))));
});

test('nothing changed: the outputs are not written again; a damaged output, an INDEX.md edit or a new seed brings the work back', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-cache-outputs-'));
  cpSync(path.join(packageRoot, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  const manifestFile = path.join(dir, 'reports', 'manifest.json');
  const reportFile = path.join(dir, 'reports', 'report.html');
  const cold = await runCli(['--cache-dir', 'cache'], dir);
  const manifest = readFileSync(manifestFile);
  const report = readFileSync(reportFile);
  const mtimes = (): number[] => [manifestFile, reportFile].map((f) => statSync(f).mtimeMs);
  const written = mtimes();

  const warm = await runCli(['--cache-dir', 'cache'], dir);
  assert.equal(warm.stdout, cold.stdout, 'the same findings are printed');
  assert.equal(warm.code, cold.code);
  assert.deepEqual(mtimes(), written, 'outputs left as they were');

  writeFileSync(reportFile, 'tampered');
  await runCli(['--cache-dir', 'cache'], dir);
  assert.ok(readFileSync(reportFile).equals(report), 'a changed output is written again');
  rmSync(manifestFile);
  await runCli(['--cache-dir', 'cache'], dir);
  assert.ok(readFileSync(manifestFile).equals(manifest), 'a deleted output is written again');

  // INDEX.md is an input: a wrong title in it must be found though every seed is cached.
  const indexFile = path.join(dir, 'seeds', 'INDEX.md');
  const index = readFileSync(indexFile, 'utf8');
  const row = index.split('\n').find((l) => l.startsWith('| [004_'))!;
  const cells = row.split('|');
  cells[2] = ' 一个不对的标题 ';
  writeFileSync(indexFile, index.replace(row, cells.join('|')));
  const edited = await runCli(['--cache-dir', 'cache'], dir);
  assert.match(edited.stdout, /index\/title-mismatch/u);
  assert.notDeepEqual(mtimes(), written);
});

test('a seed whose stat is unchanged since it was hashed is not read again; a touched or edited one is', async () => {
  const { dir, seeds, old } = settledSeeds('seedcheck-cache-stat-');
  const cold = await runCli(['--cache-dir', 'cache'], dir);
  const first = countingFs();
  const warm = await runCli(['--cache-dir', 'cache'], dir, { fs: first.fs });
  assert.equal(warm.stdout, cold.stdout);
  for (const f of seeds) assert.equal(first.reads(f), 0, `${path.basename(f)} read again`);

  // Just copied (mtime now): its stat is not trusted until it is older than a clock tick or two.
  const [a, b] = seeds as [string, string];
  utimesSync(a, new Date(), new Date());
  writeFileSync(b, `${readFileSync(b, 'utf8')}\n补记一句。\n`);
  utimesSync(b, old, old); // same old mtime, but size and ctime changed
  const second = countingFs();
  await runCli(['--cache-dir', 'cache'], dir, { fs: second.fs });
  assert.equal(second.reads(a), 1, 'touched file read');
  assert.equal(second.reads(b), 1, 'edited file read');
  assert.equal(seeds.slice(2).reduce((n, f) => n + second.reads(f), 0), 0, 'the others are not');
});

test('nothing changed: the last output is printed again without fetching a cached result; another format or a damaged output is worked out afresh', async () => {
  const { dir, seeds } = settledSeeds('seedcheck-cache-replay-');
  const cold = await runCli(['--cache-dir', 'cache'], dir);
  const cacheFile = path.join(dir, 'cache', readdirSync(path.join(dir, 'cache'))[0]!);
  const damage = (from: string, to: string): void => {
    const before = readFileSync(cacheFile, 'latin1');
    const after = before.split(from).join(to);
    assert.notEqual(after, before, `${from} is in the cache file`);
    writeFileSync(cacheFile, after, 'latin1');
  };

  // Every cached result damaged (same length, so the file's directory still holds): only a
  // run that fetches a result can notice.
  damage('"file":', '"fild":');
  const replayed = countingFs();
  const warm = await runCli(['--cache-dir', 'cache'], dir, { fs: replayed.fs });
  assert.equal(warm.stdout, cold.stdout);
  assert.equal(warm.code, cold.code);
  for (const f of seeds) assert.equal(replayed.reads(f), 0, `${path.basename(f)} read`);

  // JSON needs the findings: each damaged result is a miss, so every seed is read again.
  const reread = countingFs();
  const json = await runCli(['--cache-dir', 'cache', '--format', 'json'], dir, { fs: reread.fs });
  const fresh = await runCli(['--no-cache', '--no-write', '--format', 'json'], dir);
  assert.equal(json.stdout, fresh.stdout);
  for (const f of seeds) assert.equal(reread.reads(f), 1, `${path.basename(f)} not read`);

  // The kept output is now the JSON one: text is formatted afresh, then kept in turn.
  assert.equal((await runCli(['--cache-dir', 'cache'], dir)).stdout, cold.stdout);
  damage('checked:', 'chexked:');
  assert.equal((await runCli(['--cache-dir', 'cache'], dir)).stdout, cold.stdout, 'a damaged output is not printed');
});

test('a result is reused on a later day while its date findings cannot change: not past the year, not with a date later than the day it was worked out', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-cache-days-'));
  const file = path.join(dir, 'records.cache');
  const on = '2026-11-22';
  const config = { ...defaultConfig(), referenceDate: on };
  const past = processFile('seeds/past.txt', 'past.txt', Buffer.from(`发布时间：2026-03-05\n${TEXT}`), config);
  const ahead = processFile('seeds/ahead.txt', 'ahead.txt', Buffer.from(`发布时间：2026-11-25\n${TEXT}`), config);
  assert.equal(past.record.date?.value, '2026-03-05');
  assert.equal(ahead.record.date?.value, '2026-11-25');
  assert.ok(ahead.messages.some((d) => d.ruleId === 'date/suspicious'), 'a date after the reference date is reported (and the report names that date)');
  const first = await RecordCache.open(fs, file, 'salt', on);
  first.set('seeds/past.txt', past.record.sha256, past, 'stat-past');
  first.set('seeds/ahead.txt', ahead.record.sha256, ahead, 'stat-ahead');
  await first.save();

  const at = async (day: string): Promise<[boolean, boolean]> => {
    const c = await RecordCache.open(fs, file, 'salt', day);
    return [(await c.get('seeds/past.txt', past.record.sha256)) !== undefined, (await c.get('seeds/ahead.txt', ahead.record.sha256)) !== undefined];
  };
  assert.deepEqual(await at(on), [true, true], 'the same day');
  assert.deepEqual(await at('2026-11-23'), [true, false], 'the next day: the date ahead is not ahead by as much (and soon not at all)');
  assert.deepEqual(await at('2027-01-02'), [false, false], 'another year: two-digit years read differently');
  assert.deepEqual(await at('2026-11-21'), [false, false], 'an earlier day');
  const vouched = await RecordCache.open(fs, file, 'salt', '2026-12-31');
  assert.deepEqual(vouched.vouch('seeds/past.txt', 'stat-past'), { sha256: past.record.sha256, on });
  assert.equal(vouched.vouch('seeds/ahead.txt', 'stat-ahead'), undefined, 'not vouched for when it does not hold');
});
