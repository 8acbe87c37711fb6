// An open-addressing hash table from 64-bit keys (two int32 halves) to a first index and a
// count, on one typed array: the n-gram rules insert one key per character, and a Map with
// non-small-integer keys allocates a heap number for each (most of their time went to GC).
// A slot's fields sit side by side (one cache line per probe), and one table is reused for
// every n and every file: `reset` empties it by bumping a generation stamp instead of
// allocating and zeroing it each time.
const STRIDE = 4; // stamp, key high, key low, count
export class KeyTable {
  private cells = new Int32Array(0);
  /** First index inserted per slot. */
  first = new Int32Array(0);
  private mask = 0;
  private shift = 28;
  private stamp = 0;

  /** Empties the table, sized for `expected` keys (grown when needed; a huge table left by a huge file is dropped). */
  reset(expected: number): void {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    if (cap > this.first.length || (this.first.length > 1 << 20 && cap * 8 < this.first.length)) {
      this.cells = new Int32Array(cap * STRIDE);
      this.first = new Int32Array(cap);
      this.stamp = 0;
    }
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.stamp += 1;
  }

  /** The slot of key (a, b), inserting it (count 0, first = `index`) when absent. */
  slot(a: number, b: number, index: number): number {
    const cells = this.cells;
    // Multiplicative hashing: the high bits of the product mix every bit of the key.
    let s = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
    for (;;) {
      const c = s * STRIDE;
      if (cells[c] !== this.stamp) {
        cells[c] = this.stamp;
        cells[c + 1] = a;
        cells[c + 2] = b;
        cells[c + 3] = 0;
        this.first[s] = index;
        return s;
      }
      if (cells[c + 1] === a && cells[c + 2] === b) return s;
      s = (s + 1) & this.mask;
    }
  }

  /** Adds one to the count of slot s and returns the new count. */
  increment(s: number): number {
    return (this.cells[s * STRIDE + 3]! += 1);
  }
}
