// The administrative divisions (GB/T 2260 codes) the region detector resolves to, loaded once
// per process from @vant/area-data (MIT; the Ministry of Civil Affairs / National Bureau of
// Statistics codes, current to the end of 2024: it has 和田地区's 和安县/和康县).
//
// That package is made for address pickers, so it carries a few entries that are not
// GB/T 2260 divisions; they are dropped here, by rule, not by name:
// - pseudo-prefectures that only group counties (省直辖县, 自治区直辖县级行政区划, the
//   municipalities' own 北京市/重庆市 and 重庆's "县"): their counties sit directly under
//   the province, as in GB/T 2260 (济源市 419001, 石河子市 659001);
// - statistical units with codes ending 71–80 or 90–99 (经济技术开发区, 高新区, 管理区…),
//   which the statistics bureau numbers but the standard does not;
// - towns listed in place of counties for prefectures without counties (东莞, 中山, 儋州,
//   嘉峪关): a county-level name ends in 区 县 市 旗 (incl. 特区, 林区);
// - the invented sub-divisions of 台湾/香港/澳门 (the provinces themselves are kept).
import { areaList } from '@vant/area-data';

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface Division {
  /** The six-digit code, e.g. 533400. */
  code6: string;
  /** The code at its level's precision: 53, 5334, 533422 (what records carry). */
  code: string;
  name: string;
  level: DivisionLevel;
  /** The province (itself for a province). */
  province: Division;
  /** The prefecture-level parent; null for provinces, prefectures and counties directly under a province. */
  prefecture: Division | null;
}

export interface DivisionData {
  all: Division[];
  byCode6: Map<string, Division>;
}

const PREFECTURE_NAME = /(?:市|地区|盟|自治州)$/u;
const COUNTY_NAME = /(?:区|县|市|旗)$/u;
const NOT_A_DIVISION = /(?:开发区|园区|管委会|示范区|管理区|新城|风景名胜区|市辖区)$/u;
// Codes 71–80 and 90–99 in the last two digits are statistical units, not divisions.
const STATISTICAL_ONLY = /(?:7[1-9]|80|9\d)$/u;
// Provinces whose sub-divisions in the package are not GB/T 2260 codes.
const NO_SUBDIVISIONS = new Set(['71', '81', '82']);

function trimmedCode(code6: string, level: DivisionLevel): string {
  return level === 'province' ? code6.slice(0, 2) : level === 'prefecture' ? code6.slice(0, 4) : code6;
}

function build(): DivisionData {
  const all: Division[] = [];
  const byCode6 = new Map<string, Division>();
  const add = (d: Division): void => {
    all.push(d);
    byCode6.set(d.code6, d);
  };
  const byCode = (list: Record<string, string>): [string, string][] =>
    Object.entries(list).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  for (const [code6, name] of byCode(areaList.province_list)) {
    const d = { code6, code: trimmedCode(code6, 'province'), name, level: 'province', prefecture: null } as Division;
    d.province = d;
    add(d);
  }
  for (const [code6, name] of byCode(areaList.city_list)) {
    const province = byCode6.get(`${code6.slice(0, 2)}0000`);
    if (!province || NO_SUBDIVISIONS.has(province.code)) continue;
    if (!PREFECTURE_NAME.test(name) || name === province.name || NOT_A_DIVISION.test(name)) continue;
    add({ code6, code: trimmedCode(code6, 'prefecture'), name, level: 'prefecture', province, prefecture: null });
  }
  for (const [code6, name] of byCode(areaList.county_list)) {
    const province = byCode6.get(`${code6.slice(0, 2)}0000`);
    if (!province || NO_SUBDIVISIONS.has(province.code)) continue;
    if (!COUNTY_NAME.test(name) || NOT_A_DIVISION.test(name) || STATISTICAL_ONLY.test(code6)) continue;
    const prefecture = byCode6.get(`${code6.slice(0, 4)}00`) ?? null;
    add({ code6, code: code6, name, level: 'county', province, prefecture: prefecture?.level === 'prefecture' ? prefecture : null });
  }
  return { all, byCode6 };
}

let cached: DivisionData | null = null;

/** The division table, built on first use and shared by every file of the run. */
export function divisions(): DivisionData {
  cached ??= build();
  return cached;
}

/** True when `inner` is `outer` or lies inside it. */
export function within(inner: Division, outer: Division): boolean {
  if (inner === outer) return true;
  if (outer.level === 'province') return inner.province === outer;
  if (outer.level === 'prefecture') return inner.prefecture === outer;
  return false;
}
