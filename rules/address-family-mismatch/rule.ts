/**
 * address-family-mismatch: an IPv4 address, ICMP type, REJECT type or target in an ip6tables
 * ruleset, or their IPv6 counterparts in an iptables ruleset. See README.md beside this file.
 *
 * The ruleset's family comes from its header (`ip6tables-save`), else its name (`rules.v6`),
 * else most of its addresses (`rulesetFamily`).
 */
import type { CommandLine, LineView, Severity } from "../../grammar/index.js";
import { lineNo, type FamilyEvidence } from "../model/index.js";
import {
  FAMILY_TARGETS,
  GENERIC_ADDRESS_OPTIONS as GENERIC,
  NAT_ADDRESS_OPTIONS as NAT,
  PLAIN_ADDRESS_OPTIONS as PLAIN,
  RANGE_ADDRESS_OPTIONS as RANGES,
  type Family,
} from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "address-family-mismatch";

const V4 = /^\d{1,3}(\.\d{1,3}){3}(\/[\d.]+)?$/;

/** The family of one address as written (`10.0.0.0/8`, `2001:db8::/32`, `[2001:db8::1]`), or null for a name. */
function familyOfAddress(text: string): Family | null {
  if (text.startsWith("[") || (text.match(/:/g)?.length ?? 0) >= 2) return 6;
  if (V4.test(text)) return 4;
  return null;
}

/** The address part of a DNAT/SNAT value: `1.2.3.4-1.2.3.9:80-90`, `[2001:db8::1]:80`, `2001:db8::1`. */
function natAddresses(value: string): string[] {
  if (value.startsWith("[")) return [value.slice(1, value.indexOf("]") === -1 ? undefined : value.indexOf("]"))];
  const colons = value.match(/:/g)?.length ?? 0;
  const address = colons === 1 ? value.slice(0, value.indexOf(":")) : value;
  return address === "" ? [] : address.split("-");
}

export const addressFamilyMismatch: RuleModule = {
  id: ID,
  description: "an IPv4 address, ICMP type or target in an ip6tables ruleset, or the reverse: the ruleset does not load",
  severity: "error",
  fixable: false,
  check(context) {
    const { model } = context;
    const evidence = model.family();
    if (evidence === null) return;
    const other: Family = evidence.family === 4 ? 6 : 4;
    const index = model.lines;
    const lines = index.commandsWith({
      facts: [other === 4 ? "v4-address" : "v6-address", "icmp-protocol"],
      options: ["--icmp-type", "--icmpv6-type", "--reject-with"],
      modules: ["icmp", "icmp6", "icmpv6"],
      targets: Object.keys(FAMILY_TARGETS),
    });
    for (const line of lines) checkLine(context, line, evidence, other, index.extensionTarget(lineNo(line)));
  },
};

function checkLine(context: RuleContext, line: CommandLine, evidence: FamilyEvidence, other: Family, extensionTarget: string | null): void {
  const view = line.view;
  const tool = evidence.family === 6 ? "ip6tables" : "iptables";
  const ruleset = `an ${tool} ruleset (${evidence.because})`;
  const report = (i: number, message: string, severity?: Severity) => context.report({ range: view.range(i), message, severity });

  for (let i = 0; i < view.count; i++) {
    const name = view.name(i);
    if (GENERIC.has(name) || NAT.has(name) || RANGES.has(name) || PLAIN.has(name)) {
      const value = view.value(i);
      if (value === null) continue;
      const addresses = NAT.has(name) ? natAddresses(value) : RANGES.has(name) ? value.split("-") : value.split(",");
      const wrong = addresses.filter((a) => familyOfAddress(a) === other);
      if (wrong.length === 0) continue;
      report(i, `\`${name} ${value}\` is IPv${other} in ${ruleset}: ${tool}-restore refuses it (${refusal(name, NAT.has(name) && value.startsWith("[") ? value : wrong[0], evidence.family)})`);
      continue;
    }
    if (name === "--icmp-type" && evidence.family === 6) {
      report(i, `\`--icmp-type\` is IPv4 ICMP in ${ruleset}: ip6tables-restore refuses it ("unknown option "--icmp-type"")`);
    } else if (name === "--icmpv6-type" && evidence.family === 4) {
      report(i, `\`--icmpv6-type\` is ICMPv6 in ${ruleset}: iptables-restore refuses it ("unknown option "--icmpv6-type"")`);
    } else if (name === "-m" || name === "--match") {
      const module = view.value(i);
      if (module === "icmp" && evidence.family === 6) {
        report(i, `\`-m icmp\` is IPv4 ICMP in ${ruleset}: ip6tables-restore refuses it ("Couldn't load match \`icmp'")`);
      } else if ((module === "icmp6" || module === "icmpv6") && evidence.family === 4) {
        report(i, `\`-m ${module}\` is ICMPv6 in ${ruleset}: iptables-restore refuses it ("Couldn't load match \`${module}'")`);
      }
    } else if (name === "--reject-with") {
      const type = view.value(i) ?? "";
      if ((evidence.family === 6 && type.startsWith("icmp-")) || (evidence.family === 4 && type.startsWith("icmp6-"))) {
        report(i, `\`--reject-with ${type}\` is ${evidence.family === 6 ? "IPv4" : "ICMPv6"} in ${ruleset}: ${tool}-restore refuses it ("unknown reject type "${type}"")`);
      }
    } else if (name === "-p" || name === "--protocol") {
      const protocol = (view.value(i) ?? "").toLowerCase();
      if (evidence.family === 6 && (protocol === "icmp" || protocol === "1")) {
        report(i, `\`-p ${view.value(i)}\` is IPv4 ICMP in ${ruleset}: it loads, but never matches ICMPv6 (ping, neighbour discovery)`, "warning");
      } else if (evidence.family === 4 && (protocol === "ipv6-icmp" || protocol === "icmpv6" || protocol === "58")) {
        report(i, `\`-p ${view.value(i)}\` is ICMPv6 in ${ruleset}: it loads, but never matches IPv4 ICMP (ping)`, "warning");
      }
    } else if ((name === "-j" || name === "--jump") && extensionTarget !== null) {
      const target = extensionTarget;
      const only = FAMILY_TARGETS[target];
      if (only && only.family === other && view.value(i) === target) {
        report(i, `${target} is an ${other === 4 ? "iptables" : "ip6tables"} target, in ${ruleset}: ${tool}-restore refuses its options ("unknown option "${firstTargetOption(view, i) ?? "--..."}"")`);
      }
    }
  }
}

function firstTargetOption(view: LineView, target: number): string | null {
  return target + 1 < view.count ? view.name(target + 1) : null;
}

/** What iptables 1.8.9 says, measured. */
function refusal(option: string, address: string, family: Family): string {
  if (GENERIC.has(option)) return `"host/network \`${address.replace(/\/.*/, "")}' not found"`;
  if (NAT.has(option)) return family === 4 && address.startsWith("[") ? `"Invalid address format"` : `"Bad IP address "${address}""`;
  if (RANGES.has(option)) return `"iprange: Bad value for "${option}" option"`;
  return `"getaddrinfo: Address family for hostname not supported"`;
}
