// Resolves a region written by hand (an INDEX.md cell: `云南省 迪庆藏族自治州`, `迪庆`, `徐州`,
// `江西省宜春市万载县`, `national`, `全国`) to official names and codes. A cell is a place by
// definition, so short names count without corroboration; but every part must be a known
// name, the parts must nest (徐州 under 江苏), and an ambiguous name (朝阳区) resolves only
// with a parent in the cell.
import type { Place } from '../types.js';
import { within, type Division } from './region-data.js';
import { findPlaces } from './region-matcher.js';

export interface ResolvedRegion {
  province: Place | null;
  prefecture: Place | null;
  county: Place | null;
  national: boolean;
}

const NATIONAL = /^(?:national|nationwide|全国|中国|全国性|国家)$/iu;
/** What may stand between the parts of a cell. */
const SEPARATORS = /^[\s\u3000/／、,，·•>＞\-–—|｜()（）]*$/u;
const DEPTH = { province: 0, prefecture: 1, county: 2 } as const;

function place(d: Division | null): Place | null {
  return d ? { name: d.name, code: d.code } : null;
}

export function resolveRegionName(text: string): ResolvedRegion | null {
  const cell = text.normalize('NFKC').trim();
  if (cell === '') return null;
  if (NATIONAL.test(cell)) return { province: null, prefecture: null, county: null, national: true };

  const hits = findPlaces(cell);
  if (hits.length === 0) return null;
  // Every character outside the hits must be a separator: `徐州 路` is not a place.
  let at = 0;
  for (const h of hits) {
    if (!SEPARATORS.test(cell.slice(at, h.start))) return null;
    at = h.end;
  }
  if (!SEPARATORS.test(cell.slice(at))) return null;

  // Each part's readings, tried from the most general level down (吉林 is the province, 红河
  // the prefecture rather than 红河县, but 北京 朝阳 is 朝阳区), keeping those that nest with
  // some reading of every other part.
  const parts = hits.map((h) => h.candidates.map((a) => a.division));
  const chosen: Division[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const others = parts.filter((_, j) => j !== i);
    const fits = parts[i]!.filter((d) => others.every((o) => o.some((e) => within(d, e) || within(e, d))));
    const level = Math.min(...fits.map((d) => DEPTH[d.level]));
    const atLevel = fits.filter((d) => DEPTH[d.level] === level);
    if (atLevel.length !== 1) return null;
    chosen.push(atLevel[0]!);
  }
  chosen.sort((a, b) => DEPTH[b.level] - DEPTH[a.level]);
  const deepest = chosen[0]!;
  return {
    province: place(deepest.province),
    prefecture: place(deepest.level === 'prefecture' ? deepest : deepest.prefecture),
    county: place(deepest.level === 'county' ? deepest : null),
    national: false,
  };
}
