// Region detection: the division data, generated aliases, the matcher's substring traps,
// resolveRegionName for INDEX.md cells, detectRegion with title/author context, and the five
// seeds against DESIGN.md §9 (names and GB/T 2260 codes).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildPage } from '../pipeline/page.js';
import { packageRoot } from '../pipeline/paths.js';
import { aliasesOf, baseName } from '../pipeline/detect/region-aliases.js';
import { divisions, type Division } from '../pipeline/detect/region-data.js';
import { AhoCorasick } from '@monyone/aho-corasick/greedy';
import { readdirSync } from 'node:fs';
import { findPlaces } from '../pipeline/detect/region-matcher.js';
import { detectRegion, resolveRegionName, type RegionContext } from '../pipeline/detect/region.js';
import type { AuthorField, RegionField, TitleField } from '../pipeline/types.js';
import { detectText } from './helpers/detect-fixture.js';

const byName = (name: string): Division[] => divisions().all.filter((d) => d.name === name);
const one = (name: string): Division => {
  const found = byName(name);
  assert.equal(found.length, 1, `${name} should name exactly one division`);
  return found[0]!;
};
const NO_CTX: RegionContext = { title: null, author: null, sourceType: null };

test('division data: three levels with GB/T 2260 codes at their precision', () => {
  const all = divisions().all;
  const count = (level: Division['level']): number => all.filter((d) => d.level === level).length;
  assert.equal(count('province'), 34);
  assert.ok(count('prefecture') >= 330 && count('prefecture') <= 340, `prefectures: ${count('prefecture')}`);
  assert.ok(count('county') >= 2800 && count('county') <= 2900, `counties: ${count('county')}`);
  for (const d of all) {
    const digits = { province: 2, prefecture: 4, county: 6 }[d.level];
    assert.match(d.code, new RegExp(`^\\d{${digits}}$`, 'u'), `${d.name} ${d.code}`);
    assert.ok(d.code6.startsWith(d.province.code), `${d.name} under ${d.province.name}`);
    if (d.prefecture) assert.ok(d.code6.startsWith(d.prefecture.code), `${d.name} under ${d.prefecture.name}`);
  }
});

test('division data: statistical units, towns and pseudo-prefectures are not divisions', () => {
  const names = new Set(divisions().all.map((d) => d.name));
  for (const name of ['徐州经济技术开发区', '省直辖县', '自治区直辖县级行政区划', '市辖区', '松山湖', '中堂镇', '雄关区']) {
    assert.ok(!names.has(name), `${name} should be dropped`);
  }
  const jiyuan = one('济源市');
  assert.equal(jiyuan.level, 'county');
  assert.equal(jiyuan.province.name, '河南省');
  assert.equal(jiyuan.prefecture, null);
  const shihezi = one('石河子市');
  assert.equal(shihezi.province.code, '65');
  assert.equal(shihezi.prefecture, null);
  const pudong = one('浦东新区');
  assert.equal(pudong.province.name, '上海市');
  assert.equal(pudong.prefecture, null, 'a municipality has no prefecture level');
  assert.equal(one('东莞市').level, 'prefecture');
  assert.equal(one('台湾省').level, 'province');
  assert.equal(one('迪庆藏族自治州').code, '5334');
});

test('aliases are generated from the names: suffixes and nationalities stripped', () => {
  const texts = (name: string): string[] => aliasesOf(one(name)).map((a) => a.text);
  assert.deepEqual(texts('迪庆藏族自治州'), ['迪庆藏族自治州', '迪庆', '迪庆州']);
  assert.deepEqual(texts('新疆维吾尔自治区'), ['新疆维吾尔自治区', '新疆']);
  assert.deepEqual(texts('徐州市'), ['徐州市', '徐州']);
  assert.deepEqual(texts('锡林郭勒盟'), ['锡林郭勒盟', '锡林郭勒']);
  assert.deepEqual(texts('香港特别行政区'), ['香港特别行政区', '香港']);
  assert.ok(texts('延边朝鲜族自治州').includes('延边州'));
  assert.ok(texts('黔东南苗族侗族自治州').includes('黔东南州'));
  assert.ok(texts('红河哈尼族彝族自治州').includes('红河州'));
  assert.equal(baseName(one('海西蒙古族藏族自治州')), '海西');
  assert.equal(baseName(one('克孜勒苏柯尔克孜自治州')), '克孜勒苏');
  assert.equal(baseName(one('湘西土家族苗族自治州')), '湘西');
  assert.equal(baseName(one('内蒙古自治区')), '内蒙古');
  // A name that is all nationality keeps it (东乡族自治县 → 东乡, 鄂伦春自治旗 → 鄂伦春).
  assert.equal(baseName(one('东乡族自治县')), '东乡');
  assert.equal(baseName(one('鄂伦春自治旗')), '鄂伦春');
  // One-character bases are not aliases (城区 would match everywhere).
  for (const d of byName('城区')) assert.deepEqual(aliasesOf(d).map((a) => a.text), ['城区']);
});

test('matcher: leftmost-longest keeps substrings from inventing places', () => {
  const hits = (s: string): string[] => findPlaces(s).map((h) => h.text);
  assert.deepEqual(hits('青海西宁'), ['青海', '西宁']);
  assert.deepEqual(hits('迪庆藏族自治州'), ['迪庆藏族自治州']);
  assert.deepEqual(hits('江苏省徐州市'), ['江苏省', '徐州市']);
  assert.deepEqual(hits('浙江西部'), ['浙江']);
  assert.deepEqual(hits('红河州'), ['红河州']);
  assert.deepEqual(hits(''), []);
});

test('matcher: the same hits as @monyone/aho-corasick greedy over every alias', () => {
  const texts = [...new Set(divisions().all.flatMap((d) => aliasesOf(d).map((a) => a.text)))].sort();
  const reference = new AhoCorasick(texts);
  const same = (s: string): void => {
    const want = reference.matchInText(s).map((m) => `${m.begin}-${m.end}:${m.keyword}`);
    assert.deepEqual(findPlaces(s).map((h) => `${h.start}-${h.end}:${h.text}`), want, s.slice(0, 80));
  };
  const dirs = [path.join(packageRoot, 'seeds'), path.join(packageRoot, 'test', 'fixtures', 'detect')];
  let files = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      same(readFileSync(path.join(dir, name), 'utf8'));
      files += 1;
    }
  }
  assert.ok(files >= 5);
  // Runs of name fragments, where failure links and replaced hits matter.
  let x = 7;
  const rnd = (k: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % k;
  };
  for (let k = 0; k < 2000; k += 1) {
    let s = '';
    const parts = 1 + rnd(6);
    for (let i = 0; i < parts; i += 1) {
      const t = texts[rnd(texts.length)]!;
      const from = rnd(t.length);
      s += t.slice(from, from + 1 + rnd(t.length)) + (rnd(4) === 0 ? '，' : '');
    }
    same(s);
  }
});

test('resolveRegionName: INDEX.md cells to official names and codes', () => {
  const r = (cell: string): string | null => {
    const x = resolveRegionName(cell);
    if (!x) return null;
    if (x.national) return 'national';
    return [x.province, x.prefecture, x.county].filter((p) => p !== null).map((p) => `${p.name}/${p.code}`).join(' ');
  };
  const table: [string, string | null][] = [
    ['云南省 迪庆藏族自治州', '云南省/53 迪庆藏族自治州/5334'],
    ['迪庆', '云南省/53 迪庆藏族自治州/5334'],
    ['迪庆州', '云南省/53 迪庆藏族自治州/5334'],
    ['徐州', '江苏省/32 徐州市/3203'],
    ['江苏省 徐州市', '江苏省/32 徐州市/3203'],
    ['新疆', '新疆维吾尔自治区/65'],
    ['新疆维吾尔自治区', '新疆维吾尔自治区/65'],
    ['national', 'national'],
    ['全国', 'national'],
    ['江西省宜春市万载县', '江西省/36 宜春市/3609 万载县/360922'],
    ['万载县', '江西省/36 宜春市/3609 万载县/360922'],
    ['北京市 朝阳区', '北京市/11 朝阳区/110105'],
    ['北京 朝阳', '北京市/11 朝阳区/110105'],
    ['吉林省 长春市 朝阳区', '吉林省/22 长春市/2201 朝阳区/220104'],
    ['红河', '云南省/53 红河哈尼族彝族自治州/5325'],
    ['海南', '海南省/46'],
    ['青海 海南', '青海省/63 海南藏族自治州/6325'],
    ['锡林郭勒盟', '内蒙古自治区/15 锡林郭勒盟/1525'],
    ['济源', '河南省/41 济源市/419001'],
    // Not resolvable: ambiguous, not nested, not a place, or extra words.
    ['朝阳区', null],
    ['江苏 浙江', null],
    ['徐州 路', null],
    ['not stated', null],
    ['', null],
  ];
  for (const [cell, expected] of table) assert.equal(r(cell), expected, `cell ${JSON.stringify(cell)}`);
});

const title = (page: ReturnType<typeof buildPage>, line: number): TitleField => {
  const text = page.lines[line - 1]!.text;
  return { value: text, confidence: 0.9, evidence: { line, column: 1, text } };
};
const shown = (r: RegionField | null): string =>
  r === null ? 'null' : r.scope === 'national' ? 'national' : [r.province, r.prefecture, r.county].filter((p) => p !== null).map((p) => p.name).join(' ');

test('detectRegion: the title names the document place over body mentions', () => {
  const page = buildPage('江西省2022年国民经济和社会发展统计公报\n宜春市统计局转发。宜春市各县区认真学习。宜春市发布。\n全省经济运行稳中向好。\n');
  assert.equal(shown(detectRegion(page, NO_CTX)), '江西省 宜春市');
  assert.equal(shown(detectRegion(page, { ...NO_CTX, title: title(page, 1) })), '江西省');
});

test('detectRegion: the author affiliation decides, with evidence on the page', () => {
  const text = '全市公安机关扎实推进平安建设。笔者认为要做实基层基础工作。\n作者单位：山东省青岛市公安局\n';
  const page = buildPage(text);
  const author: AuthorField = {
    name: null, role: null, affiliation: '山东省青岛市公安局', anonymous: false, organisation: false, confidence: 0.8,
    evidence: { line: 2, column: 6, text: '山东省青岛市公安局' },
  };
  // One passing line of body text decides nothing; the same words as the author's affiliation do.
  assert.equal(detectRegion(page, NO_CTX), null);
  const r = detectRegion(page, { ...NO_CTX, author });
  assert.equal(shown(r), '山东省 青岛市');
  assert.deepEqual(r!.evidence, { line: 2, column: 9, text: '青岛市' });
  assert.equal(r!.prefecture!.code, '3702');
});

test('detectRegion: an issuing national body as the author makes the scope national', () => {
  const page = buildPage('（检例第999号）某某诈骗案\n被告人某某，四川省某县人。四川省某县人民检察院提起公诉。四川省高级人民法院二审。\n');
  const author: AuthorField = {
    name: '最高人民检察院', role: null, affiliation: null, anonymous: false, organisation: true, confidence: 0.8,
    evidence: { line: 1, column: 1, text: '（检例第999号）某某诈骗案' },
  };
  assert.equal(shown(detectRegion(page, { ...NO_CTX, author })), 'national');
  assert.equal(shown(detectRegion(page, NO_CTX)), 'national', 'the 检例 number alone marks a guiding case');
});

test('detectRegion: evidence columns count code points and mentions are ranked', () => {
  const page = buildPage('𠀋𠀋徐州市召开会议。\n江苏省徐州市加快发展，徐州市经济向好。\n');
  const r = detectRegion(page, NO_CTX);
  assert.equal(shown(r), '江苏省 徐州市');
  assert.deepEqual(r!.evidence, { line: 1, column: 3, text: '徐州市' });
  assert.equal(r!.mentions[0]!.name, '徐州市');
  assert.equal(r!.mentions[0]!.count, 3);
  assert.equal(r!.mentions[0]!.level, 'prefecture');
});

test('detectRegion: empty, place-less and one-caption pages are null; output is deterministic', () => {
  assert.equal(detectRegion(buildPage(''), NO_CTX), null);
  const caption = '社工在疫情中的作用值得研究。国外学者也有讨论。\n笔者认为，应当加强专业培训。\n2月15日，上海市黄浦区五里桥街道的社工为居民送菜。\n';
  assert.equal(detectRegion(buildPage(caption), NO_CTX), null);
  assert.equal(detectRegion(buildPage('笔者认为，基层基础工作要抓实抓细。\n'), NO_CTX), null);
  const text = readFileSync(path.join(packageRoot, 'seeds', '000_32807b01a9652c49.txt'), 'utf8');
  assert.equal(JSON.stringify(detectRegion(buildPage(text), NO_CTX)), JSON.stringify(detectRegion(buildPage(text), NO_CTX)));
});

test('the five seeds match DESIGN.md §9 with GB/T 2260 codes', () => {
  const expected: Record<string, string> = {
    '000_32807b01a9652c49.txt': '云南省/53 迪庆藏族自治州/5334',
    '001_441182d5b2a5f59a.txt': 'null',
    '002_eaa48e586d34a090.txt': '江苏省/32 徐州市/3203',
    '003_3a9f51b08f87bb11.txt': '新疆维吾尔自治区/65',
    '004_e8825e5862d1a0f3.txt': 'national',
  };
  for (const [file, want] of Object.entries(expected)) {
    const r = detectText(readFileSync(path.join(packageRoot, 'seeds', file), 'utf8'), file).region;
    const got = r === null ? 'null' : r.scope === 'national' ? 'national' : [r.province, r.prefecture, r.county].filter((p) => p !== null).map((p) => `${p.name}/${p.code}`).join(' ');
    assert.equal(got, want, file);
  }
});
