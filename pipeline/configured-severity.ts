// Per-rule severities from the config file for diagnostics that do not pass through
// report() (corpus checks, discovery): the configured severity replaces the default, and
// `off` drops the diagnostic. Applying it twice changes nothing.
import { severityFor, type Config } from './config.js';
import type { Diagnostic } from './types.js';

export function withConfiguredSeverity(list: readonly Diagnostic[], config: Config): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of list) {
    const severity = severityFor(config, d.ruleId, d.severity);
    if (severity === 'off') continue;
    out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}
