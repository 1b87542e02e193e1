/**
 * dump-incomplete-table: `# Table `nat' is incompatible, use 'nft' tool.` and `# Table `filter'
 * contains incompatible base-chains, use 'nft' tool to list them.`: iptables-nft-save met rules
 * it cannot express (written by `nft`, or by a newer iptables-nft) and left a whole table, or
 * some base chains of a table, out of the dump. See README.md beside this file.
 */
import type { RuleContext, RuleModule } from "../types.js";

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
    for (const [needle, form] of [["' is incompatible, use 'nft' tool.", WHOLE], ["' contains incompatible base-chains", BASE_CHAINS]] as const) {
      reportLines(context, needle, form, (table) =>
        form === WHOLE
          ? `iptables-nft-save left table \`${table}\` out (it holds rules only \`nft\` can show): none of its rules is linted, and restoring this dump elsewhere loses the table`
          : `iptables-nft-save left base chains of table \`${table}\` out (only \`nft\` can show them): their rules also see packets, and neither lint nor restore has them`,
      );
    }
  },
};

/** Reports each `#` line holding `needle` that matches `form` in full. */
function reportLines(context: RuleContext, needle: string, form: RegExp, message: (table: string) => string): void {
  const { document } = context;
  const { text, source } = document;
  const starts = source.lexed.lineStarts;
  let lastLine = -1;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const n = source.positionAt(at).line - 1;
    if (n === lastLine || document.kindOf(n) !== "comment") continue;
    lastLine = n;
    const start = starts[n];
    const end = n + 1 < starts.length ? starts[n + 1] : text.length;
    const lineText = text.slice(start, end).replace(/\r?\n$/, "");
    const match = form.exec(lineText);
    if (match === null) continue;
    context.report({ range: { start, end: start + lineText.trimEnd().length }, message: message(match[1]) });
  }
}
