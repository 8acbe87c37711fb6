// `npm run index` end to end on test/cases/index-write-empty/corpus (empty cells, a
// hand-written title, a file without a row, a wrong count), copied to a temp seeds folder.
// The expected cell values are derived from the records the pipeline produces, so the test
// holds whatever the detectors return. (The corpus is not in a `seeds/` folder so that the
// validate golden runner, whose expectations are fixed text, leaves it alone.)
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { applyPatch, parsePatch } from 'diff';
import { defaultConfig } from '../pipeline/config.js';
import { main as indexMain } from '../pipeline/index-cli.js';
import { printableDiff, unifiedDiff } from '../pipeline/index/diff.js';
import { parseIndex } from '../pipeline/index/parse.js';
import { escapeCell, recordCells } from '../pipeline/index/render-cell.js';
import { packageRoot } from '../pipeline/paths.js';
import { runPipeline } from '../pipeline/run.js';
import { SOURCE_TYPES, type Diagnostic } from '../pipeline/types.js';
import { runCli } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';

const caseDir = path.join(packageRoot, 'test', 'cases', 'index-write-empty');
const F0 = '000_0123456789abcdef.txt';
const F1 = '001_1111111111111111.txt';
const F2 = '002_2222222222222222.txt';
const HAND_TITLE = '维护者手写的标题';

function copyCase(): { dir: string; index: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-index-'));
  cpSync(path.join(caseDir, 'corpus'), path.join(dir, 'seeds'), { recursive: true });
  return { dir, index: path.join(dir, 'seeds', 'INDEX.md') };
}

/** The row the write mode should produce for a file, from the pipeline's own record. */
async function expectedRows(dir: string): Promise<(file: string, keep?: Partial<Record<string, string>>) => string> {
  const { manifest } = await runPipeline({ fs, stdout: process.stdout, stderr: process.stderr, cwd: dir, env: {} }, { seeds: 'seeds', config: defaultConfig() });
  const cells = new Map(manifest.records.map((r) => [r.file, recordCells(r)]));
  return (file, keep = {}) => {
    const c = cells.get(file);
    assert.ok(c, `a record for ${file}`);
    const order = ['title', 'type', 'date', 'author', 'region'] as const;
    return `| [${file}](${file}) | ${order.map((f) => keep[f] ?? (c[f] === null ? '' : escapeCell(c[f]))).join(' | ')} |`;
  };
}

function patchLines(patch: string, sign: '+' | '-'): string[] {
  const [p] = parsePatch(patch);
  assert.ok(p, 'a patch');
  return p.hunks.flatMap((h) => h.lines.filter((l) => l.startsWith(sign)).map((l) => l.slice(1)));
}

test('index --dry-run shows exactly the rows it would fill and writes nothing', async () => {
  const { dir, index } = copyCase();
  const before = readFileSync(index, 'utf8');
  const row = await expectedRows(dir);
  const run = await runMain(indexMain, ['--dry-run'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(readFileSync(index, 'utf8'), before, 'dry run writes nothing');
  assert.match(run.stdout, /^--- a\/seeds\/INDEX\.md\n\+\+\+ b\/seeds\/INDEX\.md\n@@ /u);
  assert.deepEqual(patchLines(run.stdout, '-'), [
    'count: 2',
    `| [${F0}](${F0}) | ${HAND_TITLE} |  |  |  |  |`,
    `| [${F1}](${F1}) |  |  |  |  |  |`,
  ]);
  assert.deepEqual(patchLines(run.stdout, '+'), ['count: 3', row(F0, { title: HAND_TITLE }), row(F1), row(F2)]);
  assert.match(run.stderr, /seeds\/INDEX\.md: filled \d+ cells? in 2 rows, added 1 row, count 2 → 3 \(dry run: nothing written\)/u);
  rmSync(dir, { recursive: true });
});

test('index writes what --dry-run showed; a second run changes nothing; validate then agrees with every filled cell', async () => {
  const { dir, index } = copyCase();
  const before = readFileSync(index, 'utf8');
  const dry = await runMain(indexMain, ['--dry-run'], dir);
  const run = await runMain(indexMain, [], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, dry.stdout, 'the same diff');
  const after = readFileSync(index, 'utf8');
  assert.equal(after, applyPatch(before, dry.stdout), 'the file is the dry run patch applied');
  assert.ok(after.includes('Prose before the table stays as it is.') && after.endsWith('\nProse after the table stays too.\n'), 'prose kept');
  assert.deepEqual(
    (await fs.readdir(path.join(dir, 'seeds'))).filter((n) => n.startsWith('.')),
    [],
    'no temp file left behind',
  );

  const again = await runMain(indexMain, [], dir);
  assert.equal(again.code, 0);
  assert.equal(again.stdout, '', 'no diff the second time');
  assert.equal(again.stderr, 'seeds/INDEX.md is up to date\n');
  assert.equal(readFileSync(index, 'utf8'), after);

  // Every cell the write mode filled agrees with detection; only the hand-written title may not.
  const v = await runCli(['--seeds', 'seeds', '--no-write', '--format', 'json'], dir);
  const { diagnostics } = JSON.parse(v.stdout) as { diagnostics: Diagnostic[] };
  const indexFindings = diagnostics.filter((d) => d.ruleId.startsWith('index/'));
  assert.deepEqual(
    indexFindings.map((d) => [d.line, d.ruleId, d.actual]),
    [[17, 'index/title-mismatch', HAND_TITLE]],
    JSON.stringify(indexFindings, null, 2),
  );
  assert.equal(v.code, 0, JSON.stringify(diagnostics.filter((d) => d.severity === 'error'), null, 2));
  rmSync(dir, { recursive: true });
});

test('validate exits 1 when a filled row then disagrees on an error-severity field (type, date)', async () => {
  const { dir, index } = copyCase();
  await runMain(indexMain, [], dir);
  const rows = parseIndex(readFileSync(index, 'utf8')).rows;
  const row = rows.find((r) => r.cells.file.text === F1)!;
  const type = row.cells.type.text;
  const other = SOURCE_TYPES.find((t) => t !== type)!;
  const lines = readFileSync(index, 'utf8').split('\n');
  const at = row.line - 1;
  // Replace the type cell (the third) and the date cell (the fourth) of 001's row.
  const cells = lines[at]!.split(' | ');
  cells[2] = other;
  cells[3] = '1999-12-31';
  lines[at] = cells.join(' | ');
  await fs.writeFile(index, lines.join('\n'));
  const v = await runCli(['--seeds', 'seeds', '--no-write', '--format', 'json'], dir);
  const { diagnostics } = JSON.parse(v.stdout) as { diagnostics: Diagnostic[] };
  const found = diagnostics.filter((d) => d.line === row.line && d.ruleId.endsWith('-mismatch'));
  assert.deepEqual(found.map((d) => [d.ruleId, d.severity, d.actual]), [
    ['index/type-mismatch', 'error', other],
    ['index/date-mismatch', 'error', '1999-12-31'],
  ]);
  assert.equal(v.code, 1);
  rmSync(dir, { recursive: true });
});

test('index creates a missing INDEX.md: count and a row per file; the maintainer adds the rest of the front matter', async () => {
  const { dir, index } = copyCase();
  rmSync(index);
  const row = await expectedRows(dir);
  const run = await runMain(indexMain, [], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(existsSync(index));
  const parsed = parseIndex(readFileSync(index, 'utf8'));
  assert.deepEqual(parsed.frontMatter?.data, { count: 3 });
  assert.deepEqual(readFileSync(index, 'utf8').split('\n').slice(6, 9), [row(F0), row(F1), row(F2)]);
  assert.match(run.stderr, /add name, description, licence, language and maintainers/u);
  const v = await runCli(['--seeds', 'seeds', '--no-write', '--format', 'json'], dir);
  const { diagnostics } = JSON.parse(v.stdout) as { diagnostics: Diagnostic[] };
  const rules = new Set(diagnostics.filter((d) => d.ruleId.startsWith('index/')).map((d) => d.ruleId));
  assert.deepEqual([...rules], ['index/front-matter'], 'only the front matter is left to the maintainer');
  rmSync(dir, { recursive: true });
});

test('index refuses an INDEX.md whose table has another header (exit 1, nothing written)', async () => {
  const { dir, index } = copyCase();
  const broken = readFileSync(index, 'utf8').replace('| file | title | type | date | author | region |', '| file | title | kind | date | author | region |');
  await fs.writeFile(index, broken);
  const run = await runMain(indexMain, [], dir);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /not rewritten: the table at line 15 has the header/u);
  assert.equal(readFileSync(index, 'utf8'), broken);
  rmSync(dir, { recursive: true });
});

test('index: --help, --version and bad flags', async () => {
  const help = await runMain(indexMain, ['--help'], packageRoot);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--dry-run/u);
  const version = await runMain(indexMain, ['--version'], packageRoot);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/u);
  const bad = await runMain(indexMain, ['--bogus'], packageRoot);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Unknown option '--bogus'/u);
  const noSeeds = await runMain(indexMain, ['--seeds', 'no-such-folder'], packageRoot);
  assert.equal(noSeeds.code, 2);
  assert.match(noSeeds.stderr, /seeds folder not found/u);
});

test('the printed diff is byte-exact for a pipe and shows control characters escaped on a terminal', () => {
  const patch = unifiedDiff('seeds/INDEX.md', 'a\r\n', 'a\u001b[2J\r\n');
  assert.ok(patch.includes('\u001b'), 'a pipe gets the bytes');
  assert.equal(printableDiff(patch, false), patch);
  const shown = printableDiff(patch, true);
  assert.ok(!shown.includes('\u001b') && !shown.includes('\r'), shown);
  assert.ok(shown.includes('+a\\u{1b}[2J\n'));
});
