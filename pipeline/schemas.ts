// Every JSON Schema is compiled once and shared by all stages. `npm run build` compiles them
// ahead of time (ajv standalone code, scripts/build-validators.ts): a worker thread or a warm
// run then starts without compiling schemas (~0.3 s each). Compiled here when that code is
// missing or was built from other schema files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemasDir } from './paths.js';

/** In registration order: seed-record is referenced by manifest. */
export const SCHEMA_NAMES = ['seed-record', 'manifest', 'index-front-matter', 'config'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** The file the build writes next to this module. */
export const PRECOMPILED_FILE = 'validators.generated.cjs';

const require = createRequire(import.meta.url);
const compiled = new Map<SchemaName, ValidateFunction>();

function schemaTexts(): string[] {
  return SCHEMA_NAMES.map((name) => readFileSync(path.join(schemasDir, `${name}.schema.json`), 'utf8'));
}

/** Identifies the schema files (and the ajv version) the ahead-of-time code was built from. */
export function schemasHash(): string {
  const h = createHash('sha256').update((require('ajv/package.json') as { version: string }).version);
  for (const text of schemaTexts()) h.update(text).update('\0');
  return h.digest('hex');
}

/** An ajv instance with every schema registered (options shared with the build script). */
export function newAjv(opts: { source?: boolean } = {}): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, ...(opts.source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  for (const text of schemaTexts()) ajv.addSchema(JSON.parse(text) as object);
  return ajv;
}

let precompiled: Partial<Record<SchemaName, ValidateFunction>> | null | undefined;
let runtime: Ajv2020 | undefined;

function aheadOfTime(): Partial<Record<SchemaName, ValidateFunction>> | null {
  if (precompiled !== undefined) return precompiled;
  precompiled = null;
  try {
    const mod = require(`./${PRECOMPILED_FILE}`) as Partial<Record<SchemaName, ValidateFunction>> & { schemasHash?: string };
    if (mod.schemasHash === schemasHash()) precompiled = mod;
  } catch {
    // Not built (tsc alone): compile at run time.
  }
  return precompiled;
}

export function validator(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    fn = aheadOfTime()?.[name] ?? (runtime ??= newAjv()).getSchema(`${name}.schema.json`);
    if (!fn) throw new Error(`schema ${name} is not registered`);
    compiled.set(name, fn);
  }
  return fn;
}

/** ajv errors as short readable lines: `/date/value must match format "date"`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(root)' : e.instancePath;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')})`
          : '';
    return `${where} ${e.message ?? 'is invalid'}${extra}`;
  });
}
