// The report page's script. It runs only in the browser: render.ts embeds the compiled
// source of `reportClient` (Function#toString) in the page and allows it by its sha256, so
// the function must be self-contained (no imports used at run time, no outer variables).
// It builds every node with createElement/textContent: seed text never goes through an
// HTML parser, and the page's Trusted Types policy forbids innerHTML outright.
import type { DetailData, EvidenceData, FieldData, RowColumns, RowData } from './data.js';
import type { ExcerptLine } from './excerpt.js';

// The project compiles without the DOM library (it is a Node tool); these few browser
// globals are declared loosely here, for this file only, and exercised by the browser tests.
declare const document: any;
declare const window: any;
declare const location: any;
declare const performance: any;

export function reportClient(): void {
  performance.mark('report-script-start');
  const NONE = '~none';
  const byId = (id: string): any => document.getElementById(id);
  const cols = JSON.parse(byId('report-rows').textContent) as RowColumns;
  const rows: RowData[] = cols.f.map((f, i) => ({ f, t: cols.t[i]!, ti: cols.ti[i]!, d: cols.d[i]!, a: cols.a[i]!, r: cols.r[i]!, p: cols.p[i]!, y: cols.y[i]!, s: cols.s[i]!, e: cols.e[i]!, w: cols.w[i]!, i: cols.i[i]!, ru: cols.ru[i]! }));
  const indexOf = new Map<string, number>(rows.map((r, i) => [r.f, i]));
  const hay = rows.map((r) => [r.f, r.t, r.ti, r.d, r.a, r.r, r.ru.join(' ')].join('\n').toLowerCase());
  const fmt = new Intl.NumberFormat('en-US');
  // Made on first use: loading Chinese collation data costs time the first view does not need.
  let collator: Intl.Collator | null = null;

  type Kid = string | number | null | undefined | false | { nodeType: number };
  const el = (tag: string, attrs: Record<string, string> | null, ...kids: Kid[]): any => {
    const n = document.createElement(tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    for (const k of kids) if (k !== null && k !== undefined && k !== false) n.append(typeof k === 'number' ? String(k) : k);
    return n;
  };
  const fileHref = (f: string): string => `#file=${encodeURIComponent(f)}`;
  const plural = (n: number, w: string): string => `${fmt.format(n)} ${w}${n === 1 ? '' : 's'}`;

  // Control and bidi characters are shown as visible code labels: they must not reorder or
  // hide the text a maintainer is reading.
  const SPECIAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffd]/u;
  const visible = (s: string): Kid[] => {
    if (!SPECIAL.test(s)) return [s];
    const out: Kid[] = [];
    let buf = '';
    for (const ch of s) {
      if (SPECIAL.test(ch)) {
        if (buf) out.push(buf);
        buf = '';
        const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        out.push(el('span', { class: 'cc', title: `invisible or control character ${code}` }, code));
      } else buf += ch;
    }
    if (buf) out.push(buf);
    return out;
  };
  const seedText = (tag: string, cls: string, s: string): any => el(tag, { class: cls, lang: 'zh-CN' }, ...visible(s));

  // ---- table state -------------------------------------------------------------------
  const controls: Record<string, any> = {};
  for (const n of document.querySelectorAll('.filters [data-key]')) controls[n.dataset.key] = n;
  const search = byId('f-q');
  const state = { sort: 'problems', dir: -1, page: 0, size: 50 };
  let view: number[] = [];
  const orders = new Map<string, number[]>();

  const problems = (r: RowData): number => r.e * 1e8 + r.w * 1e4 + r.i;
  const SORT_KEYS: Record<string, (r: RowData) => string | number> = {
    file: (r) => r.f,
    type: (r) => r.t,
    title: (r) => r.ti,
    date: (r) => r.d,
    author: (r) => r.a,
    region: (r) => r.r,
    score: (r) => r.s,
    problems,
  };
  // A full order per sort key, computed once: filtering then keeps order without sorting.
  const orderFor = (key: string, dir: number): number[] => {
    const id = `${key}:${dir}`;
    let o = orders.get(id);
    if (o) return o;
    const get = SORT_KEYS[key]!;
    const keys = rows.map(get);
    const idx = rows.map((_, i) => i);
    idx.sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      // Empty text sorts last either way: missing values are not "smallest".
      if (x === '' || y === '') {
        if (x !== y) return x === '' ? 1 : -1;
      } else {
        collator ??= new Intl.Collator('zh-CN', { numeric: true });
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        if (c !== 0) return c * dir;
      }
      return a - b;
    });
    orders.set(id, idx);
    return idx;
  };

  const matcher = (): ((r: RowData, i: number) => boolean) => {
    const v = (k: string): string => controls[k]?.value ?? '';
    const type = v('type');
    const region = v('region');
    const year = v('year');
    const rule = v('rule');
    const sev = v('sev');
    const score = v('score');
    const [lo, hi] = score ? score.split('-').map(Number) : [0, 100];
    const terms = (search.value as string).toLowerCase().split(/\s+/u).filter(Boolean);
    const eq = (want: string, have: string): boolean => !want || (want === NONE ? have === '' : have === want);
    return (r, i) =>
      eq(type, r.t) &&
      eq(region, r.p) &&
      eq(year, r.y) &&
      (!rule || r.ru.includes(rule)) &&
      (!sev || (sev === 'error' ? r.e > 0 : sev === 'warning' ? r.w > 0 : sev === 'info' ? r.i > 0 : r.e + r.w + r.i === 0)) &&
      r.s >= lo! &&
      r.s <= hi! &&
      terms.every((t) => hay[i]!.includes(t));
  };

  const tbody = byId('rows');
  const status = byId('status');
  const pageLabel = byId('pg-label');

  const cell = (text: string, cls?: string): any => el('td', cls ? { class: cls } : null, text || el('span', { class: 'muted', 'aria-label': 'none' }, '—'));
  const problemBadges = (r: RowData): any => {
    const td = el('td', { class: 'problems' });
    if (r.e + r.w + r.i === 0) {
      td.append(el('span', { class: 'sev sev-ok' }, el('span', { 'aria-hidden': 'true' }, '✔'), ' none'));
      return td;
    }
    if (r.e) td.append(el('span', { class: 'sev sev-error' }, el('span', { 'aria-hidden': 'true' }, '✖'), ` ${plural(r.e, 'error')}`), ' ');
    if (r.w) td.append(el('span', { class: 'sev sev-warning' }, el('span', { 'aria-hidden': 'true' }, '▲'), ` ${plural(r.w, 'warning')}`), ' ');
    if (r.i) td.append(el('span', { class: 'sev sev-info' }, el('span', { 'aria-hidden': 'true' }, 'ℹ'), ` ${plural(r.i, 'info')}`), ' ');
    const rules = r.ru.slice(0, 3).join(', ') + (r.ru.length > 3 ? ` +${r.ru.length - 3}` : '');
    td.append(el('span', { class: 'rules' }, rules));
    return td;
  };

  const renderPage = (): void => {
    const pages = Math.max(1, Math.ceil(view.length / state.size));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * state.size;
    const slice = view.slice(start, start + state.size);
    const frag = document.createDocumentFragment();
    for (const i of slice) {
      const r = rows[i]!;
      const tr = el('tr', null);
      tr.append(
        el('td', { class: 'file-cell' }, el('a', { href: fileHref(r.f), class: 'file' }, ...visible(r.f))),
        cell(r.t),
        el('td', { class: 'title-cell seed', lang: 'zh-CN', title: r.ti }, r.ti || el('span', { class: 'muted' }, '—')),
        cell(r.d, 'nowrap'),
        el('td', { class: 'seed', lang: 'zh-CN' }, r.a || el('span', { class: 'muted' }, '—')),
        el('td', { class: 'seed', lang: 'zh-CN' }, r.r || el('span', { class: 'muted' }, '—')),
        el('td', { class: `num score${r.s < 50 ? ' low' : ''}` }, String(r.s)),
        problemBadges(r),
      );
      frag.append(tr);
    }
    if (!slice.length) frag.append(el('tr', null, el('td', { colspan: '8', class: 'empty' }, 'No file matches these filters.')));
    tbody.replaceChildren(frag);
    const filtered = view.length === rows.length ? '' : ` (filtered from ${fmt.format(rows.length)})`;
    status.textContent = view.length
      ? `Showing ${fmt.format(start + 1)}–${fmt.format(start + slice.length)} of ${plural(view.length, 'file')}${filtered}`
      : `No files match${filtered}`;
    pageLabel.textContent = `Page ${fmt.format(state.page + 1)} of ${fmt.format(pages)}`;
    byId('pg-first').disabled = byId('pg-prev').disabled = state.page === 0;
    byId('pg-next').disabled = byId('pg-last').disabled = state.page >= pages - 1;
  };

  const apply = (resetPage = true): void => {
    const ok = matcher();
    view = orderFor(state.sort, state.dir).filter((i) => ok(rows[i]!, i));
    if (resetPage) state.page = 0;
    renderPage();
  };

  for (const c of Object.values(controls)) c.addEventListener('change', () => apply());
  search.addEventListener('input', () => apply());
  byId('f-reset').addEventListener('click', () => {
    for (const c of Object.values(controls)) c.value = '';
    search.value = '';
    apply();
  });
  const go = (p: number): void => {
    state.page = p;
    renderPage();
  };
  byId('pg-first').addEventListener('click', () => go(0));
  byId('pg-prev').addEventListener('click', () => go(Math.max(0, state.page - 1)));
  byId('pg-next').addEventListener('click', () => go(state.page + 1));
  byId('pg-last').addEventListener('click', () => go(Number.MAX_SAFE_INTEGER));
  byId('pg-size').addEventListener('change', (ev: any) => {
    state.size = Number(ev.target.value) || 50;
    apply();
  });

  const sortButtons: any[] = Array.from(document.querySelectorAll('th [data-sort]'));
  const showSort = (): void => {
    for (const b of sortButtons) {
      const on = b.dataset.sort === state.sort;
      b.parentElement.setAttribute('aria-sort', on ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
  };
  for (const b of sortButtons) {
    b.addEventListener('click', () => {
      const key = b.dataset.sort as string;
      if (key === state.sort) state.dir = -state.dir;
      else {
        state.sort = key;
        state.dir = key === 'score' || key === 'problems' || key === 'date' ? -1 : 1;
      }
      showSort();
      apply(false);
    });
  }

  // Chart bars and "show files" buttons set one filter and bring the table into view.
  document.addEventListener('click', (ev: any) => {
    const t = ev.target?.closest?.('[data-filter]');
    if (!t) return;
    ev.preventDefault();
    const c = controls[t.dataset.filter];
    if (!c) return;
    for (const other of Object.values(controls)) other.value = '';
    search.value = '';
    c.value = t.dataset.value;
    apply();
    byId('files').scrollIntoView();
    c.focus();
  });

  // ---- detail dialog -------------------------------------------------------------------
  const dialog = byId('detail');
  const dBody = byId('detail-body');
  const dTitle = byId('detail-title');
  let current = -1;

  type Lines = Map<number, ExcerptLine>;

  // One kept line: its parts, "…" where text was left out, columns [hs, he) marked.
  const textLine = (line: ExcerptLine, hs: number, he: number): any[] => {
    const [no, length, parts] = line;
    const tx = el('span', { class: 'tx', lang: 'zh-CN' });
    let end = 1;
    for (const [start, text] of parts) {
      if (start > end) tx.append(el('span', { class: 'elided', title: 'text left out' }, '…'));
      const cps = Array.from(text);
      const stop = start + cps.length;
      const a = Math.max(start, hs);
      const b = Math.min(stop, he);
      if (a < b) {
        tx.append(...visible(cps.slice(0, a - start).join('')));
        tx.append(el('mark', null, ...visible(cps.slice(a - start, b - start).join(''))));
        tx.append(...visible(cps.slice(b - start).join('')));
      } else tx.append(...visible(text));
      end = stop;
    }
    if (end <= length) tx.append(el('span', { class: 'elided', title: 'text left out' }, '…'));
    if (length === 0) tx.append(el('span', { class: 'muted' }, '(blank line)'));
    return [el('span', { class: 'ln' }, String(no)), tx];
  };

  // The evidence span highlighted in the text around it (the lines the report kept).
  // Evidence carries its own text only when the excerpt does not hold the span.
  const context = (ev: EvidenceData, lines: Lines): any => {
    const [l1, c1, l2, c2, own] = ev;
    if (own !== undefined || !lines.has(l1)) {
      if (!own) return null;
      return el('div', { class: 'ctx' }, el('span', { class: 'ln' }, l1 ? String(l1) : ''), el('span', { class: 'tx', lang: 'zh-CN' }, el('mark', null, ...visible(own))));
    }
    const box = el('div', { class: 'ctx' });
    // The span's lines, and the nearest kept line on each side (the builder keeps the
    // nearest non-blank neighbour within three lines).
    const kept = [...lines.keys()].sort((a, b) => a - b);
    const before = kept.filter((n) => n < l1 && n >= l1 - 3).pop();
    const after = kept.find((n) => n > l2 && n <= l2 + 3);
    let prev = -1;
    for (const no of kept.filter((n) => (n >= l1 && n <= l2) || n === before || n === after)) {
      if (prev !== -1 && no > prev + 1) box.append(el('span', { class: 'ln gap', 'aria-hidden': 'true' }, '⋮'), el('span', { class: 'tx gap' }, ''));
      prev = no;
      const hs = no === l1 ? c1 : no > l1 && no <= l2 ? 1 : Infinity;
      const he = no === l2 ? c2 : no >= l1 && no < l2 ? Infinity : -Infinity;
      box.append(...textLine(lines.get(no)!, hs, he));
    }
    return box;
  };

  const where = (ev: EvidenceData | undefined): string => (ev && ev[0] ? `line ${ev[0]}, column ${ev[1]}` : '');

  const FIELDS: Record<FieldData['k'], [label: string, items: string]> = {
    type: ['Source type', 'Signals'],
    title: ['Title', ''],
    date: ['Date', 'Candidates considered'],
    author: ['Author', ''],
    region: ['Region', 'Place mentions'],
    keywords: ['Keywords', ''],
  };

  const fieldCard = (f: FieldData, lines: Lines): any => {
    const [label, itemsLabel] = FIELDS[f.k] ?? [f.k, 'Details'];
    const card = el('section', { class: `field${f.v === null ? ' missing' : ''}`, 'data-field': f.k });
    card.append(el('h4', null, label));
    if (f.v === null) {
      card.append(el('p', { class: 'val muted' }, 'not detected'));
      return card;
    }
    card.append(seedText('p', 'val seed', f.v));
    if (f.n || where(f.ev)) card.append(el('p', { class: 'note' }, [f.n, where(f.ev)].filter(Boolean).join(' · ')));
    if (f.ev) card.append(context(f.ev, lines));
    if (f.it?.length) {
      const list = el('ul', { class: 'items' });
      for (const it of f.it) {
        const li = el('li', it.x ? { class: 'rejected' } : null);
        li.append(seedText('span', 'item-label', it.l));
        if (it.x) li.append(' ', el('span', { class: 'tag' }, 'rejected'));
        if (it.n) li.append(' ', el('span', { class: 'note' }, `— ${it.n}${it.ev && it.ev[0] ? ` · line ${it.ev[0]}` : ''}`));
        if (it.ev) li.append(context(it.ev, lines));
        list.append(li);
      }
      if (f.mo) list.append(el('li', { class: 'muted' }, `and ${f.mo} more (in manifest.json)`));
      card.append(el('details', null, el('summary', null, `${itemsLabel || 'Details'} (${f.it.length + (f.mo ?? 0)})`), list));
    }
    return card;
  };

  const SYMBOL: Record<string, string> = { error: '✖', warning: '▲', info: 'ℹ' };
  const badge = (sev: string): any => el('span', { class: `sev sev-${sev}` }, el('span', { 'aria-hidden': 'true' }, SYMBOL[sev] ?? ''), ` ${sev}`);

  const renderDetail = (i: number): boolean => {
    const block = byId(`d-${i}`);
    if (!block) {
      // Details follow the script in the page; a file opened while they are still being
      // parsed opens once they are all there.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fromHash, { once: true });
      return false;
    }
    const d = JSON.parse(block.textContent) as DetailData;
    const r = rows[i]!;
    const lines: Lines = new Map(d.ex.map((l) => [l[0], l]));
    current = i;
    dTitle.replaceChildren(...visible(d.f));
    const out: any[] = [];

    const summary = el('p', { class: 'detail-sum' }, el('span', { class: `score-pill${r.s < 50 ? ' low' : ''}` }, `score ${r.s}`), ' ');
    if (r.e + r.w + r.i === 0) summary.append(el('span', { class: 'sev sev-ok' }, el('span', { 'aria-hidden': 'true' }, '✔'), ' no problems'));
    else summary.append([r.e && plural(r.e, 'error'), r.w && plural(r.w, 'warning'), r.i && plural(r.i, 'info')].filter(Boolean).join(', '));
    out.push(summary);

    const LINE_ENDINGS: Record<string, string> = { lf: 'LF', crlf: 'CRLF', cr: 'CR', mixed: 'mixed', none: 'none (one line)' };
    const facts = el('dl', { class: 'facts' });
    const [bytes, chars, nLines] = d.size;
    for (const [k, v] of [
      ['id', d.id],
      ['size', `${plural(bytes, 'byte')}, ${plural(chars, 'character')}, ${plural(nLines, 'line')}`],
      ['encoding', d.enc],
      ['line endings', LINE_ENDINGS[d.le] ?? d.le],
      ['sha256', d.sha],
    ]) {
      facts.append(el('div', null, el('dt', null, k!), el('dd', null, v!)));
    }
    out.push(facts);
    if (d.omitted) out.push(el('p', { class: 'note' }, 'This corpus is too large for every file’s details to fit in one page: this file’s fields and problems are in manifest.json.'));
    if (d.noText) out.push(el('p', { class: 'note' }, 'The seed text was not available when this report was written: evidence is shown without its surrounding lines.'));

    // The top of the page as scraped: what a maintainer checks a missing title or date against.
    const head: number[] = [];
    for (let no = 1; lines.has(no) && no <= 3; no += 1) head.push(no);
    if (head.length) {
      const box = el('div', { class: 'ctx' });
      for (const no of head) box.append(...textLine(lines.get(no)!, Infinity, -Infinity));
      out.push(el('h3', null, 'Start of the file'), box);
    }

    out.push(el('h3', null, 'Detected fields'));
    const grid = el('div', { class: 'fields' });
    for (const f of d.fields) grid.append(fieldCard(f, lines));
    out.push(grid);

    out.push(el('h3', null, d.diags.length ? `Problems (${d.diags.length})` : 'Problems'));
    if (!d.diags.length) out.push(el('p', { class: 'ok-note' }, el('span', { 'aria-hidden': 'true' }, '✔ '), 'No problems found in this file.'));
    else {
      const list = el('ol', { class: 'diags' });
      for (const g of d.diags) {
        const li = el('li', { class: `diag diag-${g.sev}` });
        li.append(el('p', { class: 'diag-head' }, badge(g.sev), ' ', el('code', { class: 'rule' }, g.rule), where(g.ev) ? el('span', { class: 'loc' }, ` ${where(g.ev)}`) : ''));
        li.append(seedText('p', 'msg', g.msg));
        if (g.facts?.length) {
          const f = el('dl', { class: 'facts inline' });
          for (const [k, v] of g.facts) f.append(el('div', null, el('dt', null, k), seedText('dd', '', v)));
          li.append(f);
        }
        if (g.ev) li.append(context(g.ev, lines));
        for (const rel of g.rel ?? []) {
          li.append(el('p', { class: 'note' }, `also at ${where(rel)}`));
          li.append(context(rel, lines));
        }
        list.append(li);
      }
      out.push(list);
    }

    const index = d.index ?? [];
    const partners = d.partners ?? [];
    if (index.length) {
      out.push(el('h3', null, `INDEX.md disagreements (${index.length})`));
      const t = el('table', { class: 'grid side' });
      t.append(el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'INDEX.md line'), el('th', { scope: 'col' }, 'Rule'), el('th', { scope: 'col' }, 'INDEX.md says'), el('th', { scope: 'col' }, 'Detected'), el('th', { scope: 'col' }, 'Message'))));
      const tb = el('tbody', null);
      for (const x of index) {
        tb.append(
          el(
            'tr',
            null,
            el('td', null, x.line === undefined ? '—' : String(x.line)),
            el('td', null, badge(x.sev), ' ', el('code', null, x.rule)),
            seedText('td', 'seed said', x.index ?? '—'),
            seedText('td', 'seed found', x.detected ?? '—'),
            seedText('td', 'seed', x.msg + (x.ev ? ` — “${x.ev}”` : '')),
          ),
        );
      }
      t.append(tb);
      out.push(el('div', { class: 'scroll' }, t));
    }

    out.push(el('h3', null, 'Duplicates'));
    if (!partners.length) out.push(el('p', { class: 'muted' }, 'No identical or near-duplicate files.'));
    else {
      const ul = el('ul', { class: 'partners' });
      for (const p of partners) ul.append(el('li', null, el('a', { href: fileHref(p.f), class: 'file' }, ...visible(p.f)), ` — ${p.how}`));
      out.push(ul);
    }
    dBody.replaceChildren(...out);
    dBody.scrollTop = 0;

    const pos = view.indexOf(i);
    const prev = pos > 0 ? view[pos - 1] : undefined;
    const next = pos >= 0 && pos < view.length - 1 ? view[pos + 1] : undefined;
    byId('d-prev').disabled = prev === undefined;
    byId('d-next').disabled = next === undefined;
    byId('d-pos').textContent = pos >= 0 ? `${fmt.format(pos + 1)} of ${fmt.format(view.length)}` : '';
    byId('d-prev').dataset.target = prev === undefined ? '' : rows[prev]!.f;
    byId('d-next').dataset.target = next === undefined ? '' : rows[next]!.f;
    return true;
  };

  const fromHash = (): void => {
    const m = /^#file=(.*)$/su.exec(location.hash as string);
    let name: string | null = null;
    if (m) {
      try {
        name = decodeURIComponent(m[1]!);
      } catch {
        name = null;
      }
    }
    const i = name === null ? undefined : indexOf.get(name);
    if (i === undefined) {
      if (dialog.open) dialog.close();
      return;
    }
    if (!renderDetail(i)) return;
    if (!dialog.open) dialog.showModal();
    byId('d-close').focus();
  };
  window.addEventListener('hashchange', fromHash);
  dialog.addEventListener('close', () => {
    current = -1;
    if (!/^#file=/u.test(location.hash as string)) return;
    // Drop the address of the closed file without scrolling; file:// pages may refuse.
    try {
      window.history.replaceState(null, '', `${location.pathname}${location.search}`);
    } catch {
      location.hash = 'files';
    }
  });
  byId('d-close').addEventListener('click', () => dialog.close());
  for (const id of ['d-prev', 'd-next']) {
    byId(id).addEventListener('click', (ev: any) => {
      const f = ev.currentTarget.dataset.target;
      if (f) location.hash = fileHref(f);
    });
  }
  // Left/right arrow keys step through the files in the table's current order.
  dialog.addEventListener('keydown', (ev: any) => {
    if (current < 0 || ev.altKey || ev.ctrlKey || ev.metaKey || ev.target?.closest?.('input, select, textarea')) return;
    const b = ev.key === 'ArrowLeft' ? byId('d-prev') : ev.key === 'ArrowRight' ? byId('d-next') : null;
    if (b && !b.disabled) {
      ev.preventDefault();
      b.click();
    }
  });

  showSort();
  apply();
  fromHash();
  document.documentElement.dataset.ready = 'true';
  performance.mark('report-ready');
}
