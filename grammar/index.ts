/** The grammar's public surface: parse a ruleset, walk its AST, print it back. */
export * from "./ast.js";
export { SYNTAX, type Diagnostic, type Severity } from "./diagnostics.js";
export { decodeWord, headNameStart, MAX_WORD_LENGTH, MAX_WORDS_PER_LINE, rewrittenLines, type LexedText, type Replacement, type RewrittenLines } from "./lexer.js";
export { inlineValue, LineView, readTarget, roleOfCode, targetName, type TargetSpan, type ViewedLine } from "./line-view.js";
export { detachedDocument, parse, reparse, type ParseOptions } from "./parse.js";
export { print, printLine, type PrintOptions, type PrintStyle } from "./print.js";
export type { Document, DocumentForm } from "./to-ast.js";
export { parseCounter, parseUint32, parseValueMask, type ValueMask } from "./values.js";
/**
 * The lexer's token codes, for the rules' model, which reads a dump's quarter of a million
 * lines from the token arrays. Rules read lines through `LineView` and the model, never codes.
 */
export { isRuleOptionCode, ownOptionName, TokenCode } from "./tokens.js";
/** How many words an option takes as its value, as iptables reads it (null: not known). */
export { optionValueCount } from "./tokens.js";
export type { LinePlan } from "./plan.js";
