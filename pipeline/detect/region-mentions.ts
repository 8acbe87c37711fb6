// From raw name hits to place mentions the text really makes. A hit is only a string match;
// it becomes a mention when it is certain by itself (a province, an official prefecture
// name, 迪庆州) or when the text corroborates it:
// - a two-character prefecture short name (长治, 朝阳, 白银 are also ordinary words) needs its
//   province or its own full name elsewhere in the text;
// - a county needs its prefecture or province in the text, or (when its name is unique in
//   the country) a strong position: title, author line, page top; an ambiguous county name
//   (朝阳区) resolves only to the candidate whose parents the text names;
// - a county short name (公安, 万载) only counts once the county's full name was accepted.
import type { Alias } from './region-aliases.js';
import type { Division } from './region-data.js';
import type { PlaceHit } from './region-matcher.js';
import type { Evidence } from '../types.js';

export interface Occurrence {
  hit: PlaceHit;
  /** The character right after the hit (市场 after 中山市 is not the city). */
  next: string;
  /** Weight of the position (title, author line, body, furniture). */
  weight: number;
  /** Title or author line: names the document's own place. */
  anchor: boolean;
  /** Title, author line or page top: enough to trust a unique county name alone. */
  strong: boolean;
  /** Index of the paragraph it was found in (-1 for the author record). */
  block: number;
  /** The evidence, computed only for accepted mentions (columns cost a scan of the line). */
  at: () => Evidence;
  /** Read from the author record, not from a span of the page: its evidence is the author's. */
  detached?: boolean;
}

export interface Mention {
  division: Division;
  alias: Alias;
  weight: number;
  anchor: boolean;
  strong: boolean;
  block: number;
  evidence: Evidence;
  detached: boolean;
}

const KIND_FACTOR = { full: 1, suffixed: 1, short: 0.8 } as const;

/** A full name ending in 市 followed by 场 is the word 市场 (中山市场, 东方市场). */
function marketTrap(o: Occurrence): boolean {
  return o.hit.text.endsWith('市') && o.next === '场';
}

function mention(o: Occurrence, alias: Alias): Mention {
  return { division: alias.division, alias, weight: o.weight * KIND_FACTOR[alias.kind], anchor: o.anchor, strong: o.strong, block: o.block, evidence: o.at(), detached: o.detached === true };
}

export function resolveMentions(occurrences: readonly Occurrence[]): Mention[] {
  const out: (Mention | null)[] = occurrences.map(() => null);
  const provinces = new Set<Division>();
  const prefectures = new Set<Division>();
  const counties = new Set<Division>();
  const accept = (i: number, alias: Alias): void => {
    out[i] = mention(occurrences[i]!, alias);
    const d = alias.division;
    provinces.add(d.province);
    if (d.level === 'prefecture') prefectures.add(d);
    if (d.prefecture) prefectures.add(d.prefecture);
    if (d.level === 'county') counties.add(d);
  };
  const levelOf = (o: Occurrence, level: Division['level']): Alias[] => o.hit.candidates.filter((a) => a.division.level === level);

  // A province's short name that is also a prefecture's elsewhere (海南: 海南省 or 青海's
  // 海南藏族自治州) is read once the unambiguous names are in.
  const elsewhere = (o: Occurrence, province: Alias): Alias[] =>
    levelOf(o, 'prefecture').filter((a) => a.division.province !== province.division);
  const deferred: number[] = [];

  // 1. Certain by themselves: provinces, official prefecture names, 州 forms, long short names.
  occurrences.forEach((o, i) => {
    const province = levelOf(o, 'province')[0];
    if (province && elsewhere(o, province).length > 0) return void deferred.push(i);
    if (province) return accept(i, province);
    const prefs = levelOf(o, 'prefecture');
    if (prefs.length !== 1) return;
    const p = prefs[0]!;
    if (p.kind !== 'short' && !marketTrap(o)) return accept(i, p);
    if (p.kind === 'short' && p.text.length >= 3) accept(i, p);
  });

  // The prefecture reading wins when the text names its province and not the other one
  // (海南 in a 青海 report); otherwise the province.
  const named = new Set(provinces);
  for (const i of deferred) {
    const o = occurrences[i]!;
    const province = levelOf(o, 'province')[0]!;
    const other = elsewhere(o, province).filter((a) => named.has(a.division.province));
    if (other.length === 1 && !named.has(province.division)) accept(i, other[0]!);
    else accept(i, province);
  }

  // 2. Two-character prefecture short names, when the province or the prefecture is named.
  occurrences.forEach((o, i) => {
    if (out[i]) return;
    const prefs = levelOf(o, 'prefecture');
    if (prefs.length !== 1) return;
    const p = prefs[0]!;
    if (provinces.has(p.division.province) || prefectures.has(p.division)) accept(i, p);
  });

  // 3. County full names: unique and strong, or parents named; ambiguous ones need parents.
  const parentNamed = (d: Division): boolean => (d.prefecture !== null && prefectures.has(d.prefecture)) || provinces.has(d.province);
  occurrences.forEach((o, i) => {
    if (out[i]) return;
    const full = levelOf(o, 'county').filter((a) => a.kind !== 'short');
    if (full.length === 0 || marketTrap(o)) return;
    if (full.length === 1) {
      const c = full[0]!;
      const generic = c.division.name.length <= 2; // 城区, 郊区, 矿区
      if (parentNamed(c.division) || (o.strong && !generic)) accept(i, c);
      return;
    }
    const byPrefecture = full.filter((a) => a.division.prefecture !== null && prefectures.has(a.division.prefecture));
    const pick = byPrefecture.length === 1 ? byPrefecture : full.filter((a) => provinces.has(a.division.province));
    if (pick.length === 1) accept(i, pick[0]!);
  });

  // 4. Short names of counties the text has named in full (万载 after 万载县).
  occurrences.forEach((o, i) => {
    if (out[i]) return;
    const c = o.hit.candidates.find((a) => a.division.level === 'county' && counties.has(a.division));
    if (c) accept(i, c);
  });

  return out.filter((m): m is Mention => m !== null);
}
