// The per-file detail: every detected field and every diagnostic with the span it rests on,
// INDEX disagreements side by side, duplicate partners. Wording is decided here (typed, on
// the server); the page script only lays it out. Kept compact: at 10,000 files each byte
// here costs 10 KB of report.
import type { Diagnostic, Evidence, SeedRecord } from '../types.js';
import type { CorpusLinks } from './corpus-links.js';
import type { DetailData, DiagnosticData, EvidenceData, FieldData, FieldItemData, IndexDisagreementData } from './data.js';
import { excerptCovers, LIST_CAP, type Excerpt, type ExcerptLine } from './excerpt.js';
import { clip, spanOfDiagnostic, spanOfEvidence, type Span } from './spans.js';

/** Evidence text longer than this is shown clipped (a repeated block can be kilobytes). */
const EVIDENCE_MAX = 160;
const MESSAGE_MAX = 600;

const conf = (x: number): string => `confidence ${x.toFixed(2)}`;

/** Builds evidence data against one file's excerpt: text only where the excerpt lacks it. */
function evidenceMaker(excerpt: Excerpt | undefined) {
  const lines = new Map<number, ExcerptLine>((excerpt ?? []).map((l) => [l[0], l]));
  const fromSpan = (s: Span | null, text: string | undefined): EvidenceData | undefined => {
    if (!s) return text ? [0, 0, 0, 0, clip(text, EVIDENCE_MAX)] : undefined;
    return excerptCovers(lines, s) || !text ? [...s] : [...s, clip(text, EVIDENCE_MAX)];
  };
  return {
    evidence: (e: Evidence | null | undefined): EvidenceData | undefined => (e ? fromSpan(spanOfEvidence(e), e.text) : undefined),
    diagnostic: (d: Diagnostic): EvidenceData | undefined => fromSpan(spanOfDiagnostic(d), d.evidence),
  };
}
type Ev = ReturnType<typeof evidenceMaker>;

function item(l: string, n: string | undefined, ev: EvidenceData | undefined, rejected = false): FieldItemData {
  const it: FieldItemData = { l };
  if (n) it.n = n;
  if (ev) it.ev = ev;
  if (rejected) it.x = 1;
  return it;
}

function field(k: FieldData['k'], v: string | null, n?: string, ev?: EvidenceData, items?: readonly FieldItemData[], total = 0): FieldData {
  const f: FieldData = { k, v };
  if (n) f.n = n;
  if (ev) f.ev = ev;
  if (items?.length) f.it = items.slice(0, LIST_CAP);
  if (total > LIST_CAP) f.mo = total - LIST_CAP;
  return f;
}

function fields(r: SeedRecord, ev: Ev): FieldData[] {
  const out: FieldData[] = [];
  const st = r.sourceType;
  if (st) {
    const signals = [...st.signals].sort((a, b) => b.weight - a.weight);
    const items = signals.slice(0, LIST_CAP).map((s) => item(`${s.id} → ${s.type}`, `weight ${s.weight}`, ev.evidence(s.evidence)));
    out.push(field('type', st.value, conf(st.confidence), ev.evidence(signals[0]?.evidence), items, signals.length));
  } else out.push(field('type', null));

  out.push(r.title ? field('title', r.title.value, conf(r.title.confidence), ev.evidence(r.title.evidence)) : field('title', null));

  const d = r.date;
  if (d) {
    const items = d.candidates.slice(0, LIST_CAP).map((c) => item(`${c.value} (${c.kind}, ${c.precision})`, c.reason, ev.evidence(c.evidence), c.rejected === true));
    out.push(field('date', d.value, `${d.kind}, precision ${d.precision}, ${conf(d.confidence)}`, ev.evidence(d.evidence), items, d.candidates.length));
  } else out.push(field('date', null));

  const a = r.author;
  if (a) {
    const parts = [a.name ?? (a.anonymous ? 'anonymous writer' : null), a.role && `role: ${a.role}`, a.affiliation && `affiliation: ${a.affiliation}`].filter(Boolean);
    const kind = [a.organisation ? 'organisation' : null, a.anonymous ? 'anonymous' : null, conf(a.confidence)].filter(Boolean).join(', ');
    out.push(field('author', parts.join(' · ') || '(no name, role or affiliation)', kind, ev.evidence(a.evidence)));
  } else out.push(field('author', null));

  const g = r.region;
  if (g) {
    const places = [g.province, g.prefecture, g.county].filter((p) => p !== null).map((p) => `${p.name} (${p.code})`);
    const items = g.mentions.slice(0, LIST_CAP).map((m) => item(`${m.name} (${m.level}, ${m.code})`, `${m.count}× mentioned, weight ${m.weight}`, ev.evidence(m.evidence)));
    out.push(field('region', g.scope === 'national' ? '全国 (national)' : places.join(' › '), `scope ${g.scope}, ${conf(g.confidence)}`, ev.evidence(g.evidence), items, g.mentions.length));
  } else out.push(field('region', null));

  out.push(r.keywords ? field('keywords', r.keywords.values.join('、'), undefined, ev.evidence(r.keywords.evidence)) : field('keywords', null));
  return out;
}

function diagnosticFacts(d: Diagnostic): [string, string][] {
  const f: [string, string][] = [];
  if (d.measured !== undefined) f.push(['measured', String(d.measured)]);
  if (d.threshold !== undefined) f.push(['threshold', String(d.threshold)]);
  if (d.expected !== undefined) f.push(['expected', clip(d.expected, EVIDENCE_MAX)]);
  if (d.actual !== undefined) f.push(['actual', clip(d.actual, EVIDENCE_MAX)]);
  return f;
}

function diagnosticData(d: Diagnostic, ev: Ev): DiagnosticData {
  const out: DiagnosticData = { sev: d.severity, rule: d.ruleId, msg: clip(d.message, MESSAGE_MAX) };
  const e = ev.diagnostic(d);
  if (e) out.ev = e;
  if (d.related?.length) out.rel = d.related.slice(0, LIST_CAP).map((r) => ev.evidence(r)!);
  const facts = diagnosticFacts(d);
  if (facts.length) out.facts = facts;
  return out;
}

export function indexDisagreement(d: Diagnostic): IndexDisagreementData {
  const out: IndexDisagreementData = { sev: d.severity, rule: d.ruleId, msg: clip(d.message, MESSAGE_MAX) };
  if (d.line !== undefined) out.line = d.line;
  if (d.actual !== undefined) out.index = clip(d.actual, EVIDENCE_MAX);
  if (d.expected !== undefined) out.detected = clip(d.expected, EVIDENCE_MAX);
  if (d.evidence !== undefined) out.ev = clip(d.evidence, EVIDENCE_MAX);
  return out;
}

/** What identifies the file: name, size, hash, encoding. */
function fileFacts(r: SeedRecord): Pick<DetailData, 'f' | 'id' | 'sha' | 'size' | 'enc' | 'le'> {
  return { f: r.file, id: r.id, sha: r.sha256, size: [r.bytes, r.chars, r.lines], enc: r.encoding, le: r.lineEnding };
}

/** A detail with only what identifies the file (a report past its size cap). */
export function omittedDetail(r: SeedRecord): DetailData {
  return { ...fileFacts(r), fields: [], diags: [], ex: [], omitted: 1 };
}

export function detailOf(r: SeedRecord, links: CorpusLinks, excerpt: Excerpt | undefined): DetailData {
  const ev = evidenceMaker(excerpt);
  const out: DetailData = {
    ...fileFacts(r),
    fields: fields(r, ev),
    diags: r.quality.flags.map((d) => diagnosticData(d, ev)),
    ex: excerpt ?? [],
  };
  const index = links.indexByFile.get(r.file);
  if (index?.length) out.index = index.map(indexDisagreement);
  const partners = links.partnersByFile.get(r.file);
  if (partners?.length) out.partners = partners;
  if (!excerpt) out.noText = 1;
  return out;
}

/** Items a lean detail keeps per list. */
const LEAN_ITEMS = 3;

/**
 * A smaller detail for very large corpora: lists keep three items without their evidence,
 * and the excerpt keeps only the lines a remaining span starts or ends on (no neighbours,
 * no start-of-file preview). Every remaining span can still be marked in place.
 */
export function leanDetail(d: DetailData): DetailData {
  const fields = d.fields.map((f): FieldData => {
    if (!f.it) return f;
    const it = f.it.slice(0, LEAN_ITEMS).map(({ ev: _ev, ...rest }) => rest);
    const hidden = f.it.length - it.length + (f.mo ?? 0);
    const { mo: _mo, ...base } = f;
    return hidden > 0 ? { ...base, it, mo: hidden } : { ...base, it };
  });
  const used = new Set<number>();
  const use = (e: EvidenceData | undefined): void => {
    if (e && e[0] > 0) {
      used.add(e[0]);
      used.add(e[2]);
    }
  };
  for (const f of fields) use(f.ev);
  for (const g of d.diags) {
    use(g.ev);
    for (const r of g.rel ?? []) use(r);
  }
  return { ...d, fields, ex: d.ex.filter((l) => used.has(l[0])) };
}
