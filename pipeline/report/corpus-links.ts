// Ties corpus findings to the files they are about: INDEX.md disagreements (reported at an
// INDEX line, naming the seed file in their text) and duplicate / near-duplicate partners.
import type { Manifest } from '../output/manifest.js';
import type { Diagnostic } from '../types.js';
import type { PartnerData } from './data.js';

export interface CorpusLinks {
  /** Record file name for a name or path used anywhere in the manifest, if it is one. */
  resolve(nameOrPath: string): string | undefined;
  indexByFile: Map<string, Diagnostic[]>;
  /** Seed file an INDEX diagnostic is about, when its text names one. */
  fileOfIndexDiagnostic: Map<Diagnostic, string>;
  partnersByFile: Map<string, PartnerData[]>;
}

export const isIndexDiagnostic = (d: Diagnostic): boolean => d.ruleId.startsWith('index/');

// Candidate file names inside free text: runs without spaces, brackets, quotes or separators.
const TOKEN = /[^\s|()[\]<>"'`“”‘’,，:：;；]+/gu;

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

export function linkCorpus(m: Manifest): CorpusLinks {
  const names = new Set(m.records.map((r) => r.file));
  const resolve = (s: string): string | undefined => {
    if (names.has(s)) return s;
    const base = basename(s);
    if (names.has(base)) return base;
    // A name at the end of a sentence: "… 005_x.txt."
    const trimmed = base.replace(/[.。]+$/u, '');
    return names.has(trimmed) ? trimmed : undefined;
  };

  const indexByFile = new Map<string, Diagnostic[]>();
  const fileOfIndexDiagnostic = new Map<Diagnostic, string>();
  for (const d of m.corpus.diagnostics) {
    if (!isIndexDiagnostic(d)) continue;
    const texts = [d.actual, d.expected, d.evidence, d.message, ...(d.related ?? []).map((r) => r.text)];
    let file: string | undefined;
    for (const t of texts) {
      if (!t) continue;
      for (const tok of t.match(TOKEN) ?? []) {
        file = resolve(tok);
        if (file) break;
      }
      if (file) break;
    }
    if (!file) continue;
    fileOfIndexDiagnostic.set(d, file);
    const list = indexByFile.get(file) ?? [];
    list.push(d);
    indexByFile.set(file, list);
  }

  const partnersByFile = new Map<string, PartnerData[]>();
  const addPartner = (a: string, b: string, how: string): void => {
    const list = partnersByFile.get(a) ?? [];
    list.push({ f: b, how });
    partnersByFile.set(a, list);
  };
  for (const g of m.corpus.duplicates) {
    const files = g.files.map((f) => resolve(f) ?? f);
    for (const a of files) for (const b of files) if (a !== b) addPartner(a, b, 'identical bytes');
  }
  for (const n of m.corpus.nearDuplicates) {
    const a = resolve(n.a) ?? n.a;
    const b = resolve(n.b) ?? n.b;
    const how = `near-duplicate, similarity ${n.similarity.toFixed(2)}`;
    addPartner(a, b, how);
    addPartner(b, a, how);
  }
  return { resolve, indexByFile, fileOfIndexDiagnostic, partnersByFile };
}
