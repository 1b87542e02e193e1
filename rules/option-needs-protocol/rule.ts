/**
 * option-needs-protocol: an option or match that only exists for a protocol (`--dport`,
 * `-m tcp`, `--to-ports`) in a rule without that protocol, or with the protocol given only after
 * the option. See README.md beside this file. Targets the kernel checks the protocol of
 * (`-j TCPMSS`, `--reject-with tcp-reset`) are target-needs-protocol's.
 *
 * What a rule's matches need of its protocol is the model's answer (model/rule-protocol.ts,
 * from the extension model); this rule words it as iptables does, and checks the NAT targets'
 * port ranges, which iptables reads only for the protocol given before the target.
 */
import type { CommandLine, LineView, Severity } from "../../grammar/index.js";
import { isChainOfLine, protocolProblem, ruleProtocol, type Backend, type ProtocolProblem, type RuleProtocol, type WatchedModule, type WatchedOption, WATCHED_MODULES, WATCHED_OPTIONS } from "../model/index.js";
import { ANY_PROTOCOL, MULTIPORT_PROTOCOLS, NAT_PORT_PROTOCOLS, optionsOf, PROTOCOL_MATCHES, PROTOCOL_OPTION_OWNERS, PROTOCOL_TARGETS, protocolNumber, type ExtensionData, type Family } from "../netfilter/index.js";
import { shownWord } from "../report/index.js";
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
    const numbers = index.linesWith({ options: WATCHED_PROTOCOL_OPTIONS, modules: WATCHED_PROTOCOL_MODULES, targets: PROTOCOL_TARGETS });
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

/**
 * The lines to look at, by what the line index watches: the options of protocols' own matches,
 * and the matches bound to a protocol (the model's `needsProtocol`: tcpmss, multiport, ...).
 */
const WATCHED_PROTOCOL_OPTIONS = WATCHED_OPTIONS.filter((o) => PROTOCOL_OPTION_OWNERS.has(o));
const WATCHED_PROTOCOL_MODULES = WATCHED_MODULES.filter((m) => Object.hasOwn(PROTOCOL_MATCHES, m) || m === "multiport" || m === "tcpmss");

interface Facts {
  /** Null when nothing tells: what holds for one family only is then not said. */
  family: Family | null;
  backend: Backend | null;
}

function checkLine(context: RuleContext, line: CommandLine, facts: Facts): void {
  const view = line.view;
  const problem = protocolProblem(view, facts.family, (name) => isChainOfLine(context.model, line, name));
  if (problem !== null) {
    report(context, line, problem, facts);
    return;
  }
  const target = view.targetIndex();
  if (target !== -1) checkTarget(context, line, view, target, facts);
}

function report(context: RuleContext, line: CommandLine, problem: ProtocolProblem, facts: Facts): void {
  const view = line.view;
  switch (problem.kind) {
    case "unknown-option":
      return reportUnknownOption(context, line, view, problem.element, problem.option, problem.owners, problem.before, problem.rule);
    case "negated-implicit":
      return reportProtocolMatch(context, view, problem.element, problem.match, problem.rule.name, problem.rule, facts, true);
    case "multiport-protocol":
      return reportMultiport(context, line, view, problem.element, problem.loadedAt, problem.before, problem.rule);
    case "match-needs-protocol":
      return reportProtocolMatch(context, view, problem.element, problem.match, problem.required[0], problem.rule, facts);
  }
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
  protocol: RuleProtocol | null,
  final: RuleProtocol | null,
): void {
  const refusal = `iptables-restore refuses the line ("unknown option "${shownWord(view.word(at))}"")`;
  let message: string;
  let fix: Fix | undefined;
  if (final !== null && final.element > at && owners.includes(final.name) && final.text.toLowerCase() === final.name) {
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

/**
 * The matches iptables-nft turns into nft's own expressions, checking the protocol itself
 * (nft.c: "TCP match requires '-p tcp'"); it hands the others to the kernel, which refuses them.
 * Measured with iptables 1.8.9: `! -p tcp -m tcp --dport 5` loads with iptables-nft, `! -p icmp
 * -m icmp --icmp-type 8` does not.
 */
const NFT_NATIVE_MATCHES: ReadonlySet<string> = new Set(["tcp", "udp"]);

/** Whether the match loaded by element `at` (`-m tcp`) is given options of its own after it, before the next `-m` or target. */
function hasOwnOptions(view: LineView, at: number, match: ExtensionData): boolean {
  const names = new Set(optionsOf(match, null).flatMap((o) => o.names));
  for (let i = at + 1; i < view.count; i++) {
    const role = view.role(i);
    if (role === "match" || role === "jump" || role === "goto") return false;
    if (role === "module" && names.has(view.name(i))) return true;
  }
  return false;
}

/** What iptables-nft-restore says when the kernel refuses a rule it adds. */
const RULE_APPEND_FAILED = "RULE_APPEND failed (Invalid argument)";

function reportProtocolMatch(
  context: RuleContext,
  view: LineView,
  at: number,
  match: ExtensionData,
  required: string,
  final: RuleProtocol | null,
  facts: Facts,
  implicit = false,
): void {
  const name = view.value(at) ?? match.name;
  // iptables-nft reads the protocol itself only for a match it turns into its own expressions,
  // which it does for options: `-m tcp` alone goes to the kernel (RULE_APPEND failed, measured).
  const native = NFT_NATIVE_MATCHES.has(match.name) && (implicit || hasOwnOptions(view, at, match));
  let severity: Severity = "error";
  let message: string;
  let fix: Fix | undefined;
  if (final !== null && final.negated) {
    const what = implicit ? `\`! -p ${final.text}\` with ${match.name} options` : `\`-m ${name}\` with \`! -p ${final.text}\``;
    const logged = `"${match.name} match: only valid for protocol ${protocolNumber(required)}"`;
    if (native) {
      message = `${what}: iptables-legacy-restore refuses the table (the kernel logs ${logged}), ` + (facts.backend === "nft" ? "iptables-nft, which wrote this dump, loads it" : "iptables-nft loads it");
      if (facts.backend === "nft") severity = "warning";
    } else {
      message = `${what}: the kernel refuses it (it logs ${logged}), failing the line in iptables-nft, the table in legacy`;
    }
  } else {
    const refused = native
      ? `iptables-nft-restore refuses the line ("${match.name.toUpperCase()} match requires '-p ${required}'"), iptables-legacy-restore the table`
      : `the kernel refuses it, failing the table in iptables-legacy and the line in iptables-nft-restore ("${RULE_APPEND_FAILED}")`;
    if (final === null) {
      message = `\`-m ${name}\` without \`-p ${required}\`: ${refused}`;
      const start = view.range(at).start;
      fix = { title: `add \`-p ${required}\``, applicability: "unsafe", edits: [{ start, end: start, text: `-p ${required} ` }], ruleId: ID };
    } else {
      message = `\`-m ${name}\` in a rule for \`-p ${final.text}\`: ${refused}`;
    }
  }
  context.report({ range: view.range(at), severity, message, fix });
}

/** multiport's first port option (`at`, loaded at `loadedAt`) read with `before` the protocol so far; `final` the rule's. */
function reportMultiport(context: RuleContext, line: CommandLine, view: LineView, at: number, loadedAt: number, before: RuleProtocol | null, final: RuleProtocol | null): void {
  // check_proto: a negated or portless protocol "only works", none (or `all`) "needs".
  const said =
    before !== null && (before.negated || !ANY_PROTOCOL.has(before.name))
      ? "multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP"
      : "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'";
  const refused = `iptables-restore refuses the line ("${said}")`;
  if (before === null && final !== null) {
    // `-m multiport --dports 80 -p tcp`: the protocol comes too late; moving it changes nothing else.
    const movable = !final.negated && MULTIPORT_PROTOCOLS.includes(final.name) && final.text.toLowerCase() === final.name;
    context.report({
      range: view.range(at),
      message: `\`${view.name(at)}\` comes before \`${final.negated ? "! " : ""}-p ${final.text}\`: ${refused}`,
      fix: movable ? moveProtocolFix(line, view, final.element, at) : undefined,
    });
    return;
  }
  const where = before === null ? "a rule without `-p`" : `a rule for \`${before.negated ? "! " : ""}-p ${before.text}\``;
  context.report({ range: view.range(loadedAt), message: `\`-m multiport\` in ${where}: ${refused}` });
}

/**
 * NAT targets' ports, which iptables reads only for the protocol given before the target. The
 * kernel's checks of a target's protocol (`TCPMSS`, `REJECT --reject-with tcp-reset`, ...) are
 * target-needs-protocol's.
 */
function checkTarget(context: RuleContext, line: CommandLine, view: LineView, at: number, facts: Facts): void {
  const name = view.value(at);
  if (name === null) return;
  const option = (names: string[]): number => {
    for (let i = at + 1; i < view.count; i++) if (names.some((n) => view.is(i, n))) return i;
    return -1;
  };
  // The protocol as iptables knows it when it reads the ports: the last `-p` before the option, wherever
  // the target stands (`-j REDIRECT -p udp --to-ports 53` loads, `-j REDIRECT --to-ports 53 -p udp` does not; measured).
  switch (name) {
    case "MASQUERADE":
    case "REDIRECT": {
      const i = option(["--to-ports", "--to-port"]);
      if (i !== -1) checkNatPorts(context, view, i, name, ruleProtocol(view, i), facts);
      return;
    }
    case "DNAT":
    case "SNAT": {
      const i = option(["--to-destination", "--to-source"]);
      if (i !== -1 && hasPort(view.value(i) ?? "")) checkNatPorts(context, view, i, name, ruleProtocol(view, i), facts);
      return;
    }
  }
}

function checkNatPorts(context: RuleContext, view: LineView, i: number, target: string, protocol: RuleProtocol | null, facts: Facts): void {
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
