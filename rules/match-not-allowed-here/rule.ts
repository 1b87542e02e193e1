/**
 * match-not-allowed-here: a match in a table or at a hook where the kernel refuses it (`owner`
 * outside OUTPUT and POSTROUTING, `addrtype --limit-iface-in` in OUTPUT, `rpfilter` outside
 * raw and mangle PREROUTING, ...). A rule in a user chain is judged by the built-in chains that
 * reach the chain. The places are netfilter/places.ts, measured. See README.md beside this file.
 */
import type { CommandLine, LineView, SourceRange } from "../../grammar/index.js";
import { NONE, RestoreStep, type Backend, type LineNo, type NameId, type TableModel, type WatchedModule } from "../model/index.js";
import { BUILTIN_CHAINS, HOOKS, limitHolds, matchPlaces, PLACED_MATCHES, placeRefusal, type Family, type Hook, type MatchOption, type PlaceLimit } from "../netfilter/index.js";
import { chainReachedFrom, kernelRefusal } from "../report/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "match-not-allowed-here";

export const matchNotAllowedHere: RuleModule = {
  id: ID,
  description: "a match in a table or chain where the kernel refuses it (`-m owner` outside OUTPUT and POSTROUTING, `-m rpfilter` outside raw and mangle PREROUTING, ...): the ruleset does not load",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const numbers = model.lines.linesWith({ modules: PLACED_MATCHES as WatchedModule[] });
    if (numbers.length === 0) return;
    const facts: Facts = { family: model.family()?.family ?? null, backend: model.backend() };
    for (const table of document.tables) {
      if (table.name === null) continue;
      const tableModel = model.tableOf(table)!;
      const uses: Use[] = [];
      for (const n of numbers) {
        const step = tableModel.stepOf(n);
        if (step === RestoreStep.None || step === RestoreStep.Declaration || step === RestoreStep.Delete || tableModel.chainOf(n) === NONE) continue;
        const line = document.line(n);
        if (line.kind === "command") uses.push(...usesOf(line, n, facts.family));
      }
      if (uses.length > 0) checkTable(context, tableModel, uses, facts);
    }
  },
};

interface Facts {
  /** Null when nothing tells: a limit that differs between the families is then not checked. */
  family: Family | null;
  backend: Backend | null;
}

/** A placed match on a line, and a limit of its that holds for the options it has. */
interface Use {
  n: LineNo;
  line: CommandLine;
  match: string;
  limit: PlaceLimit;
  /** What the message calls it: `-m owner`, `-m policy --dir in`. */
  written: string;
  range: SourceRange;
}

/** The limits holding for each placed match of the line, the same for both families when the family is not known. */
function usesOf(line: CommandLine, n: LineNo, family: Family | null): Use[] {
  const view = line.view;
  const uses: Use[] = [];
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "match") continue;
    const match = view.value(i);
    if (match === null || !PLACED_MATCHES.includes(match)) continue;
    const limits = limitsOf(match, family);
    for (const limit of limits) {
      const find = optionFinder(view);
      if (!limitHolds(limit, find)) continue;
      const option = limit.when?.options.find((o) => find(o) !== null);
      const at = option === undefined ? i : optionIndex(view, option);
      const value = limit.when?.value === undefined ? "" : ` ${limit.when.value}`;
      uses.push({ n, line, match, limit, written: `-m ${match}${option === undefined ? "" : ` ${option}${value}`}`, range: view.range(at) });
    }
  }
  return uses;
}

/** The match's limits in the family, or in both when they are the same there (none when unsure). */
function limitsOf(match: string, family: Family | null): readonly PlaceLimit[] {
  if (family !== null) {
    const places = matchPlaces(match, family);
    return places?.kind === "limited" ? places.limits : [];
  }
  const v4 = matchPlaces(match, 4);
  const v6 = matchPlaces(match, 6);
  if (v4?.kind !== "limited" || v6?.kind !== "limited" || v4.limits !== v6.limits) return [];
  return v4.limits;
}

function optionIndex(view: LineView, option: string): number {
  for (let i = 0; i < view.count; i++) if (view.role(i) === "module" && view.is(i, option)) return i;
  return -1;
}

/** The line's match options by name: the options these limits ask about belong to one match each. */
const optionFinder =
  (view: LineView) =>
  (option: string): MatchOption | null => {
    const i = optionIndex(view, option);
    return i === -1 ? null : { value: view.value(i), negated: view.negated(i) };
  };

function checkTable(context: RuleContext, table: TableModel, uses: Use[], facts: Facts): void {
  const tableName = table.table.name!;
  const builtins = BUILTIN_CHAINS[tableName] ?? [];
  // The hooks reaching each use's chain that its limit forbids, asked for all uses of a limit at
  // once (the model walks each hook once for many chains).
  const wrongOf = new Map<Use, readonly Hook[]>();
  const byLimit = new Map<PlaceLimit, Use[]>();
  for (const use of uses) {
    if (!use.limit.hooks || !table.chains.keeps(use.n)) continue;
    byLimit.set(use.limit, [...(byLimit.get(use.limit) ?? []), use]);
  }
  for (const [limit, group] of byLimit) {
    const forbidden = HOOKS.filter((hook) => builtins.includes(hook) && !limit.hooks!.includes(hook));
    if (forbidden.length === 0) continue;
    const chains = group.map((use) => table.chainOf(use.n) as NameId);
    const reaching = table.hooks.hooksReaching(forbidden, chains);
    group.forEach((use, k) => wrongOf.set(use, reaching[k]));
  }
  // The kernel checks a rule's matches in order, each limit in order (x_tables' hooks before
  // the match's own checks): the first refusal is the one it logs, and the only one reported.
  const refused = new Set<LineNo>();
  for (const use of uses) {
    if (refused.has(use.n)) continue;
    const { limit } = use;
    if (limit.tables && !limit.tables.includes(tableName)) {
      refused.add(use.n);
      report(context, use, tableName, placeRefusal(limit, use.match, tableName, []), false, facts);
      continue;
    }
    const wrong = wrongOf.get(use);
    if (wrong === undefined || wrong.length === 0) continue;
    refused.add(use.n);
    const chain = use.line.chain!;
    const isBuiltin = builtins.includes(chain);
    // The kernel names every hook the rule is used from, allowed or not.
    const used: Hook[] = isBuiltin ? [...wrong] : HOOKS.filter((hook) => wrong.includes(hook) || (builtins.includes(hook) && table.hooks.reaches(hook, chain)));
    const legacyOnly = limit.hooksCheckedInBuiltinOnlyByNft === true && !isBuiltin;
    report(context, use, chainReachedFrom(table, chain, isBuiltin, wrong), placeRefusal(limit, use.match, tableName, used), legacyOnly, facts);
  }
}

/** The longest message: one that quotes the kernel may pass the usual 160 characters. */
const MAX_MESSAGE = 180;

function report(context: RuleContext, use: Use, where: string, logged: string | null, legacyOnly: boolean, facts: Facts): void {
  const compose = (at: string, words: string | null) => `\`${use.written}\` in ${at}: ${kernelRefusal(words, legacyOnly, facts.backend)}`;
  let message = compose(where, logged);
  // physdev's long words in a user chain: the paths give way first, then the end of the quote.
  const chain = use.line.chain ?? where;
  if (message.length > MAX_MESSAGE && where !== chain && where.startsWith(chain)) message = compose((where = chain), logged);
  if (message.length > MAX_MESSAGE && logged !== null) {
    const cut = logged.slice(0, logged.length - (message.length - MAX_MESSAGE) - 1);
    message = compose(where, `${cut.slice(0, cut.lastIndexOf(" "))}…`);
  }
  context.report({ range: use.range, severity: legacyOnly && facts.backend === "nft" ? "warning" : "error", message });
}
