// Is a short string a person's name, an organisation, or neither? Used to check what a
// byline pattern captured: `记者了解到` must not yield the "name" 了解到, and `公安部` on a
// 作者 line is an organisation. Decided from the shape of the string (length, script,
// organisation suffixes, function words no name contains), not from lists of people.
import { codePointLength } from '../page.js';

/** 2–4 Han characters; minority names joined by a middle dot (艾尔肯·吐尼亚孜). */
const HAN_NAME = /^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}[·•・][\u4e00-\u9fff]{1,10})$/u;
/** A Latin-script name of one to four words (Aria X, Lena Dominelli). */
const LATIN_NAME = /^[A-Z][A-Za-z.'-]{0,20}(?: [A-Z][A-Za-z.'-]{0,20}){0,3}$/u;
/** Characters and words that occur in phrases but not in personal names. */
const NOT_IN_NAME = /[的了在是和与对从向将已被把说到这那就也都很更最其之为及等个们吗呢吧着过地得电讯]|记者|编辑|通讯员|实习生|本报|本刊|本网|本站|网友|小编|佚名|匿名|管理员|作者|来源|发布|获悉|了解|报道|表示|介绍|采访/u;
/** How organisation names end (统计局, 人民检察院, 调查总队, 委员会, 日报社). */
const ORG_SUFFIX = /(?:局|厅|部|委|办|院|署|会|社|报|台|网|站|所|队|处|科|室|中心|公司|集团|银行|大学|学院|学校|研究院|研究所|政府|法院|检察院|委员会|办公室|办公厅|调查队|调查总队|支队|大队|派出所|杂志社|编辑部|出版社|工作室|研究会|协会|学会|联合会|基金会)$/u;

/** Words that stand for "no one in particular" on a byline. */
export const ANONYMOUS_WORDS = /^(?:佚名|匿名|不详|无名氏|笔者|本文作者)$/u;
/** Words that name the site rather than a writer (作者：本站). */
const SITE_WORDS = /^(?:本站|本网|本报|本刊|本台|管理员|admin|网站编辑|小编|编辑部)$/iu;

export function isPersonName(s: string): boolean {
  const t = s.trim();
  if (HAN_NAME.test(t)) return !NOT_IN_NAME.test(t) && !ORG_SUFFIX.test(t);
  return LATIN_NAME.test(t);
}

export function isOrganisation(s: string): boolean {
  const t = s.trim();
  // 3–30 code points: 3–60 UTF-16 units at least, so a paragraph is dismissed without counting.
  if (t.length < 3 || t.length > 60) return false;
  const n = codePointLength(t);
  return n >= 3 && n <= 30 && /^[\u4e00-\u9fff（）()]+$/u.test(t) && ORG_SUFFIX.test(t);
}

export function isSiteWord(s: string): boolean {
  return SITE_WORDS.test(s.trim());
}

/** The first organisation of a line made only of organisation names
 *  (万载县统计局    国家统计局万载调查队), or null. A lone name shorter than `minSingle`
 *  (县政府 in a menu) does not count. */
export function issuerLine(text: string, minSingle = 3): string | null {
  const parts = text.replace(/[\u200b\ufeff]/gu, '').trim().split(/[\s\u3000]+/u).filter((x) => x !== '');
  if (parts.length === 1 && codePointLength(parts[0]!) < minSingle) return null;
  return parts.length >= 1 && parts.length <= 4 && parts.every(isOrganisation) ? parts[0]! : null;
}

/** Splits a list of names (`张三 李四`, `张三、李四`, `张三,李四`). */
export function splitNames(s: string): string[] {
  return s
    .split(/[\s\u3000、，,;；/／|｜]+/u)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** Removes the spaces a page puts inside a two-character name for alignment (龚 正 → 龚正). */
export function joinSpacedName(s: string): string {
  const t = s.trim();
  return /^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}$/u.test(t) ? t.replace(/[ \u3000]+/gu, '') : t;
}

// --- 作者系… attribution lines ------------------------------------------------------------

/** A role word: where the affiliation in `江苏省徐州市副市长` ends (not inside 委员会, 学生处). */
const ROLE = /(?:常务|党委|党组)?副?(?:省长|市长|县长|区长|州长|局长|厅长|处长|科长|所长|队长|支队长|大队长|主任|书记|部长|院长|校长|政委|教导员|主席|委员|会长|秘书长|干警|民警|警官|警员|教授|讲师|研究员|博士|硕士|研究生|学生|工作人员|干部|记者|编辑|律师|法官|检察官|专家)(?![会处团科组])/u;

/** Splits `江苏省徐州市副市长、公安局局长` into affiliation 江苏省徐州市 and role 副市长、公安局局长:
 *  the affiliation is what comes before the first role word. */
export function splitRoleAffiliation(s: string): { role: string | null; affiliation: string | null } {
  const t = s.trim().replace(/[。.]$/u, '');
  const m = ROLE.exec(t);
  const at = m ? m.index : t.length;
  const affiliation = t.slice(0, at).trim();
  const role = t.slice(at).trim();
  return { affiliation: affiliation === '' ? null : affiliation, role: role === '' ? null : role };
}
