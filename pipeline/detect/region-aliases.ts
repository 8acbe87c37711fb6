// Aliases generated from the division names: the official name plus the forms people write
// (迪庆 / 迪庆州 → 迪庆藏族自治州, 新疆 → 新疆维吾尔自治区, 徐州 → 徐州市). Nothing here lists a
// place: the forms come from stripping the standard suffixes and the ethnic-group part of
// autonomous names.
import type { Division } from './region-data.js';

/**
 * The 55 minority nationalities of GB/T 3304 (中国各民族名称), without 族: the vocabulary
 * that autonomous names are built from (藏族自治州, 维吾尔自治区, 锡伯自治县). Single-character
 * names only count when followed by 族, so 白 in an ordinary name is left alone.
 */
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇',
  '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙',
  '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
];

// Longest first, so 土家族 is stripped before 土族 could be considered.
const ETHNIC_TOKENS = ETHNIC_GROUPS.flatMap((g) => (g.length > 1 ? [`${g}族`, g] : [`${g}族`])).sort((a, b) => b.length - a.length);

export type AliasKind =
  /** the official name: 徐州市, 迪庆藏族自治州 */
  | 'full'
  /** an autonomous prefecture as 迪庆州, 延边州; a banner or county as 孟村县 */
  | 'suffixed'
  /** the name without its suffix: 徐州, 迪庆, 新疆 */
  | 'short';

export interface Alias {
  text: string;
  kind: AliasKind;
  division: Division;
}

/** Removes trailing ethnic-group names (蒙古族藏族 → ''), keeping a base of at least two characters. */
export function stripEthnic(s: string): string {
  let rest = s;
  for (;;) {
    const token = ETHNIC_TOKENS.find((t) => rest.endsWith(t) && rest.length - t.length >= 2);
    if (!token) return rest;
    rest = rest.slice(0, -token.length);
  }
}

const AUTONOMOUS = /^(.+)自治(州|区|县|旗)$/u;
const PROVINCE_SUFFIX = /(?:省|市|特别行政区)$/u;
const PREFECTURE_SUFFIX = /(?:市|地区|盟)$/u;
const COUNTY_SUFFIX = /(?:林区|特区|区|县|市|旗)$/u;

/** The base of a name: without its level suffix and, for autonomous units, the ethnic part. */
export function baseName(d: Division): string {
  const auto = AUTONOMOUS.exec(d.name);
  if (auto) {
    const stripped = stripEthnic(auto[1]!);
    // 东乡族自治县, 鄂伦春自治旗: the whole prefix is the nationality; keep it without 族.
    return stripped === auto[1] ? auto[1]!.replace(/族$/u, '') : stripped;
  }
  const suffix = d.level === 'province' ? PROVINCE_SUFFIX : d.level === 'prefecture' ? PREFECTURE_SUFFIX : COUNTY_SUFFIX;
  return d.name.replace(suffix, '');
}

/** Every alias of one division (the official name first). Bases shorter than two characters are not aliases. */
export function aliasesOf(d: Division): Alias[] {
  const out: Alias[] = [{ text: d.name, kind: 'full', division: d }];
  const base = baseName(d);
  if (base.length < 2 || base === d.name) return out;
  out.push({ text: base, kind: 'short', division: d });
  const auto = AUTONOMOUS.exec(d.name);
  if (auto) {
    // 迪庆州, 延边州; 孟村县, 鄂伦春旗 (the 区 of an autonomous region is not used that way).
    const unit = auto[2] === '区' ? null : auto[2]!;
    if (unit) out.push({ text: base + unit, kind: 'suffixed', division: d });
  }
  return out;
}
