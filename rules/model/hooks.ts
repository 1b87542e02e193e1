/**
 * Which netfilter hooks reach each chain of a table.
 *
 * A built-in chain is its hook (`PREROUTING` of `nat` runs at the PREROUTING hook). A user
 * chain runs at every hook whose built-in chain reaches it through `-j` or `-g`, directly or
 * through other user chains: the kernel (legacy `mark_source_chains`, nf_tables' chain
 * validation) checks a target's allowed hooks against exactly that set, and a user chain no
 * built-in chain reaches is checked against none.
 *
 * Two ways to answer, chosen here: for a few chains, the jumps to each are followed back to
 * their callers, and theirs, to the hooks; for many, each hook is walked forward once from its
 * built-in chain over the jumps (reading every chain it reaches). In a kube-proxy dump
 * PREROUTING reaches 60,000 chains while MASQUERADE is asked about in one.
 */
import { BUILTIN_CHAINS, HOOKS, type Hook } from "../netfilter/index.js";
import type { ChainGraph } from "./graph.js";
import type { NameTable } from "./names.js";

/** More chains than this asked about at once: each hook is walked forward. */
const BACKWARD_LIMIT = 16;

/** In a forward walk's array: not reached. The hook's own chain has itself as its parent. */
const UNREACHED = -1;

const bitOf = (hook: Hook): number => 1 << HOOKS.indexOf(hook);

/** Shared by every chain no hook reaches (most of them, in a question about many). */
const NO_HOOKS: readonly Hook[] = [];

/** Whether `ids` holds more than `limit` different numbers (stops counting there). */
function manyDistinct(ids: readonly number[], limit: number): boolean {
  if (ids.length <= limit) return false;
  const seen = new Set<number>();
  for (const id of ids) if (seen.add(id).size > limit) return true;
  return false;
}

export class HookReachability {
  private readonly names: NameTable;
  /** The hooks of the table: its built-in chains (every hook for `iptables -S` output). */
  readonly hooks: readonly Hook[];
  private readonly builtins: ReadonlySet<string>;
  /** Hooks reaching a chain (one bit per hook), found backwards, by chain id. */
  private readonly masks = new Map<number, number>();
  /** Forward walks: by chain id, the chain it was first reached from (UNREACHED if not). */
  private readonly walked = new Map<Hook, Int32Array>();
  /** By hook (HOOKS order): the id of the table's built-in chain of that name, or -1. */
  private readonly hookIds: Int32Array;

  constructor(
    private readonly graph: ChainGraph,
    table: string | null,
  ) {
    this.names = graph.replay.names;
    this.builtins = new Set<string>(table === null ? HOOKS : (BUILTIN_CHAINS[table] ?? []));
    this.hooks = HOOKS.filter((hook) => this.builtins.has(hook));
    this.hookIds = Int32Array.from(HOOKS, (hook) => (this.builtins.has(hook) ? this.names.internString(hook) : -1));
  }

  /** Whether the hook's built-in chain reaches the chain through jumps and gotos (a built-in chain reaches itself). */
  reaches(hook: Hook, chain: number | string): boolean {
    const id = typeof chain === "string" ? this.names.find(chain) : chain;
    if (id === -1) return false;
    if (id === this.hookIds[HOOKS.indexOf(hook)]) return true;
    const forward = this.walked.get(hook);
    if (forward !== undefined) return id < forward.length && forward[id] !== UNREACHED;
    return (this.maskOf(id) & bitOf(hook)) !== 0;
  }

  /**
   * For each chain, the hooks among `hooks` whose built-in chain reaches it, in the kernel's
   * order: many chains asked at once are answered from one forward walk per hook.
   */
  hooksReaching(hooks: readonly Hook[], chains: readonly number[]): readonly (readonly Hook[])[] {
    if (!manyDistinct(chains, BACKWARD_LIMIT)) return chains.map((chain) => hooks.filter((hook) => this.reaches(hook, chain)));
    // One forward walk per hook, then a look at each chain's entry in it.
    const walks = hooks.map((hook) => this.walk(hook));
    const own = hooks.map((hook) => this.hookIds[HOOKS.indexOf(hook)]);
    const found: (readonly Hook[])[] = new Array(chains.length);
    for (let k = 0; k < chains.length; k++) {
      const id = chains[k];
      let reaching: Hook[] | undefined;
      for (let h = 0; h < hooks.length; h++) {
        const from = walks[h];
        if ((own[h] !== -1 && id === own[h]) || (id >= 0 && id < from.length && from[id] !== UNREACHED)) (reaching ??= []).push(hooks[h]);
      }
      found[k] = reaching ?? NO_HOOKS;
    }
    return found;
  }

  /** The table's hooks that reach the chain, in the kernel's order. */
  hooksOf(chain: number | string): Hook[] {
    return this.hooks.filter((hook) => this.reaches(hook, chain));
  }

  /** A shortest path of chain names from the hook's built-in chain to `chain`, both included; [] when unreached. */
  path(chain: string, hook: Hook): string[] {
    const from = this.walk(hook);
    const id = this.names.find(chain);
    if (id === -1 || id >= from.length || from[id] === UNREACHED) return [];
    const path = [chain];
    for (let at = id; from[at] !== at && path.length <= from.length; at = from[at]) path.unshift(this.names.name(from[at]));
    return path;
  }

  /**
   * The hooks reaching a chain: its own if built in, else those of the built-in chains among
   * the chains that jump to it, to those, and so on (breadth first over the callers). Only the
   * chain asked about is remembered: a chain met on the way may sit in a cycle not yet walked
   * in full (iptables refuses loops, but a ruleset given to lint may have one).
   */
  private maskOf(id: number): number {
    const known = this.masks.get(id);
    if (known !== undefined) return known;
    let mask = 0;
    const seen = new Set<number>([id]);
    const queue = [id];
    for (let i = 0; i < queue.length; i++) {
      const chain = queue[i];
      const own = this.hookIds.indexOf(chain);
      if (own !== -1) {
        mask |= 1 << own;
        continue;
      }
      if (!this.graph.exists(chain)) continue;
      for (const caller of this.graph.callers(chain)) {
        if (seen.has(caller)) continue;
        seen.add(caller);
        queue.push(caller);
      }
    }
    this.masks.set(id, mask);
    return mask;
  }

  /** Breadth first from the hook's chain over the jumps of every chain reached, by chain id. */
  private walk(hook: Hook): Int32Array {
    let from = this.walked.get(hook);
    if (from !== undefined) return from;
    const { replay } = this.graph;
    const start = this.hookIds[HOOKS.indexOf(hook)];
    from = new Int32Array(this.names.count).fill(UNREACHED);
    this.walked.set(hook, from);
    if (start === -1) return from;
    const reached = from;
    from[start] = start;
    const queue = [start];
    let name = start;
    const follow = (to: number) => {
      if (to === -1 || reached[to] !== UNREACHED || replay.isKnownTarget(to) || replay.isBuiltin(to) || !this.graph.exists(to)) return;
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
