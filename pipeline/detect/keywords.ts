// Keywords where the page lists them: 关键词：新疆 社会稳定 / 【关键词】 on its own line with
// the words below / Key words: a; b. The page model already found the line and its value.
import { evidenceIn, headerFields, type Page } from '../page.js';
import type { KeywordsField } from '../types.js';

/** Keywords are separated by 、, commas or semicolons — or, when none of those is
 *  used, by spaces (关键词：新疆 社会稳定; an English list keeps its multi-word terms). */
const PUNCT_SEPARATOR = /[、，,；;]+/u;
const SPACE_SEPARATOR = /[\s\u3000]+/u;
const TRAILING = /[。.]$/u;

export function detectKeywords(page: Page): KeywordsField | null {
  for (const { line, field } of headerFields(page)) {
    if (line.kind !== 'keywords' || field.value === '') continue;
    const values = field.value
      .replace(TRAILING, '')
      .split(PUNCT_SEPARATOR.test(field.value) ? PUNCT_SEPARATOR : SPACE_SEPARATOR)
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length === 0) continue;
    return { values: [...new Set(values)], evidence: evidenceIn(page.lines[field.valueLine - 1]!, field.valueIndex, field.value) };
  }
  return null;
}
