// The delivery line of a speech or a government work report and the speaker's byline
// printed with it:
//   ——2026年1月27日在青海省第十四届人民代表大会第四次会议上
//   省长 罗东川
// Shared by the source-type detector (a delivery line marks a speech) and the author
// detector (the byline names the speaker).
import { cleanText, type Page, type PageLine } from '../page.js';
import { findLine } from './page-search.js';

const DATE = '(?:(?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})年[\\d〇零一二三四五六七八九十]{1,3}月[\\d〇零一二三四五六七八九十]{1,3}日';
const VENUE = '(?:会议|大会|座谈会|论坛|典礼|仪式|开幕式|报告会|培训班)';

/** A delivery line: a date, 在, the meeting, 上 — or a dash subtitle cut after 在. */
export const DELIVERY = new RegExp(
  `${DATE}[^。]{0,6}?在[^。]{2,40}?${VENUE}上|在[^。]{2,40}?上的(?:讲话|致辞|报告|发言)|^\\s*[—―－-]{1,2}\\s*${DATE}[^。]{0,6}?在`,
  'u',
);

/** Titles of the officials who deliver reports and speeches. */
const ROLES = '(?:省长|市长|主席|区长|县长|州长|盟长|旗长|书记|部长|厅长|局长|院长|检察长|主任|总理|委员长|镇长|乡长)';
/** A 2–4 character name; a page may space it out for alignment (龚 正) or join parts with ·. */
const NAME = '[\\u4e00-\\u9fff](?:[ \\u3000]?[\\u4e00-\\u9fff·•]){1,9}';
/** `陕西省省长 赵刚` / `自治区人民政府主席 张雨浦` / `省长　王予波` at the end of a line. */
export const LEADER_BYLINE = new RegExp(`(?:^|[\\s\\u3000])([^\\s\\u3000，。、：:]{0,16}?)${'(' + ROLES + ')'}[ \\u3000]+(${NAME})\\s*$`, 'u');
/** The congress or meeting that names the place: 在青海省第十四届人民代表大会… */
const CONGRESS_PLACE = /在([\u4e00-\u9fff]{2,12}?(?:自治区|省|市|自治州|州|县|区|盟|旗))(?:第?[一二三四五六七八九十]+届)?人民代表大会/u;

export interface Delivery {
  line: PageLine;
  index: number;
  /** The delivery text with the next line joined when the page cut it in two. */
  text: string;
  /** UTF-16 index in the line where the delivery match ends (a byline may follow). */
  end: number;
}

/** The delivery line in the page top, if any. */
export function findDelivery(page: Page): Delivery | null {
  const hit = findLine(page, DELIVERY, { kinds: ['subtitle', 'body', 'byline'], limit: Math.max(page.top + 3, 8) });
  if (!hit) return null;
  const index = hit.line.no - 1;
  let text = cleanText(hit.line.text);
  // ——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上: the page cut the line.
  const next = page.lines[index + 1];
  if (next && next.kind === 'body' && !CONGRESS_PLACE.test(text) && cleanText(next.text).length <= 30) text += cleanText(next.text);
  return { line: hit.line, index, text, end: hit.match.index + hit.match[0].length };
}

/** The government the place of the congress names: 青海省 → 青海省人民政府. */
export function governmentOf(deliveryText: string): string | null {
  const m = CONGRESS_PLACE.exec(deliveryText);
  return m ? `${m[1]!}人民政府` : null;
}
