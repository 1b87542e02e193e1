/**
 * rule-not-in-chain: a `-D`, `-R` or `-I` naming a rule or place its chain does not have when
 * iptables-restore reads the line (`-D INPUT -j REJECT` after no such `-A`, `-D INPUT 3` in a
 * chain of two rules), which it refuses. See README.md beside this file.
 *
 * The chains' rules are the model's replay of the table (model/chains.ts), which says only what
 * is sure: a restore of a whole table starts from empty chains, a fragment for `--noflush` knows
 * only the chains it declares, creates or flushes, and a rule that may be the one deleted,
 * written another way, or an address list (as many kernel rules as addresses) leaves its chain
 * unknown from there.
 */
import { wholeLine } from "../report/index.js";
import type { RuleModule } from "../types.js";

const ID = "rule-not-in-chain";

/** What iptables-nft-restore says; iptables-legacy-restore says only "line N failed". */
const NFT_SAYS = {
  delete: "Index of deletion too big",
  replace: "Index of replacement too big",
  insert: "Index of insertion too big",
} as const;

export const ruleNotInChain: RuleModule = {
  id: ID,
  description: "a `-D`, `-R` or `-I` naming a rule or rule number its chain does not have at that line (a restore starts from empty chains): iptables-restore refuses the line",
  severity: "error",
  fixable: "unsafe",
  check(context) {
    const { document, model } = context;
    for (const table of model.tables()) {
      for (const { line, rulesBefore, byNumber } of table.commandsWithoutTheirRule()) {
        const command = line.commandWord;
        const chain = line.chainWord!;
        const written = line.positional.map((w) => w.text).join(" ");
        const said = byNumber ? NFT_SAYS[line.command as keyof typeof NFT_SAYS] : "Bad rule (does a matching rule exist in that chain?)";
        const has = rulesBefore === 0 ? "no rules" : rulesBefore === 1 ? "1 rule" : `${rulesBefore} rules`;
        const message = byNumber
          ? `\`${command.text} ${written}\`: the chain has ${has} at this line, so iptables-restore refuses the line (nft: "${said}")`
          : `\`${command.text} ${written}\` deletes a rule the chain does not have at this line, so iptables-restore refuses it (nft: "${said}")`;
        context.report({
          range: { start: command.range.start, end: (line.positional.at(-1) ?? chain).range.end },
          message,
          fix: { title: "delete the line", applicability: "unsafe", edits: [wholeLine(document, line)] },
        });
      }
    }
  },
};
