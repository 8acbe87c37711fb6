// An open-addressing hash table from numeric keys (non-negative, < 2^53) to a first index
// and a count, on typed arrays: the n-gram rules insert one key per character, and a Map
// with non-small-integer keys allocates a heap number for each (most of their time was GC).
export class KeyTable {
  private readonly keys: Float64Array;
  readonly first: Int32Array;
  readonly count: Int32Array;
  private readonly mask: number;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(-1);
    this.first = new Int32Array(cap);
    this.count = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** The slot of `key`, inserting it (count 0, first = `index`) when absent. */
  slot(key: number, index: number): number {
    // Split into two int32 halves with float arithmetic (`>>> 0` on a double above 2^32 takes
    // V8's slow path), then mix them so keys differing in one half spread out.
    const hi = Math.floor(key * (1 / 67108864));
    const lo = key - hi * 67108864;
    let s = (Math.imul(hi | 0, 0x9e3779b1) ^ Math.imul(lo | 0, 0x85ebca6b)) & this.mask;
    for (;;) {
      const k = this.keys[s]!;
      if (k === key) return s;
      if (k === -1) {
        this.keys[s] = key;
        this.first[s] = index;
        return s;
      }
      s = (s + 1) & this.mask;
    }
  }

  /** Every occupied slot. */
  *slots(): Generator<number> {
    for (let s = 0; s <= this.mask; s += 1) if (this.keys[s] !== -1) yield s;
  }
}
