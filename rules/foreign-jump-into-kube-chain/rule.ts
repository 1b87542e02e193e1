/**
 * foreign-jump-into-kube-chain: a chain kube-proxy did not write (CNI portmap's `CNI-DN-*`,
 * CRI-O's hostport chains, a hand-written chain) jumping into `KUBE-MARK-MASQ` or
 * `KUBE-MARK-DROP`. Since KEP-3178 these chains are kube-proxy's own business: kubelet stopped
 * creating them (IPTablesOwnershipCleanup, on by default from Kubernetes 1.27), kube-proxy stopped
 * using KUBE-MARK-DROP (1.25), and a node without kube-proxy's iptables or IPVS mode has neither.
 * See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import { NONE, type NameId, type TableModel } from "../model/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "foreign-jump-into-kube-chain";

const KUBE_PRIVATE = ["KUBE-MARK-MASQ", "KUBE-MARK-DROP"] as const;
type KubePrivate = (typeof KUBE_PRIVATE)[number];

export const foreignJumpIntoKubeChain: RuleModule = {
  id: ID,
  description: "a chain kube-proxy did not write (CNI portmap, CRI-O hostports, hand-written) jumps to KUBE-MARK-MASQ or KUBE-MARK-DROP, which are kube-proxy's own since KEP-3178",
  severity: "warning",
  fixable: false,
  check(context) {
    for (const table of context.model.tables()) checkTable(context, table);
  },
};

function checkTable(context: RuleContext, table: TableModel): void {
  // Undefined in a whole table, the restore already fails there (jump-to-undefined-chain); a
  // fragment for `--noflush` counts on the node having the chain, which is this rule's point.
  const targets = new Map<NameId, KubePrivate>();
  for (const name of KUBE_PRIVATE) {
    const id = table.idOf(name);
    if (id !== NONE && (table.chains.get(name) !== undefined || table.partial)) targets.set(id, name);
  }
  if (targets.size === 0) return;
  // kube-proxy's own chains call KUBE-MARK-MASQ by the ten thousand: in a whole table, read the
  // lines of the few chains that are not kube's (names asked in place), not the lines that jump
  // there. A fragment's chains may be the node's, undeclared: read its (few) jumps.
  const lines = table.partial ? [...targets.values()].flatMap((name) => table.linesTargeting(name)).sort((a, b) => a - b) : foreignChains(table).flatMap((chain) => table.ruleLinesOf(chain));
  for (const n of lines) {
    const to = table.targetOf(n);
    const target = to === NONE ? undefined : targets.get(to);
    const chain = table.chainOf(n);
    if (target === undefined || chain === NONE || isKubeChain(table, chain)) continue;
    const line = context.document.line(n) as CommandLine;
    if (line.command === "delete") continue;
    const ref = table.target(line);
    context.report({ range: ref !== null ? { start: ref.start, end: ref.end } : line.range, message: messageOf(table.nameOf(chain), target) });
  }
}

const messageOf = (from: string, target: KubePrivate): string =>
  target === "KUBE-MARK-MASQ"
    ? `\`${from}\` jumps to kube-proxy's KUBE-MARK-MASQ: without kube-proxy in iptables or IPVS mode the chain is gone and the rule fails to load`
    : `\`${from}\` jumps to KUBE-MARK-DROP, which Kubernetes stopped creating (kubelet 1.27): the rule fails to load, or its mark drops nothing`;

/** Chains Kubernetes itself writes: kube-proxy's, and kubelet's (its dockershim hostports until 1.24 among them). */
const isKubeChain = (table: TableModel, chain: NameId): boolean => table.nameStartsWith(chain, "KUBE-");

/** The table's built-in chains and its user chains not named KUBE-*. */
function foreignChains(table: TableModel): NameId[] {
  const chains: NameId[] = [];
  for (const name of table.builtins) {
    const id = table.idOf(name);
    if (id !== NONE) chains.push(id);
  }
  for (const chain of table.chains.userChains()) if (!isKubeChain(table, chain)) chains.push(chain);
  return chains;
}
