// One Aho–Corasick automaton over every alias of every division, built once per process.
// Leftmost-longest selection is what keeps substrings from inventing places: in 青海西宁 the
// match 青海 starts first, so 海西 (海西州) never gets a chance; 迪庆藏族自治州 beats 迪庆.
import AhoCorasick from 'modern-ahocorasick';
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
  matcher: AhoCorasick<Alias[]>;
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
  const matcher = new AhoCorasick<Alias[]>(texts.map((text) => ({ pattern: text, data: byText.get(text)! })));
  return { matcher, patterns: texts.length, buildMs: performance.now() - t0 };
}

function get(): Built {
  built ??= build();
  return built;
}

/** Non-overlapping place-name hits in `text`, leftmost-longest. */
export function findPlaces(text: string): PlaceHit[] {
  if (text === '') return [];
  return get()
    .matcher.search(text, { strategy: 'leftmost-longest' })
    .map((m) => ({ start: m.start, end: m.end, text: m.pattern, candidates: m.data as Alias[] }));
}

/** Size and build time of the automaton (for the benchmark and the README). */
export function matcherStats(): { patterns: number; buildMs: number } {
  const b = get();
  return { patterns: b.patterns, buildMs: b.buildMs };
}
