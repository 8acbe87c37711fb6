// Adversarial inputs for the regex-safety test: each about 1 MB, built from the atoms the
// detectors and rules of this genre look for (whitespace, digits and date pieces, header
// keys and colons, brackets, citation marks, jammer noise, place suffixes, punctuation),
// repeated with no match completing, and ended by a character that makes a backtracking
// regex give up only after trying every split. Most are one line; a few are many short lines.

const SIZE = 1024 * 1024;

function repeatTo(atom: string, bytes = SIZE): string {
  const n = Math.max(1, Math.ceil(bytes / Buffer.byteLength(atom)));
  return atom.repeat(n);
}

/** One line of `atom` repeated, then `end`. */
function line(atom: string, end = '!'): Buffer {
  return Buffer.from(repeatTo(atom) + end);
}

/** Many lines of `atom` (each line `perLine` atoms), then `end`. */
function lines(atom: string, perLine: number, end = '!'): Buffer {
  return Buffer.from(repeatTo(`${atom.repeat(perLine)}\n`) + end);
}

/** `bytes` with every `every`-th byte replaced by 0xFF (never valid in UTF-8). */
function damaged(bytes: Buffer, every: number): Buffer {
  for (let i = every; i < bytes.length; i += every) bytes[i] = 0xff;
  return bytes;
}

const SPECS: [string, () => Buffer][] = [
  ['prose', () => line('城市基层治理是国家治理的基础工程，各地推动治理重心向基层下移。', '')],
  // A stray 0xFF every 900 bytes: decoding falls back to encoding detection and U+FFFD.
  ['damaged-utf8', () => damaged(line('城市基层治理是国家治理的基础工程，各地推动治理重心向基层下移。', ''), 900)],
  ['spaces', () => line(' ', 'x')],
  ['mixed-whitespace', () => line(' \t\u3000\u00a0', 'x')],
  ['digits', () => line('1', 'x')],
  ['date-pieces', () => line('2022-1', '年')],
  ['cjk-date-pieces', () => line('2022年1月', '号')],
  ['chinese-numerals', () => line('二〇一', '年')],
  ['header-keys', () => line('时间:来源：作者:', '')],
  ['colons', () => line(':：', '')],
  ['counters', () => line('访问:0 阅读(', '')],
  ['jammer', () => line('! y1 { b% b4 U: e5 n3 L ', '')],
  ['pipes', () => line(' |', ' x')],
  ['dangling-punctuation', () => line('、,“”', '')],
  ['brackets', () => line('([（【[J', '')],
  ['citations', () => line('[J].北京:2016(2):', '')],
  ['attribution', () => line('(作者系', '')],
  ['headings', () => line('一、(一)第一', '')],
  ['latin', () => line('a', '!')],
  ['latin-words', () => line('ab1 ', '!')],
  ['dots', () => line('.…·', '')],
  ['urls', () => line('http://a.', '')],
  ['place-suffixes', () => line('省市县区自治州', '')],
  ['cjk-ascii-alternating', () => line('中a', '')],
  ['repeated-block', () => line('关于加快推进市域社会治理现代化的思考', '')],
  ['short-lines-digits', () => lines('2022-09-1', 3)],
  ['short-lines-headers', () => lines('时间：', 2)],
  ['short-lines-jammer', () => lines('! y1 { b% ', 2)],
  ['blank-lines', () => Buffer.from(`${repeatTo('\n \n\t\n')}x`)],
  ['crlf-mix', () => Buffer.from(`${repeatTo('一\r\n二\r三\n')}x`)],
];

let cache: Map<string, Buffer> | undefined;

export function adversarialInputs(): Map<string, Buffer> {
  cache ??= new Map(SPECS.map(([name, make]) => [name, make()]));
  return cache;
}

export const INPUT_NAMES: readonly string[] = SPECS.map(([name]) => name);
