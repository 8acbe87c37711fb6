// SARIF 2.1.0 (the format code-scanning services read): one run, one result per diagnostic,
// rule metadata from the quality registry where a rule is registered there. Columns count
// Unicode code points, which SARIF states with `columnKind`. Findings covered by the baseline
// are kept as results with an external suppression, so viewers can show them as dismissed.
import type { Log, Location, ReportingDescriptor, Result } from 'sarif';
import { compareDiagnostics } from '../diagnostic.js';
import { escapeJsonText } from '../output/escape.js';
import { rules as qualityRules } from '../quality/registry.js';
import type { Diagnostic, Evidence, Severity } from '../types.js';
import type { FormatInput } from './index.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A display path as a relative URI reference: each segment percent-encoded (spaces, CJK, `#`, `%`). */
export function pathToUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function location(file: string, at?: { line?: number; column?: number; endLine?: number; endColumn?: number; text?: string }): Location {
  const loc: Location = { physicalLocation: { artifactLocation: { uri: pathToUri(file), uriBaseId: '%SRCROOT%' } } };
  if (at?.line !== undefined && at.line >= 1) {
    const region: NonNullable<NonNullable<Location['physicalLocation']>['region']> = { startLine: at.line };
    if (at.column !== undefined && at.column >= 1) region.startColumn = at.column;
    if (at.endLine !== undefined && at.endLine >= at.line) region.endLine = at.endLine;
    if (at.endColumn !== undefined && at.endColumn >= 1) region.endColumn = at.endColumn;
    if (at.text !== undefined && at.text !== '') region.snippet = { text: at.text };
    loc.physicalLocation!.region = region;
  }
  return loc;
}

function descriptor(ruleId: string): ReportingDescriptor {
  const meta = qualityRules.find((r) => r.id === ruleId);
  if (!meta) return { id: ruleId };
  return {
    id: ruleId,
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} Threshold: ${meta.rationale}` },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: [...meta.tags] },
  };
}

function relatedLocations(file: string, related: Evidence[]): Location[] {
  return related.map((e, i) => ({ ...location(file, e), id: i + 1, message: { text: `related span ${i + 1}` } }));
}

export function formatSarif({ diagnostics, manifest, baselined }: FormatInput): string {
  const covered = new Set<Diagnostic>(baselined ?? []);
  const all = [...diagnostics, ...covered].sort(compareDiagnostics);
  const ruleIds = [...new Set(all.map((d) => d.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const results: Result[] = all.map((d) => {
    const result: Result = {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId)!,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [location(d.file, { ...d, ...(d.evidence !== undefined ? { text: d.evidence } : {}) })],
    };
    if (d.related && d.related.length > 0) result.relatedLocations = relatedLocations(d.file, d.related);
    const props: Record<string, string | number> = {};
    if (d.expected !== undefined) props['expected'] = d.expected;
    if (d.actual !== undefined) props['actual'] = d.actual;
    if (d.measured !== undefined) props['measured'] = d.measured;
    if (d.threshold !== undefined) props['threshold'] = d.threshold;
    if (Object.keys(props).length > 0) result.properties = props;
    if (covered.has(d)) result.suppressions = [{ kind: 'external', justification: 'recorded in the seedcheck baseline file' }];
    return result;
  });

  const log: Log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'seedcheck', version: manifest.tool.version, semanticVersion: manifest.tool.version, rules: ruleIds.map(descriptor) } },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  // `##[` (GitHub's legacy command syntax) can only occur inside JSON strings, where \u0023 is equivalent.
  return `${escapeJsonText(JSON.stringify(log, null, 2)).replace(/##\[/gu, '\\u0023#[')}\n`;
}
