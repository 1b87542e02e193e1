/**
 * jump-to-undefined-chain: `-j NAME` or `-g NAME` where NAME is neither a chain of the table
 * (declared before the rule) nor a target iptables knows, or is a built-in chain. Either way
 * iptables-restore refuses the table. See README.md beside this file.
 */
import type { MissingJump, RulesetModel, TableModel } from "../model/index.js";
import { isKnownTarget, isNameTooLong, tablesWithBuiltin } from "../netfilter/index.js";
import { lineOf, moveDeclarationFix, tableName } from "../report/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "jump-to-undefined-chain";

interface Options {
  /** Target extensions the nodes have beyond iptables' own (xtables-addons and the like). */
  targets?: string[];
}

export const jumpToUndefinedChain: RuleModule = {
  id: ID,
  description: "a jump or goto to a chain the table does not declare (or declares only later), or to a built-in chain: iptables-restore refuses the table",
  severity: "error",
  fixable: "safe",
  schema: {
    type: "object",
    properties: {
      targets: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "target extensions the nodes have beyond iptables' own, e.g. xtables-addons' TARPIT",
      },
    },
    additionalProperties: false,
  },
  check(context) {
    const extra = new Set((context.options as Options | undefined)?.targets ?? []);
    for (const walk of context.model.tables()) {
      for (const jump of walk.builtinJumps) reportBuiltin(context, walk, jump);
      // A fragment for --noflush may jump to chains that exist only on the node.
      if (walk.partial) continue;
      const moves = new Map<string, ReturnType<typeof moveDeclarationFix>>();
      for (const jump of walk.missingJumps) {
        const name = jump.target.name;
        // A name iptables refuses outright is chain-name-too-long's finding.
        if (extra.has(name) || isNameTooLong(name)) continue;
        let move = moves.get(name);
        if (move === undefined) moves.set(name, (move = moveDeclarationFix(context.document, walk, name)));
        // Every use is mended by the one move, so each finding carries it (it is applied once).
        context.report({ range: jump.target, message: missingMessage(context.model, walk, jump), fix: move ?? undefined });
      }
    }
  },
};

const upperCased = new WeakMap<TableModel, Map<string, string[]>>();

/** The table's chains by their upper-cased names, for "did you mean". */
function byUpperCase(walk: TableModel): Map<string, string[]> {
  let map = upperCased.get(walk);
  if (map === undefined) {
    upperCased.set(walk, (map = new Map()));
    for (const name of [...walk.declaredNames(), ...walk.builtins]) {
      const key = name.toUpperCase();
      map.set(key, [...(map.get(key) ?? []), name]);
    }
  }
  return map;
}

const option = (jump: MissingJump) => `\`${jump.target.kind === "goto" ? "-g" : "-j"} ${jump.target.name}\``;

/** What iptables-nft-restore says at the COMMIT of a table with a jump to a chain that does not exist (legacy: README.md). */
const refusal = (jump: MissingJump): string => `iptables-restore refuses the table ("Chain '${jump.target.name}' does not exist")`;

function missingMessage(model: RulesetModel, walk: TableModel, jump: MissingJump): string {
  const name = jump.target.name;
  const table = walk.table;
  if (jump.target.kind === "goto" && isKnownTarget(name)) {
    // iptables-nft says so when loading (`--test` passes); legacy: "goto 'LOG' is not a chain".
    return `\`-g ${name}\` names a target, and a goto goes only to a chain of the table, so ${refusal(jump)}`;
  }
  const later = walk.declaredLater(name, jump.line);
  if (later) return `${option(jump)} comes before ${name} is declared (${lineOf(later)}), so ${refusal(jump)}`;
  const elsewhere = tablesWithBuiltin(name);
  if (elsewhere.length && table.name !== null) return `${option(jump)}: ${table.name} has no built-in or user chain ${name}, so ${refusal(jump)}`;
  const notes: string[] = [];
  const other = model.tables().find((t) => t !== walk && t.table.name !== null && t.declarationsOf(name).length > 0);
  if (other) notes.push(`${other.table.name} has one`);
  const upper = name.toUpperCase();
  const chain = byUpperCase(walk).get(upper)?.find((c) => c !== name);
  if (upper !== name && isKnownTarget(upper)) notes.push(`did you mean ${upper}?`);
  else if (chain) notes.push(`did you mean ${chain}?`);
  return `${option(jump)}: ${tableName(table)} has no chain ${name}${notes.length ? ` (${notes.join("; ")})` : ""} and iptables no such target, so ${refusal(jump)}`;
}

function reportBuiltin(context: RuleContext, walk: TableModel, jump: MissingJump): void {
  context.report({
    range: jump.target,
    message:
      `${option(jump)} jumps to a built-in chain of ${tableName(walk.table)}: the kernel refuses the rule, so the table fails to load ` +
      '("RULE_APPEND failed (Operation not supported)")',
  });
}
