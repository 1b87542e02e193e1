/**
 * option-needs-protocol: an option or match that only exists for a protocol (`--dport`,
 * `-m tcp`, `--to-ports`, `-j TCPMSS`, `--reject-with tcp-reset`) in a rule without that
 * protocol, or with the protocol given only after the option. See README.md beside this file.
 *
 * iptables reads a rule's options left to right: an option no loaded match knows makes it
 * load the match of the protocol given so far by `-p` (`-p tcp --dport 80` loads `tcp`), and
 * a NAT target checks the protocol given so far when it reads its port range. The kernel then
 * checks the whole rule: a protocol match (`-m tcp`) or a TCP-only target needs the rule's
 * protocol, not negated.
 */
import type { CommandLine, Severity, SourceRange } from "../../grammar/index.js";
import { TokenCode } from "../../grammar/tokens.js";
import { backendOf, rulesetFamily, type Backend } from "../shared/origin.js";
import {
  LineFlag,
  LineView,
  PROTOCOLS,
  TARGET_SPELLINGS,
  UNREAD_PROTOCOL,
  WATCHED_MODULES,
  WATCHED_OPTIONS,
  documentIndex,
  moduleBit,
  optionBit,
  targetNumber,
  type DocumentIndex,
  type WatchedModule,
  type WatchedOption,
} from "../shared/scan.js";
import type { Fix, RuleContext, RuleModule, TextEdit } from "../types.js";

const ID = "option-needs-protocol";

const PORTS = ["--sport", "--source-port", "--dport", "--destination-port"];

/** The options of each protocol's match, which `-p PROTO` loads on its own. */
const MATCH_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  tcp: [...PORTS, "--tcp-flags", "--syn", "--tcp-option"],
  udp: PORTS,
  sctp: [...PORTS, "--chunk-types"],
  dccp: [...PORTS, "--dccp-types", "--dccp-option"],
  icmp: ["--icmp-type"],
  "ipv6-icmp": ["--icmpv6-type"],
  esp: ["--espspi"],
  ah: ["--ahspi", "--ahlen", "--ahres"],
};

/** For each option, the protocols whose match has it. */
const OWNERS = new Map<string, string[]>();
for (const [protocol, options] of Object.entries(MATCH_OPTIONS)) {
  for (const option of options) OWNERS.set(option, [...(OWNERS.get(option) ?? []), protocol]);
}

/** Match modules bound to one protocol (the kernel's `.proto`), by `-m` name. */
const PROTOCOL_MATCHES: Readonly<Record<string, string>> = {
  tcp: "tcp",
  udp: "udp",
  sctp: "sctp",
  dccp: "dccp",
  icmp: "icmp",
  icmp6: "ipv6-icmp",
  icmpv6: "ipv6-icmp",
  esp: "esp",
  ah: "ah",
};

const MULTIPORT_PROTOCOLS = ["tcp", "udp", "udplite", "sctp", "dccp"];

/** Protocols the NAT targets take a port range for (libxt_DNAT & co. in iptables 1.8.9). */
const NAT_PORT_PROTOCOLS: Readonly<Record<4 | 6, readonly string[]>> = {
  4: ["tcp", "udp", "sctp", "dccp", "icmp"],
  6: ["tcp", "udp", "sctp", "dccp"],
};

const NUMBERS: Readonly<Record<string, string>> = {
  "1": "icmp",
  "6": "tcp",
  "17": "udp",
  "33": "dccp",
  "50": "esp",
  "51": "ah",
  "58": "ipv6-icmp",
  "132": "sctp",
  "136": "udplite",
};

/** `-p` as iptables reads it: names are case-insensitive, numbers name their protocol. */
function normalize(protocol: string): string {
  const p = protocol.toLowerCase();
  if (p === "icmpv6") return "ipv6-icmp";
  return NUMBERS[p] ?? p;
}

/** Targets that need a protocol, or a protocol for some of their options. */
const TARGETS = ["MASQUERADE", "REDIRECT", "DNAT", "SNAT", "TPROXY", "TCPMSS", "SYNPROXY", "TCPOPTSTRIP", "REJECT", "ECN"];

export const optionNeedsProtocol: RuleModule = {
  id: ID,
  description: "an option or match that needs a protocol (`--dport`, `-m tcp`, `--to-ports`, `-j TCPMSS`) without `-p` of that protocol before it: the ruleset does not load",
  severity: "error",
  fixable: "safe",
  check(context) {
    const { document } = context;
    // The lines this rule has something to say about, from the indexes of options and targets.
    const index = documentIndex(document);
    const numbers = index.lineNumbersWith({
      options: [...OWNERS.keys()] as WatchedOption[],
      modules: [...Object.keys(PROTOCOL_MATCHES), "multiport"] as WatchedModule[],
      targets: TARGETS,
    });
    let facts: Facts | null = null;
    for (let k = 0; k < numbers.length; k++) {
      if (surelyFine(index, numbers[k])) continue;
      const line = document.line(numbers[k]);
      if (line.kind !== "command" || line.command === "delete") continue;
      facts ??= { family: rulesetFamily(document)?.family ?? 4, backend: backendOf(document) };
      checkLine(context, line, facts);
    }
  },
};

// ---------------------------------------------------------------------------------------------
// The quick look: most rules of a dump are `-p tcp -m tcp --dport 80` and the like. The
// document index read their protocol, modules, options and target in place; a line is passed
// as fine from those facts only when that is sure. Anything else goes to the full check, which
// also words the finding.

const protocolBit = (name: string): number => 1 << Math.max(0, (PROTOCOLS as readonly string[]).indexOf(name));
const TCP = protocolBit("tcp");
const UDP = protocolBit("udp");
const NAT_PORT_BITS = TCP | UDP | protocolBit("sctp") | protocolBit("dccp");
const MULTIPORT_BITS = NAT_PORT_BITS;
/** For each watched option number, the protocols (bits) whose match has it. */
const OWNER_BITS = WATCHED_OPTIONS.map((option) => (OWNERS.get(option) ?? []).reduce((m, p) => m | protocolBit(p), 0));
/** For each watched module number, its protocol (bit), or 0. */
const MODULE_PROTOCOL_BITS = WATCHED_MODULES.map((m) => (PROTOCOL_MATCHES[m] ? protocolBit(PROTOCOL_MATCHES[m]) : 0));
const MULTIPORT = moduleBit("multiport");
const PORT_OPTIONS = optionBit("--dport")[0] | optionBit("--sport")[0];
const NAT_TARGETS = new Set(["DNAT", "SNAT", "MASQUERADE", "REDIRECT"].map(targetNumber));
const TCP_TARGETS = new Set(["SYNPROXY", "TCPOPTSTRIP", "REJECT"].map(targetNumber));
const TPROXY = targetNumber("TPROXY");

function surelyFine(index: DocumentIndex, line: number): boolean {
  const flags = index.flags(line);
  if (flags & (LineFlag.ProtocolOptionFirst | LineFlag.ProtocolAfterTarget | LineFlag.Unusual | LineFlag.ProtocolNegated)) return false;
  const protocolNumber = index.protocolOf(line);
  if (protocolNumber === UNREAD_PROTOCOL) return false;
  const protocol = protocolNumber === 0 ? 0 : 1 << protocolNumber;
  const modules = index.moduleBits(line);
  let loaded = 0;
  for (let m = modules & ~MULTIPORT, id = 0; m !== 0; m >>>= 1, id++) if (m & 1) loaded |= MODULE_PROTOCOL_BITS[id];
  // A protocol match needs the rule's protocol; multiport needs one with ports.
  if (loaded !== 0 && loaded !== protocol) return false;
  if ((modules & MULTIPORT) !== 0 && (protocol & MULTIPORT_BITS) === 0) return false;
  // Every option of a protocol match belongs to the protocol or to a loaded match.
  const options = index.optionBits(line);
  for (let m = options >>> 8, id = 8; m !== 0; m >>>= 1, id++) {
    if ((m & 1) === 0 || OWNER_BITS[id] === 0) continue;
    if ((OWNER_BITS[id] & (protocol | loaded)) === 0 && !((modules & MULTIPORT) !== 0 && ((1 << id) & PORT_OPTIONS) !== 0)) return false;
  }
  const target = index.targetId(line);
  if (target === -1) return true;
  if (NAT_TARGETS.has(target)) return (protocol & NAT_PORT_BITS) !== 0;
  if (TCP_TARGETS.has(target)) return protocol === TCP;
  if (target === TPROXY) return protocol === TCP || protocol === UDP;
  // TCPMSS, ECN: read closely.
  return !TARGETS.includes(TARGET_SPELLINGS.names[target]);
}

interface Facts {
  family: 4 | 6;
  backend: Backend | null;
}

interface Protocol {
  name: string;
  /** As written. */
  text: string;
  negated: boolean;
  element: number;
}

function checkLine(context: RuleContext, line: CommandLine, facts: Facts): void {
  const view = new LineView(line);
  const target = view.targetIndex();
  const end = target === -1 ? view.count : target;
  let protocol: Protocol | null = null;
  const loaded = new Map<string, number>();
  let implicit: string | null = null;

  // The protocol of the rule as a whole (the kernel's view), and where `-p` is.
  let final: Protocol | null = null;
  for (let i = 0; i < view.count; i++) {
    if (view.code(i) === TokenCode.GenericOption && isProtocolOption(view, i)) final = protocolAt(view, i);
  }

  for (let i = 0; i < end; i++) {
    const code = view.code(i);
    if (code === TokenCode.GenericOption) {
      if (isProtocolOption(view, i)) protocol = protocolAt(view, i);
      continue;
    }
    if (code === TokenCode.MatchOption) {
      const name = view.value(i);
      if (name !== null && !loaded.has(name)) loaded.set(name, i);
      continue;
    }
    if (code !== TokenCode.ModuleOption || !maybeOwned(view, i)) continue;
    const option = view.name(i);
    const owners = OWNERS.get(option);
    if (owners === undefined) continue;
    // The other family's ICMP options are address-family-mismatch's to report.
    if ((option === "--icmp-type" && facts.family === 6) || (option === "--icmpv6-type" && facts.family === 4)) return;
    if (owners.some((p) => [...loaded.keys()].some((m) => PROTOCOL_MATCHES[m] === p))) continue;
    // getopt takes `--dport` for multiport's `--dports`, of which it is an abbreviation.
    if (loaded.has("multiport") && (option === "--dport" || option === "--sport")) continue;
    if (implicit !== null && owners.includes(implicit)) continue;
    if (protocol !== null && owners.includes(protocol.name)) {
      implicit = protocol.name;
      continue;
    }
    reportUnknownOption(context, line, view, i, option, owners, protocol, final);
    return;
  }

  // `! -p tcp --dport 80` loads the tcp match for a rule that is not tcp: the kernel refuses it.
  if (implicit !== null && final !== null && final.negated && final.name === implicit) {
    reportProtocolMatch(context, line, view, final.element, implicit, implicit, final, facts, true);
    return;
  }
  // The kernel checks the protocol of a match bound to one (legacy at COMMIT; nft when adding the rule).
  for (const [name, at] of loaded) {
    const required = PROTOCOL_MATCHES[name];
    if ((name === "icmp" && facts.family === 6) || ((name === "icmp6" || name === "icmpv6") && facts.family === 4)) continue;
    if (required !== undefined) {
      if (final === null || final.name !== required || final.negated) {
        reportProtocolMatch(context, line, view, at, name, required, final, facts);
        return;
      }
      continue;
    }
    if (name === "multiport" && (final === null || !MULTIPORT_PROTOCOLS.includes(final.name) || final.negated)) {
      reportMultiport(context, view, at, final);
      return;
    }
  }
  if (target !== -1) checkTarget(context, line, view, target, facts);
}

const isProtocolOption = (view: LineView, i: number): boolean => view.is(i, "-p") || view.is(i, "--protocol");

function protocolAt(view: LineView, i: number): Protocol {
  const text = view.value(i) ?? "";
  return { name: normalize(text), text, negated: view.negated(i), element: i };
}

/** A cheap look at the option word before making a string of it: only `--` options are owned. */
function maybeOwned(view: LineView, i: number): boolean {
  const range = view.optionRange(i);
  const length = range.end - range.start;
  return length >= 5 && length <= 20;
}

const list = (protocols: readonly string[]): string => {
  const items = protocols.map((p) => `\`-p ${p}\``);
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
};

function reportUnknownOption(
  context: RuleContext,
  line: CommandLine,
  view: LineView,
  at: number,
  option: string,
  owners: string[],
  protocol: Protocol | null,
  final: Protocol | null,
): void {
  const refusal = `iptables-restore refuses the line ("unknown option "${option}"", both backends)`;
  let message: string;
  let fix: Fix | undefined;
  if (final !== null && final.element > at && owners.includes(final.name)) {
    // `--dport 80 -p tcp`: the protocol comes too late; moving it changes nothing else.
    message =
      `\`${option}\` comes before \`-p ${final.text}\`: iptables reads options in order and loads the ${final.name} match ` +
      `only for an option it meets after \`-p\`, so ${refusal}. Put \`-p ${final.text}\` first.`;
    fix = moveProtocolFix(line, view, final.element, at);
  } else if (protocol !== null) {
    message =
      `\`${option}\` belongs to the match of ${list(owners)}, but the rule is for \`${protocol.negated ? "! " : ""}-p ${protocol.text}\`, whose match has no such option: ${refusal}.`;
  } else {
    message =
      `\`${option}\` needs ${list(owners)} before it: without \`-p\` iptables loads no protocol match to read it, so ${refusal}. ` +
      "Add the protocol the rule is for (this changes which packets match: no fix is offered).";
  }
  context.report({ range: view.range(at), message, fix });
}

function reportProtocolMatch(
  context: RuleContext,
  line: CommandLine,
  view: LineView,
  at: number,
  match: string,
  required: string,
  final: Protocol | null,
  facts: Facts,
  implicit = false,
): void {
  const upper = match === "icmp6" || match === "icmpv6" ? "ICMPv6" : match.toUpperCase();
  const refused =
    `iptables-nft-restore refuses the line ("${upper} match requires '-p ${required}'"), and iptables-legacy-restore fails at COMMIT ` +
    `(the kernel: "x_tables: ${facts.family === 6 ? "ip6_tables" : "ip_tables"}: ${match} match: only valid for protocol ${protocolNumber(required)}")`;
  let severity: Severity = "error";
  let message: string;
  let fix: Fix | undefined;
  if (final === null) {
    message = `\`-m ${match}\` needs \`-p ${required}\`: ${refused}. Add \`-p ${required}\` before it (unsafe fix: the rule then matches ${required} only, which is all \`-m ${match}\` can match).`;
    const start = view.range(at).start;
    fix = {
      title: `add \`-p ${required}\``,
      applicability: "unsafe",
      edits: [{ start, end: start, text: `-p ${required} ` }],
      ruleId: ID,
    };
  } else if (final.negated) {
    const what = implicit ? `\`! -p ${final.text}\` with ${match} options` : `\`-m ${match}\` with \`! -p ${final.text}\``;
    message =
      `${what}: a ${match} match in a rule for every protocol but ${final.text}. ` +
      `iptables-legacy-restore fails at COMMIT (the kernel: "${match} match: only valid for protocol ${protocolNumber(required)}"); ` +
      "iptables-nft loads it, but the match can never apply.";
    if (facts.backend === "nft") {
      severity = "warning";
      message += " Reported as a warning: this dump comes from iptables-nft.";
    }
  } else {
    message = `\`-m ${match}\` in a rule for \`-p ${final.text}\`: ${refused}.`;
  }
  context.report({ range: view.range(at), severity, message, fix });
}

function reportMultiport(context: RuleContext, view: LineView, at: number, final: Protocol | null): void {
  const said =
    final !== null && final.negated
      ? "multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP"
      : "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'";
  const why = final === null ? "the rule has no `-p`" : final.negated ? `the protocol is negated (\`! -p ${final.text}\`)` : `the rule is for \`-p ${final.text}\``;
  context.report({
    range: view.range(at),
    message: `\`-m multiport\` needs the rule's protocol to be tcp, udp, udplite, sctp or dccp, but ${why}: iptables-restore refuses the line ("${said}", both backends).`,
  });
}

/** Targets that need TCP (the kernel's `.proto`, or their check function). */
function checkTarget(context: RuleContext, line: CommandLine, view: LineView, at: number, facts: Facts): void {
  const name = view.value(at);
  if (name === null) return;
  // The protocol as iptables knows it when it reads the target's options: `-p` before the target.
  let protocol: Protocol | null = null;
  for (let i = 0; i < at; i++) if (view.code(i) === TokenCode.GenericOption && isProtocolOption(view, i)) protocol = protocolAt(view, i);
  const option = (names: string[]): number => {
    for (let i = at + 1; i < view.count; i++) if (names.some((n) => view.is(i, n))) return i;
    return -1;
  };
  const xt = facts.family === 6 ? "ip6_tables" : "ip_tables";
  const isTcp = protocol !== null && protocol.name === "tcp" && !protocol.negated;
  const tcpOnly = (range: SourceRange, what: string, logged: string) =>
    context.report({
      range,
      message:
        `${what} needs \`-p tcp\` (not negated) ${protocol === null ? "and the rule has no `-p`" : `but the rule is for \`${protocol.negated ? "! " : ""}-p ${protocol.text}\``}: ` +
        `the kernel refuses the rule ("${logged}"), so the table fails to load (iptables-legacy-restore at COMMIT, iptables-nft-restore with "RULE_APPEND failed (Invalid argument)").`,
    });

  switch (name) {
    case "MASQUERADE":
    case "REDIRECT": {
      const i = option(["--to-ports", "--to-port"]);
      if (i !== -1) checkNatPorts(context, view, i, name, protocol, facts);
      return;
    }
    case "DNAT":
    case "SNAT": {
      const i = option(["--to-destination", "--to-source"]);
      if (i !== -1 && hasPort(view.value(i) ?? "")) checkNatPorts(context, view, i, name, protocol, facts);
      return;
    }
    case "TPROXY":
      if (protocol === null || protocol.negated || (protocol.name !== "tcp" && protocol.name !== "udp")) {
        context.report({
          range: view.range(at),
          message:
            `TPROXY needs \`-p tcp\` or \`-p udp\` (not negated) ${protocol === null ? "and the rule has no `-p`" : `but the rule is for \`${protocol.negated ? "! " : ""}-p ${protocol.text}\``}: ` +
            `the kernel refuses the rule ("xt_TPROXY: Can be used only with -p tcp or -p udp"), so the table fails to load.`,
        });
      }
      return;
    case "TCPMSS":
      if (!isTcp) {
        tcpOnly(view.range(at), "TCPMSS", `x_tables: ${xt}: TCPMSS target: only valid for protocol 6`);
        return;
      }
      if (!hasSynMatch(view, at)) {
        let severity: Severity = "error";
        let message =
          "TCPMSS needs a match on SYN packets (`--syn` or `--tcp-flags SYN,RST SYN`): iptables-legacy-restore fails at COMMIT " +
          '(the kernel: "xt_TCPMSS: Only works on TCP SYN packets"). iptables-nft loads it. Add `--tcp-flags SYN,RST SYN` after `-p tcp` ' +
          "(unsafe fix: the rule then matches SYN packets only, the only ones TCPMSS changes).";
        if (facts.backend === "nft") {
          severity = "warning";
          message += " Reported as a warning: this dump comes from iptables-nft.";
        }
        const insertAt = view.range(protocol!.element).end;
        context.report({
          range: view.range(at),
          severity,
          message,
          fix: { title: "match SYN packets", applicability: "unsafe", edits: [{ start: insertAt, end: insertAt, text: " --tcp-flags SYN,RST SYN" }], ruleId: ID },
        });
      }
      return;
    case "SYNPROXY":
    case "TCPOPTSTRIP":
      if (!isTcp) tcpOnly(view.range(at), name, `x_tables: ${xt}: ${name} target: only valid for protocol 6`);
      return;
    case "REJECT": {
      const i = option(["--reject-with"]);
      const value = i === -1 ? null : view.value(i);
      if ((value === "tcp-reset" || value === "tcp-rst") && !isTcp) {
        tcpOnly(view.range(i), `\`--reject-with ${value}\``, facts.family === 6 ? "ip6t_REJECT: TCP_RESET illegal for non-tcp" : "ipt_REJECT: TCP_RESET invalid for non-tcp");
      }
      return;
    }
    case "ECN": {
      const i = option(["--ecn-tcp-remove", "--ecn-tcp-cwr", "--ecn-tcp-ece"]);
      if (i !== -1 && !isTcp) tcpOnly(view.range(i), `\`${view.name(i)}\``, "ipt_ECN: cannot use operation on non-tcp rule");
      return;
    }
  }
}

function checkNatPorts(context: RuleContext, view: LineView, i: number, target: string, protocol: Protocol | null, facts: Facts): void {
  const allowed = NAT_PORT_PROTOCOLS[facts.family];
  if (protocol !== null && allowed.includes(protocol.name)) return;
  const option = view.name(i);
  const why = protocol === null ? "the rule has no `-p` before it" : `the rule is for \`-p ${protocol.text}\``;
  context.report({
    range: view.range(i),
    message:
      `${target} \`${option} ${view.value(i) ?? ""}\` gives ports, which need ${list(allowed)} before it, but ${why}: ` +
      `iptables-restore refuses the line ("Need TCP, UDP, SCTP or DCCP with port specification", both backends).`,
  });
}

/** `1.2.3.4:80`, `1.2.3.4-1.2.3.9:1000-2000`, `[2001:db8::1]:80`, `:80`. */
function hasPort(value: string): boolean {
  if (value.includes("]:")) return true;
  if (value.startsWith("[")) return false;
  const colons = value.split(":").length - 1;
  // An IPv6 address without brackets has several colons and no port.
  return colons === 1;
}

/** A tcp match on SYN, as the kernel's TCPMSS check wants: `--syn` or `--tcp-flags M C` with SYN in C, not negated. */
function hasSynMatch(view: LineView, target: number): boolean {
  for (let i = 0; i < target; i++) {
    if (view.code(i) !== TokenCode.ModuleOption || view.negated(i)) continue;
    if (view.is(i, "--syn")) return true;
    if (view.is(i, "--tcp-flags")) {
      const compared = view.values(i)[1] ?? "";
      if (compared.split(",").some((f) => f.toUpperCase() === "SYN" || f.toUpperCase() === "ALL")) return true;
    }
  }
  return false;
}

/** Moves `-p PROTO` (the element at `from`) to just before the element at `before`. */
function moveProtocolFix(line: CommandLine, view: LineView, from: number, before: number): Fix {
  const text = line.source.text;
  const range = view.range(from);
  // Take the blanks before the element with it.
  let start = range.start;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  const insertAt = view.range(before).start;
  const edits: TextEdit[] = [
    { start: insertAt, end: insertAt, text: `${text.slice(range.start, range.end)} ` },
    { start, end: range.end, text: "" },
  ];
  return { title: "put `-p` before the options that need it", applicability: "safe", edits, ruleId: ID };
}

function protocolNumber(name: string): string {
  for (const [number, protocol] of Object.entries(NUMBERS)) if (protocol === name) return number;
  return name;
}
