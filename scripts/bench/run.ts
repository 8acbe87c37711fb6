// npm run bench [-- --quick] [--sizes 1000,10000,100000] [--keep]
// For each corpus size, in the same run: the floor (read + sha256 every file), a cold
// `npm run validate`, a warm one with nothing changed, and a --changed-since run with one
// new file. Prints time, files/s, MB/s, peak RSS and the ratio to the floor.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../pipeline/paths.js';
import { generateCorpus } from './generate-corpus.js';

interface Measure {
  label: string;
  seconds: number;
  rssMb: number | null;
  code: number | null;
}

const TIME = '/usr/bin/time';

function measure(label: string, cmd: string, args: string[], cwd: string): Measure {
  const rssFile = path.join(os.tmpdir(), `seedcheck-bench-rss-${process.pid}`);
  const useTime = existsSync(TIME);
  const start = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(TIME, ['-f', '%M', '-o', rssFile, cmd, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssMb: number | null = null;
  if (useTime && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    rssMb = Number.isFinite(kb) ? kb / 1024 : null;
    rmSync(rssFile, { force: true });
  }
  if (r.status !== 0 && r.status !== 1) process.stderr.write(`${label}: exit ${r.status}\n${r.stderr}\n`);
  return { label, seconds, rssMb, code: r.status };
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, sizes: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [1000] : [1000, 10000, 100000];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const rows: string[][] = [];
for (const n of sizes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `seedcheck-bench-${n}-`));
  process.stderr.write(`bench: generating ${n} files in ${dir}\n`);
  const corpus = generateCorpus(path.join(packageRoot, 'seeds'), dir, n);
  git(dir, 'init', '-q');
  // No background repack of 100,000 new objects competing with the runs being measured.
  git(dir, 'config', 'gc.auto', '0');
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-qm', 'corpus');
  const seeds = path.join(dir, 'seeds');
  const out = path.join(dir, 'reports');
  const cache = path.join(dir, 'cache');
  const validate = ['run', 'validate', '--silent', '--', '--seeds', seeds, '--out', out, '--cache-dir', cache];

  const floor = measure('floor', process.execPath, [path.join(packageRoot, 'dist', 'scripts', 'bench', 'floor.js'), seeds], dir);
  const cold = measure('cold validate', npm, validate, packageRoot);
  const warm = measure('warm validate', npm, validate, packageRoot);
  // One new file (and its INDEX row) since the last commit.
  const name = `${String(n).padStart(Math.max(3, String(n).length), '0')}_ffffffffffffffff.txt`;
  writeFileSync(path.join(seeds, name), readFileSync(path.join(packageRoot, 'seeds', '003_3a9f51b08f87bb11.txt')));
  const index = readFileSync(path.join(seeds, 'INDEX.md'), 'utf8').replace(/^count: \d+$/mu, `count: ${n + 1}`);
  writeFileSync(path.join(seeds, 'INDEX.md'), `${index}| [${name}](${name}) |  |  |  |  |  |\n`);
  const changed = measure('--changed-since', npm, [...validate, '--changed-since', 'HEAD'], packageRoot);

  const mb = corpus.bytes / 1e6;
  for (const m of [floor, cold, warm, changed]) {
    const files = m === changed ? 1 : n;
    rows.push([
      String(n),
      m.label,
      m.seconds.toFixed(2),
      (files / m.seconds).toFixed(0),
      m === changed ? '–' : (mb / m.seconds).toFixed(1),
      m.rssMb === null ? 'n/a' : m.rssMb.toFixed(0),
      (m.seconds / floor.seconds).toFixed(2),
      String(m.code),
    ]);
  }
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`bench: kept ${dir}\n`);
}

const header = ['files', 'run', 'seconds', 'files/s', 'MB/s', 'peak RSS MB', '× floor', 'exit'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write(`${[fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n')}\n`);
