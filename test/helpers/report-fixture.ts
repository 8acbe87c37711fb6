// Synthetic manifests for the report tests and the report benchmark. Detection is other
// engineers' work in progress, so the report is tested on records built here: every field
// and diagnostic points (line, column in code points) at real text in the fixture's seed,
// and the report's excerpts are kept exactly as the pipeline keeps them.
import { createHash } from 'node:crypto';
import { buildManifest, type Manifest } from '../../pipeline/output/manifest.js';
import { scoreOf } from '../../pipeline/quality/score.js';
import { buildExcerpt, spansToShow } from '../../pipeline/report/excerpt.js';
import type { Diagnostic, Evidence, SeedRecord, Severity, SourceType } from '../../pipeline/types.js';
import { prng } from '../../scripts/bench/generate-corpus.js';

/** Evidence for the `nth` occurrence of `needle` in `text`: 1-based line, column in code points. */
export function at(text: string, needle: string, nth = 1): Evidence {
  let from = 0;
  let idx = -1;
  for (let k = 0; k < nth; k += 1) {
    idx = text.indexOf(needle, from);
    if (idx < 0) throw new Error(`fixture: "${needle}" (#${nth}) not in text`);
    from = idx + needle.length;
  }
  const before = text.slice(0, idx);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, column: Array.from(text.slice(lineStart, idx)).length + 1, text: needle };
}

export interface SeedSpec {
  file: string;
  text: string;
  type?: SourceType;
  title?: string;
  date?: { value: string; needle: string; kind?: 'published' | 'event' | 'inferred'; rejected?: string[] };
  author?: { needle: string; name?: string; role?: string; affiliation?: string; anonymous?: boolean };
  region?: { needle: string; province?: [string, string]; prefecture?: [string, string]; national?: boolean };
  keywords?: string;
  flags?: { ruleId: string; severity: Severity; message: string; needle?: string; nth?: number; related?: string; measured?: number; threshold?: number }[];
}

/** A record whose evidence points into `spec.text`, with its excerpt remembered. */
export function recordOf(spec: SeedSpec, seeds = 'seeds'): SeedRecord {
  const { text } = spec;
  const lines = text.split('\n');
  const flags: Diagnostic[] = (spec.flags ?? []).map((f) => {
    const d: Diagnostic = { file: `${seeds}/${spec.file}`, ruleId: f.ruleId, severity: f.severity, message: f.message };
    if (f.needle) {
      const e = at(text, f.needle, f.nth ?? 1);
      d.line = e.line;
      d.column = e.column;
      d.endLine = e.line;
      d.endColumn = e.column + Array.from(f.needle).length;
      d.evidence = f.needle;
    }
    if (f.related) d.related = [at(text, f.related, 2)];
    if (f.measured !== undefined) d.measured = f.measured;
    if (f.threshold !== undefined) d.threshold = f.threshold;
    return d;
  });
  const rec: SeedRecord = {
    id: spec.file.replace(/\.txt$/u, ''),
    file: spec.file,
    sha256: createHash('sha256').update(text).digest('hex'),
    bytes: Buffer.byteLength(text),
    encoding: 'utf-8',
    chars: Array.from(text).length,
    lines: lines.length,
    lineEnding: lines.length > 1 ? 'lf' : 'none',
    sourceType: spec.type
      ? {
          value: spec.type,
          confidence: 0.86,
          signals: spec.title ? [{ id: `${spec.type}.layout`, type: spec.type, weight: 2, evidence: at(text, lines[0]!.slice(0, 6)) }] : [],
        }
      : null,
    title: spec.title ? { value: spec.title, confidence: 0.9, evidence: at(text, spec.title) } : null,
    date: spec.date
      ? {
          value: spec.date.value,
          precision: spec.date.value.length === 10 ? 'day' : spec.date.value.length === 7 ? 'month' : 'year',
          kind: spec.date.kind ?? 'published',
          confidence: 0.8,
          evidence: at(text, spec.date.needle),
          candidates: [
            { value: spec.date.value, precision: 'day', kind: spec.date.kind ?? 'published', evidence: at(text, spec.date.needle), reason: 'header-line' },
            ...(spec.date.rejected ?? []).map((n) => ({ value: n.slice(0, 4), precision: 'year' as const, kind: 'event' as const, evidence: at(text, n), reason: 'rejected:reference-list', rejected: true })),
          ],
        }
      : null,
    author: spec.author
      ? {
          name: spec.author.name ?? null,
          role: spec.author.role ?? null,
          affiliation: spec.author.affiliation ?? null,
          anonymous: spec.author.anonymous ?? false,
          organisation: false,
          confidence: 0.7,
          evidence: at(text, spec.author.needle),
        }
      : null,
    region: spec.region
      ? {
          scope: spec.region.national ? 'national' : spec.region.prefecture ? 'prefecture' : 'province',
          province: spec.region.province ? { name: spec.region.province[0], code: spec.region.province[1] } : null,
          prefecture: spec.region.prefecture ? { name: spec.region.prefecture[0], code: spec.region.prefecture[1] } : null,
          county: null,
          confidence: 0.75,
          evidence: at(text, spec.region.needle),
          mentions: spec.region.province ? [{ name: spec.region.province[0], code: spec.region.province[1], level: 'province', count: 2, weight: 3, evidence: at(text, spec.region.needle) }] : [],
        }
      : null,
    keywords: spec.keywords ? { values: spec.keywords.replace(/^关键词[:：]/u, '').split(/[;；、]/u).filter(Boolean), evidence: at(text, spec.keywords) } : null,
    quality: { score: scoreOf(flags), flags },
  };
  rec.excerpt = buildExcerpt(lines, { spans: spansToShow(rec, flags) });
  return rec;
}

export interface CorpusSpec {
  seeds?: string;
  records: SeedRecord[];
  corpusDiagnostics?: Diagnostic[];
  nearDuplicates?: { a: string; b: string; similarity: number }[];
  duplicates?: { sha256: string; files: string[] }[];
}

export function manifestOf(c: CorpusSpec): Manifest {
  const records = [...c.records].sort((a, b) => (a.file < b.file ? -1 : 1));
  const corpus = c.corpusDiagnostics ?? [];
  const hasIndexProblem = corpus.some((d) => d.ruleId.startsWith('index/') && d.severity !== 'info');
  return buildManifest({
    configHash: '0123456789abcdef',
    seeds: c.seeds ?? 'seeds',
    records,
    diagnostics: [...records.flatMap((r) => r.quality.flags), ...corpus],
    corpusDiagnostics: corpus,
    index: hasIndexProblem ? 'inconsistent' : 'consistent',
    duplicates: c.duplicates ?? [],
    nearDuplicates: c.nearDuplicates ?? [],
  });
}

// ---- the small hand-made corpus the browser tests read ---------------------------------

export const NEWS_TEXT = `新闻中心
关于加快推进市域社会治理现代化的思考
2022-11-24 访问:0
来源:某市公安局　责任编辑:王明
　　市域社会治理是国家治理的重要组成部分。笔者认为，推进市域社会治理现代化，必须坚持党的领导，坚持以人民为中心，统筹发展和安全，在徐州市的实践中不断总结经验。
　　近年来，江苏省徐州市公安局围绕“平安徐州”建设目标，深化警务机制改革，推动社会治理重心向基层下移，取得了明显成效。
关于加快推进市域社会治理现代化的思考
上一篇:全面加强基层基础建设
下一篇:深入推进扫黑除恶常态化`;

export const PAPER_TEXT = `论文部分内容阅读
摘要:本文分析了新时代公安工作面临的形势和任务，提出了加强公安队伍建设的路径。
关键词:公安工作;队伍建设;社会稳定
　　当前，新疆维吾尔自治区社会大局持续稳定，各族群众安全感不断增强。全面从严管党治警，必须發揮党组织的战斗堡垒作用。
　　加强公安队伍建设，要坚持政治建警、改革强警、科技兴警、从严治警。
参考文献:
[1]张三.论公安队伍建设[J].公安研究,2016(2):12-15.`;

export const FORUM_A = `今年公安工作怎么干?全国公安厅局长会议精神关键点提示
发表于 2024-1-15 09:12 只看该作者
　　全国公安厅局长会议1月14日在京召开。会议强调，2024年是新中国成立75周年，做好公安工作意义重大。! y1 { b% b4 U: e5 n3 L
　　会议要求，各地公安机关要坚持和发展新时代“枫桥经验”，全力防范化解重大风险。 |`;

export const FORUM_B = `今年公安工作怎么干?全国公安厅局长会议精神关键点提示
发表于 2024-1-16 10:02 只看该作者
　　全国公安厅局长会议1月14日在京召开。会议强调，2024年是新中国成立75周年，做好公安工作意义重大。
　　会议要求，各地公安机关要坚持和发展新时代“枫桥经验”，全力防范化解重大风险。`;

/** Hostile seed text: markup, handlers, javascript: URLs, a closing script tag, a bidi override. */
export const HOSTILE_TITLE = '<script>window.__xss=1</script>标题';
export const HOSTILE_TEXT = `${HOSTILE_TITLE}
2023-05-06 来源:"><img src=x onerror="window.__xss=2">
　　正文<img src=x onerror=window.__xss=3>点击<a href="javascript:window.__xss=4">javascript:window.__xss=5</a>这里。</script><!--
　　控制字符\u202e反转\u202c和<svg onload=window.__xss=6>结束。`;

export const FILES = {
  news: '101_0a1b2c3d4e5f6071.txt',
  paper: '102_1b2c3d4e5f607182.txt',
  forumA: '103_2c3d4e5f60718293.txt',
  forumB: '104_3d4e5f60718293a4.txt',
  hostile: '105_4e5f60718293a4b5.txt',
  official: '106_5f60718293a4b5c6.txt',
} as const;

export const OFFICIAL_TEXT = `关于进一步加强道路交通安全管理工作的通知
各市、县(区)公安局：
　　为切实加强道路交通安全管理，现就有关事项通知如下。
　　一、提高思想认识。
广东省公安厅
2021年3月5日`;

/** Six records covering every part of the detail view, plus hostile text everywhere. */
export function fixtureManifest(): Manifest {
  const records = [
    recordOf({
      file: FILES.news,
      text: NEWS_TEXT,
      type: 'news',
      title: '关于加快推进市域社会治理现代化的思考',
      date: { value: '2022-11-24', needle: '2022-11-24' },
      author: { needle: '笔者', anonymous: true },
      region: { needle: '江苏省徐州市', province: ['江苏省', '320000'], prefecture: ['徐州市', '320300'] },
      flags: [
        { ruleId: 'noise/boilerplate', severity: 'warning', message: 'site furniture line "新闻中心"', needle: '新闻中心' },
        { ruleId: 'noise/boilerplate', severity: 'warning', message: 'visit counter "访问:0"', needle: '访问:0' },
        { ruleId: 'repetition/title', severity: 'warning', message: 'the title is repeated at line 7', needle: '关于加快推进市域社会治理现代化的思考', related: '关于加快推进市域社会治理现代化的思考' },
        { ruleId: 'noise/navigation', severity: 'warning', message: 'navigation line', needle: '上一篇:全面加强基层基础建设' },
      ],
    }),
    recordOf({
      file: FILES.paper,
      text: PAPER_TEXT,
      type: 'paper',
      date: { value: '2016', needle: '2016(2)', kind: 'event' },
      author: { needle: '全面从严管党治警', anonymous: true },
      region: { needle: '新疆维吾尔自治区', province: ['新疆维吾尔自治区', '650000'] },
      keywords: '关键词:公安工作;队伍建设;社会稳定',
      flags: [
        { ruleId: 'noise/boilerplate', severity: 'warning', message: 'site furniture line', needle: '论文部分内容阅读' },
        { ruleId: 'script/traditional', severity: 'warning', message: 'traditional character 發 in simplified text', needle: '發' },
        { ruleId: 'date/reference-list', severity: 'info', message: 'a year in the reference list was not taken as the date', needle: '2016(2)', measured: 1, threshold: 0 },
      ],
    }),
    recordOf({
      file: FILES.forumA,
      text: FORUM_A,
      type: 'forum',
      title: '今年公安工作怎么干?全国公安厅局长会议精神关键点提示',
      date: { value: '2024-01-14', needle: '1月14日', kind: 'inferred' },
      region: { needle: '全国公安厅局长会议', national: true },
      flags: [
        { ruleId: 'noise/jammer', severity: 'error', message: 'forum anti-scrape noise (8 pairs)', needle: '! y1 { b% b4 U: e5 n3 L', measured: 8, threshold: 5 },
        { ruleId: 'noise/trailing-bar', severity: 'warning', message: 'trailing lone |', needle: ' |' },
      ],
    }),
    recordOf({
      file: FILES.forumB,
      text: FORUM_B,
      type: 'forum',
      title: '今年公安工作怎么干?全国公安厅局长会议精神关键点提示',
      date: { value: '2024-01-14', needle: '1月14日', kind: 'inferred' },
      region: { needle: '全国公安厅局长会议', national: true },
    }),
    recordOf({
      file: FILES.hostile,
      text: HOSTILE_TEXT,
      type: 'other',
      title: HOSTILE_TITLE,
      date: { value: '2023-05-06', needle: '2023-05-06' },
      author: { needle: '"><img src=x onerror="window.__xss=2">', name: '"><img src=x onerror="window.__xss=2">' },
      keywords: 'javascript:window.__xss=5',
      flags: [
        { ruleId: 'noise/markup', severity: 'error', message: 'HTML left in the text: <img src=x onerror=window.__xss=3>', needle: '<img src=x onerror=window.__xss=3>' },
        { ruleId: 'noise/markup', severity: 'warning', message: 'closing tag </script><!-- in the text', needle: '</script><!--' },
        { ruleId: 'encoding/bidi-control', severity: 'error', message: 'right-to-left override character', needle: '\u202e' },
      ],
    }),
    recordOf({
      file: FILES.official,
      text: OFFICIAL_TEXT,
      type: 'official',
      title: '关于进一步加强道路交通安全管理工作的通知',
      date: { value: '2021-03-05', needle: '2021年3月5日' },
      author: { needle: '广东省公安厅', name: '广东省公安厅' },
      region: { needle: '广东省', province: ['广东省', '440000'] },
    }),
  ];
  return manifestOf({
    records,
    corpusDiagnostics: [
      {
        file: 'seeds/INDEX.md',
        line: 14,
        ruleId: 'index/disagreement',
        severity: 'error',
        message: `INDEX row for ${FILES.news}: date says 2022-11-23; the page shows 2022-11-24 (line 3)`,
        expected: '2022-11-24',
        actual: '2022-11-23',
        evidence: '2022-11-24 访问:0',
      },
      {
        file: 'seeds/INDEX.md',
        line: 18,
        ruleId: 'index/disagreement',
        severity: 'warning',
        message: `INDEX row for ${FILES.hostile}: title differs`,
        expected: HOSTILE_TITLE,
        actual: '<b>javascript:alert(1)</b>',
      },
    ],
    nearDuplicates: [{ a: FILES.forumA, b: FILES.forumB, similarity: 0.93 }],
  });
}

// ---- a large synthetic corpus (pagination tests, benchmark) ----------------------------


// Fixture data only (product code resolves regions from a maintained package).
const PROVINCES: [string, string][] = [
  ['北京市', '110000'], ['天津市', '120000'], ['河北省', '130000'], ['山西省', '140000'], ['辽宁省', '210000'],
  ['吉林省', '220000'], ['上海市', '310000'], ['江苏省', '320000'], ['浙江省', '330000'], ['安徽省', '340000'],
  ['福建省', '350000'], ['江西省', '360000'], ['山东省', '370000'], ['河南省', '410000'], ['湖北省', '420000'],
  ['湖南省', '430000'], ['广东省', '440000'], ['四川省', '510000'], ['云南省', '530000'], ['新疆维吾尔自治区', '650000'],
];
const TYPES: SourceType[] = ['news', 'paper', 'forum', 'commentary', 'official', 'speech', 'other'];
const FURNITURE = ['新闻中心', '论文部分内容阅读', '当前位置:首页 > 警务动态', '新闻动态'];

export interface SyntheticOptions {
  /** Body lines to draw from (e.g. the real seeds' lines). */
  pool: readonly string[];
  seed?: number;
}

/** `n` records with realistic text, evidence everywhere, and 0–6 problems each. */
export function syntheticManifest(n: number, opts: SyntheticOptions): Manifest {
  const rnd = prng(opts.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const pool = opts.pool.filter((l) => l.trim().length >= 20);
  if (!pool.length) throw new Error('syntheticManifest: the line pool is empty');
  const records: SeedRecord[] = [];
  const names: string[] = [];
  const ev = (lines: string[], line: number, column: number, text: string): Evidence => {
    const l = lines[line - 1] ?? '';
    if (Array.from(l).slice(column - 1, column - 1 + Array.from(text).length).join('') !== text) throw new Error('synthetic evidence does not match its text');
    return { line, column, text };
  };
  for (let i = 0; i < n; i += 1) {
    const hex = createHash('sha256').update(`synthetic-${i}`).digest('hex').slice(0, 16);
    const file = `${String(i).padStart(5, '0')}_${hex}.txt`;
    names.push(file);
    const body = Array.from({ length: 4 + Math.floor(rnd() * 22) }, () => pick(pool));
    const year = 2005 + Math.floor(rnd() * 20);
    const date = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const [prov, code] = pick(PROVINCES);
    const national = rnd() < 0.08;
    const titleText = Array.from(pick(pool).trim()).slice(0, 12 + Math.floor(rnd() * 18)).join('');
    const furniture = pick(FURNITURE);
    const source = `来源:${national ? '公安部' : `${prov}公安厅`}　作者:王强`;
    const lines = [furniture, titleText, `${date} 访问:${Math.floor(rnd() * 999)}`, source, ...body, '上一篇:全面加强基层基础建设'];
    if (rnd() < 0.15) lines.push(...body.slice(0, 3)); // a repeated block
    const text = lines.join('\n');
    const type = rnd() < 0.1 ? null : pick(TYPES);
    const flags: Diagnostic[] = [];
    const path = `seeds/${file}`;
    const flag = (ruleId: string, severity: Severity, message: string, e: Evidence, related?: Evidence): void => {
      const d: Diagnostic = { file: path, line: e.line, column: e.column, endLine: e.line, endColumn: e.column + Array.from(e.text).length, ruleId, severity, message, evidence: e.text };
      if (related) d.related = [related];
      flags.push(d);
    };
    if (rnd() < 0.5) flag('noise/boilerplate', 'warning', `site furniture line "${furniture}"`, ev(lines, 1, 1, furniture));
    if (rnd() < 0.4) flag('noise/navigation', 'warning', 'navigation line', ev(lines, lines.indexOf('上一篇:全面加强基层基础建设') + 1, 1, '上一篇:全面加强基层基础建设'));
    if (rnd() < 0.25) {
      const ln = 5 + Math.floor(rnd() * body.length);
      const l = Array.from(lines[ln - 1]!);
      const col = 1 + Math.floor(rnd() * Math.max(1, l.length - 12));
      flag('noise/jammer', 'error', 'forum anti-scrape noise', ev(lines, ln, col, l.slice(col - 1, col + 11).join('')));
    }
    if (rnd() < 0.3) {
      const ln = 5 + Math.floor(rnd() * body.length);
      const l = Array.from(lines[ln - 1]!);
      const col = 1 + Math.floor(rnd() * l.length);
      flag('script/traditional', 'info', `traditional character ${l[col - 1]}`, ev(lines, ln, col, l[col - 1]!));
    }
    if (lines.length > body.length + 5) {
      const first = ev(lines, 5, 1, lines[4]!);
      flag('repetition/block', 'warning', 'a block of 3 lines is repeated', first, ev(lines, body.length + 6, 1, lines[body.length + 5]!));
    }
    if (rnd() < 0.05) flags.push({ file: path, ruleId: 'layout/short', severity: 'error', message: 'text is very short', measured: 80, threshold: 200 });
    const dateEv = ev(lines, 3, 1, date);
    const rec: SeedRecord = {
      id: file.replace(/\.txt$/u, ''),
      file,
      sha256: createHash('sha256').update(text).digest('hex'),
      bytes: Buffer.byteLength(text),
      encoding: 'utf-8',
      chars: Array.from(text).length,
      lines: lines.length,
      lineEnding: 'lf',
      sourceType: type ? { value: type, confidence: 0.5 + rnd() / 2, signals: [{ id: `${type}.header`, type, weight: 2, evidence: ev(lines, 1, 1, furniture) }, { id: `${type}.counter`, type, weight: 1, evidence: ev(lines, 3, 12, '访问:') }] } : null,
      title: rnd() < 0.85 ? { value: titleText, confidence: 0.8, evidence: ev(lines, 2, 1, titleText) } : null,
      date: rnd() < 0.9 ? { value: date, precision: 'day', kind: 'published', confidence: 0.9, evidence: dateEv, candidates: [{ value: date, precision: 'day', kind: 'published', evidence: dateEv, reason: 'header-line' }] } : null,
      author: rnd() < 0.6 ? { name: '王强', role: null, affiliation: null, anonymous: false, organisation: false, confidence: 0.7, evidence: ev(lines, 4, Array.from(source).length - 1, '王强') } : null,
      region:
        rnd() < 0.85
          ? national
            ? { scope: 'national', province: null, prefecture: null, county: null, confidence: 0.7, evidence: ev(lines, 4, 4, '公安部'), mentions: [] }
            : { scope: 'province', province: { name: prov, code }, prefecture: null, county: null, confidence: 0.8, evidence: ev(lines, 4, 4, prov), mentions: [{ name: prov, code, level: 'province', count: 1, weight: 2, evidence: ev(lines, 4, 4, prov) }] }
          : null,
      keywords: null,
      quality: { score: scoreOf(flags), flags },
    };
    rec.excerpt = buildExcerpt(lines, { spans: spansToShow(rec, flags) });
    records.push(rec);
  }
  const corpusDiagnostics: Diagnostic[] = [];
  const nearDuplicates: { a: string; b: string; similarity: number }[] = [];
  for (let i = 0; i < n; i += 1) {
    if (rnd() < 0.01) {
      const r = records[i]!;
      corpusDiagnostics.push({ file: 'seeds/INDEX.md', line: 20 + i, ruleId: 'index/disagreement', severity: 'warning', message: `INDEX row for ${r.file}: date differs`, expected: r.date?.value ?? '—', actual: '2000-01-01' });
    }
    if (rnd() < 0.02 && n > 1) nearDuplicates.push({ a: names[i]!, b: names[(i + 1 + Math.floor(rnd() * (n - 1))) % n]!, similarity: Math.round((0.8 + rnd() / 5) * 100) / 100 });
  }
  return manifestOf({ records, corpusDiagnostics, nearDuplicates });
}
