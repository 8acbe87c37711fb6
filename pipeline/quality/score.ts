// A 0–100 quality score from a file's flags. Each rule that fired costs the weight of its
// severity; further flags of the same rule cost half of the one before, so one problem
// reported at many places (40 traditional characters, 5 jammer runs) weighs at most twice a
// single flag, while different problems add up. Rounded, floored at 0.
import type { Diagnostic } from '../types.js';

export const PENALTY = { error: 25, warning: 8, info: 1 } as const;

export function scoreOf(flags: readonly Diagnostic[]): number {
  const byRule = new Map<string, number[]>();
  for (const f of flags) {
    const list = byRule.get(f.ruleId) ?? [];
    list.push(PENALTY[f.severity]);
    byRule.set(f.ruleId, list);
  }
  let penalty = 0;
  for (const weights of byRule.values()) {
    weights.sort((a, b) => b - a);
    weights.forEach((w, i) => {
      penalty += w / 2 ** i;
    });
  }
  return Math.max(0, Math.round(100 - penalty));
}
