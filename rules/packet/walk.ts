/**
 * The packet walk, as far as it goes today: a walk over a table's chains in kernel order with
 * the packet's mark as the only state. Mark matches are evaluated on the packet's current mark,
 * MARK targets change it, CONNMARK `--restore-mark` makes it unknown, RETURN ends a chain, a
 * jump enters a chain and comes back, a goto does not come back, a verdict or NAT target ends
 * the walk of the packets it takes. A rule with conditions other than marks and comments may or
 * may not match: both paths are followed, never a silent guess.
 *
 * Its client (a rule) hears of each rule with a verdict or NAT target that a packet reaches.
 */
import type { CommandLine, TargetNode } from "../../grammar/index.js";
import type { Chain } from "../model/index.js";
import { isTerminalTarget, type MarkTest, type XMark } from "../netfilter/index.js";
import { allOf, MarkState, markMatchTests, markTargetEffect, type Tri } from "./marks.js";

/** What a rule tests and does, as far as the walk is concerned. */
export interface RuleFacts {
  line: CommandLine;
  /** Its `-m mark` tests. */
  marks: MarkTest[];
  /** Conditions other than marks and comments: the rule may or may not match. */
  otherConditions: boolean;
  target: TargetNode | null;
  /** What its MARK target does to the mark, or null. */
  effect: XMark | null;
}

export interface WalkClient {
  /**
   * A rule with a verdict or NAT target matches this packet (`matches` true) or may (`"maybe"`),
   * in chain `chain`: the packets it takes leave the walk here.
   */
  onTerminal(facts: RuleFacts, state: MarkState, matches: Tri, chain: string): void;
}

/** How deep jumps are followed; iptables itself allows no cycles. */
const MAX_DEPTH = 64;

export class MarkWalk {
  /** The chains the walk has entered. */
  readonly visited = new Set<string>();
  private readonly facts = new Map<CommandLine, RuleFacts>();

  constructor(
    private readonly chains: { get(name: string): Chain | undefined; has?(name: string): boolean },
    private readonly client: WalkClient,
  ) {}

  /** Walks a chain with these possible packet states; returns the states that come back from it. */
  walk(name: string, entering: MarkState[], stack: string[] = []): MarkState[] {
    const chain = this.chains.get(name);
    if (chain === undefined || stack.includes(name) || stack.length > MAX_DEPTH) return entering;
    this.visited.add(name);
    let states = entering;
    const returned: MarkState[] = [];
    for (const line of chain.rules) {
      if (states.length === 0) break;
      const facts = this.factsOf(line);
      const next: MarkState[] = [];
      for (const state of states) {
        const matches = this.evaluate(facts, state);
        if (matches === false) {
          next.push(state);
          continue;
        }
        if (matches === "maybe") next.push(state);
        this.act(facts, state, matches, name, stack, next, returned);
      }
      states = unique(next);
    }
    return unique([...returned, ...states]);
  }

  /** What a rule tests and does (read once per rule). */
  factsOf(line: CommandLine): RuleFacts {
    let facts = this.facts.get(line);
    if (facts === undefined) {
      const rule = line.rule!;
      const marks: MarkTest[] = [];
      let otherConditions = rule.generic.length > 0;
      for (const match of rule.matches) {
        if (match.name === "comment") continue;
        const tests = match.name === "mark" ? markMatchTests(match) : null;
        if (tests === null) otherConditions = true;
        else marks.push(...tests);
      }
      const target = rule.target;
      facts = { line, marks, otherConditions, target, effect: target ? markTargetEffect(target) : null };
      this.facts.set(line, facts);
    }
    return facts;
  }

  private evaluate(facts: RuleFacts, state: MarkState): Tri {
    const answers: Tri[] = facts.marks.map((t) => state.test(t));
    if (facts.otherConditions) answers.push("maybe");
    return allOf(answers);
  }

  private act(facts: RuleFacts, state: MarkState, matches: Tri, chain: string, stack: string[], next: MarkState[], returned: MarkState[]): void {
    const sure = matches === true;
    const target = facts.target;
    if (target === null) {
      if (sure) next.push(state);
      return;
    }
    const name = target.name;
    if (isTerminalTarget(name)) {
      this.client.onTerminal(facts, state, matches, chain);
      return;
    }
    if (name === "RETURN") {
      returned.push(state);
      return;
    }
    if (facts.effect) {
      next.push(state.apply(facts.effect));
      return;
    }
    if (name === "CONNMARK" && target.option("--restore-mark")) {
      next.push(state.forget());
      return;
    }
    if (target.kind === "goto" || this.chains.get(name) !== undefined) {
      const back = this.walk(name, [state], [...stack, chain]);
      // A goto does not come back here: what returns from its chain returns from this one.
      (target.kind === "goto" ? returned : next).push(...back);
      return;
    }
    // LOG and other non-terminating targets: the packet goes on.
    if (sure) next.push(state);
  }
}

function unique(states: MarkState[]): MarkState[] {
  const seen = new Map<string, MarkState>();
  for (const s of states) seen.set(s.key, s);
  return [...seen.values()];
}
