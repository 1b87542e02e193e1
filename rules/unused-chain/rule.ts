/**
 * unused-chain: a user chain that no built-in chain reaches: nothing jumps or goes to it, or
 * only chains that are themselves never entered do. See README.md beside this file.
 */
import { listOf, tableName } from "../report/index.js";
import type { RuleModule } from "../types.js";

const ID = "unused-chain";

/**
 * Chains that Kubernetes creates on purpose whether or not anything jumps to them:
 * KUBE-PROXY-CANARY, KUBE-KUBELET-CANARY (and any other `*-CANARY`) stay empty and tell
 * kube-proxy and the kubelet when something flushed the tables (kubernetes/kubernetes#81517);
 * KUBE-IPTABLES-HINT tells other tools which iptables backend the node uses; the kubelet's
 * KUBE-MARK-DROP and KUBE-MARK-MASQ are there for kube-proxy to jump to when a service needs
 * them (KEP-3178).
 */
const KUBE_HELPERS = new Set(["KUBE-IPTABLES-HINT", "KUBE-MARK-DROP", "KUBE-MARK-MASQ"]);

/** How many of the chains that jump to an unused chain its message names. */
const MAX_REFERRERS = 3;

interface Options {
  /** More chains to leave alone: names, or patterns with `*`. */
  ignore?: string[];
}

function exempt(options: Options | undefined): (name: string) => boolean {
  const patterns = (options?.ignore ?? []).map(
    (p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`),
  );
  return (name) => name.endsWith("-CANARY") || KUBE_HELPERS.has(name) || patterns.some((p) => p.test(name));
}

export const unusedChain: RuleModule = {
  id: ID,
  description: "a user chain that no built-in chain reaches (Kubernetes' *-CANARY, KUBE-IPTABLES-HINT and KUBE-MARK-* chains excepted): its rules never see a packet",
  severity: "warning",
  fixable: false,
  schema: {
    type: "object",
    properties: {
      ignore: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "chains that are meant to have no jump to them: names, or patterns with * (e.g. f2b-*)",
      },
    },
    additionalProperties: false,
  },
  check(context) {
    const isExempt = exempt(context.options as Options | undefined);
    for (const model of context.model.tables()) {
      const table = model.table;
      // A fragment for --noflush may fill chains that the node's other rules jump to.
      if (model.partial) continue;
      const reach = model.chains.unreached(isExempt);
      for (const chain of reach.unreached) {
        const name = chain.name;
        const declaration = chain.declaration;
        const range = declaration.kind === "chain" ? declaration.header.range : (declaration.chainWord?.range ?? declaration.range);
        const referrers = reach.referrers(chain);
        const count = chain.rules;
        const rules = count === 0 ? "and it is empty" : `so its ${count === 1 ? "rule never sees" : `${count} rules never see`} a packet`;
        const shown = referrers.slice(0, MAX_REFERRERS);
        const why = referrers.length
          ? `only ${referrers.length > shown.length ? `${shown.join(", ")} and ${referrers.length - shown.length} more` : listOf(shown)} jump${referrers.length > 1 ? "" : "s"} to it, and no built-in chain reaches ${referrers.length > 1 ? "them" : "it"}`
          : `no rule of ${tableName(table)} jumps or goes to it`;
        context.report({ range, message: `The user chain ${name} is never entered: ${why}, ${rules}` });
      }
    }
  },
};
