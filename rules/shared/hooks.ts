/**
 * Netfilter hooks and which of them reach each chain of a table.
 *
 * A built-in chain is its hook (`PREROUTING` of `nat` runs at the PREROUTING hook). A user
 * chain runs at every hook whose built-in chain reaches it through `-j` or `-g`, directly or
 * through other user chains: the kernel (legacy `mark_source_chains`, nf_tables' chain
 * validation) checks a target's allowed hooks against exactly that set, and a user chain no
 * built-in chain reaches is checked against none.
 */
import type { Document, Table } from "../../grammar/index.js";
import { BUILTIN_CHAINS } from "./netfilter.js";
import { chainGraph, type ChainGraph, type NameTable } from "./reach.js";

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
   * over the jumps (reading every chain it reaches); for a few chains the jumps to each are
   * followed back to their callers, and theirs, to the hooks. In a kube-proxy dump
   * PREROUTING reaches 60,000 chains while MASQUERADE is asked about in one.
   */
  plan(asked: ReadonlyMap<Hook, number>): void;
  /** Whether the hook's built-in chain reaches `chain` through jumps and gotos (a built-in chain reaches itself). */
  reaches(hook: Hook, chain: string): boolean;
  /** The same for a user chain's id in the table walk's names (after a walk forward from the hook). */
  reachesId(hook: Hook, id: number): boolean;
  /** A shortest path of chain names from the hook's built-in chain to `chain`, both included; [] when unreached. */
  path(chain: string, hook: Hook): string[];
}

/** A hook asked about for more chains than this is walked forward. */
const BACKWARD_LIMIT = 16;

const cache = new WeakMap<Table, Reachability>();

/** The reachability of a table's chains, computed lazily and kept for the table. */
export function reachability(document: Document, table: Table): Reachability {
  let found = cache.get(table);
  if (found === undefined) cache.set(table, (found = new LazyReachability(document, table)));
  return found;
}

const bitOf = (hook: Hook): number => 1 << HOOKS.indexOf(hook);

/** In a forward walk's array: not reached. The hook's own chain has itself as its parent. */
const UNREACHED = -1;

class LazyReachability implements Reachability {
  private readonly graph: ChainGraph;
  private readonly names: NameTable;
  private readonly builtins: ReadonlySet<string>;
  /** Hooks reaching a chain (one bit per hook), found backwards. */
  private readonly masks = new Map<string, number>();
  /** Forward walks: by chain id, the chain it was first reached from (UNREACHED if not). */
  private readonly walked = new Map<Hook, Int32Array>();

  constructor(document: Document, table: Table) {
    this.graph = chainGraph(document, table);
    this.names = this.graph.walk.names;
    this.builtins = new Set<string>(table.name === null ? HOOKS : (BUILTIN_CHAINS[table.name] ?? []));
  }

  plan(asked: ReadonlyMap<Hook, number>): void {
    for (const [hook, count] of asked) if (count > BACKWARD_LIMIT) this.walk(hook);
  }

  reaches(hook: Hook, chain: string): boolean {
    if (chain === hook) return this.builtins.has(hook);
    const forward = this.walked.get(hook);
    if (forward === undefined) return (this.maskOf(chain) & bitOf(hook)) !== 0;
    const id = this.names.find(chain);
    return id !== -1 && id < forward.length && forward[id] !== UNREACHED;
  }

  reachesId(hook: Hook, id: number): boolean {
    const forward = this.walk(hook);
    return id >= 0 && id < forward.length && forward[id] !== UNREACHED;
  }

  path(chain: string, hook: Hook): string[] {
    const from = this.walk(hook);
    const id = this.names.find(chain);
    if (id === -1 || id >= from.length || from[id] === UNREACHED) return [];
    const path = [chain];
    for (let at = id; from[at] !== at && path.length <= from.length; at = from[at]) path.unshift(this.names.name(from[at]));
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

  /** The chains with a rule jumping or going to `chain` (from the table's chain graph). */
  private callersOf(chain: string): string[] {
    const id = this.names.find(chain);
    if (id === -1 || !this.graph.exists(id)) return [];
    return this.graph.callers(id).map((caller) => this.names.name(caller));
  }

  /** Breadth first from the hook's chain over the jumps of every chain reached, by chain id. */
  private walk(hook: Hook): Int32Array {
    let from = this.walked.get(hook);
    if (from !== undefined) return from;
    const { walk } = this.graph;
    const start = this.builtins.has(hook) ? this.names.internString(hook) : -1;
    from = new Int32Array(this.names.count).fill(UNREACHED);
    this.walked.set(hook, from);
    if (start === -1) return from;
    const reached = from;
    from[start] = start;
    const queue = [start];
    let name = start;
    const follow = (to: number) => {
      if (to === -1 || reached[to] !== UNREACHED || walk.isKnownTarget(to) || walk.isBuiltin(to) || !this.graph.exists(to)) return;
      reached[to] = name;
      queue.push(to);
    };
    for (let i = 0; i < queue.length; i++) {
      name = queue[i];
      this.graph.forEachTarget(name, follow);
    }
    return from;
  }
}
