/**
 * A table's chains once iptables-restore has read it, as a graph: each chain's kept rules in
 * kernel order, what they jump or go to, who calls whom, and which user chains nothing reaches.
 *
 * Two ways to the same answers: from the replay's per-line links when the table only appends
 * rules (every iptables-save dump: a chain's rules are its `-A` lines in file order), from the
 * chains replayed command by command otherwise (`-I`, `-D`, `-F`, `-X`, `-E`).
 */
import type { CommandLine } from "../../grammar/index.js";
import { chainMap, type Chain } from "./chains.js";
import { ruleKeyOfLine } from "./rule-key.js";
import type { Declaration, RuleText, TableReplay } from "./replay.js";
import { RestoreStep } from "./replay.js";

/** A user chain that nothing reaches. */
export interface UnreachedChain {
  name: string;
  declaration: Declaration;
  /** How many rules it has. */
  rules: number;
  id: number;
}

export interface Reach {
  /** User chains (declared, not built in) that no built-in chain or root reaches, in table order. */
  unreached: readonly UnreachedChain[];
  /** The chains not reached that have a rule jumping or going to this one (itself left out). */
  referrers(chain: UnreachedChain): string[];
}

/** A table's chains by id (the document's interned names); lines are 0-based line numbers. */
export interface ChainGraph {
  readonly replay: TableReplay;
  /** The chains by name, as `chainMap` gives them (made on first use). */
  readonly chains: ReadonlyMap<string, Chain>;
  /** Whether the chain exists once the table is read (declared, or given rules). */
  exists(id: number): boolean;
  /** Calls `visit` with the target id of each rule the chain keeps (-1 for none), in no set order. */
  forEachTarget(id: number, visit: (target: number) => void): void;
  /** Calls `visit` with each kept rule and its chain: every chain's rules in kernel order, chains in no set order. */
  forEachRule(visit: (line: number, chain: number) => void): void;
  /** How many rules the chain keeps. */
  ruleCount(id: number): number;
  /** The rules the chain keeps, in kernel order, as line numbers (no line node made). */
  rulesOf(id: number): number[];
  /** The kept rule before this one in its chain, or -1 (also for a rule the chain does not keep). */
  previousRule(line: number): number;
  /** Whether a rule line is one its chain keeps (one deleted by `-D` or `-F` is not). */
  keeps(line: number): boolean;
  /** The declared user chains, in table order. */
  readonly userChains: readonly number[];
  /** The chains with a rule jumping or going to this one (itself left out), once each. */
  callers(id: number): readonly number[];
  describe(id: number): UnreachedChain;
  /** Each kept rule that is the same rule as an earlier kept rule of its chain (as iptables-save prints them), with the nearest such earlier rule. */
  repeats(): readonly Repeat[];
}

/** A rule written like an earlier rule of its chain (line numbers; the chain by id). */
export interface Repeat {
  earlier: number;
  later: number;
  chain: number;
}

/** Chains this small are compared pairwise; larger ones by a hash of their rules' text. */
const SMALL = 16;

export function chainGraph(replay: TableReplay): ChainGraph {
  return replay.appendOnly ? new AppendedGraph(replay) : new ReplayedGraph(replay);
}

/** Chains asked about one at a time (each a pass over the table's rules) before the whole map is made. */
const SCANNED_CALLER_QUERIES = 8;

/**
 * Who calls whom, turned around: by target id, the ids of the chains whose rules name it. The
 * first few chains asked about are answered by a pass over the edges each: a rule mostly asks
 * for the callers of one or two chains, and the whole map of a kube-proxy dump's 60,000 chains
 * costs more than many such passes.
 */
function callerLists(forEachEdge: (visit: (from: number, to: number) => void) => void): (id: number) => readonly number[] {
  let lists: Map<number, number[]> | undefined;
  const unique = new Map<number, readonly number[]>();
  return (id) => {
    let callers = unique.get(id);
    if (callers !== undefined) return callers;
    if (lists === undefined && unique.size < SCANNED_CALLER_QUERIES) {
      const found: number[] = [];
      forEachEdge((from, to) => {
        // A chain's rules stand together: a caller repeats mostly right after itself.
        if (to === id && from !== id && found[found.length - 1] !== from) found.push(from);
      });
      callers = [...new Set(found)];
    } else {
      if (lists === undefined) {
        const built = new Map<number, number[]>();
        forEachEdge((from, to) => {
          if (to < 0 || to === from) return;
          const list = built.get(to);
          if (list === undefined) built.set(to, [from]);
          else if (list[list.length - 1] !== from) list.push(from);
        });
        lists = built;
      }
      callers = [...new Set(lists.get(id) ?? [])];
    }
    unique.set(id, callers);
    return callers;
  };
}

/** The graph of a table that only appends rules, read from the replay's per-line links. */
class AppendedGraph implements ChainGraph {
  readonly callers: (id: number) => readonly number[];
  private chainList: ReadonlyMap<string, Chain> | undefined;

  constructor(readonly replay: TableReplay) {
    this.callers = callerLists((visit) => {
      const { steps, chainIds, targetIds, span } = replay;
      for (let at = 0; at < span; at++) if (steps[at] === RestoreStep.Append && chainIds[at] !== -1) visit(chainIds[at], targetIds[at]);
    });
  }

  get userChains(): readonly number[] {
    return this.replay.userIds;
  }

  get chains(): ReadonlyMap<string, Chain> {
    return (this.chainList ??= chainMap(this.replay));
  }

  exists(id: number): boolean {
    const { ruleCounts } = this.replay;
    return this.replay.isDeclared(id) || (id < ruleCounts.length && ruleCounts[id] > 0);
  }

  forEachTarget(id: number, visit: (target: number) => void): void {
    const { lastRule, previous, targetIds } = this.replay;
    // The chain's rules, last to first.
    if (id < lastRule.length) for (let at = lastRule[id]; at !== -1; at = previous[at]) visit(targetIds[at]);
  }

  forEachRule(visit: (line: number, chain: number) => void): void {
    // Each chain's rules are its -A lines in file order: one pass over the lines.
    const { steps, chainIds, span, base } = this.replay;
    for (let at = 0; at < span; at++) if (steps[at] === RestoreStep.Append && chainIds[at] !== -1) visit(base + at, chainIds[at]);
  }

  ruleCount(id: number): number {
    const { ruleCounts } = this.replay;
    return id < ruleCounts.length ? ruleCounts[id] : 0;
  }

  rulesOf(id: number): number[] {
    const { lastRule, previous, base } = this.replay;
    const last = id < lastRule.length ? lastRule[id] : -1;
    // Counted first: a list of its own length (one grown by push keeps room for 17, and most chains have two rules).
    let count = 0;
    for (let at = last; at !== -1; at = previous[at]) count++;
    const lines = new Array<number>(count);
    for (let at = last; at !== -1; at = previous[at]) lines[--count] = base + at;
    return lines;
  }

  previousRule(line: number): number {
    const at = this.replay.offsetOf(line);
    if (at === -1 || !this.keepsAt(at)) return -1;
    const before = this.replay.previous[at];
    return before === -1 ? -1 : this.replay.base + before;
  }

  keeps(line: number): boolean {
    const at = this.replay.offsetOf(line);
    return at !== -1 && this.keepsAt(at);
  }

  describe(id: number): UnreachedChain {
    const { names, ruleCounts } = this.replay;
    return { name: names.name(id), declaration: this.replay.declarationsOf(names.name(id))[0], rules: id < ruleCounts.length ? ruleCounts[id] : 0, id };
  }

  private keepsAt(at: number): boolean {
    return this.replay.steps[at] === RestoreStep.Append && this.replay.chainIds[at] !== -1;
  }

  /**
   * One pass over the lines: each chain's rules are its `-A` lines in file order, which the
   * replay links line to line (`previous`). Two rules can be the same rule only with the same
   * target (jump or goto), which the replay knows by id whatever the spelling: only rules that
   * share their chain and target with another are given keys (as iptables-save prints them) and
   * compared, so a kube-proxy dump, whose rules of a chain mostly go to different chains, is
   * compared almost without reading a rule. Small chains are searched back rule by rule; large
   * ones by chain and target, then by key.
   */
  repeats(): readonly Repeat[] {
    return this.compareCandidates(this.repeatCandidates());
  }

  /**
   * The rules that may repeat an earlier one, found without reading a rule: pairs of line
   * offsets, the rule and, in a large chain, the first rule of its chain with its target (-1 in
   * a small chain, searched back rule by rule). A loop apart from the comparing of keys, which
   * only a few rules reach: the JIT compiles this loop over every line small.
   */
  private repeatCandidates(): Int32Array {
    const { span, steps, chainIds, targetIds, gotos, previous, ruleCounts: counts } = this.replay;
    const width = this.replay.names.count + 1;
    let candidates = new Int32Array(64);
    let count = 0;
    let firstByTarget: Map<number, number> | undefined;
    for (let at = 0; at < span; at++) {
      if (steps[at] !== RestoreStep.Append || chainIds[at] === -1) continue;
      const chain = chainIds[at];
      if (counts[chain] < 2) continue;
      const target = targetIds[at];
      let first = -1;
      if (counts[chain] <= SMALL) {
        let other = previous[at];
        while (other !== -1 && (targetIds[other] !== target || gotos[other] !== gotos[at])) other = previous[other];
        if (other === -1) continue;
      } else {
        const bucket = (chain * width + target + 1) * 2 + gotos[at];
        firstByTarget ??= new Map();
        const seen = firstByTarget.get(bucket);
        if (seen === undefined) {
          firstByTarget.set(bucket, at);
          continue;
        }
        first = seen;
      }
      if (count + 2 > candidates.length) {
        const grown = new Int32Array(candidates.length * 2);
        grown.set(candidates);
        candidates = grown;
      }
      candidates[count++] = at;
      candidates[count++] = first;
    }
    return candidates.subarray(0, count);
  }

  /** Compares the candidates' keys: in a small chain with each earlier rule of the same target, nearest first; in a large one with all earlier rules of the same target, by key. */
  private compareCandidates(candidates: Int32Array): Repeat[] {
    const { chainIds, targetIds, gotos, previous, base } = this.replay;
    const keys = new RuleKeys(this.replay);
    const found: Repeat[] = [];
    // By the first rule of a chain and target: its rules' lines by key, the latest of each.
    let byFirst: Map<number, Map<string, number>> | undefined;
    for (let k = 0; k < candidates.length; k += 2) {
      const at = candidates[k];
      const first = candidates[k + 1];
      const chain = chainIds[at];
      if (first === -1) {
        for (let other = previous[at]; other !== -1; other = previous[other]) {
          if (targetIds[other] === targetIds[at] && gotos[other] === gotos[at] && keys.key(other) === keys.key(at)) {
            found.push({ earlier: base + other, later: base + at, chain });
            break;
          }
        }
        continue;
      }
      byFirst ??= new Map();
      let byKey = byFirst.get(first);
      if (byKey === undefined) byFirst.set(first, (byKey = new Map([[keys.key(first), first]])));
      const key = keys.key(at);
      const earlier = byKey.get(key);
      if (earlier !== undefined) found.push({ earlier: base + earlier, later: base + at, chain });
      byKey.set(key, at);
    }
    return found;
  }
}

/** Each rule's key (rule-key.ts): the rule as iptables-save prints it, made on first use and kept. */
class RuleKeys {
  private readonly keys = new Map<number, string>();
  private readonly text: RuleText = { start: 0, end: 0 };

  constructor(private readonly replay: TableReplay) {}

  key(at: number): string {
    let key = this.keys.get(at);
    if (key === undefined) {
      const { start, end } = this.replay.ruleText(at, this.text);
      key = ruleKeyOfLine(this.replay.document.source.lexed, this.replay.base + at, start, end);
      this.keys.set(at, key);
    }
    return key;
  }
}

/** The graph of a table whose commands insert, replace, delete, flush or rename: from the replayed chains. */
class ReplayedGraph implements ChainGraph {
  readonly chains: ReadonlyMap<string, Chain>;
  readonly userChains: readonly number[];
  readonly callers: (id: number) => readonly number[];
  private readonly byId = new Map<number, Chain>();
  /** By line offset: the kept rule before it in its chain (offset + 1; 0: none or not kept), and kept flags. */
  private order: { before: Int32Array; kept: Uint8Array } | undefined;

  constructor(readonly replay: TableReplay) {
    this.chains = chainMap(replay);
    for (const chain of this.chains.values()) this.byId.set(replay.names.internString(chain.name), chain);
    this.userChains = [...this.byId].filter(([id, chain]) => chain.declaration !== null && !replay.isBuiltin(id)).map(([id]) => id);
    this.callers = callerLists((visit) => {
      for (const [id, chain] of this.byId) for (const line of chain.rules) visit(id, this.targetOf(line));
    });
  }

  exists(id: number): boolean {
    return this.byId.has(id);
  }

  forEachTarget(id: number, visit: (target: number) => void): void {
    for (const line of this.byId.get(id)?.rules ?? []) visit(this.targetOf(line));
  }

  forEachRule(visit: (line: number, chain: number) => void): void {
    for (const [id, chain] of this.byId) for (const line of chain.rules) visit(line.index, id);
  }

  ruleCount(id: number): number {
    return this.byId.get(id)?.rules.length ?? 0;
  }

  rulesOf(id: number): number[] {
    return (this.byId.get(id)?.rules ?? []).map((line) => line.index);
  }

  previousRule(line: number): number {
    const at = this.replay.offsetOf(line);
    if (at === -1) return -1;
    const { before } = this.ruleOrder();
    return before[at] === 0 ? -1 : this.replay.base + before[at] - 1;
  }

  keeps(line: number): boolean {
    const at = this.replay.offsetOf(line);
    return at !== -1 && this.ruleOrder().kept[at] === 1;
  }

  describe(id: number): UnreachedChain {
    const chain = this.byId.get(id)!;
    return { name: chain.name, declaration: chain.declaration!, rules: chain.rules.length, id };
  }

  /** Chain by chain, in kernel order: each rule's text looked up among the earlier ones. */
  repeats(): readonly Repeat[] {
    const { base } = this.replay;
    const keys = new RuleKeys(this.replay);
    const found: Repeat[] = [];
    for (const [id, chain] of this.byId) {
      if (chain.rules.length < 2) continue;
      const byText = new Map<string, number>();
      for (const line of chain.rules) {
        const key = keys.key(line.index - base);
        const earlier = byText.get(key);
        if (earlier !== undefined) found.push({ earlier, later: line.index, chain: id });
        byText.set(key, line.index);
      }
    }
    return found;
  }

  private targetOf(line: CommandLine): number {
    const at = this.replay.offsetOf(line.index);
    return at === -1 ? -1 : this.replay.targetIds[at];
  }

  private ruleOrder(): { before: Int32Array; kept: Uint8Array } {
    if (this.order === undefined) {
      const { base, span } = this.replay;
      const before = new Int32Array(span);
      const kept = new Uint8Array(span);
      for (const chain of this.byId.values()) {
        let last = -1;
        for (const line of chain.rules) {
          const at = line.index - base;
          kept[at] = 1;
          before[at] = last + 1;
          last = at;
        }
      }
      this.order = { before, kept };
    }
    return this.order;
  }
}

/**
 * Which user chains the built-in chains (and the user chains `isRoot` names) do not reach,
 * through jumps and gotos, once the table is read: reachability from the built-in chains,
 * then from the roots among the chains left.
 */
export function unreachedChains(graph: ChainGraph, isRoot: (name: string) => boolean): Reach {
  const replay = graph.replay;
  // Interned before the array is sized, so that every id fits in it.
  const builtins = [...replay.builtins].map((name) => replay.names.internString(name));
  const reached = new Uint8Array(replay.names.count);
  const stack: number[] = [];
  const enter = (id: number) => {
    reached[id] = 1;
    stack.push(id);
  };
  const follow = (next: number) => {
    if (next !== -1 && reached[next] === 0 && !replay.isKnownTarget(next)) enter(next);
  };
  const visit = () => {
    while (stack.length) graph.forEachTarget(stack.pop()!, follow);
  };
  for (const id of builtins) enter(id);
  visit();
  // Chains meant to be entered from elsewhere count as entered: after the built-in chains,
  // so that only the few chains left are named.
  const left = graph.userChains.filter((id) => reached[id] === 0);
  for (const id of left) if (isRoot(replay.names.name(id))) enter(id);
  visit();
  const unreached = left.filter((id) => reached[id] === 0).map((id) => graph.describe(id));
  let referrers: Map<number, string[]> | undefined;
  return {
    unreached,
    referrers(chain) {
      // A chain that is reached would make its jump targets reached: look at the others alone,
      // all at once on the first question.
      if (referrers === undefined) {
        referrers = new Map();
        for (const other of unreached) {
          const targets = new Set<number>();
          graph.forEachTarget(other.id, (target) => targets.add(target));
          for (const target of targets) {
            if (target === -1 || target === other.id) continue;
            let from = referrers.get(target);
            if (from === undefined) referrers.set(target, (from = []));
            from.push(other.name);
          }
        }
      }
      return referrers.get(chain.id) ?? [];
    },
  };
}
