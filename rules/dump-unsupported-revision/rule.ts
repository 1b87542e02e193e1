/**
 * dump-unsupported-revision: `[unsupported revision]` in a rule. iptables-save (the legacy
 * backend's print_rule4 and print_match_save) prints it instead of a match's or target's options
 * when the kernel holds a revision its own extension library lacks: the rule's options are gone
 * from the dump, and iptables-restore refuses the line ("Bad argument `[unsupported'"), with
 * the whole table. See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import type { RuleModule } from "../types.js";

const ID = "dump-unsupported-revision";

/** What iptables 1.4 to 1.8.13 print (`unsupported_rev` in iptables.c, ip6tables.c, xshared.c). */
export const PLACEHOLDER = "[unsupported revision]";

export const dumpUnsupportedRevision: RuleModule = {
  id: ID,
  description: "`[unsupported revision]` in a dumped rule: the iptables-save that wrote it could not print the rule's options, and iptables-restore refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { document } = context;
    const { text, source } = document;
    // Searched without its `[`: V8 finds this needle in a 25 MB dump about twice as fast.
    const needle = PLACEHOLDER.slice(1);
    for (let found = text.indexOf(needle); found !== -1; found = text.indexOf(needle, found + needle.length)) {
      const at = found - 1;
      // A word of its own: the save tool prints it after a blank; inside a quoted value (a comment) it is text.
      if (text.charCodeAt(at) !== 0x5b || text.charCodeAt(at - 1) !== 0x20) continue;
      const n = source.positionAt(at).line - 1;
      if (document.kindOf(n) !== "command") continue;
      const line = document.line(n) as CommandLine;
      if (insideValue(line, at)) continue;
      context.report({
        range: { start: at, end: at + PLACEHOLDER.length },
        message: `${owner(line, at)} was dumped as \`${PLACEHOLDER}\`: the save tool lacks the kernel's revision, the options are lost, and iptables-restore refuses it`,
      });
    }
  },
};

/**
 * Whether an offset lies inside a word of an option's value (`--comment "... [unsupported revision]"`,
 * `--comment="... [unsupported revision]"`).
 * The placeholder's own words start there: the grammar gives them to the option before as more values.
 */
function insideValue(line: CommandLine, at: number): boolean {
  const view = line.view;
  for (let i = 0; i < view.count; i++) {
    // `--comment="... [unsupported revision]"`: the value is inside the option's word.
    const option = view.optionRange(i);
    if (option.start < at && at < option.end) return true;
    for (let k = 0, range = view.valueRange(i, k); range !== null; range = view.valueRange(i, ++k)) {
      if (range.start < at && at < range.end) return true;
    }
  }
  return false;
}

/** The match or target the placeholder stands for: the last `-m NAME` or `-j NAME` before it. */
function owner(line: CommandLine, at: number): string {
  const view = line.view;
  let found = "a match or target";
  for (let i = 0; i < view.count && view.range(i).start < at; i++) {
    const role = view.role(i);
    if (role === "match" || role === "jump") found = `${role === "match" ? "match" : "target"} \`${view.value(i)}\``;
  }
  return found.charAt(0).toUpperCase() + found.slice(1);
}
