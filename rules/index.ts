/** Every lint rule, in a fixed order (the order findings of one line are reported in). */
import { chainDeclaration } from "./chain-declaration/rule.js";
import { chainNameTooLong } from "./chain-name-too-long/rule.js";
import { duplicateRule } from "./duplicate-rule/rule.js";
import { jumpToUndefinedChain } from "./jump-to-undefined-chain/rule.js";
import { masqueradeMarkNotCleared } from "./masquerade-mark-not-cleared/rule.js";
import type { RuleModule } from "./types.js";
import { undeclaredChain } from "./undeclared-chain/rule.js";
import { unreachableRule } from "./unreachable-rule/rule.js";
import { unusedChain } from "./unused-chain/rule.js";

export const allRules: readonly RuleModule[] = [
  masqueradeMarkNotCleared,
  jumpToUndefinedChain,
  undeclaredChain,
  chainDeclaration,
  chainNameTooLong,
  unreachableRule,
  duplicateRule,
  unusedChain,
];

export type * from "./types.js";
