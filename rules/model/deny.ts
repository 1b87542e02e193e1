/**
 * Whether a built-in chain denies what it does not accept: its policy is DROP, or it ends in an
 * unconditional DROP or REJECT, with no unconditional ACCEPT before that. The deny line is where
 * rules about a default-deny chain report (ipv6-left-open, icmpv6-nd-blocked).
 */
import type { ChainDeclaration, CommandLine } from "../../grammar/index.js";
import type { TableModel } from "./model.js";

export interface DefaultDeny {
  /** The unconditional DROP or REJECT that ends the chain's walk, or the declaration or `-P` giving it policy DROP. */
  deny: CommandLine | ChainDeclaration;
  /** The chain's kept rules before it (all of them for a policy), in kernel order. */
  before: readonly CommandLine[];
}

/** How deep unconditional jumps are followed looking for an ACCEPT of every packet. */
const DEPTH = 8;

/**
 * The chain's default deny, or null: the chain does not exist, its policy is ACCEPT and no
 * unconditional DROP or REJECT ends it, or an unconditional ACCEPT comes first (in it, or in a
 * chain it jumps to without condition), so nothing is denied by default.
 */
export function defaultDeny(table: TableModel, chainName: string): DefaultDeny | null {
  const chain = table.chains.get(chainName);
  if (chain === undefined) return null;
  const before: CommandLine[] = [];
  for (const rule of chain.rules) {
    if (isUnconditional(rule)) {
      const target = rule.target;
      if (target?.name === "DROP" || target?.name === "REJECT") return { deny: rule, before };
      if (target?.name === "ACCEPT" || (target !== null && acceptsAll(table, target.name, DEPTH))) return null;
      // An unconditional RETURN from a built-in chain applies its policy; a goto never comes back.
      if (target?.name === "RETURN" || target?.kind === "goto") break;
    }
    before.push(rule);
  }
  const policy = policyOf(table, chainName);
  return policy !== null && policy.policy === "DROP" ? { deny: policy.line, before: chain.rules } : null;
}

/** No generic option (`-s`, `-i`, `-p`, ...) and no match but `comment`: every packet matches. */
export function isUnconditional(line: CommandLine): boolean {
  const rule = line.rule;
  if (rule === null || rule.generic.length > 0) return false;
  return rule.matches.every((match) => match.name === "comment");
}

/** Whether a user chain (or one it jumps to without condition) accepts every packet before any other verdict. */
function acceptsAll(table: TableModel, name: string, depth: number): boolean {
  if (depth === 0 || !table.chains.isUserChain(name)) return false;
  for (const rule of table.chains.get(name)?.rules ?? []) {
    const target = rule.target;
    if (target === null || !isUnconditional(rule)) continue;
    if (target.name === "ACCEPT") return true;
    if (acceptsAll(table, target.name, depth - 1)) return true;
    // Every packet is dropped, returned or sent elsewhere for good: not accepted here. Past a
    // jump to a chain that may return it, or a LOG or MARK, the packet goes on.
    if (target.kind === "goto" || ["DROP", "REJECT", "RETURN"].includes(target.name)) return false;
  }
  return false;
}

/** The chain's policy as the table leaves it: the last `:NAME POLICY` or `-P NAME POLICY`. */
function policyOf(table: TableModel, chainName: string): { policy: string; line: CommandLine | ChainDeclaration } | null {
  let found: { policy: string; line: CommandLine | ChainDeclaration } | null = null;
  const candidates: (CommandLine | ChainDeclaration)[] = [...table.policyDeclarations, ...table.policyCommands];
  for (const line of candidates.sort((a, b) => a.index - b.index)) {
    if (line.kind === "chain") {
      if (line.name === chainName && line.policy !== null) found = { policy: line.policy, line };
    } else if (line.chain === chainName) {
      const policy = line.positional[1]?.value;
      if (policy !== undefined) found = { policy, line };
    }
  }
  return found;
}
