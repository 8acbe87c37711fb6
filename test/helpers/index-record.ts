// Hand-built records for the INDEX comparison and write-mode tests: only the detected fields
// matter there, so everything else gets a neutral default.
import type { AuthorField, DateField, Place, RegionField, SeedRecord, SourceType } from '../../pipeline/types.js';

export interface RecordSpec {
  file: string;
  type?: SourceType | null;
  title?: string | null;
  /** `value precision kind`, e.g. `2022-11-24 day published`. */
  date?: string | null;
  author?: Partial<Pick<AuthorField, 'name' | 'role' | 'affiliation' | 'anonymous' | 'organisation'>> | null;
  region?: { scope: RegionField['scope']; province?: Place | null; prefecture?: Place | null; county?: Place | null } | null;
  /** Evidence text (line 3, column 1): one for every field, or one per field. */
  evidence?: string | Partial<Record<'type' | 'title' | 'date' | 'author' | 'region', string>>;
}

export function buildRecord(spec: RecordSpec): SeedRecord {
  const evOf = (field: 'type' | 'title' | 'date' | 'author' | 'region') => ({
    line: 3,
    column: 1,
    text: (typeof spec.evidence === 'object' ? spec.evidence[field] : spec.evidence) ?? 'evidence',
  });
  let date: DateField | null = null;
  if (spec.date) {
    const [value = '', precision = 'day', kind = 'published'] = spec.date.split(' ');
    date = { value, precision: precision as DateField['precision'], kind: kind as DateField['kind'], confidence: 0.9, evidence: evOf('date'), candidates: [] };
  }
  return {
    id: spec.file.replace(/\.txt$/u, ''),
    file: spec.file,
    sha256: '0'.repeat(64),
    bytes: 100,
    encoding: 'utf-8',
    chars: 100,
    lines: 5,
    lineEnding: 'lf',
    sourceType: spec.type ? { value: spec.type, confidence: 0.9, signals: [{ id: `${spec.type}.test`, type: spec.type, weight: 1, evidence: evOf('type') }] } : null,
    title: spec.title ? { value: spec.title, confidence: 0.9, evidence: evOf('title') } : null,
    date,
    author: spec.author
      ? { name: null, role: null, affiliation: null, anonymous: false, organisation: false, ...spec.author, confidence: 0.9, evidence: evOf('author') }
      : null,
    region: spec.region
      ? { province: null, prefecture: null, county: null, ...spec.region, confidence: 0.9, evidence: evOf('region'), mentions: [] }
      : null,
    keywords: null,
    quality: { score: 100, flags: [] },
  };
}

export const FRONT_MATTER = (count: number): string =>
  `---\nname: t\ndescription: d\nlicence: CC0-1.0\nlanguage: zh\nmaintainers: [a]\ncount: ${count}\n---\n`;
export const TABLE_HEAD = '| file | title | type | date | author | region |\n| --- | --- | --- | --- | --- | --- |\n';
