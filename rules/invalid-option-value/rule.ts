/**
 * invalid-option-value: an option value iptables refuses (`--dport 4:3`, `-i` with a name of 16
 * bytes, `--log-level warn`, `--ctstate NEWX`), with iptables' own message; and, as a warning, a
 * string iptables cuts without a word (`--comment` over 255 bytes, `--log-prefix` over 29) and an
 * iprange range written backwards, which never matches. See README.md beside this file.
 *
 * The values are read by the parsers of rules/netfilter/values/, which are iptables 1.8.9's own
 * (checked against iptables-restore, nft and legacy, v4 and v6): a refusal there is a refusal by
 * both backends. "Unsure" (a service, protocol or host name only the node resolves) says nothing.
 * When the ruleset's family is not known, a value is reported only when both families refuse it
 * with the same message.
 *
 * Cost: which parser reads each option is decided once per line shape; values differ per line,
 * so every line's values are read from the token arrays (`forEachOptionValue`), each distinct
 * (option, word) parsed once; only a line with a finding gets a node.
 */
import type { CommandLine } from "../../grammar/index.js";
import { forEachOptionValue, valueOf, type LineNo } from "../model/index.js";
import { byteLength, type Family } from "../netfilter/index.js";
import { shownWord as shown } from "../report/index.js";
import type { RuleContext, RuleModule } from "../types.js";
import { checkersOf, genericChecker, genericKind, otherFamilysValue, type Checker, type Verdict } from "./checkers.js";

const ID = "invalid-option-value";

export const invalidOptionValue: RuleModule = {
  id: ID,
  description: "an option value iptables refuses (`--dport 4:3`, an interface name over 15 bytes, `--ctstate NEWX`): iptables-restore refuses the line, with iptables' message",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    const checkersOfShape = moduleCheckersByShape(context, family);
    const generic = new Map<string, Checker | null>();
    const candidates = new Set<LineNo>();
    forEachOptionValue(
      document,
      null,
      (v) => {
        let checker: Checker | null | undefined;
        if (v.ordinal === -1) {
          checker = generic.get(v.option);
          if (checker === undefined) {
            const kind = genericKind(v.option);
            checker = kind === null ? null : genericChecker(kind, family);
            generic.set(v.option, checker);
          }
        } else {
          const shape = shapes.shapeOf(v.line);
          checker = shape === -1 ? null : checkersOfShape[shape]?.[v.ordinal];
        }
        if (checker === null || checker === undefined || checker.surelyFine(v.text, v.start, v.end, v.quoted)) return true;
        // A value of two words (`--tcp-flags MASK COMP`) is read the slow way.
        if (checker.words !== 1 || checker.check(valueOf(v)).kind !== "ok") {
          candidates.add(v.line);
          return false;
        }
        return true;
      },
      (line) => candidates.add(line),
    );
    if (candidates.size === 0) return;
    // A line with a syntax error (a missing value: `--dport -j ACCEPT`) is the grammar's.
    const syntaxLines = new Set(document.diagnostics.filter((d) => d.severity === "error").map((d) => d.loc.start.line - 1));
    for (const n of [...candidates].sort((a, b) => a - b)) {
      if (syntaxLines.has(n)) continue;
      const line = document.line(n);
      if (line.kind === "command") report(context, line, family);
    }
  },
};

/** For each line shape (by its number), the checker of each extension option (by its place among them); null for a shape with none to read. */
function moduleCheckersByShape(context: RuleContext, family: Family | null): (readonly (Checker | null)[] | null)[] {
  const { document, model } = context;
  return model.lines.shapes().representatives.map((representative) => {
    const line = document.line(representative);
    if (line.kind !== "command") return null;
    const view = line.view;
    const all = checkersOf(view, family);
    const modules: (Checker | null)[] = [];
    for (let i = 0; i < view.count; i++) if (view.role(i) === "module") modules.push(all[i]);
    return modules.every((c) => c === null) ? null : modules;
  });
}


/**
 * The fewest bytes a word may be in the file: a file that is not UTF-8 is read as Latin-1 (a byte
 * a character, `src/cli/inputs.ts`), which the text no longer tells.
 */
function fewestBytes(word: string): number {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) > 0xff) return byteLength(word);
  return word.length;
}

function messageOf(option: string, words: readonly string[], verdict: Exclude<Verdict, { kind: "ok" }>, wanted = 1): string | null {
  if (verdict.kind === "refused" && words.length < wanted) return `\`${option} ${shown(words.join(" "))}\` lacks its second word: iptables-restore refuses the line ("${verdict.message}")`;
  if (verdict.kind === "refused") return `\`${option}\` cannot take \`${shown(words.join(" "))}\`: iptables-restore refuses the line ("${verdict.message}")`;
  if (verdict.kind === "reversed") {
    return `\`${option} ${shown(words[0])}\` starts above where it ends: iptables loads the rule, which never matches ("is reversed and will never match")`;
  }
  const bytes = fewestBytes(words[0]);
  if (bytes <= verdict.kept) return null;
  const exact = bytes === byteLength(words[0]);
  return `\`${option}\` is ${exact ? "" : "at least "}${bytes} bytes long: iptables keeps its first ${verdict.kept} bytes and drops the rest without a word`;
}

function report(context: RuleContext, line: CommandLine, family: Family | null): void {
  const view = line.view;
  const checkers = checkersOf(view, family);
  for (let i = 0; i < view.count; i++) {
    const checker = checkers[i];
    // `--tcp-flags ! SYN SYN`: iptables >= 1.4.12 takes the `!` for the first value ("Unknown TCP
    // flag `!'"), which old-negation-syntax says; the words after it are not what is refused.
    if (checker === null || view.lateBang(i)) continue;
    let words = view.values(i);
    // `--to-destination --random`: getopt gives the next option word as the value.
    const taken = words.length === 0 && checker.words === 1 ? view.optionTakenAsValue(i) : null;
    if (taken !== null) words = [taken];
    const verdict = checker.checkWords(words.slice(0, checker.words));
    if (verdict.kind === "ok" || otherFamilysValue(view.name(i), words[0], family)) continue;
    // `--name=value`: the first value is inside the option word.
    const option = view.optionRange(i);
    const inline = line.source.text.slice(option.start, option.end).includes("=");
    const first = inline ? option : view.valueRange(i, 0);
    const last = checker.words === 1 ? first : view.valueRange(i, inline ? 0 : 1);
    const range = first === null || last === null ? option : { start: first.start, end: last.end };
    const message =
      taken !== null && verdict.kind === "refused"
        ? `\`${view.name(i)}\` has no value: iptables takes the next word, \`${shown(taken)}\`, as its value and refuses the line ("${verdict.message}")`
        : messageOf(view.name(i), words.slice(0, checker.words), verdict, checker.words);
    if (message !== null) context.report({ range, message, severity: verdict.kind === "refused" ? "error" : "warning" });
  }
}
