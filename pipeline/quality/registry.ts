// Every quality rule, in one list. Add a rule here and it runs, is configurable and documented.
import type { QualityRule } from './rule.js';
import { emptyFile } from './rules/length.js';
import { bidiControls, controlChars } from './rules/control-chars.js';

export const rules: readonly QualityRule[] = [emptyFile, controlChars, bidiControls];
