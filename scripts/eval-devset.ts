// Scores the detectors on a labelled dev set (default ../shared/devset): per field, only
// where the gold says the field is labelled. Usage:
//   node dist/scripts/eval-devset.js [--dir DIR] [--gold FILE] [--field type|title|…] [--verbose]
// The five seeds: --dir seeds --gold test/fixtures/seeds-gold.json
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../pipeline/config.js';
import { processFile } from '../pipeline/process-file.js';
import type { SeedRecord } from '../pipeline/types.js';

interface GoldAuthor { name: string | null; role: string | null; affiliation: string | null; anonymous: boolean; organisation: boolean }
type GoldRegion = 'national' | { province: string | null; prefecture: string | null; county: string | null } | null;
export interface Gold {
  file: string;
  source_type: string;
  title: string | null;
  title_alt: string[];
  date: { value: string; precision: string; kind: string } | null;
  date_alt: { value: string; precision: string; kind: string }[];
  author: GoldAuthor | null;
  author_alt: GoldAuthor[];
  region: GoldRegion;
  labelled: Record<'source_type' | 'title' | 'date' | 'author' | 'region', boolean>;
  inferable: Record<'title' | 'date' | 'author' | 'region', boolean | null>;
}

const norm = (s: string): string => s.replace(/\s+/gu, '').replace(/（/gu, '(').replace(/）/gu, ')').replace(/｜/gu, '|');

export interface Score { field: string; ok: boolean; expected: string; actual: string }

export function scoreRecord(g: Gold, r: SeedRecord): Score[] {
  const out: Score[] = [];
  if (g.labelled.source_type) out.push({ field: 'type', ok: r.sourceType?.value === g.source_type, expected: g.source_type, actual: r.sourceType?.value ?? 'null' });
  if (g.labelled.title) {
    const titles = [g.title, ...g.title_alt].filter((t): t is string => t !== null).map(norm);
    const expectNull = g.inferable.title === false;
    const got = r.title?.value ?? null;
    const ok = expectNull ? got === null : got !== null && titles.includes(norm(got));
    out.push({ field: 'title', ok, expected: expectNull ? 'null' : String(g.title), actual: String(got) });
  }
  if (g.labelled.date) {
    const d = r.date;
    const ok = g.date === null ? d === null : d !== null && d.value.slice(0, 10) === g.date.value && d.precision === g.date.precision;
    out.push({ field: 'date', ok, expected: g.date ? `${g.date.value} ${g.date.precision}` : 'null', actual: d ? `${d.value} ${d.precision} ${d.kind}` : 'null' });
    if (g.date && d) out.push({ field: 'date.kind', ok: d.kind === g.date.kind, expected: g.date.kind, actual: d.kind });
  }
  if (g.labelled.author) {
    const a = r.author;
    const names = [g.author, ...g.author_alt].filter((x): x is GoldAuthor => x !== null).map((x) => x.name);
    const ok =
      g.author === null
        ? a === null
        : g.author.name === null
          ? a !== null && a.name === null && a.anonymous === g.author.anonymous && (g.author.role === null || a.role === g.author.role)
          : a !== null && a.name !== null && names.includes(a.name);
    out.push({ field: 'author', ok, expected: g.author ? String(g.author.name) : 'null', actual: a ? `${a.name ?? ''}${a.anonymous ? ' (anonymous)' : ''}${a.role ? ` [${a.role}]` : ''}` : 'null' });
  }
  if (g.labelled.region) {
    const reg = r.region;
    const shown = reg ? (reg.scope === 'national' ? 'national' : [reg.province?.name, reg.prefecture?.name, reg.county?.name].filter(Boolean).join(' ')) : 'null';
    if (g.region === 'national') out.push({ field: 'region.national', ok: reg?.scope === 'national', expected: 'national', actual: shown });
    else if (g.region === null) out.push({ field: 'region.null', ok: reg === null, expected: 'null', actual: shown });
    else {
      const exp = [g.region.province, g.region.prefecture, g.region.county].filter(Boolean).join(' ');
      out.push({ field: 'region.province', ok: reg?.province?.name === g.region.province, expected: exp, actual: shown });
      if (g.region.prefecture) out.push({ field: 'region.prefecture', ok: reg?.prefecture?.name === g.region.prefecture, expected: exp, actual: shown });
    }
  }
  return out;
}

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: '../shared/devset' }, gold: { type: 'string' }, field: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
  const dir = path.resolve(values.dir);
  const gold = JSON.parse(readFileSync(values.gold ?? path.join(dir, 'gold.json'), 'utf8')) as Gold[];
  const config = defaultConfig();
  const totals = new Map<string, { ok: number; n: number }>();
  for (const g of gold) {
    const bytes = readFileSync(path.join(dir, g.file));
    const { record } = processFile(g.file, g.file, bytes, config);
    for (const s of scoreRecord(g, record)) {
      if (values.field && !s.field.startsWith(values.field)) continue;
      const t = totals.get(s.field) ?? { ok: 0, n: 0 };
      t.n += 1;
      if (s.ok) t.ok += 1;
      totals.set(s.field, t);
      if (!s.ok || values.verbose) console.log(`${s.ok ? 'ok  ' : 'MISS'} ${g.file.slice(0, 3)} ${s.field.padEnd(17)} expected ${s.expected} | got ${s.actual}`);
    }
  }
  console.log('');
  for (const [field, t] of [...totals.entries()].sort()) console.log(`${field.padEnd(18)} ${t.ok}/${t.n}  ${((100 * t.ok) / t.n).toFixed(1)} %`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
