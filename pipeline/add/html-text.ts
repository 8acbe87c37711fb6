// The main text of an HTML page, the way the corpus's scraped seeds look: one line per block
// (paragraph, heading, list item, table row, <br>), whitespace inside a line collapsed, blank
// lines dropped. Page furniture that is not the document is removed first: scripts, styles,
// <head>, navigation, page header and footer, sidebars, forms' hidden parts. cheerio parses
// (htmlparser2: forgiving with the broken markup scraped pages have) and decodes entities.
import * as cheerio from 'cheerio';

/** Elements whose whole subtree is not document text. */
const DROP = 'script, style, noscript, template, head, title, nav, header, footer, aside, iframe, object, embed, svg, canvas, [hidden], [aria-hidden="true"]';

/** Elements that start and end a line (HTML's block-level and line-breaking elements). */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Table cells are blocks for nesting, but a row's cells share its line. */
const CELL = new Set(['td', 'th']);

/** The part of domhandler's node shape read here (cheerio's own node type). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

const SPACES = /[\s\u00a0]+/gu;

export function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  $(DROP).remove();
  const lines: string[] = [];
  let current = '';
  const breakLine = (): void => {
    const t = current.replace(SPACES, ' ').trim();
    if (t !== '') lines.push(t);
    current = '';
  };
  const walk = (node: DomNode, pre: boolean): void => {
    if (node.type === 'text') {
      const data = node.data ?? '';
      if (!pre) {
        current += data;
        return;
      }
      // Inside <pre> line breaks are the author's: keep them.
      const parts = data.split(/\r\n|\n|\r/u);
      parts.forEach((p, i) => {
        if (i > 0) breakLine();
        current += p;
      });
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.name ?? '';
    if (name === 'br') {
      breakLine();
      return;
    }
    const block = BLOCK.has(name) && !CELL.has(name);
    if (block) breakLine();
    for (const child of node.children ?? []) walk(child, pre || name === 'pre');
    if (CELL.has(name)) current += ' ';
    if (block) breakLine();
  };
  walk($.root()[0] as unknown as DomNode, false);
  breakLine();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Looks like an HTML document: by its name, or by how its text starts (after comments and an XML declaration). */
export function isHtml(fileName: string, head: string): boolean {
  if (/\.x?html?$/iu.test(fileName)) return true;
  let t = head.trimStart();
  for (;;) {
    const close = t.startsWith('<!--') ? '-->' : t.startsWith('<?xml') ? '?>' : null;
    if (close === null) break;
    const end = t.indexOf(close);
    if (end < 0) return false;
    t = t.slice(end + close.length).trimStart();
  }
  return /^(?:<!doctype\s+html|<html[\s>])/iu.test(t);
}
