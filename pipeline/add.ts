// `npm run add -- FILE…`: bring documents into the corpus. Each file (text, or an HTML page
// whose main text is extracted) is converted to UTF-8 with LF line ends, named
// NNN_<16 hex>.txt with the next sequence number and the first 16 hex of the sha256 of its
// UTF-8 text, copied into the seeds folder, and given an INDEX.md row from detection.
//
// All or nothing: every file is converted, checked against the corpus and detected in memory
// first; if any one is refused (its content is already in the corpus or earlier in the same
// command, it cannot be decoded, it is binary or empty) or INDEX.md cannot take the rows,
// nothing is written and the exit code is 1. Exit 2: bad flags, no files, seeds folder missing.
import { createHash } from 'node:crypto';
import path from 'node:path';
import iconv from 'iconv-lite';
import { toSeedText, type SourceText } from './add/source-text.js';
import { CONFIG_FILE, defaultConfig } from './config.js';
import { readConfigFile } from './config-file.js';
import { INDEX_FILE, discover } from './discover.js';
import { SEED_NAME } from './index/check.js';
import { printableDiff, unifiedDiff } from './index/diff.js';
import { readIndexFile } from './index/read-index.js';
import { describeRewrite } from './index/summary.js';
import { rewriteIndex } from './index/write.js';
import { UsageError, type Io } from './io.js';
import { answeredHelpOrVersion, parseCommandLine } from './command-line.js';
import { escapeTerminal } from './output/escape.js';
import { writeAtomic } from './output/write-atomic.js';
import { displayPath } from './paths.js';
import { processFile } from './process-file.js';
import { createSeedFile } from './seed-file.js';
import { decode } from './stages/decode.js';
import type { SeedRecord } from './types.js';

export const ADD_HELP = `Usage: npm run add -- [options] FILE…

Add text or HTML files to the corpus: convert each to UTF-8 with LF line
ends (HTML: the main text, without scripts, styles, navigation, header and
footer), name it NNN_<16 hex>.txt (next sequence number, first 16 hex of
the sha256 of its text), copy it into the seeds folder and add its row to
INDEX.md from detection. A file whose content is already in the corpus is
refused; if any file is refused, nothing is written.

Options:
  --seeds DIR          seeds folder (default: seeds)
  --config FILE        config file (default: ${CONFIG_FILE} when present)
  --encoding NAME      the files' encoding when it cannot be detected (e.g. big5)
  --dry-run            say what would be added and print the INDEX.md diff; write nothing
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 added; 1 refused (nothing written); 2 the tool could not run.
`;

const OPTIONS = {
  seeds: { type: 'string', default: 'seeds' },
  config: { type: 'string' },
  encoding: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The text an existing seed holds, in the form new content is compared in (UTF-8, LF, no BOM). */
function contentKey(name: string, bytes: Buffer): string {
  const file = createSeedFile(name, name, bytes, defaultConfig());
  decode(file);
  if (file.binary) return sha256(bytes);
  return sha256(file.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n'));
}

interface Planned {
  source: string;
  converted: SourceText;
  name: string;
  record: SeedRecord;
}

function describeSource(c: SourceText): string {
  const parts: string[] = [];
  if (c.html) parts.push('HTML page: main text extracted');
  parts.push(/^utf-8$/u.test(c.encoding) ? 'UTF-8' : `${c.encoding} → UTF-8`);
  if (c.lineEnding === 'crlf' || c.lineEnding === 'cr' || c.lineEnding === 'mixed') parts.push(`${c.lineEnding.toUpperCase()} → LF`);
  return parts.join('; ');
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const parsed = parseCommandLine(argv, OPTIONS, true);
    const v = parsed.values;
    if (answeredHelpOrVersion(v, io, ADD_HELP)) return 0;
    if (parsed.positionals.length === 0) throw new UsageError('name one or more files to add (npm run add -- FILE…)');
    if (v.encoding !== undefined && !iconv.encodingExists(v.encoding)) throw new UsageError(`unknown --encoding "${v.encoding}"`);
    const config = await readConfigFile(io, v.config);
    const seedsDir = path.resolve(io.cwd, v.seeds);
    const found = await discover(io.fs, io.cwd, v.seeds);
    const indexShown = displayPath(io.cwd, path.join(seedsDir, INDEX_FILE));
    const refusals: string[] = [];

    const read = await readIndexFile(io.fs, seedsDir, indexShown);
    if (read.missing) refusals.push(`${indexShown} not found; create it first (\`npm run index\` starts one from the seeds folder)`);
    else if (read.text === null || read.messages.some((m) => m.severity === 'error')) {
      refusals.push(`${indexShown} cannot take new rows: ${read.messages.map((m) => m.message).join('; ') || 'it could not be read'}`);
    }

    // What the corpus already holds, by content.
    const existing = new Map<string, string>();
    let next = 0;
    for (const entry of found.seeds) {
      const m = SEED_NAME.exec(entry.name);
      if (m) next = Math.max(next, Number(m[1]) + 1);
      try {
        existing.set(contentKey(entry.name, await io.fs.readFile(entry.absolute)), entry.path);
      } catch {
        // An unreadable seed cannot be compared; validate reports it.
      }
    }

    const planned: Planned[] = [];
    for (const arg of parsed.positionals) {
      const absolute = path.resolve(io.cwd, arg);
      const shown = displayPath(io.cwd, absolute);
      let bytes: Buffer;
      try {
        bytes = await io.fs.readFile(absolute);
      } catch (err) {
        refusals.push(`refused ${shown}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
        continue;
      }
      const converted = toSeedText(bytes, path.basename(absolute), v.encoding);
      if ('error' in converted) {
        refusals.push(`refused ${shown}: ${converted.error}`);
        continue;
      }
      const hash = sha256(converted.text);
      const already = existing.get(hash);
      if (already) {
        refusals.push(`refused ${shown}: its content is already in the corpus as ${already}`);
        continue;
      }
      const seq = String(next).padStart(3, '0');
      const name = `${seq}_${hash.slice(0, 16)}.txt`;
      const seedShown = displayPath(io.cwd, path.join(seedsDir, name));
      existing.set(hash, `${seedShown} (added by this command from ${shown})`);
      next += 1;
      const record = processFile(seedShown, name, Buffer.from(converted.text, 'utf8'), config).record;
      planned.push({ source: shown, converted, name, record });
    }

    let rewritten: ReturnType<typeof rewriteIndex> | null = null;
    if (refusals.length === 0 && read.text !== null) {
      const files = [...found.seeds.map((s) => s.name), ...planned.map((p) => p.name)].sort();
      rewritten = rewriteIndex({ text: read.text, files, records: planned.map((p) => p.record), only: new Set(planned.map((p) => p.name)) });
      if (!rewritten.ok) refusals.push(`${indexShown} cannot take new rows: ${rewritten.reason}`);
    }
    if (refusals.length > 0 || !rewritten?.ok || read.text === null) {
      for (const r of refusals) io.stderr.write(`seedcheck add: ${escapeTerminal(r)}\n`);
      io.stderr.write('seedcheck add: nothing was written\n');
      return 1;
    }

    const dry = v['dry-run'];
    if (!dry) {
      const written: string[] = [];
      try {
        for (const p of planned) {
          const target = path.join(seedsDir, p.name);
          await writeAtomic(io.fs, target, p.converted.text);
          written.push(target);
        }
        await writeAtomic(io.fs, path.join(seedsDir, INDEX_FILE), rewritten.text);
      } catch (err) {
        // Leave the corpus as it was: a seed without its row is worse than no seed.
        for (const w of written) await io.fs.rm(w, { force: true });
        throw err;
      }
    }
    for (const p of planned) {
      io.stdout.write(`${dry ? 'would add' : 'added'} ${displayPath(io.cwd, path.join(seedsDir, p.name))} ← ${escapeTerminal(p.source)} (${describeSource(p.converted)})\n`);
    }
    io.stdout.write(printableDiff(unifiedDiff(indexShown, read.text, rewritten.text), Boolean(io.stdout.isTTY)));
    io.stderr.write(describeRewrite(indexShown, rewritten, !dry));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`seedcheck add: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`seedcheck add: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 2;
  }
}
