// Turns every date expression on the page into a candidate with a kind and a reason, or a
// rejected candidate with the reason it cannot be the document's date (DESIGN.md §3
// "Date semantics"). The signals are structural: a label before the date, the line holding
// nothing but the date in the page header, a date beside header fields, a newspaper edition
// footer, a wire dateline; everything else with a year is an event in running text.
import { codePointLength, type Page, type PageLine } from '../page.js';
import type { DateCandidate, DateKind, DatePrecision } from '../types.js';
import { currentYearOf, inferYears, type InferredYear } from './date-infer.js';
import { evidenceCursor, isIssuerLine, isProse, layoutOf, loneDate, previousLine, type DateLayout } from './date-layout.js';
import { findDateMentions, isoOf, type DateMention } from './date-parse.js';

/** A candidate plus what the chooser needs: how strong its signal is and where it sits. */
export interface ScoredCandidate {
  candidate: DateCandidate;
  /** Within a kind, higher wins (see STRENGTH). */
  strength: number;
  confidence: number;
  /** Offset in the page text: earlier wins among equals. */
  offset: number;
}

// Published signals, strongest first. A labelled publication stamp beats a generic 时间:
// label, a date beside header fields or an edition footer; then a CMS generation/issue
// date, a lone date or a timestamp atop the page, the date under an issuing body, an edit
// stamp, a wire dateline, a closing date, and last a listing's "… 更新" stamp.
const STRENGTH: Record<string, [number, number]> = {
  'published-label': [10, 0.95],
  'date-label': [9, 0.9],
  'beside-header-field': [9, 0.9],
  'newspaper-edition': [9, 0.9],
  'issued-label': [8, 0.85],
  'header-date': [7, 0.8],
  'header-timestamp': [7, 0.8],
  'issuer-date': [6, 0.75],
  'edit-label': [5, 0.7],
  dateline: [4, 0.7],
  'closing-date': [3, 0.6],
  'update-stamp': [2, 0.5],
};
const EVENT_CONFIDENCE = 0.6;
const INFERRED_CONFIDENCE = 0.4;

// --- published signals -------------------------------------------------------------------
const PUBLISH_WORD = /^(?:发布|发表|发文|刊发|首发|刊登|上线)$/u;
const ISSUE_WORD = /^(?:成文|生成|印发|录入|上传|创建|提交|签发)$/u;
const EDIT_WORD = /^(?:编辑|更新|修改|最后更新|最后修改)$/u;
const LABEL_WORDS = '发布|发表|发文|刊发|首发|刊登|上线|成文|生成|印发|录入|上传|创建|提交|签发|最后更新|最后修改|编辑|更新|修改';
// `发布时间：` / `时间:` / `发布于 ` right before the date. The label must stand alone: in
// 会议时间： or 成立时间： the date is of the meeting or the founding, not of the page.
const LABEL_BEFORE = new RegExp(`(?:(${LABEL_WORDS})\\s*(?:时间|日期)\\s*[:：]|(?<![\\u4e00-\\u9fff])(?:时间|日期)\\s*[:：]|(${LABEL_WORDS})于)\\s*$`, 'u');
const LABEL_REACH = 25;
// A paper's manuscript history (收稿日期：…) dates the submission, not the publication.
const MANUSCRIPT_BEFORE = /(?:收稿|修回|录用|接收|投稿)(?:日期|时间)\s*[:：]?\s*$/u;
// A line that is only a label (the CMS puts the value on the next line).
const LABEL_LINE = new RegExp(`^\\s*(?:(?:(${LABEL_WORDS})\\s*)?(?:时间|日期)|(${LABEL_WORDS})于)\\s*(?:[:：]\\s*)?$`, 'u');
// `2022-01-01 发布`, `本帖最后由 x 于 2023-1-6 10:00 编辑`, `所属专栏 · 2020-06-07 03:12 更新`.
const LABEL_AFTER = /^\s*(发布|发表|编辑|修改|更新)/u;
const HEADER_FIELD = /(?:来源|作者|责任编辑|编辑|访问|浏览|点击|阅读|字号|稿源|出处|发布人|记者|通讯员)(?:量|数|次数)?\s*[:：]|阅读\s*[(（]\s*[0-9]+/u;
const HEADER_LINE_MAX = 80;
// Header lines are fields, not clauses: a comma or a full stop makes a line running text.
const CLAUSE_PUNCTUATION = /[，。！？；]/u;
const SHORT_LINE_MAX = 40;
const EDITION_AFTER = /^\s*[)）]?\s*第?\s*[0-9]{1,3}\s*版/u;
const EDITION_BEFORE = /《[^》]{1,16}》\s*[（(]?\s*$/u;
// 新华社北京6月11日电 / 中国经济网北京6月12日讯: an agency or paper, a place, the date, 电/讯.
const DATELINE_BEFORE = /^[\s【[（(]*[\u4e00-\u9fffA-Za-z·]{0,16}$/u;
const DATELINE_AFTER = /^\s*(?:电|讯)/u;
const DATELINE_LINES = 5;
const DATELINE_PREFIX_MAX = 20;
const CLOCK_LINES = 5;
const MAX_SIGNATURE_DATES = 2;
const CLOCK_BEFORE = /(?:今天是|今日是|现在是|当前时间)\s*[:：]?\s*$/u;

// --- events and rejections ---------------------------------------------------------------
// `——2026年1月27日在青海省第十四届人民代表大会第四次会议上`: the day a report was delivered.
const DELIVERY_AFTER = /^\s*(?:[上下]午|晚上?)?\s*在[^。；;]{2,40}?(?:会议|大会|座谈会|报告会|仪式|典礼|论坛|开幕式|闭幕式)上/u;
// A speech title. Not 报告: a work report's site date may stand right under its title, and
// the report prints its delivery day in its own ——…会议上 line.
const DELIVERY_TITLE = /(?:讲话|致辞|发言|讲稿|演讲)\s*(?:[)）]\s*)?$/u;
const SPEAKER_NAME = /^[\u4e00-\u9fff·\s]{2,16}$/u;
const BIRTH_AFTER = /^\s*(?:出生|生人|生(?=[，,。；;）)\s、]|$))/u;
const BIRTH_BEFORE = /(?:出生于|生于|出生日期\s*[:：]?|出生年月\s*[:：]?)\s*$/u;
const CAPTION_LINE = /摄\s*(?:[)）]\s*)?$|^\s*(?:图为|图[:：]|[（(]图)/u;
const PAREN_LINE = /^\s*[（(][^（）()]{0,60}[)）]\s*$/u;
const TARGET_BEFORE = /(?:到|预计|力争|争取|计划|目标|将在|将于)\s*$/u;
const TARGET_AFTER = /^\s*(?:前(?!后)|以前)/u;
const PERCENT_AFTER = /^\s*[%％]/u;
const VERSION_BEFORE = /(?:[vV]|版本号?\s*[:：]?|Version\s*)$/u;
const PHONE_BEFORE = /(?:电话|热线|传真|手机|联系方式|Tel|TEL|tel)\s*[:：]?\s*$/u;
const RANGE_BEFORE = /(?:19|20)[0-9]{2}\s*年?\s*[-—–~～]\s*$/u;
const RANGE_AFTER = /^\s*[-—–~～]\s*(?:19|20)[0-9]{2}(?![0-9])/u;
const JOURNAL_ISSUE_AFTER = /^\s*[(（]\s*[0-9]{1,3}\s*[)）]/u;

// --- trap tokens that carry a year but are not dates (recorded as rejected candidates) -----
const YEAR_RANGE = /(?<![0-9])((?:19|20)[0-9]{2})\s*[-—–~～]\s*((?:19|20)[0-9]{2})(?![0-9])/gu;
const CASE_NUMBER = /[(（〔[]\s*((?:19|20)[0-9]{2})\s*[)）〕\]][^\s，。；,;]{0,20}?号/gu;
const JOURNAL_ISSUE = /(?<![0-9])((?:19|20)[0-9]{2})\s*[(（]\s*[0-9]{1,3}\s*[)）]/gu;
const BARE_YEAR = /(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/gu;
const MAY_HOLD_YEAR = /(?:19|20)[0-9]{2}/u;

function precisionOf(m: { month: number | null; day: number | null }): DatePrecision {
  return m.month === null ? 'year' : m.day === null ? 'month' : 'day';
}

/** What the detector needs to know about a line, computed once (a line may hold 10⁵ mentions). */
interface LineFacts {
  mentions: DateMention[];
  /** Only dates on the line (plus punctuation, perhaps a weekday). */
  lone: boolean;
  weekday: boolean;
  /** A header-like line (short, no clause punctuation), and one with header fields (来源:, 访问:…). */
  headerLength: boolean;
  headerFields: boolean;
  /** Short enough to be a header line rather than a paragraph. */
  short: boolean;
  /** A photo caption (…摄, 图为…), or a parenthesised line. */
  caption: boolean;
  parenthesised: boolean;
  prose: boolean;
}

interface Context {
  page: Page;
  layout: DateLayout;
  lineIndex: number;
  line: PageLine;
  facts: LineFacts;
}

function factsOf(line: PageLine, referenceYear: number): LineFacts {
  const mentions = line.kind === 'blank' ? [] : findDateMentions(line.text, referenceYear);
  if (mentions.length === 0) {
    return { mentions, lone: false, weekday: false, headerLength: false, headerFields: false, short: false, caption: false, parenthesised: false, prose: false };
  }
  const t = line.text;
  const length = codePointLength(t.trim());
  return {
    mentions,
    ...loneDate(t, mentions),
    headerLength: length <= HEADER_LINE_MAX && !CLAUSE_PUNCTUATION.test(t),
    headerFields: length <= HEADER_LINE_MAX && !CLAUSE_PUNCTUATION.test(t) && HEADER_FIELD.test(t),
    short: length <= SHORT_LINE_MAX,
    caption: line.kind === 'caption' || CAPTION_LINE.test(t),
    parenthesised: PAREN_LINE.test(t),
    prose: isProse(line),
  };
}

type Verdict = { kind: DateKind; reason: string; rejected?: true };

/** A labelled stamp before or after the date: its signal, or null. */
function labelOf(ctx: Context, m: DateMention): string | null {
  const t = ctx.line.text;
  let before = LABEL_BEFORE.exec(t.slice(Math.max(0, m.index - LABEL_REACH), m.index));
  // In running text 发表于…/…发布 tell of another publication (国务院于…发布《意见》);
  // only an explicit 时间：/日期： label counts inside a paragraph.
  if (before && before[2] !== undefined && !ctx.facts.headerLength) before = null;
  let word: string | undefined;
  if (before) word = before[1] ?? before[2] ?? '';
  else if (ctx.facts.lone) {
    const prev = previousLine(ctx.page, ctx.lineIndex);
    const label = prev ? LABEL_LINE.exec(prev.text) : null;
    if (label) word = label[1] ?? label[2] ?? '';
  }
  if (word !== undefined) {
    // A bare 时间： heads the page; in the text (一、时间：…) it is when something takes place.
    if (word === '') return ctx.line.kind === 'header' || ctx.lineIndex < ctx.layout.bodyStart ? 'date-label' : null;
    if (PUBLISH_WORD.test(word)) return 'published-label';
    if (ISSUE_WORD.test(word)) return 'issued-label';
    if (EDIT_WORD.test(word)) return 'edit-label';
  }
  const after = ctx.facts.headerLength ? LABEL_AFTER.exec(t.slice(m.end, m.end + 8)) : null;
  if (after) {
    if (after[1] === '更新') return 'update-stamp';
    return PUBLISH_WORD.test(after[1]!) ? 'published-label' : 'edit-label';
  }
  return null;
}

/** What kind of date a mention with a year is on this page, or why it is rejected. */
function classify(ctx: Context, m: DateMention, loneDateLinesAfterBody: number): Verdict {
  const { line, layout, lineIndex: i } = ctx;
  const t = line.text;
  const before = t.slice(Math.max(0, m.index - 12), m.index);
  const after = t.slice(m.end, m.end + 24);
  const reject = (why: string): Verdict => ({ kind: 'event', reason: `rejected:${why}`, rejected: true });

  if (line.kind === 'reference') return reject('reference-list');
  if (JOURNAL_ISSUE_AFTER.test(after)) return reject('reference-list');
  if (line.kind === 'nav') return reject('navigation');
  if (PERCENT_AFTER.test(after)) return reject('percentage');
  if (VERSION_BEFORE.test(before)) return reject('version-number');
  if (PHONE_BEFORE.test(before)) return reject('phone-number');
  if (layout.related[i]) return reject('related-list');
  if (BIRTH_AFTER.test(after) || BIRTH_BEFORE.test(before)) return reject('birth-date');
  if (CLOCK_BEFORE.test(before)) return reject('clock-widget');
  if (MANUSCRIPT_BEFORE.test(before)) return { kind: 'event', reason: 'manuscript-date' };
  if (m.month === null && (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after))) return reject('year-range');

  const { lone, weekday } = ctx.facts;
  const inHeader = i < layout.bodyStart;
  const label = labelOf(ctx, m);
  if (label) return { kind: 'published', reason: label };
  if (m.form === 'compact' && !lone) return reject('number-not-in-header');
  // The edition footer of a paper stands on its own line; 据《人民日报》…报道 cites another article.
  if (ctx.facts.headerLength && (EDITION_AFTER.test(after) || EDITION_BEFORE.test(before))) return { kind: 'published', reason: 'newspaper-edition' };
  if (ctx.facts.headerFields) return { kind: 'published', reason: 'beside-header-field' };
  if (DELIVERY_AFTER.test(after)) return { kind: 'event', reason: 'delivery-date' };
  // 人民公安报 2023-05-12 08:00 atop an article: a date with its clock time is a timestamp.
  if (inHeader && m.time && ctx.facts.short && !lone) return { kind: 'published', reason: 'header-timestamp' };
  if (lone) {
    // A date with its weekday atop the page is the site's clock: the day of the scrape.
    if (weekday && i < CLOCK_LINES) return reject('clock-widget');
    // After the text, a few lone dates are a signature (落款) under the issuer or the closing
    // date; many are comment or table timestamps (a table row may well name a company).
    const few = loneDateLinesAfterBody <= MAX_SIGNATURE_DATES;
    const prev = previousLine(ctx.page, i);
    // （2023年2月10日） under 在…会议上的讲话 (perhaps with the speaker's name between) is
    // the day the speech was given.
    const prev2 = prev ? previousLine(ctx.page, prev.no - 1) : undefined;
    const speaker = prev !== undefined && (prev.kind === 'byline' || SPEAKER_NAME.test(prev.text.trim()));
    if ((prev && DELIVERY_TITLE.test(prev.text)) || (speaker && prev2 && DELIVERY_TITLE.test(prev2.text))) {
      return { kind: 'event', reason: 'delivery-date' };
    }
    if (isIssuerLine(prev) && (inHeader || few)) return { kind: 'published', reason: 'issuer-date' };
    if (inHeader) return { kind: 'published', reason: 'header-date' };
    if (i >= layout.lastLine - 2 && few) return { kind: 'published', reason: 'closing-date' };
    return reject('listing-timestamp');
  }
  if (m.form === 'compact') return reject('number-not-in-header');
  if (ctx.facts.caption || (!inHeader && ctx.facts.parenthesised)) return reject('photo-caption');
  if (precisionOf(m) !== 'day' && (TARGET_BEFORE.test(before) || TARGET_AFTER.test(after))) return reject('target-date');
  return { kind: 'event', reason: inHeader ? 'header-text-date' : 'body-date' };
}

function isDateline(ctx: Context, m: DateMention, datelineLimit: number): boolean {
  return (
    ctx.lineIndex <= datelineLimit &&
    m.day !== null &&
    m.index <= DATELINE_PREFIX_MAX &&
    DATELINE_AFTER.test(ctx.line.text.slice(m.end, m.end + 3)) &&
    DATELINE_BEFORE.test(ctx.line.text.slice(0, m.index))
  );
}

/** Signed day distance from (month, day) in `year` to the date (y, m, d). */
function dayDistance(year: number, month: number, day: number, y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(year, month - 1, day)) / 86_400_000;
}

// A yearless dateline takes its year from a full date in the story: the same day, a year
// said of 今年, or else the nearest full date within about six weeks either way (news
// reports what happened days ago and what was announced for the coming weeks).
const NEAR_BEFORE_DAYS = 45;
const NEAR_AFTER_DAYS = 45;

function datelineYear(m: DateMention, dated: readonly DateMention[], current: InferredYear | null): { year: number; how: string } | null {
  const month = m.month!;
  const day = m.day!;
  const same = dated.find((d) => d.month === month && d.day === day);
  if (same) return { year: same.year!, how: 'year-from-same-day' };
  if (current) return { year: current.year, how: `year-inferred:${current.basis}` };
  let best: { year: number; distance: number } | null = null;
  for (const d of dated) {
    if (d.month === null || d.day === null) continue;
    for (const year of [d.year! - 1, d.year!, d.year! + 1]) {
      const dist = dayDistance(year, month, day, d.year!, d.month, d.day);
      if (dist < -NEAR_BEFORE_DAYS || dist > NEAR_AFTER_DAYS) continue;
      if (!best || Math.abs(dist) < best.distance) best = { year, distance: Math.abs(dist) };
    }
  }
  return best ? { year: best.year, how: 'year-from-nearby-date' } : null;
}

// A year the text had to supply lowers the confidence: the same day written in full is
// near-certain, a year said of 今年 likely, a nearby date only suggestive.
const YEAR_SOURCE_FACTOR: Record<string, number> = {
  'year-from-same-day': 1,
  'year-from-line': 0.9,
  'year-inferred': 0.85,
  'year-from-nearby-date': 0.8,
};

function scored(candidate: DateCandidate, offset: number): ScoredCandidate {
  const [signal, how] = candidate.reason.split(';');
  const [strength, base] =
    candidate.kind === 'published'
      ? (STRENGTH[signal!] ?? [1, 0.5])
      : [0, candidate.kind === 'event' ? EVENT_CONFIDENCE : INFERRED_CONFIDENCE];
  const factor = how === undefined ? 1 : (YEAR_SOURCE_FACTOR[how.split(':')[0]!] ?? 1);
  return { candidate, strength, confidence: Math.round(base * factor * 100) / 100, offset };
}

/** Every date candidate on the page (kept and rejected), in reading order. */
export function collectCandidates(page: Page, referenceYear: number): ScoredCandidate[] {
  const layout = layoutOf(page);
  const facts = page.lines.map((l) => factsOf(l, referenceYear));
  const loneAfterBody = facts.filter((f, i) => i >= layout.bodyStart && f.lone).length;
  const inferred = inferYears(page);
  const current = currentYearOf(inferred);
  const out: ScoredCandidate[] = [];

  // Running text begins at bodyStart; a dateline opens the first paragraphs of the story.
  let datelineLimit = layout.bodyStart;
  for (let i = layout.bodyStart, seen = 0; i < page.lines.length && seen < DATELINE_LINES; i += 1) {
    if (page.lines[i]!.kind !== 'blank') {
      seen += 1;
      datelineLimit = i;
    }
  }
  // Full dates in running text, which can give a yearless dateline its year.
  const fullDates: DateMention[] = [];
  const verdicts = page.lines.map((line, i) =>
    facts[i]!.mentions.map((m) => {
      const ctx: Context = { page, layout, lineIndex: i, line, facts: facts[i]! };
      const v = m.year === null ? null : classify(ctx, m, loneAfterBody);
      if (v && !v.rejected && m.day !== null) fullDates.push(m);
      return v;
    }),
  );
  let datelineTaken = false;

  page.lines.forEach((line, i) => {
    const ctx: Context = { page, layout, lineIndex: i, line, facts: facts[i]! };
    let lineYear: number | null = null;
    const evidenceAt = evidenceCursor(line);
    ctx.facts.mentions.forEach((m, k) => {
      const offset = line.offset + m.index;
      const evidence = evidenceAt(m.index, m.text);
      const add = (year: number, kind: DateKind, reason: string, rejected = false): void => {
        const c: DateCandidate = { value: isoOf(year, m.month, m.day), precision: precisionOf(m), kind, evidence, reason };
        if (rejected) c.rejected = true;
        out.push(scored(c, offset));
      };
      const v = verdicts[i]![k];
      if (m.year !== null && v) {
        if (!datelineTaken && !v.rejected && isDateline(ctx, m, datelineLimit)) {
          datelineTaken = true;
          add(m.year, 'published', 'dateline');
        } else add(m.year, v.kind, v.reason, v.rejected === true);
        if (!v.rejected) lineYear = m.year;
        return;
      }
      // A yearless month-day: a dateline, or a date whose year the line or the text supplies.
      if (m.month === null || m.day === null) return;
      if (!datelineTaken && isDateline(ctx, m, datelineLimit)) {
        datelineTaken = true;
        const y = datelineYear(m, fullDates, current);
        if (y) add(y.year, 'published', `dateline;${y.how}`);
        return;
      }
      if (line.kind === 'reference' || line.kind === 'nav' || layout.related[i]) return;
      const after = line.text.slice(m.end, m.end + 24);
      if (ctx.facts.caption || BIRTH_AFTER.test(after)) return;
      if (lineYear !== null) add(lineYear, 'event', 'body-date;year-from-line');
      else if (current && (ctx.facts.prose || i >= layout.bodyStart)) add(current.year, 'event', `body-date;year-inferred:${current.basis}`);
    });
  });

  for (const y of inferred) {
    const reason = `${y.basis}${y.current ? ';current-year' : ''}`;
    out.push({ candidate: { value: String(y.year), precision: 'year', kind: 'inferred', evidence: y.evidence, reason }, strength: y.current ? 1 : 0, confidence: INFERRED_CONFIDENCE, offset: y.offset });
  }
  out.push(...trapCandidates(page, out));
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * Year-bearing tokens that are not dates — journal issues `2016(2)`, case and document
 * numbers `(2019)京01刑初…号`, year ranges `2016-2020`, years in a reference list — recorded
 * as rejected candidates so the manifest shows they were seen and set aside.
 */
function trapCandidates(page: Page, found: readonly ScoredCandidate[]): ScoredCandidate[] {
  // Spans already explained by a date candidate, by start offset (they do not overlap).
  const spans = found
    .filter((c) => c.candidate.kind !== 'inferred')
    .map((c) => [c.offset, c.offset + c.candidate.evidence.text.length] as const)
    .sort((a, b) => a[0] - b[0]);
  const covered = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = spans.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![0] < end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && spans[last]![1] > start;
  };
  const out: ScoredCandidate[] = [];
  for (const line of page.lines) {
    if (line.kind === 'blank' || !MAY_HOLD_YEAR.test(line.text)) continue;
    const patterns: [RegExp, string][] = [
      [JOURNAL_ISSUE, 'reference-list'],
      [CASE_NUMBER, 'case-number'],
      [YEAR_RANGE, 'year-range'],
    ];
    if (line.kind === 'reference') patterns.push([BARE_YEAR, 'reference-list']);
    const hits: { index: number; end: number; year: string; why: string; rank: number }[] = [];
    patterns.forEach(([re, why], rank) => {
      re.lastIndex = 0;
      for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) hits.push({ index: m.index, end: m.index + m[0].length, year: m[1]!, why, rank });
    });
    // Earlier patterns win an overlap; one sweep over the hits in reading order.
    hits.sort((a, b) => a.index - b.index || a.rank - b.rank);
    let until = -1;
    const evidenceAt = evidenceCursor(line);
    for (const h of hits) {
      if (h.index < until) continue;
      until = h.end;
      const at = line.offset + h.index;
      if (covered(at, line.offset + h.end)) continue;
      const text = line.text.slice(h.index, h.end);
      const c: DateCandidate = { value: h.year, precision: 'year', kind: 'event', evidence: evidenceAt(h.index, text), reason: `rejected:${h.why}`, rejected: true };
      out.push({ candidate: c, strength: 0, confidence: 0, offset: at });
    }
  }
  return out;
}
