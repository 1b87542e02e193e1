/**
 * icmpv6-nd-blocked: an ip6tables INPUT or OUTPUT that denies by default with no ACCEPT path
 * for neighbour solicitations (ICMPv6 type 135) or advertisements (136): no neighbour is ever
 * resolved, and IPv6 stops working on every link. See README.md beside this file.
 */
import type { ChainDeclaration, CommandLine, MatchNode, OptionNode } from "../../grammar/index.js";
import { defaultDeny, isUnconditional, type TableModel } from "../model/index.js";
import { ANY_PROTOCOL, normalizeProtocol, parseIcmpType, parseState, targetClass } from "../netfilter/index.js";
import { NEW_LINE_END } from "../report/index.js";
import type { RuleContext, RuleModule, TextEdit } from "../types.js";

const ID = "icmpv6-nd-blocked";

/** The neighbour discovery messages a link cannot do without (RFC 4861): solicitation and advertisement. */
const ND_TYPES = [
  { type: 135, name: "neighbour solicitations" },
  { type: 136, name: "neighbour advertisements" },
] as const;

type NdType = (typeof ND_TYPES)[number];
type Direction = "INPUT" | "OUTPUT";

/** How deep jumps to user chains are followed. */
const DEPTH = 8;

export const icmpv6NdBlocked: RuleModule = {
  id: ID,
  description: "an ip6tables INPUT or OUTPUT that denies by default with no ACCEPT for neighbour discovery (ICMPv6 135, 136): IPv6 stops working",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    if (context.model.family()?.family !== 6) return;
    for (const table of context.model.tables()) {
      if (table.table.name !== "filter") continue;
      for (const chain of ["INPUT", "OUTPUT"] as const) checkChain(context, table, chain);
    }
  },
};

function checkChain(context: RuleContext, table: TableModel, chain: Direction): void {
  const found = defaultDeny(table, chain);
  if (found === null) return;
  const blocked: NdType[] = [];
  let at: CommandLine | ChainDeclaration = found.deny;
  for (const nd of ND_TYPES) {
    const path = acceptPath(table, found.before, nd.type, chain, DEPTH);
    if (path === true) continue;
    blocked.push(nd);
    // A DROP that every such message meets before the default deny: that is where they die.
    if (path !== false && (at.kind === "chain" || at.command === "policy" || path.index < at.index)) at = path;
  }
  if (blocked.length === 0) return;
  const what = blocked.length === 2 ? "neighbour solicitations and advertisements (135, 136)" : `${blocked[0].name} (${blocked[0].type})`;
  const jumpsTo = at.kind === "command" && at.target !== null && table.chains.isUserChain(at.target.name) ? at.target.name : null;
  const where = at.kind === "chain" || at.command === "policy" ? `${chain}'s policy DROP` : jumpsTo !== null ? `this jump to ${jumpsTo}` : `this ${at.target?.name ?? "DROP"}`;
  const message = `${chain === "INPUT" ? "ICMPv6" : "Outgoing ICMPv6"} ${what} meet ${where} unaccepted: no neighbour resolves, so IPv6 fails on every link`;
  // `at` is always a line of this chain: acceptPath names the jump, not a DROP inside the chain it enters.
  const edits = ndAccepts(context, table, chain, at, blocked);
  context.report({
    range: at.range,
    message,
    fix: edits === null ? undefined : { title: `accept ICMPv6 ${blocked.map((nd) => nd.type).join(" and ")} in ${chain} before the deny`, applicability: "unsafe", edits },
  });
}

/**
 * Whether an ND message of this type may be accepted by the rules (true: some rule may accept
 * it, or does something unsure), else the first of these rules that drops every such message
 * (a DROP or REJECT, or a jump to a chain that drops them all), else false.
 */
function acceptPath(table: TableModel, rules: readonly CommandLine[], type: number, chain: Direction, depth: number): true | CommandLine | false {
  // Whether some messages may have gone back to the caller (a RETURN that may match): a later
  // DROP then drops only the rest, and the caller's later rules read those that came back.
  let someReturned = false;
  for (const line of rules) {
    const match = mayMatch(line, type, chain);
    if (match === "no") continue;
    const target = line.target;
    if (target === null) continue;
    if (target.name === "ACCEPT") return true;
    if (target.name === "DROP" || target.name === "REJECT") {
      if (match === "surely") return someReturned ? false : line;
      continue;
    }
    if (table.chains.isUserChain(target.name)) {
      if (depth === 0) return true;
      const inner = acceptPath(table, table.chains.get(target.name)?.rules ?? [], type, chain, depth - 1);
      if (inner === true) return true;
      // A chain that drops them all, entered by every one of them: they die at this jump, which is
      // where accepts in this chain must go (before it, not before a later DROP they never reach).
      if (inner !== false && match === "surely") return someReturned ? false : line;
      if (target.kind === "goto" && match === "surely") return false;
      continue;
    }
    // RETURN in a user chain: a message it matches goes back to the caller, whose later rules are read there.
    if (target.name === "RETURN") {
      if (match === "surely") return false;
      someReturned = true;
      continue;
    }
    const kind = targetClass(target.name);
    if (kind === "observe" || kind === "change") continue;
    // A queue to userspace, TPROXY, NAT, an unknown target: who knows what it lets through.
    return true;
  }
  return false;
}

type Match = "no" | "maybe" | "surely";

/**
 * Whether a rule matches an ND message of this type (hop limit 255, code 0, from or to a
 * link-local or multicast address on a link that is not loopback, and UNTRACKED: conntrack
 * does not track neighbour discovery), as far as the rule's options tell.
 */
function mayMatch(line: CommandLine, type: number, chain: Direction): Match {
  const rule = line.rule;
  if (rule === null) return "maybe";
  if (isUnconditional(line)) return "surely";
  let sure = true;
  for (const option of rule.generic) {
    const verdict = genericMatches(option, chain);
    if (verdict === "no") return "no";
    if (verdict === "maybe") sure = false;
  }
  for (const match of rule.matches) {
    const verdict = moduleMatches(match, type);
    if (verdict === "no") return "no";
    if (verdict === "maybe") sure = false;
  }
  return sure ? "surely" : "maybe";
}

/** A test the message passes or fails for sure, turned by the option's `!`. */
const negate = (matches: boolean, option: OptionNode): Match => (matches !== option.negated ? "surely" : "no");

function genericMatches(option: OptionNode, chain: Direction): Match {
  const value = option.value;
  switch (option.name) {
    case "-p":
    case "--protocol": {
      if (value === null) return "maybe";
      const protocol = normalizeProtocol(value);
      return negate(protocol === "ipv6-icmp" || ANY_PROTOCOL.has(protocol), option);
    }
    case "-i":
    case "--in-interface":
    case "-o":
    case "--out-interface": {
      const inbound = option.name === "-i" || option.name === "--in-interface";
      // Neighbour discovery never happens on loopback; an interface of the other direction is another rule's mistake.
      if (inbound !== (chain === "INPUT")) return "maybe";
      if (value === "lo") return option.negated ? "maybe" : "no";
      return "maybe";
    }
    case "-s":
    case "--source":
    case "--src":
    case "-d":
    case "--destination":
    case "--dst":
      if (value === "::1" || value === "::1/128") return option.negated ? "maybe" : "no";
      return "maybe";
    default:
      return "maybe";
  }
}

/** The names of the ICMPv6 match: `-m icmp6`, `-m icmpv6`, or `-p ipv6-icmp`'s own (any spelling of the protocol). */
const isIcmpv6Match = (name: string | null): boolean => name !== null && (name === "icmp6" || normalizeProtocol(name) === "ipv6-icmp");

function moduleMatches(match: MatchNode, type: number): Match {
  if (match.name === "comment") return "surely";
  let sure = true;
  for (const option of match.options) {
    // The ICMPv6 match has one option; with another (a typo) iptables refuses the line, which then accepts nothing.
    if (isIcmpv6Match(match.name) && option.name !== "--icmpv6-type") return "no";
    const verdict = optionMatches(option, type);
    if (verdict === "no") return "no";
    if (verdict === "maybe") sure = false;
  }
  // A match this rule does not know: its options (or lack of them) may exclude the message.
  return sure && (isIcmpv6Match(match.name) || ["conntrack", "state", "hl"].includes(match.name ?? "")) ? "surely" : "maybe";
}

function optionMatches(option: OptionNode, type: number): Match {
  const value = option.value;
  if (value === null) return "maybe";
  switch (option.name) {
    case "--icmpv6-type": {
      const parsed = parseIcmpType(value, 6);
      if (parsed.kind !== "value") return "maybe";
      return negate(parsed.value.type === type && parsed.value.codeMin === 0, option);
    }
    case "--ctstate":
    case "--state": {
      // Measured in a namespace: NS and NA, sent and received, are UNTRACKED, never ESTABLISHED or RELATED.
      const parsed = parseState(value);
      if (parsed.kind !== "value") return "maybe";
      return negate(parsed.value.has("UNTRACKED"), option);
    }
    case "--hl-eq":
      return negate(Number(value) === 255, option);
    case "--hl-lt":
      return negate(255 < Number(value), option);
    case "--hl-gt":
      return negate(255 > Number(value), option);
    default:
      return "maybe";
  }
}

/**
 * The ACCEPTs to insert, as ip6tables-save prints them, just before the deny (the DROP or REJECT
 * rule that every such message met first), or after the chain's last rule (a policy): only the
 * messages that reached the deny are accepted, and every rule before it keeps its say. The hop limit is 255 on every genuine ND
 * message (RFC 4861 §7.1), and no router forwards one: nothing from off the link is admitted.
 * Null (no fix) when the table is not only appended to, where positions in the file are not
 * positions in the chain.
 */
function ndAccepts(context: RuleContext, table: TableModel, chain: Direction, deny: CommandLine | ChainDeclaration, blocked: readonly NdType[]): TextEdit[] | null {
  if (!table.appendOnly) return null;
  const { document } = context;
  const { lineStarts, lineCount } = document.source.lexed;
  const text = blocked.map((nd) => `-A ${chain} -p ipv6-icmp -m icmp6 --icmpv6-type ${nd.type} -m hl --hl-eq 255 -j ACCEPT${NEW_LINE_END}`).join("");
  if (deny.kind === "command" && deny.command === "append") return [{ start: lineStarts[deny.index], end: lineStarts[deny.index], text }];
  if (deny.kind === "command") return null;
  const rules = table.chains.get(chain)?.rules ?? [];
  const after = rules.length > 0 ? rules[rules.length - 1] : null;
  if (after !== null) {
    const next = after.index + 1 < lineCount ? lineStarts[after.index + 1] : undefined;
    return next === undefined || after.eol === "" ? null : [{ start: next, end: next, text }];
  }
  const commit = table.table.commit;
  return commit === null ? null : [{ start: lineStarts[commit.index], end: lineStarts[commit.index], text }];
}
