// Invisible format characters and line endings other than LF. Control characters and
// bidirectional controls are rules/control-chars.ts.
import { evidenceIn } from '../../page.js';
import type { Evidence } from '../../types.js';
import { checkedLines } from '../repeated-blocks.js';
import type { QualityRule } from '../rule.js';
import { uPlus } from '../text.js';
import { mojibakeRanges } from './mojibake.js';

/** Zero-width characters, soft hyphen, word joiner, a BOM inside the text (bidirectional
 *  controls and marks are encoding/bidi-control's). */
const INVISIBLE_G = /[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]/gu;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]/u;

export const invisibleChars: QualityRule = {
  id: 'encoding/invisible-chars',
  description: 'Invisible format characters (zero-width space, soft hyphen, word joiner, BOM inside the text) left by the scraped page.',
  tags: ['encoding'],
  severity: 'info',
  rationale:
    'No threshold. One info message per file with the count and the first places: 知乎-style pages carry dozens of U+200B that change no meaning. Bidirectional controls, which can reorder what a reader sees, are encoding/bidi-control (warning).',
  check(file, report) {
    if (file.binary) return;
    if (!INVISIBLE.test(file.text)) return;
    const seen: Evidence[] = [];
    const counts = new Map<string, number>();
    for (const line of checkedLines(file)) {
      INVISIBLE_G.lastIndex = 0;
      let garbled: [number, number][] | undefined;
      for (let m = INVISIBLE_G.exec(line.text); m !== null; m = INVISIBLE_G.exec(line.text)) {
        const at = m.index;
        garbled ??= mojibakeRanges(line);
        if (garbled.some(([a, z]) => at >= a && at < z)) continue; // part of encoding/mojibake's span
        seen.push(evidenceIn(line, m.index, m[0]));
        counts.set(uPlus(m[0]), (counts.get(uPlus(m[0])) ?? 0) + 1);
      }
    }
    if (seen.length === 0) return;
    const list = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([u, n]) => `${u} ×${n}`).join(', ');
    report({
      message: `${seen.length} invisible format character${seen.length === 1 ? '' : 's'} (${list})`,
      measured: seen.length,
      at: seen[0]!,
      related: seen.slice(1, 10),
    });
  },
};

export const lineEndings: QualityRule = {
  id: 'encoding/line-endings',
  description: 'Line endings other than LF: CRLF (info), old-Mac CR or a mix of styles (warning).',
  tags: ['encoding'],
  severity: 'warning',
  rationale: 'No threshold: the seeds are LF text. A mix of LF and CRLF (a file edited on two systems) or bare CR breaks line numbers in other tools; consistent CRLF only differs from the convention (info).',
  check(file, report) {
    if (file.binary) return;
    const style = file.record.lineEnding;
    if (style === 'lf' || style === 'none') return;
    const counts = { lf: 0, crlf: 0, cr: 0 };
    const firstLine = { lf: 0, crlf: 0, cr: 0 };
    let line = 1;
    const re = /\r\n|\n|\r/gu;
    for (let m = re.exec(file.text); m !== null; m = re.exec(file.text)) {
      const k = m[0] === '\r\n' ? 'crlf' : m[0] === '\n' ? 'lf' : 'cr';
      if (counts[k] === 0) firstLine[k] = line;
      counts[k] += 1;
      line += 1;
    }
    const summary = (['lf', 'crlf', 'cr'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k.toUpperCase()}`).join(', ');
    if (style === 'crlf') {
      report({ severity: 'info', message: `line endings are CRLF (${summary}); the seeds use LF`, at: { line: 1, column: 1 } });
      return;
    }
    if (style === 'cr') {
      report({ message: `line endings are bare CR (${summary}): most tools see one line; save with LF`, at: { line: 1, column: 1 } });
      return;
    }
    // Mixed: point at the first line ending in the minority style.
    const kinds = (['lf', 'crlf', 'cr'] as const).filter((k) => counts[k] > 0).sort((a, b) => counts[b] - counts[a]);
    const minority = kinds[kinds.length - 1]!;
    report({
      message: `mixed line endings (${summary}); the first ${minority.toUpperCase()} ends line ${firstLine[minority]}`,
      measured: counts[minority],
      at: { line: firstLine[minority], column: 1 },
    });
  },
};
