/**
 * dump-incomplete-table: `# Table `nat' is incompatible, use 'nft' tool.` and `# Table `filter'
 * contains incompatible base-chains, use 'nft' tool to list them.`: iptables-nft-save met rules
 * it cannot express (written by `nft`, or by a newer iptables-nft) and left a whole table, or
 * some base chains of a table, out of the dump. See README.md beside this file.
 */
import { commentLinesStarting } from "../model/index.js";
import type { RuleModule } from "../types.js";

const NEEDLE = "# Table ";

const ID = "dump-incomplete-table";

/** xtables-save.c (iptables 1.8.0 to 1.8.13): the whole table is left out. */
const WHOLE = /^# Table [`']([^'`]*)' is incompatible, use 'nft' tool\.\s*$/;
/** xtables-save.c / nft.c (iptables 1.8.8 to 1.8.11): the table is dumped without its foreign base chains. */
const BASE_CHAINS = /^# Table [`']([^'`]*)' contains incompatible base-chains, use 'nft' tool to list them\.\s*$/;

export const dumpIncompleteTable: RuleModule = {
  id: ID,
  description: "`# Table `nat' is incompatible, use 'nft' tool.` (or its base-chains form): iptables-nft-save left rules only nft can show out of the dump",
  severity: "warning",
  fixable: false,
  check(context) {
    // Both lines start `# Table `: one search over the text finds them (about half a millisecond on a 25 MB dump).
    for (const comment of commentLinesStarting(context.document, NEEDLE)) {
      const at = comment.start;
      const lineText = comment.text.trimEnd();
      const whole = WHOLE.exec(lineText);
      const chains = whole === null ? BASE_CHAINS.exec(lineText) : null;
      if (whole === null && chains === null) continue;
      context.report({
        range: { start: at, end: at + lineText.length },
        message:
          whole !== null
            ? `iptables-nft-save left table \`${whole[1]}\` out (it holds rules only \`nft\` can show): none of its rules is linted, and restoring this dump elsewhere loses the table`
            : `iptables-nft-save left base chains of table \`${chains![1]}\` out (only \`nft\` can show them): their rules also see packets, and neither lint nor restore has them`,
      });
    }
  },
};
