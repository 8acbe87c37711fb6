// Runs every registered quality rule on the file; the file's diagnostics become its quality flags.
import { optionsFor, severityFor } from '../config.js';
import { rules } from '../quality/registry.js';
import { resolveOptions } from '../quality/rule.js';
import { scoreOf } from '../quality/score.js';
import { report, type SeedFile } from '../seed-file.js';

export function checkQuality(file: SeedFile): void {
  for (const rule of rules) {
    // A rule switched off in the config is not run at all.
    if (severityFor(file.config, rule.id, rule.severity) === 'off') continue;
    const options = resolveOptions(rule, optionsFor(file.config, rule.id));
    rule.check(file, (d) => report(file, { ...d, ruleId: rule.id, severity: d.severity ?? rule.severity }), options);
  }
  file.record.quality = { score: scoreOf(file.messages), flags: file.messages };
}
