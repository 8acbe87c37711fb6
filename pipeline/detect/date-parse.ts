// Finds date expressions in one line of text. chrono-node's Simplified-Chinese parser reads
// 年月日 dates (Arabic or Chinese numerals, 二〇一八年三月五日) and ISO `2022-09-11 07:40:25`;
// every chrono result must also pass a shape check, so relative phrases it understands
// (12年前, 上周三, 下午3点) never become dates. The scanners below cover what chrono leaves
// out: year-only `2022年` / `二〇二二年`, slash and dot dates `2026/2/3` `2026.2.3`, compact
// `20260203` (accepted later only in header context), two-digit years `22年3月5日`, and
// 年月日 spans chrono drops (`2022年12月31日24时`).
import { hans } from 'chrono-node/zh';

export type MentionForm = 'chinese' | 'iso' | 'numeric' | 'compact' | 'year';

export interface DateMention {
  /** UTF-16 index of the span in the line, and its end. */
  index: number;
  end: number;
  /** The span as written (with a clock time when one follows the date). */
  text: string;
  year: number | null;
  month: number | null;
  day: number | null;
  /** A clock time is part of the span. */
  time: boolean;
  form: MentionForm;
}

// Only chrono's absolute-date parsers: the weekday, relative ("上周三"), deadline ("3天内")
// and "ago" parsers are removed so they cannot compete with or swallow a real date.
const configuration = hans.createConfiguration();
configuration.parsers = configuration.parsers.filter(
  (p) => !/Weekday|Deadline|Ago|Casual/u.test((p as object).constructor.name),
);
// chrono's Chinese date parser builds its RegExp anew on every call, so chrono's pattern cache
// never hits and every parse compiles it again; a pattern that takes no context is the same
// on every call, so each parser's first one is kept.
for (const parser of configuration.parsers as { innerPattern?: (context?: unknown) => RegExp }[]) {
  const inner = parser.innerPattern;
  if (typeof inner !== 'function' || inner.length !== 0) continue;
  let cached: RegExp | undefined;
  parser.innerPattern = function memoised(this: unknown): RegExp {
    cached ??= inner.call(this);
    return cached;
  };
}
const chrono = new hans.Chrono(configuration);
// Components chrono only implies (a missing year) are ignored, so any fixed reference works;
// a fixed one keeps the output independent of the clock.
const CHRONO_REF = new Date(Date.UTC(2000, 0, 1));

const CN_DIGIT = '〇零一二三四五六七八九';
// Shapes a chrono result must have (anchored at its start).
const CHRONO_CN = /^(?:([0-9]{2,4}|[〇零一二三四五六七八九]{2,4})\s*年\s*)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?/u;
const CHRONO_ISO = /^((?:19|20)[0-9]{2})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])/u;
// What may follow the date inside one span: a clock time.
const TIME_TAIL = /^(?:\s*|T)(?:[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?|[0-9]{1,2}时(?:[0-9]{1,2}分(?:[0-9]{1,2}秒)?)?)/u;

// Own scanners (global, compiled once; each is linear: no nested or overlapping quantifiers).
const NUMERIC = /(?<![0-9./-])((?:19|20)[0-9]{2})([-./])([0-9]{1,2})\2([0-9]{1,2})(?![0-9%％]|[.][0-9])/gu;
const CN_FALLBACK = /(?<![0-9])(?:((?:19|20)[0-9]{2}|[0-9]{2})\s*年\s*)?([0-9]{1,2})\s*月\s*(?:([0-9]{1,2})\s*[日号])?/gu;
const MONTH_AFTER = String.raw`(?!\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月)`;
const YEAR_ONLY = new RegExp(String.raw`(?<![0-9])((?:19|20)[0-9]{2})\s*年${MONTH_AFTER}(?!代)`, 'gu');
const CN_YEAR_ONLY = new RegExp(String.raw`(?<![${CN_DIGIT}])([一二][${CN_DIGIT}]{3})年${MONTH_AFTER}(?!代)`, 'gu');
const COMPACT = /(?<![0-9])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9])/gu;
const FULL_WIDTH = /[０-９－／．]/gu;
// Every date form has a digit, 年 or 月: other lines skip the parsers (a page may have 10⁵ lines).
const MAY_HOLD_DATE = /[0-9０-９年月]/u;
/** What the numeric, compact and year-only scanners all start with. */
const YEAR_DIGITS = /(?:19|20)[0-9]{2}/u;

/** Full-width digits and separators to ASCII: same UTF-16 length, so indexes still match the line. */
function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A two-digit year: 00..(reference year) → 20xx, otherwise 19xx. */
export function expandYear(y: number, referenceYear: number): number {
  if (y >= 100) return y;
  return y <= referenceYear % 100 ? 2000 + y : 1900 + y;
}

function daysIn(year: number | null, month: number): number {
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

function valid(year: number | null, month: number | null, day: number | null): boolean {
  if (year !== null && (year < 1900 || year > 2099)) return false;
  if (month !== null && (month < 1 || month > 12)) return false;
  if (day !== null && (month === null || day < 1 || day > daysIn(year, month))) return false;
  // A date needs a year, or a month and a day (a bare month says nothing).
  return year !== null || (month !== null && day !== null);
}

function cnYear(s: string): number {
  let n = 0;
  for (const c of s) n = n * 10 + Math.max(0, CN_DIGIT.indexOf(c) - (c === '〇' ? 0 : 1));
  return n;
}

function withTime(line: string, end: number): { end: number; time: boolean } {
  const m = TIME_TAIL.exec(line.slice(end, end + 16));
  return m && m[0].trim() !== '' ? { end: end + m[0].length, time: true } : { end, time: false };
}

// chrono's patterns backtrack quadratically over long digit runs (160k digits take minutes),
// so it reads only windows around the characters every date it can parse contains: 年, 月
// and an ISO `YYYY-M-D`. A window reaches far enough for 二〇二二年十二月 before 月 and a
// clock time after it; overlapping windows merge.
const ANCHOR = /[年月]|(?<![0-9])(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}/gu;
const WINDOW_BEFORE = 12;
const WINDOW_AFTER = 24;
const DIGIT = /[0-9]/u;
// Resource guards for hostile input: a real line holds a handful of dates (a dense table a
// few dozen). Past these counts chrono stops (the own scanners still read Arabic dates) and
// further mentions on the line are not reported.
const MAX_ANCHORS_PER_LINE = 1000;
export const MAX_MENTIONS_PER_LINE = 1000;

function sameDigitKind(before: string, first: string): boolean {
  return (DIGIT.test(before) && DIGIT.test(first)) || (CN_DIGIT.includes(before) && CN_DIGIT.includes(first));
}

function chronoWindows(line: string): [number, number][] {
  const windows: [number, number][] = [];
  ANCHOR.lastIndex = 0;
  let anchors = 0;
  for (let m = ANCHOR.exec(line); m !== null && anchors < MAX_ANCHORS_PER_LINE; m = ANCHOR.exec(line), anchors += 1) {
    let start = Math.max(0, m.index - WINDOW_BEFORE);
    // Never start inside a number: 12022年 must not read as 2022年.
    while (start > 0 && start < m.index && DIGIT.test(line[start - 1]!) && DIGIT.test(line[start]!)) start += 1;
    const end = Math.min(line.length, m.index + m[0].length + WINDOW_AFTER);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

// A chrono result is kept only in one of the two shapes above, so a window without a numeral
// before 月 and without an ISO date cannot yield one: chrono (~0.1 ms a call) is not asked.
const MAY_HAVE_SHAPE = /[0-9一二三四五六七八九十]\s*月|(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]/u;

function fromChrono(line: string, referenceYear: number): DateMention[] {
  const out: DateMention[] = [];
  for (const [from, to] of chronoWindows(line)) {
    const window = line.slice(from, to);
    if (!MAY_HAVE_SHAPE.test(window)) continue;
    for (const r of chrono.parse(window, CHRONO_REF)) {
      const iso = CHRONO_ISO.exec(r.text);
      const cn = iso ? null : CHRONO_CN.exec(r.text);
      if (!iso && !cn) continue;
      const shape = (iso ?? cn)!;
      const index = from + r.index;
      // A match starting inside a longer number (12022年, 一二〇二二年) is not that number.
      if (index > 0 && sameDigitKind(line[index - 1]!, line[index]!)) continue;
      const hasYear = shape[1] !== undefined;
      const hasDay = shape[3] !== undefined;
      const raw = r.start.get('year');
      const year = hasYear && raw !== null ? expandYear(raw, referenceYear) : null;
      const month = r.start.get('month');
      const day = hasDay ? r.start.get('day') : null;
      if (!valid(year, month, day)) continue;
      const t = withTime(line, index + shape[0].length);
      out.push({ index, end: t.end, text: line.slice(index, t.end), year, month, day, time: t.time, form: iso ? 'iso' : 'chinese' });
    }
  }
  return out;
}

function scan(line: string, re: RegExp, form: MentionForm, read: (m: RegExpExecArray) => [number | null, number | null, number | null]): DateMention[] {
  const out: DateMention[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const [year, month, day] = read(m);
    if (!valid(year, month, day)) continue;
    const t = form === 'numeric' || form === 'chinese' ? withTime(line, m.index + m[0].length) : { end: m.index + m[0].length, time: false };
    out.push({ index: m.index, end: t.end, text: line.slice(m.index, t.end), year, month, day, time: t.time, form });
  }
  return out;
}

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));

/**
 * Every date expression in `text`, in reading order, without overlaps. `referenceYear`
 * only settles two-digit years.
 */
export function findDateMentions(text: string, referenceYear: number): DateMention[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const line = halfWidth(text);
  // Earlier groups win an overlap: chrono first, then the scanners for what it misses.
  // Each scanner needs a literal its pattern cannot match without (a four-digit year, 年, 月):
  // a line without it skips that scanner (the same mentions, fewer passes over the line).
  const year = YEAR_DIGITS.test(line);
  const nian = line.includes('年');
  const yue = line.includes('月');
  const groups: DateMention[][] = [
    nian || yue || year ? fromChrono(line, referenceYear) : [],
    year ? scan(line, NUMERIC, 'numeric', (m) => [num(m[1]), num(m[3]), num(m[4])]) : [],
    yue ? scan(line, CN_FALLBACK, 'chinese', (m) => [m[1] === undefined ? null : expandYear(Number(m[1]), referenceYear), num(m[2]), num(m[3])]) : [],
    year && nian ? scan(line, YEAR_ONLY, 'year', (m) => [num(m[1]), null, null]) : [],
    nian ? scan(line, CN_YEAR_ONLY, 'year', (m) => [cnYear(m[1]!), null, null]) : [],
    year ? scan(line, COMPACT, 'compact', (m) => [num(m[1]), num(m[2]), num(m[3])]) : [],
  ];
  // Which UTF-16 positions are taken (linear in the line, however many mentions it holds).
  const taken = new Uint8Array(line.length);
  const kept: DateMention[] = [];
  for (const group of groups) {
    for (const m of group) {
      let free = true;
      for (let i = m.index; i < m.end && free; i += 1) free = taken[i] === 0;
      if (!free) continue;
      taken.fill(1, m.index, m.end);
      kept.push({ ...m, text: text.slice(m.index, m.end) });
    }
  }
  return kept.sort((a, b) => a.index - b.index).slice(0, MAX_MENTIONS_PER_LINE);
}

/** ISO value at the mention's precision (year-only → `2022`, year-month → `2022-09`). */
export function isoOf(year: number, month: number | null, day: number | null): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  if (month === null) return String(year);
  if (day === null) return `${year}-${p(month)}`;
  return `${year}-${p(month)}-${p(day)}`;
}
