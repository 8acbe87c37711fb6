// Runs every registered quality rule on the file; the file's diagnostics become its quality flags.
import { optionsFor, severityFor } from '../config.js';
import { rules } from '../quality/registry.js';
import { resolveOptions } from '../quality/rule.js';
import { scoreOf } from '../quality/score.js';
import { report, type SeedFile } from '../seed-file.js';

/**
 * At most this many findings of one rule are listed per file, and this many related places per
 * finding; one more diagnostic counts the rest. A hostile file (a megabyte of “” or of jammer noise) would otherwise yield millions of
 * diagnostics: a manifest of hundreds of MB, or a run that dies building it.
 */
export const MAX_FINDINGS_PER_RULE = 50;

export function checkQuality(file: SeedFile): void {
  for (const rule of rules) {
    // A rule switched off in the config is not run at all.
    if (severityFor(file.config, rule.id, rule.severity) === 'off') continue;
    const options = resolveOptions(rule, optionsFor(file.config, rule.id));
    let found = 0;
    rule.check(
      file,
      (d) => {
        found += 1;
        if (found > MAX_FINDINGS_PER_RULE) return;
        const related = d.related && d.related.length > MAX_FINDINGS_PER_RULE ? d.related.slice(0, MAX_FINDINGS_PER_RULE) : d.related;
        const message = related === d.related ? d.message : `${d.message} (the first ${MAX_FINDINGS_PER_RULE} of ${d.related!.length} other places are listed)`;
        report(file, { ...d, message, ...(related ? { related } : {}), ruleId: rule.id, severity: d.severity ?? rule.severity });
      },
      options,
    );
    if (found > MAX_FINDINGS_PER_RULE) {
      const more = found - MAX_FINDINGS_PER_RULE;
      report(file, { ruleId: rule.id, severity: rule.severity, message: `${more} more finding(s) of this rule are not listed (${found} in all; only the first ${MAX_FINDINGS_PER_RULE} are)`, measured: found, threshold: MAX_FINDINGS_PER_RULE });
    }
  }
  file.record.quality = { score: scoreOf(file.messages), flags: file.messages };
}
