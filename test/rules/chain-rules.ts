/** The chain rules (which jumps, declarations and chains iptables refuses or never uses), for their tests. */
import { chainDeclaration } from "../../rules/chain-declaration/rule.js";
import { chainNameTooLong } from "../../rules/chain-name-too-long/rule.js";
import { duplicateRule } from "../../rules/duplicate-rule/rule.js";
import { jumpToUndefinedChain } from "../../rules/jump-to-undefined-chain/rule.js";
import type { RuleModule } from "../../rules/types.js";
import { undeclaredChain } from "../../rules/undeclared-chain/rule.js";
import { unreachableRule } from "../../rules/unreachable-rule/rule.js";
import { unusedChain } from "../../rules/unused-chain/rule.js";

export const chainRules: readonly RuleModule[] = [
  jumpToUndefinedChain,
  undeclaredChain,
  chainDeclaration,
  chainNameTooLong,
  unreachableRule,
  duplicateRule,
  unusedChain,
];
