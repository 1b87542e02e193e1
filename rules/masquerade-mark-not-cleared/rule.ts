/**
 * masquerade-mark-not-cleared: a packet marked for masquerading reaches MASQUERADE or SNAT
 * with the mark still set, so a VXLAN CNI's outer packet, which keeps the mark, is SNATed a
 * second time. See README.md beside this file.
 *
 * Decided by walking the nat chains as a marked packet would: mark matches are evaluated on
 * the packet's current mark, MARK targets change it, RETURN ends a chain, and a rule with
 * other conditions may or may not match (both paths are followed).
 */
import type { CommandLine, Document, Severity } from "../../grammar/index.js";
import type { Chain, ChainSet, TableModel } from "../model/index.js";
import { MarkState, MarkWalk, markMatchTests, markTargetEffect, type RuleFacts, type Tri } from "../packet/index.js";
import { hex, NEW_LINE_END } from "../report/index.js";
import type { Fix, NodeContext, RuleContext, RuleModule, TextEdit } from "../types.js";
import { kernelVerdict, kubernetesVerdict } from "./versions.js";

const ID = "masquerade-mark-not-cleared";
const SNAT_TARGETS = new Set(["MASQUERADE", "SNAT"]);

export const masqueradeMarkNotCleared: RuleModule = {
  id: ID,
  description: "a packet marked for masquerading is SNATed with the mark still set (the VXLAN double SNAT of kube-proxy v1.16-v1.18.5)",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const table of context.model.tables()) {
      // `iptables -S` output does not name its table: it may be `iptables -t nat -S`.
      if (table.table.name === "nat" || table.table.name === null) checkTable(table, context);
    }
  },
};

interface Flag {
  line: CommandLine;
  chain: string;
  /** MASQUERADE or SNAT. */
  target: string;
  randomFully: boolean;
}

function checkTable(table: TableModel, context: RuleContext): void {
  const snatRules = findSnatRules(context, table);
  if (snatRules.length === 0) return;
  const chains = table.chains;
  const mark = masqueradeMark(chains, snatRules);
  if (mark === null) return;

  // The packet walk from POSTROUTING with the mark set: each MASQUERADE or SNAT it reaches
  // with the mark still set is a finding.
  const flags = new Map<CommandLine, Flag>();
  const walker = new MarkWalk(chains, {
    onTerminal(facts: RuleFacts, state: MarkState, matches: Tri, chain: string) {
      const target = facts.target!;
      if (!SNAT_TARGETS.has(target.name)) return;
      const selectsOnMark = facts.marks.some((t) => !t.negated && (t.mask & t.value & mark) !== 0);
      if (state.has(mark) && (matches === true || selectsOnMark) && !flags.has(facts.line)) {
        flags.set(facts.line, { line: facts.line, chain, target: target.name, randomFully: target.option("--random-fully") !== undefined });
      }
    },
  });
  walker.walk("POSTROUTING", [MarkState.withBits(mark)]);
  // Chains that masquerade but that POSTROUTING does not reach (a partial dump) start on their own.
  // One it reaches that the walk did not is one no marked packet gets to (ip-masq-agent's chain
  // after KUBE-POSTROUTING has masqueraded every marked packet).
  for (const rule of snatRules) {
    if (rule.chain === null || walker.visited.has(rule.chain) || table.hooks.reaches("POSTROUTING", rule.chain)) continue;
    walker.walk(rule.chain, [MarkState.withBits(mark)]);
  }

  // One rewrite of each chain mends every flagged rule in it: each finding carries it (applied once).
  const fixes = new Map<string, Fix | undefined>();
  for (const flag of flags.values()) {
    if (!fixes.has(flag.chain)) fixes.set(flag.chain, chainFix(context.document, chains.get(flag.chain)!, mark, walker));
    const fix = fixes.get(flag.chain);
    const { severity, message } = describe(flag, mark, context.node);
    context.report({ range: flag.line.range, severity, message, fix });
  }
}

/**
 * Rules whose target is MASQUERADE or SNAT, from the line index every rule shares: a
 * kube-proxy dump has a quarter of a million rules and a handful of these.
 */
function findSnatRules(context: RuleContext, table: TableModel): CommandLine[] {
  const index = context.model.lines;
  const found = [...SNAT_TARGETS].flatMap((name) => index.withTarget(name).filter((line) => line.table === table.table));
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The masquerade mark: what KUBE-MARK-MASQ sets (`--set-xmark v/m`, `--or-mark v`,
 * `--set-mark v`), else the bit a masquerading rule of kube-proxy's chains (`KUBE-*`) matches
 * on. Not always 0x4000: it is `1 << --iptables-masquerade-bit`, and OpenShift used bit 0.
 * Another CNI's SNAT on a mark is not kube-proxy's masquerade (Antrea's Egress picks its SNAT
 * address by mark).
 */
function masqueradeMark(chains: ChainSet, snatRules: CommandLine[]): number | null {
  for (const line of chains.get("KUBE-MARK-MASQ")?.rules ?? []) {
    const target = line.rule?.target;
    const effect = target ? markTargetEffect(target) : null;
    if (effect && effect.value !== 0) return effect.value;
  }
  for (const line of snatRules) {
    if (!line.chain?.startsWith("KUBE-")) continue;
    for (const match of line.rule?.matchesNamed("mark") ?? []) {
      const test = markMatchTests(match)?.find((t) => !t.negated && t.value !== 0);
      if (test) return test.value;
    }
  }
  return null;
}

/** Whether the fix rewrites this rule: it tests or sets a mark, or masquerades on nothing but marks. */
function isMarkBased(walker: MarkWalk, line: CommandLine): boolean {
  const facts = walker.factsOf(line);
  if (facts.marks.length > 0 || facts.effect !== null) return true;
  return SNAT_TARGETS.has(facts.target?.name ?? "") && !facts.otherConditions;
}

// ---------------------------------------------------------------------------------------------
// The fix: the chain as kube-proxy v1.18.6+ writes it, with the node's own mark.

function chainFix(document: Document, chain: Chain, mark: number, walker: MarkWalk): Fix | undefined {
  const rules = chain.rules;
  // Rules put in place by -I or -R cannot be rewritten line by line in place.
  if (rules.some((line) => line.command !== "append")) return undefined;
  const involved = rules.filter((line) => isMarkBased(walker, line));
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
  const lineEnd = (line: CommandLine) => document.source.lexed.lineStarts[line.index + 1];
  const edits: TextEdit[] = involved.map((line, i) => ({
    start: line.range.start,
    end: lineEnd(line),
    text: i === 0 ? block.map((text) => text + NEW_LINE_END).join("").slice(0, first.eol ? undefined : -NEW_LINE_END.length) : "",
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
// The message: one sentence, with what the node's kernel and kube-proxy change about it. The
// history, the versions and the fixes are in README.md (`iptlint explain`).

function describe(flag: Flag, mark: number, node: NodeContext): { severity: Severity; message: string } {
  let severity: Severity = flag.randomFully ? "error" : "warning";
  const kernel = node.kernelVersion ? kernelVerdict(node.kernelVersion) : "unknown";
  const kube = node.kubernetesVersion ? kubernetesVerdict(node.kubernetesVersion) : null;
  const notes: string[] = [];
  let effect: string;
  if (flag.randomFully) {
    if (kernel === "fixed") {
      severity = "warning";
      effect = "";
      // Beside the note on kube-proxy the kernel goes unnamed, to keep the message short.
      notes.push(`${kube?.clearsMark ? "the kernel" : `kernel ${node.kernelVersion}`} has the checksum fix`);
    } else if (kube?.clearsMark) {
      effect = " and may be dropped";
    } else {
      effect = kernel === "affected" ? ` and dropped (kernel ${node.kernelVersion} lacks the checksum fix)` : " and dropped on kernels without the UDP checksum fix";
    }
  } else if (kube?.randomFully && !kube.clearsMark) {
    severity = "error";
    effect = ` and dropped once kube-proxy ${node.kubernetesVersion} adds --random-fully`;
  } else {
    effect = ", harmless until --random-fully is added";
  }
  if (kube?.clearsMark) notes.unshift(`it predates kube-proxy ${node.kubernetesVersion}`);
  const target = `\`-j ${flag.target}${flag.randomFully ? " --random-fully" : ""}\``;
  const message = `${target} on packets still marked ${hex(mark)}: VXLAN packets are SNATed twice${effect}${notes.length ? ` (${notes.join("; ")})` : ""}`;
  return { severity, message };
}
