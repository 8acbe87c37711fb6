// Region of a document: the place it is about, resolved to official names and GB/T 2260
// codes, or `national` for a national subject, or null when the text names no place.
//
// 1. The text is scanned once with the alias automaton (region-matcher); each hit is
//    weighed by where it stands (region-zones) and kept only when certain or corroborated
//    (region-mentions).
// 2. The title and the author's line decide when they name a place (the document says where
//    it is from); else a national subject in the title or page top makes it `national`; else
//    the body decides by weight: the heaviest province, then a prefecture (and a county) only
//    when one dominates its siblings and is a real share of the province's own mentions, so
//    a provincial report that names its cities stays at the province.
import { cleanText, evidenceIn, type Page, type PageLine } from '../page.js';
import type { AuthorField, Evidence, Place, PlaceMention, RegionField, SourceTypeField, TitleField } from '../types.js';
import { within, type Division } from './region-data.js';
import { findPlaces, type PlaceHit } from './region-matcher.js';
import { resolveMentions, type Mention, type Occurrence } from './region-mentions.js';
import { nationalCues, type NationalCue } from './region-national.js';
import { ANCHOR_WEIGHT, isSiteFurniture, zonesOf, type Zone } from './region-zones.js';

export { resolveRegionName } from './region-resolve.js';

export interface RegionContext {
  title: TitleField | null;
  author: AuthorField | null;
  sourceType: SourceTypeField | null;
}

/** National cue weights: a strong cue in the body outweighs a few passing place names. */
const CUE_WEIGHT = { strong: 3, body: 0.3, weak: 0.2 } as const;
/** A child unit must hold this share of its siblings' weight… */
const CHILD_SHARE = 0.6;
/** …and this fraction of its parent's own mentions (a report naming its capital stays provincial). */
const CHILD_VS_PARENT = 0.3;
/** …and at least this much weight (two body mentions, or one in the page top). */
const CHILD_MIN = 1.5;
/** The heaviest province must hold this share of all place weight to be the region… */
const PROVINCE_SHARE = 0.5;
/** …and outweigh the runner-up by this factor (two provinces named alike decide nothing). */
const PROVINCE_LEAD = 1.5;
/** Body-only evidence below this weight (one passing name, a dateline) decides nothing. */
const MIN_REGION = 2;
const MAX_MENTIONS = 20;
/** A news dateline (新华社北京6月11日电): where the dispatch was filed, not what it is about. */
const DATELINE_AFTER = /^\s?\d{1,2}月\d{1,2}日(?:电|讯)/u;
const DATELINE_FACTOR = 0.25;
/** A place cited as an example (借鉴浙江经验, 学习徐州的做法, 枫桥经验 from 浙江诸暨): another
 *  place's model, not the text's own place. */
const EXAMPLE_BEFORE = /(?:借鉴|学习|参照|效仿|比如|例如|如)$/u;
const EXAMPLE_AFTER = /^[^，。；！？,;!?\s]{0,6}?(?:经验|模式|做法|样板)/u;
const EXAMPLE_FACTOR = 0.3;

interface Cue {
  weight: number;
  /** A national subject, not a passing word. */
  strong: boolean;
  /** Found in the title, the author or the page top. */
  top: boolean;
  /** Position in the page text (-1 for the author record), for a stable order. */
  order: number;
  at: () => Evidence;
}

interface Scan {
  mentions: Mention[];
  cues: Cue[];
}

function scan(page: Page, ctx: RegionContext): Scan {
  const occurrences: Occurrence[] = [];
  const cues: Cue[] = [];
  const anchorLines = new Set<number>();
  const add = (line: PageLine, index: number, text: string, zone: Zone, block: number, hits: readonly PlaceHit[], found: readonly NationalCue[]): void => {
    if (zone.anchor) anchorLines.add(line.no);
    for (const hit of hits) {
      const dateline = DATELINE_AFTER.test(text.slice(hit.end, hit.end + 8));
      const example = EXAMPLE_BEFORE.test(text.slice(Math.max(0, hit.start - 2), hit.start)) || EXAMPLE_AFTER.test(text.slice(hit.end, hit.end + 10));
      occurrences.push({
        hit,
        next: text.charAt(hit.end),
        weight: zone.weight * (dateline ? DATELINE_FACTOR : 1) * (example && !zone.anchor ? EXAMPLE_FACTOR : 1),
        anchor: zone.anchor,
        strong: zone.strong,
        block,
        at: () => evidenceIn(line, index + hit.start, hit.text),
      });
    }
    for (const cue of found) {
      // A national body named in the title or page top is the subject; in the body, in passing.
      // A title that opens with 全国 (全国公安机关开展…行动) has a national subject.
      const opensTitle = zone.anchor && cue.index === 0 && cue.text === '全国';
      const strong = cue.strength === 'strong' || (cue.strength === 'body' && zone.strong) || opensTitle;
      const weight = strong ? CUE_WEIGHT.strong * Math.max(1, zone.weight) : CUE_WEIGHT[cue.strength] * zone.weight;
      cues.push({ weight, strong, top: strong && zone.strong, order: line.offset + index + cue.index, at: () => evidenceIn(line, index + cue.index, cue.text) });
    }
  };
  const zones = zonesOf(page, ctx.title);
  // One pass of the automaton and of the cue patterns over the whole text: names and cues
  // hold no whitespace and blocks are separated by whitespace, so each match lies within one
  // block, and the matches are those a block-by-block scan finds.
  const hits = findPlaces(page.text);
  const allCues = nationalCues(page.text);
  let h = 0;
  let c = 0;
  page.blocks.forEach((b, i) => {
    const line = page.lines[b.line - 1]!;
    const start = line.offset + b.index;
    while (h < hits.length && hits[h]!.start < start) h += 1;
    while (c < allCues.length && allCues[c]!.index < start) c += 1;
    const zone = zones[i]!;
    if (zone.weight === 0) return;
    const end = start + b.text.length;
    const inBlock: PlaceHit[] = [];
    for (; h < hits.length && hits[h]!.end <= end; h += 1) {
      const hit = hits[h]!;
      inBlock.push({ start: hit.start - start, end: hit.end - start, text: hit.text, candidates: hit.candidates });
    }
    const cuesIn: NationalCue[] = [];
    for (; c < allCues.length && allCues[c]!.index + allCues[c]!.text.length <= end; c += 1) {
      const cue = allCues[c]!;
      cuesIn.push({ index: cue.index - start, text: cue.text, strength: cue.strength });
    }
    add(line, b.index, b.text, zone, i, inBlock, cuesIn);
  });
  // The author's affiliation (or an issuing body's name) when it sits on a line not
  // already read as an author line.
  const author = ctx.author;
  const authorLine = author ? page.lines[author.evidence.line - 1] : undefined;
  // An author read off the site's own name (南昌市人民政府 atop a reposted bulletin) is the host.
  if (author && authorLine && !anchorLines.has(authorLine.no) && !isSiteFurniture(cleanText(authorLine.text))) {
    const line = authorLine;
    for (const text of [author.affiliation, author.organisation ? author.name : null]) {
      if (!text) continue;
      const at = line.text.indexOf(text);
      const zone: Zone = { weight: ANCHOR_WEIGHT, anchor: true, strong: true };
      if (at >= 0) add(line, at, text, zone, -1, findPlaces(text), nationalCues(text));
      else addDetached(text, author.evidence, zone, occurrences, cues);
    }
  }
  return { mentions: resolveMentions(occurrences), cues };
}

/** Author text that is not printed verbatim on its evidence line: evidence is the author's. */
function addDetached(text: string, evidence: Evidence, zone: Zone, occurrences: Occurrence[], cues: Cue[]): void {
  for (const hit of findPlaces(text)) {
    occurrences.push({ hit, next: text.charAt(hit.end), weight: zone.weight, anchor: true, strong: true, block: -1, at: () => evidence, detached: true });
  }
  for (const cue of nationalCues(text)) {
    if (cue.strength !== 'weak') cues.push({ weight: CUE_WEIGHT.strong * ANCHOR_WEIGHT, strong: true, top: true, order: -1, at: () => evidence });
  }
}

interface Tally {
  division: Division;
  count: number;
  weight: number;
  anchorWeight: number;
  evidence: Evidence;
  bestWeight: number;
  detached: boolean;
}

function tally(mentions: readonly Mention[]): Map<Division, Tally> {
  const out = new Map<Division, Tally>();
  for (const m of mentions) {
    const t = out.get(m.division);
    if (!t) {
      out.set(m.division, { division: m.division, count: 1, weight: m.weight, anchorWeight: m.anchor ? m.weight : 0, evidence: m.evidence, bestWeight: m.weight, detached: m.detached });
      continue;
    }
    t.count += 1;
    t.weight += m.weight;
    if (m.anchor) t.anchorWeight += m.weight;
    // Evidence is the heaviest span of the page itself; the author record's only as a last resort.
    if ((m.weight > t.bestWeight && !m.detached) || (t.detached && !m.detached)) {
      t.bestWeight = m.weight;
      t.evidence = m.evidence;
      t.detached = m.detached;
    }
  }
  return out;
}

const byCode = (a: Division, b: Division): number => (a.code6 < b.code6 ? -1 : a.code6 > b.code6 ? 1 : 0);

/** Sum of `pick(t)` over the tallies of divisions inside `area`. */
function sumWithin(tallies: Map<Division, Tally>, area: Division, pick: (t: Tally) => number): number {
  let s = 0;
  for (const t of tallies.values()) if (within(t.division, area)) s += pick(t);
  return s;
}

/** The direct children of a unit that the text mentions (counties directly under a province count). */
function mentionedChildren(tallies: Map<Division, Tally>, parent: Division): Division[] {
  const set = new Set<Division>();
  for (const t of tallies.values()) {
    const d = t.division;
    if (d === parent || !within(d, parent)) continue;
    if (parent.level === 'province') set.add(d.prefecture ?? d);
    else if (d.level === 'county') set.add(d);
  }
  return [...set].sort(byCode);
}

/** The child that dominates its siblings and is a real share of the parent's own mentions. */
function dominantChild(tallies: Map<Division, Tally>, parent: Division, pick: (t: Tally) => number): Division | null {
  if (parent.level === 'county') return null;
  const children = mentionedChildren(tallies, parent);
  if (children.length === 0) return null;
  const scores = children.map((c) => ({ c, s: sumWithin(tallies, c, pick) }));
  scores.sort((a, b) => b.s - a.s || byCode(a.c, b.c));
  const best = scores[0]!;
  const siblings = scores.reduce((s, x) => s + x.s, 0);
  const own = tallies.get(parent) ? pick(tallies.get(parent)!) : 0;
  if (best.s < CHILD_MIN || best.s < CHILD_SHARE * siblings || best.s < CHILD_VS_PARENT * own) return null;
  return best.c;
}

function place(d: Division | null): Place | null {
  return d ? { name: d.name, code: d.code } : null;
}

function mentionList(tallies: Map<Division, Tally>): PlaceMention[] {
  return [...tallies.values()]
    .sort((a, b) => b.weight - a.weight || byCode(a.division, b.division))
    .slice(0, MAX_MENTIONS)
    .map((t) => ({ name: t.division.name, code: t.division.code, level: t.division.level, count: t.count, weight: Math.round(t.weight * 100) / 100, evidence: t.evidence }));
}

/** The evidence of the weightiest single mention inside `area` (the unit itself may not be named). */
function evidenceWithin(tallies: Map<Division, Tally>, area: Division): Evidence {
  const inside = [...tallies.values()].filter((t) => within(t.division, area));
  inside.sort((a, b) => Number(b.division === area) - Number(a.division === area) || b.bestWeight - a.bestWeight || byCode(a.division, b.division));
  return inside[0]!.evidence;
}

function regionOf(d: Division, tallies: Map<Division, Tally>, confidence: number): RegionField {
  return {
    scope: d.level,
    province: place(d.province),
    prefecture: place(d.level === 'prefecture' ? d : d.prefecture),
    county: place(d.level === 'county' ? d : null),
    confidence: Math.round(confidence * 100) / 100,
    evidence: evidenceWithin(tallies, d),
    mentions: mentionList(tallies),
  };
}

function national(cue: Cue, tallies: Map<Division, Tally>, confidence: number): RegionField {
  return { scope: 'national', province: null, prefecture: null, county: null, confidence, evidence: cue.at(), mentions: mentionList(tallies) };
}

/** The most specific unit, walking down from the province while one child dominates. */
function drillDown(tallies: Map<Division, Tally>, province: Division, pick: (t: Tally) => number): Division {
  let unit = province;
  for (let child = dominantChild(tallies, unit, pick); child; child = dominantChild(tallies, unit, pick)) unit = child;
  return unit;
}

function heaviest(tallies: Map<Division, Tally>, pick: (t: Tally) => number): { province: Division; score: number; second: number; total: number } | null {
  const scores = new Map<Division, number>();
  let total = 0;
  for (const t of tallies.values()) {
    const v = pick(t);
    if (v <= 0) continue;
    scores.set(t.division.province, (scores.get(t.division.province) ?? 0) + v);
    total += v;
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]));
  const top = ranked[0];
  return top ? { province: top[0], score: top[1], second: ranked[1]?.[1] ?? 0, total } : null;
}

/** A province read from the body needs two paragraphs naming it, or one in the page top:
 *  a single photo caption (上海市黄浦区…) in an article about something else is not enough. */
function corroborated(mentions: readonly Mention[], province: Division): boolean {
  const blocks = new Set<number>();
  for (const m of mentions) {
    if (m.division.province !== province) continue;
    if (m.strong) return true;
    blocks.add(m.block);
  }
  return blocks.size >= 2;
}

/** The place the title or the author's line names, most specific first. */
function fromAnchors(tallies: Map<Division, Tally>): Division | null {
  const anchored = heaviest(tallies, (t) => t.anchorWeight);
  if (!anchored) return null;
  const inProvince = [...tallies.values()].filter((t) => t.anchorWeight > 0 && t.division.province === anchored.province);
  const depth = { province: 0, prefecture: 1, county: 2 } as const;
  inProvince.sort((a, b) => depth[b.division.level] - depth[a.division.level] || b.anchorWeight - a.anchorWeight || byCode(a.division, b.division));
  return inProvince[0]!.division;
}

export function detectRegion(page: Page, ctx: RegionContext): RegionField | null {
  if (cleanText(page.text) === '') return null;
  const { mentions, cues } = scan(page, ctx);
  const tallies = tally(mentions);
  const strongCues = cues.filter((c) => c.strong).sort((a, b) => b.weight - a.weight || a.order - b.order);
  const nationalScore = cues.reduce((s, c) => s + c.weight, 0);

  const anchor = fromAnchors(tallies);
  if (anchor) return regionOf(anchor, tallies, 0.9);
  // A national subject in the title, the author or the page top.
  const topCue = strongCues.find((c) => c.top);
  if (topCue) return national(topCue, tallies, 0.85);

  const best = heaviest(tallies, (t) => t.weight);
  if (!best || best.score < MIN_REGION || !corroborated(mentions, best.province)) {
    const cue = strongCues[0];
    return cue ? national(cue, tallies, 0.7) : null;
  }
  const strongest = strongCues[0];
  if (strongest && nationalScore >= best.score) return national(strongest, tallies, 0.7);
  if (best.score < PROVINCE_SHARE * best.total || best.score < PROVINCE_LEAD * best.second) return strongest ? national(strongest, tallies, 0.55) : null;
  const unit = drillDown(tallies, best.province, (t) => t.weight);
  const share = best.score / best.total;
  return regionOf(unit, tallies, 0.4 + 0.4 * share);
}
