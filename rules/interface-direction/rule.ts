/**
 * interface-direction: `-o` (`--out-interface`) in PREROUTING or INPUT, `-i` (`--in-interface`)
 * in OUTPUT or POSTROUTING. iptables refuses the rule in the built-in chain itself (it checks
 * the chain's name); in a user chain it cannot tell, and the kernel compares the name with the
 * empty name of the interface the hook does not have: the rule never matches when every hook
 * that reaches the chain is of the wrong direction. See README.md beside this file.
 */
import type { CommandLine, LineView, Table } from "../../grammar/index.js";
import { lineNo, NONE, type HookReach, type LineIndex, type NameId } from "../model/index.js";
import { BLIND_HOOKS, BUILTIN_CHAINS, HOOKS, INTERFACE_OPTIONS, INTERFACE_REFUSED_IN as REFUSED_IN, type Direction, type Hook } from "../netfilter/index.js";
import { listOf } from "../report/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "interface-direction";

const SHORT: Readonly<Record<Direction, string>> = { in: "-i", out: "-o" };
const NAME: Readonly<Record<Direction, string>> = { in: "input", out: "output" };

/** A message names the paths (`INPUT → SERVICES → WEB`) while it stays this short, else the hooks alone. */
const MAX_MESSAGE_LENGTH = 160;

export const interfaceDirection: RuleModule = {
  id: ID,
  description: "`-o` in PREROUTING or INPUT, `-i` in OUTPUT or POSTROUTING: iptables refuses the rule; in a user chain reached only from such hooks, it never matches",
  severity: "error",
  fixable: false,
  check(context) {
    const index = context.model.lines;
    const lines = index.commandsWith({ options: [...INTERFACE_OPTIONS.in, ...INTERFACE_OPTIONS.out] });
    // Lines are in file order and a table's lines are together: take them table by table.
    for (let from = 0; from < lines.length; ) {
      const table = lines[from].table;
      let to = from;
      while (to < lines.length && lines[to].table === table) to++;
      checkTable(context, table, lines.slice(from, to), index);
      from = to;
    }
  },
};

/** Whether the line uses an interface option of this direction. */
const uses = (index: LineIndex, line: CommandLine, direction: Direction): boolean =>
  INTERFACE_OPTIONS[direction].some((option) => index.uses(lineNo(line), option));

interface Candidate {
  line: CommandLine;
  /** The directions of the interface options it has. */
  directions: Direction[];
}

function checkTable(context: RuleContext, table: Table, lines: CommandLine[], index: LineIndex): void {
  const builtins: readonly string[] = table.name === null ? HOOKS : (BUILTIN_CHAINS[table.name] ?? []);
  const inUserChains: Candidate[] = [];
  for (const line of lines) {
    const chain = line.chain;
    if (chain === null || !isRuleCommand(line)) continue;
    const refused = REFUSED_IN[chain];
    if (refused !== undefined) {
      if (uses(index, line, refused)) reportRefused(context, line, refused);
      continue;
    }
    // A built-in chain with both interfaces (FORWARD), or a rule deleted: nothing to weigh.
    if (builtins.includes(chain) || line.command === "delete") continue;
    const directions: Direction[] = [];
    if (uses(index, line, "out")) directions.push("out");
    if (uses(index, line, "in")) directions.push("in");
    if (directions.length) inUserChains.push({ line, directions });
  }
  if (inUserChains.length === 0) return;

  // Which hooks reach each chain, asked for all of them at once.
  const model = context.model.tableOf(table)!;
  const reach = model.hooks;
  const ids = [...new Set(inUserChains.map((c) => model.chainOf(lineNo(c.line))).filter((id): id is NameId => id !== NONE))];
  const reaching = reach.hooksReaching(reach.hooks, ids);
  const reachedFrom = new Map(ids.map((id, k) => [id, reaching[k]]));
  for (const { line, directions } of inUserChains) {
    const id = model.chainOf(lineNo(line));
    const from = id === NONE ? [] : (reachedFrom.get(id) ?? []);
    if (from.length === 0) continue;
    const blind = directions.filter((direction) => from.every((hook) => BLIND_HOOKS[direction].includes(hook)));
    if (blind.length) reportUseless(context, line, blind, from, reach);
  }
}

/** `-A`, `-I`, `-R`, `-D`: the commands iptables parses a rule for. */
const isRuleCommand = (line: CommandLine): boolean =>
  line.command === "append" || line.command === "insert" || line.command === "replace" || line.command === "delete";

/** The elements of a line that name an interface of this direction (generic options only). */
function interfaceElements(view: LineView, direction: Direction): number[] {
  const [short, long] = INTERFACE_OPTIONS[direction];
  const out: number[] = [];
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) === "generic" && (view.is(i, short) || view.is(i, long))) out.push(i);
  }
  return out;
}

/** As written: `! -o eth0`. */
const spelled = (view: LineView, i: number): string => view.written(i);

function reportRefused(context: RuleContext, line: CommandLine, direction: Direction): void {
  const view = line.view;
  const [at] = interfaceElements(view, direction);
  if (at === undefined) return;
  const chain = line.chain!;
  const option = SHORT[direction];
  context.report({
    range: view.range(at),
    message:
      `\`${spelled(view, at)}\` in ${chain}, which has no ${NAME[direction]} interface: iptables-restore refuses it ` +
      `("Can't use ${option} with ${chain}"), loading no table from this one on`,
  });
}

/**
 * Reports the line's first option, of a direction none of the hooks reaching its chain has, that
 * never matches; else its first that is always true (negated). One finding per line.
 */
function reportUseless(context: RuleContext, line: CommandLine, directions: Direction[], from: readonly Hook[], reach: HookReach): void {
  const view = line.view;
  let never: { at: number; direction: Direction } | null = null;
  let always: { at: number; direction: Direction } | null = null;
  for (const direction of directions) {
    for (const at of interfaceElements(view, direction)) {
      // `-o +` matches every name, the empty one too (iptables leaves it out of the rule).
      if (view.value(at) === "+") continue;
      if (view.negated(at)) {
        if (always === null || at < always.at) always = { at, direction };
      } else if (never === null || at < never.at) {
        never = { at, direction };
      }
    }
  }
  const found = never ?? always;
  if (found === null) return;
  const { at, direction } = found;
  const chain = line.chain!;
  const written = spelled(view, at);
  const paths = listOf(from.map((hook) => reach.path(chain, hook).join(" → ")));
  const lacks = `${from.length === 1 ? "has" : "have"} no ${NAME[direction]} interface`;
  const effect = never !== null ? "the rule never matches" : "it is always true and tests nothing";
  const withPaths = `\`${written}\` in ${chain}, reached only from ${paths}: ${listOf(from)} ${lacks}, so ${effect}`;
  const message = withPaths.length <= MAX_MESSAGE_LENGTH ? withPaths : `\`${written}\` in ${chain}, reached only from ${listOf(from)}, which ${lacks}: ${effect}`;
  context.report({ range: view.range(at), severity: "warning", message });
}
