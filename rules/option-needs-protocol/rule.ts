/**
 * option-needs-protocol: an option or match that only exists for a protocol (`--dport`,
 * `-m tcp`, `--to-ports`) in a rule without that protocol, or with the protocol given only after
 * the option. See README.md beside this file. Targets the kernel checks the protocol of
 * (`-j TCPMSS`, `--reject-with tcp-reset`) are target-needs-protocol's.
 *
 * iptables reads a rule's options left to right: an option no loaded match knows makes it
 * load the match of the protocol given so far by `-p` (`-p tcp --dport 80` loads `tcp`), and
 * a NAT target checks the protocol given so far when it reads its port range. The kernel then
 * checks the whole rule: a protocol match (`-m tcp`) needs the rule's protocol, not negated.
 */
import { LineView, type CommandLine, type Severity } from "../../grammar/index.js";
import type { Backend, WatchedModule, WatchedOption } from "../model/index.js";
import {
  MULTIPORT_PROTOCOLS,
  NAT_PORT_PROTOCOLS,
  normalizeProtocol,
  PROTOCOL_MATCHES,
  PROTOCOL_OPTION_OWNERS,
  PROTOCOL_TARGETS,
  protocolNumber,
  protocolOfMatch,
  type Family,
} from "../netfilter/index.js";
import type { Fix, RuleContext, RuleModule, TextEdit } from "../types.js";

const ID = "option-needs-protocol";

export const optionNeedsProtocol: RuleModule = {
  id: ID,
  description: "an option or match that needs a protocol (`--dport`, `-m tcp`, `--to-ports`) without `-p` of that protocol before it: the ruleset does not load",
  severity: "error",
  fixable: "safe",
  check(context) {
    const { document, model } = context;
    // The lines this rule has something to say about, from the line index of options and targets.
    const index = model.lines;
    const numbers = index.linesWith({
      options: [...PROTOCOL_OPTION_OWNERS.keys()] as WatchedOption[],
      modules: [...Object.keys(PROTOCOL_MATCHES), "multiport"] as WatchedModule[],
      targets: PROTOCOL_TARGETS,
    });
    let facts: Facts | null = null;
    for (const n of numbers) {
      // Most rules of a dump are `-p tcp -m tcp --dport 80` and the like: passed from the index's facts.
      if (index.protocolNeedsSurelyMet(n)) continue;
      const line = document.line(n);
      if (line.kind !== "command" || line.command === "delete") continue;
      facts ??= { family: model.family()?.family ?? null, backend: model.backend() };
      checkLine(context, line, facts);
    }
  },
};

interface Facts {
  /** Null when nothing tells: what holds for one family only is then not said. */
  family: Family | null;
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
  const view = line.view;
  const target = view.targetIndex();
  const end = target === -1 ? view.count : target;
  let protocol: Protocol | null = null;
  const loaded = new Map<string, number>();
  let implicit: string | null = null;

  // The protocol of the rule as a whole (the kernel's view), and where `-p` is.
  let final: Protocol | null = null;
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) === "generic" && isProtocolOption(view, i)) final = protocolAt(view, i);
  }

  for (let i = 0; i < end; i++) {
    const role = view.role(i);
    if (role === "generic") {
      if (isProtocolOption(view, i)) protocol = protocolAt(view, i);
      continue;
    }
    if (role === "match") {
      const name = view.value(i);
      if (name !== null && !loaded.has(name)) loaded.set(name, i);
      continue;
    }
    if (role !== "module" || !maybeOwned(view, i)) continue;
    const option = view.name(i);
    const owners = PROTOCOL_OPTION_OWNERS.get(option);
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
    const required = protocolOfMatch(name, facts.family);
    if ((name === "icmp" && facts.family === 6) || ((name === "icmp6" || name === "icmpv6") && facts.family === 4)) continue;
    // `-m ah` is an extension header match in ip6tables: a rule of any protocol may use it.
    if (required === "unsure") continue;
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
  return { name: normalizeProtocol(text), text, negated: view.negated(i), element: i };
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
  owners: readonly string[],
  protocol: Protocol | null,
  final: Protocol | null,
): void {
  const refusal = `iptables-restore refuses the line ("unknown option "${option}"")`;
  let message: string;
  let fix: Fix | undefined;
  if (final !== null && final.element > at && owners.includes(final.name)) {
    // `--dport 80 -p tcp`: the protocol comes too late; moving it changes nothing else.
    message = `\`${option}\` comes before \`-p ${final.text}\`, so no ${final.name} match is loaded to read it and ${refusal}`;
    fix = moveProtocolFix(line, view, final.element, at);
  } else if (protocol !== null) {
    message = `\`${option}\` belongs to ${list(owners)}, not \`${protocol.negated ? "! " : ""}-p ${protocol.text}\`, so ${refusal}`;
  } else {
    message = `\`${option}\` needs ${list(owners)} before it, so ${refusal}`;
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
  const refused = `iptables-nft-restore refuses the line ("${upper} match requires '-p ${required}'"), iptables-legacy-restore the table`;
  let severity: Severity = "error";
  let message: string;
  let fix: Fix | undefined;
  if (final === null) {
    message = `\`-m ${match}\` without \`-p ${required}\`: ${refused}`;
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
      `${what}: iptables-legacy-restore refuses the table ("${match} match: only valid for protocol ${protocolNumber(required)}"), ` +
      (facts.backend === "nft" ? "iptables-nft, which wrote this dump, loads it" : "iptables-nft loads it");
    if (facts.backend === "nft") severity = "warning";
  } else {
    message = `\`-m ${match}\` in a rule for \`-p ${final.text}\`: ${refused}`;
  }
  context.report({ range: view.range(at), severity, message, fix });
}

function reportMultiport(context: RuleContext, view: LineView, at: number, final: Protocol | null): void {
  const said =
    final !== null && final.negated
      ? "multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP"
      : "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'";
  const where = final === null ? "a rule without `-p`" : `a rule for \`${final.negated ? "! " : ""}-p ${final.text}\``;
  context.report({
    range: view.range(at),
    message: `\`-m multiport\` in ${where}: iptables-restore refuses the line ("${said}")`,
  });
}

/**
 * NAT targets' ports, which iptables reads only for the protocol given before the target. The
 * kernel's checks of a target's protocol (`TCPMSS`, `REJECT --reject-with tcp-reset`, ...) are
 * target-needs-protocol's.
 */
function checkTarget(context: RuleContext, line: CommandLine, view: LineView, at: number, facts: Facts): void {
  const name = view.value(at);
  if (name === null) return;
  // The protocol as iptables knows it when it reads the target's options: `-p` before the target.
  let protocol: Protocol | null = null;
  for (let i = 0; i < at; i++) if (view.role(i) === "generic" && isProtocolOption(view, i)) protocol = protocolAt(view, i);
  const option = (names: string[]): number => {
    for (let i = at + 1; i < view.count; i++) if (names.some((n) => view.is(i, n))) return i;
    return -1;
  };
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
  }
}

function checkNatPorts(context: RuleContext, view: LineView, i: number, target: string, protocol: Protocol | null, facts: Facts): void {
  // iptables takes ports for -p icmp too: without a family, only what neither takes is reported.
  const allowed = NAT_PORT_PROTOCOLS[facts.family ?? 4];
  if (protocol !== null && allowed.includes(protocol.name)) return;
  const option = view.name(i);
  const why = protocol === null ? "but no `-p` before it" : `in a rule for \`-p ${protocol.text}\``;
  context.report({
    range: view.range(i),
    message: `${target} \`${option} ${view.value(i) ?? ""}\` has ports ${why}: iptables-restore refuses it ("Need TCP, UDP, SCTP or DCCP with port specification")`,
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
