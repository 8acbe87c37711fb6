// An open-addressing hash table from 64-bit keys (two int32 halves) to a first index and a
// count, on typed arrays: the n-gram rules insert one key per character, and a Map with
// non-small-integer keys allocates a heap number for each (most of their time went to GC).
export class KeyTable {
  private readonly hi: Int32Array;
  private readonly lo: Int32Array;
  private readonly used: Uint8Array;
  readonly first: Int32Array;
  readonly count: Int32Array;
  private readonly mask: number;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.hi = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.first = new Int32Array(cap);
    this.count = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** The slot of key (a, b), inserting it (count 0, first = `index`) when absent. */
  slot(a: number, b: number, index: number): number {
    let s = (Math.imul(a, 0x9e3779b1) ^ b) & this.mask;
    for (;;) {
      if (this.used[s] === 0) {
        this.used[s] = 1;
        this.hi[s] = a;
        this.lo[s] = b;
        this.first[s] = index;
        return s;
      }
      if (this.hi[s] === a && this.lo[s] === b) return s;
      s = (s + 1) & this.mask;
    }
  }

  /** The occupied slot with the highest count (ties: the earliest first index), or -1. */
  mostFrequent(): number {
    let best = -1;
    for (let s = 0; s <= this.mask; s += 1) {
      if (this.used[s] === 0) continue;
      if (best < 0 || this.count[s]! > this.count[best]! || (this.count[s] === this.count[best] && this.first[s]! < this.first[best]!)) best = s;
    }
    return best;
  }
}
