/**
 * unreachable-rule: a rule after an unconditional ACCEPT, DROP, REJECT, RETURN or goto in the
 * same chain, which no packet ever reaches. See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import { NONE, type LineNo, type NameId, type TableModel, type TargetRef } from "../model/index.js";
import { lineOf, wholeLine } from "../report/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "unreachable-rule";

/**
 * Verdicts after which a packet never comes back to the chain: iptables' own and REJECT, and
 * RETURN. (NAT, NFQUEUE and TPROXY end a packet's walk too, but an unconditional one of those
 * is not reported here.)
 */
const FINAL = ["ACCEPT", "DROP", "REJECT", "RETURN"];

export const unreachableRule: RuleModule = {
  id: ID,
  description: "a rule after an unconditional ACCEPT, DROP, REJECT, RETURN or goto in the same chain: no packet ever reaches it",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    for (const table of context.model.tables()) checkTable(context, table);
  },
};

function checkTable(context: RuleContext, table: TableModel): void {
  const { document } = context;
  const final = new Set(FINAL.map((name) => table.idOf(name)).filter((id) => id !== NONE));
  // By chain: the rule that catches every packet, once one is met; each chain's rules come in kernel order.
  const dead = new Map<NameId, CommandLine>();
  table.chains.forEachRule((n: LineNo, chain: NameId) => {
    const catchAll = dead.size ? dead.get(chain) : undefined;
    if (catchAll !== undefined) {
      report(context, table, document.line(n) as CommandLine, table.nameOf(chain), catchAll);
      return;
    }
    const target = table.targetOf(n);
    if (target === NONE || !(final.has(target) || table.isGoto(n))) return;
    const line = document.line(n) as CommandLine;
    if (isUnconditional(line)) dead.set(chain, line);
  });
}

function report(context: RuleContext, table: TableModel, line: CommandLine, chain: string, catchAll: CommandLine): void {
  const deletable = line.command === "append" || line.command === "insert";
  context.report({
    range: line.range,
    message: message(chain, catchAll, table.target(catchAll)!),
    fix: deletable ? { title: "delete the unreachable rule", applicability: "unsafe", edits: [wholeLine(context.document, line)] } : undefined,
  });
}

/** No generic option (`-s`, `-i`, `-p`, `-4`, ...) and no match but `comment`: every packet matches. */
function isUnconditional(line: CommandLine): boolean {
  const rule = line.rule;
  if (rule === null || rule.generic.length > 0) return false;
  return rule.matches.every((match) => match.name === "comment");
}

function message(chain: string, catchAll: CommandLine, target: TargetRef): string {
  const verdict = target.kind === "goto" ? `\`-g ${target.name}\`` : `\`-j ${target.name}\``;
  const what =
    target.kind === "goto"
      ? `sends every packet to ${target.name} for good`
      : target.name === "RETURN"
        ? `returns every packet from ${chain}`
        : "gives every packet its verdict";
  return `No packet reaches this rule: the unconditional ${verdict} at ${lineOf(catchAll)} ${what}, so no rule after it in ${chain} matches`;
}
