/**
 * security-jump-shadowed: a jump to a ban chain (fail2ban's `f2b-*`, crowdsec's
 * `CROWDSEC_CHAIN`, sshguard's `sshguard`) after an ACCEPT in the same chain that already takes
 * every new connection the jump would check: the ban chain never sees them, and banned hosts get
 * in. Sure cases only (the jump's matches with `--ctstate NEW` inside the ACCEPT's, on typed
 * values). Unsafe fix: move the jump above the ACCEPT, offered when the ban chain only drops,
 * rejects or returns (everyone it does not ban goes on as before). See README.md beside this file.
 */
import type { CommandLine, Document } from "../../grammar/index.js";
import { NONE, type TableModel } from "../model/index.js";
import { disjoint, implies, matchSetOf, withAtoms, type Atom, type MatchSet } from "../packet/index.js";
import { lineOf, NEW_LINE_END, wholeLine } from "../report/index.js";
import type { Fix, RuleContext, RuleModule } from "../types.js";

const ID = "security-jump-shadowed";

/** Chains ban tools fill with the hosts they ban. */
const isBanChain = (name: string): boolean => name.startsWith("f2b-") || name.startsWith("fail2ban-") || name === "CROWDSEC_CHAIN" || name.startsWith("crowdsec-") || name === "sshguard";

const NEW: Atom = { field: "ctstate", negated: false, states: new Set(["NEW"]) };
const NEW_ONLY: MatchSet = { atoms: [NEW], decidable: true };

/** What a ban chain may do for the fix to move the jump: drop, reject, or go back. */
const BAN_TARGETS = new Set(["DROP", "REJECT", "RETURN"]);
/** Matches with state of their own, which see other packets when the jump moves. */
const STATEFUL_MATCHES = new Set(["recent", "limit", "hashlimit", "quota", "statistic", "connbytes"]);

export const securityJumpShadowed: RuleModule = {
  id: ID,
  description: "a jump to a ban chain (fail2ban, crowdsec, sshguard) comes after an ACCEPT that already takes every new connection it would check: banned hosts get in",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    // `iptables -S` output names no table: it is filter's unless `-t` said otherwise, and ban chains live in filter.
    const filter = context.model.tables().find((t) => t.table.name === "filter" || t.table.name === null);
    // Without a known family, addresses read as IPv4: an IPv6 one then reads as nothing, and its rule decides nothing.
    const family = context.model.family()?.family ?? 4;
    if (filter === undefined) return;
    for (const id of filter.chains.userChains()) {
      const name = filter.nameOf(id);
      if (isBanChain(name)) checkBanChain(context, filter, name, family);
    }
  },
};

function checkBanChain(context: RuleContext, table: TableModel, ban: string, family: 4 | 6): void {
  const { document } = context;
  for (const n of table.linesTargeting(ban)) {
    const chainId = table.chainOf(n);
    if (chainId === NONE || !table.chains.keeps(n)) continue;
    const rules = table.chains.get(table.nameOf(chainId))?.rules ?? [];
    const at = rules.findIndex((r) => r.index === n);
    if (at <= 0) continue;
    const jump = rules[at];
    const jumpSet = matchSetOf(jump.view, family);
    if (!jumpSet.decidable || disjoint(jumpSet, NEW_ONLY)) continue;
    const checked = withAtoms(jumpSet, [NEW]);
    const accept = rules.slice(0, at).find((r) => table.target(r)?.name === "ACCEPT" && implies(checked, matchSetOf(r.view, family)));
    if (accept === undefined) continue;
    // After a goto the ban chain's RETURN leaves the calling chain too: moving it changes more than bans.
    const fix = table.isGoto(n) ? null : moveFix(document, table, ban, accept, jump);
    context.report({
      range: jump.range,
      message: `Banned hosts still get in: the ACCEPT at ${lineOf(accept)} takes every new connection this jump to ${ban} would check, before it runs`,
      ...(fix === null ? {} : { fix }),
    });
  }
}

/** The jump moved to just above the ACCEPT, when the ban chain only drops, rejects or returns and the lines are in kernel order. */
function moveFix(document: Document, table: TableModel, ban: string, accept: CommandLine, jump: CommandLine): Fix | null {
  if (!table.appendOnly || accept.command !== "append" || jump.command !== "append") return null;
  for (const rule of table.chains.get(ban)?.rules ?? []) {
    const target = table.target(rule);
    if (target === null || target.kind !== "jump" || !BAN_TARGETS.has(target.name)) return null;
    const view = rule.view;
    for (let i = 0; i < view.count; i++) if (view.role(i) === "match" && STATEFUL_MATCHES.has((view.value(i) ?? "").toLowerCase())) return null;
  }
  const { lineStarts } = document.source.lexed;
  const text = document.text.slice(jump.range.start, jump.range.end);
  return {
    title: `move the jump to ${ban} above the ACCEPT at ${lineOf(accept)}`,
    applicability: "unsafe",
    edits: [{ start: lineStarts[accept.index], end: lineStarts[accept.index], text: text + NEW_LINE_END }, wholeLine(document, jump)],
  };
}
