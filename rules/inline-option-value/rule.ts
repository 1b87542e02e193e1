/**
 * inline-option-value: a value joined to its option with `=` (`--source=10.0.0.1`,
 * `--jump=ACCEPT`) where iptables does not take it apart. getopt would, and does for match and
 * target options (`--dport=80` loads), but iptables 1.8.9 takes the whole word for the value of
 * `-s`, `-d`, `-i`, `-o`, `-p` and `-j` (`--source=10.0.0.1` for the address) and refuses the
 * line. See README.md beside this file.
 */
import { decodeWord, type CommandLine, type Document } from "../../grammar/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "inline-option-value";

/** What iptables 1.8.9 says of each spelling with `=value`, quoted (nft and legacy alike, IPv4 and IPv6; see README.md). */
export const REFUSED: Readonly<Record<string, { what: string; says: (word: string) => string }>> = {
  "--source": { what: "the address", says: hostNotFound },
  "--src": { what: "the address", says: hostNotFound },
  "--destination": { what: "the address", says: hostNotFound },
  "--dst": { what: "the address", says: hostNotFound },
  "--in-interface": { what: "the interface", says: interfaceTooLong },
  "--out-interface": { what: "the interface", says: interfaceTooLong },
  "--protocol": { what: "the protocol", says: (word) => `"unknown protocol "${word}" specified"` },
  "--jump": {
    what: "the target",
    says: (word) => `"Chain '${word}' does not exist" (nft), "Couldn't load target \`${word}'" (legacy)`,
  },
  "--fragment": { what: "an option name", says: unknownOption },
  "--fragments": { what: "an option name", says: unknownOption },
  "--ipv4": { what: "an option name", says: unknownOption },
  "--ipv6": { what: "an option name", says: unknownOption },
};

/** Options that take no value: `=value` has no place to go, so no fix is offered. */
const NO_VALUE = new Set(["--fragment", "--fragments", "--ipv4", "--ipv6"]);

function hostNotFound(word: string): string {
  return `"host/network \`${word}' not found"`;
}
function interfaceTooLong(word: string): string {
  return `"interface name \`${word}' must be shorter than IFNAMSIZ (15)"`;
}
function unknownOption(word: string): string {
  return `"unknown option "${word}""`;
}

export const inlineOptionValue: RuleModule = {
  id: ID,
  description: "a value joined with `=` to `--source`, `--destination`, `--in-interface`, `--out-interface`, `--protocol` or `--jump`, which iptables-restore refuses (fix: a space)",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const line of linesWithEquals(context.document)) checkLine(context, line);
  },
};

/**
 * The command lines with a `=` in them: found by searching the text for `=`, which most dumps
 * do not have at all, rather than by reading every option of every line.
 */
function linesWithEquals(document: Document): CommandLine[] {
  const { text, source } = document;
  const { lineStarts, lineCount } = source.lexed;
  const found: CommandLine[] = [];
  for (let at = text.indexOf("="); at !== -1; ) {
    const index = source.positionAt(at).line - 1;
    if (index >= lineCount) break;
    const line = document.line(index);
    if (line.kind === "command") found.push(line);
    // On to the next line: one look at each.
    at = index + 1 < lineCount ? text.indexOf("=", lineStarts[index + 1]) : -1;
  }
  return found;
}

function checkLine(context: RuleContext, line: CommandLine): void {
  const view = line.view;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role !== "generic" && role !== "jump") continue;
    const range = view.optionRange(i);
    const raw = line.source.text.slice(range.start, range.end);
    const name = view.name(i);
    const refused = REFUSED[name];
    if (refused === undefined || !raw.includes("=")) continue;
    // What iptables sees: the word without its quotes.
    const word = decodeWord(raw);
    const equals = raw.indexOf("=");
    const value = raw.slice(equals + 1);
    // A quoted word would keep its space inside the quotes: rewriting it is left to the user.
    const fixable = !NO_VALUE.has(name) && value !== "" && !raw.includes('"');
    context.report({
      range,
      message: `\`${raw}\`: iptables-restore takes the whole word as ${refused.what} and refuses it (${refused.says(word)})`,
      fix: fixable
        ? {
            title: `write ${name} ${value}`,
            applicability: "safe",
            edits: [{ start: range.start + equals, end: range.start + equals + 1, text: " " }],
            ruleId: ID,
          }
        : undefined,
    });
  }
}
