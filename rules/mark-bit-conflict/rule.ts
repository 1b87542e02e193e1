/**
 * mark-bit-conflict: two owners of packet marks set or clear the same bit: kube-proxy's
 * masquerade mark and the drop mark on one bit, or a CNI's marks over kube-proxy's. See
 * README.md beside this file.
 *
 * Owners are told apart by their chains' names (KUBE-MARK-MASQ, KUBE-MARK-DROP, cali-*,
 * CILIUM_*, ...): chains of unknown owners are left alone, and so is a MARK that sets the
 * whole mark (no mask), which owns no bit but overwrites all of them.
 */
import type { CommandLine } from "../../grammar/index.js";
import { markTargetEffect } from "../packet/index.js";
import { hex } from "../report/index.js";
import type { RuleModule } from "../types.js";

const ID = "mark-bit-conflict";

interface Owner {
  name: string;
  /** What its bits are, in a message. */
  purpose: string;
}

const MASQUERADE: Owner = { name: "kube-proxy", purpose: "kube-proxy's masquerade mark" };
const DROP: Owner = { name: "kubelet", purpose: "kubelet's drop mark" };

/** Known owners by chain name prefix, longest first. */
const OWNERS: readonly [prefix: string, owner: Owner][] = [
  ["KUBE-MARK-MASQ", MASQUERADE],
  ["KUBE-POSTROUTING", MASQUERADE],
  ["KUBE-MARK-DROP", DROP],
  ["KUBE-FIREWALL", DROP],
  ["KUBE-ROUTER-", { name: "kube-router", purpose: "kube-router's marks" }],
  ["KUBE-NWPLCY-", { name: "kube-router", purpose: "kube-router's network policy marks" }],
  ["KUBE-POD-FW-", { name: "kube-router", purpose: "kube-router's network policy marks" }],
  ["KUBE-", { name: "kube-proxy", purpose: "kube-proxy's marks" }],
  ["cali-", { name: "Calico", purpose: "Calico's marks" }],
  ["CILIUM_", { name: "Cilium", purpose: "Cilium's marks" }],
  ["OLD_CILIUM_", { name: "Cilium", purpose: "Cilium's marks" }],
  ["WEAVE-", { name: "Weave Net", purpose: "Weave Net's marks" }],
  ["ANTREA-", { name: "Antrea", purpose: "Antrea's marks" }],
  ["ISTIO_", { name: "Istio", purpose: "Istio's marks" }],
  ["ts-", { name: "Tailscale", purpose: "Tailscale's marks" }],
  ["FLANNEL", { name: "flannel", purpose: "flannel's marks" }],
  ["OPENSHIFT-", { name: "OpenShift SDN", purpose: "OpenShift SDN's marks" }],
  ["DOCKER", { name: "Docker", purpose: "Docker's marks" }],
];

function ownerOf(chain: string): Owner | null {
  for (const [prefix, owner] of OWNERS) if (chain.startsWith(prefix)) return owner;
  return null;
}

interface Write {
  line: CommandLine;
  owner: Owner;
  bits: number;
}

export const markBitConflict: RuleModule = {
  id: ID,
  description: "two owners of packet marks (kube-proxy's masquerade and drop marks, a CNI) set or clear the same mark bit",
  severity: "warning",
  fixable: false,
  check(context) {
    const writes: Write[] = [];
    for (const line of context.model.lines.withTarget("MARK")) {
      if (line.command === "delete" || line.chain === null) continue;
      const owner = ownerOf(line.chain);
      const target = line.rule?.target;
      if (owner === null || !target) continue;
      const effect = markTargetEffect(target);
      if (effect === null) continue;
      // A MARK without a mask overwrites every bit: it owns none.
      if (effect.mask >>> 0 === 0xffffffff) continue;
      const bits = (effect.mask | effect.value) >>> 0;
      if (bits !== 0) writes.push({ line, owner, bits });
    }
    // Each pair of owners once, reported at the first overlapping write of the one that came
    // to kube-proxy's bits (the CNI), else of the later one in the file.
    const reported = new Set<string>();
    for (let i = 0; i < writes.length; i++) {
      for (let j = 0; j < i; j++) {
        const shared = (writes[j].bits & writes[i].bits) >>> 0;
        if (writes[j].owner.name === writes[i].owner.name || shared === 0) continue;
        const key = [writes[j].owner.name, writes[i].owner.name].sort().join("|");
        if (reported.has(key)) continue;
        reported.add(key);
        const kubeFirst = isKube(writes[i].owner) && !isKube(writes[j].owner);
        const [a, b] = kubeFirst ? [writes[i], writes[j]] : [writes[j], writes[i]];
        context.report({ range: b.line.range, message: describe(a, b, shared) });
      }
    }
  },
};

const isKube = (owner: Owner): boolean => owner === MASQUERADE || owner === DROP;

function describe(a: Write, b: Write, shared: number): string {
  const owners = new Set([a.owner, b.owner]);
  const effect =
    owners.has(MASQUERADE) && owners.has(DROP)
      ? "KUBE-FIREWALL drops packets marked for masquerading"
      : "a packet marked by one is taken for the other's";
  return (
    `${b.line.chain} (${b.owner.name}) sets or clears mark bit${shared & (shared - 1) ? "s" : ""} ${hex(shared)}, ` +
    `${a.owner.purpose} (${a.line.chain}, line ${a.line.index + 1}): ${effect}`
  );
}
