/**
 * target-not-allowed-here: a target in a table or at a hook where the kernel refuses it
 * (MASQUERADE outside nat POSTROUTING, REJECT outside filter, ...). A rule in a user chain is
 * judged by the built-in chains that reach the chain through jumps and gotos. See README.md
 * beside this file, and bindings.ts for the measured table.
 */
import type { CommandLine, Severity, SourceRange, Table } from "../../grammar/index.js";
import { chainsOf, isUserChain } from "../shared/chains.js";
import { HOOKS, reachability, type Hook } from "../shared/hooks.js";
import { BUILTIN_CHAINS } from "../shared/netfilter.js";
import { backendOf, rulesetFamily, type Backend } from "../shared/origin.js";
import { LineKind as WalkKind, chainGraph, walkTable } from "../shared/reach.js";
import { LineView, documentIndex } from "../shared/scan.js";
import type { RuleContext, RuleModule } from "../types.js";
import { BINDINGS, BOUND_TARGETS, type Binding } from "./bindings.js";

const ID = "target-not-allowed-here";

export const targetNotAllowedHere: RuleModule = {
  id: ID,
  description: "a target in a table or chain where the kernel refuses it (MASQUERADE outside nat POSTROUTING, REJECT outside filter, ...): the ruleset does not load",
  severity: "error",
  fixable: false,
  check(context) {
    const { document } = context;
    const index = documentIndex(document);
    const facts: Facts = { backend: null, xtables: "ip_tables" };
    let known = false;
    for (const name of BOUND_TARGETS) {
      const numbers = index.targetLineNumbers(name);
      if (numbers.length === 0) continue;
      if (!known) {
        known = true;
        facts.backend = backendOf(document);
        facts.xtables = rulesetFamily(document)?.family === 6 ? "ip6_tables" : "ip_tables";
      }
      // Lines are in file order and a table's lines are together: take them table by table,
      // by line number (kube-proxy's 50,000 DNAT rules need no nodes unless reported).
      for (const table of document.tables) {
        if (table.name === null) continue;
        const walk = walkTable(document, table);
        const commands: number[] = [];
        for (const n of numbers) {
          const kind = walk.kinds[n - walk.base];
          if (kind !== undefined && kind !== WalkKind.None && kind !== WalkKind.Declaration) commands.push(n);
        }
        if (commands.length > 0) checkTable(context, table, name, BINDINGS[name], commands, facts);
      }
    }
  },
};

/** Above this many rules with one target in a table, the hooks are checked by walking forward from each forbidden hook. */
const FORWARD_LIMIT = 16;

function checkTable(context: RuleContext, table: Table, name: string, binding: Binding, numbers: number[], facts: Facts): void {
  const { document } = context;
  // `-j NAME` jumps to the user chain NAME when there is one (the full chain list is made only then).
  const walk = walkTable(document, table);
  const id = walk.names.find(name);
  if (id !== -1 && !walk.isBuiltin(id) && chainGraph(document, table).exists(id)) {
    const jumped = chainsOf(document, table).get(name);
    if (jumped && isUserChain(jumped)) return;
  }
  const node = (n: number) => document.line(n) as CommandLine;
  const applies = (n: number) =>
    walk.kinds[n - walk.base] !== WalkKind.Delete &&
    walk.chainIds[n - walk.base] !== -1 &&
    (!binding.whenOption || hasTargetOption(node(n), binding.whenOption));

  if (binding.tables && !binding.tables.includes(table.name!)) {
    for (const n of numbers) if (applies(n)) reportTable(context, node(n), name, binding, facts);
    return;
  }
  if (!binding.hooks) return;
  const builtins = BUILTIN_CHAINS[table.name!] ?? [];
  const forbidden = HOOKS.filter((hook) => builtins.includes(hook) && !binding.hooks!.includes(hook));
  if (forbidden.length === 0) return;
  const reach = reachability(document, table);

  // Which rules (by line number) each forbidden hook reaches.
  const wrongHooks = new Map<number, Hook[]>();
  if (numbers.length > FORWARD_LIMIT) {
    // Many rules (kube-proxy's DNAT in every KUBE-SEP chain): walk forward once from each
    // forbidden hook, then ask for each rule's chain by its id.
    const graph = chainGraph(document, table);
    const hookIds = forbidden.map((hook) => walk.names.find(hook));
    for (const n of numbers) {
      if (!applies(n) || !graph.keeps({ index: n })) continue;
      const chain = walk.chainIds[n - walk.base];
      for (let k = 0; k < forbidden.length; k++) {
        const hook = forbidden[k];
        if (chain !== hookIds[k] && !reach.reachesId(hook, chain)) continue;
        const hooks = wrongHooks.get(n);
        if (hooks) hooks.push(hook);
        else wrongHooks.set(n, [hook]);
      }
    }
  } else {
    const asked = new Map<Hook, number>(forbidden.map((hook) => [hook, numbers.length]));
    reach.plan(asked);
    for (const n of numbers) {
      if (!applies(n)) continue;
      const chain = node(n).chain!;
      const wrong = builtins.includes(chain) ? forbidden.filter((hook) => hook === chain) : forbidden.filter((hook) => reach.reaches(hook, chain));
      if (wrong.length) wrongHooks.set(n, wrong);
    }
  }
  for (const [n, wrong] of [...wrongHooks].sort((a, b) => a[0] - b[0])) {
    const line = node(n);
    const chain = line.chain!;
    const isBuiltin = builtins.includes(chain);
    // The kernel's message names every hook the rule is used from, allowed or not.
    const used = isBuiltin ? wrong : HOOKS.filter((hook) => wrong.includes(hook) || (builtins.includes(hook) && reach.reaches(hook, chain)));
    reportHooks(context, { line, name, binding, forbidden }, wrong, facts, used);
  }
}

interface Facts {
  backend: Backend | null;
  /** `ip_tables` or `ip6_tables`, as the kernel names itself in its messages. */
  xtables: string;
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
  const view = new LineView(line);
  const target = view.targetIndex();
  if (target === -1) return false;
  for (let i = target + 1; i < view.count; i++) if (view.is(i, option)) return true;
  return false;
}

/** The `-j NAME` of the line. */
function targetRange(line: CommandLine): SourceRange {
  const view = new LineView(line);
  const at = view.targetIndex();
  return at === -1 ? line.range : view.range(at);
}

function reportTable(context: RuleContext, line: CommandLine, name: string, binding: Binding, facts: Facts): void {
  const tables = binding.tables!;
  const tableName = line.table.name!;
  const kernelName = binding.kernelName ?? name;
  const where = tables.length === 1 ? `the ${tables[0]} table` : `the ${tables.join(" or ")} tables`;
  const logged =
    binding.style === "secmark"
      ? `xt_${kernelName}: only valid in ${tables.map((t) => `'${t}'`).join(" or ")} table, not '${tableName}'`
      : `x_tables: ${facts.xtables}: ${kernelName} target: only valid in ${tables[0]} table, not ${tableName}`;
  let severity: Severity = "error";
  let message = `${name} is only valid in ${where}, not ${tableName}: the kernel refuses the rule ("${logged}") and ${howItFails(line, binding.tableLegacyOnly)}`;
  if (binding.tableLegacyOnly) {
    message += ` Only iptables-legacy refuses it: iptables-nft loads ${name} in any table.`;
    if (facts.backend === "nft") {
      severity = "warning";
      message += " Reported as a warning: this dump comes from iptables-nft.";
    }
  }
  context.report({ range: targetRange(line), severity, message: `${message} Move the rule to ${where}.` });
}

function reportHooks(context: RuleContext, p: Pending, wrong: Hook[], facts: Facts, used: Hook[]): void {
  const { line, name, binding } = p;
  const chain = line.chain!;
  const table = line.table;
  const isBuiltin = (BUILTIN_CHAINS[table.name!] ?? []).includes(chain);
  const allowed = binding.hooks!.join("/");
  const reach = isBuiltin ? null : reachability(context.document, table);
  const logged =
    binding.style === "tcpmss"
      ? "xt_TCPMSS: path-MTU clamping only supported in FORWARD, OUTPUT and POSTROUTING hooks"
      : `x_tables: ${facts.xtables}: ${binding.kernelName ?? name} target: used from hooks ${used.join("/")}, but only usable from ${allowed}`;
  const what = binding.whenOption ? `${name} ${binding.whenOption}` : name;
  const legacyOnly = binding.hooksCheckedInBuiltinOnlyByNft === true && !isBuiltin;
  let message: string;
  if (reach === null) {
    message = `${what} is only usable from ${allowed}, not ${chain}: the kernel refuses the rule ("${logged}") and ${howItFails(line, legacyOnly)}`;
  } else {
    const paths = wrong.map((hook) => reach.path(chain, hook).join(" → "));
    message =
      `${what} is only usable from ${allowed}, but ${chain} is reached from ${wrong.join(" and ")} (${paths.join("; ")}): ` +
      `the kernel checks a rule in a user chain against every hook that reaches the chain, refuses this one ("${logged}") and ${howItFails(line, legacyOnly)}`;
  }
  let severity: Severity = "error";
  if (legacyOnly) {
    message += ` Only iptables-legacy refuses it: iptables-nft checks ${binding.whenOption ?? name} only in a built-in chain.`;
    if (facts.backend === "nft") {
      severity = "warning";
      message += " Reported as a warning: this dump comes from iptables-nft.";
    }
  }
  message += reach === null ? ` Move the rule to ${allowed}.` : ` Jump to ${chain} only from ${allowed}, or move the rule.`;
  context.report({ range: targetRange(line), severity, message });
}

/** What iptables-restore prints when the kernel refuses a rule of this table. */
function howItFails(line: CommandLine, legacyOnly = false): string {
  const commit = line.table.commit ? line.table.commit.index + 1 : null;
  const legacy = commit === null ? "iptables-legacy-restore fails at COMMIT" : `iptables-legacy-restore fails with "line ${commit} failed" (the COMMIT)`;
  const nft = legacyOnly ? "" : `, iptables-nft-restore with "line ${line.index + 1}: RULE_APPEND failed (Invalid argument): rule in chain ${line.chain}"`;
  return `the whole table fails to load: ${legacy}${nft}. \`iptables-restore --test\` does not notice: only the kernel checks this.`;
}
