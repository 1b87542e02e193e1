/**
 * queue-target: `-j QUEUE`, the verdict that hands a packet to userspace queue 0. iptables-legacy
 * loads it; iptables-nft refuses it in every table and chain. `-j NFQUEUE --queue-num 0` does
 * exactly the same and loads with both: that is the fix. See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import { RestoreStep } from "../model/index.js";
import { NFQUEUE_OPTIONS } from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "queue-target";

/** What iptables-save prints for the same rule loaded as NFQUEUE. */
export const REPLACEMENT = "NFQUEUE --queue-num 0";

export const queueTarget: RuleModule = {
  id: ID,
  description: "`-j QUEUE`, which iptables-nft refuses in every chain (fix: `-j NFQUEUE --queue-num 0`, the same verdict)",
  severity: "warning",
  fixable: "safe",
  check(context) {
    for (const line of queueLines(context)) report(context, line);
  },
};

/** The rules (not `-D`) whose target is QUEUE, as the model's replay of each table read them. */
function queueLines(context: RuleContext): CommandLine[] {
  const found: CommandLine[] = [];
  for (const table of context.model.tables()) {
    for (const n of table.linesTargeting("QUEUE")) {
      if (table.stepOf(n) !== RestoreStep.Delete) found.push(context.document.line(n) as CommandLine);
    }
  }
  return found;
}

function report(context: RuleContext, line: CommandLine): void {
  const view = line.view;
  const target = view.targetIndex();
  // `-g QUEUE` goes to a chain named QUEUE, which iptables cannot create: another rule's business.
  if (target === -1 || view.role(target) !== "jump") return;
  // `--jump=QUEUE`: iptables-restore 1.8 reads no `--jump=NAME` at all (legacy: "Couldn't load target").
  const span = view.valueRange(target);
  if (span === null) return;
  const operation = line.command === "insert" ? "RULE_INSERT" : "RULE_APPEND";
  // Measured with iptables 1.8.9: `-R` with QUEUE makes iptables-nft-restore die of SIGSEGV.
  const nft =
    line.command === "replace"
      ? "crashes iptables-nft-restore 1.8.9 (a segmentation fault)"
      : `: iptables-nft-restore refuses it ("${operation} failed (No such file or directory)"), loading no table from this one on`;
  let hasQueueOption = false;
  for (let i = target + 1; i < view.count && !hasQueueOption; i++) hasQueueOption = NFQUEUE_OPTIONS.includes(view.name(i));
  const written = line.source.text.slice(view.range(target).start, view.range(target).end);
  context.report({
    range: view.range(target),
    message: `\`${written}\`${line.command === "replace" ? ` in \`-R\` ${nft}` : nft}; iptables-legacy loads it`,
    fix: hasQueueOption
      ? undefined
      : { title: `replace QUEUE by ${REPLACEMENT}`, applicability: "safe", edits: [{ start: span.start, end: span.end, text: REPLACEMENT }], ruleId: ID },
  });
}
