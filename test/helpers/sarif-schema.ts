// The OASIS SARIF 2.1.0 schema (vendored, see test/schemas/README.md), compiled once with ajv.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { packageRoot } from '../../pipeline/paths.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let compiled: ValidateFunction | undefined;

export function sarifValidator(): ValidateFunction {
  if (compiled) return compiled;
  // Draft-07 schema: ajv's default class. strict off: the schema uses keywords ajv's strict mode flags.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  compiled = ajv.compile(JSON.parse(readFileSync(path.join(packageRoot, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
  return compiled;
}
