/**
 * target-not-allowed-here: a target in a table or at a hook where the kernel refuses it
 * (MASQUERADE outside nat POSTROUTING, REJECT outside filter, ...). A rule in a user chain is
 * judged by the built-in chains that reach the chain through jumps and gotos. See README.md
 * beside this file, and bindings.ts for the measured table.
 */
import type { CommandLine, SourceRange } from "../../grammar/index.js";
import { NONE, RestoreStep, type Backend, type LineNo, type NameId, type TableModel } from "../model/index.js";
import { BINDINGS, BOUND_TARGETS, BUILTIN_CHAINS, HOOKS, NAT_DROP_REFUSED, type Binding, type Hook } from "../netfilter/index.js";
import { chainReachedFrom, kernelRefusal } from "../report/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "target-not-allowed-here";

export const targetNotAllowedHere: RuleModule = {
  id: ID,
  description: "a target in a table or chain where the kernel refuses it (MASQUERADE outside nat POSTROUTING, REJECT outside filter, ...): the ruleset does not load",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const facts: Facts = { backend: null };
    let known = false;
    for (const name of BOUND_TARGETS) {
      const numbers = model.lines.linesTargeting(name);
      if (numbers.length === 0) continue;
      if (!known) {
        known = true;
        facts.backend = model.backend();
      }
      // Lines are in file order and a table's lines are together: take them table by table,
      // by line number (kube-proxy's 50,000 DNAT rules need no nodes unless reported).
      for (const table of document.tables) {
        if (table.name === null) continue;
        const tableModel = model.tableOf(table)!;
        const commands = numbers.filter((n) => {
          const step = tableModel.stepOf(n);
          return step !== RestoreStep.None && step !== RestoreStep.Declaration;
        });
        if (commands.length > 0) checkTable(context, tableModel, name, BINDINGS[name], commands, facts);
      }
    }
    for (const table of document.tables) if (table.name === "nat") checkDropInNat(context, model.tableOf(table)!);
  },
};

/**
 * `-j DROP` in the nat table: iptables itself refuses the line, both backends, v4 and v6, whatever
 * the command (`-D` too) and chain (measured).
 */
function checkDropInNat(context: RuleContext, table: TableModel): void {
  for (const n of table.linesTargeting("DROP")) {
    const line = context.document.line(n);
    if (line.kind !== "command") continue;
    context.report({ range: targetRange(line), message: `\`${line.view.written(line.view.targetIndex())}\` in nat: iptables refuses the line ("${NAT_DROP_REFUSED}")` });
  }
}

function checkTable(context: RuleContext, table: TableModel, name: string, binding: Binding, numbers: LineNo[], facts: Facts): void {
  const { document } = context;
  const tableName = table.table.name!;
  // `-j NAME` jumps to the user chain NAME when there is one.
  if (table.chains.isUserChain(name)) return;
  const node = (n: LineNo) => document.line(n) as CommandLine;
  const applies = (n: LineNo) =>
    table.stepOf(n) !== RestoreStep.Delete && table.chainOf(n) !== NONE && (!binding.whenOption || hasTargetOption(node(n), binding.whenOption));

  if (binding.tables && !binding.tables.includes(tableName)) {
    for (const n of numbers) if (applies(n)) reportTable(context, node(n), name, binding, facts);
    return;
  }
  if (!binding.hooks) return;
  const builtins = BUILTIN_CHAINS[tableName] ?? [];
  const forbidden = HOOKS.filter((hook) => builtins.includes(hook) && !binding.hooks!.includes(hook));
  if (forbidden.length === 0) return;

  // The rules the table keeps (a rule deleted later never reaches the kernel), and which of
  // the forbidden hooks reach each one's chain: asked all at once, so that the model walks
  // each hook once for kube-proxy's 50,000 DNAT rules.
  const kept: LineNo[] = [];
  const chains: NameId[] = [];
  for (const n of numbers) {
    const chain = table.chainOf(n);
    if (chain === NONE || !applies(n) || !table.chains.keeps(n)) continue;
    kept.push(n);
    chains.push(chain);
  }
  const reaching = table.hooks.hooksReaching(forbidden, chains);
  kept.forEach((n, k) => {
    const wrong = reaching[k];
    if (wrong.length === 0) return;
    const line = node(n);
    const chain = line.chain!;
    const isBuiltin = builtins.includes(chain);
    // The kernel's message names every hook the rule is used from, allowed or not.
    const used = isBuiltin ? wrong : HOOKS.filter((hook) => wrong.includes(hook) || (builtins.includes(hook) && table.hooks.reaches(hook, chain)));
    reportHooks(context, table, { line, name, binding, forbidden }, wrong, facts, used);
  });
}

interface Facts {
  backend: Backend | null;
}

interface Pending {
  line: CommandLine;
  name: string;
  binding: Binding;
  /** The table's hooks the target may not be used from. */
  forbidden: Hook[];
}

function hasTargetOption(line: CommandLine, option: string): boolean {
  if (!line.text.includes(option)) return false;
  const view = line.view;
  const target = view.targetIndex();
  if (target === -1) return false;
  for (let i = target + 1; i < view.count; i++) if (view.is(i, option)) return true;
  return false;
}

/** The `-j NAME` of the line. */
function targetRange(line: CommandLine): SourceRange {
  const view = line.view;
  const at = view.targetIndex();
  return at === -1 ? line.range : view.range(at);
}

function reportTable(context: RuleContext, line: CommandLine, name: string, binding: Binding, facts: Facts): void {
  const tables = binding.tables!;
  const tableName = line.table.name!;
  const kernelName = binding.kernelName ?? name;
  const logged =
    binding.style === "secmark"
      ? `xt_${kernelName}: only valid in ${tables.map((t) => `'${t}'`).join(" or ")} table, not '${tableName}'`
      : `${kernelName} target: only valid in ${tables[0]} table, not ${tableName}`;
  const legacyOnly = binding.tableLegacyOnly === true;
  context.report({
    range: targetRange(line),
    severity: legacyOnly && facts.backend === "nft" ? "warning" : "error",
    message: `\`-j ${name}\` in ${tableName}: ${howItFails(logged, legacyOnly, facts)}`,
  });
}

function reportHooks(context: RuleContext, table: TableModel, p: Pending, wrong: readonly Hook[], facts: Facts, used: readonly Hook[]): void {
  const { line, name, binding } = p;
  const chain = line.chain!;
  const isBuiltin = (BUILTIN_CHAINS[table.table.name!] ?? []).includes(chain);
  const allowed = binding.hooks!.join("/");
  const logged =
    binding.style === "tcpmss"
      ? "path-MTU clamping only supported in FORWARD, OUTPUT and POSTROUTING hooks"
      : `${binding.kernelName ?? name} target: used from hooks ${used.join("/")}, but only usable from ${allowed}`;
  const what = binding.whenOption ? `${name} ${binding.whenOption}` : name;
  const legacyOnly = binding.hooksCheckedInBuiltinOnlyByNft === true && !isBuiltin;
  const where = chainReachedFrom(table, chain, isBuiltin, wrong);
  context.report({
    range: targetRange(line),
    severity: legacyOnly && facts.backend === "nft" ? "warning" : "error",
    message: `\`-j ${what}\` in ${where}: ${howItFails(logged, legacyOnly, facts)}`,
  });
}

/** What the kernel's refusal of a rule does to the table, with the kernel's words (`dmesg`). */
const howItFails = (logged: string, legacyOnly: boolean, facts: Facts): string => kernelRefusal(logged, legacyOnly, facts.backend);
