/**
 * jump-to-undefined-chain: `-j NAME` or `-g NAME` where NAME is neither a chain of the table
 * (declared before the rule) nor a target iptables knows, or is a built-in chain. Either way
 * iptables-restore refuses the table. See README.md beside this file.
 */
import type { MissingJump, RulesetModel, TableModel } from "../model/index.js";
import { isKnownTarget, isNameTooLong, tablesWithBuiltin } from "../netfilter/index.js";
import { lineOf, listOf, moveDeclarationFix, tableName } from "../report/index.js";
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
        context.report({ range: jump.target, message: missingMessage(context.model, walk, jump, move !== null), fix: move ?? undefined });
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

/** What each backend says when it reads a jump to a chain that does not exist. */
function refusals(jump: MissingJump, table: TableModel): string {
  const name = jump.target.name;
  const legacy = jump.target.kind === "goto" ? `"goto '${name}' is not a chain"` : `"Couldn't load target \`${name}'"`;
  const commit = table.table.commit ? ` (${lineOf(table.table.commit)})` : "";
  return (
    `iptables-legacy-restore refuses this line (${legacy}) and iptables-nft-restore the COMMIT${commit} ` +
    `("Chain '${name}' does not exist"; its --test does not look and passes), so nothing of the table is loaded`
  );
}

function missingMessage(model: RulesetModel, walk: TableModel, jump: MissingJump, fixable: boolean): string {
  const name = jump.target.name;
  const table = walk.table;
  const later = walk.declaredLater(name, jump.line);
  if (later) {
    return (
      `${option(jump)} jumps to ${name}, which is declared only later (${lineOf(later)}): iptables resolves a jump when it reads the rule, ` +
      `so ${refusals(jump, walk)}. ` +
      (fixable ? "Fix: `iptlint fix` moves the declaration above its first use." : `Fix: declare ${name} above its first use.`)
    );
  }
  const parts: string[] = [];
  const elsewhere = tablesWithBuiltin(name);
  if (elsewhere.length && table.name !== null) {
    parts.push(
      `${option(jump)} jumps to ${name}, a built-in chain of ${listOf(elsewhere)} but not of ${table.name}, ` +
        `and ${table.name} declares no user chain ${name}: ${refusals(jump, walk)}.`,
    );
  } else {
    parts.push(`${option(jump)} jumps to ${name}, which is neither a chain of ${tableName(table)} nor a target iptables knows: ${refusals(jump, walk)}.`);
  }
  const other = model.tables().find((t) => t !== walk && t.table.name !== null && t.declarationsOf(name).length > 0);
  if (other) parts.push(`${name} is a chain of table ${other.table.name}: a jump stays in its own table.`);
  const upper = name.toUpperCase();
  if (upper !== name && isKnownTarget(upper)) parts.push(`Target names are case sensitive: did you mean ${upper}?`);
  const chain = byUpperCase(walk).get(upper)?.find((c) => c !== name);
  if (chain) parts.push(`Chain names are case sensitive: did you mean ${chain}?`);
  parts.push(
    `Fix: declare the chain (\`:${name} - [0:0]\` or \`-N ${name}\`) before the rule, or correct the name; ` +
      `a target of an add-on such as xtables-addons goes in this rule's \`targets\` option.`,
  );
  return parts.join(" ");
}

function reportBuiltin(context: RuleContext, walk: TableModel, jump: MissingJump): void {
  const commit = walk.table.commit ? ` (${lineOf(walk.table.commit)})` : "";
  context.report({
    range: jump.target,
    message:
      `${option(jump)} jumps to ${jump.target.name}, a built-in chain of ${tableName(walk.table)}: packets enter a built-in chain ` +
      "from its hook, and only user chains can be jumped to. The kernel refuses the rule: iptables-legacy-restore reports " +
      `"line ${jump.line.index + 1} failed", iptables-nft-restore "line ${jump.line.index + 1}: RULE_APPEND failed (Operation not supported)" ` +
      `when it commits${commit} (its --test passes). Fix: move these rules into a user chain and jump to it from both places.`,
  });
}
