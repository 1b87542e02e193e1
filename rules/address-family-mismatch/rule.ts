/**
 * address-family-mismatch: an IPv4 address, ICMP type, REJECT type or target in an ip6tables
 * ruleset, or their IPv6 counterparts in an iptables ruleset. See README.md beside this file.
 *
 * The ruleset's family comes from its header (`ip6tables-save`), else its name (`rules.v6`),
 * else most of its addresses (`rulesetFamily`).
 */
import type { CommandLine, LineView, Severity } from "../../grammar/index.js";
import type { FamilyEvidence } from "../model/index.js";
import {
  addressReaderOf,
  addressWords,
  EXTENSIONS,
  findExtension,
  GLOBAL_LONG_OPTIONS,
  GENERIC_ADDRESS_OPTIONS as GENERIC,
  isOtherFamilysAddress,
  NAT_ADDRESS_OPTIONS as NAT,
  RANGE_ADDRESS_OPTIONS as RANGES,
  type Family,
} from "../netfilter/index.js";
import { shownWord } from "../report/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "address-family-mismatch";

export const addressFamilyMismatch: RuleModule = {
  id: ID,
  description: "an IPv4 address, ICMP type, match or target in an ip6tables ruleset, or the reverse: the ruleset does not load",
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
      targets: ONE_FAMILY_TARGETS,
    });
    for (const line of lines) {
      checkLine(context, line, evidence, other);
      const target = line.view.targetIndex();
      if (target !== -1 && isOtherFamilys("target", line.view.value(target), other)) reportExtension(context, line.view, target, evidence, other);
    }
    // Matches of the other family only (`-m ttl` in ip6tables): the same on every line of a shape.
    const { document } = context;
    const shapes = index.shapes();
    for (const representative of shapes.representatives) {
      const line = document.line(representative);
      if (line.kind !== "command" || otherFamilyMatches(line.view, other).length === 0) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = document.line(n);
        if (like.kind === "command") for (const i of otherFamilyMatches(like.view, other)) reportExtension(context, like.view, i, evidence, other);
      }
    }
  },
};

/** The targets one family has and the other does not (the model's `families`): TTL, HL, ... */
const ONE_FAMILY_TARGETS = EXTENSIONS.filter((e) => e.kind === "target" && e.families.length === 1).map((e) => e.name);

const isOtherFamilys = (kind: "match" | "target", name: string | null, other: Family): boolean => {
  const extension = name === null ? undefined : findExtension(kind, name, null);
  return extension !== undefined && extension.families.length === 1 && extension.families[0] === other;
};

/** The elements of a line's `-m` that load a match the other family has and this one does not (`-m ttl` in ip6tables). */
function otherFamilyMatches(view: LineView, other: Family): number[] {
  const found: number[] = [];
  for (let i = 0; i < view.count; i++) if (view.role(i) === "match" && isOtherFamilys("match", view.value(i), other)) found.push(i);
  return found;
}

function reportExtension(context: RuleContext, view: LineView, i: number, evidence: FamilyEvidence, other: Family): void {
  const tool = evidence.family === 6 ? "ip6tables" : "iptables";
  const ruleset = `an ${tool} ruleset (${evidence.because})`;
  const name = view.value(i) ?? "";
  const otherTool = other === 6 ? "ip6tables" : "iptables";
  if (i !== view.targetIndex()) {
    const what = name === "icmp" ? "IPv4 ICMP" : name === "icmp6" || name === "icmpv6" ? "ICMPv6" : `an ${otherTool} match`;
    context.report({ range: view.range(i), message: `\`-m ${name}\` is ${what} in ${ruleset}: ${tool}-restore refuses it ("Couldn't load match \`${name}'")` });
    return;
  }
  // The target's first option is unknown to the jump iptables reads instead, unless getopt takes
  // it for one of iptables' own (`--new` is `--new-chain`): then its words differ, and are not quoted.
  const option = i + 1 < view.count ? view.name(i + 1) : null;
  const said = option !== null && option.startsWith("--") && !GLOBAL_LONG_OPTIONS.some((g) => g.startsWith(option)) ? ` ("unknown option "${shownWord(view.word(i + 1))}"")` : "";
  context.report({ range: view.range(i), message: `${name} is an ${otherTool} target, in ${ruleset}: ${tool}-restore refuses the line${said}` });
}

function checkLine(context: RuleContext, line: CommandLine, evidence: FamilyEvidence, other: Family): void {
  const view = line.view;
  const tool = evidence.family === 6 ? "ip6tables" : "iptables";
  const ruleset = `an ${tool} ruleset (${evidence.because})`;
  const report = (i: number, message: string, severity?: Severity) => context.report({ range: view.range(i), message, severity });

  for (let i = 0; i < view.count; i++) {
    const name = view.name(i);
    const reader = addressReaderOf(name);
    if (reader !== null) {
      const value = view.value(i);
      if (value === null) continue;
      const wrong = addressWords(name, value).filter((a) => isOtherFamilysAddress(a, evidence.family, reader));
      if (wrong.length === 0) continue;
      report(i, `\`${name} ${value}\` is IPv${other} in ${ruleset}: ${tool}-restore refuses it (${refusal(name, NAT.has(name) && value.startsWith("[") ? value : wrong[0], evidence.family)})`);
      continue;
    }
    if (name === "--icmp-type" && evidence.family === 6) {
      report(i, `\`--icmp-type\` is IPv4 ICMP in ${ruleset}: ip6tables-restore refuses it ("unknown option "${shownWord(view.word(i))}"")`);
    } else if (name === "--icmpv6-type" && evidence.family === 4) {
      report(i, `\`--icmpv6-type\` is ICMPv6 in ${ruleset}: iptables-restore refuses it ("unknown option "${shownWord(view.word(i))}"")`);
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
    }
  }
}

/** What iptables 1.8.9 says, measured. */
function refusal(option: string, address: string, family: Family): string {
  if (GENERIC.has(option)) return `"host/network \`${address.replace(/\/.*/, "")}' not found"`;
  if (NAT.has(option)) return family === 4 && address.startsWith("[") ? `"Invalid address format"` : `"Bad IP address "${address}""`;
  if (RANGES.has(option)) return `"iprange: Bad value for "${option}" option"`;
  return `"getaddrinfo: Address family for hostname not supported"`;
}
