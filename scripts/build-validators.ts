// Build step after tsc: the JSON Schemas as ajv standalone code (dist/pipeline/validators.generated.cjs),
// so no process compiles them at start-up. pipeline/schemas.ts checks the embedded hash and
// compiles at run time instead when the schema files changed since.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import standalone from 'ajv/dist/standalone/index.js';
import { packageRoot } from '../pipeline/paths.js';
import { newAjv, PRECOMPILED_FILE, SCHEMA_NAMES, schemasHash } from '../pipeline/schemas.js';

const ajv = newAjv({ source: true });
const exports = Object.fromEntries(SCHEMA_NAMES.map((name) => [name, `${name}.schema.json`]));
const code = `${standalone.default(ajv, exports)}\nexports.schemasHash = ${JSON.stringify(schemasHash())};\n`;
writeFileSync(path.join(packageRoot, 'dist', 'pipeline', PRECOMPILED_FILE), code);
