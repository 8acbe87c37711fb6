// Keeps a flood of one finding readable and the outputs bounded: the first `max` diagnostics
// of each rule on each file are kept, in order, and one more counts the rest.
import type { Diagnostic } from './types.js';

export function capPerFileAndRule(list: readonly Diagnostic[], max: number): Diagnostic[] {
  const seen = new Map<string, { count: number; first: Diagnostic }>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.file}\u0000${d.ruleId}`;
    const s = seen.get(key);
    if (s) s.count += 1;
    else seen.set(key, { count: 1, first: d });
    if ((s?.count ?? 1) <= max) out.push(d);
  }
  for (const { count, first } of seen.values()) {
    if (count <= max) continue;
    out.push({
      file: first.file,
      ruleId: first.ruleId,
      severity: first.severity,
      message: `${count - max} more finding(s) of this rule are not listed (${count} in all; only the first ${max} are)`,
      measured: count,
      threshold: max,
    });
  }
  return out;
}
