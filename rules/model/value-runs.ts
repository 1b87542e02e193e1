/**
 * Lines where an option is followed by more words than any option of iptables' own takes as one
 * value: a first look for words nothing takes (iptables: "Bad argument"), read from the token
 * codes alone (no string is made), so that a rule reads closely only the few lines it finds. A
 * dump iptables-save wrote has none but for the options that take two words (`--tcp-flags`,
 * `--match-set`, `-c`).
 */
import { TokenCode, type Document } from "../../grammar/index.js";
import type { LineNo } from "./ids.js";

/** The lines with an option (not a command: its chain and rule number are its words) followed by at least two words. */
export function linesWithWordRuns(document: Document): LineNo[] {
  const { firstTokens, lineCount, tokens } = document.source.lexed;
  const codes = tokens.codes;
  const found: LineNo[] = [];
  for (let line = 0; line < lineCount; line++) {
    const last = firstTokens[line + 1];
    let run = -1;
    for (let t = firstTokens[line]; t < last; t++) {
      const code = codes[t];
      if (code === TokenCode.Word || code === TokenCode.QuotedWord) {
        if (run >= 0 && ++run === 2) {
          found.push(line as LineNo);
          break;
        }
      } else if (code >= TokenCode.MatchOption && code <= TokenCode.ModuleOption) run = 0;
      else if (code !== TokenCode.Bang) run = -1;
    }
  }
  return found;
}
