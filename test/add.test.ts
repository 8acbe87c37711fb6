// `npm run add` end to end on a temp copy of test/cases/index-add/corpus: a GB18030 text file
// with CRLF, HTML pages (UTF-8, and GB2312 declared in <meta>), duplicates and other refusals.
// Expected INDEX rows are derived from the records the pipeline produces for the result, so
// the tests hold whatever the detectors return.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { main as addMain } from '../pipeline/add.js';
import { defaultConfig } from '../pipeline/config.js';
import { rowFileName } from '../pipeline/index/check.js';
import { parseIndex } from '../pipeline/index/parse.js';
import { recordCells } from '../pipeline/index/render-cell.js';
import { packageRoot } from '../pipeline/paths.js';
import { runPipeline } from '../pipeline/run.js';
import type { Diagnostic } from '../pipeline/types.js';
import { runCli } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';

const caseDir = path.join(packageRoot, 'test', 'cases', 'index-add');
const input = (name: string): string => path.join(caseDir, 'inputs', name);

function copyCase(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-add-'));
  cpSync(path.join(caseDir, 'corpus'), path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

function hashTree(dir: string): string {
  const h = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isFile()) h.update(name).update(readFileSync(p));
  }
  return h.digest('hex');
}

const sha16 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

/** The INDEX row of `file` and the row the pipeline's record for it says it should be. */
async function rowAndExpected(dir: string, file: string): Promise<{ actual: string[]; expected: string[] }> {
  const index = parseIndex(readFileSync(path.join(dir, 'seeds', 'INDEX.md'), 'utf8'));
  const row = index.rows.find((r) => rowFileName(r) === file);
  assert.ok(row, `a row for ${file}`);
  const { manifest } = await runPipeline({ fs, stdout: process.stdout, stderr: process.stderr, cwd: dir, env: {} }, { seeds: 'seeds', config: defaultConfig() });
  const record = manifest.records.find((r) => r.file === file);
  assert.ok(record, `a record for ${file}`);
  const c = recordCells(record);
  const order = ['title', 'type', 'date', 'author', 'region'] as const;
  // Parsed cells are unescaped text, so they compare with the plain values (escaping round-trips: index-write.test).
  return { actual: order.map((f) => row.cells[f].text), expected: order.map((f) => c[f] ?? '') };
}

async function validate(dir: string): Promise<{ code: number; diagnostics: Diagnostic[] }> {
  const v = await runCli(['--seeds', 'seeds', '--no-write', '--format', 'json'], dir);
  return { code: v.code, diagnostics: (JSON.parse(v.stdout) as { diagnostics: Diagnostic[] }).diagnostics };
}

test('add a GB18030 text file with CRLF: a UTF-8 LF seed, the next number, a hash id, a correct INDEX row, validate green', async () => {
  const dir = copyCase();
  const bytes = readFileSync(input('report-gb18030.txt'));
  const text = iconv.decode(bytes, 'gb18030').replace(/\r\n/gu, '\n');
  assert.ok(text.includes('𠮷'), 'the fixture holds a character outside GBK');
  const name = `002_${sha16(text)}.txt`;

  const run = await runMain(addMain, [input('report-gb18030.txt')], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`^added seeds/${name} ← .*report-gb18030\\.txt \\(gb18030 → UTF-8; CRLF → LF\\)\\n`, 'u'));
  assert.match(run.stdout, /^\+count: 3$/mu, 'the diff shows the new count');
  assert.equal(readFileSync(path.join(dir, 'seeds', name), 'utf8'), text);
  assert.ok(!readFileSync(path.join(dir, 'seeds', name)).includes(0x0d), 'no CR left');

  const { actual, expected } = await rowAndExpected(dir, name);
  assert.deepEqual(actual, expected);
  assert.equal((parseIndex(readFileSync(path.join(dir, 'seeds', 'INDEX.md'), 'utf8')).frontMatter?.data as { count: number }).count, 3);

  const v = await validate(dir);
  assert.deepEqual(v.diagnostics.filter((d) => d.ruleId.startsWith('index/') || d.ruleId.startsWith('encoding/')), []);
  assert.equal(v.code, 0, JSON.stringify(v.diagnostics.filter((d) => d.severity === 'error'), null, 2));
  rmSync(dir, { recursive: true });
});

test('add HTML pages: the main text (no script, style, nav, header, footer), UTF-8 or the <meta> charset', async () => {
  const dir = copyCase();
  const run = await runMain(addMain, [input('page.html'), input('page-gb2312.html')], dir);
  assert.equal(run.code, 0, run.stderr);
  const expectedText = readFileSync(input('page.expected.txt'), 'utf8');
  const utf8Name = `002_${sha16(expectedText)}.txt`;
  assert.equal(readFileSync(path.join(dir, 'seeds', utf8Name), 'utf8'), expectedText);
  assert.match(run.stdout, new RegExp(`added seeds/${utf8Name} ← .*page\\.html \\(HTML page: main text extracted; UTF-8\\)`, 'u'));
  assert.match(run.stdout, /added seeds\/003_[0-9a-f]{16}\.txt ← .*page-gb2312\.html \(HTML page: main text extracted; gb2312 \(declared in <meta>\) → UTF-8\)/u);
  const gbName = readdirSync(path.join(dir, 'seeds')).find((n) => n.startsWith('003_'))!;
  const gbText = readFileSync(path.join(dir, 'seeds', gbName), 'utf8');
  assert.ok(gbText.includes('凡是要求转账汇款到所谓“安全账户”的,都是诈骗。'), gbText);
  assert.ok(!gbText.includes('旧网站'), 'the <title> in <head> is dropped');
  for (const name of [utf8Name, gbName]) {
    const { actual, expected } = await rowAndExpected(dir, name);
    assert.deepEqual(actual, expected, name);
  }
  const v = await validate(dir);
  assert.deepEqual(v.diagnostics.filter((d) => d.ruleId.startsWith('index/') || d.ruleId.startsWith('encoding/')), []);
  rmSync(dir, { recursive: true });
});

test('add refuses content already in the corpus (also with CRLF line ends): exit 1, nothing written', async () => {
  const dir = copyCase();
  const existing = readFileSync(path.join(dir, 'seeds', '000_0123456789abcdef.txt'), 'utf8');
  const dup = path.join(dir, 'copy-of-000.txt');
  writeFileSync(dup, existing.replace(/\n/gu, '\r\n'));
  const before = hashTree(path.join(dir, 'seeds'));
  const run = await runMain(addMain, [input('report-gb18030.txt'), dup], dir);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, '');
  assert.equal(
    run.stderr,
    'seedcheck add: refused copy-of-000.txt: its content is already in the corpus as seeds/000_0123456789abcdef.txt\nseedcheck add: nothing was written\n',
  );
  assert.equal(hashTree(path.join(dir, 'seeds')), before, 'the GB18030 file given with it was not added either');
  rmSync(dir, { recursive: true });
});

test('add refuses the same content twice in one command, binary files, unreadable files', async () => {
  const dir = copyCase();
  const bin = path.join(dir, 'image.txt');
  writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 4, 5, 6]));
  const before = hashTree(path.join(dir, 'seeds'));
  const run = await runMain(addMain, [input('report-gb18030.txt'), input('report-gb18030.txt'), bin, 'no-such-file.txt'], dir);
  assert.equal(run.code, 1);
  const lines = run.stderr.trim().split('\n');
  assert.match(lines[0]!, /refused .*report-gb18030\.txt: its content is already in the corpus as seeds\/002_[0-9a-f]{16}\.txt \(added by this command from .*report-gb18030\.txt\)/u);
  assert.match(lines[1]!, /refused image\.txt: binary file/u);
  assert.match(lines[2]!, /refused no-such-file\.txt: cannot read it \(ENOENT\)/u);
  assert.equal(lines[3], 'seedcheck add: nothing was written');
  assert.equal(hashTree(path.join(dir, 'seeds')), before);
  rmSync(dir, { recursive: true });
});

test('add --dry-run says what it would add and writes nothing; a missing INDEX.md is refused', async () => {
  const dir = copyCase();
  const before = hashTree(path.join(dir, 'seeds'));
  const dry = await runMain(addMain, ['--dry-run', input('page.html')], dir);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^would add seeds\/002_[0-9a-f]{16}\.txt/u);
  assert.match(dry.stdout, /^\+\| \[002_/mu);
  assert.equal(hashTree(path.join(dir, 'seeds')), before);

  rmSync(path.join(dir, 'seeds', 'INDEX.md'));
  const missing = await runMain(addMain, [input('page.html')], dir);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /seeds\/INDEX\.md not found; create it first/u);
  assert.deepEqual(readdirSync(path.join(dir, 'seeds')).sort(), ['000_0123456789abcdef.txt', '001_1111111111111111.txt']);
  rmSync(dir, { recursive: true });
});

test('add: usage errors exit 2', async () => {
  const none = await runMain(addMain, [], packageRoot);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /name one or more files/u);
  const enc = await runMain(addMain, ['--encoding', 'no-such-charset', 'x.txt'], packageRoot);
  assert.equal(enc.code, 2);
  assert.match(enc.stderr, /unknown --encoding "no-such-charset"/u);
  const help = await runMain(addMain, ['--help'], packageRoot);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /npm run add -- \[options\] FILE…/u);
});

test('add --encoding decodes a file no detector can tell', async () => {
  const dir = copyCase();
  const big5 = path.join(dir, 'big5.txt');
  const text = '臺北市政府警察局舉辦社區治安座談會,邀請里長與居民共同討論防竊及交通安全議題,會中說明近期轄區治安狀況。\n';
  writeFileSync(big5, iconv.encode(text, 'big5'));
  const run = await runMain(addMain, ['--encoding', 'big5', big5], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(readFileSync(path.join(dir, 'seeds', `002_${sha16(text)}.txt`), 'utf8'), text);
  assert.match(run.stdout, /\(big5 → UTF-8\)/u);
  rmSync(dir, { recursive: true });
});
