// Validate the finished record against schemas/seed-record.schema.json (compiled once).
import { validator } from '../schemas.js';
import { report, type SeedFile } from '../seed-file.js';

export function validateRecord(file: SeedFile): void {
  const validate = validator('seed-record');
  if (validate(file.record)) return;
  for (const e of validate.errors ?? []) {
    report(file, {
      ruleId: 'schema/record',
      severity: 'error',
      message: `record ${e.instancePath || '(root)'} ${e.message ?? 'is invalid'} (schema ${e.schemaPath})`,
      evidence: e.instancePath,
    });
  }
}
