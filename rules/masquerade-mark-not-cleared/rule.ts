/**
 * masquerade-mark-not-cleared: a packet marked for masquerading reaches MASQUERADE or SNAT
 * with the mark still set, so a VXLAN CNI's outer packet, which keeps the mark, is SNATed a
 * second time. See README.md beside this file.
 *
 * Decided by walking the nat chains as a marked packet would: mark matches are evaluated on
 * the packet's current mark, MARK targets change it, RETURN ends a chain, and a rule with
 * other conditions may or may not match (both paths are followed).
 */
import type { CommandLine, Document, Severity, Table, TargetNode } from "../../grammar/index.js";
import { chainsOf, type Chain } from "../shared/chains.js";
import { documentIndex } from "../shared/scan.js";
import { MarkState, allOf, hex, markMatchTests, markTargetEffect, type MarkTest, type Tri, type XMark } from "../shared/marks.js";
import type { Fix, NodeContext, RuleContext, RuleModule, TextEdit } from "../types.js";
import { kernelVerdict, kubernetesVerdict } from "./versions.js";

const ID = "masquerade-mark-not-cleared";
const SNAT_TARGETS = new Set(["MASQUERADE", "SNAT"]);
/** Targets after which a matched packet leaves the chain walk for good. */
const TERMINATING = new Set(["ACCEPT", "DROP", "REJECT", "DNAT", "REDIRECT", "NETMAP", "NFQUEUE", "QUEUE", "TPROXY", "MASQUERADE", "SNAT"]);
/** How deep jumps are followed; iptables itself allows no cycles. */
const MAX_DEPTH = 64;

export const masqueradeMarkNotCleared: RuleModule = {
  id: ID,
  description: "a packet marked for masquerading is SNATed with the mark still set (the VXLAN double SNAT of kube-proxy v1.16-v1.18.5)",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const table of context.document.tables) {
      // `iptables -S` output does not name its table: it may be `iptables -t nat -S`.
      if (table.name === "nat" || table.name === null) checkTable(table, context);
    }
  },
};

/** What a rule tests and does, as far as marks are concerned. */
interface RuleFacts {
  line: CommandLine;
  marks: MarkTest[];
  /** Conditions other than marks and comments: the rule may or may not match. */
  otherConditions: boolean;
  target: TargetNode | null;
  effect: XMark | null;
}

interface Flag {
  line: CommandLine;
  chain: string;
  randomFully: boolean;
}

function checkTable(table: Table, context: RuleContext): void {
  const snatRules = findSnatRules(context.document, table);
  if (snatRules.length === 0) return;
  const chains = chainsOf(context.document, table);
  const mark = masqueradeMark(chains, snatRules);
  if (mark === null) return;

  const walker = new Walker(chains, mark);
  walker.walk("POSTROUTING", [MarkState.withBits(mark)], []);
  // Chains that masquerade but that POSTROUTING does not reach (a partial dump) start on their own.
  for (const rule of snatRules) {
    if (rule.chain !== null && !walker.visited.has(rule.chain)) walker.walk(rule.chain, [MarkState.withBits(mark)], []);
  }

  // One rewrite of each chain mends every flagged rule in it: each finding carries it (applied once).
  const fixes = new Map<string, Fix | undefined>();
  for (const flag of walker.flags.values()) {
    if (!fixes.has(flag.chain)) fixes.set(flag.chain, chainFix(context.document, chains.get(flag.chain)!, mark, walker));
    const fix = fixes.get(flag.chain);
    const { severity, message } = describe(flag, mark, context.node, fix !== undefined);
    context.report({ range: flag.line.range, severity, message, fix });
  }
}

/**
 * Rules whose target is MASQUERADE or SNAT, from the document index every rule shares: a
 * kube-proxy dump has a quarter of a million rules and a handful of these.
 */
function findSnatRules(document: Document, table: Table): CommandLine[] {
  const index = documentIndex(document);
  const found = [...SNAT_TARGETS].flatMap((name) => index.withTarget(name).filter((line) => line.table === table));
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The masquerade mark: what KUBE-MARK-MASQ sets (`--set-xmark v/m`, `--or-mark v`,
 * `--set-mark v`), else the bit a masquerading rule matches on. Not always 0x4000: it is
 * `1 << --iptables-masquerade-bit`, and OpenShift used bit 0.
 */
function masqueradeMark(chains: ReadonlyMap<string, Chain>, snatRules: CommandLine[]): number | null {
  for (const line of chains.get("KUBE-MARK-MASQ")?.rules ?? []) {
    const target = line.rule?.target;
    const effect = target ? markTargetEffect(target) : null;
    if (effect && effect.value !== 0) return effect.value;
  }
  for (const line of snatRules) {
    for (const match of line.rule?.matchesNamed("mark") ?? []) {
      const test = markMatchTests(match)?.find((t) => !t.negated && t.value !== 0);
      if (test) return test.value;
    }
  }
  return null;
}

class Walker {
  readonly visited = new Set<string>();
  readonly flags = new Map<CommandLine, Flag>();
  private readonly facts = new Map<CommandLine, RuleFacts>();

  constructor(
    private readonly chains: ReadonlyMap<string, Chain>,
    private readonly mark: number,
  ) {}

  /** Walks a chain with these possible packet states; returns the states that return from it. */
  walk(name: string, entering: MarkState[], stack: string[]): MarkState[] {
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

  /** Whether the fix rewrites this rule: it tests or sets a mark, or masquerades on nothing but marks. */
  isMarkBased(line: CommandLine): boolean {
    const facts = this.factsOf(line);
    if (facts.marks.length > 0 || facts.effect !== null) return true;
    return SNAT_TARGETS.has(facts.target?.name ?? "") && !facts.otherConditions;
  }

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
    if (SNAT_TARGETS.has(name)) {
      const selectsOnMark = facts.marks.some((t) => !t.negated && (t.mask & t.value & this.mark) !== 0);
      if (state.has(this.mark) && (sure || selectsOnMark) && !this.flags.has(facts.line)) {
        this.flags.set(facts.line, { line: facts.line, chain, randomFully: target.option("--random-fully") !== undefined });
      }
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
    if (TERMINATING.has(name)) return;
    if (target.kind === "goto" || this.chains.has(name)) {
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

// ---------------------------------------------------------------------------------------------
// The fix: the chain as kube-proxy v1.18.6+ writes it, with the node's own mark.

function chainFix(document: Document, chain: Chain, mark: number, walker: Walker): Fix | undefined {
  const rules = chain.rules;
  // Rules put in place by -I or -R cannot be rewritten line by line in place.
  if (rules.some((line) => line.command !== "append")) return undefined;
  const involved = rules.filter((line) => walker.isMarkBased(line));
  const snat = involved.filter((line) => SNAT_TARGETS.has(walker.factsOf(line).target?.name ?? ""));
  if (snat.length === 0) return undefined;
  const kept = snat[snat.length - 1];
  // Only rewrite masquerading that is gated on the mark; an unconditional MASQUERADE for
  // every packet would otherwise start skipping unmarked packets.
  const gated = snat.some((line) => walker.factsOf(line).marks.some((t) => !t.negated && (t.value & mark) !== 0)) ||
    involved.some((line) => walker.factsOf(line).target?.name === "RETURN");
  if (!gated) return undefined;

  const counters = kept.plan.counters !== -1 ? "[0:0] " : "";
  const m = hex(mark);
  const block = [
    `${counters}-A ${chain.name} -m mark ! --mark ${m}/${m} -j RETURN`,
    `${counters}-A ${chain.name} -j MARK --set-xmark ${m}/0x0`,
    withoutMarkMatches(document, kept, mark),
  ];
  const first = involved[0];
  const eol = first.eol || "\n";
  const lineEnd = (line: CommandLine) => document.source.lexed.lineStarts[line.index + 1];
  const edits: TextEdit[] = involved.map((line, i) => ({
    start: line.range.start,
    end: lineEnd(line),
    text: i === 0 ? block.map((text) => text + eol).join("").slice(0, first.eol ? undefined : -eol.length) : "",
  }));
  return {
    title: `clear mark ${m} before masquerading in ${chain.name}`,
    applicability: "safe",
    edits,
    ruleId: ID,
  };
}

/** The masquerading rule's line without its `-m mark` matches on the masquerade bit. */
function withoutMarkMatches(document: Document, line: CommandLine, mark: number): string {
  const { start, end } = line.range;
  let text = "";
  let at = start;
  for (const match of line.rule!.matchesNamed("mark")) {
    if (!markMatchTests(match)?.some((t) => (t.mask & mark) !== 0)) continue;
    // Remove the match together with the space before it.
    let from = match.range.start;
    while (from > at && /[ \t]/.test(document.text[from - 1])) from--;
    text += document.text.slice(at, from);
    at = match.range.end;
  }
  return text + document.text.slice(at, end);
}

// ---------------------------------------------------------------------------------------------
// The message.

function describe(flag: Flag, mark: number, node: NodeContext, fixable: boolean): { severity: Severity; message: string } {
  const m = hex(mark);
  let severity: Severity = flag.randomFully ? "error" : "warning";
  const parts: string[] = [];
  if (flag.randomFully) {
    parts.push(
      `${flag.chain} masquerades packets carrying the masquerade mark ${m} with --random-fully without clearing the mark first. ` +
        "With a VXLAN CNI (flannel, Calico VXLAN) the encapsulated packet keeps the mark and is SNATed a second time; " +
        "--random-fully rewrites its UDP source port, and on kernels without the fix \"netfilter: nat: never update the UDP checksum when it's 0\" " +
        "the checksum is left wrong, the receiving NIC drops the packet and connections stall (63 s or 1 s delays).",
    );
  } else {
    parts.push(
      `${flag.chain} masquerades packets carrying the masquerade mark ${m} without clearing the mark first, ` +
        "so with a VXLAN CNI the encapsulated packet is SNATed a second time. Latent today: it becomes the " +
        "dropped-packet bug the day --random-fully is added.",
    );
  }
  parts.push("kube-proxy v1.16.0 to v1.18.5 wrote this chain; v1.16.13+, v1.17.9+ and v1.18.6+ clear the mark before masquerading.");

  const kernel = node.kernelVersion ? kernelVerdict(node.kernelVersion) : "unknown";
  if (node.kernelVersion && kernel === "fixed" && severity === "error") {
    severity = "warning";
    parts.push(
      `Lowered to a warning: kernel ${node.kernelVersion} has the checksum fix, but the second SNAT still happens ` +
        "(and 1 s delays were reported on a patched 5.4 kernel, kubernetes/kubernetes#96868), so fix the chain all the same.",
    );
  } else if (node.kernelVersion && kernel === "affected") {
    parts.push(`Kernel ${node.kernelVersion} does not have the checksum fix.`);
  } else {
    parts.push("Kernels 4.14.181+, 4.19.123+, 5.4.41+ (Ubuntu 4.15.0-107.108+, 5.4.0-32.36+) fix the checksum, but not the double SNAT.");
  }

  const kube = node.kubernetesVersion ? kubernetesVerdict(node.kubernetesVersion) : null;
  if (kube?.clearsMark) {
    parts.push(
      `kube-proxy ${node.kubernetesVersion} writes the fixed chain but does not remove these old rules, which stay in front of it: ` +
        "they are left from before an upgrade without a reboot.",
    );
  } else if (kube?.randomFully && !flag.randomFully && severity === "warning") {
    severity = "error";
    parts.push(
      `Raised to an error: kube-proxy ${node.kubernetesVersion} adds --random-fully whenever the iptables in its image supports it, ` +
        "and an older iptables on the host dumps the rule without it.",
    );
  }

  parts.push(
    fixable
      ? "Fix: `iptlint fix` clears the mark before masquerading (a stopgap on a node whose kube-proxy rewrites this chain); " +
          "the lasting fix is upgrading kube-proxy or the kernel, or `ethtool --offload <dev> rx off tx off` on every node."
      : "Fix: clear the mark before masquerading, upgrade kube-proxy or the kernel, or run `ethtool --offload <dev> rx off tx off` on every node.",
  );
  return { severity, message: parts.join(" ") };
}
