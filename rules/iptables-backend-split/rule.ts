/**
 * iptables-backend-split: `# Warning: iptables-legacy tables present, use iptables-legacy-save to
 * see them`. iptables-nft-save prints it (on stderr, so it is in a dump saved with `2>&1`) when the
 * node also has tables of the legacy backend: their rules see every packet too, and they are not
 * in this dump. Two dumps of one node given together are the other form of this rule, not yet
 * detected. See README.md beside this file.
 */
import type { RuleModule } from "../types.js";

const ID = "iptables-backend-split";

/** nft-shared.c `nft_check_xt_legacy` (iptables 1.8.0 to 1.8.13): `-save` for the save tools, none for `iptables -L/-S`. */
const WARNING = /^# Warning: (ip6?|arp|eb)tables-legacy tables present, use \1tables-legacy(-save)? to see them\s*$/;
/** The line's start: V8 finds it in a 25 MB dump in about half a millisecond (the rest of the line takes several). */
const NEEDLE = "# Warning: ";

export const iptablesBackendSplit: RuleModule = {
  id: ID,
  description: "`# Warning: iptables-legacy tables present`: the node has rules in both backends, and the legacy ones, which see every packet too, are not in this dump",
  severity: "warning",
  fixable: false,
  check(context) {
    const { document } = context;
    const { text, source } = document;
    const starts = source.lexed.lineStarts;
    for (let at = text.indexOf(NEEDLE); at !== -1; at = text.indexOf(NEEDLE, at + NEEDLE.length)) {
      const n = source.positionAt(at).line - 1;
      if (starts[n] !== at || document.kindOf(n) !== "comment") continue;
      const start = at;
      const end = n + 1 < starts.length ? starts[n + 1] : text.length;
      const lineText = text.slice(start, end).replace(/\r?\n$/, "");
      const match = WARNING.exec(lineText);
      if (match === null) continue;
      const legacy = `${match[1]}tables-legacy`;
      context.report({
        range: { start, end: start + lineText.trimEnd().length },
        message: `The node also has ${legacy} tables, not in this dump: their rules see every packet too (a DROP there wins), so this is not the whole firewall`,
      });

    }
  },
};
