/** A document's command lines by number, for rules that walk line numbers (shapes, index queries). */
import type { CommandLine, Document } from "../../grammar/index.js";
import type { LineNo } from "./ids.js";

/** Line `n` when it is a command (`-A`, `-I`, `-D`, ...), else null. */
export function commandLineAt(document: Document, n: LineNo): CommandLine | null {
  if (document.kindOf(n) !== "command") return null;
  const line = document.line(n);
  return line.kind === "command" ? line : null;
}

/** Line `n` when it is a command that writes a rule (not `-D`, whose rule is only looked for), else null. */
export function ruleLineAt(document: Document, n: LineNo): CommandLine | null {
  const line = commandLineAt(document, n);
  return line !== null && line.command !== "delete" ? line : null;
}

/** A comment line: where it starts, and its text without the line end. */
export interface CommentLine {
  start: number;
  text: string;
}

/** The comment lines that start with `prefix` (`# Table `, `# Warning: `), found by one search of the text. */
export function commentLinesStarting(document: Document, prefix: string): CommentLine[] {
  const { text, source } = document;
  const starts = source.lexed.lineStarts;
  const found: CommentLine[] = [];
  for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + prefix.length)) {
    const n = source.positionAt(at).line - 1;
    if (starts[n] !== at || document.kindOf(n) !== "comment") continue;
    const end = n + 1 < starts.length ? starts[n + 1] : text.length;
    found.push({ start: at, text: text.slice(at, end).replace(/\r?\n$/, "") });
  }
  return found;
}
