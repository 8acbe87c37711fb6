// Generates a synthetic corpus derived from the real seeds for benchmarks: shuffled
// paragraphs, changed dates and places, some scrape noise, exact and near duplicates,
// sizes log-uniform from 1 KB to 100 KB. Seeded, so the same size gives the same corpus.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a small seeded PRNG, enough for reproducible variety. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Places to swap in: provinces and capitals, so region detection has work to do.
const PLACES = ['云南', '江苏', '新疆', '四川', '广东', '浙江', '湖南', '甘肃', '河北', '辽宁', '徐州', '昆明', '成都', '杭州', '长沙', '兰州', '石家庄', '沈阳'];
const NOISE = ['! y1 { b% b4 U: e5 n3 L', '上一篇:关于加强基层治理的几点思考', '下一篇:坚持和发展新时代“枫桥经验”', '访问:0', '新闻中心', '阅读(123)'];

function paragraphsOf(text: string): string[] {
  // Seed 000 has no line breaks: split it at sentence ends followed by a space.
  return text
    .split(/\n+|(?<=。)\s+/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function reword(p: string, rnd: () => number, pool: string): string {
  const sentences = p.split(/(?<=[。！？；])/u).sort(() => rnd() - 0.5);
  return [...sentences.join('')]
    .map((c) => (/\p{Script=Han}/u.test(c) && rnd() < 0.1 ? pool[Math.floor(rnd() * pool.length)]! : c))
    .join('');
}

export interface GeneratedCorpus {
  dir: string;
  files: number;
  bytes: number;
}

export function generateCorpus(seedsDir: string, outDir: string, count: number, seed = 42): GeneratedCorpus {
  const rnd = prng(seed + count);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const sources = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => paragraphsOf(readFileSync(path.join(seedsDir, f), 'utf8')));
  const hanPool = sources.flat().join('').replace(/\P{Script=Han}/gu, '');
  const seeds = path.join(outDir, 'seeds');
  mkdirSync(seeds, { recursive: true });
  const width = Math.max(3, String(count - 1).length);
  const names: string[] = [];
  const texts: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    let text: string;
    const roll = rnd();
    if (i > 10 && roll < 0.02) {
      text = texts[Math.floor(rnd() * texts.length)]!; // exact duplicate
    } else if (i > 10 && roll < 0.04) {
      const lines = texts[Math.floor(rnd() * texts.length)]!.split('\n');
      lines[Math.floor(rnd() * lines.length)] = pick(pick(sources)); // near duplicate
      text = lines.join('\n');
    } else {
      const target = Math.round(1024 * Math.pow(100, rnd())); // 1 KB … 100 KB, log-uniform
      const base = pick(sources);
      const paras: string[] = [];
      let size = 0;
      const year = 2015 + Math.floor(rnd() * 10);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      paras.push(base[0]!.slice(0, 40), `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}      访问:${Math.floor(rnd() * 500)}`);
      const used = new Set<string>();
      while (size < target) {
        const src = rnd() < 0.8 ? base : pick(sources);
        let p = pick(src);
        // Real documents do not repeat paragraphs: a paragraph used again in this file is
        // reworded (sentences reordered, ~10% of characters swapped for others from the seeds).
        if (used.has(p)) p = reword(p, rnd, hanPool);
        else used.add(p);
        p = p.replace(/\d{4}年/gu, () => `${2010 + Math.floor(rnd() * 15)}年`);
        if (rnd() < 0.3) p = p.replace(new RegExp(pick(PLACES), 'gu'), pick(PLACES));
        if (rnd() < 0.03) p = `${p}${pick(NOISE)}`;
        paras.push(p);
        size += Buffer.byteLength(p) + 1;
      }
      text = `${paras.join('\n')}\n`;
    }
    const id = createHash('sha256').update(`${i}:${text}`).digest('hex').slice(0, 16);
    const name = `${String(i).padStart(width, '0')}_${id}.txt`;
    writeFileSync(path.join(seeds, name), text);
    names.push(name);
    texts.push(text);
    bytes += Buffer.byteLength(text);
    if (texts.length > 200) texts.splice(0, texts.length - 200); // duplicates come from recent files
  }
  const rows = names.map((n) => `| [${n}](${n}) |  |  |  |  |  |`).join('\n');
  writeFileSync(
    path.join(seeds, 'INDEX.md'),
    `---\nname: bench corpus\ndescription: generated from the seeds for benchmarks\nlicence: CC0-1.0\nlanguage: zh\nmaintainers:\n  - bench\ncount: ${count}\n---\n\n| file | title | type | date | author | region |\n| --- | --- | --- | --- | --- | --- |\n${rows}\n`,
  );
  return { dir: outDir, files: count, bytes };
}
