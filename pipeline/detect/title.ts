// The page's own title, from the page top. A title is a short line that the page marks as
// one: printed again (site title + article title), followed by the header fields or the
// dash subtitle of the page, or standing alone above the first paragraph. Site furniture
// (新闻中心, breadcrumbs, 论文部分内容阅读), section headings, body sentences and a bare genre
// label (政府工作报告 with no year or place) are not titles; a page whose top shows no
// title (a news body, a page without line breaks) gets null.
import { cleanText, codePointLength, evidenceIn, type Page, type PageLine } from '../page.js';
import type { TitleField } from '../types.js';
import { nextLine, prevLine } from './page-search.js';

const MIN_LEN = 5;
const MAX_LEN = 60;

const MARKDOWN_PREFIX = /^#{1,6}\s*/u;
const TITLE_LABEL = /^(?:标题|题目|文章标题)\s*[:：]\s*/u;
const FOOTNOTE_MARK = /(?:\[\d{1,2}\]|［\d{1,2}］|\*)$/u;
const HAN_G = /[\u4e00-\u9fff]/gu;
/** A section heading (一、 / （一） / 第一章) is a part of the text, not its title. */
const SECTION_HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百零\d]+[章节部分篇条]|\d{1,2}[、.．])/u;
/** A genre label alone: the document type with nothing to tell this document apart. */
const GENRE_LABEL = /^(?:政府工作报告|工作报告|报告|通知|公告|通告|决定|决议|意见|讲话|致辞|正文|全文|摘要|目录|前言|序言|引言|概述|简介|说明|附件|附录|文章|详情|内容)(?:[（(](?:全文|摘要|摘登|实录|节选)[)）])?$/u;
/** A document number on its own line under a title ((检例第1号) / 公通字〔2020〕12号): it
 *  belongs to the title above, like a header field. */
const NUMBER_LINE = /^[（(]?\s*(?:[\u4e00-\u9fff]{1,8}第\s*\d{1,5}\s*号|[\u4e00-\u9fff]{1,10}\s*[〔［[]\s*(?:19|20)\d{2}\s*[〕］\]]\s*\d{1,5}\s*号)\s*[)）]?$/u;
/** Lines that open a body rather than head it: datelines, dates, delivery lines. */
const NOT_TITLE_START = /^(?:[—―－-]{1,2}|\d{4}[-/.年]\d{1,2}|[（(]\s*\d{4}年|本报讯|[\u4e00-\u9fff]{0,12}\d{1,2}月\d{1,2}日(?:电|讯))/u;
/** The second half of a delivery line cut in two (…人民代表大会第五次会议上). */
const DELIVERY_END = /(?:会议|大会|座谈会|论坛|典礼|仪式)上$/u;
/** Kinds a title line can have: a paragraph line, or a markdown heading. */
const FOLLOWER_KINDS = new Set(['header', 'subtitle', 'byline', 'abstract', 'keywords']);
/** Platform chrome printed under a title (首发于 column, 关注问题 / 写回答 under a question). */
const TITLE_CHROME = /^(?:首发于|收录于|关注问题|写回答|邀请回答)/u;
/** A follow button: the lines above it are the account name and bio, not a title. */
const FOLLOW_BUTTON = /^(?:\+\s*)?关注(?:他|她)?$/u;

interface Candidate {
  index: number;
  line: PageLine;
  /** Title text as shown (markdown marks and footnote marks removed). */
  text: string;
  /** UTF-16 index of `text` within the line. */
  at: number;
  key: string;
}

/** The comparable form of a line: no spaces, no markdown, no footnote mark. */
function keyOf(s: string): string {
  return titleText(s).replace(/[\s\u3000]+/gu, '');
}

function titleText(s: string): string {
  return cleanText(s).replace(MARKDOWN_PREFIX, '').replace(TITLE_LABEL, '').replace(FOOTNOTE_MARK, '').trim();
}

function plausible(text: string): boolean {
  const n = codePointLength(text);
  if (n < MIN_LEN || n > MAX_LEN) return false;
  if ((text.match(HAN_G) ?? []).length < 4) return false;
  if (/[。；;]/u.test(text) || /[：:，,、！!]$/u.test(text)) return false;
  if (SECTION_HEADING.test(text) || GENRE_LABEL.test(text) || NOT_TITLE_START.test(text) || DELIVERY_END.test(text) || NUMBER_LINE.test(text)) return false;
  return true;
}

function candidatesOf(page: Page): Candidate[] {
  const out: Candidate[] = [];
  const limit = Math.min(page.top, page.lines.length);
  for (let i = 0; i < limit; i += 1) {
    const line = page.lines[i]!;
    const markdown = line.kind === 'heading' && MARKDOWN_PREFIX.test(cleanText(line.text));
    if (line.kind !== 'body' && !markdown) continue;
    const text = titleText(line.text);
    if (!plausible(text)) continue;
    out.push({ index: i, line, text, at: Math.max(0, line.text.indexOf(text)), key: keyOf(line.text) });
  }
  return out;
}

/** How often each comparable line occurs on the whole page (titles are printed twice). */
function occurrences(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of page.lines) {
    // Only lines of title length can repeat a title (long lines stay out of the regexes).
    if (line.kind === 'blank' || line.text.length > MAX_LEN * 3) continue;
    const k = keyOf(line.text);
    if (codePointLength(k) < MIN_LEN || codePointLength(k) > MAX_LEN * 2) continue;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export function detectTitle(page: Page): TitleField | null {
  const candidates = candidatesOf(page);
  if (candidates.length === 0) return null;
  const counts = occurrences(page);
  // A breadcrumb trail separates the site's own name (above it) from the article (below).
  let lastTrail = -1;
  for (let i = 0; i < Math.min(page.top, page.lines.length); i += 1) {
    const t = cleanText(page.lines[i]!.text);
    if (page.lines[i]!.kind === 'boilerplate' && (/位置|首页/u.test(t) || /^(?:>|＞|»|›)$/u.test(t))) lastTrail = i;
  }
  let best: { c: Candidate; score: number } | null = null;
  let firstSeen = false;
  for (const c of candidates) {
    const before = prevLine(page, c.index);
    // The continuation of a dash subtitle cut over two lines is not a title.
    if (before && (before.line.kind === 'subtitle' || before.line.kind === 'byline')) continue;
    let score = 0;
    const repeated = (counts.get(c.key) ?? 0) >= 2;
    if (repeated) score += 3;
    const next = nextLine(page, c.index, 3, ['boilerplate']);
    const nextText = next ? cleanText(next.line.text) : '';
    const marked = next !== null && (FOLLOWER_KINDS.has(next.line.kind) || NUMBER_LINE.test(nextText) || (next.line.kind === 'forum' && TITLE_CHROME.test(nextText)));
    if (marked) score += 3;
    if (next && next.line.kind === 'forum' && FOLLOW_BUTTON.test(nextText)) score -= 3;
    const aboveTrail = c.index < lastTrail;
    if (aboveTrail) score -= 3;
    else if (!firstSeen) {
      firstSeen = true;
      score += 1;
      // A headline standing alone above the first paragraph.
      if (next && next.line.kind === 'body' && next.index >= page.top) score += 1;
      if (before === null || before.line.kind === 'boilerplate') score += 1;
    }
    // A sentence-like line (commas, a closing question) needs the page to mark it.
    if (!repeated && !marked && /[，,]|[？?]$/u.test(c.text)) continue;
    if (best === null || score > best.score) best = { c, score };
  }
  if (best === null || best.score < 2) return null;
  const { c, score } = best;
  return {
    value: c.text,
    confidence: Math.min(0.95, Math.round((0.4 + 0.08 * score) * 100) / 100),
    evidence: evidenceIn(c.line, c.at, c.text),
  };
}
