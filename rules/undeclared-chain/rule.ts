/**
 * undeclared-chain: a command works on a chain that does not exist when iptables-restore reads
 * it (`-A X` with no `:X` or `-N X` before it, `-A FORWARD` in nat). See README.md beside this file.
 */
import type { CommandLine, Table } from "../../grammar/index.js";
import type { TableModel } from "../model/index.js";
import { isNameTooLong, tablesWithBuiltin } from "../netfilter/index.js";
import { lineOf, listOf, moveDeclarationFix, tableName } from "../report/index.js";
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
        context.report({ range: first.chainWord?.range ?? first.range, message: message(table, walk, name, lines, move !== null), fix: move ?? undefined });
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

/** What iptables-nft-restore says, by command, when the chain does not exist (iptables 1.8.9). */
const NFT_ERRORS: Readonly<Record<string, string>> = {
  zero: "Bad built-in chain name.",
  delete: "Bad rule (does a matching rule exist in that chain?).",
  other: "Bad rule (does a matching rule exist in that chain?).",
};

function message(table: Table, walk: TableModel, name: string, lines: CommandLine[], fixable: boolean): string {
  const first = lines[0];
  const command = COMMANDS[first.command] ?? first.commandWord.value;
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more line${lines.length > 2 ? "s" : ""} after it)` : "";
  const refused =
    `iptables-legacy-restore refuses the line ("line ${first.index + 1} failed") and iptables-nft-restore too when it loads ` +
    `("line ${first.index + 1} failed: ${NFT_ERRORS[first.command] ?? "No chain/target/match by that name."}"; its --test does not look and passes), ` +
    "so nothing of the table is loaded";
  const later = walk.declaredLater(name, first);
  if (later) {
    return (
      `\`${command} ${name}\`${more} works on ${name} before its declaration (${lineOf(later)}): iptables-restore reads a table line by line, ` +
      `and the chain does not exist yet. ${refused}. ` +
      (fixable ? "Fix: `iptlint fix` moves the declaration above its first use." : `Fix: declare ${name} above its first use.`)
    );
  }
  const elsewhere = tablesWithBuiltin(name);
  const what =
    elsewhere.length && table.name !== null
      ? `${name} is a built-in chain of ${listOf(elsewhere)}, not of ${table.name}, and ${table.name} declares no user chain ${name}`
      : `${tableName(table)} declares no chain ${name}`;
  return (
    `\`${command} ${name}\`${more}: ${what}. ${refused}. ` +
    `Fix: declare it (\`:${name} - [0:0]\` after the \`*${table.name ?? "table"}\` line, or \`-N ${name}\`) before its rules, or correct the name.`
  );
}
