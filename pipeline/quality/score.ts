// A 0–100 quality score: 100 minus a penalty per flag by severity, floored at 0.
import type { Diagnostic } from '../types.js';

export const PENALTY = { error: 25, warning: 8, info: 1 } as const;

export function scoreOf(flags: readonly Diagnostic[]): number {
  let score = 100;
  for (const f of flags) score -= PENALTY[f.severity];
  return Math.max(0, score);
}
