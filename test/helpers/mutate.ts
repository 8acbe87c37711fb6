// Seeded mutations of a corpus for the fuzz test: byte-level damage to seed files (bit flips,
// truncation, splices, NULs, CRs, invalid UTF-8, BOMs, other encodings, hostile text),
// corpus-level changes (files deleted, duplicated, renamed) and INDEX.md damage (lines
// dropped, doubled or swapped, broken pipes and front matter, alias bombs, outside links).
import iconv from 'iconv-lite';

export type Corpus = Map<string, Buffer>;

/** mulberry32 (shared with the bench generator): the same sequence on every machine for a given seed. */
export { prng } from '../../scripts/bench/generate-corpus.js';

export class Fuzzer {
  constructor(private readonly rand: () => number) {}

  int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }

  /** Applies 1–4 random mutations to `corpus` in place; returns their descriptions. */
  mutate(corpus: Corpus): string[] {
    const done: string[] = [];
    const n = 1 + this.int(4);
    for (let i = 0; i < n; i += 1) done.push(this.one(corpus));
    return done;
  }

  private one(corpus: Corpus): string {
    const seeds = [...corpus.keys()].filter((k) => k !== 'INDEX.md').sort();
    const r = this.rand();
    if (r < 0.55 && seeds.length > 0) {
      const name = this.pick(seeds);
      const [what, bytes] = this.damage(corpus.get(name)!, corpus);
      corpus.set(name, bytes);
      return `${name}: ${what}`;
    }
    if (r < 0.85 && corpus.has('INDEX.md')) {
      const [what, bytes] = this.damageIndex(corpus.get('INDEX.md')!);
      corpus.set('INDEX.md', bytes);
      return `INDEX.md: ${what}`;
    }
    return this.reshape(corpus, seeds);
  }

  private hostile(): Buffer {
    return Buffer.from(
      this.pick([
        '<script>alert(1)</script>',
        '"><img src=x onerror=alert(1)>',
        '\u001b[31mred\u001b[0m\u001b]0;title\u0007',
        '\u202eevil\u202c\u2066x\u2069',
        '\n::error file=x,line=1::pwned\n',
        '%0A::warning::x',
        '| a | b |',
        '\n---\ncount: 9\n---\n',
        '锟斤拷\uFFFD',
        '２０２２年１月１日',
        '时间：2022-09-11 07:40:25 来源：新闻中心 访问:0',
        '! y1 { b% b4 U: e5 n3 L',
        '\u0000',
        '\r',
        ''.padEnd(3000, '长'),
      ]),
    );
  }

  /** Byte-level damage to one seed file. */
  damage(b: Buffer, corpus: Corpus): [string, Buffer] {
    const at = (): number => this.int(b.length + 1);
    const insert = (bytes: Buffer, p = at()): Buffer => Buffer.concat([b.subarray(0, p), bytes, b.subarray(p)]);
    switch (this.int(13)) {
      case 0: {
        const c = Buffer.from(b);
        const k = 1 + this.int(8);
        for (let i = 0; i < k && c.length > 0; i += 1) {
          const p = this.int(c.length);
          c[p] = c[p]! ^ (1 << this.int(8));
        }
        return [`${k} bit flip(s)`, c];
      }
      case 1: {
        const p = at();
        return [`truncated at ${p}`, b.subarray(0, p)];
      }
      case 2: {
        const other = corpus.size > 0 ? corpus.get(this.pick([...corpus.keys()]))! : b;
        const s = this.int(other.length + 1);
        const e = Math.min(other.length, s + this.int(4096));
        return [`spliced ${e - s} bytes`, insert(other.subarray(s, e))];
      }
      case 3:
        return ['NUL bytes inserted', insert(Buffer.alloc(1 + this.int(3)))];
      case 4: {
        const c = Buffer.from(b.toString('latin1').replace(/\n/gu, () => this.pick(['\n', '\r\n', '\r', '\n\r'])), 'latin1');
        return ['line ends mixed', c];
      }
      case 5:
        return ['invalid UTF-8 inserted', insert(Buffer.from(this.pick([[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe4, 0xb8], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80]])))];
      case 6:
        return ['BOM prepended', Buffer.concat([Buffer.from(this.pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]])), b])];
      case 7: {
        const s = at();
        return ['chunk deleted', Buffer.concat([b.subarray(0, s), b.subarray(s + this.int(2048))])];
      }
      case 8: {
        const s = at();
        const chunk = b.subarray(s, s + this.int(4096));
        return ['chunk repeated', insert(Buffer.concat([chunk, chunk]), s)];
      }
      case 9:
        return ['emptied', Buffer.from(this.pick(['', ' ', '\n\n\n', '\t \r\n']))];
      case 10: {
        const enc = this.pick(['gb18030', 'utf16le', 'utf16be', 'big5', 'latin1']);
        return [`re-encoded as ${enc}`, iconv.encode(b.toString('utf8'), enc)];
      }
      case 11:
        return ['hostile text inserted', insert(this.hostile())];
      default: {
        const k = 1 + this.int(20);
        const c = Buffer.from(b);
        for (let i = 0; i < k && c.length > 0; i += 1) c[this.int(c.length)] = this.int(256);
        return [`${k} random byte(s)`, c];
      }
    }
  }

  /** Damage to INDEX.md: line-level (keeps it mostly parseable) or byte-level. */
  damageIndex(b: Buffer): [string, Buffer] {
    const lines = b.toString('utf8').split('\n');
    const li = (): number => this.int(lines.length);
    const out = (what: string): [string, Buffer] => [what, Buffer.from(lines.join('\n'))];
    switch (this.int(12)) {
      case 0:
        lines.splice(li(), 1);
        return out('line deleted');
      case 1: {
        const i = li();
        lines.splice(i, 0, lines[i]!);
        return out('line doubled');
      }
      case 2: {
        const i = li();
        const j = li();
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        return out('lines swapped');
      }
      case 3: {
        const i = li();
        lines[i] = lines[i]!.replace(this.pick([/\|/u, /\| *$/u, /---/u]), this.pick(['', '||', '\\|', ' ']));
        return out('pipes broken');
      }
      case 4:
        lines.splice(1 + this.int(8), 0, this.pick(['name: dup', 'count: many', 'count: -1', 'count: 1e308', 'a: &a [*a]', 'x: &x {y: *x}', '- stray', ': :', '\t', 'maintainers: {']));
        return out('front matter damaged');
      case 5: {
        const bomb = ['b0: &b0 [x, x, x, x, x, x, x, x, x, x]'];
        for (let k = 1; k < 8; k += 1) bomb.push(`b${k}: &b${k} [${Array(10).fill(`*b${k - 1}`).join(', ')}]`);
        lines.splice(1, 0, ...bomb);
        return out('alias bomb inserted');
      }
      case 6:
        lines.push(this.pick(['| [p](../../etc/passwd) | | | | | |', '| /etc/passwd | | | | | |', '| [x](%2e%2e/%2e%2e/etc/shadow) | | | | | |', '| [q](file:///dev/zero) | | | | | |', '| [r](<../seeds/INDEX.md>) | | | | | |']));
        return out('outside link row added');
      case 7: {
        const i = li();
        lines[i] = `${lines[i]!}${this.hostile().toString('utf8')}`;
        return out('hostile text in a line');
      }
      case 8:
        lines.splice(li(), 0, '| file | title | type | date | author | region |', '| --- | --- | --- | --- | --- | --- |');
        return out('second table header');
      case 9: {
        const p = this.int(b.length + 1);
        return [`truncated at ${p}`, b.subarray(0, p)];
      }
      case 10: {
        const c = Buffer.from(b);
        for (let k = 0; k < 1 + this.int(6); k += 1) if (c.length > 0) c[this.int(c.length)] = this.pick([0, 0xff, 0x0d, 0x7c, 0x2d, 0x60, 0x5b, 0x5d, this.int(256)]);
        return ['bytes damaged', c];
      }
      default:
        return ['re-encoded as gb18030', iconv.encode(b.toString('utf8'), 'gb18030')];
    }
  }

  /** Corpus-level changes: a file deleted, duplicated, renamed, or INDEX.md removed. */
  private reshape(corpus: Corpus, seeds: string[]): string {
    const name = seeds.length > 0 ? this.pick(seeds) : undefined;
    switch (this.int(5)) {
      case 0:
        if (!name) break;
        corpus.delete(name);
        return `${name}: deleted`;
      case 1: {
        if (!name) break;
        const copy = `${String(seeds.length + this.int(3)).padStart(3, '0')}_${'0123456789abcdef'.slice(this.int(8)).padEnd(16, 'a')}.txt`;
        corpus.set(copy, corpus.get(name)!);
        return `${name}: duplicated as ${copy}`;
      }
      case 2: {
        if (!name) break;
        const bytes = corpus.get(name)!;
        corpus.delete(name);
        const to = this.pick(['-rf.txt', 'my seed.txt', '种子.txt', `${name.toUpperCase()}`, 'x.TXT', '0_1.txt', `${name}.bak`, '.hidden.txt']);
        corpus.set(to, bytes);
        return `${name}: renamed to ${to}`;
      }
      case 3:
        corpus.delete('INDEX.md');
        return 'INDEX.md deleted';
      default:
        break;
    }
    corpus.set(`${String(seeds.length).padStart(3, '0')}_ffffffffffffffff.txt`, this.hostile());
    return 'hostile new file added';
  }
}
