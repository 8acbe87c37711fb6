// The schemas compiled ahead of time (npm run build) behave as the schemas compiled at run time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../pipeline/config.js';
import { packageRoot } from '../pipeline/paths.js';
import { processFile } from '../pipeline/process-file.js';
import { newAjv, PRECOMPILED_FILE, SCHEMA_NAMES, schemasHash, validator } from '../pipeline/schemas.js';

const require = createRequire(import.meta.url);

test('the build wrote the validators for the current schema files, and they are the ones used', () => {
  const mod = require(path.join(packageRoot, 'dist', 'pipeline', PRECOMPILED_FILE)) as Record<string, unknown>;
  assert.equal(mod['schemasHash'], schemasHash(), 'npm run build compiles the schemas ahead of time');
  for (const name of SCHEMA_NAMES) assert.equal(validator(name), mod[name], name);
});

test('ahead-of-time and run-time validators accept and reject the same records with the same errors', () => {
  const ajv = newAjv();
  const record = processFile('seeds/001.txt', '001.txt', readFileSync(path.join(packageRoot, 'seeds', '001_441182d5b2a5f59a.txt')), defaultConfig()).record;
  const broken = [structuredClone(record), { ...structuredClone(record), sha256: 'x' }, { ...structuredClone(record), date: { value: 'soon' } }, {}];
  for (const r of broken) {
    const aot = validator('seed-record');
    const rt = ajv.getSchema('seed-record.schema.json')!;
    assert.equal(aot(r), rt(r));
    assert.deepEqual(aot.errors ?? null, rt.errors ?? null);
  }
  assert.equal(validator('seed-record')(record), true);
});
