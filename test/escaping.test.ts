// Seed text and file names are untrusted. A corpus whose text, INDEX.md cells and file names
// carry HTML, <script>, ANSI/OSC escape sequences, C1 controls, bidi overrides and GitHub
// workflow-command syntax (`::error::`, `##[`) is run through every registered terminal
// format and the HTML report: nothing may come out raw — no escape byte a terminal acts on,
// no line a CI runner reads as a command, no markup a browser runs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { main } from '../pipeline/cli.js';
import { formatters } from '../pipeline/format/index.js';
import { GOOD_A, indexFor, tempCorpus } from './helpers/temp-corpus.js';

const MARK = 'SEEDCHECK-XSS';
const PAYLOADS = [
  `<script>alert("${MARK}")</script>`,
  `"><img src=x onerror=alert('${MARK}')>`,
  `<a href="javascript:alert('${MARK}')">x</a>`,
  `</textarea></style></script><!--`,
  `]]><![CDATA[`,
  '\u001b[31mred\u001b[0m\u001b[2J',
  '\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007',
  '\u009b31m', // C1 CSI
  '\u0007\u0008',
  '\u202eevil\u202c \u2066iso\u2069 \u200f',
  '\n::error file=pwned.txt,line=1::injected\n',
  '::warning::injected',
  '%0A::notice::encoded',
  '##[error]legacy',
];
const HOSTILE = PAYLOADS.join(' ');

/** File names carrying the same payloads (what a file system allows: no `/`, no NUL). */
const NAMES = [
  `<img src=x onerror=alert('${MARK}')>.txt`,
  '\u001b[31mred\u001b[0m.txt',
  '::error::injected.txt',
  'a\n::warning::b.txt',
  '\u202etxt.exe.txt',
  '##[error]x.txt',
];

/** Raw bytes no output may carry: C0 controls but TAB/LF/CR, DEL, C1, bidi controls and marks. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/u;
/** What the GitHub runner treats as a command: `::` (after leading whitespace) or `##[`. */
const COMMAND_LINE = /^\s*(?:::|##\[)/u;
/** Our own annotations: `::error|warning|notice <props>::<data>`, props escaped (no raw `:` or `,`). */
const ANNOTATION = /^::(?:error|warning|notice) (?:file|line|col|endLine|endColumn|title)=[^:,\r\n]*(?:,(?:file|line|col|endLine|endColumn|title)=[^:,\r\n]*)*::[^\r\n]*$/u;
/** Our own colours, the only escape sequences allowed (on a terminal, without NO_COLOR). */
const OWN_SGR = /\u001b\[(?:\d+(?:;\d+)*)?m/gu;

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

function hostileCorpus(): { dir: string; seeds: string } {
  const seedText = `${PAYLOADS[0]}关于加快推进市域社会治理现代化的思考\n时间：2022-09-11 来源：${PAYLOADS[1]}\n${GOOD_A.toString()}${HOSTILE}\n`;
  const files: Record<string, string> = { '000_0123456789abcdef.txt': seedText };
  for (const [i, n] of NAMES.entries()) files[n] = `${GOOD_A.toString()}${PAYLOADS[i % PAYLOADS.length]}第${i}份\n`;
  const index = `${indexFor(['000_0123456789abcdef.txt'], 3)}| 001_1111111111111111.txt | ${PAYLOADS[0]} | ${PAYLOADS[1]!.replace(/\|/gu, '')} | 2022-13-45${PAYLOADS[5]} | ${PAYLOADS[9]} | ${PAYLOADS[10]!.replace(/\n/gu, ' ')} |\n| [${PAYLOADS[2]}](${encodeURIComponent(NAMES[0]!)}) | ${PAYLOADS[12]} | ${PAYLOADS[13]} |  |  |  |\n`;
  return tempCorpus('escaping', files, index);
}

async function run(cwd: string, argv: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture(tty);
  const stderr = new Capture(false);
  const code = await main(argv, { fs, stdout, stderr, cwd, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function assertInert(label: string, text: string, format: string): void {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const raw = RAW_CONTROL.exec(line.replace(OWN_SGR, ''));
    assert.equal(raw, null, `${label}: line ${i + 1} carries a raw U+${(raw?.[0] ?? "").codePointAt(0)?.toString(16).padStart(4, "0")}: ${JSON.stringify(line.slice(0, 200))}`);
    if (COMMAND_LINE.test(line)) {
      assert.ok(format === 'github' && ANNOTATION.test(line), `${label}: line ${i + 1} would run as a workflow command: ${JSON.stringify(line.slice(0, 200))}`);
    }
  }
}

test('every terminal format escapes hostile seed text, INDEX cells and file names', async () => {
  const { dir } = hostileCorpus();
  const formats = Object.keys(formatters);
  assert.ok(formats.includes('text') && formats.includes('json'), formats.join(', '));
  for (const format of formats) {
    const r = await run(dir, ['--no-write', '--format', format]);
    assert.equal(r.code, 1, `${format}: ${r.stderr}`);
    assert.ok(r.stdout.length > 0);
    assertInert(`--format ${format}`, r.stdout, format);
    assertInert(`--format ${format} (stderr)`, r.stderr, 'stderr');
    if (format === 'json' || format === 'sarif') JSON.parse(r.stdout);
    if (format === 'github') {
      // Every diagnostic became exactly one annotation line: nothing split a command in two.
      const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
      const json = JSON.parse((await run(dir, ['--no-write', '--format', 'json'])).stdout) as { diagnostics: unknown[] };
      assert.equal(annotations.length, json.diagnostics.length);
    }
  }
  // The same on a terminal, with colour: only our own SGR sequences reach it.
  const tty = await run(dir, ['--no-write', '--format', 'text'], true);
  assert.match(tty.stdout, OWN_SGR);
  assertInert('--format text on a TTY', tty.stdout, 'text');
});

test('file names that open an output line (cwd inside seeds/, --seeds .) cannot start a workflow command', async () => {
  const { seeds } = hostileCorpus();
  for (const format of Object.keys(formatters)) {
    const r = await run(seeds, ['--seeds', '.', '--no-write', '--no-cache', '--format', format]);
    assert.equal(r.code, 1, r.stderr);
    assertInert(`--seeds . --format ${format}`, r.stdout, format);
  }
});

test('JSON outputs keep the hostile text as data: it round-trips exactly', async () => {
  const { dir } = hostileCorpus();
  const r = await run(dir, ['--no-write', '--format', 'json']);
  const files = new Set((JSON.parse(r.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file));
  for (const n of NAMES) assert.ok(files.has(`seeds/${n}`), `${JSON.stringify(n)} survives as data`);
});

test('the HTML report runs nothing from the seeds: no injected elements, handlers or URLs, no raw control bytes', async () => {
  const { dir } = hostileCorpus();
  const r = await run(dir, ['--out', 'out', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
  const manifest = readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8');
  assert.ok(manifest.includes(MARK), 'the payload reached the outputs (so this test tests something)');
  assert.ok(html.includes(MARK), 'the payload reached the report (as text)');

  const raw = RAW_CONTROL.exec(html);
  assert.equal(raw, null, `report.html carries a raw U+${raw?.[0].codePointAt(0)!.toString(16)} (a terminal that cats it would act on it)`);
  for (const p of [`<script>alert("${MARK}")`, `<img src=x onerror=`, `<a href="javascript:`, '</textarea></style></script><!--']) {
    assert.ok(!html.includes(p), `raw markup in report.html: ${p}`);
  }

  const $ = cheerio.load(html);
  const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
  assert.match(csp, /default-src 'none'/u);
  const scriptSrc = csp.match(/script-src[^;]*/u)?.[0] ?? '';
  assert.ok(!scriptSrc.includes("'unsafe-inline'") && !scriptSrc.includes("'unsafe-eval'"), csp);
  $('*').each((_, el) => {
    for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
      assert.ok(!/^on/iu.test(name), `an inline handler ${name}="${value}" on <${(el as { tagName?: string }).tagName}>`);
      assert.ok(!/^\s*(?:javascript|vbscript):/iu.test(value), `a script URL in ${name}="${value}"`);
    }
  });
  // Scripts: the same elements as in the report of a harmless corpus, and no JSON island that
  // could end its element early.
  const harmless: Record<string, string> = {};
  for (let i = 0; i <= NAMES.length; i += 1) harmless[`00${i}_${String(i).repeat(16)}.txt`] = `${GOOD_A.toString()}第${i}份\n`;
  const benign = tempCorpus('escaping-benign', harmless);
  await run(benign.dir, ['--out', 'out', '--format', 'json']);
  const $b = cheerio.load(readFileSync(path.join(benign.dir, 'out', 'report.html'), 'utf8'));
  const shape = (q: cheerio.CheerioAPI): string[] => q('script').map((_, el) => `${q(el).attr('type') ?? 'classic'}#${q(el).attr('id') ?? ''}`).get();
  assert.deepEqual(shape($), shape($b), 'no <script> element comes from seed text');
  $('script').each((_, el) => {
    const body = $(el).html() ?? '';
    assert.ok(!/<\/script|<!--/iu.test(body), 'a script body that could close its element');
    if (($(el).attr('type') ?? '').includes('json')) JSON.parse(body);
  });
});
