/**
 * ipv6-left-open: a node whose IPv4 INPUT denies by default while its IPv6 ruleset accepts
 * everything: what the IPv4 rules keep out comes in over IPv6. A node rule: it compares the
 * node's IPv4 and IPv6 rulesets, and says nothing of a file given alone. See README.md beside
 * this file.
 */
import { defaultDeny, type RulesetModel } from "../model/index.js";
import type { NodeRuleset, RuleModule } from "../types.js";

const ID = "ipv6-left-open";

/**
 * Targets that may drop a packet, or hand it to something that may: with any of them in the
 * IPv6 ruleset (or a jump iptables cannot resolve), it is not known to accept everything.
 */
const MAY_DROP = ["DROP", "REJECT", "QUEUE", "NFQUEUE", "SYNPROXY", "TPROXY", "TEE"];

export const ipv6LeftOpen: RuleModule = {
  id: ID,
  description: "the node's IPv4 INPUT denies by default but its IPv6 ruleset accepts everything: the node is open over IPv6",
  severity: "warning",
  fixable: false,
  check() {
    // Nothing to see in one file alone: see checkNode.
  },
  checkNode(context) {
    const v6 = context.rulesets.filter((r) => r.family === 6);
    if (v6.length === 0 || !v6.every((r) => acceptsEverything(r.model))) return;
    for (const v4 of context.rulesets.filter((r) => r.family === 4)) {
      const filter = v4.model.tables().find((t) => t.table.name === "filter" && !t.partial);
      const deny = filter === undefined ? null : defaultDeny(filter, "INPUT");
      if (deny === null) continue;
      context.report(v4, {
        range: deny.deny.range,
        message: `IPv4 INPUT denies by default here, but the node's IPv6 ruleset ${names(v6)} accepts everything: the node is open over IPv6`,
      });
    }
  },
};

/**
 * Whether an IPv6 ruleset lets every packet in: no table that is a fragment (its built-in
 * chains' policies are the node's), no policy DROP in any table, no target that may drop. A
 * ruleset with no table at all is an empty dump: nothing is loaded, everything is accepted.
 */
function acceptsEverything(model: RulesetModel): boolean {
  for (const table of model.tables()) {
    // An empty file reads as `iptables -S` output with nothing in it.
    if (table.table.name === null && table.table.commandCount === 0 && table.table.chainCount === 0) continue;
    if (table.partial || table.missingJumps.length > 0) return false;
    if (table.policyDeclarations.some((d) => d.policy === "DROP")) return false;
    if (table.policyCommands.some((c) => c.positional[1]?.value === "DROP")) return false;
    if (MAY_DROP.some((target) => table.linesTargeting(target).length > 0)) return false;
  }
  return true;
}

const names = (rulesets: readonly NodeRuleset[]): string =>
  rulesets.map((r) => `\`${(r.document.filePath ?? "<stdin>").split(/[\\/]/).pop()}\``).join(" and ");
