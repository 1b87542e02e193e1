/** The grammar's public surface: parse a ruleset, walk its AST, print it back. */
export * from "./ast.js";
export { SYNTAX, type Diagnostic, type Severity } from "./diagnostics.js";
export { decodeWord, MAX_WORD_LENGTH, MAX_WORDS_PER_LINE, rewrittenLines, type Replacement, type RewrittenLines } from "./lexer.js";
export { detachedDocument, parse, reparse, type ParseOptions } from "./parse.js";
export { print, printLine, type PrintOptions, type PrintStyle } from "./print.js";
export type { Document, DocumentForm } from "./to-ast.js";
export { parseCounter, parseUint32, parseValueMask, type ValueMask } from "./values.js";
