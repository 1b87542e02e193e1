/** Helpers shared by the grammar tests: word lists from the lexer, independent positions. */
import assert from "node:assert/strict";

import { decodeWord, lex } from "../../grammar/lexer.js";
import type { TokenCode } from "../../grammar/tokens.js";
import type { Document, Location, Position, SourceRange } from "../../grammar/index.js";

export interface LexedWord {
  raw: string;
  value: string;
  code: TokenCode;
}

/** The words of every line as `lex()` splits them (blank and comment lines give []). */
export function lexLines(text: string): LexedWord[][] {
  const lexed = lex(text);
  const out: LexedWord[][] = [];
  for (let line = 0; line < lexed.lineCount; line++) {
    const words: LexedWord[] = [];
    for (let t = lexed.firstTokens[line]; t < lexed.firstTokens[line + 1]; t++) {
      const raw = text.slice(lexed.tokens.starts[t], lexed.tokens.ends[t]);
      words.push({ raw, value: decodeWord(raw), code: lexed.tokens.codes[t] as TokenCode });
    }
    out.push(words);
  }
  return out;
}

/** The decoded words of one line as the parser's line nodes give them. */
export function parsedWords(document: Document, line: number): string[] {
  const words = document.lines[line].words;
  return words.words(0, words.count).map((w) => w.value);
}

/**
 * Line and column of an offset, computed from the text alone: line = 1 + newlines before the
 * offset; column = 1 + UTF-16 units since the last newline.
 */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

export function locationOf(text: string, range: SourceRange): Location {
  return { start: positionOf(text, range.start), end: positionOf(text, range.end) };
}

/** A node's range is inside the text, and its loc and text agree with it. */
export function assertNodeConsistent(
  text: string,
  node: { range: SourceRange; loc: Location; text: string },
  what: string,
): void {
  const { start, end } = node.range;
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: range ${start}..${end} inside 0..${text.length}`);
  assert.equal(node.text, text.slice(start, end), `${what}: text`);
  assert.deepEqual(node.loc, locationOf(text, node.range), `${what}: loc`);
}
