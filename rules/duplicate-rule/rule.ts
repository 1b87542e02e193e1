/**
 * duplicate-rule: a rule written exactly like an earlier rule of the same chain (the same
 * options in the same order, comments included), with nothing between them that could change
 * the packet. See README.md beside this file.
 */
import type { CommandLine, RuleNode } from "../../grammar/index.js";
import { parseUint32, parseValueMask } from "../../grammar/index.js";
import { chainsOf } from "../shared/chains.js";
import { markTargetEffect } from "../shared/marks.js";
import { LineKind, isKnownTable, lineOf, walkTable, wholeLine, type TableWalk } from "../shared/reach.js";
import type { RuleModule } from "../types.js";

const ID = "duplicate-rule";

/** Matches whose answer depends on earlier packets or on chance: a repeat of them is not a repeat. */
const STATEFUL_MATCHES = new Set(["statistic", "nth", "random", "limit", "hashlimit", "recent", "quota", "quota2", "connlimit"]);

/** Targets after which the packet leaves the chain. */
const TERMINAL = new Set(["ACCEPT", "DROP", "REJECT", "RETURN", "QUEUE", "NFQUEUE", "DNAT", "SNAT", "MASQUERADE", "REDIRECT", "NETMAP", "TPROXY"]);

/**
 * Targets after which a packet that goes on in the chain is unchanged for the matches: the
 * terminal ones (a packet they take never reaches the later copy) and the ones that only look.
 */
const HARMLESS = new Set([...TERMINAL, "LOG", "NFLOG", "ULOG", "TRACE", "AUDIT", "CHECKSUM"]);

/** Chains this small are compared pairwise; larger ones by a hash of their rules' text. */
const SMALL = 16;

export const duplicateRule: RuleModule = {
  id: ID,
  description: "a rule identical to an earlier rule of the same chain: it matches no packet the first did not, or does the same thing twice",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    const { document } = context;
    for (const table of document.tables) {
      if (!isKnownTable(table)) continue;
      const walk = walkTable(document, table);
      const report = (chain: string, earlier: CommandLine, later: CommandLine, between: readonly CommandLine[]) => {
        const rule = later.rule;
        if (rule === null || !repeatable(rule) || between.some((line) => mayChangePacket(walk, line))) return;
        const deletable = later.command === "append" || later.command === "insert";
        context.report({
          range: later.range,
          message: message(chain, earlier, rule, deletable),
          fix: deletable ? { title: "delete the repeated rule", applicability: "unsafe", edits: [wholeLine(document, later)] } : undefined,
        });
      };
      if (walk.appendOnly) {
        const { previous } = walk;
        for (const [earlier, later] of appendedDuplicates(document.text, walk)) {
          const between: CommandLine[] = [];
          for (let at = previous[later]; at > earlier; at = previous[at]) between.push(walk.lineAt(at));
          report(walk.names.name(walk.chainIds[later]), walk.lineAt(earlier), walk.lineAt(later), between);
        }
        continue;
      }
      for (const chain of chainsOf(document, table).values()) {
        const rules = chain.rules;
        if (rules.length < 2) continue;
        const position = new Map(rules.map((line, i) => [line, i]));
        for (const [earlier, later] of duplicates(document.text, walk, rules)) {
          report(chain.name, earlier, later, rules.slice(position.get(earlier)! + 1, position.get(later)));
        }
      }
    }
  },
};

/**
 * Pairs (nearest earlier copy, later copy) of a table whose rules are all appended, by line
 * offset from the walk's base: each chain's rules are its lines in file order, which the walk
 * links line to line (`previous`), compared by the text ranges the walk recorded.
 */
function appendedDuplicates(text: string, walk: TableWalk): [number, number][] {
  const { span, kinds, chainIds, ruleStarts, ruleEnds, previous, ruleCounts: counts } = walk;
  const same = (a: number, b: number): boolean => {
    const length = ruleEnds[a] - ruleStarts[a];
    if (ruleEnds[b] - ruleStarts[b] !== length) return false;
    const x = ruleStarts[a];
    const y = ruleStarts[b];
    // From the end: rules of one chain often share a long beginning (a comment, a match).
    for (let k = length - 1; k >= 0; k--) if (text.charCodeAt(x + k) !== text.charCodeAt(y + k)) return false;
    return true;
  };
  const found: [number, number][] = [];
  let byHash: Map<number, number[]> | undefined;
  for (let at = 0; at < span; at++) {
    if (kinds[at] !== LineKind.Append || chainIds[at] === -1) continue;
    const chain = chainIds[at];
    if (counts[chain] < 2) continue;
    if (counts[chain] <= SMALL) {
      for (let other = previous[at]; other !== -1; other = previous[other]) {
        if (same(other, at)) {
          found.push([other, at]);
          break;
        }
      }
      continue;
    }
    // Large chains: by a hash of the chain, the length and the end of the text (where rules
    // of one chain differ most: the target), candidates compared in full.
    let hash = Math.imul(chain, 0x9e3779b1) ^ (ruleEnds[at] - ruleStarts[at]);
    for (let k = Math.max(ruleStarts[at], ruleEnds[at] - 32); k < ruleEnds[at]; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193) & 0x3fffffff;
    byHash ??= new Map();
    const earlier = byHash.get(hash);
    if (earlier === undefined) {
      byHash.set(hash, [at]);
      continue;
    }
    for (let k = earlier.length - 1; k >= 0; k--) {
      if (chainIds[earlier[k]] === chain && same(earlier[k], at)) {
        found.push([earlier[k], at]);
        break;
      }
    }
    earlier.push(at);
  }
  return found;
}

/**
 * Pairs (nearest earlier copy, later copy) of one chain's rules, in chain order, for tables
 * that insert, replace or delete rules: compared by the text ranges the walk recorded.
 */
function duplicates(text: string, walk: TableWalk, rules: readonly CommandLine[]): [CommandLine, CommandLine][] {
  const at = rules.map((line) => line.index - walk.base);
  const found: [CommandLine, CommandLine][] = [];
  const byText = new Map<string, number>();
  for (let j = 0; j < rules.length; j++) {
    const key = text.slice(walk.ruleStarts[at[j]], walk.ruleEnds[at[j]]);
    const i = byText.get(key);
    if (i !== undefined) found.push([rules[i], rules[j]]);
    byText.set(key, j);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// When a repeat is a real repeat

/** A second copy gives the same answer and does nothing new: no stateful match, no cumulative change. */
function repeatable(rule: RuleNode): boolean {
  if (rule.matches.some((m) => m.name !== null && STATEFUL_MATCHES.has(m.name))) return false;
  const target = rule.target;
  if (target === null) return true;
  const option = (name: string) => target.option(name)?.value ?? null;
  switch (target.name) {
    case "MARK": {
      const effect = markTargetEffect(target);
      return effect !== null && (effect.value & ~effect.mask) === 0;
    }
    case "CONNMARK":
    case "TOS": {
      if (option("--xor-mark") !== null || option("--xor-tos") !== null) return false;
      const xmark = option("--set-xmark") ?? option("--set-tos");
      if (xmark === null) return true;
      const vm = parseValueMask(xmark) ?? (parseUint32(xmark) !== null ? { value: parseUint32(xmark)!, mask: 0xff } : null);
      return vm !== null && (vm.value & ~vm.mask) === 0;
    }
    case "TTL":
    case "HL":
      return option("--ttl-set") !== null || option("--hl-set") !== null;
    default:
      return true;
  }
}

/** A rule between the copies that may change the packet or state a match reads (marks, addresses, sets, jumps). */
function mayChangePacket(walk: TableWalk, line: CommandLine): boolean {
  const target = walk.targetName(line);
  return target !== undefined && !walk.isGoto(line) && !HARMLESS.has(target);
}

function message(chain: string, earlier: CommandLine, rule: RuleNode, deletable: boolean): string {
  const target = rule.target;
  const fix = deletable
    ? "Fix: delete it (`iptlint fix --unsafe-fixes`; deleting a rule renumbers the rules after it and drops its counters), or correct it if it was meant to differ."
    : "Fix: delete it, or correct it if it was meant to differ.";
  let effect: string;
  if (target === null) effect = "it only counts the same packets again";
  else if (target.kind === "goto" || TERMINAL.has(target.name)) {
    effect = `every packet it matches was already taken by the earlier copy (\`${target.kind === "goto" ? "-g" : "-j"} ${target.name}\`), so it never matches`;
  } else if (target.name === "LOG" || target.name === "NFLOG" || target.name === "ULOG") {
    effect = "every packet it matches is logged twice";
  } else if (target.name === "MARK" || target.name === "CONNMARK") {
    effect = "it sets the same mark again";
  } else {
    effect = `the same packets go through \`-j ${target.name}\` a second time`;
  }
  return `This rule repeats the rule at ${lineOf(earlier)} of ${chain} word for word, and nothing between them changes the packet: ${effect}. ${fix}`;
}
