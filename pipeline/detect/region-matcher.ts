// One Aho–Corasick automaton over every alias of every division, built once per process.
// Leftmost-longest selection is what keeps substrings from inventing places: in 青海西宁 the
// match 青海 starts first, so 海西 (海西州) never gets a chance; 迪庆藏族自治州 beats 迪庆.
// @monyone/aho-corasick's greedy variant does exactly that selection (~100 ms to build,
// ~0.15 s per MB of text on the dev machine).
import { AhoCorasick } from '@monyone/aho-corasick/greedy';
import { aliasesOf, type Alias } from './region-aliases.js';
import { divisions } from './region-data.js';

export interface PlaceHit {
  /** UTF-16 offsets into the searched text. */
  start: number;
  end: number;
  text: string;
  /** Every division this string can name (朝阳区 → two counties; 吉林 → province and prefecture). */
  candidates: Alias[];
}

interface Built {
  matcher: AhoCorasick;
  byText: Map<string, Alias[]>;
  patterns: number;
  buildMs: number;
}

let built: Built | null = null;

function build(): Built {
  const t0 = performance.now();
  const byText = new Map<string, Alias[]>();
  for (const d of divisions().all) {
    for (const a of aliasesOf(d)) {
      const list = byText.get(a.text);
      if (list) list.push(a);
      else byText.set(a.text, [a]);
    }
  }
  const texts = [...byText.keys()].sort();
  const matcher = new AhoCorasick(texts);
  return { matcher, byText, patterns: texts.length, buildMs: performance.now() - t0 };
}

function get(): Built {
  built ??= build();
  return built;
}

/** Non-overlapping place-name hits in `text`, leftmost-longest. */
export function findPlaces(text: string): PlaceHit[] {
  if (text === '') return [];
  const { matcher, byText } = get();
  return matcher.matchInText(text).map((m) => ({ start: m.begin, end: m.end, text: m.keyword, candidates: byText.get(m.keyword)! }));
}

/** Size and build time of the automaton (for the benchmark and the README). */
export function matcherStats(): { patterns: number; buildMs: number } {
  const b = get();
  return { patterns: b.patterns, buildMs: b.buildMs };
}
