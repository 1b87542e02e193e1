/**
 * The mark walk (`MarkWalk`) on generated small chain graphs, against a brute-force walk of
 * concrete packets: every mark the starting states allow (over a few bits, bit 31 among them),
 * with every outcome of the conditions the walk does not read (`-p tcp`, `-i eth0`), through
 * mark matches, MARK in every spelling, CONNMARK --restore-mark (any mark), RETURN, jumps, gotos,
 * LOG and verdicts. Wherever a concrete packet ends (a verdict, or back from the chain walked), the
 * abstract walk must say it may: a rule with a verdict reported through `onTerminal` with a state
 * that allows the packet's mark there, or a returned state that allows it. And `onTerminal`'s
 * `true` must be sure: every mark its state allows matches the rule.
 *
 * A failure prints fast-check's seed and the shrunk counterexample.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";

import { parse, type Document } from "../../../grammar/index.js";
import { modelOf } from "../../../rules/model/index.js";
import { MarkState, MarkWalk, type RuleFacts, type Tri } from "../../../rules/packet/index.js";
import { runs } from "../../helpers/properties.js";
import { fromIndex, format, inState, subsetOfBits } from "./support.js";

// ---------------------------------------------------------------------------------------------
// Generated chains.

type Effect = { spelling: "--set-xmark" | "--set-mark" | "--or-mark" | "--and-mark" | "--xor-mark"; value: number; mask: number | null };

type Target =
  | { kind: "verdict"; name: "ACCEPT" | "DROP" | "MASQUERADE" }
  | { kind: "return" }
  | { kind: "log" }
  | { kind: "mark"; effect: Effect }
  | { kind: "restore" }
  | { kind: "save" }
  | { kind: "jump" | "goto"; chain: string };

interface Rule {
  marks: { value: number; mask: number; negated: boolean }[];
  /** Conditions the walk does not read: which of the packet's two flags the rule needs. */
  other: ("tcp" | "eth0")[];
  comment: boolean;
  target: Target | null;
}

interface Graph {
  /** Chains in order; a rule jumps only to a later chain (iptables refuses loops). */
  chains: { name: string; rules: Rule[] }[];
  /** The states the walk starts with. */
  start: { bits: number; known: number; value: number }[];
}

const CHAINS = ["PREROUTING", "A", "B", "C"];

const effect: fc.Arbitrary<Effect> = fc.record({
  spelling: fc.constantFrom<Effect["spelling"]>("--set-xmark", "--set-mark", "--or-mark", "--and-mark", "--xor-mark"),
  value: subsetOfBits,
  mask: fc.option(subsetOfBits, { freq: 4 }),
});

const target = (index: number): fc.Arbitrary<Target | null> => {
  const later = CHAINS.slice(index + 1);
  return fc.option(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom("ACCEPT", "DROP", "MASQUERADE").map((name) => ({ kind: "verdict" as const, name: name as "ACCEPT" })) },
      { weight: 2, arbitrary: fc.constant({ kind: "return" as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: "log" as const }) },
      { weight: 4, arbitrary: effect.map((e) => ({ kind: "mark" as const, effect: e })) },
      { weight: 1, arbitrary: fc.constantFrom({ kind: "restore" as const }, { kind: "save" as const }) },
      { weight: later.length ? 4 : 0, arbitrary: fc.tuple(fc.constantFrom<"jump" | "goto">("jump", "jump", "goto"), fc.constantFrom(...(later.length ? later : ["C"]))).map(([kind, chain]) => ({ kind, chain })) },
    ),
    { freq: 8 },
  );
};

const rule = (index: number): fc.Arbitrary<Rule> =>
  fc.record({
    marks: fc.array(fc.record({ value: subsetOfBits, mask: subsetOfBits, negated: fc.boolean() }), { maxLength: 2 }),
    other: fc.subarray<"tcp" | "eth0">(["tcp", "eth0"]),
    comment: fc.boolean(),
    target: target(index),
  });

const graph: fc.Arbitrary<Graph> = fc.record({
  chains: fc.tuple(...CHAINS.map((name, i) => fc.array(rule(i), { maxLength: 5 }).map((rules) => ({ name, rules })))),
  start: fc.array(fc.record({ bits: subsetOfBits, known: subsetOfBits, value: subsetOfBits }), { minLength: 1, maxLength: 2 }),
});

const hex = (n: number) => format(n);

function ruleText(r: Rule): string {
  const parts: string[] = [];
  if (r.other.includes("tcp")) parts.push("-p tcp");
  if (r.other.includes("eth0")) parts.push("-i eth0");
  for (const m of r.marks) parts.push(`-m mark ${m.negated ? "! " : ""}--mark ${hex(m.value)}/${hex(m.mask)}`);
  if (r.comment) parts.push('-m comment --comment "x y"');
  const t = r.target;
  if (t !== null) {
    switch (t.kind) {
      case "verdict":
        parts.push(`-j ${t.name}`);
        break;
      case "return":
        parts.push("-j RETURN");
        break;
      case "log":
        parts.push('-j LOG --log-prefix "m "');
        break;
      case "mark": {
        const { spelling, value, mask } = t.effect;
        const withMask = (spelling === "--set-xmark" || spelling === "--set-mark") && mask !== null;
        parts.push(`-j MARK ${spelling} ${hex(value)}${withMask ? `/${hex(mask!)}` : ""}`);
        break;
      }
      case "restore":
        parts.push("-j CONNMARK --restore-mark");
        break;
      case "save":
        parts.push("-j CONNMARK --save-mark");
        break;
      case "jump":
        parts.push(`-j ${t.chain}`);
        break;
      case "goto":
        parts.push(`-g ${t.chain}`);
        break;
    }
  }
  return parts.join(" ");
}

function write(g: Graph): { document: Document; lineOf: Map<Rule, number> } {
  const lines = ["*mangle", ":PREROUTING ACCEPT [0:0]", ...CHAINS.slice(1).map((c) => `:${c} - [0:0]`)];
  const lineOf = new Map<Rule, number>();
  for (const chain of g.chains) {
    for (const r of chain.rules) {
      lineOf.set(r, lines.length);
      lines.push(`-A ${chain.name}${ruleText(r) ? ` ${ruleText(r)}` : ""}`);
    }
  }
  lines.push("COMMIT", "");
  const document = parse(lines.join("\n"));
  assert.deepEqual(document.diagnostics, [], "generated chains parse");
  return { document, lineOf };
}

// ---------------------------------------------------------------------------------------------
// The concrete walk.

/** What becomes of a packet: a verdict at a rule, or back from the chain with a mark. */
type Outcome = { kind: "verdict"; line: number; chain: string; mark: number } | { kind: "returned"; mark: number };

interface Packet {
  tcp: boolean;
  eth0: boolean;
}

/** The formulas of netfilter/marks.ts, as the kernel applies them. */
function applyEffect(mark: number, e: Effect): number {
  const all = 0xffffffff;
  const mask = e.mask ?? all;
  switch (e.spelling) {
    case "--set-xmark":
      return ((mark & ~mask) ^ e.value) >>> 0;
    case "--set-mark":
      return ((mark & ~(e.value | mask)) ^ e.value) >>> 0;
    case "--or-mark":
      return (mark | e.value) >>> 0;
    case "--and-mark":
      return (mark & e.value) >>> 0;
    case "--xor-mark":
      return (mark ^ e.value) >>> 0;
  }
}

/** Every way a packet with this mark may leave the chain (CONNMARK --restore-mark may give any mark). */
function run(g: Graph, lineOf: Map<Rule, number>, chain: string, mark: number, packet: Packet): Outcome[] {
  const rules = g.chains.find((c) => c.name === chain)!.rules;
  const from = (k: number, m: number): Outcome[] => {
    for (let i = k; i < rules.length; i++) {
      const r = rules[i];
      const matches = r.marks.every((t) => (((m & t.mask) >>> 0 === t.value) !== t.negated)) && r.other.every((o) => packet[o]);
      if (!matches || r.target === null) continue;
      const t = r.target;
      switch (t.kind) {
        case "verdict":
          return [{ kind: "verdict", line: lineOf.get(r)!, chain, mark: m }];
        case "return":
          return [{ kind: "returned", mark: m }];
        case "log":
        case "save":
          continue;
        case "mark":
          m = applyEffect(m, t.effect);
          continue;
        case "restore":
          return fromIndex().flatMap((any) => from(i + 1, any));
        case "jump":
          return run(g, lineOf, t.chain, m, packet).flatMap((o) => (o.kind === "verdict" ? [o] : from(i + 1, o.mark)));
        case "goto":
          return run(g, lineOf, t.chain, m, packet);
      }
    }
    return [{ kind: "returned", mark: m }];
  };
  return from(0, mark);
}

// ---------------------------------------------------------------------------------------------

interface Terminal {
  line: number;
  chain: string;
  state: MarkState;
  matches: Tri;
  facts: RuleFacts;
}

function check(g: Graph): void {
  const { document, lineOf } = write(g);
  const chains = modelOf(document).tables()[0].chains;
  const terminals: Terminal[] = [];
  const walk = new MarkWalk(chains, {
    onTerminal(facts, state, matches, chain) {
      terminals.push({ line: facts.line.index, chain, state, matches, facts });
    },
  });
  const start = g.start.map((s) => MarkState.withBits(s.bits).apply({ value: s.value & s.known, mask: s.known }));
  const returned = walk.walk("PREROUTING", start);
  const describe = () => `${document.text}\nstart: ${start.map((s) => s.key)}\nterminals: ${terminals.map((t) => `${t.line + 1}:${t.state.key}:${t.matches}`).join(" ")}\nreturned: ${returned.map((s) => s.key)}`;

  for (const t of terminals) {
    assert.ok(["ACCEPT", "DROP", "MASQUERADE"].includes(t.facts.target?.name ?? ""), `onTerminal for a verdict only: line ${t.line + 1}\n${describe()}`);
    assert.notEqual(t.matches, false, `onTerminal with matches false\n${describe()}`);
    if (t.matches === true) {
      // Sure: no condition the walk cannot read, and every mark the state allows matches.
      assert.equal(t.facts.otherConditions, false, `line ${t.line + 1}: true with other conditions\n${describe()}`);
      for (const m of fromIndex().filter((m) => inState(t.state, m))) {
        assert.ok(t.facts.marks.every((x) => (((m & x.mask) >>> 0 === x.value) !== x.negated)), `line ${t.line + 1}: true, but mark ${format(m)} does not match\n${describe()}`);
      }
    }
  }

  for (const mark of fromIndex().filter((m) => start.some((s) => inState(s, m)))) {
    for (const packet of [{ tcp: false, eth0: false }, { tcp: true, eth0: false }, { tcp: false, eth0: true }, { tcp: true, eth0: true }]) {
      for (const o of run(g, lineOf, "PREROUTING", mark, packet)) {
        if (o.kind === "verdict") {
          assert.ok(
            terminals.some((t) => t.line === o.line && t.chain === o.chain && inState(t.state, o.mark)),
            `a packet with mark ${format(mark)} (${JSON.stringify(packet)}) gets its verdict at line ${o.line + 1} with mark ${format(o.mark)}, which the walk does not report\n${describe()}`,
          );
        } else {
          assert.ok(
            returned.some((s) => inState(s, o.mark)),
            `a packet with mark ${format(mark)} (${JSON.stringify(packet)}) comes back with mark ${format(o.mark)}, which no returned state allows\n${describe()}`,
          );
        }
      }
    }
  }
  // The chains it entered: PREROUTING, and every chain a packet may jump or go to.
  assert.ok(walk.visited.has("PREROUTING"));
}

test("MarkWalk on generated chains: wherever a concrete packet ends, the walk says it may", () => {
  fc.assert(fc.property(graph, check), runs(300));
});

test("MarkWalk: a goto does not come back, a jump does, RETURN ends the chain", () => {
  const chains = (rules: Rule[][]): Graph => ({ chains: CHAINS.map((name, i) => ({ name, rules: rules[i] ?? [] })), start: [{ bits: 0, known: 0, value: 0 }] });
  const mark = (value: number): Rule => ({ marks: [], other: [], comment: false, target: { kind: "mark", effect: { spelling: "--set-xmark", value, mask: 0xffffffff } } });
  const to = (kind: "jump" | "goto", chain: string): Rule => ({ marks: [], other: [], comment: false, target: { kind, chain } });
  const accept = (value: number): Rule => ({ marks: [{ value, mask: 0xffffffff, negated: false }], other: [], comment: false, target: { kind: "verdict", name: "ACCEPT" } });
  // PREROUTING: mark 1, goto A (which marks 2 and returns): the rule after the goto is never met.
  const g = chains([[mark(1), to("goto", "A"), accept(2)], [mark(2)]]);
  const { document } = write(g);
  const terminals: number[] = [];
  const returned = new MarkWalk(modelOf(document).tables()[0].chains, { onTerminal: (facts) => terminals.push(facts.line.index) }).walk("PREROUTING", [MarkState.withBits(0)]);
  assert.deepEqual(terminals, []);
  assert.deepEqual(returned.map((s) => [s.known, s.value]), [[0xffffffff, 2]]);
  // With a jump, it comes back and ACCEPT matches surely.
  const jumped = write(chains([[mark(1), to("jump", "A"), accept(2)], [mark(2)]]));
  const sure: Tri[] = [];
  new MarkWalk(modelOf(jumped.document).tables()[0].chains, { onTerminal: (_f, _s, matches) => sure.push(matches) }).walk("PREROUTING", [MarkState.withBits(0)]);
  assert.deepEqual(sure, [true]);
  check(g);
});
