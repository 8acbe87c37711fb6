// Elided text: words cut out of a sentence leave empty quotes (“”争夺) or two separators in a
// row (事故、,). Sensitive words removed by a scraper or a censor look exactly like this.
import { evidenceIn } from '../../page.js';
import { contentLines } from '../repeated-blocks.js';
import type { QualityRule } from '../rule.js';
import { ENTITY_G, isEntity } from './noise.js';

/** A pair of CJK quotes or brackets with nothing (or only spaces) inside. */
const EMPTY_PAIR_G = /“[ \u3000]*”|‘[ \u3000]*’|「[ \u3000]*」|『[ \u3000]*』|《[ \u3000]*》|〈[ \u3000]*〉|【[ \u3000]*】|（[ \u3000]*）/gu;

export const emptyQuotes: QualityRule = {
  id: 'elision/empty-quotes',
  description: 'Empty quotation marks or brackets (“” 《》 （）): the quoted words were cut out.',
  tags: ['elision'],
  severity: 'warning',
  rationale: 'No threshold: CJK quotes and title/bracket pairs with nothing inside. ASCII "" and () are not checked (code, formulas).',
  check(file, report) {
    if (file.binary) return;
    for (const line of contentLines(file)) {
      EMPTY_PAIR_G.lastIndex = 0;
      for (let m = EMPTY_PAIR_G.exec(line.text); m !== null; m = EMPTY_PAIR_G.exec(line.text)) {
        report({ message: `empty quotation ${m[0]}: words were probably cut out here`, at: evidenceIn(line, m.index, m[0]) });
      }
    }
  },
};

/** Two or more separators in a row. */
const SEPARATOR_RUN_G = /[、，,；;。]{2,}/gu;
/** A list comma right before a closing mark, or an opening mark right before a separator. */
const DANGLING_G = /、(?=[：:）)”’》」』])|[（(“‘《「『](?=[、，,；;。])/gu;

/** `，，，` / `。。。`: three or more of the same mark are an informal ellipsis, not an elision. */
function isInformalEllipsis(run: string): boolean {
  const chars = [...run];
  return chars.length >= 3 && chars.every((c) => c === chars[0]) && /[，,。]/u.test(chars[0]!);
}

export const danglingPunctuation: QualityRule = {
  id: 'elision/dangling-punctuation',
  description: 'Separators left dangling where words were removed: 、, ，， 、。 or a list comma before a closing quote.',
  tags: ['elision'],
  severity: 'warning',
  rationale:
    'No threshold: two separators in a row (、, ,, ；。) or 、 before a closing mark. Runs of three or more of the same comma or full stop (，，，) are an informal ellipsis in user comments and are not flagged.',
  check(file, report) {
    if (file.binary) return;
    for (const line of contentLines(file)) {
      // The `;` that closes an undecoded entity (&#34;，) is noise/html-entity's, not a separator.
      const text = line.text.includes('&') ? line.text.replace(ENTITY_G, (e) => (isEntity(e) ? ' '.repeat(e.length) : e)) : line.text;
      // Every dangling spot as a [start, end) span; `(、)` or `(、,` match more than one
      // pattern, so touching spans are merged into one report.
      const spans: [number, number][] = [];
      SEPARATOR_RUN_G.lastIndex = 0;
      for (let m = SEPARATOR_RUN_G.exec(text); m !== null; m = SEPARATOR_RUN_G.exec(text)) {
        if (!isInformalEllipsis(m[0])) spans.push([m.index, m.index + m[0].length]);
      }
      DANGLING_G.lastIndex = 0;
      for (let m = DANGLING_G.exec(text); m !== null; m = DANGLING_G.exec(text)) spans.push([m.index, m.index + 2]);
      spans.sort((x, y) => x[0] - y[0]);
      const merged: [number, number][] = [];
      for (const sp of spans) {
        const last = merged[merged.length - 1];
        if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
        else merged.push([sp[0], sp[1]]);
      }
      for (const [a, z] of merged) {
        const t = line.text.slice(a, z);
        report({ message: `"${t}": punctuation left where words were probably cut out`, at: evidenceIn(line, a, t) });
      }
    }
  },
};
