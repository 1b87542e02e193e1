/**
 * duplicate-rule: a rule that is an earlier rule of the same chain, as iptables-save prints
 * them (spellings, option order, implied `-m tcp`, `/32`; comments included), with nothing
 * between them that could change the packet. See README.md beside this file.
 */
import type { CommandLine, RuleNode } from "../../grammar/index.js";
import { parseUint32, parseValueMask } from "../../grammar/index.js";
import { NONE, type LineNo, type NameId, type TableModel } from "../model/index.js";
import { isTerminalTarget, STATEFUL_MATCHES, targetClass } from "../netfilter/index.js";
import { markTargetEffect } from "../packet/index.js";
import { lineOf, wholeLine } from "../report/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "duplicate-rule";

export const duplicateRule: RuleModule = {
  id: ID,
  description: "a rule identical to an earlier rule of the same chain: it matches no packet the first did not, or does the same thing twice",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    for (const table of context.model.tables()) {
      for (const { earlier, later, chain } of table.chains.repeatedRules()) report(context, table, earlier, later, chain);
    }
  },
};

function report(context: RuleContext, table: TableModel, earlier: LineNo, later: LineNo, chain: NameId): void {
  const { document } = context;
  const line = document.line(later) as CommandLine;
  const rule = line.rule;
  if (rule === null || !repeatable(rule)) return;
  for (let at = table.chains.previousRule(later); at !== NONE && at !== earlier; at = table.chains.previousRule(at)) {
    if (mayChangePacket(table, at)) return;
  }
  const deletable = line.command === "append" || line.command === "insert";
  context.report({
    range: line.range,
    message: message(table.nameOf(chain), document.line(earlier) as CommandLine, rule),
    fix: deletable ? { title: "delete the repeated rule", applicability: "unsafe", edits: [wholeLine(document, line)] } : undefined,
  });
}

// ---------------------------------------------------------------------------------------------
// When a repeat is a real repeat

/** A second copy gives the same answer and does nothing new: no stateful match, no cumulative change. */
function repeatable(rule: RuleNode): boolean {
  if (rule.matches.some((m) => m.name !== null && STATEFUL_MATCHES.has(m.name))) return false;
  const target = rule.target;
  if (target === null) return true;
  const option = (name: string) => target.option(name)?.value ?? null;
  switch (target.name) {
    case "MARK": {
      const effect = markTargetEffect(target);
      return effect !== null && (effect.value & ~effect.mask) === 0;
    }
    case "CONNMARK":
    case "TOS": {
      if (option("--xor-mark") !== null || option("--xor-tos") !== null) return false;
      const xmark = option("--set-xmark") ?? option("--set-tos");
      if (xmark === null) return true;
      const vm = parseValueMask(xmark) ?? (parseUint32(xmark) !== null ? { value: parseUint32(xmark)!, mask: 0xff } : null);
      return vm !== null && (vm.value & ~vm.mask) === 0;
    }
    case "TTL":
    case "HL":
      return option("--ttl-set") !== null || option("--hl-set") !== null;
    default:
      return true;
  }
}

/** A rule between the copies that may change the packet or state a match reads (marks, addresses, sets, jumps). */
function mayChangePacket(table: TableModel, line: LineNo): boolean {
  const target = table.targetName(line);
  if (target === undefined || table.isGoto(line)) return false;
  // A terminal target takes its packets for good, and one that only looks changes nothing.
  const kind = targetClass(target);
  return kind !== "verdict" && kind !== "nat" && kind !== "return" && kind !== "observe";
}

function message(chain: string, earlier: CommandLine, rule: RuleNode): string {
  const target = rule.target;
  let effect: string;
  if (target === null) effect = "it only counts the same packets again";
  else if (target.kind === "goto" || isTerminalTarget(target.name) || target.name === "RETURN") {
    effect = `it never matches: that copy's \`${target.kind === "goto" ? "-g" : "-j"} ${target.name}\` takes its packets first`;
  } else if (target.name === "LOG" || target.name === "NFLOG" || target.name === "ULOG") {
    effect = "every packet it matches is logged twice";
  } else if (target.name === "MARK" || target.name === "CONNMARK") {
    effect = "it sets the same mark again";
  } else {
    effect = `the same packets go through \`-j ${target.name}\` a second time`;
  }
  return `This rule is ${lineOf(earlier)} of ${chain} again (iptables-save prints both alike), so ${effect}`;
}
