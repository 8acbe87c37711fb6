// The shared model of a scraped page: its lines, each classified once, so every
// detector and quality rule reads the same structure instead of re-parsing.
//
// Three views of the same text:
// - `lines`: every physical line with its kind (header, nav, body…) and, for page-header
//   lines, the `key：value` fields it holds (a CMS may put the value on the next line);
// - `blocks`: paragraphs. Normally one per non-blank line, but a page scraped without
//   line breaks (one 10 KB line) is cut at the gaps between sentences, so position-based
//   logic ("the first short line", "a heading") still works on it;
// - `top`: how many lines form the page top (site furniture, title, header fields) before
//   the first real paragraph — where titles, bylines and header dates live.
import type { Evidence } from './types.js';

export type LineKind =
  | 'blank'
  | 'boilerplate' // site furniture: 新闻中心, 论文部分内容阅读, breadcrumbs, share/print/font buttons, footers
  | 'header' // 时间: / 来源: / 作者: / 访问: page-header fields, a lone date under the title
  | 'nav' // 上一篇 / 下一篇 / 返回顶部
  | 'forum' // forum and Q&A-platform furniture: 本帖最后由…编辑, 只看该作者, 关注他, 赞同了该文章
  | 'abstract' // 摘要:
  | 'keywords' // 关键词: (or 【关键词】 with the words on the next line)
  | 'reference' // 参考文献 heading and [J] [M] entries
  | 'attribution' // (作者系…) / (作者单位:…)
  | 'byline' // 文/张三, 记者 张三 李四, 省长 张三 (a short line naming who wrote or delivered it)
  | 'subtitle' // ——2026年1月27日在…会议上 (dash subtitle / delivery line under a title)
  | 'caption' // photo captions: …本报记者 张三 摄, 图为…
  | 'heading' // 一、 / (一) / 第一章 / 【基本案情】 / # markdown section headings
  | 'body';

/** One `key：value` page-header field. */
export interface HeaderField {
  /** The key with inner spaces removed (`索 引 号` → `索引号`); '' for a bare date line. */
  key: string;
  /** The value, trimmed ('' when the page leaves it empty). */
  value: string;
  /** 1-based number of the line holding the value (the next line when the CMS split them). */
  valueLine: number;
  /** UTF-16 index of the value within that line. */
  valueIndex: number;
}

export interface PageLine {
  /** 1-based line number. */
  no: number;
  /** The line without its line terminator. */
  text: string;
  /** UTF-16 offset of the line start in Page.text. */
  offset: number;
  kind: LineKind;
  /** Page-header fields on this line (kind `header` or `keywords`). */
  fields?: HeaderField[];
}

/** A paragraph: a whole line, or a piece of a long line cut at a sentence gap. */
export interface PageBlock {
  /** 1-based line number. */
  line: number;
  /** UTF-16 index of the block start within its line. */
  index: number;
  /** The block text (trimmed). */
  text: string;
  kind: LineKind;
}

export interface Page {
  text: string;
  lines: PageLine[];
  blocks: PageBlock[];
  /** Index of the first line of the reference list, or -1. */
  referencesStart: number;
  /** Number of lines (from the start) that form the page top: furniture, title, header
   *  fields. The first body paragraph of sentence length ends it. 0 when the page starts
   *  with a paragraph (news bodies, pages without line breaks). */
  top: number;
}

// --- line patterns (compiled once) -----------------------------------------------------

// Whitespace including the ideographic space and the zero-width space scrapers leave.
const WS = '[\\s\\u3000\\u200b\\ufeff]';

const BOILERPLATE = new RegExp(
  '^(?:' +
    [
      '新闻中心', '新闻动态', '新闻资讯', '新闻频道', '论文部分内容阅读', '论文(?:频道|中心|大全|范文)', '首页', '网站首页', '正文', '全文',
      '(?:您的|你的|您当前|当前|您现在|你现在)(?:所在)?的?位置\\s*[:：].*', '当前页.*',
      '.*首页\\s*(?:>|＞|»|›|/).*', '(?:>|＞|»|›|>>)+',
      '打印本页', '打印', '下载', '全屏', '收藏', '关闭窗口', '关闭本页', '关闭', '加大', '还原', '减小', '大', '中', '小', '\\|', '】', '【', '×', '✖', 'X',
      '【?字[号体]\\s*[:：]?.*', '【?\\s*(?:打印本页|关闭窗口|返回顶部|关闭本页)\\s*】?(?:【.*】)*',
      '分享到?\\s*[:：].*', '分享到.*', '扫一扫.*', '.*ICP备.*', '.*公网安备.*', '.*版权所有.*', '(?:主办|承办|技术支持)\\s*[:：].*',
      '网站地图.*', '网站帮助', '隐私声明', '关于我们', '联系我们', '网站无障碍.*', '(?:适老|关怀)版', '繁(?:繁)?體版?',
      '相关(?:报道|文档|稿件|链接|阅读|新闻|文章)\\s*[:：]?', '关联稿件\\s*[:：]?', '附件\\s*[:：]?',
      '(?:[【\\[]\\s*)?(?:下载|打印|全屏|收藏|加大|还原|减小|关闭|大|中|小)(?:\\s*[】\\]])?',
    ].join('|') +
    ')$',
  'u',
);

// Page-header keys. A key may be printed with spaces between its characters (索 引 号).
const HEADER_KEYS = [
  '发布时间', '发表时间', '发稿时间', '更新时间', '录入时间', '上传时间', '时间', '日期', '发布日期', '发文日期', '生成日期', '成文日期', '印发日期',
  '来源', '文章来源', '信息来源', '稿件来源', '新闻来源', '出处', '稿源',
  '作者', '撰稿', '撰文', '记者', '通讯员', '编辑', '责任编辑', '责编', '编审', '审核', '审校', '校对', '摄影', '图片', '供稿',
  '访问', '访问量', '访问次数', '浏览', '浏览次数', '浏览量', '阅读', '阅读量', '阅读数', '点击', '点击数', '点击量', '点击率', '人气',
  '发布人', '发布者', '发布机构', '发文机关', '发文单位', '发布单位', '责任部门', '索引号', '主题分类', '分类', '体裁分类', '公开方式', '公开时限', '公开范围', '文号', '发文字号', '有效性',
];
const spaced = (k: string): string => [...k].join('\\s?');
const KEY_ALT = HEADER_KEYS.slice()
  .sort((a, b) => b.length - a.length)
  .map(spaced)
  .join('|');
/** A line that starts with a header key. */
const HEADER_START = new RegExp(`^[【\\[]?(?:${KEY_ALT})[】\\]]?\\s*[:：]`, 'u');
/** Every header key on a line: at its start, or after a space / separator. */
const HEADER_KEY_G = new RegExp(`(?:^|[\\s|｜丨/])[【\\[]?(${KEY_ALT})[】\\]]?\\s*[:：]`, 'gu');
/** A header key after a date or another field (2023-05-01 10:00  来源：新华网). */
const HEADER_KEY_AFTER_DATE = new RegExp(`^(?:19|20)\\d{2}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?[^。]{0,12}?[\\s|｜丨/][【\\[]?(?:${KEY_ALT})[】\\]]?\\s*[:：]`, 'u');
const COUNTER_ANYWHERE = /(?:访问|浏览(?:次数|量)?|点击(?:数|量|率)?|阅读(?:量|数)?|人气)\s*[:：]\s*\d+|阅读\s*[（(]\s*\d+\s*[)）]|\d+\s*次(?:阅读|浏览)/u;
/** A date (and time) alone on a line, maybe with a counter: the page-header date. */
const LONE_DATE = /^(?:(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(?:\s*(?:\d{1,2}:\d{2}(?::\d{2})?|星期.|周.))*\s*$/u;
/** 发布于 2020-01-26 02:56 — platform time stamps. */
const PLATFORM_TIME = /^(?:发布于|编辑于|发表于|更新于|修改于|创建于)\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|(?:昨天|前天|今天)?\s*\d{1,2}:\d{2}|\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?)/u;
const NAV = /^[【[]?(?:上一篇|下一篇|上一条|下一条|上一页|下一页|返回顶部|返回列表|返回首页)(?:[】\]]|[:：]|\s|$)/u;
const ABSTRACT = /^[[【]?(?:内容)?摘\s*要[\]】]?\s*[:：]?|^abstract\s*[:：]/iu;
const KEYWORDS = /^[[【]?关\s*键\s*(?:词|字)[\]】]?\s*[:：]|^[[【]关\s*键\s*(?:词|字)[\]】]|^key\s*words?\s*[:：]/iu;
const REFERENCES_HEAD = /^[[【]?(?:参考文献|参考资料|注释|注\s*释|references?)[\]】]?\s*[:：]?\s*$/iu;
const REFERENCE_ENTRY = /\[(?:J|M|N|D|C|R|S|Z|P|G|A|EB\/OL|J\/OL|M\/OL|N\/OL|DB\/OL)\]/u;
const ATTRIBUTION = /^[（(]\s*(?:作者(?:系|为|是|单位)|本文作者|作者简介|作者分别系)/u;
const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百零\d]+[章节部分篇条]|\d{1,2}[、.．]\s*\S|0[1-9](?=[\u4e00-\u9fff]{2,12}$)|【[^】]{2,12}】$)/u;
const MARKDOWN_HEADING = /^#{1,6}(?:\s|$)/u;
const SUBTITLE = /^(?:——|――|—|--|－－)\s*\S/u;
/** Forum / Q&A-platform furniture: Discuz thread chrome and column-site chrome (知乎-style). */
const FORUM = new RegExp(
  '^(?:' +
    [
      '本帖最后由.{1,40}编辑', '只看该作者', '只看楼主', '楼主', '沙发', '板凳', '地板', '\\d+\\s*#', '\\d+楼', '回复(?:\\s*\\d+)?', '引用', '举报', '使用道具',
      '.{0,20}(?:关注他|关注她)', '关注', '发私信', '私信', '首发于.{1,60}', '收录于\\s*·.*', '\\d[\\d,]*\\s*人赞同了该(?:文章|回答)', '赞同\\s*\\d+.*',
      '\\d+\\s*条评论.*', '添加评论', '默认', '最新', '理性发言，友善互动', '.*申请转载', '喜欢', '回复\\s*喜欢', '关于作者', '推荐阅读', '大家都在搜',
      '关注问题', '写回答', '邀请回答', '好问题.*', '查看全部\\s*\\d+\\s*个回答', '\\d+\\s*个回答', '被浏览.*', '换一换', '送礼物', '还没有人送礼物.*', '所属专栏.*', '分享', '写下你的评论.*', '展开阅读全文.*', '阅读全文', '查看全部\\s*\\d*\\s*条评论?',
    ].join('|') +
    ')$',
  'u',
);
const ZWS_G = /[\u200b\ufeff]/gu;
const ZWS_ANY = /[\u200b\ufeff]/u;
/** A short name: 2–4 Han characters (a space or · may sit inside: 龚 正, 艾尔肯·吐尼亚孜). */
const NAME = '[\\u4e00-\\u9fff](?:[ \\u3000]?[\\u4e00-\\u9fff·•]){1,9}';
/** The same without inner spaces, for lists of names separated by spaces (记者 张三 李四). */
const TIGHT_NAME = '[\\u4e00-\\u9fff][\\u4e00-\\u9fff·•]{1,9}';
const BYLINE = new RegExp(
  '^(?:' +
    [
      `文\\s*[/／|｜丨]\\s*\\S.{0,20}`,
      `\\S{1,12}\\s*[/／]\\s*文`,
      `(?:本报|本刊|本台|本网|新华社|中新社)?(?:特约|实习)?记者\\s*${TIGHT_NAME}(?:[\\s、，,]+${TIGHT_NAME})*`,
      `[^\\s，。、]{0,16}(?:省长|市长|主席|区长|县长|州长|盟长|旗长|书记|部长|厅长|局长|院长|检察长|主任|总理|委员长)[ \\u3000]+${NAME}`,
    ].join('|') +
    ')$',
  'u',
);
const CAPTION = /(?:[\s。，]|^)(?:[^\s。，]{0,12}记者[ \u3000]?|通讯员[ \u3000]?|摄影[ \u3000]?|图[ \u3000]?[/／][ \u3000]?)?[\u4e00-\u9fff·]{2,8}[ \u3000]?摄(?:影)?[)）]?$|^图为|^[（(]?图片来源|^图\s*[:：]|供图[)）]?$|资料图片?[)）]?$/u;
const SENTENCE_END = /[。！？!?；;]$/u;

function stripInvisible(s: string): string {
  // Most lines hold no zero-width character: two native searches instead of a regex replace.
  return (s.indexOf('\u200b') < 0 && s.indexOf('\ufeff') < 0 ? s : s.replace(ZWS_G, '')).trim();
}

/** Set by buildPage while it runs: whether the page text holds a zero-width character at all
 *  (most do not, and then no line needs searching for one). */
let pageHasInvisible = true;

/** stripInvisible for a line of the page being built. */
function stripLine(s: string): string {
  return pageHasInvisible ? stripInvisible(s) : s.trim();
}

function classify(text: string, afterReferences: boolean): LineKind {
  const t = stripLine(text);
  if (t === '') return 'blank';
  if (NAV.test(t)) return 'nav';
  if (REFERENCES_HEAD.test(t)) return 'reference';
  if (afterReferences && (REFERENCE_ENTRY.test(t) || /^\[?\d{1,3}[\].、]/u.test(t))) return 'reference';
  if (t.length < 200 && REFERENCE_ENTRY.test(t)) return 'reference';
  if (ABSTRACT.test(t)) return 'abstract';
  if (KEYWORDS.test(t)) return 'keywords';
  if (ATTRIBUTION.test(t)) return 'attribution';
  if (t.length <= 80 && BOILERPLATE.test(t)) return 'boilerplate';
  if (t.length <= 80 && PLATFORM_TIME.test(t)) return 'header';
  if (t.length <= 80 && FORUM.test(t)) return 'forum';
  if (t.length <= 120 && (HEADER_START.test(t) || COUNTER_ANYWHERE.test(t) || HEADER_KEY_AFTER_DATE.test(t))) return 'header';
  if (t.length <= 40 && LONE_DATE.test(t)) return 'header';
  if (t.length <= 60 && SUBTITLE.test(t)) return 'subtitle';
  if (t.length <= 40 && BYLINE.test(t)) return 'byline';
  if (t.length <= 120 && CAPTION.test(t)) return 'caption';
  if (t.length <= 80 && MARKDOWN_HEADING.test(t)) return 'heading';
  if (t.length <= 60 && HEADING.test(t)) return 'heading';
  return 'body';
}

/** The `key：value` fields of a header line (values run to the next key). */
/** Drops separators left at the end of a value (来源：新华网 | 编辑：…). A loop, not a
 *  `[…]+$` pattern, which would rescan a long run of spaces from every position. */
function stripTrailingSeparators(v: string): string {
  let end = v.length;
  while (end > 0 && /[\s|｜丨/]/u.test(v.charAt(end - 1))) end -= 1;
  return v.slice(0, end);
}

function fieldsOf(line: PageLine): HeaderField[] {
  const t = line.text;
  const fields: HeaderField[] = [];
  const keys: { key: string; start: number; valueStart: number }[] = [];
  HEADER_KEY_G.lastIndex = 0;
  for (let m = HEADER_KEY_G.exec(t); m !== null; m = HEADER_KEY_G.exec(t)) {
    const lead = m[0].length - m[0].trimStart().length;
    keys.push({ key: m[1]!.replace(/\s/gu, ''), start: m.index + lead, valueStart: m.index + m[0].length });
  }
  if (keys.length === 0) {
    const trimmed = t.trimStart();
    const platform = PLATFORM_TIME.exec(trimmed);
    if (platform) {
      const lead = t.length - trimmed.length;
      const key = trimmed.slice(0, 3);
      fields.push({ key, value: platform[1]!.trim(), valueLine: line.no, valueIndex: lead + trimmed.indexOf(platform[1]!) });
    } else if (LONE_DATE.test(stripLine(t)) || COUNTER_ANYWHERE.test(t)) {
      const lead = t.length - trimmed.length;
      fields.push({ key: '', value: t.trim(), valueLine: line.no, valueIndex: lead });
    }
    return fields;
  }
  // A date printed before the first key (2022-11-24      访问:0) is the unlabelled date.
  const before = t.slice(0, keys[0]!.start);
  if (before.trim() !== '') {
    const lead = before.length - before.trimStart().length;
    fields.push({ key: '', value: stripTrailingSeparators(before.trim()), valueLine: line.no, valueIndex: lead });
  }
  keys.forEach((k, i) => {
    const end = i + 1 < keys.length ? keys[i + 1]!.start : t.length;
    const raw = t.slice(k.valueStart, end);
    const lead = raw.length - raw.trimStart().length;
    // A separator before the next field (来源：新华网 | 编辑：…) is not part of the value.
    fields.push({ key: k.key, value: stripTrailingSeparators(raw.trim()), valueLine: line.no, valueIndex: k.valueStart + lead });
  });
  return fields;
}

/** True when a line can be the value of a header key printed alone on the line above. */
function isValueLine(line: PageLine | undefined): line is PageLine {
  if (!line || line.kind === 'blank') return false;
  const t = stripLine(line.text);
  if (t.length > 40 || HEADER_START.test(t) || SENTENCE_END.test(t)) return false;
  return line.kind === 'body' || line.kind === 'header' || line.kind === 'byline' || line.kind === 'heading';
}

// --- blocks --------------------------------------------------------------------------

/** Lines longer than this are cut into paragraphs at sentence gaps. */
const LONG_LINE = 200;
/** A gap between paragraphs in a line without breaks: whitespace after a sentence end —
 *  /(?<=[。！？!?；…”」』）)\]])[ \t\u3000]+(?=\S)/, matched by a loop in blocksOf. */
const SENTENCE_END_UNITS = new Set([...'。！？!?；…”」』）)]'].map((c) => c.charCodeAt(0)));
const SPACE_RUN_G = /[ \t\u3000]+/g;
const WS_ONE = /^\s$/u;
/** A heading run into its paragraph: "一、角色认识到位 首先，…". */
const HEADING_THEN_TEXT = /^((?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节部分])[^\s。，,]{1,30})[ \t\u3000]+(?=[\u4e00-\u9fff“])/u;

function blocksOf(line: PageLine, afterReferences: boolean): PageBlock[] {
  const text = line.text;
  if (line.kind === 'blank') return [];
  const lead = text.length - text.trimStart().length;
  // A code point is one or two UTF-16 units: only lengths in between need counting.
  if (text.length <= LONG_LINE || (text.length <= 2 * LONG_LINE && codePointLength(text) <= LONG_LINE)) return [{ line: line.no, index: lead, text: text.trim(), kind: line.kind }];
  const pieces: { index: number; text: string }[] = [];
  let start = lead;
  const cut = (end: number): void => {
    const raw = text.slice(start, end);
    if (raw.trim() !== '') pieces.push({ index: start + (raw.length - raw.trimStart().length), text: raw.trim() });
  };
  // The gaps SENTENCE_GAP describes, without its lookbehind (tried at every position of a long
  // line): each maximal run of spaces, kept when a sentence end precedes it and a non-space
  // follows.
  SPACE_RUN_G.lastIndex = 0;
  for (let m = SPACE_RUN_G.exec(text); m !== null; m = SPACE_RUN_G.exec(text)) {
    const i = m.index;
    const j = i + m[0].length;
    if (i > 0 && SENTENCE_END_UNITS.has(text.charCodeAt(i - 1)) && j < text.length && !WS_ONE.test(text.charAt(j))) {
      cut(i);
      start = j;
    }
  }
  cut(text.length);
  const out: PageBlock[] = [];
  for (const p of pieces) {
    const h = HEADING_THEN_TEXT.exec(p.text);
    if (h) {
      const head = h[1]!;
      const restIndex = h[0].length;
      out.push({ line: line.no, index: p.index, text: head, kind: 'heading' });
      out.push({ line: line.no, index: p.index + restIndex, text: p.text.slice(restIndex), kind: classify(p.text.slice(restIndex), afterReferences) });
    } else {
      out.push({ line: line.no, index: p.index, text: p.text, kind: pieces.length === 1 ? line.kind : classify(p.text, afterReferences) });
    }
  }
  return out;
}

// --- page ----------------------------------------------------------------------------

/** Longest page top we look at, in lines (知乎 pages carry ~25 lines of chrome). */
const MAX_TOP = 60;

/** A body paragraph of sentence length: where the page top ends. A line that is printed
 *  again just below (a title shown twice) is not a paragraph even when it ends with ？. */
function isParagraph(blocks: PageBlock[], i: number): boolean {
  const b = blocks[i]!;
  if (b.kind !== 'body') return false;
  const n = codePointLength(b.text);
  if (n >= 60) return true;
  if (n >= 15 && /。/u.test(b.text)) return true;
  if (n >= 25 && /[！？!?]$/u.test(b.text)) {
    const key = b.text.replace(/\s+/gu, '');
    return !blocks.slice(Math.max(0, i - 3), i + 4).some((o) => o !== b && o.text.replace(/\s+/gu, '') === key);
  }
  return false;
}

/** Splits on LF, CRLF or CR and classifies each line. */
export function buildPage(text: string): Page {
  pageHasInvisible = ZWS_ANY.test(text);
  try {
    return build(text);
  } finally {
    pageHasInvisible = true;
  }
}

function build(text: string): Page {
  const lines: PageLine[] = [];
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
  // Line breaks found with a char-code loop (a regex exec per line costs more than the line).
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    push(i);
    start = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    i = start - 1;
  }
  if (start < text.length || lines.length === 0) push(text.length);

  attachFields(lines);
  markBreadcrumbs(lines);

  const blocks: PageBlock[] = [];
  // A loop, not push(...spread): a 1 MB line has more blocks than the call stack has room for arguments.
  lines.forEach((line, i) => {
    for (const b of blocksOf(line, referencesStart >= 0 && i > referencesStart)) blocks.push(b);
  });

  let top = 0;
  const firstPara = blocks.find((_, i) => isParagraph(blocks, i));
  if (firstPara) top = Math.min(firstPara.line - 1, MAX_TOP);
  else top = Math.min(lines.length, MAX_TOP);
  return { text, lines, blocks, referencesStart, top };
}

/** Parses header fields; a key alone on its line takes the next line as its value. */
function attachFields(lines: PageLine[]): void {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.kind === 'keywords') {
      const t = line.text;
      const m = /[:：】\]]\s*/u.exec(t);
      const valueIndex = m ? m.index + m[0].length : t.length;
      let field: HeaderField = { key: '关键词', value: t.slice(valueIndex).trim(), valueLine: line.no, valueIndex };
      if (field.value === '') {
        const next = nextNonBlank(lines, i);
        if (next && next.line.kind === 'body' && codePointLength(next.line.text.trim()) <= 120) {
          next.line.kind = 'keywords';
          const lead = next.line.text.length - next.line.text.trimStart().length;
          field = { key: '关键词', value: next.line.text.trim(), valueLine: next.line.no, valueIndex: lead };
          next.line.fields = [];
          line.fields = [field];
          i = next.index;
          continue;
        }
      }
      line.fields = [field];
      continue;
    }
    if (line.kind !== 'header') continue;
    const fields = fieldsOf(line);
    const last = fields[fields.length - 1];
    if (last && last.key !== '' && last.value === '') {
      const next = lines[i + 1];
      if (isValueLine(next)) {
        const lead = next.text.length - next.text.trimStart().length;
        last.value = stripLine(next.text);
        last.valueLine = next.no;
        last.valueIndex = lead;
        next.kind = 'header';
        next.fields = [];
        i += 1;
      }
    }
    line.fields = fields;
  }
}

/** Breadcrumb trails split over lines (首页 / > / 要闻) and the section name repeated
 *  right after them are site furniture. */
function markBreadcrumbs(lines: PageLine[]): void {
  const isSep = (t: string): boolean => /^(?:>|＞|»|›|>>|\/|-)$/u.test(t);
  for (let i = 1; i + 1 < lines.length; i += 1) {
    const t = stripLine(lines[i]!.text);
    if (!isSep(t)) continue;
    const prev = lines[i - 1]!;
    const next = lines[i + 1]!;
    if (codePointLength(stripLine(prev.text)) <= 12) prev.kind = 'boilerplate';
    const nt = stripLine(next.text);
    if (codePointLength(nt) <= 12 && next.kind !== 'blank') {
      next.kind = 'boilerplate';
      // The section name printed again under the trail (云南要闻 / 云南要闻).
      const after = lines[i + 2];
      if (after && stripLine(after.text) === nt) after.kind = 'boilerplate';
    }
  }
}

function nextNonBlank(lines: PageLine[], i: number): { line: PageLine; index: number } | undefined {
  for (let j = i + 1; j < lines.length && j <= i + 2; j += 1) {
    if (lines[j]!.kind !== 'blank') return { line: lines[j]!, index: j };
  }
  return undefined;
}

/** The text of a line or block without zero-width characters and outer whitespace. */
export function cleanText(s: string): string {
  return stripInvisible(s);
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
  return { line: line.no, column: columnOf(line, index), text };
}

/** The last column computed, so successive matches along one long line cost O(line), not O(line²). */
let lastColumn: { line: PageLine; index: number; column: number } | undefined;

/** 1-based code-point column of UTF-16 index `index` in `line`. */
function columnOf(line: PageLine, index: number): number {
  const s = line.text;
  const end = Math.min(Math.max(0, index), s.length);
  let from = 0;
  let column = 1;
  if (lastColumn && lastColumn.line === line && lastColumn.index <= end) ({ index: from, column } = lastColumn);
  // Each UTF-16 unit in [from, end) is a code point, except the low half of a pair whose high
  // half comes before it (also when the high half is just before `from`).
  for (let i = from; i < end; i += 1) {
    const c = s.charCodeAt(i);
    const lowOfPair = c >= 0xdc00 && c <= 0xdfff && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff;
    if (!lowOfPair) column += 1;
  }
  lastColumn = { line, index: end, column };
  return column;
}

/** Evidence for a UTF-16 offset into the whole page text. */
export function evidenceAt(page: Page, offset: number, length: number): Evidence {
  const line = lineAt(page, offset);
  return evidenceIn(line, offset - line.offset, page.text.slice(offset, offset + length));
}

/** Evidence for `text` at UTF-16 index `index` within the block's line. */
export function evidenceInBlock(page: Page, block: PageBlock, indexInBlock: number, text: string): Evidence {
  return evidenceIn(page.lines[block.line - 1]!, block.index + indexInBlock, text);
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

const fieldLists = new WeakMap<Page, readonly { line: PageLine; field: HeaderField }[]>();

/** Every header field on the page, in order (computed once per page). */
export function headerFields(page: Page): readonly { line: PageLine; field: HeaderField }[] {
  let out = fieldLists.get(page);
  if (!out) {
    const list: { line: PageLine; field: HeaderField }[] = [];
    for (const line of page.lines) for (const field of line.fields ?? []) list.push({ line, field });
    out = list;
    fieldLists.set(page, out);
  }
  return out;
}
