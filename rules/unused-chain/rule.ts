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
        const rules = count === 0 ? "It is empty" : `Its ${count === 1 ? "rule" : `${count} rules`} never see${count === 1 ? "s" : ""} a packet`;
        const why = referrers.length
          ? `only ${listOf(referrers.slice(0, 5))}${referrers.length > 5 ? ` and ${referrers.length - 5} more` : ""} jump${referrers.length > 1 ? "" : "s"} to it, and no built-in chain reaches ${referrers.length > 1 ? "them" : "it"}`
          : `no rule of ${tableName(table)} jumps or goes to it`;
        context.report({
          range,
          message:
            `The user chain ${name} is never entered: ${why}. ${rules}. ` +
            "Fix: add the jump that was meant, or delete the chain and its rules if nothing needs them; if software adds the jump " +
            "at run time, list the chain in this rule's `ignore` option. There is no automatic fix: a program often creates its chains " +
            "before it adds the jumps, and deleting a chain a program owns breaks that program's next update.",
        });
      }
    }
  },
};
