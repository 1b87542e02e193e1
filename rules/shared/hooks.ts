/**
 * Netfilter hooks and which of them reach each chain of a table.
 *
 * A built-in chain is its hook (`PREROUTING` of `nat` runs at the PREROUTING hook). A user
 * chain runs at every hook whose built-in chain reaches it through `-j` or `-g`, directly or
 * through other user chains: the kernel (legacy `mark_source_chains`, nf_tables' chain
 * validation) checks a target's allowed hooks against exactly that set, and a user chain no
 * built-in chain reaches is checked against none.
 */
import type { CommandLine, Table } from "../../grammar/index.js";
import { chainsOf } from "./chains.js";
import { BUILTIN_CHAINS } from "./netfilter.js";
import { jumpTarget, jumpTargetSpan } from "./scan.js";

/** The hooks in the kernel's order (NF_INET_PRE_ROUTING = 0 ... NF_INET_POST_ROUTING = 4). */
export const HOOKS = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"] as const;
export type Hook = (typeof HOOKS)[number];

export const isHook = (name: string): name is Hook => (HOOKS as readonly string[]).includes(name);

/** Sorts hook names in the kernel's order. */
export function sortHooks(hooks: Iterable<string>): Hook[] {
  const set = new Set(hooks);
  return HOOKS.filter((h) => set.has(h));
}

export interface Reachability {
  /**
   * Says how many chains will be asked about for each hook, so that each is answered the
   * cheaper way: a hook asked about for many chains is walked forward from its built-in chain
   * over the jumps (reading every chain it reaches); for a few chains the text is searched
   * for the jumps to each, then to their callers, back to the hooks. In a kube-proxy dump
   * PREROUTING reaches 60,000 chains while MASQUERADE is asked about in one.
   */
  plan(asked: ReadonlyMap<Hook, number>): void;
  /** Whether the hook's built-in chain reaches `chain` through jumps and gotos (a built-in chain reaches itself). */
  reaches(hook: Hook, chain: string): boolean;
  /** Every chain the hook's built-in chain reaches, itself included (a walk forward over every chain it reaches). */
  reachedFrom(hook: Hook): ReadonlySet<string>;
  /** A shortest path of chain names from the hook's built-in chain to `chain`, both included; [] when unreached. */
  path(chain: string, hook: Hook): string[];
}

/** A hook asked about for more chains than this is walked forward. */
const BACKWARD_LIMIT = 16;

const cache = new WeakMap<Table, Reachability>();

/** The reachability of a table's chains, computed lazily and kept for the table. */
export function reachability(table: Table): Reachability {
  let found = cache.get(table);
  if (found === undefined) cache.set(table, (found = new LazyReachability(table)));
  return found;
}

const bitOf = (hook: Hook): number => 1 << HOOKS.indexOf(hook);

class LazyReachability implements Reachability {
  private readonly chains: ReturnType<typeof chainsOf>;
  private readonly builtins: ReadonlySet<string>;
  /** Hooks reaching a chain (one bit per hook), found backwards. */
  private readonly masks = new Map<string, number>();
  /** Forward walks: each reached chain with the chain it was first reached from. */
  private readonly walked = new Map<Hook, Map<string, string | null>>();
  private readonly rulesOf = new Map<string, ReadonlySet<CommandLine>>();

  constructor(private readonly table: Table) {
    this.chains = chainsOf(table);
    this.builtins = new Set<string>(table.name === null ? HOOKS : (BUILTIN_CHAINS[table.name] ?? []));
  }

  plan(asked: ReadonlyMap<Hook, number>): void {
    for (const [hook, count] of asked) if (count > BACKWARD_LIMIT) this.walk(hook);
  }

  reaches(hook: Hook, chain: string): boolean {
    if (chain === hook) return this.builtins.has(hook);
    const forward = this.walked.get(hook);
    return forward ? forward.has(chain) : (this.maskOf(chain) & bitOf(hook)) !== 0;
  }

  reachedFrom(hook: Hook): ReadonlySet<string> {
    return new Set(this.walk(hook).keys());
  }

  path(chain: string, hook: Hook): string[] {
    const from = this.walk(hook);
    if (!from.has(chain)) return [];
    const path = [chain];
    for (let at = from.get(chain); at != null && path.length <= from.size; at = from.get(at)) path.unshift(at);
    return path;
  }

  /** The hooks reaching a chain: its own if built in, else those reaching any chain that jumps to it. */
  private maskOf(chain: string): number {
    const known = this.masks.get(chain);
    if (known !== undefined) return known;
    if (this.builtins.has(chain)) {
      const mask = bitOf(chain as Hook);
      this.masks.set(chain, mask);
      return mask;
    }
    // 0 while in progress: iptables refuses loops, and a loop adds no hook anyway.
    this.masks.set(chain, 0);
    let mask = 0;
    for (const caller of this.callersOf(chain)) mask |= this.maskOf(caller);
    this.masks.set(chain, mask);
    return mask;
  }

  /** The chains with a rule jumping or going to `chain`, found by searching the table's text for its name. */
  private callersOf(chain: string): Set<string> {
    const callers = new Set<string>();
    const commands = this.table.commands;
    if (commands.length === 0 || !this.chains.has(chain)) return callers;
    const source = commands[0].source;
    const { text } = source;
    const { lineStarts, lineCount } = source.lexed;
    const from = lineStarts[commands[0].index];
    const last = commands[commands.length - 1].index;
    const to = last + 1 < lineCount ? lineStarts[last + 1] : text.length;
    for (let at = text.indexOf(chain, from); at !== -1 && at < to; at = text.indexOf(chain, at + chain.length)) {
      const index = lineIndexAt(lineStarts, lineCount, at);
      const line = commandAt(this.table, index);
      if (line === null || line.chain === null || line.chain === chain) continue;
      const span = jumpTargetSpan(line);
      if (span === null || span.start > at || span.end < at + chain.length || jumpTarget(line) !== chain) continue;
      if (this.ruleSet(line.chain).has(line)) callers.add(line.chain);
    }
    return callers;
  }

  /** The rules a chain keeps once the table is read (a rule deleted by `-D` or `-F` calls nothing). */
  private ruleSet(chain: string): ReadonlySet<CommandLine> {
    let set = this.rulesOf.get(chain);
    if (set === undefined) this.rulesOf.set(chain, (set = new Set(this.chains.get(chain)?.rules ?? [])));
    return set;
  }

  /** Breadth first from the hook's chain, reading the jumps of every chain reached. */
  private walk(hook: Hook): Map<string, string | null> {
    let from = this.walked.get(hook);
    if (from !== undefined) return from;
    from = new Map();
    this.walked.set(hook, from);
    if (!this.builtins.has(hook)) return from;
    from.set(hook, null);
    const queue: string[] = [hook];
    for (let i = 0; i < queue.length; i++) {
      const name = queue[i];
      for (const line of this.chains.get(name)?.rules ?? []) {
        const to = jumpTarget(line);
        if (to === null || from.has(to) || !this.chains.has(to) || this.builtins.has(to)) continue;
        from.set(to, name);
        queue.push(to);
      }
    }
    return from;
  }
}

function lineIndexAt(starts: Int32Array, count: number, offset: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The command of this table on line `index`, or null (binary search over the table's commands). */
function commandAt(table: Table, index: number): CommandLine | null {
  const commands = table.commands;
  let low = 0;
  let high = commands.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = commands[mid].index;
    if (at === index) return commands[mid];
    if (at < index) low = mid + 1;
    else high = mid - 1;
  }
  return null;
}
