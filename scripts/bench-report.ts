// Report benchmark: renders the HTML report of generated corpora (1,000 and 10,000 files by
// default) and measures, in headless chromium opened from disk: file size, time to load and
// to become interactive, and how long a type filter, a free-text filter and opening a file's
// detail take to answer (including the next frame). Prints a table; exit 1 when a target is
// missed (under 25 MB, interactive and answering a filter under 1 s).
//
//   node dist/scripts/bench-report.js [--files 1000,10000] [--runs 3]
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { renderReport } from '../pipeline/output/report-html.js';
import { packageRoot } from '../pipeline/paths.js';
import { chromiumMissing, launchChromium } from '../test/helpers/report-browser.js';
import { syntheticManifest } from '../test/helpers/report-fixture.js';

const TARGET_MB = 25;
const TARGET_MS = 1000;

const { values } = parseArgs({ options: { files: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.files.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const runs = Math.max(1, Number(values.runs) || 3);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  files: number;
  mb: number;
  renderMs: number;
  loadMs: number;
  readyMs: number;
  typeFilterMs: number;
  textFilterMs: number;
  detailMs: number;
}

async function main(): Promise<number> {
  const missing = chromiumMissing();
  if (missing) {
    process.stderr.write(`bench-report: ${missing}\n`);
    return 2;
  }
  const pool = readdirSync(path.join(packageRoot, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join(packageRoot, 'seeds', f), 'utf8').split('\n'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-bench-report-'));
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    for (const n of sizes) {
      const manifest = syntheticManifest(n, { pool });
      const t0 = performance.now();
      const html = renderReport(manifest);
      const renderMs = performance.now() - t0;
      const file = path.join(dir, `report-${n}.html`);
      writeFileSync(file, html);
      const url = pathToFileURL(file).href;
      const type = manifest.records.find((r) => r.sourceType)?.sourceType?.value ?? '';
      const probe = manifest.records[Math.floor(n / 2)]!;
      const term = probe.title?.value.slice(0, 4) ?? probe.file.slice(0, 8);
      const m: Omit<Row, 'files' | 'mb' | 'renderMs'>[] = [];
      for (let run = 0; run < runs; run += 1) {
        const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForSelector('html[data-ready="true"]');
        // Times measured inside the page, from the start of navigation and around each action
        // up to the frame that shows its result.
        const timing = await page.evaluate(
          async ({ type, term, file }) => {
            const g = globalThis as any;
            const d = g.document;
            const frame = (): Promise<void> => new Promise((r) => g.requestAnimationFrame(() => g.setTimeout(r, 0)));
            const nav = g.performance.getEntriesByType('navigation')[0];
            const ready = g.performance.getEntriesByName('report-ready')[0];
            const time = async (act: () => void): Promise<number> => {
              const t = g.performance.now();
              act();
              await frame();
              return g.performance.now() - t;
            };
            const typeFilterMs = await time(() => {
              const s = d.getElementById('f-type');
              s.value = type;
              s.dispatchEvent(new g.Event('change'));
            });
            const textFilterMs = await time(() => {
              d.getElementById('f-reset').click();
              const q = d.getElementById('f-q');
              q.value = term;
              q.dispatchEvent(new g.Event('input'));
            });
            const detailMs = await time(() => {
              g.location.hash = `#file=${encodeURIComponent(file)}`;
              g.dispatchEvent(new g.HashChangeEvent('hashchange'));
            });
            return { loadMs: nav.loadEventEnd, readyMs: ready.startTime, typeFilterMs, textFilterMs, detailMs, rows: d.querySelectorAll('#rows tr').length, open: d.getElementById('detail').open };
          },
          { type, term, file: probe.file },
        );
        if (errors.length || !timing.open || timing.rows === 0) throw new Error(`report of ${n} files misbehaved: ${JSON.stringify({ errors, ...timing })}`);
        m.push(timing);
        await context.close();
      }
      rows.push({
        files: n,
        mb: Buffer.byteLength(html) / 1e6,
        renderMs,
        loadMs: median(m.map((x) => x.loadMs)),
        readyMs: median(m.map((x) => x.readyMs)),
        typeFilterMs: median(m.map((x) => x.typeFilterMs)),
        textFilterMs: median(m.map((x) => x.textFilterMs)),
        detailMs: median(m.map((x) => x.detailMs)),
      });
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const ms = (x: number): string => `${Math.round(x)} ms`;
  const header = ['files', 'size', 'render (node)', 'load', 'interactive', 'type filter', 'text filter', 'open detail', 'targets'];
  const table = rows.map((r) => {
    const ok = r.mb < TARGET_MB && r.readyMs < TARGET_MS && r.typeFilterMs < TARGET_MS && r.textFilterMs < TARGET_MS;
    return [r.files.toLocaleString('en-US'), `${r.mb.toFixed(1)} MB`, ms(r.renderMs), ms(r.loadMs), ms(r.readyMs), ms(r.typeFilterMs), ms(r.textFilterMs), ms(r.detailMs), ok ? 'met' : 'MISSED'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  process.stdout.write(
    [
      `HTML report in headless chromium (file://, median of ${runs} runs; targets: < ${TARGET_MB} MB, interactive and filters < ${TARGET_MS} ms)`,
      line(header),
      `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
      ...table.map(line),
      '',
    ].join('\n'),
  );
  return table.every((r) => r[r.length - 1] === 'met') ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench-report: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
