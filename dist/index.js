import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  ConfigError,
  ExitCode,
  NO_CONFIG,
  UnreadableInput,
  UsageError,
  applyFixes,
  checkConfig,
  expandPaths,
  formatNames,
  formatStylish,
  formatters,
  livePatch,
  loadConfig,
  main,
  nodeIo,
  readInputs,
  restoreText,
  settingsFor,
  unifiedDiff,
  unresolved
} from "./chunk-LCEKSZJX.js";
import {
  BUILTIN_FINDINGS,
  BlankLine,
  ChainDeclaration,
  CommandLine,
  CommentLine,
  CommitLine,
  CountersNode,
  InvalidLine,
  LineNodeBase,
  LineView,
  LineWords,
  MAX_WORDS_PER_LINE,
  MAX_WORD_LENGTH,
  MatchNode,
  OptionNode,
  RuleNode,
  SYNTAX,
  Source,
  SourceNode,
  SpanNode,
  Table,
  TableHeaderLine,
  TargetNode,
  TokenCode,
  Word,
  allRules,
  applySuppressions,
  bracketCounters,
  commandKindOf,
  decodeWord,
  detachedDocument,
  errorCount,
  genericNameOf,
  lintAndFix,
  lintDocument,
  lintText,
  parse,
  parseCounter,
  parseUint32,
  parseValueMask,
  print,
  printLine,
  readTarget,
  reparse,
  resolveSettings,
  rewrittenLines,
  roleOfCode,
  targetName
} from "./chunk-MU2JS7N5.js";
import "./chunk-ZRTPLJCV.js";

// src/lint-files.ts
async function lintFiles(paths, options = {}, io = nodeIo(options.cwd)) {
  const base = io;
  const inputs = await readInputs(await expandPaths(paths, base), "<stdin>", base);
  const results = [];
  for (const input of inputs) {
    const settings = await settingsFor(input, { stdinFilename: "<stdin>", config: options.config }, base);
    if (settings.ignored) continue;
    results.push(lintText(input.text, { filePath: input.name, settings, node: options.node }));
  }
  return results;
}

// src/fix/fix-text.ts
function fixText(text, options = {}) {
  const document = parse(text, { filePath: options.filePath });
  const { result, diagnostics } = lintAndFix(document, options, (fixes) => applyFixes(document, fixes, { unsafe: options.unsafe }));
  return { output: result.output, applied: result.applied, skipped: result.skipped, diagnostics, result };
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
  InvalidLine,
  LineNodeBase,
  LineView,
  LineWords,
  MAX_WORDS_PER_LINE,
  MAX_WORD_LENGTH,
  MatchNode,
  NO_CONFIG,
  OptionNode,
  RuleNode,
  SYNTAX,
  Source,
  SourceNode,
  SpanNode,
  Table,
  TableHeaderLine,
  TargetNode,
  TokenCode,
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
  formatters,
  genericNameOf,
  lintDocument,
  lintFiles,
  lintText,
  livePatch,
  loadConfig,
  main,
  nodeIo,
  parse,
  parseCounter,
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
  unifiedDiff,
  unresolved
};
