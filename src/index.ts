/**
 * iptlint's programmatic API: parse and print rulesets, lint and fix text or files, format
 * reports. Everything here is also what the command line uses.
 */
export * from "../grammar/index.js";
export type { Applicability, Finding, Fix, NodeContext, RuleContext, RuleModule, TextEdit } from "../rules/types.js";
export { allRules } from "../rules/index.js";
export { errorCount, lintDocument, lintText, type LintDiagnostic, type LintOptions, type LintResult } from "./lint.js";
export { lintFiles, type LintFilesOptions } from "./lint-files.js";
export { applyFixes, unresolved, type ApplyOptions, type FixResult, type SkippedFix } from "./fix/apply.js";
export { fixText, type FixTextOptions, type FixTextResult } from "./fix/fix-text.js";
export { livePatch, restoreText, unifiedDiff, type LivePatchOptions } from "./fix/emit.js";
export { formatStylish } from "./format/stylish.js";
export { formatNames, formatters, type FormatName } from "./format/index.js";
export type { FormatContext, Formatter } from "./format/types.js";
export { checkConfig, ConfigError, loadConfig, NO_CONFIG, type Config, type LoadedConfig } from "./config/load.js";
export { resolveSettings, type FileSettings } from "./config/resolve.js";
export { applySuppressions } from "./suppress.js";
export { BUILTIN_FINDINGS, type BuiltinFinding } from "./builtin-findings.js";
export * from "./trace/trace.js";
export { formatTraceText, traceJson } from "./trace/format.js";
export { main } from "./cli/main.js";
export { nodeIo, type CliIo, type Output } from "./cli/io.js";
export { ExitCode } from "./cli/exit-codes.js";
export { UnreadableInput, UsageError } from "./cli/errors.js";
