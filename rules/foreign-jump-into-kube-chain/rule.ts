/**
 * foreign-jump-into-kube-chain: a chain kube-proxy did not write (CNI portmap's `CNI-DN-*`,
 * CRI-O's hostport chains, a hand-written chain) jumping into `KUBE-MARK-MASQ` or
 * `KUBE-MARK-DROP`. Since KEP-3178 these chains are kube-proxy's own business: kubelet stopped
 * creating them (IPTablesOwnershipCleanup, on by default from Kubernetes 1.27), kube-proxy stopped
 * using KUBE-MARK-DROP (1.25), and a node without kube-proxy's iptables or IPVS mode has neither.
 * See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import { NONE, type TableModel } from "../model/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "foreign-jump-into-kube-chain";

const KUBE_PRIVATE = ["KUBE-MARK-MASQ", "KUBE-MARK-DROP"] as const;

/** Chains Kubernetes itself writes: kube-proxy's, and kubelet's (its dockershim hostports until 1.24 among them). */
const isKubeChain = (name: string): boolean => name.startsWith("KUBE-");

export const foreignJumpIntoKubeChain: RuleModule = {
  id: ID,
  description: "a chain kube-proxy did not write (CNI portmap, CRI-O hostports, hand-written) jumps to KUBE-MARK-MASQ or KUBE-MARK-DROP, which are kube-proxy's own since KEP-3178",
  severity: "warning",
  fixable: false,
  check(context) {
    for (const table of context.model.tables()) {
      for (const target of KUBE_PRIVATE) checkTarget(context, table, target);
    }
  },
};

function checkTarget(context: RuleContext, table: TableModel, target: (typeof KUBE_PRIVATE)[number]): void {
  const lines = table.linesTargeting(target);
  if (lines.length === 0) return;
  // Undefined in a whole table, the restore already fails there (jump-to-undefined-chain); a
  // fragment for `--noflush` counts on the node having the chain, which is this rule's point.
  if (table.chains.get(target) === undefined && !table.partial) return;
  for (const n of lines) {
    const chain = table.chainOf(n);
    if (chain === NONE) continue;
    const from = table.nameOf(chain);
    if (isKubeChain(from)) continue;
    const line = context.document.line(n) as CommandLine;
    if (line.command === "delete") continue;
    const ref = table.target(line);
    context.report({
      range: ref !== null ? { start: ref.start, end: ref.end } : line.range,
      message:
        target === "KUBE-MARK-MASQ"
          ? `\`${from}\` jumps to kube-proxy's own KUBE-MARK-MASQ: a node without kube-proxy's iptables or IPVS mode has no such chain, and loading this rule fails there`
          : `\`${from}\` jumps to KUBE-MARK-DROP, which Kubernetes no longer creates (kubelet 1.27+): loading this rule fails, or its mark is set and nothing drops the packet`,
    });
  }
}
