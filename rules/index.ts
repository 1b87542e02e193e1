/** Every lint rule, in a fixed order (the order findings of one line are reported in). */
import { masqueradeMarkNotCleared } from "./masquerade-mark-not-cleared/rule.js";
import type { RuleModule } from "./types.js";

export const allRules: readonly RuleModule[] = [masqueradeMarkNotCleared];

export type * from "./types.js";
