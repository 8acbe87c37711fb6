// One Aho–Corasick automaton over every alias of every division, built once per process.
// Leftmost-longest selection is what keeps substrings from inventing places: in 青海西宁 the
// match 青海 starts first, so 海西 (海西州) never gets a chance; 迪庆藏族自治州 beats 迪庆.
//
// The selection is that of @monyone/aho-corasick's greedy variant (which this module used
// before, and which test/detect-region.test.ts still checks it against): a node that ends an
// alias fails straight back to the root, a node that does not reports the alias its failure
// link ends (if any), and a hit that starts no later than the hit before it replaces it. That
// package keeps a Map per trie node keyed by one-character strings, which made this matcher
// the costliest step of region detection (~1 ms for a 20 KB page); here the same automaton
// lives in typed arrays: a bitmap of the units any alias uses (the other half of a text's
// characters go straight back to the root), the root's transitions as a direct table over
// UTF-16 units, and every other node's few transitions as a sorted run of units.
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

interface Automaton {
  /** Child of the root for each UTF-16 unit, or 0. */
  rootNext: Int32Array;
  /** 1 for a unit that some node below the root has a transition on (others lead to the root). */
  inner: Uint8Array;
  /** Bitmap of the units in any alias (8 KB, stays in the CPU cache): others reset to the root. */
  used: Int32Array;
  /** The other transitions: node n's children are childUnit/childNode[first[n] .. first[n+1]),
   *  sorted by unit (most nodes have one to three; the array stays in the CPU cache). */
  first: Int32Array;
  childUnit: Uint16Array;
  childNode: Int32Array;
  /** Failure link of each node (the root is node 0 and has none). */
  fail: Int32Array;
  /** The alias text a node reports (index into `texts`), or -1. */
  output: Int32Array;
  texts: string[];
  candidates: Alias[][];
}

interface Built {
  automaton: Automaton;
  byText: Map<string, Alias[]>;
  patterns: number;
  buildMs: number;
}

let built: Built | null = null;

function compile(texts: string[], byText: Map<string, Alias[]>): Automaton {
  // The trie, with transitions in a Map while building (nodes are numbered in creation order).
  const edges = new Map<number, number>();
  const parent: number[] = [-1];
  const via: number[] = [-1];
  const own: number[] = [-1];
  for (let t = 0; t < texts.length; t += 1) {
    const text = texts[t]!;
    let node = 0;
    for (let i = 0; i < text.length; i += 1) {
      const key = node * 0x10000 + text.charCodeAt(i);
      let next = edges.get(key);
      if (next === undefined) {
        next = parent.length;
        parent.push(node);
        via.push(text.charCodeAt(i));
        own.push(-1);
        edges.set(key, next);
      }
      node = next;
    }
    own[node] = t;
  }
  const count = parent.length;
  const rootNext = new Int32Array(0x10000);
  const inner = new Uint8Array(0x10000);
  const used = new Int32Array(0x10000 / 32);
  const children: number[][] = Array.from({ length: count }, () => []);
  for (const [key, child] of edges) {
    const node = Math.floor(key / 0x10000);
    const unit = key % 0x10000;
    children[node]!.push(child);
    used[unit >> 5]! |= 1 << (unit & 31);
    if (node === 0) rootNext[unit] = child;
    else inner[unit] = 1;
  }
  const first = new Int32Array(count + 1);
  const childUnit = new Uint16Array(edges.size);
  const childNode = new Int32Array(edges.size);
  let at = 0;
  for (let node = 0; node < count; node += 1) {
    first[node] = at;
    if (node === 0) continue; // the root's transitions are the direct table
    for (const child of [...children[node]!].sort((x, y) => via[x]! - via[y]!)) {
      childUnit[at] = via[child]!;
      childNode[at] = child;
      at += 1;
    }
  }
  first[count] = at;
  const go = (node: number, unit: number): number => (node === 0 ? rootNext[unit]! : edges.get(node * 0x10000 + unit) ?? 0);

  // Failure links and outputs, breadth first (a node's failure is shallower, so done first).
  const fail = new Int32Array(count);
  const output = new Int32Array(count).fill(-1);
  const queue: number[] = [...children[0]!];
  for (let q = 0; q < queue.length; q += 1) {
    const node = queue[q]!;
    if (own[node]! >= 0) {
      output[node] = own[node]!;
      fail[node] = 0;
    } else {
      const unit = via[node]!;
      let f = parent[node] === 0 ? -1 : fail[parent[node]!]!;
      while (f >= 0 && go(f, unit) === 0) f = f === 0 ? -1 : fail[f]!;
      const target = f >= 0 ? go(f, unit) : 0;
      fail[node] = target;
      output[node] = output[target]!;
    }
    for (const c of children[node]!) queue.push(c);
  }
  return { rootNext, inner, used, first, childUnit, childNode, fail, output, texts, candidates: texts.map((t) => byText.get(t)!) };
}

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
  const automaton = compile(texts, byText);
  return { automaton, byText, patterns: texts.length, buildMs: performance.now() - t0 };
}

function get(): Built {
  built ??= build();
  return built;
}

/** Non-overlapping place-name hits in `text`, leftmost-longest. */
export function findPlaces(text: string): PlaceHit[] {
  if (text === '') return [];
  const { rootNext, inner, used, first, childUnit, childNode, fail, output, texts, candidates } = get().automaton;
  // Hits as a stack of parallel numbers: begin, end, alias.
  const stack: number[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if ((used[unit >> 5]! & (1 << (unit & 31))) === 0) {
      state = 0;
      continue;
    }
    // Follow failure links until a transition exists (the root's table always answers).
    if (inner[unit] === 0) state = 0;
    for (;;) {
      if (state === 0) {
        state = rootNext[unit]!;
        break;
      }
      let to = 0;
      for (let j = first[state]!, end = first[state + 1]!; j < end; j += 1) {
        const u = childUnit[j]!;
        if (u < unit) continue;
        if (u === unit) to = childNode[j]!;
        break;
      }
      if (to !== 0) {
        state = to;
        break;
      }
      state = fail[state]!;
    }
    if (state === 0) continue;
    const out = output[state]!;
    if (out < 0) continue;
    const end = i + 1;
    const begin = end - texts[out]!.length;
    // A hit that starts no later than the one before it replaces it; one that starts inside it is dropped.
    for (;;) {
      const top = stack.length - 3;
      if (top < 0 || stack[top + 1]! <= begin) {
        stack.push(begin, end, out);
        break;
      }
      if (begin > stack[top]!) break;
      stack.length = top;
    }
  }
  const hits: PlaceHit[] = [];
  for (let k = 0; k < stack.length; k += 3) {
    const out = stack[k + 2]!;
    hits.push({ start: stack[k]!, end: stack[k + 1]!, text: texts[out]!, candidates: candidates[out]! });
  }
  return hits;
}

/** Size and build time of the automaton (for the benchmark and the README). */
export function matcherStats(): { patterns: number; buildMs: number } {
  const b = get();
  return { patterns: b.patterns, buildMs: b.buildMs };
}
