/**
 * A rule's protocol as iptables and the kernel read it, and whether its matches have the
 * protocol they need, from the extension model (`implicitFor`, `needsProtocol`, options).
 *
 * iptables reads a rule's options left to right: an option no loaded match knows makes it load
 * the match of the protocol given so far by `-p` (`-p tcp --dport 80` loads `tcp`). The kernel
 * then checks the whole rule: a match bound to a protocol (`-m tcp`, `-m tcpmss`) needs the
 * rule's protocol, not negated. option-needs-protocol reports what this finds; the rules about
 * targets' protocols leave such lines to it, so one line gets one finding.
 */
import type { LineView } from "../../grammar/index.js";
import {
  findExtension,
  findOption,
  implicitMatch,
  MULTIPORT_PROTOCOLS,
  normalizeProtocol,
  PROTOCOL_OPTION_OWNERS,
  protocolsNeededBy,
  readOptions,
  type ExtensionData,
  type Family,
} from "../netfilter/index.js";

/** A rule's `-p`. */
export interface RuleProtocol {
  /** Canonical (`6`, `TCP` are `tcp`). */
  name: string;
  /** As written. */
  text: string;
  negated: boolean;
  /** Its element in the line's view. */
  element: number;
}

const isProtocolOption = (view: LineView, i: number): boolean => view.role(i) === "generic" && (view.is(i, "-p") || view.is(i, "--protocol"));

function protocolAt(view: LineView, i: number): RuleProtocol {
  const text = view.value(i) ?? "";
  return { name: normalizeProtocol(text), text, negated: view.negated(i), element: i };
}

/** The last `-p` among the line's elements before `end` (the whole line: the rule's protocol, as the kernel sees it). */
export function ruleProtocol(view: LineView, end = view.count): RuleProtocol | null {
  let protocol: RuleProtocol | null = null;
  for (let i = 0; i < end; i++) if (isProtocolOption(view, i)) protocol = protocolAt(view, i);
  return protocol;
}

/** What is wrong with a rule's protocol for its matches: the first thing iptables or the kernel refuses. */
export type ProtocolProblem =
  /**
   * An option of a protocol's match (`--dport`) that no loaded match has and `-p` (so far)
   * does not load a match for: iptables says "unknown option".
   */
  | { kind: "unknown-option"; element: number; option: string; owners: readonly string[]; before: RuleProtocol | null; rule: RuleProtocol | null }
  /** `! -p tcp --dport 80`: the option loads the protocol's match in a rule that is not of it. */
  | { kind: "negated-implicit"; element: number; match: ExtensionData; rule: RuleProtocol }
  /** A match bound to a protocol in a rule without it, or with it negated. */
  | { kind: "match-needs-protocol"; element: number; match: ExtensionData; required: readonly string[]; rule: RuleProtocol | null }
  /**
   * multiport's first port option (`element`) read while the protocol so far (`before`) is none,
   * `all`, negated or one without ports: iptables checks it there, as it reads the option.
   */
  | { kind: "multiport-protocol"; element: number; loadedAt: number; before: RuleProtocol | null; rule: RuleProtocol | null };

/**
 * The first protocol problem of a rule's matches, or null. `family` null: what holds for one
 * family only is not said (`-m ah` needs `-p ah` in iptables only).
 */
export function protocolProblem(view: LineView, family: Family | null, isChain?: (name: string) => boolean): ProtocolProblem | null {
  const target = view.targetIndex();
  // Options after a target iptables knows, or a chain (`isChain`: it takes none), are read as
  // getopt reads them, the target's own among the loaded (`-j ACCEPT -m multiport --dports 80
  // -p tcp`); after a target the model does not know, nothing is read (unknown-option's).
  const targetName = target === -1 ? null : view.value(target);
  const targetExtension = targetName === null ? undefined : findExtension("target", targetName, family);
  const end = target === -1 || targetExtension !== undefined || (targetName !== null && isChain?.(targetName) === true) ? view.count : target;
  const rule = ruleProtocol(view);
  let before: RuleProtocol | null = null;
  const loaded: { match: ExtensionData; element: number }[] = [];
  let implicit: ExtensionData | null = null;

  for (let i = 0; i < end; i++) {
    const role = view.role(i);
    if (role === "generic") {
      if (isProtocolOption(view, i)) before = protocolAt(view, i);
      continue;
    }
    if (role === "match") {
      const name = view.value(i);
      const match = name === null ? undefined : findExtension("match", name, family);
      if (match !== undefined && !loaded.some((l) => l.match === match)) loaded.push({ match, element: i });
      continue;
    }
    if (role !== "module" || !maybeOwned(view, i)) continue;
    const option = view.name(i);
    if (target !== -1 && i > target && targetExtension !== undefined && findOption(targetExtension, option, family) !== undefined) continue;
    const owners = PROTOCOL_OPTION_OWNERS.get(option);
    if (owners === undefined) continue;
    // The other family's ICMP options are address-family-mismatch's to report.
    if ((option === "--icmp-type" && family === 6) || (option === "--icmpv6-type" && family === 4)) return null;
    if (loaded.some((l) => findOption(l.match, option, family) !== undefined)) continue;
    // The other family's option of a match the rule loads (`-p ah -m ah --ahlen 1` in an IPv4 file): unknown-option's to report.
    if (family !== null && loaded.some((l) => findOption(l.match, option, null) !== undefined)) continue;
    // getopt takes `--dport` for multiport's `--dports`, of which it is an abbreviation.
    if ((option === "--dport" || option === "--sport") && loaded.some((l) => l.match.name === "multiport")) continue;
    if (implicit !== null && findOption(implicit, option, family) !== undefined) continue;
    const loads = before === null ? undefined : implicitMatch(before.text, family);
    if (loads !== undefined && findOption(loads, option, family) !== undefined) {
      implicit = loads;
      continue;
    }
    if (family !== null && loads !== undefined && findOption(loads, option, null) !== undefined) {
      implicit = loads;
      continue;
    }
    return { kind: "unknown-option", element: i, option, owners, before, rule };
  }

  // `! -p tcp --dport 80` loads the tcp match for a rule that is not tcp.
  if (implicit !== null && rule !== null && rule.negated && normalizeProtocol(implicit.implicitFor?.[0] ?? "") === rule.name) {
    return { kind: "negated-implicit", element: rule.element, match: implicit, rule };
  }
  // The kernel checks the protocol of a match bound to one (legacy at COMMIT; nft when adding the rule).
  for (const { match, element } of loaded) {
    if (match.name === "multiport") {
      const problem = multiportProblem(view, family, rule, isChain);
      if (problem === null) continue;
      return problem;
    }
    const required = protocolsNeededBy(match, family);
    if (required === undefined || required === "unsure") continue;
    if (rule !== null && !rule.negated && required.includes(rule.name)) continue;
    return { kind: "match-needs-protocol", element, match, required, rule };
  }
  return null;
}

/**
 * multiport checks the protocol when it reads a port option (libxt_multiport.c's check_proto),
 * with the `-p` given so far: `-m multiport --dports 80 -p tcp` is refused though the rule is
 * tcp's (measured, both backends). Null when its first port option has a protocol with ports,
 * when it has no port option (missing-option's), when the line has two `-p` (repeated-option's),
 * or when the options cannot be read (unknown-option's).
 */
function multiportProblem(view: LineView, family: Family | null, rule: RuleProtocol | null, isChain?: (name: string) => boolean): ProtocolProblem | null {
  let protocols = 0;
  for (let i = 0; i < view.count; i++) if (isProtocolOption(view, i)) protocols++;
  if (protocols > 1) return null;
  const reading = readOptions(view, family, isChain);
  if (reading === null) return null;
  let first: { element: number; loadedAt: number } | null = null;
  for (const instance of reading.instances) {
    if (instance.extension.name !== "multiport" || instance.given.length === 0) continue;
    const element = instance.given[0].element;
    if (first === null || element < first.element) first = { element, loadedAt: instance.element };
  }
  if (first === null) return null;
  const before = ruleProtocol(view, first.element);
  if (before !== null && !before.negated && MULTIPORT_PROTOCOLS.includes(before.name)) return null;
  return { kind: "multiport-protocol", element: first.element, loadedAt: first.loadedAt, before, rule };
}

/** A cheap look at the option word before making a string of it: only `--` options of 5 to 20 characters are owned. */
function maybeOwned(view: LineView, i: number): boolean {
  const range = view.optionRange(i);
  const length = range.end - range.start;
  if (length < 5) return false;
  if (length <= 20) return true;
  // A longer word may carry its value (`--dport=ESTABLISHED,RELATED`): the option is its name.
  const name = view.name(i).length;
  return name >= 5 && name <= 20;
}
