import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-Z6UGBYZQ.js";
import "./chunk-WAOZ37NE.js";
import {
  ExitCode,
  expandPaths,
  formatNames,
  formatStylish,
  formatTraceText,
  formatters,
  lintHere,
  livePatch,
  main,
  nodePartners,
  readInputs,
  restoreText,
  settingsFor,
  trace,
  traceJson,
  unifiedDiff
} from "./chunk-NLNJPCZI.js";
import {
  applyFixes,
  applySuppressions,
  errorCount,
  lintAndFix,
  lintDocument,
  lintText,
  resolveSettings,
  unresolved
} from "./chunk-IO3WV2GE.js";
import {
  ConfigError,
  NO_CONFIG,
  UnreadableInput,
  UsageError,
  checkConfig,
  loadConfig
} from "./chunk-AGWTKRTO.js";
import {
  BUILTIN_FINDINGS,
  BlankLine,
  ChainDeclaration,
  CommandLine,
  CommentLine,
  CommitLine,
  CountersNode,
  InlineValueWord,
  InvalidLine,
  LineNodeBase,
  LineView,
  LineWords,
  MAX_WORDS_PER_LINE,
  MAX_WORD_LENGTH,
  MatchNode,
  NodeInfo,
  NodeInputError,
  OptionNode,
  PacketSyntaxError,
  RuleNode,
  SYNTAX,
  Source,
  SourceNode,
  SpanNode,
  Table,
  TableHeaderLine,
  TargetNode,
  TokenCode,
  TraceError,
  Word,
  allRules,
  bracketCounters,
  commandKindOf,
  decodeWord,
  detachedDocument,
  genericNameOf,
  headNameStart,
  inlineValue,
  isRuleOptionCode,
  optionValueCount,
  ownOptionName,
  parse,
  parseCounter,
  parsePacket,
  parseUint32,
  parseValueMask,
  print,
  printLine,
  readTarget,
  reparse,
  rewrittenLines,
  roleOfCode,
  targetName
} from "./chunk-4QJSDM7H.js";
import "./chunk-ZRTPLJCV.js";

// src/lint-files.ts
async function lintFiles(paths, options = {}, io = nodeIo(options.cwd)) {
  const base = io;
  const inputs = await readInputs(await expandPaths(paths, base), "<stdin>", base);
  const jobs = [];
  const linted = [];
  for (const input of inputs) {
    const settings = await settingsFor(input, { stdinFilename: "<stdin>", config: options.config }, base);
    if (settings.ignored) continue;
    jobs.push({ id: jobs.length, text: input.text, filePath: input.name, settings, node: options.node ?? {} });
    linted.push({ ...input, nodeKey: settings.nodeKey });
  }
  nodePartners(linted).forEach((partners, i) => jobs[i].partners = partners);
  return lintHere(jobs);
}

// src/fix/fix-text.ts
function fixText(text, options = {}) {
  const document = parse(text, { filePath: options.filePath });
  const { result, diagnostics, stable } = lintAndFix(document, options);
  return { output: result.output, applied: result.applied, skipped: result.skipped, diagnostics, passes: result.passes, stable, result };
}
export {
  BUILTIN_FINDINGS,
  BlankLine,
  ChainDeclaration,
  CommandLine,
  CommentLine,
  CommitLine,
  ConfigError,
  CountersNode,
  ExitCode,
  InlineValueWord,
  InvalidLine,
  LineNodeBase,
  LineView,
  LineWords,
  MAX_WORDS_PER_LINE,
  MAX_WORD_LENGTH,
  MatchNode,
  NO_CONFIG,
  NodeInfo,
  NodeInputError,
  OptionNode,
  PacketSyntaxError,
  RuleNode,
  SYNTAX,
  Source,
  SourceNode,
  SpanNode,
  Table,
  TableHeaderLine,
  TargetNode,
  TokenCode,
  TraceError,
  UnreadableInput,
  UsageError,
  Word,
  allRules,
  applyFixes,
  applySuppressions,
  bracketCounters,
  checkConfig,
  commandKindOf,
  decodeWord,
  detachedDocument,
  errorCount,
  fixText,
  formatNames,
  formatStylish,
  formatTraceText,
  formatters,
  genericNameOf,
  headNameStart,
  inlineValue,
  isRuleOptionCode,
  lintDocument,
  lintFiles,
  lintText,
  livePatch,
  loadConfig,
  main,
  nodeIo,
  optionValueCount,
  ownOptionName,
  parse,
  parseCounter,
  parsePacket,
  parseUint32,
  parseValueMask,
  print,
  printLine,
  readTarget,
  reparse,
  resolveSettings,
  restoreText,
  rewrittenLines,
  roleOfCode,
  targetName,
  trace,
  traceJson,
  unifiedDiff,
  unresolved
};
