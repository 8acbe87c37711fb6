// How much a place named in each part of the page says about the document's own region.
// The title and the author's line name the document's place; the body counts by repetition;
// site furniture (the hosting site's name in the header and footer) says where the page is
// hosted, not what it is about (the 江西省 bulletin reposted on the 宜春市 site).
import { cleanText, codePointLength, type Page, type PageBlock } from '../page.js';
import type { LineKind } from '../page.js';
import type { TitleField } from '../types.js';

export interface Zone {
  weight: number;
  /** The title or the author's line: names the document's own place. */
  anchor: boolean;
  /** Anchor or page top. */
  strong: boolean;
}

export const ANCHOR_WEIGHT = 5;

const KIND_WEIGHT: Record<LineKind, number> = {
  blank: 0,
  reference: 0, // cited works
  nav: 0, // 上一篇: other articles' titles
  boilerplate: 0.1,
  forum: 0.1,
  header: 0.5, // 来源：青海日报 names the publisher
  caption: 0.5,
  byline: 1,
  body: 1,
  heading: 1.5,
  abstract: 2,
  subtitle: 3, // ——在青海省第十四届人民代表大会…上: the occasion of a delivered report
  keywords: 3,
  attribution: ANCHOR_WEIGHT, // (作者系江苏省徐州市副市长…)
};

/** The hosting site's name or footer: 宜春市人民政府, 中国宜春网站, 主办：… */
const SITE_FURNITURE = /(?:人民政府|政府网|门户网站?|网站|网)[-—|｜]?$|网站|主办|承办|协办|版权|备案|技术支持|网站标识码/u;
const SHORT_LINE = 30;
/** Where a page's tail starts: column, trending and comment sections after the article
 *  (知乎's 所属专栏 / 最热内容 / 大家都在搜, 推荐阅读, 8 条评论). Places there are other articles'. */
const TAIL_START = /^(?:所属专栏|最热内容|大家都在搜|推荐阅读|相关推荐|热门推荐|猜你喜欢|热门文章|相关文章|相关阅读|延伸阅读|精彩推荐|网友评论|发表评论|评论区|写下你的评论|\S{0,10}\d+\s*条评论)/u;
const FURNITURE: Zone = { weight: 0.1, anchor: false, strong: false };

/** The title without whitespace, for comparing with blocks. */
function titleKey(title: TitleField | null): string | null {
  return title ? title.value.replace(/\s+/gu, '') : null;
}

function isTitleBlock(b: PageBlock, title: TitleField | null, key: string | null): boolean {
  if (!title || key === null) return false;
  if (b.line === title.evidence.line) return true;
  if (key === '') return false;
  // The block without whitespace and zero-width characters equals the title: compared in
  // place, so a paragraph is given up at its first differing character, not copied twice.
  const t = b.text;
  let k = 0;
  for (let i = 0; i < t.length; i += 1) {
    const c = t.charCodeAt(i);
    if (c === 0x200b || isSpace(c)) continue;
    if (k >= key.length || c !== key.charCodeAt(k)) return false;
    k += 1;
  }
  return k === key.length;
}

/** What \s matches (WhiteSpace and LineTerminator, as String.prototype.trim strips). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A short line naming the hosting site (宜春市人民政府) or its footer. */
export function isSiteFurniture(text: string): boolean {
  // A code point is one or two UTF-16 units: only lengths in between need counting.
  const short = text.length <= SHORT_LINE || (text.length <= 2 * SHORT_LINE && codePointLength(text) <= SHORT_LINE);
  return short && SITE_FURNITURE.test(text);
}

/** The zone of every block of the page, in order. */
export function zonesOf(page: Page, title: TitleField | null): Zone[] {
  let tail = false;
  const key = titleKey(title);
  return page.blocks.map((b) => {
    if (!tail && b.line > page.top && TAIL_START.test(cleanText(b.text))) tail = true;
    return tail ? FURNITURE : zoneOf(page, b, title, key);
  });
}

function zoneOf(page: Page, b: PageBlock, title: TitleField | null, key: string | null): Zone {
  // Checked before the title: a site name taken for the title names the host, not the document.
  if (isSiteFurniture(b.text)) return FURNITURE;
  if (isTitleBlock(b, title, key)) return { weight: ANCHOR_WEIGHT, anchor: true, strong: true };
  const base = KIND_WEIGHT[b.kind];
  if (base === 0) return { weight: 0, anchor: false, strong: false };
  if (b.kind === 'attribution') return { weight: base, anchor: true, strong: true };
  const top = b.line <= page.top;
  if (top && (b.kind === 'body' || b.kind === 'heading' || b.kind === 'subtitle')) return { weight: base * 1.5, anchor: false, strong: true };
  return { weight: base, anchor: false, strong: b.kind === 'subtitle' || b.kind === 'keywords' };
}
