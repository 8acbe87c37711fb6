// The shared model of a scraped page: its lines, each classified once, so every
// detector and quality rule reads the same structure instead of re-parsing.
import type { Evidence } from './types.js';

export type LineKind =
  | 'blank'
  | 'boilerplate' // site furniture: 新闻中心, 论文部分内容阅读, counters alone
  | 'header' // 时间: / 来源: / 作者: / 访问: page-header fields
  | 'nav' // 上一篇 / 下一篇 / 返回顶部
  | 'abstract' // 摘要:
  | 'keywords' // 关键词:
  | 'reference' // 参考文献 heading and [J] [M] entries
  | 'attribution' // (作者系…) / (作者单位:…)
  | 'heading' // 一、 / (一) / 第一章 section headings
  | 'body';

export interface PageLine {
  /** 1-based line number. */
  no: number;
  /** The line without its line terminator. */
  text: string;
  /** UTF-16 offset of the line start in Page.text. */
  offset: number;
  kind: LineKind;
}

export interface Page {
  text: string;
  lines: PageLine[];
  /** Index of the first line of the reference list, or -1. */
  referencesStart: number;
}

const BOILERPLATE = /^(?:新闻中心|新闻动态|论文部分内容阅读|首页|当前位置[:：].*|您的位置[:：].*|网站首页.*|正文|打印本页|关闭窗口|【?字号[:：]?.*|分享到[:：]?.*)$/u;
const HEADER = /^(?:(?:发布|发表|更新|录入)?(?:时间|日期)|来源|作者|编辑|责任编辑|访问|浏览(?:次数)?|点击(?:数|量)?|阅读|出处|发布人|稿源|记者)\s*[:：]/u;
const COUNTER_ANYWHERE = /(?:访问|浏览(?:次数)?|点击(?:数|量)?|阅读)\s*[:：]\s*\d+|阅读\s*[（(]\s*\d+\s*[)）]/u;
const NAV = /^(?:上一篇|下一篇|上一条|下一条|返回顶部|返回列表)(?:[:：]|\s|$)/u;
const ABSTRACT = /^[[【]?(?:内容)?摘\s*要[\]】]?\s*[:：]?/u;
const KEYWORDS = /^[[【]?关\s*键\s*(?:词|字)[\]】]?\s*[:：]/u;
const REFERENCES_HEAD = /^[[【]?(?:参考文献|参考资料|注释|注\s*释)[\]】]?\s*[:：]?\s*$/u;
const REFERENCE_ENTRY = /\[(?:J|M|N|D|C|R|S|Z|EB\/OL|J\/OL|M\/OL|N\/OL)\]/u;
const ATTRIBUTION = /^[（(]\s*(?:作者(?:系|为|是|单位)|本文作者|作者简介)/u;
const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百零\d]+[章节部分条]|\d{1,2}[、.．]\s*\S)/u;

function classify(text: string, afterReferences: boolean): LineKind {
  const t = text.trim();
  if (t === '') return 'blank';
  if (NAV.test(t)) return 'nav';
  if (REFERENCES_HEAD.test(t)) return 'reference';
  if (afterReferences && (REFERENCE_ENTRY.test(t) || /^\[?\d{1,3}[\].、]/u.test(t))) return 'reference';
  if (REFERENCE_ENTRY.test(t) && t.length < 200) return 'reference';
  if (ABSTRACT.test(t)) return 'abstract';
  if (KEYWORDS.test(t)) return 'keywords';
  if (ATTRIBUTION.test(t)) return 'attribution';
  if (BOILERPLATE.test(t)) return 'boilerplate';
  if (t.length <= 80 && (HEADER.test(t) || COUNTER_ANYWHERE.test(t))) return 'header';
  if (t.length <= 60 && HEADING.test(t)) return 'heading';
  return 'body';
}

/** Splits on LF, CRLF or CR and classifies each line. */
export function buildPage(text: string): Page {
  const lines: PageLine[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let no = 1;
  let referencesStart = -1;
  const push = (end: number): void => {
    const lineText = text.slice(start, end);
    const kind = classify(lineText, referencesStart >= 0);
    if (kind === 'reference' && referencesStart < 0 && REFERENCES_HEAD.test(lineText.trim())) {
      referencesStart = lines.length;
    }
    lines.push({ no, text: lineText, offset: start, kind });
    no += 1;
  };
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  if (start < text.length || lines.length === 0) push(text.length);
  return { text, lines, referencesStart };
}

/** Number of code points in s (a column counts code points, not UTF-16 units). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n += 1;
    else {
      const d = s.charCodeAt(i + 1);
      n += 1;
      if (d >= 0xdc00 && d <= 0xdfff) i += 1;
    }
  }
  return n;
}

/** Evidence for `text` found at UTF-16 index `index` within line `line`. */
export function evidenceIn(line: PageLine, index: number, text: string): Evidence {
  return { line: line.no, column: codePointLength(line.text.slice(0, index)) + 1, text };
}

/** Evidence for a UTF-16 offset into the whole page text. */
export function evidenceAt(page: Page, offset: number, length: number): Evidence {
  const line = lineAt(page, offset);
  return evidenceIn(line, offset - line.offset, page.text.slice(offset, offset + length));
}

/** The line containing UTF-16 offset `offset` (binary search). */
export function lineAt(page: Page, offset: number): PageLine {
  let lo = 0;
  let hi = page.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (page.lines[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return page.lines[lo]!;
}
