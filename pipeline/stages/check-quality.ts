// Runs every registered quality rule on the file; the file's diagnostics become its quality flags.
import { rules } from '../quality/registry.js';
import { scoreOf } from '../quality/score.js';
import { report, type SeedFile } from '../seed-file.js';

export function checkQuality(file: SeedFile): void {
  for (const rule of rules) {
    rule.check(file, (d) => report(file, { ...d, ruleId: rule.id, severity: d.severity ?? rule.severity }));
  }
  file.record.quality = { score: scoreOf(file.messages), flags: file.messages };
}
