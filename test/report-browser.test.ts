// The HTML report in a real browser (Debian's chromium through playwright-core), opened from
// disk as a maintainer opens it: the real seeds' report, a synthetic corpus whose records
// cover every part of the detail view, hostile seed text, paging at scale, and axe-core.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Manifest } from '../pipeline/output/manifest.js';
import { renderReport } from '../pipeline/output/report-html.js';
import { packageRoot } from '../pipeline/paths.js';
import { chromiumMissing, launchChromium, openPage, type OpenedPage } from './helpers/report-browser.js';
import { FILES, fixtureManifest, HOSTILE_TEXT, HOSTILE_TITLE, syntheticManifest } from './helpers/report-fixture.js';
import { runCli } from './helpers/run-cli.js';

const missing = chromiumMissing();
if (missing) process.stdout.write(`# report browser tests skipped: ${missing}\n`);

const reportsDir = path.join(packageRoot, 'reports');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-report-'));

function writeReport(name: string, m: Manifest): string {
  const file = path.join(tmp, `${name}.html`);
  writeFileSync(file, renderReport(m));
  return pathToFileURL(file).href;
}

/** File names in the table, in the order shown. */
const shownFiles = (page: Page): Promise<string[]> => page.locator('#rows a.file').allTextContents();

/** Text as the report shows it: invisible and control characters as U+XXXX labels. */
const shown = (s: string): string =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);

/** Marks nothing else could have produced: seed markup never became elements or ran. */
async function assertInert(o: OpenedPage, label: string): Promise<void> {
  const probe = await o.page.evaluate(() => {
    const g = globalThis as any;
    const all: any[] = Array.from(g.document.querySelectorAll('*'));
    return {
      xss: g.__xss ?? null,
      imgs: g.document.querySelectorAll('img').length,
      svgOnload: g.document.querySelectorAll('svg[onload]').length,
      handlers: all.filter((e) => Array.from(e.attributes as ArrayLike<{ name: string }>).some((a) => a.name.startsWith('on'))).length,
      jsLinks: g.document.querySelectorAll('a[href^="javascript:" i]').length,
      execScripts: Array.from(g.document.scripts as ArrayLike<{ type: string }>).filter((s) => s.type !== 'application/json').length,
    };
  });
  assert.deepEqual(probe, { xss: null, imgs: 0, svgOnload: 0, handlers: 0, jsLinks: 0, execScripts: 1 }, `${label}: nothing from the seeds became markup or ran`);
  assert.deepEqual(o.dialogs, [], `${label}: no dialog opened`);
}

describe('HTML report in chromium', { skip: missing ?? false }, () => {
  let browser: Browser;
  let seedsUrl: string;
  let seedsManifest: Manifest;
  let fixtureUrl: string;

  before(async () => {
    // The real seeds, through the real command line, into a temp out dir.
    const out = path.join(tmp, 'seeds-out');
    const run = await runCli(['--seeds', 'seeds', '--out', out, '--format', 'json'], packageRoot);
    assert.ok(run.code === 0 || run.code === 1, `validate ran (exit ${run.code}): ${run.stderr}`);
    seedsManifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    seedsUrl = pathToFileURL(path.join(out, 'report.html')).href;
    fixtureUrl = writeReport('fixture', fixtureManifest());
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  describe('the real seeds', () => {
    it('loads from disk with no console errors or network requests, one row per file', async () => {
      const o = await openPage(browser, seedsUrl);
      try {
        assert.deepEqual(o.errors, []);
        assert.deepEqual((await shownFiles(o.page)).sort(), seedsManifest.records.map((r) => r.file).sort());
        assert.equal(await o.page.locator('.cards .card').first().locator('.big').textContent(), String(seedsManifest.records.length));
        assert.match((await o.page.locator('#status').textContent()) ?? '', new RegExp(`of ${seedsManifest.records.length} files`, 'u'));
        mkdirSync(reportsDir, { recursive: true });
        await o.page.screenshot({ path: path.join(reportsDir, 'report-screenshot.png'), fullPage: true });
        assert.deepEqual(o.errors, []);
      } finally {
        await o.close();
      }
    });

    it('filters by type and shows exactly the files of that type', async () => {
      const o = await openPage(browser, seedsUrl);
      try {
        const options = (await o.page.locator('#f-type option').evaluateAll((els) => els.map((e: any) => e.value as string))).filter(Boolean);
        assert.ok(options.length >= 1, 'the type filter offers the detected types');
        for (const value of options) {
          await o.page.selectOption('#f-type', value);
          const want = seedsManifest.records.filter((r) => (value === '~none' ? r.sourceType === null : r.sourceType?.value === value)).map((r) => r.file);
          assert.deepEqual((await shownFiles(o.page)).sort(), want.sort(), `type ${value}`);
        }
        await o.page.click('#f-reset');
        assert.equal((await shownFiles(o.page)).length, seedsManifest.records.length);
        assert.deepEqual(o.errors, []);
      } finally {
        await o.close();
      }
    });

    it("opens each file's detail with every detected field's evidence highlighted", async () => {
      const o = await openPage(browser, seedsUrl);
      try {
        for (const r of seedsManifest.records) {
          await o.page.click(`#rows a.file >> text="${r.file}"`);
          await o.page.waitForSelector('dialog#detail[open]');
          assert.equal(await o.page.locator('#detail-title').textContent(), r.file);
          const fields: [string, { evidence: { text: string } } | null][] = [
            ['title', r.title],
            ['date', r.date],
            ['author', r.author],
            ['region', r.region],
          ];
          for (const [k, f] of fields) {
            const card = o.page.locator(`#detail [data-field="${k}"]`);
            if (!f) {
              assert.equal(await card.locator('.val').textContent(), 'not detected', `${r.file} ${k}`);
              continue;
            }
            const marks = (await card.locator('.ctx').first().locator('mark').allTextContents()).join('');
            assert.equal(marks.replace(/U\+[0-9A-F]{4,}/gu, '?'), f.evidence.text.replace(/[\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu, '?').replace(/\n/gu, ''), `${r.file} ${k}: the evidence is marked`);
          }
          const flags = r.quality.flags.filter((d) => d.line !== undefined && d.evidence);
          assert.equal(await o.page.locator('#detail .diag').count(), r.quality.flags.length, `${r.file}: one entry per diagnostic`);
          for (const [i, d] of r.quality.flags.entries()) {
            if (!flags.includes(d)) continue;
            const mark = await o.page.locator('#detail .diag').nth(i).locator('.ctx').first().locator('mark').count();
            assert.ok(mark > 0, `${r.file}: ${d.ruleId} at line ${d.line} is highlighted`);
          }
          await o.page.click('#d-close');
          await o.page.locator('dialog#detail[open]').waitFor({ state: 'detached' });
        }
        assert.deepEqual(o.errors, []);
      } finally {
        await o.close();
      }
    });
  });

  describe('a synthetic corpus', () => {
    it('filters by severity, type, region, year, rule, score and free text', async () => {
      const o = await openPage(browser, fixtureUrl);
      try {
        const expectRows = async (want: string[], label: string): Promise<void> => assert.deepEqual((await shownFiles(o.page)).sort(), [...want].sort(), label);
        await o.page.selectOption('#f-type', 'forum');
        await expectRows([FILES.forumA, FILES.forumB], 'type forum');
        await o.page.selectOption('#f-sev', 'error');
        await expectRows([FILES.forumA], 'forum with errors');
        await o.page.click('#f-reset');
        await o.page.selectOption('#f-region', '全国');
        await expectRows([FILES.forumA, FILES.forumB], 'region 全国');
        await o.page.click('#f-reset');
        await o.page.selectOption('#f-region', '~none');
        await expectRows([FILES.hostile], 'no region detected');
        await o.page.click('#f-reset');
        await o.page.selectOption('#f-year', '2021');
        await expectRows([FILES.official], 'year 2021');
        await o.page.click('#f-reset');
        await o.page.selectOption('#f-rule', 'noise/boilerplate');
        await expectRows([FILES.news, FILES.paper], 'rule noise/boilerplate');
        await o.page.click('#f-reset');
        await o.page.selectOption('#f-score', '100-100');
        await expectRows([FILES.forumB, FILES.official], 'score 100');
        await o.page.click('#f-reset');
        await o.page.selectOption('#f-sev', 'clean');
        await expectRows([FILES.forumB, FILES.official], 'no problems');
        await o.page.click('#f-reset');
        await o.page.fill('#f-q', '徐州');
        await expectRows([FILES.news], 'text 徐州');
        await o.page.fill('#f-q', 'NOISE/JAMMER');
        await expectRows([FILES.forumA], 'rule id, any case');
        await o.page.fill('#f-q', 'no such text anywhere');
        await expectRows([], 'nothing');
        assert.match((await o.page.locator('#rows').textContent()) ?? '', /No file matches/u);
        await o.page.click('#f-reset');
        await expectRows(Object.values(FILES), 'reset');
        assert.deepEqual(o.errors, []);
      } finally {
        await o.close();
      }
    });

    it('sorts by a column, both ways, with aria-sort', async () => {
      const o = await openPage(browser, fixtureUrl);
      try {
        const scores = async (): Promise<number[]> => (await o.page.locator('#rows td.score').allTextContents()).map(Number);
        await o.page.click('th button[data-sort="score"]');
        assert.deepEqual(await scores(), [...(await scores())].sort((a, b) => b - a));
        assert.equal(await o.page.locator('th:has(button[data-sort="score"])').getAttribute('aria-sort'), 'descending');
        await o.page.click('th button[data-sort="score"]');
        assert.deepEqual(await scores(), [...(await scores())].sort((a, b) => a - b));
        assert.equal(await o.page.locator('th:has(button[data-sort="score"])').getAttribute('aria-sort'), 'ascending');
        await o.page.click('th button[data-sort="file"]');
        assert.deepEqual(await shownFiles(o.page), Object.values(FILES).sort());
        assert.equal(await o.page.locator('th:has(button[data-sort="score"])').getAttribute('aria-sort'), 'none');
      } finally {
        await o.close();
      }
    });

    it("opens a file's detail: evidence marked in context, problems, INDEX side by side, duplicates linked", async () => {
      const o = await openPage(browser, fixtureUrl);
      try {
        await o.page.click(`#rows a.file >> text="${FILES.news}"`);
        const dialog = o.page.locator('dialog#detail[open]');
        await dialog.waitFor();
        assert.equal(await o.page.locator('#detail-title').textContent(), FILES.news);
        const card = (k: string) => o.page.locator(`#detail [data-field="${k}"]`);
        assert.deepEqual(await card('title').locator('.ctx').first().locator('mark').allTextContents(), ['关于加快推进市域社会治理现代化的思考']);
        assert.deepEqual(await card('date').locator('.ctx').first().locator('mark').allTextContents(), ['2022-11-24']);
        assert.match((await card('date').locator('.ctx').first().textContent()) ?? '', /2022-11-24 访问:0/u, 'the date is shown inside its line');
        assert.deepEqual(await card('author').locator('.ctx').first().locator('mark').allTextContents(), ['笔者']);
        assert.deepEqual(await card('region').locator('.ctx').first().locator('mark').allTextContents(), ['江苏省徐州市']);
        assert.equal(await card('keywords').locator('.val').textContent(), 'not detected');
        const diags = o.page.locator('#detail .diag');
        assert.equal(await diags.count(), 4);
        assert.deepEqual(await diags.nth(0).locator('.ctx mark').allTextContents(), ['新闻中心']);
        assert.match((await diags.nth(0).locator('.sev').textContent()) ?? '', /warning/u, 'severity in words, not colour alone');
        // The repeated title: both spans, each in its own context block.
        const repeated = diags.filter({ hasText: 'repetition/title' });
        assert.equal(await repeated.locator('.ctx').count(), 2);
        assert.match((await repeated.textContent()) ?? '', /also at line 7/u);
        const side = o.page.locator('#detail table.side tbody tr');
        assert.equal(await side.count(), 1);
        assert.deepEqual(await side.locator('td').evaluateAll((tds) => tds.slice(2, 4).map((t: any) => t.textContent as string)), ['2022-11-23', '2022-11-24']);
        await o.page.screenshot({ path: path.join(reportsDir, 'report-detail-screenshot.png') });

        // Near-duplicate partners are links to each other's detail.
        await o.page.goto(`${fixtureUrl}#file=${encodeURIComponent(FILES.forumA)}`);
        await o.page.waitForSelector('dialog#detail[open]');
        assert.equal(await o.page.locator('#detail-title').textContent(), FILES.forumA);
        await o.page.click(`#detail .partners a >> text="${FILES.forumB}"`);
        await o.page.waitForFunction((f) => (globalThis as any).document.getElementById('detail-title').textContent === f, FILES.forumB);
        assert.match((await o.page.locator('#detail .partners').textContent()) ?? '', /near-duplicate, similarity 0\.93/u);
        // Next / previous follow the table's order; Close returns to the table.
        const order = await shownFiles(o.page);
        await o.page.click('#d-next');
        await o.page.waitForFunction((f) => (globalThis as any).document.getElementById('detail-title').textContent === f, order[order.indexOf(FILES.forumB) + 1]!);
        await o.page.click('#d-close');
        await o.page.locator('dialog#detail[open]').waitFor({ state: 'detached' });
        assert.equal(o.page.url().includes('#file='), false, 'closing drops the file from the address');
        assert.deepEqual(o.errors, []);
      } finally {
        await o.close();
      }
    });

    it('a chart bar filters the table', async () => {
      const o = await openPage(browser, fixtureUrl);
      try {
        await o.page.click('#chart-type + svg a[data-value="forum"]');
        assert.equal(await o.page.locator('#f-type').inputValue(), 'forum');
        assert.deepEqual((await shownFiles(o.page)).sort(), [FILES.forumA, FILES.forumB]);
        await o.page.click('button[data-filter="rule"][data-value="noise/jammer"]');
        assert.equal(await o.page.locator('#f-type').inputValue(), '', 'one filter at a time');
        assert.deepEqual(await shownFiles(o.page), [FILES.forumA]);
      } finally {
        await o.close();
      }
    });

    it('pages through 1,200 files', async () => {
      const pool = readdirSync(path.join(packageRoot, 'seeds'))
        .filter((f) => f.endsWith('.txt'))
        .flatMap((f) => readFileSync(path.join(packageRoot, 'seeds', f), 'utf8').split('\n'));
      const o = await openPage(browser, writeReport('paging', syntheticManifest(1200, { pool })));
      try {
        const status = async (): Promise<string> => (await o.page.locator('#status').textContent()) ?? '';
        assert.equal(await status(), 'Showing 1–50 of 1,200 files');
        assert.equal(await o.page.locator('#rows tr').count(), 50);
        await o.page.click('#pg-next');
        assert.equal(await status(), 'Showing 51–100 of 1,200 files');
        await o.page.click('#pg-last');
        assert.equal(await status(), 'Showing 1,151–1,200 of 1,200 files');
        assert.equal(await o.page.locator('#pg-next').isDisabled(), true);
        await o.page.selectOption('#pg-size', '200');
        assert.equal(await status(), 'Showing 1–200 of 1,200 files');
        await o.page.selectOption('#f-type', 'news');
        assert.match(await status(), /^Showing 1–\d+ of [\d,]+ files \(filtered from 1,200\)$/u);
        assert.deepEqual(o.errors, []);
      } finally {
        await o.close();
      }
    });
  });

  describe('untrusted seed text', () => {
    it('is shown as text and runs nothing (synthetic records)', async () => {
      const o = await openPage(browser, fixtureUrl);
      try {
        await assertInert(o, 'table');
        const row = o.page.locator('#rows tr', { has: o.page.locator(`a.file >> text="${FILES.hostile}"`) });
        assert.equal(await row.locator('.title-cell').textContent(), HOSTILE_TITLE);
        assert.match((await o.page.locator('#corpus').textContent()) ?? '', /<b>javascript:alert\(1\)<\/b>/u);
        await o.page.click(`#rows a.file >> text="${FILES.hostile}"`);
        await o.page.waitForSelector('dialog#detail[open]');
        await o.page.click('#detail details summary >> nth=0').catch(() => undefined);
        await assertInert(o, 'detail');
        const body = (await o.page.locator('#detail-body').textContent()) ?? '';
        for (const s of ['<img src=x onerror=window.__xss=3>', '</script><!--', '<svg onload=window.__xss=6>', 'javascript:window.__xss=5', HOSTILE_TITLE]) assert.ok(body.includes(s), `shown as text: ${s}`);
        assert.ok((await o.page.locator('#detail mark').allTextContents()).includes('<img src=x onerror=window.__xss=3>'));
        // The right-to-left override is shown as a visible code, so it cannot reorder the line.
        assert.ok(body.includes('U+202E'));
        assert.equal(body.includes('\u202e'), false);
        assert.deepEqual(o.errors, []);
      } finally {
        await o.close();
      }
    });

    it('is shown as text and runs nothing (through validate: file name, text and INDEX.md)', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-hostile-'));
      const seeds = path.join(dir, 'seeds');
      mkdirSync(seeds);
      const evilName = '002_<img src=x onerror=window.__xss=7>.txt';
      const bidiName = '003_\u202etxt.exe.txt';
      writeFileSync(path.join(seeds, bidiName), '正文\u202e反转。\n');
      writeFileSync(path.join(seeds, '001_0123456789abcdef.txt'), `${HOSTILE_TEXT}\n`);
      writeFileSync(path.join(seeds, evilName), '新闻中心\n<script>window.__xss=8</script>\n正文。\n');
      writeFileSync(
        path.join(seeds, 'INDEX.md'),
        `---\nname: hostile\ndescription: hostile text\nlicence: CC0-1.0\nlanguage: zh\nmaintainers:\n  - tests\ncount: 2\n---\n\n| file | title | type | date | author | region |\n| --- | --- | --- | --- | --- | --- |\n| [001_0123456789abcdef.txt](001_0123456789abcdef.txt) | <script>window.__xss=9</script> | <svg onload=window.__xss=10> | javascript:window.__xss=11 | "><img src=x onerror=window.__xss=12> | — |\n`,
      );
      const run = await runCli(['--seeds', 'seeds', '--out', 'out', '--format', 'json'], dir);
      assert.ok(run.code === 1 || run.code === 0, run.stderr);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8')) as Manifest;
      const o = await openPage(browser, pathToFileURL(path.join(dir, 'out', 'report.html')).href);
      try {
        await assertInert(o, 'validate report');
        assert.ok((await shownFiles(o.page)).includes(evilName), 'the hostile file name is listed as text');
        assert.ok((await shownFiles(o.page)).includes('003_U+202Etxt.exe.txt'), 'a bidi override in a file name is shown as a label, not obeyed');
        const corpus = (await o.page.locator('#corpus').textContent()) ?? '';
        for (const d of manifest.corpus.diagnostics.filter((x) => x.message.length < 300)) assert.ok(corpus.includes(shown(d.message)), `corpus message shown as text: ${d.message}`);
        for (const r of manifest.records) {
          await o.page.goto(`${pathToFileURL(path.join(dir, 'out', 'report.html')).href}#file=${encodeURIComponent(r.file)}`);
          await o.page.waitForFunction((f) => (globalThis as any).document.getElementById('detail-title').textContent === f, shown(r.file));
          await assertInert(o, r.file);
          for (const d of r.quality.flags) assert.ok(((await o.page.locator('#detail-body').textContent()) ?? '').includes(shown(d.message).slice(0, 80)), `message shown: ${d.message}`);
        }
        assert.deepEqual(o.errors, []);
      } finally {
        await o.close();
      }
    });

    it('cannot run even if it got in: the policy refuses any other script', async () => {
      const o = await openPage(browser, fixtureUrl);
      try {
        const outcome = await o.page.evaluate(() => {
          const g = globalThis as any;
          const tries: string[] = [];
          try {
            const s = g.document.createElement('script');
            s.textContent = 'window.__csp = 1';
            g.document.body.append(s);
          } catch (e) {
            tries.push(`script: ${(e as Error).name}`);
          }
          try {
            g.document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__csp=2">');
          } catch (e) {
            tries.push(`html: ${(e as Error).name}`);
          }
          return tries;
        });
        await o.page.waitForTimeout(100);
        assert.equal(await o.page.evaluate(() => (globalThis as any).__csp ?? null), null);
        assert.deepEqual(outcome, ['script: TypeError', 'html: TypeError'], 'Trusted Types refuse both');
        assert.ok(o.errors.some((e) => /Trusted(?:Script|HTML| ?Type)|Content Security Policy/iu.test(e)), `the browser reports the refusal: ${o.errors.join(' | ')}`);
      } finally {
        await o.close();
      }
    });
  });

  describe('accessibility', () => {
    async function axe(page: Page): Promise<string[]> {
      const source = readFileSync(path.join(packageRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
      await page.addScriptTag({ content: source });
      const violations = await page.evaluate(async () => {
        const r = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
        return (r.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }));
      });
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.where.join(', ')}`);
    }

    it('axe-core finds no serious or critical violations (page, then a file detail)', async () => {
      // bypassCSP only here: axe is injected as a script, which the report's own policy forbids.
      for (const url of [seedsUrl, fixtureUrl]) {
        const o = await openPage(browser, url, { bypassCSP: true });
        try {
          assert.deepEqual(await axe(o.page), [], `${url}: page`);
          await o.page.locator('#rows a.file').first().click();
          await o.page.waitForSelector('dialog#detail[open]');
          assert.deepEqual(await axe(o.page), [], `${url}: detail`);
        } finally {
          await o.close();
        }
      }
    });
  });
});
