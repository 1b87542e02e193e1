/**
 * unreachable-rule: a rule after an unconditional ACCEPT, DROP, REJECT, RETURN or goto in the
 * same chain, which no packet ever reaches. See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import { chainsOf } from "../shared/chains.js";
import { LineKind, isKnownTable, lineOf, walkTable, wholeLine, type TargetRef } from "../shared/reach.js";
import type { RuleModule } from "../types.js";

const ID = "unreachable-rule";

/** Verdicts after which a packet never comes back to the chain. */
const FINAL = new Set(["ACCEPT", "DROP", "REJECT", "RETURN"]);

export const unreachableRule: RuleModule = {
  id: ID,
  description: "a rule after an unconditional ACCEPT, DROP, REJECT, RETURN or goto in the same chain: no packet ever reaches it",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    for (const table of context.document.tables) {
      if (!isKnownTable(table)) continue;
      const walk = walkTable(context.document, table);
      const finalIds = [...FINAL].map((name) => walk.names.internString(name));
      const final = new Uint8Array(walk.names.count);
      for (const id of finalIds) final[id] = 1;
      const catchesAll = (line: CommandLine, id: number, goto: boolean) =>
        id !== -1 && (final[id] === 1 || goto) && isUnconditional(line);
      const report = (line: CommandLine, chain: string, catchAll: CommandLine) => {
        const deletable = line.command === "append" || line.command === "insert";
        context.report({
          range: line.range,
          message: message(chain, catchAll, walk.target(catchAll)!, deletable),
          fix: deletable ? { title: "delete the unreachable rule", applicability: "unsafe", edits: [wholeLine(context.document, line)] } : undefined,
        });
      };
      if (walk.appendOnly) {
        // Each chain's rules are its -A lines in file order: one pass over the walk's arrays.
        const { span, kinds, chainIds, targetIds, gotos } = walk;
        const dead = new Map<number, CommandLine>();
        for (let at = 0; at < span; at++) {
          if (kinds[at] !== LineKind.Append) continue;
          const chain = chainIds[at];
          const catchAll = dead.size ? dead.get(chain) : undefined;
          if (catchAll !== undefined) {
            report(walk.lineAt(at), walk.names.name(chain), catchAll);
          } else {
            const target = targetIds[at];
            if (target !== -1 && (final[target] === 1 || gotos[at] === 1) && catchesAll(walk.lineAt(at), target, gotos[at] === 1)) dead.set(chain, walk.lineAt(at));
          }
        }
        continue;
      }
      for (const chain of chainsOf(context.document, table).values()) {
        const rules = chain.rules;
        for (let i = 0; i < rules.length - 1; i++) {
          if (!catchesAll(rules[i], walk.targetId(rules[i]), walk.isGoto(rules[i]))) continue;
          for (const line of rules.slice(i + 1)) report(line, chain.name, rules[i]);
          break;
        }
      }
    }
  },
};

/** No generic option (`-s`, `-i`, `-p`, `-4`, ...) and no match but `comment`: every packet matches. */
function isUnconditional(line: CommandLine): boolean {
  const rule = line.rule;
  if (rule === null || rule.generic.length > 0) return false;
  return rule.matches.every((match) => match.name === "comment");
}

function message(chain: string, catchAll: CommandLine, target: TargetRef, deletable: boolean): string {
  const verdict = target.kind === "goto" ? `\`-g ${target.name}\`` : `\`-j ${target.name}\``;
  const what =
    target.kind === "goto"
      ? `sends every packet to ${target.name} for good (a goto does not come back)`
      : target.name === "RETURN"
        ? `returns every packet from ${chain}`
        : `gives every packet its verdict`;
  return (
    `No packet reaches this rule: the rule at ${lineOf(catchAll)} (${verdict} with no condition) ${what}, ` +
    `so this rule and any after it in ${chain} never match. ` +
    (deletable
      ? `Fix: move it above ${lineOf(catchAll)} if it was meant to apply, or delete it (\`iptlint fix --unsafe-fixes\`; ` +
        "deleting a rule renumbers the rules after it and drops its counters)."
      : `Fix: move it above ${lineOf(catchAll)} if it was meant to apply, or delete it.`)
  );
}
