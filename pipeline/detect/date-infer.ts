// Years the text works out without writing them: `新中国成立75周年` (1949 + 75 = 2024),
// `建党100周年`, `改革开放40周年`, `今年是“十四五”开局之年`, `今年（2024年）`. When the phrase is
// said of this year (今年是…, 值此…之际) the year is the document's current year, which then
// dates a yearless `1月14日` in the same text.
import type { Page } from '../page.js';
import type { Evidence } from '../types.js';
import { evidenceCursor } from './date-layout.js';

export interface InferredYear {
  year: number;
  /** `anniversary`, `five-year-plan` or `this-year` (今年是2024年). */
  basis: 'anniversary' | 'five-year-plan' | 'this-year';
  /** The phrase is said of the current year (今年是…, 值此…之际). */
  current: boolean;
  evidence: Evidence;
  /** UTF-16 offset in the page text, for reading order. */
  offset: number;
}

// Founding years of the anniversaries Chinese official texts count from (historical facts,
// not corpus content). Each name must say which event it counts from: 长征胜利 (1936), not
// 长征 (which set out in 1934); 抗战胜利 (1945), not 抗战爆发.
const FOUNDED: readonly [string, number][] = [
  ['(?:新中国|中华人民共和国|共和国)(?:成立)?|建国', 1949],
  ['中国共产党(?:成立|诞生)?|建党|党的?(?:成立|诞生)', 1921],
  ['改革开放', 1978],
  ['(?:中国人民解放军|人民解放军|人民军队)(?:建军|成立|诞生)?|建军', 1927],
  ['(?:中国人民)?抗日战争(?:暨世界反法西斯战争)?胜利|抗战胜利', 1945],
  ['香港回归(?:祖国)?', 1997],
  ['澳门回归(?:祖国)?', 1999],
  ['五四运动', 1919],
  ['(?:红军)?长征胜利', 1936],
  ['辛亥革命', 1911],
];
const COUNT = '([0-9]{1,3}|[一二三四五六七八九十百零〇]{1,6})';
const ANNIVERSARIES: readonly [RegExp, number][] = FOUNDED.map(([name, year]) => [new RegExp(`(?:${name})\\s*${COUNT}\\s*周年`, 'gu'), year]);
// Said of the current year: 今年是…, 今年恰逢…, 值此…之际, 喜迎…, 迎来….
const CURRENT_BEFORE = /(?:今年(?:是|恰逢|适逢|正值|喜逢|欣逢|为)|值此|喜迎|迎来|欣逢|恰逢|适逢|正值)[^。！？；]{0,24}$/u;
// 今年是“十四五”规划开局之年 / 今年是“十五五”规划实施第一年.
const PLAN = /(今年|明年|去年)(?:是|为|作为)?[^。！？；]{0,12}?“?十([一二三四五六七八九])五”?(?:规划)?(?:实施|时期)?的?(开局|起步|收官|最后一|第[一二三四五])之?年/gu;
const THIS_YEAR = /今年(?:是|即|为)?[（(]?((?:19|20)[0-9]{2})年/gu;

const CN_NUM: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 75, 七十五, 一百零五 → number (up to 999). */
export function countOf(s: string): number {
  if (/^[0-9]+$/u.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_NUM[c] ?? 0;
  }
  return total + digit;
}

function planStart(n: number): number {
  // 1st plan 1953, 2nd 1958, then a three-year adjustment: the 3rd began in 1966, every later one five years on.
  return n === 1 ? 1953 : n === 2 ? 1958 : 1966 + 5 * (n - 3);
}

function ordinalOf(word: string): number {
  if (word === '开局' || word === '起步') return 0;
  if (word === '收官' || word === '最后一') return 4;
  return countOf(word.slice(1)) - 1;
}

/** Every year the page infers, in reading order. */
export function inferYears(page: Page): InferredYear[] {
  const out: InferredYear[] = [];
  for (const line of page.lines) {
    if (line.kind === 'reference' || line.kind === 'nav' || line.kind === 'blank') continue;
    const t = line.text;
    const evidenceAt = evidenceCursor(line);
    const push = (year: number, basis: InferredYear['basis'], current: boolean, index: number, text: string): void => {
      if (year >= 1900 && year <= 2099) out.push({ year, basis, current, evidence: evidenceAt(index, text), offset: line.offset + index });
    };
    // Each pattern needs a literal (周年, 今年/明年/去年): lines without it skip the pattern.
    const anniversary = t.includes('周年');
    const thisYear = t.includes('今年');
    for (const [re, base] of anniversary ? ANNIVERSARIES : []) {
      re.lastIndex = 0;
      for (let m = re.exec(t); m !== null; m = re.exec(t)) {
        const n = countOf(m[1]!);
        if (n > 0) push(base + n, 'anniversary', CURRENT_BEFORE.test(t.slice(Math.max(0, m.index - 30), m.index)), m.index, m[0]);
      }
    }
    PLAN.lastIndex = 0;
    const plan = thisYear || t.includes('明年') || t.includes('去年');
    for (let m = plan ? PLAN.exec(t) : null; m !== null; m = PLAN.exec(t)) {
      const shift = m[1] === '明年' ? -1 : m[1] === '去年' ? 1 : 0;
      push(planStart(10 + countOf(m[2]!)) + ordinalOf(m[3]!) + shift, 'five-year-plan', true, m.index, m[0]);
    }
    THIS_YEAR.lastIndex = 0;
    for (let m = thisYear ? THIS_YEAR.exec(t) : null; m !== null; m = THIS_YEAR.exec(t)) push(Number(m[1]), 'this-year', true, m.index, m[0]);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The document's current year: the first year said of 今年, or null. */
export function currentYearOf(inferred: readonly InferredYear[]): InferredYear | null {
  return inferred.find((y) => y.current) ?? null;
}
