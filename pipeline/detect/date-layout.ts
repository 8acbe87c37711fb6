// Where a date sits on the page decides what it means. This reads the shared page model
// for the few layout facts the date detector needs: where the running text begins (the
// model's `top`; lines above it are the page header), which lines belong to a related-articles block, and which
// lines hold nothing but a date.
import { codePointLength, type Page, type PageLine } from '../page.js';
import type { Evidence } from '../types.js';
import type { DateMention } from './date-parse.js';

export interface DateLayout {
  /** Index (into page.lines) of the first line of running text: the shared page model's
   *  `top`. Lines above it are the page top (furniture, title, header fields). */
  bodyStart: number;
  /** Per line: inside a related/recommended-articles block (its dates belong to other pages). */
  related: boolean[];
  /** Index of the last non-blank line. */
  lastLine: number;
}

// Running text: a sentence (ends with 。！？；) of some length, or a long line.
const SENTENCE_END = /[。！？；!?]/u;
const PROSE_KINDS = new Set(['body', 'abstract']);
const RELATED_HEAD = /^\s*(?:关联稿件|相关(?:文章|阅读|新闻|链接|稿件|推荐|报道)|推荐阅读|延伸阅读|热门(?:文章|推荐|新闻)|猜你喜欢|大家都在搜|往期回顾|更多(?:新闻|文章))\s*[:：]?/u;
/** How far a related block may run when nothing ends it sooner. */
const RELATED_MAX_LINES = 30;
// A short line naming an issuing body (统计局, 人民政府, 调查队…): a date right under it is
// the document's own date (a bulletin's or a notice's 落款).
const ISSUER = /(?:局|厅|委|委员会|协会|学会|研究会|联合会|政府|办公室|办公厅|中心|公司|集团|银行|大学|学院|法院|检察院|调查队|调查总队|支队|大队|派出所|研究所|研究院|部|署|报社|杂志社)\s*$/u;
// What may stand beside a date on a line that holds only a date.
const LONE_REST = /^[\s|｜·•:：,，.。()（）[\]【】〔〕<>《》\-—–~]*$/u;
const WEEKDAY = /(?:星期|礼拜|周)[一二三四五六日天]/gu;

function length(s: string): number {
  return codePointLength(s.trim());
}

export function isProse(line: PageLine): boolean {
  if (!PROSE_KINDS.has(line.kind)) return false;
  const n = length(line.text);
  return n >= 80 || (n >= 20 && SENTENCE_END.test(line.text));
}

export function isIssuerLine(line: PageLine | undefined): boolean {
  if (!line) return false;
  const n = length(line.text);
  return n >= 3 && n <= 40 && !SENTENCE_END.test(line.text) && ISSUER.test(line.text);
}

export function layoutOf(page: Page): DateLayout {
  const lines = page.lines;
  const bodyStart = page.top;
  const related = lines.map(() => false);
  for (let i = 0; i < lines.length; i += 1) {
    if (!RELATED_HEAD.test(lines[i]!.text)) continue;
    related[i] = true;
    // The block runs over short link/date lines; running text, a blank line or an issuer ends it.
    for (let j = i + 1; j < lines.length && j <= i + RELATED_MAX_LINES; j += 1) {
      const l = lines[j]!;
      if (l.kind === 'blank' || isProse(l) || isIssuerLine(l)) break;
      related[j] = true;
      i = j;
    }
  }
  let lastLine = lines.length - 1;
  while (lastLine > 0 && lines[lastLine]!.kind === 'blank') lastLine -= 1;
  return { bodyStart, related, lastLine };
}

/** The previous non-blank line, or undefined. */
export function previousLine(page: Page, index: number): PageLine | undefined {
  for (let i = index - 1; i >= 0; i -= 1) if (page.lines[i]!.kind !== 'blank') return page.lines[i];
  return undefined;
}

export interface LoneDate {
  /** The line holds this date (and perhaps a weekday) and nothing else. */
  lone: boolean;
  weekday: boolean;
}

/** Whether the line is just its date mentions (plus punctuation and perhaps a weekday). */
export function loneDate(text: string, mentions: readonly DateMention[]): LoneDate {
  if (mentions.length === 0) return { lone: false, weekday: false };
  let rest = '';
  let at = 0;
  for (const m of mentions) {
    rest += text.slice(at, m.index);
    at = m.end;
  }
  rest += text.slice(at);
  const noWeekday = rest.replace(WEEKDAY, '');
  return { lone: LONE_REST.test(noWeekday), weekday: noWeekday !== rest };
}

/**
 * Evidence for spans of one line met in increasing order: the code-point column is carried
 * forward instead of recounted from the line start (a line may hold 10⁵ dates). A span
 * before the previous one restarts the count.
 */
export function evidenceCursor(line: PageLine): (index: number, text: string) => Evidence {
  let at = 0;
  let column = 1;
  return (index, text) => {
    if (index < at) {
      at = 0;
      column = 1;
    }
    column += codePointLength(line.text.slice(at, index));
    at = index;
    return { line: line.no, column, text };
  };
}
