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
