/**
 * stale-proxy-mode-rules: kube-proxy's iptables-mode rules beside the chains only its IPVS mode
 * creates (KUBE-NODE-PORT, KUBE-LOAD-BALANCER in nat). kube-proxy rewrites only its current
 * mode's chains and cleans up nothing on a mode switch: the iptables mode's `has no endpoints`
 * REJECT rules in filter KUBE-SERVICES keep rejecting service traffic, and its KUBE-SVC-* and
 * KUBE-SEP-* chains stay behind. See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import type { TableModel } from "../model/index.js";
import type { RuleModule } from "../types.js";

const ID = "stale-proxy-mode-rules";

/** Chains the IPVS proxier declares on every sync (pkg/proxy/ipvs `iptablesChains`) and the iptables proxier never does. */
const IPVS_CHAINS = ["KUBE-NODE-PORT", "KUBE-LOAD-BALANCER"] as const;
/** The iptables proxier's per-service and per-endpoint chains (the IPVS proxier writes none). */
const IPTABLES_SERVICE_CHAIN = /^KUBE-(?:SVC|SVL|EXT|XLB|FW|SEP)-/;
/** Filter chains where the iptables proxier rejects traffic to services without endpoints. */
const IPTABLES_REJECT_CHAINS = ["KUBE-SERVICES", "KUBE-EXTERNAL-SERVICES"] as const;

export const staleProxyModeRules: RuleModule = {
  id: ID,
  description: "kube-proxy's iptables-mode rules (KUBE-SVC-* chains, `has no endpoints` REJECTs) beside its IPVS-mode chains (KUBE-NODE-PORT, KUBE-LOAD-BALANCER): one mode is left over from a switch",
  severity: "warning",
  fixable: false,
  check(context) {
    const tables = context.model.tables();
    const nat = tables.find((t) => t.table.name === "nat");
    if (nat === undefined) return;
    const ipvs = IPVS_CHAINS.find((name) => nat.chains.get(name)?.declaration);
    if (ipvs === undefined) return;
    const filter = tables.find((t) => t.table.name === "filter");
    const reject = filter === undefined ? null : firstServiceReject(filter);
    if (reject !== null) {
      context.report({
        range: reject.range,
        message: `A REJECT of kube-proxy's iptables mode beside its IPVS mode (${ipvs}), which never rewrites this chain: it rejects the service even with endpoints`,
      });
      return;
    }
    const chain = firstServiceChain(nat);
    if (chain === null) return;
    context.report({
      range: chain.rules[0].range,
      message: `kube-proxy's iptables-mode chain \`${chain.name}\` beside its IPVS-mode chain ${ipvs}: one mode's rules are left over from a mode switch`,
    });
  },
};

function firstServiceReject(filter: TableModel): CommandLine | null {
  for (const name of IPTABLES_REJECT_CHAINS) {
    const found = filter.chains.get(name)?.rules.find((rule) => filter.target(rule)?.name === "REJECT");
    if (found !== undefined) return found;
  }
  return null;
}

function firstServiceChain(nat: TableModel): { name: string; rules: readonly CommandLine[] } | null {
  for (const name of nat.declaredNames()) {
    if (!IPTABLES_SERVICE_CHAIN.test(name)) continue;
    const chain = nat.chains.get(name);
    if (chain !== undefined && chain.rules.length > 0) return { name, rules: chain.rules };
  }
  return null;
}
