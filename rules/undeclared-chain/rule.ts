/**
 * undeclared-chain: a command works on a chain that does not exist when iptables-restore reads
 * it (`-A X` with no `:X` or `-N X` before it, `-A FORWARD` in nat). See README.md beside this file.
 */
import type { CommandLine, Table } from "../../grammar/index.js";
import type { TableModel } from "../model/index.js";
import { isNameTooLong, tablesWithBuiltin } from "../netfilter/index.js";
import { lineOf, moveDeclarationFix, tableName } from "../report/index.js";
import type { RuleModule } from "../types.js";

const ID = "undeclared-chain";

export const undeclaredChain: RuleModule = {
  id: ID,
  description: "a rule or command on a chain the table does not declare, or declares only later: iptables-restore refuses the table",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const walk of context.model.tables()) {
      const table = walk.table;
      // A fragment for --noflush works on chains that exist on the node.
      if (walk.partial) continue;
      // One finding per chain: declaring it once mends every line.
      const byChain = new Map<string, CommandLine[]>();
      for (const line of walk.missingChains) {
        const name = line.chain!;
        // A name iptables refuses outright is chain-name-too-long's finding.
        if (isNameTooLong(name)) continue;
        let lines = byChain.get(name);
        if (lines === undefined) byChain.set(name, (lines = []));
        lines.push(line);
      }
      for (const [name, lines] of byChain) {
        const first = lines[0];
        const move = moveDeclarationFix(context.document, walk, name);
        // The same move as jump-to-undefined-chain's for the same chain: applied once.
        context.report({ range: first.chainWord?.range ?? first.range, message: message(table, walk, name, lines), fix: move ?? undefined });
      }
    }
  },
};

const COMMANDS: Readonly<Record<string, string>> = {
  append: "-A",
  insert: "-I",
  replace: "-R",
  delete: "-D",
  flush: "-F",
  zero: "-Z",
  "delete-chain": "-X",
  "rename-chain": "-E",
  other: "this command",
};

/** What iptables-nft-restore says, by command, when the chain does not exist (iptables 1.8.9; legacy says only "line N failed"). */
const NFT_ERRORS: Readonly<Record<string, string>> = {
  zero: "Bad built-in chain name.",
  delete: "Bad rule (does a matching rule exist in that chain?).",
  other: "Bad rule (does a matching rule exist in that chain?).",
};

function message(table: Table, walk: TableModel, name: string, lines: CommandLine[]): string {
  const first = lines[0];
  const command = COMMANDS[first.command] ?? first.commandWord.value;
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more line${lines.length > 2 ? "s" : ""})` : "";
  const refused = `iptables-restore refuses the table ("${NFT_ERRORS[first.command] ?? "No chain/target/match by that name."}")`;
  const later = walk.declaredLater(name, first);
  if (later) return `\`${command} ${name}\`${more} comes before ${name} is declared (${lineOf(later)}), so ${refused}`;
  const what =
    tablesWithBuiltin(name).length && table.name !== null ? `${table.name} has no built-in or user chain ${name}` : `${tableName(table)} has no chain ${name}`;
  return `\`${command} ${name}\`${more}: ${what}, so ${refused}`;
}
