// Source type from weighted signals (DESIGN.md §3). Each signal is a structural marker of
// a genre — a page-header field, a dateline, forum chrome, a salutation, a citation list —
// found once with its evidence; the type with the largest total wins. Platform markers
// (a news-centre page, forum chrome) outweigh the voice of the text (笔者), because the
// type names where the text was taken from. Close totals give a low confidence.
import { cleanText, codePointLength, headerFields, type Page, type PageBlock, type PageLine } from '../page.js';
import type { Evidence, Signal, SourceType, SourceTypeField } from '../types.js';
import { blockEvidence, blocksOf, findAll, findBlock, findLine, lineEvidence } from './page-search.js';
import { issuerLine } from './person-name.js';
import { findDelivery } from './speech-delivery.js';

interface SignalRule {
  id: string;
  type: SourceType;
  weight: number;
  find(page: Page): Evidence | null;
}

// --- patterns --------------------------------------------------------------------------

/** A section label that names a news page (新闻中心, 警务动态, 本地要闻). */
const SOURCE_KEYS = new Set(['来源', '稿源', '新闻来源', '稿件来源', '文章来源', '信息来源']);
const PUBLISH_KEYS = new Set(['发布时间', '发表时间', '发稿时间', '时间', '更新时间']);
/** How a news report opens or attributes: 近日，… / 5月10日，… / 据了解 / 据介绍. */
const REPORTAGE = /^(?:近日|日前|近期|昨天|今天|今年以来|\d{1,2}月\d{1,2}日(?:上午|下午|晚)?[，,])|据(?:了解|悉|介绍|统计|报道|通报)/u;
/** A breadcrumb naming the news section (首页 > 新闻中心 > 工作动态). */
const NEWS_SECTION_WORD = /新闻中心|新闻动态|警务(?:资讯|动态|新闻|要闻)|公安要闻/u;
const PATH_MARK = /位置|[>＞»›/]/u;
/** The opinion page's own markers: 本报评论员, 时评：, 评论员文章. */
const OPINION_PAGE = /本报评论员|评论员文章|^\s*(?:[\u4e00-\u9fff]{0,6}(?:时评|短评|社论|评论员|观察家))\s*[:：|｜]/u;
const NEWS_SECTION = /^(?:新闻(?:中心|动态|资讯|频道|发布)|警务(?:资讯|动态|新闻|要闻)|工作动态|图片新闻|媒体(?:聚焦|关注)|[\u4e00-\u9fff]{0,6}要闻|[\u4e00-\u9fff]{0,4}新闻)$/u;
/** 新华社北京6月11日电 / 中国经济网北京6月12日讯 / 本报讯 / 本报北京6月1日电. */
const DATELINE = /^[（(【]?(?:本报讯|(?:新华社|中新社|本报|本刊|[\u4e00-\u9fff]{2,10}?(?:报|网|社|台|客户端|新闻))?[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日(?:电|讯|消息))/u;
/** (记者 张三) / 本报记者 张三 at a paragraph start or on a byline line. */
const REPORTER_BYLINE = /^[（(]?\s*(?:本报|本刊|本台|本网|新华社|中新社)?(?:特约|实习)?记者\s*[\u4e00-\u9fff]{2,4}(?=[\s、，,）)]|$)/u;
const REPORTER_INLINE = /[（(]\s*(?:本报|本刊|本台|本网|新华社|中新社)?(?:特约|实习)?记者\s*[\u4e00-\u9fff]{2,4}[^）)]{0,30}[）)]/u;
const REPORTER_MENTION = /记者(?:了解到|获悉|注意到|看到|发现|调查发现|走访|从[^，。]{1,20}?(?:获悉|了解到|获知))|(?:告诉|接受|对)记者|记者采访/u;
/** 《 人民日报 》（ 2026年06月12日   01 版） — a newspaper's print footer. */
const PRINT_FOOTER = /《\s*[\u4e00-\u9fff]{2,10}报\s*》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*\d{0,3}\s*版\s*[）)]/u;
const QUOTE_ATTRIBUTION_G = /[”"][，,]?\s*[\u4e00-\u9fff·]{1,12}(?:说|表示|介绍|指出|坦言|告诉记者)[。，,：:]|(?:说|表示|介绍)[：:]\s*[“"]/gu;

const PAPER_SITE = /论文/u;
const REFERENCES_TITLE = /^\s*[[【]?(?:参考文献|参考资料|references?)[\]】]?\s*[:：]?\s*$/iu;
const PAPER_CLASSIFICATION = /中图分类号|文献标识码|文章编号\s*[:：]|DOI\s*[:：]|^\s*[[【]?基金项目[\]】]?\s*[:：]/iu;
const CITATION = /\[(?:J|M|N|D|C|R|S|Z|P|EB\/OL|J\/OL|M\/OL|N\/OL)\]/u;

/** Discuz anti-scrape jammer: runs of 1–3 printable ASCII tokens (`! y1 { b% b4 U: e5 n3 L`). */
const JAMMER_G = /(?<![!-~])(?:[!-~]{1,3} ){4,}[!-~]{1,3}(?![!-~])/gu;
const DISCUZ = /本帖最后由.{1,40}?编辑|只看该作者|只看楼主|发表于\s*\d{4}-\d{1,2}-\d{1,2}|^\s*楼主\s*$|电梯直达|回复\s*\d+\s*楼|使用道具/u;
const COLUMN_FOLLOW = /^\s*[\u200b]*(?:关注[他她]|\+\s*关注|关注)\s*$|发私信/u;
// (?<!\d): a count that starts after a digit is never the leftmost match (the digit before
// starts one), and without it every digit of a long run would rescan the run.
const COLUMN_VOTES = /(?<!\d)\d[\d,]*\s*人赞同了该(?:文章|回答)|^\s*[\u200b]*赞同\s*\d+|人点赞|^\s*首发于|^\s*收录于\s*·/u;
const COLUMN_COMMENTS = /\d+\s*条评论|^\s*[\u200b]*添加评论|理性发言，友善互动|^\s*关于作者\s*$|^\s*推荐阅读\s*$/u;

const AUTHOR_VOICE = /笔者|本文作者|我们认为|本人认为/u;
const OPINION_TITLE = /^(?:浅谈|浅析|试论|略论|刍议|管窥|论|谈)|的(?:思考|探索|探析|对策|建议|启示|几点思考|路径|研究)$/u;
const SECTION_HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u;

const DISCLOSURE_KEYS = new Set(['索引号', '公开方式', '公开范围', '公开时限', '发文机关', '发文字号', '主题分类', '发布机构', '成文日期', '体裁分类', '有效性']);
const OFFICIAL_TITLE = /(?:统计公报|公报|通知|通告|公告|决定|决议|办法|规定|条例|细则|规则|实施意见|指导意见|意见|批复|通报|命令|守则|规划纲要|解释|答复|会议纪要|公示)[）)]?$/u;
/** Guiding and typical cases: 检例第N号, or their fixed section headings (【基本案情】, 典型意义). */
const GUIDING_CASE = /检例第\s*\d+\s*号|指导(?:性)?案例\s*(?:第\s*)?\d+\s*号|^[\s\u3000]*(?:(?:[【\[]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[\s\u3000]*)?(?:要旨|基本案情|裁判要点|检察机关履职(?:过程|情况)|指导意义|典型意义|裁判理由|裁判结果)[】\]]?[\s\u3000]*$/u;
const ARTICLE_G = /^\s*第[一二三四五六七八九十百零]+条[\s　]/gu;
const ADDRESSEES = /^各(?:省|自治区|直辖市|市|县|区|级|有关|地|单位|部门|乡镇|派出所|分局|支队|大队)[^。]{0,80}[:：]\s*$/u;
const CLOSING = /特此(?:通知|公告|通告|函告|批复|通报)|现予(?:公布|印发)|自\s*[^，。]{2,16}起施行|本(?:办法|规定|条例|细则|规则|决定)自[^，。]{2,16}起/u;
const DOC_NUMBER = /[〔［\[]\s*(?:19|20)\d{2}\s*[〕］\]]\s*\d{1,4}\s*号/u;
const COMMUNIQUE = /会议(?:认为|指出|强调|要求|决定|审议通过|听取)/u;
const PASSED = /\d{4}年\d{1,2}月\d{1,2}日[^。]{2,40}?第[一二三四五六七八九十百\d]+次会议(?:审议)?通过/u;

const SALUTATION = /^(?:各位代表|同志们|各位委员|各位来宾|女士们、先生们|老师们、同学们|亲爱的同学们|各位领导)[：:，,！!]/u;
const SPEECH_TITLE = /讲话|致辞|发言|工作报告|报告$/u;

/** Lines of the page top that could be a title or a section label (short, not chrome). */
function topTextLines(page: Page): PageLine[] {
  const limit = Math.max(page.top, 1);
  return page.lines.slice(0, limit + 1).filter((l) => (l.kind === 'body' || l.kind === 'heading') && codePointLength(cleanText(l.text)) <= 60);
}

function headerField(page: Page, keys: ReadonlySet<string> | ((k: string, v: string) => boolean), topOnly = true): Evidence | null {
  for (const { line, field } of headerFields(page)) {
    if (topOnly && line.no > page.top + 10) continue;
    const ok = typeof keys === 'function' ? keys(field.key, field.value) : keys.has(field.key);
    if (ok) return lineEvidence(line);
  }
  return null;
}

function countAtLeast(page: Page, re: RegExp, n: number, opts: Parameters<typeof findAll>[2] = {}): Evidence | null {
  const all = findAll(page, re, opts, n);
  return all.length >= n ? all[0]!.evidence : null;
}

const notCaption = (b: PageBlock): boolean => !/摄[)）]?$/u.test(b.text);

function jammer(page: Page): Evidence | null {
  for (const m of findAll(page, JAMMER_G, {}, 50)) {
    const tokens = m.match[0].split(' ');
    const symbols = tokens.filter((t) => /[^A-Za-z0-9]/u.test(t)).length;
    const mixed = tokens.filter((t) => /[A-Za-z]/u.test(t) && /\d/u.test(t)).length;
    if (symbols >= 2 && mixed >= 1) return m.evidence;
  }
  return null;
}

const RULES: readonly SignalRule[] = [
  // news
  {
    id: 'news.section-label', type: 'news', weight: 3,
    find: (page) => {
      // A section label among the first lines names the page (a news-centre page).
      const first: PageLine[] = [];
      for (const l of page.lines) {
        if (l.kind === 'blank') continue;
        first.push(l);
        if (first.length === 3) break;
      }
      const hit = first.find((l) => NEWS_SECTION.test(cleanText(l.text)));
      return hit ? lineEvidence(hit) : null;
    },
  },
  {
    id: 'news.section-path', type: 'news', weight: 2,
    find: (page) => {
      const hit = findLine(page, NEWS_SECTION_WORD, { kinds: ['boilerplate'], limit: Math.max(page.top, 3) });
      return hit && PATH_MARK.test(hit.line.text) ? hit.evidence : null;
    },
  },
  { id: 'news.dateline', type: 'news', weight: 4, find: (page) => findBlock(page, DATELINE, { kinds: ['body', 'byline'], head: 3 })?.evidence ?? null },
  {
    id: 'news.reporter-byline', type: 'news', weight: 3,
    find: (page) =>
      findBlock(page, REPORTER_BYLINE, { kinds: ['byline', 'body'], head: 8 })?.evidence ??
      findBlock(page, REPORTER_INLINE, { kinds: ['body'], head: 3, where: notCaption })?.evidence ??
      findBlock(page, REPORTER_INLINE, { kinds: ['body'], tail: 3, where: notCaption })?.evidence ??
      null,
  },
  { id: 'news.reporter-mention', type: 'news', weight: 2, find: (page) => findLine(page, REPORTER_MENTION, { kinds: ['body'] })?.evidence ?? null },
  { id: 'news.print-footer', type: 'news', weight: 4, find: (page) => findLine(page, PRINT_FOOTER, { tail: 10 })?.evidence ?? null },
  { id: 'news.editor', type: 'news', weight: 2, find: (page) => headerField(page, (k) => k === '责任编辑' || k === '编辑' || k === '责编', false) },
  // Header fields of a published page; each is weak alone, together they outweigh the voice
  // of the text (笔者) on a news site. Empty fields (来源：) say nothing.
  { id: 'news.source-field', type: 'news', weight: 1.5, find: (page) => headerField(page, (k, v) => SOURCE_KEYS.has(k) && v !== '') },
  { id: 'news.publish-time', type: 'news', weight: 1.5, find: (page) => headerField(page, (k, v) => (PUBLISH_KEYS.has(k) && v !== '') || (k === '' && /^(?:19|20)\d{2}[-/.年]/u.test(v))) },
  { id: 'news.counter', type: 'news', weight: 1.5, find: (page) => headerField(page, (k, v) => /^(?:访问|浏览|点击|阅读|人气)/u.test(k) || (k === '' && /访问|浏览|阅读|点击/u.test(v))) },
  { id: 'news.reportage', type: 'news', weight: 1, find: (page) => findBlock(page, REPORTAGE, { kinds: ['body'], head: 3 })?.evidence ?? null },
  { id: 'news.quotes', type: 'news', weight: 1.5, find: (page) => countAtLeast(page, QUOTE_ATTRIBUTION_G, 2, { kinds: ['body'] }) },
  // paper
  { id: 'paper.abstract', type: 'paper', weight: 3, find: (page) => findLine(page, /\S/u, { kinds: ['abstract'] })?.evidence ?? null },
  { id: 'paper.keywords', type: 'paper', weight: 2, find: (page) => findLine(page, /关\s*键\s*(?:词|字)\s*[:：]|key\s*words?\s*[:：]/iu, { kinds: ['keywords'] })?.evidence ?? null },
  {
    id: 'paper.references', type: 'paper', weight: 3,
    // 参考文献 only: a 注释 list also closes bulletins and reports.
    find: (page) => findLine(page, REFERENCES_TITLE, { kinds: ['reference'] })?.evidence ?? null,
  },
  { id: 'paper.citations', type: 'paper', weight: 3, find: (page) => countAtLeast(page, new RegExp(CITATION.source, 'gu'), 2, { kinds: ['reference'] }) },
  { id: 'paper.site-label', type: 'paper', weight: 4, find: (page) => findLine(page, PAPER_SITE, { kinds: ['boilerplate'], limit: Math.max(page.top, 3) })?.evidence ?? null },
  { id: 'paper.attribution', type: 'paper', weight: 2, find: (page) => findLine(page, /\S/u, { kinds: ['attribution'] })?.evidence ?? null },
  { id: 'paper.classification', type: 'paper', weight: 4, find: (page) => findLine(page, PAPER_CLASSIFICATION, { limit: page.top + 20 })?.evidence ?? null },
  // forum
  { id: 'forum.jammer', type: 'forum', weight: 4, find: jammer },
  { id: 'forum.thread', type: 'forum', weight: 4, find: (page) => findLine(page, DISCUZ, { limit: 300 })?.evidence ?? null },
  { id: 'forum.follow-button', type: 'forum', weight: 3, find: (page) => findLine(page, COLUMN_FOLLOW, { kinds: ['forum'] })?.evidence ?? null },
  { id: 'forum.votes', type: 'forum', weight: 3, find: (page) => findLine(page, COLUMN_VOTES, { kinds: ['forum', 'body'] })?.evidence ?? null },
  { id: 'forum.comments', type: 'forum', weight: 2, find: (page) => findLine(page, COLUMN_COMMENTS, { kinds: ['forum', 'body'] })?.evidence ?? null },
  // commentary
  { id: 'commentary.author-voice', type: 'commentary', weight: 2, find: (page) => findBlock(page, AUTHOR_VOICE, { kinds: ['body', 'abstract'] })?.evidence ?? null },
  {
    id: 'commentary.sections', type: 'commentary', weight: 1,
    find: (page) => {
      const heads = blocksOf(page, ['heading']).filter((b) => SECTION_HEADING.test(b.text));
      return heads.length >= 2 ? blockEvidence(page, heads[0]!, 0, heads[0]!.text) : null;
    },
  },
  { id: 'commentary.opinion-page', type: 'commentary', weight: 2.5, find: (page) => findLine(page, OPINION_PAGE, { limit: page.top + 5 })?.evidence ?? null },
  {
    id: 'commentary.opinion-title', type: 'commentary', weight: 1,
    find: (page) => {
      const hit = topTextLines(page).find((l) => OPINION_TITLE.test(cleanText(l.text)));
      return hit ? lineEvidence(hit) : null;
    },
  },
  // official
  { id: 'official.disclosure-header', type: 'official', weight: 3, find: (page) => headerField(page, DISCLOSURE_KEYS) },
  {
    id: 'official.document-title', type: 'official', weight: 4,
    find: (page) => {
      const hit = topTextLines(page).find((l) => codePointLength(cleanText(l.text)) >= 4 && OFFICIAL_TITLE.test(cleanText(l.text)));
      return hit ? lineEvidence(hit) : null;
    },
  },
  {
    id: 'official.issuer-line', type: 'official', weight: 2,
    find: (page) => {
      const hit = page.lines.slice(0, page.top + 6).find((l) => l.kind === 'body' && issuerLine(l.text, 5) !== null);
      return hit ? lineEvidence(hit) : null;
    },
  },
  { id: 'official.guiding-case', type: 'official', weight: 4, find: (page) => findLine(page, GUIDING_CASE, { kinds: ['body', 'heading'], limit: Math.max(page.top + 20, 30) })?.evidence ?? null },
  { id: 'official.articles', type: 'official', weight: 3, find: (page) => countAtLeast(page, ARTICLE_G, 3, { kinds: ['body', 'heading'] }) },
  { id: 'official.addressees', type: 'official', weight: 3, find: (page) => findLine(page, ADDRESSEES, { kinds: ['body'], limit: page.top + 15 })?.evidence ?? null },
  { id: 'official.closing', type: 'official', weight: 3, find: (page) => findLine(page, CLOSING, { kinds: ['body'], tail: 30 })?.evidence ?? null },
  { id: 'official.document-number', type: 'official', weight: 3, find: (page) => findLine(page, DOC_NUMBER, { limit: Math.max(page.top + 5, 10) })?.evidence ?? null },
  { id: 'official.communique', type: 'official', weight: 1.5, find: (page) => findBlock(page, COMMUNIQUE, { kinds: ['body'] })?.evidence ?? null },
  { id: 'official.passed-by', type: 'official', weight: 3, find: (page) => findLine(page, PASSED, { limit: Math.max(page.top + 5, 10) })?.evidence ?? null },
  // speech
  { id: 'speech.salutation', type: 'speech', weight: 4, find: (page) => findBlock(page, SALUTATION, { kinds: ['body'], head: 10 })?.evidence ?? null },
  {
    id: 'speech.delivery', type: 'speech', weight: 4,
    find: (page) => {
      const d = findDelivery(page);
      return d ? lineEvidence(d.line) : null;
    },
  },
  {
    id: 'speech.title', type: 'speech', weight: 2,
    find: (page) => {
      const hit = topTextLines(page).find((l) => SPEECH_TITLE.test(cleanText(l.text)));
      return hit ? lineEvidence(hit) : null;
    },
  },
];

/** Order used to break exact ties: the more specific genre first. */
const TIE_ORDER: readonly SourceType[] = ['official', 'speech', 'paper', 'forum', 'news', 'commentary', 'other'];

export function detectSourceType(page: Page): SourceTypeField | null {
  if (page.text.trim() === '') return null;
  const signals: Signal[] = [];
  for (const rule of RULES) {
    const evidence = rule.find(page);
    if (evidence) signals.push({ id: rule.id, type: rule.type, weight: rule.weight, evidence });
  }
  const totals = new Map<SourceType, number>();
  for (const s of signals) totals.set(s.type, (totals.get(s.type) ?? 0) + s.weight);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || TIE_ORDER.indexOf(a[0]) - TIE_ORDER.indexOf(b[0]));
  const best = ranked[0];
  if (!best) {
    // No marker of any genre: say so rather than guess.
    return { value: 'other', confidence: 0.2, signals };
  }
  const second = ranked[1]?.[1] ?? 0;
  // Share of the evidence, damped when the winner rests on little evidence.
  const share = best[1] / (best[1] + second + 1);
  const confidence = Math.round(share * Math.min(1, best[1] / 4) * 100) / 100;
  return { value: best[0], confidence, signals };
}
