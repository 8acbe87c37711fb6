// Changed-files mode (`--changed-since REF`): only seeds added or changed since REF are read
// and detected; every other seed's record is taken from the previous manifest, so the corpus
// checks (INDEX.md, duplicates, near-duplicates) still see the whole corpus and the written
// manifest is the one a full run would write. A seed is read after all when the previous
// manifest has no record for it, was written by another tool version or config, or records a
// different size for it. Outside a git checkout everything is read, with a note saying so.
import path from 'node:path';
import type { Config } from './config.js';
import type { SeedEntry } from './discover.js';
import { oneLine } from './format/one-line.js';
import { filesChangedSince } from './git.js';
import { UsageError, type Io } from './io.js';
import type { Manifest } from './output/manifest.js';
import { displayPath } from './paths.js';
import type { FileResult } from './process-file.js';
import { validator } from './schemas.js';
import type { Diagnostic, SeedRecord } from './types.js';
import { VERSION } from './version.js';

/**
 * Flags that corpus stages add to a record (INDEX.md and cross-file checks). They are dropped
 * from a reused record because the corpus stages run again and add them afresh.
 */
export function isCorpusFlag(d: Diagnostic): boolean {
  return d.ruleId.startsWith('corpus/') || d.ruleId.startsWith('index/');
}

export interface ChangedSincePlan {
  /** The engine's hook: a reused result, or null to read and process the file. */
  reuse(entry: SeedEntry): Promise<FileResult | null>;
  /** One line for stderr: how many files were checked and how many reused (`known`: vouched for by the cache). */
  note(known?: number): string;
}

export interface ChangedSinceOptions {
  ref: string;
  seeds: string;
  out: string;
  config: Config;
}

/**
 * The previous manifest, read a record line at a time: the manifest of a 100,000-file corpus
 * is longer than the longest string V8 can hold. Each record is checked against the record
 * schema, the rest (with no records) against the manifest schema.
 */
async function previousRecords(io: Io, file: string, seedsPath: string, config: Config): Promise<{ records: Map<string, SeedRecord> } | { why: string }> {
  let bytes: Buffer;
  try {
    bytes = await io.fs.readFile(file);
  } catch {
    return { why: 'no previous manifest' };
  }
  const outline: string[] = [];
  const found: SeedRecord[] = [];
  const record = validator('seed-record');
  try {
    for (let start = 0; start < bytes.length; ) {
      let end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      // serializeManifest writes each record as one line, indented by four spaces.
      if (bytes.toString('latin1', start, Math.min(end, start + 5)) === '    {') {
        const line = bytes.toString('utf8', start, end).trim().replace(/,$/u, '');
        const r = JSON.parse(line) as unknown;
        if (!record(r)) return { why: 'the previous manifest does not match the manifest schema' };
        found.push(r as SeedRecord);
      } else outline.push(bytes.toString('utf8', start, end));
      start = end + 1;
    }
    const data = JSON.parse(outline.join('\n')) as unknown;
    if (!validator('manifest')(data)) return { why: 'the previous manifest does not match the manifest schema' };
    const m = data as Manifest;
    if (m.tool.version !== VERSION) return { why: `the previous manifest was written by seedcheck ${m.tool.version}` };
    if (m.tool.configHash !== config.hash) return { why: 'the previous manifest was written with another configuration' };
    if (m.seeds !== seedsPath) return { why: `the previous manifest is for ${m.seeds}` };
    return { records: new Map([...m.records, ...found].map((r) => [r.file, r])) };
  } catch {
    return { why: 'the previous manifest is not valid JSON' };
  }
}

/** Plans a changed-files run, or returns null (with a note on stderr) when every file must be read. */
export async function planChangedSince(io: Io, opts: ChangedSinceOptions): Promise<ChangedSincePlan | null> {
  const seedsDir = path.resolve(io.cwd, opts.seeds);
  const changed = await filesChangedSince(seedsDir, opts.ref);
  if (changed.kind === 'bad-ref') throw new UsageError(`--changed-since: ${oneLine(changed.reason)}`);
  if (changed.kind === 'not-a-checkout') {
    io.stderr.write(`seedcheck: --changed-since ${oneLine(opts.ref)}: ${oneLine(changed.reason)}; checking every file\n`);
    return null;
  }
  const manifestFile = path.resolve(io.cwd, opts.out, 'manifest.json');
  const shownManifest = displayPath(io.cwd, manifestFile);
  // Read only when a file the cache cannot vouch for needs it: a warm cache makes it unneeded.
  let prevRead: ReturnType<typeof previousRecords> | undefined;
  let prev: Awaited<ReturnType<typeof previousRecords>> | undefined;
  const previous = async (): Promise<Map<string, SeedRecord>> => {
    prev = await (prevRead ??= previousRecords(io, manifestFile, displayPath(io.cwd, seedsDir), opts.config));
    return 'records' in prev ? prev.records : new Map<string, SeedRecord>();
  };
  const changedNames = new Set(changed.files);
  let checked = 0;
  let reused = 0;

  return {
    async reuse(entry) {
      const record = changedNames.has(entry.name) ? undefined : (await previous()).get(entry.name);
      let size: number | undefined;
      if (record) {
        try {
          size = (await io.fs.stat(entry.absolute)).size;
        } catch {
          size = undefined;
        }
      }
      if (!record || size !== record.bytes) {
        checked += 1;
        return null;
      }
      reused += 1;
      const copy = structuredClone(record);
      const messages = copy.quality.flags.filter((d) => !isCorpusFlag(d));
      copy.quality = { score: copy.quality.score, flags: messages };
      return { record: copy, messages };
    },
    note(known = 0) {
      const parts = [`${checked} file${checked === 1 ? '' : 's'} checked`];
      if (known > 0) parts.push(`${known} unchanged according to the cache`);
      if (prev) parts.push(`${reused} ${'records' in prev ? `reused from ${shownManifest}` : `reused (${prev.why} at ${shownManifest})`}`);
      return `seedcheck: changed since ${oneLine(opts.ref)}: ${parts.join(', ')}`;
    },
  };
}
