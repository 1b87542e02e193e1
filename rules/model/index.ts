/**
 * The ruleset model: the one import rules use to learn what a ruleset means. See model.ts.
 */
export type { Chain, CommandWithoutItsRule } from "./chains.js";
export type { Reach, UnreachedChain } from "./graph.js";
export type { LineShapes } from "./shapes.js";
export { IdSlots, lineNo, NONE, type LineNo, type NameId, type None } from "./ids.js";
export { WATCHED_MODULES, WATCHED_OPTIONS, type LineFact, type LineIndex, type LineNumbers, type LineQuery, type WatchedModule, type WatchedOption } from "./line-index.js";
export { chainsNamed, isChainOfLine, modelOf, type ChainSet, type ModelOptions, type HookReach, type RepeatedRule, type RulesetModel, type TableModel } from "./model.js";
export type { Backend, ConfiguredFamily, FamilyEvidence, FamilySource } from "./origin.js";
export { familyOfName } from "./origin.js";
export { declaredName, RestoreStep, targetOf, type Declaration, type MissingJump, type Redeclaration, type RuleText, type TargetRef } from "./replay.js";
export { appendsOnly, isBuiltinChain, isUserChain } from "./chains.js";
export { defaultDeny, isUnconditional, type DefaultDeny } from "./deny.js";
export { ruleKeyOfLine } from "./rule-key.js";
export { forEachOptionValue, valueOf, type OptionValue } from "./option-values.js";
export { linesRepeatingOnceOptions, targetGivenOptions } from "./option-tokens.js";
export { commandLineAt, commentLinesStarting, ruleLineAt, type CommentLine } from "./lines.js";
export { protocolProblem, ruleProtocol, type ProtocolProblem, type RuleProtocol } from "./rule-protocol.js";
export { linesWithWordRuns } from "./value-runs.js";
