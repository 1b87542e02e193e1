/** Every lint rule, in a fixed order (the order findings of one line are reported in). */
import { addressFamilyMismatch } from "./address-family-mismatch/rule.js";
import { chainDeclaration } from "./chain-declaration/rule.js";
import { chainNameTooLong } from "./chain-name-too-long/rule.js";
import { ruleNotInChain } from "./rule-not-in-chain/rule.js";
import { commentAfterRule } from "./comment-after-rule/rule.js";
import { conflictingOptions } from "./conflicting-options/rule.js";
import { optionCannotBeNegated } from "./option-cannot-be-negated/rule.js";
import { duplicateRule } from "./duplicate-rule/rule.js";
import { dumpIncompleteTable } from "./dump-incomplete-table/rule.js";
import { dumpUnsupportedRevision } from "./dump-unsupported-revision/rule.js";
import { forwardDropStrandsTraffic } from "./forward-drop-strands-traffic/rule.js";
import { foreignJumpIntoKubeChain } from "./foreign-jump-into-kube-chain/rule.js";
import { icmpv6NdBlocked } from "./icmpv6-nd-blocked/rule.js";
import { ipv6LeftOpen } from "./ipv6-left-open/rule.js";
import { inlineOptionValue } from "./inline-option-value/rule.js";
import { invalidOptionValue } from "./invalid-option-value/rule.js";
import { interfaceDirection } from "./interface-direction/rule.js";
import { iptablesBackendSplit } from "./iptables-backend-split/rule.js";
import { jumpToUndefinedChain } from "./jump-to-undefined-chain/rule.js";
import { kubeLocalnetExposed } from "./kube-localnet-exposed/rule.js";
import { lineEnds } from "./line-ends/rule.js";
import { markBitConflict } from "./mark-bit-conflict/rule.js";
import { masqueradeMarkNotCleared } from "./masquerade-mark-not-cleared/rule.js";
import { matchNotAllowedHere } from "./match-not-allowed-here/rule.js";
import { missingOption } from "./missing-option/rule.js";
import { multiportTooManyPorts } from "./multiport-too-many-ports/rule.js";
import { oldNegationSyntax } from "./old-negation-syntax/rule.js";
import { optionNeedsNewerIptables } from "./option-needs-newer-iptables/rule.js";
import { optionNeedsProtocol } from "./option-needs-protocol/rule.js";
import { otherFamilyLine } from "./other-family-line/rule.js";
import { publishedPortBypassesInput } from "./published-port-bypasses-input/rule.js";
import { queueTarget } from "./queue-target/rule.js";
import { rawDropShadowsFilterAccept } from "./raw-drop-shadows-filter-accept/rule.js";
import { staleProxyModeRules } from "./stale-proxy-mode-rules/rule.js";
import { repeatedOption } from "./repeated-option/rule.js";
import { securityJumpShadowed } from "./security-jump-shadowed/rule.js";
import { targetNeedsProtocol } from "./target-needs-protocol/rule.js";
import { targetNotAllowedHere } from "./target-not-allowed-here/rule.js";
import type { RuleModule } from "./types.js";
import { undeclaredChain } from "./undeclared-chain/rule.js";
import { unknownExtension } from "./unknown-extension/rule.js";
import { unknownOption } from "./unknown-option/rule.js";
import { unreachableRule } from "./unreachable-rule/rule.js";
import { strayArgument } from "./stray-argument/rule.js";
import { unterminatedQuote } from "./unterminated-quote/rule.js";
import { unusedChain } from "./unused-chain/rule.js";

export const allRules: readonly RuleModule[] = [
  lineEnds,
  commentAfterRule,
  strayArgument,
  unterminatedQuote,
  oldNegationSyntax,
  inlineOptionValue,
  optionNeedsProtocol,
  targetNeedsProtocol,
  unknownExtension,
  unknownOption,
  invalidOptionValue,
  missingOption,
  conflictingOptions,
  optionCannotBeNegated,
  repeatedOption,
  optionNeedsNewerIptables,
  addressFamilyMismatch,
  otherFamilyLine,
  targetNotAllowedHere,
  matchNotAllowedHere,
  multiportTooManyPorts,
  interfaceDirection,
  queueTarget,
  masqueradeMarkNotCleared,
  markBitConflict,
  icmpv6NdBlocked,
  ipv6LeftOpen,
  jumpToUndefinedChain,
  undeclaredChain,
  chainDeclaration,
  chainNameTooLong,
  ruleNotInChain,
  unreachableRule,
  duplicateRule,
  unusedChain,
  // Dumps that are not the whole node, and kube-proxy's hazards (issue 14).
  dumpUnsupportedRevision,
  dumpIncompleteTable,
  iptablesBackendSplit,
  foreignJumpIntoKubeChain,
  staleProxyModeRules,
  kubeLocalnetExposed,
  // Hazards found with the packet walk (issue 14).
  forwardDropStrandsTraffic,
  publishedPortBypassesInput,
  rawDropShadowsFilterAccept,
  securityJumpShadowed,
];

export { OTHER_FAMILY_LINE } from "./other-family-line/rule.js";
export type * from "./types.js";
