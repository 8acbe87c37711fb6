// Who wrote (or delivered, or issued) the document, following DESIGN.md §3. Rules are tried
// from the most specific structure to the weakest:
//   1. a speech's speaker on the byline under the delivery line (省长 罗东川);
//   2. on a forum or column page, the account that posted it (the line under the repeated
//      title, before the follow button; 关于作者);
//   3. a national document series that names its issuer (检例第N号 → 最高人民检察院);
//   4. a named byline: 作者：/ 文/ / 记者 张三 李四 / (记者 张三) after a dateline;
//   5. for official documents, the issuing body: the issuer line under the title, the
//      (…会议通过) note, the signature above the closing date, the CMS 发布机构 field;
//   6. an attribution line (作者系…) → role and affiliation without a name;
//   7. 笔者 / 本文作者 → an anonymous writer.
// Editors (责任编辑, 编辑), sources (来源:), photographers (…摄), case handlers and cited
// authors in a reference list never match: only the fields and shapes above are read.
import { cleanText, codePointLength, evidenceIn, headerFields, type Page, type PageLine } from '../page.js';
import type { AuthorField, Evidence, SourceTypeField, TitleField } from '../types.js';
import { blockEvidence, blocksOf, findBlock, findLine, lineEvidence, nextLine } from './page-search.js';
import { ANONYMOUS_WORDS, isOrganisation, issuerLine, isPersonName, isSiteWord, joinSpacedName, splitNames, splitRoleAffiliation } from './person-name.js';
import { findDelivery, governmentOf, LEADER_BYLINE } from './speech-delivery.js';

export interface AuthorContext {
  sourceType: SourceTypeField | null;
  title: TitleField | null;
}

type Found = Omit<AuthorField, 'confidence' | 'evidence'> & { confidence: number; evidence: Evidence };

function person(name: string, evidence: Evidence, confidence: number, extra: Partial<Found> = {}): Found {
  return { name, role: null, affiliation: null, anonymous: false, organisation: false, confidence, evidence, ...extra };
}

function organisation(name: string, evidence: Evidence, confidence: number): Found {
  return { name, role: null, affiliation: null, anonymous: false, organisation: true, confidence, evidence };
}

/** Names from a byline list; several are joined with 、 and listed in `names`. */
function people(raw: string[], evidence: Evidence, confidence: number, extra: Partial<Found> = {}): Found | null {
  const names = raw.map(joinSpacedName).filter(isPersonName);
  if (names.length === 0) return null;
  const found = person(names.join('、'), evidence, confidence, extra);
  if (names.length > 1) found.names = names;
  return found;
}

// --- 1. speaker ------------------------------------------------------------------------

/** `张三同志在…会议上的讲话` as a title. */
const SPEECH_BY = /^([\u4e00-\u9fff·]{2,16}?)(?:同志)?在[^。]{2,40}?上的(?:讲话|致辞|报告|发言)/u;
const ROLE_TAIL = /(省长|市长|主席|区长|县长|州长|书记|部长|厅长|局长|院长|检察长|主任|总理)$/u;

function leaderAt(line: PageLine, from: number): { name: string; role: string; prefix: string; at: number } | null {
  const text = line.text.slice(from);
  const m = LEADER_BYLINE.exec(text);
  if (!m) return null;
  const name = joinSpacedName(m[3]!);
  if (!isPersonName(name)) return null;
  let prefix = m[1]!;
  let role = m[2]!;
  // 副省长, 代省长, 常务副市长: the qualifier belongs to the role, not to the place.
  const qualifier = /(?:常务副|副|代)$/u.exec(prefix);
  if (qualifier) {
    role = `${qualifier[0]}${role}`;
    prefix = prefix.slice(0, -qualifier[0].length);
  }
  return { name, role, prefix, at: from + m.index + m[0].indexOf(m[3]!) };
}

function speaker(page: Page, ctx: AuthorContext): Found | null {
  const delivery = findDelivery(page);
  if (delivery) {
    const government = governmentOf(delivery.text);
    // The byline follows the delivery line: on the same line or within the next three.
    const lines: { line: PageLine; from: number }[] = [{ line: delivery.line, from: delivery.end }];
    for (let j = delivery.index + 1, seen = 0; j < page.lines.length && seen < 3; j += 1) {
      const l = page.lines[j]!;
      if (l.kind === 'blank') continue;
      seen += 1;
      lines.push({ line: l, from: 0 });
    }
    for (const { line, from } of lines) {
      const hit = leaderAt(line, from);
      if (!hit) continue;
      const placePrefix = /(?:省|自治区|市|州|县|区|盟|旗)$/u.test(hit.prefix) ? `${hit.prefix}人民政府` : null;
      const affiliation = government ?? (/人民政府$/u.test(hit.prefix) ? hit.prefix : placePrefix);
      return person(hit.name, evidenceIn(line, hit.at, line.text.slice(hit.at).trim()), 0.9, { role: hit.role, affiliation });
    }
  }
  if (ctx.sourceType?.value !== 'speech') return null;
  // A speech page without a delivery line: a leader byline in the page top, or a title
  // naming the speaker.
  for (const line of page.lines.slice(0, Math.max(page.top, 1) + 3)) {
    if (line.kind !== 'byline') continue;
    const hit = leaderAt(line, 0);
    if (hit) return person(hit.name, evidenceIn(line, hit.at, line.text.slice(hit.at).trim()), 0.8, { role: hit.role });
  }
  if (ctx.title) {
    const m = SPEECH_BY.exec(ctx.title.value);
    if (m) {
      const who = m[1]!;
      for (let cut = who.length - 2; cut >= 0; cut -= 1) {
        const name = who.slice(cut);
        const role = who.slice(0, cut);
        if ((role === '' || ROLE_TAIL.test(role)) && isPersonName(name)) {
          const at = ctx.title.evidence;
          return person(name, { line: at.line, column: at.column + codePointLength(role), text: name }, 0.75, { role: role === '' ? null : role });
        }
      }
    }
  }
  return null;
}

// --- 2. forum poster -------------------------------------------------------------------

const FOLLOW = /^(?:\+\s*)?关注([他她])?$/u;
const ABOUT_AUTHOR = /^关于作者$/u;
const THREAD_POSTER = /^(\S{2,20})\s+发表于\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}/u;
const POSTED_AT = /^\s*发表于\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}/u;
const POSTER_NAME = /^[^\s，。！？；：:,.!?;]{1,24}$/u;

function poster(page: Page, ctx: AuthorContext): Found | null {
  const titleKey = ctx.title ? ctx.title.value.replace(/\s+/gu, '') : null;
  const limit = Math.min(page.lines.length, Math.max(page.top, 1) + 10);
  for (let i = 0; i < limit; i += 1) {
    const line = page.lines[i]!;
    if (line.kind !== 'forum') continue;
    const follow = FOLLOW.exec(cleanText(line.text));
    if (!follow) continue;
    // Walk back to the title: the account name is the first line under it; bio lines
    // (职业, 简介) sit between the name and the follow button.
    const between: PageLine[] = [];
    for (let j = i - 1; j >= 0 && between.length <= 4; j -= 1) {
      const l = page.lines[j]!;
      if (l.kind === 'blank') continue;
      const key = cleanText(l.text).replace(/\s+/gu, '');
      if ((titleKey !== null && key === titleKey) || l.kind === 'forum' || l.kind === 'boilerplate') break;
      between.unshift(l);
    }
    const first = between[0];
    if (first && between.length <= 4 && POSTER_NAME.test(cleanText(first.text))) {
      const name = cleanText(first.text);
      // A follow button without 他/她 belongs to an organisation account.
      return { ...person(name, lineEvidence(first), 0.85), organisation: follow[1] === undefined };
    }
  }
  for (let i = 0; i < page.lines.length; i += 1) {
    if (!ABOUT_AUTHOR.test(cleanText(page.lines[i]!.text))) continue;
    const next = nextLine(page, i, 2);
    if (next && POSTER_NAME.test(cleanText(next.line.text))) return person(cleanText(next.line.text), lineEvidence(next.line), 0.75);
  }
  const thread = findLine(page, THREAD_POSTER, { limit });
  if (thread) return person(thread.match[1]!, evidenceIn(thread.line, thread.match.index, thread.match[1]!), 0.7);
  // Discuz prints the poster on the line above 发表于 <date>.
  const stamp = findLine(page, POSTED_AT, { limit: Math.max(limit, 40) });
  if (stamp) {
    const i = stamp.line.no - 1;
    const above = i > 0 ? page.lines[i - 1]! : null;
    if (above && above.kind !== 'blank' && POSTER_NAME.test(cleanText(above.text)) && codePointLength(cleanText(above.text)) <= 20) {
      return person(cleanText(above.text), lineEvidence(above), 0.65);
    }
  }
  return null;
}

// --- 3. document series ----------------------------------------------------------------

/** National document series whose number names the issuing body. */
const SERIES: readonly (readonly [RegExp, string])[] = [
  [/检例第\s*\d+\s*号/u, '最高人民检察院'],
  [/法释\s*[〔［[]\s*\d{4}\s*[〕］\]]\s*\d+\s*号/u, '最高人民法院'],
  [/高检发[\u4e00-\u9fff]{0,4}\s*[〔［[]\s*\d{4}\s*[〕］\]]/u, '最高人民检察院'],
  [/国办发\s*[〔［[]\s*\d{4}\s*[〕］\]]/u, '国务院办公厅'],
  [/(?<![\u4e00-\u9fff])国发\s*[〔［[]\s*\d{4}\s*[〕］\]]/u, '国务院'],
  [/公通字\s*[〔［[]\s*\d{4}\s*[〕］\]]/u, '公安部'],
];

function series(page: Page): Found | null {
  const limit = Math.max(page.top + 5, 10);
  for (const [re, issuer] of SERIES) {
    const hit = findLine(page, re, { limit, kinds: ['body', 'heading', 'subtitle', 'header'] });
    if (hit) return organisation(issuer, hit.evidence, 0.85);
  }
  return null;
}

// --- 4. named bylines ------------------------------------------------------------------

const AUTHOR_KEYS = new Set(['作者', '撰稿', '撰文', '记者']);
const BYLINE_WEN = /^文\s*[/／|｜丨]\s*(.+)$/u;
const BYLINE_WEN_AFTER = /^([^/／]+)[/／][\s\u3000]*文$/u;
const BYLINE_REPORTER = /^(?:本报|本刊|本台|本网|新华社|中新社)?(?:特约|实习)?记者\s*(.+)$/u;
/** (记者颉满斌 通讯员余若怡) — the reporters in brackets after a dateline or at the end. */
const REPORTER_BRACKET = /[（(]\s*(?:本报|本刊|本台|本网|新华社|中新社)?(?:特约|实习)?记者\s*([^）)]{2,40})[）)]/u;
/** Only the reporters: correspondents and interns after them are not the byline's author. */
const BRACKETED = /[（(]([^）)]{2,30})[）)]/u;
const BRACKETED_G = /[（(][^）)]{0,30}[）)]/gu;
/** Superscript marks after author names (张三1,2 / 李四*). */
const SUPERSCRIPTS_G = /[0-9¹²³⁴⁵⁶⁷⁸⁹⁰*＊,，]+/gu;
const CORRESPONDENT = /(?:通讯员|实习生|见习记者|摄影|摄).*$/u;
const OUTLET = /^(?:[（(]?)([\u4e00-\u9fff]{2,10}?(?:日报|晚报|报|网|社|台|客户端))[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日(?:电|讯)/u;

function outletOf(page: Page): string | null {
  const first = page.blocks.find((b) => b.kind === 'body');
  const m = first ? OUTLET.exec(first.text) : null;
  return m && !/^本/u.test(m[1]!) ? m[1]! : null;
}

function fieldByline(page: Page): Found | null {
  for (const { field } of headerFields(page)) {
    if (!AUTHOR_KEYS.has(field.key) || field.value === '') continue;
    const valueLine = page.lines[field.valueLine - 1]!;
    const evidence = evidenceIn(valueLine, field.valueIndex, field.value);
    // 作者：张三（某某大学）: the bracket holds the affiliation.
    const bracket = BRACKETED.exec(field.value);
    const value = field.value.replace(BRACKETED_G, ' ').replace(CORRESPONDENT, '').trim();
    if (ANONYMOUS_WORDS.test(value)) return { name: null, role: null, affiliation: null, anonymous: true, organisation: false, confidence: 0.7, evidence };
    if (isSiteWord(value)) continue;
    if (isOrganisation(value)) return organisation(value, evidence, 0.75);
    const affiliation = bracket && isOrganisation(bracket[1]!) ? bracket[1]! : null;
    const found = people(splitNames(value), evidence, 0.85, field.key === '记者' ? { role: '记者', affiliation: affiliation ?? outletOf(page) } : { affiliation });
    if (found) return found;
  }
  return null;
}

/** A paper's author line: names alone between the title and the abstract (张三 李四, 张三1,2). */
function paperNames(page: Page, ctx: AuthorContext): Found | null {
  if (!ctx.title) return null;
  const abstract = page.lines.findIndex((l) => l.kind === 'abstract');
  if (abstract < 0) return null;
  for (let i = ctx.title.evidence.line; i < abstract && i < ctx.title.evidence.line + 4; i += 1) {
    const line = page.lines[i]!;
    if (line.kind !== 'body' && line.kind !== 'byline') continue;
    const text = cleanText(line.text).replace(SUPERSCRIPTS_G, ' ');
    const names = splitNames(text);
    if (names.length === 0 || names.length > 8 || !names.every((n) => isPersonName(joinSpacedName(n)))) continue;
    const shown = cleanText(line.text);
    return people(names, evidenceIn(line, line.text.indexOf(shown), shown), 0.75);
  }
  return null;
}

/** A speech with its speaker's name alone on a line under the title or subtitle. */
function speakerLine(page: Page, ctx: AuthorContext): Found | null {
  if (ctx.sourceType?.value !== 'speech' || !ctx.title) return null;
  for (let i = ctx.title.evidence.line, seen = 0; i < page.lines.length && seen < 3; i += 1) {
    const line = page.lines[i]!;
    if (line.kind === 'blank') continue;
    seen += 1;
    const name = joinSpacedName(cleanText(line.text));
    if (isPersonName(name) && !/[A-Za-z]/u.test(name)) return person(name, lineEvidence(line), 0.75);
  }
  return null;
}

function lineByline(page: Page): Found | null {
  for (const line of page.lines) {
    if (line.kind !== 'byline') continue;
    const text = cleanText(line.text);
    if (LEADER_BYLINE.test(text) && !/记者/u.test(text)) continue; // a speaker: rule 1
    const m = BYLINE_WEN.exec(text) ?? BYLINE_WEN_AFTER.exec(text);
    const r = m ? null : BYLINE_REPORTER.exec(text);
    const list = m?.[1] ?? r?.[1];
    if (!list) continue;
    const names = splitNames(list.replace(CORRESPONDENT, ''));
    const at = Math.max(0, line.text.indexOf(list));
    const found = people(names, evidenceIn(line, at, list.trim()), 0.8, r ? { role: '记者', affiliation: outletOf(page) } : {});
    if (found) return found;
  }
  return null;
}

function bracketReporter(page: Page): Found | null {
  const body = blocksOf(page, ['body']);
  // At the start of the text (after a dateline) or closing it.
  const places = [...body.slice(0, 3), ...body.slice(-3)];
  for (const block of places) {
    const m = REPORTER_BRACKET.exec(block.text);
    if (!m) continue;
    const inFirst = body.indexOf(block) < 3 && m.index <= 40;
    const closing = m.index + m[0].length >= block.text.length - 1;
    if (!inFirst && !closing) continue;
    const list = m[1]!.replace(CORRESPONDENT, '');
    const found = people(splitNames(list), blockEvidence(page, block, m.index + m[0].indexOf(m[1]!), list.trim()), 0.8, { role: '记者', affiliation: outletOf(page) });
    if (found) return found;
  }
  return null;
}

// --- 5. issuing body -------------------------------------------------------------------

/** 国务院关于…: the issuing bodies before 关于 in an official title. */
const TITLE_ISSUER = /^([\u4e00-\u9fff（）()\s\u3000、]{3,60}?)关于/u;
const ISSUER_KEYS = new Set(['发布机构', '发文机关', '发文单位', '发布单位', '责任部门']);
const PASSED = /[（(]\s*\d{4}年\d{1,2}月\d{1,2}日([\u4e00-\u9fff]{4,40}?)第[一二三四五六七八九十百\d]+次会议(?:审议)?通过/u;
const DATE_LINE = /^[（(]?\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,3}\s*月(?:\s*[\d〇零一二三四五六七八九十]{1,3}\s*日)?\s*[)）]?$|^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}$/u;

function issuerIn(line: PageLine): string | null {
  return issuerLine(line.text);
}

function issuingBody(page: Page, ctx: AuthorContext): Found | null {
  // 国务院关于…的通知 / 最高人民法院 最高人民检察院关于…的解释: the title names the issuer.
  if (ctx.title) {
    const m = TITLE_ISSUER.exec(ctx.title.value);
    const first = m ? m[1]!.split(/[\s\u3000、，,]+/u).find((x) => x !== '') : undefined;
    if (first && isOrganisation(first)) {
      const at = ctx.title.evidence;
      return organisation(first, { line: at.line, column: at.column + codePointLength(ctx.title.value.slice(0, ctx.title.value.indexOf(first))), text: first }, 0.85);
    }
  }
  // The issuer line printed right under the title.
  const from = ctx.title ? ctx.title.evidence.line - 1 : -1;
  const start = from >= 0 ? from : 0;
  const stop = Math.min(page.lines.length, from >= 0 ? from + 8 : Math.max(page.top, 1) + 3);
  for (let i = start; i < stop; i += 1) {
    const line = page.lines[i]!;
    if (line.kind !== 'body') continue;
    const issuer = issuerIn(line);
    if (issuer) return organisation(issuer, evidenceIn(line, line.text.indexOf(issuer), issuer), 0.8);
  }
  const passed = findLine(page, PASSED, { limit: Math.max(page.top + 6, 12) });
  if (passed) {
    const body = passed.match[1]!.replace(/^在/u, '');
    return organisation(body, evidenceIn(passed.line, passed.match.index + passed.match[0].indexOf(body), body), 0.8);
  }
  // The signature above the closing date.
  const tail = page.lines.filter((l) => l.kind !== 'blank' && l.kind !== 'boilerplate').slice(-12);
  for (let i = 0; i + 1 < tail.length; i += 1) {
    const issuer = issuerIn(tail[i]!);
    if (issuer && DATE_LINE.test(cleanText(tail[i + 1]!.text))) return organisation(issuer, evidenceIn(tail[i]!, tail[i]!.text.indexOf(issuer), issuer), 0.75);
  }
  for (const { field } of headerFields(page)) {
    if (!ISSUER_KEYS.has(field.key) || !isOrganisation(field.value)) continue;
    return organisation(field.value, evidenceIn(page.lines[field.valueLine - 1]!, field.valueIndex, field.value), 0.6);
  }
  return null;
}

// --- 6. attribution, 7. anonymous --------------------------------------------------------

const ATTRIBUTION = /作者(?:分别)?(?:系|为|是)\s*([^）)]+)|作者单位\s*[:：]\s*([^）)]+)|作者简介\s*[:：]\s*([\u4e00-\u9fff·]{2,10}?)[（(，,\s]/u;
const ANONYMOUS = /笔者|本文作者/u;

function attribution(page: Page): Found | null {
  // A paper may carry several notes ((作者单位：…) and (作者系…)): each fills what it says.
  let found: Found | null = null;
  for (const line of page.lines) {
    if (line.kind !== 'attribution') continue;
    const m = ATTRIBUTION.exec(line.text);
    if (!m) continue;
    const [, says, unit, named] = m;
    const text = (says ?? unit ?? named ?? '').trim();
    const evidence = evidenceIn(line, m.index + m[0].indexOf(text), text);
    const part: Pick<Found, 'name' | 'role' | 'affiliation'> =
      named !== undefined
        ? { name: isPersonName(named) ? named : null, role: null, affiliation: null }
        : unit !== undefined
          ? { name: null, role: null, affiliation: text }
          : { name: null, ...splitRoleAffiliation(text) };
    if (part.name === null && part.role === null && part.affiliation === null) continue;
    if (found === null) found = { ...part, anonymous: false, organisation: false, confidence: part.name ? 0.75 : 0.7, evidence };
    else {
      found.name ??= part.name;
      found.role ??= part.role;
      found.affiliation ??= part.affiliation;
    }
  }
  return found;
}

function anonymous(page: Page): Found | null {
  const hit = findBlock(page, ANONYMOUS, { kinds: ['body', 'abstract', 'heading'] });
  return hit ? { name: null, role: null, affiliation: null, anonymous: true, organisation: false, confidence: 0.6, evidence: hit.evidence } : null;
}

export function detectAuthor(page: Page, ctx: AuthorContext): AuthorField | null {
  const type = ctx.sourceType?.value ?? null;
  const spoke = speaker(page, ctx);
  if (spoke) return spoke;
  if (type === 'forum') {
    const posted = poster(page, ctx);
    if (posted) return posted;
  }
  const issued = series(page);
  if (issued) return issued;
  const named = fieldByline(page) ?? lineByline(page) ?? bracketReporter(page) ?? (type === 'paper' ? paperNames(page, ctx) : null) ?? speakerLine(page, ctx);
  const attributed = attribution(page);
  if (named) {
    // 作者：张三 with (作者系…) below: the name, with role and affiliation from the note.
    if (attributed && !named.organisation && named.role === null && named.affiliation === null) {
      return { ...named, role: attributed.role, affiliation: attributed.affiliation };
    }
    return named;
  }
  if (type === 'official') {
    const body = issuingBody(page, ctx);
    if (body) return body;
  }
  return attributed ?? anonymous(page);
}
