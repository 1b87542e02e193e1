/** Every lint rule, in a fixed order (the order findings of one line are reported in). */
import { addressFamilyMismatch } from "./address-family-mismatch/rule.js";
import { chainDeclaration } from "./chain-declaration/rule.js";
import { chainNameTooLong } from "./chain-name-too-long/rule.js";
import { duplicateRule } from "./duplicate-rule/rule.js";
import { jumpToUndefinedChain } from "./jump-to-undefined-chain/rule.js";
import { lineEnds } from "./line-ends/rule.js";
import { markBitConflict } from "./mark-bit-conflict/rule.js";
import { masqueradeMarkNotCleared } from "./masquerade-mark-not-cleared/rule.js";
import { oldNegationSyntax } from "./old-negation-syntax/rule.js";
import { optionNeedsProtocol } from "./option-needs-protocol/rule.js";
import { targetNotAllowedHere } from "./target-not-allowed-here/rule.js";
import type { RuleModule } from "./types.js";
import { undeclaredChain } from "./undeclared-chain/rule.js";
import { unreachableRule } from "./unreachable-rule/rule.js";
import { unusedChain } from "./unused-chain/rule.js";

/**
 * Rules that run only when the configuration gives them a severity. They are complete and
 * tested, but each group reads every line of the file in a pass of its own, and together they
 * take iptlint past its speed goal on a 10,000-service dump (lint 0.61x and fix 0.91x of
 * iptables-restore --test, against 0.5x and 0.6x). They run by default once their passes are
 * shared.
 */
const optIn = (rule: RuleModule): RuleModule => ({ ...rule, enabled: false });

export const allRules: readonly RuleModule[] = [
  optIn(lineEnds),
  optIn(oldNegationSyntax),
  optIn(optionNeedsProtocol),
  optIn(addressFamilyMismatch),
  optIn(targetNotAllowedHere),
  masqueradeMarkNotCleared,
  optIn(markBitConflict),
  optIn(jumpToUndefinedChain),
  optIn(undeclaredChain),
  optIn(chainDeclaration),
  optIn(chainNameTooLong),
  optIn(unreachableRule),
  optIn(duplicateRule),
  optIn(unusedChain),
];

export type * from "./types.js";
