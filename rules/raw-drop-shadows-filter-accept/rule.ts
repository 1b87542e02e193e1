/**
 * raw-drop-shadows-filter-accept: a DROP in raw PREROUTING (or raw OUTPUT) that takes every
 * packet a later filter ACCEPT would take: the raw table runs first (priority -300, before
 * conntrack), so the ACCEPT never sees a packet. Docker 28's "direct access" drops
 * (`-d <container> ! -i <bridge> -j DROP`) make DOCKER-USER ACCEPTs for routed traffic dead this
 * way. Sure cases only: the ACCEPT's match set inside the DROP's, every earlier raw rule passing
 * those packets on, and no NAT that could give a packet the raw DROP let through the ACCEPT's
 * destination. See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import { NONE, type TableModel } from "../model/index.js";
import { targetClass, type Family, type Hook } from "../netfilter/index.js";
import { disjoint, dnatMayReach, implies, matchSetOf, type MatchSet } from "../packet/index.js";
import { lineOf } from "../report/index.js";
import type { RuleModule } from "../types.js";

const ID = "raw-drop-shadows-filter-accept";

/** The raw chain every packet of a filter hook passed first. */
const RAW_CHAIN_OF: Partial<Record<Hook, "PREROUTING" | "OUTPUT">> = { INPUT: "PREROUTING", FORWARD: "PREROUTING", OUTPUT: "OUTPUT" };

/** Targets in raw after which the packet goes on down the chain (observe, or change what no DROP here reads). */
const PASSES_ON = new Set(["CT", "NOTRACK", "MARK", "CONNMARK", "TRACE"]);

/** Targets that rewrite what a raw DROP may have tested, between raw and filter. */
const REWRITES_DESTINATION = ["DNAT", "REDIRECT", "NETMAP"];
const REWRITES_ANY = ["DNPT", "SNPT"];

interface RawDrop {
  line: CommandLine;
  set: MatchSet;
  /** Whether the DROP tests what DNAT rewrites (destination address or port). */
  testsDestination: boolean;
  /** The raw rules before it that may end the packet's walk of raw (ACCEPT, RETURN, a jump), with their sets. */
  before: MatchSet[];
}

export const rawDropShadowsFilterAccept: RuleModule = {
  id: ID,
  description: "a DROP in the raw table takes every packet a later filter ACCEPT would take: raw runs first, so the ACCEPT never sees a packet",
  severity: "warning",
  fixable: false,
  check(context) {
    const { model, document } = context;
    const tables = model.tables();
    const raw = tables.find((t) => t.table.name === "raw" && !t.partial);
    const filter = tables.find((t) => t.table.name === "filter" && !t.partial);
    // Without a known family, addresses read as IPv4: an IPv6 one then reads as nothing, and its rule decides nothing.
    const family = model.family()?.family ?? 4;
    if (raw === undefined || filter === undefined) return;
    if (REWRITES_ANY.some((target) => tables.some((t) => t.linesTargeting(target).length > 0))) return;
    const drops = { PREROUTING: rawDrops(raw, "PREROUTING", family), OUTPUT: rawDrops(raw, "OUTPUT", family) };
    if (drops.PREROUTING.length === 0 && drops.OUTPUT.length === 0) return;
    const nat = tables.find((t) => t.table.name === "nat");
    let dnats: (string | null)[] | undefined;
    const dnatTargets = (): (string | null)[] => (dnats ??= natDestinations(nat, document));

    const hooksOfChain = new Map<number, Hook[]>();
    for (const n of filter.linesTargeting("ACCEPT")) {
      const chain = filter.chainOf(n);
      if (chain === NONE || !filter.chains.keeps(n)) continue;
      let hooks = hooksOfChain.get(chain);
      if (hooks === undefined) hooksOfChain.set(chain, (hooks = filter.hooks.hooksOf(chain)));
      if (hooks.length === 0 || hooks.some((h) => RAW_CHAIN_OF[h] === undefined || drops[RAW_CHAIN_OF[h]!].length === 0)) continue;
      const line = document.line(n) as CommandLine;
      const accept = matchSetOf(line.view, family);
      if (!accept.decidable) continue;
      let first: { drop: RawDrop; chain: string } | null = null;
      for (const hook of hooks) {
        const rawChain = RAW_CHAIN_OF[hook]!;
        const drop = drops[rawChain].find((d) => covers(d, accept, family, dnatTargets));
        if (drop === undefined) {
          first = null;
          break;
        }
        first ??= { drop, chain: rawChain };
      }
      if (first === null) continue;
      context.report({
        range: line.range,
        message: `This ACCEPT never sees a packet: raw ${first.chain} drops all of them first (${lineOf(first.drop.line)}), as raw runs before filter`,
      });
    }
  },
};

/** The DROP rules of a raw built-in chain that every packet reaches unless an earlier rule took it. */
function rawDrops(raw: TableModel, chainName: "PREROUTING" | "OUTPUT", family: Family): RawDrop[] {
  const drops: RawDrop[] = [];
  const before: MatchSet[] = [];
  // The chain's kept rules in kernel order (a raw table has few).
  for (const line of raw.chains.get(chainName)?.rules ?? []) {
    const target = raw.target(line)?.name;
    if (target !== undefined && (PASSES_ON.has(target) || targetClass(target) === "observe")) continue;
    const set = matchSetOf(line.view, family);
    if (target === "DROP") {
      // A DROP testing conntrack state in raw (before conntrack) or the out interface (which a
      // reroute after raw OUTPUT may change) is left alone.
      if (set.decidable && !set.atoms.some((a) => a.field === "ctstate" || a.field === "out")) {
        drops.push({ line, set, testsDestination: set.atoms.some((a) => a.field === "destination" || a.field === "dport"), before: [...before] });
      }
      continue;
    }
    // An earlier DROP drops the packet too; anything else (ACCEPT, RETURN, a jump, a queue) may let it out of raw.
    if (target === "DROP") continue;
    before.push(set);
  }
  return drops;
}

/** Whether the raw DROP takes every packet the ACCEPT would: contained, not taken out of raw earlier, not rewritten into the ACCEPT. */
function covers(drop: RawDrop, accept: MatchSet, family: Family, dnatTargets: () => (string | null)[]): boolean {
  if (!implies(accept, drop.set)) return false;
  if (!drop.before.every((earlier) => disjoint(accept, earlier))) return false;
  if (drop.testsDestination && dnatTargets().some((to) => dnatMayReach(to, family, accept))) return false;
  return true;
}

/** Every destination rewrite in nat: a DNAT's `--to-destination`, null for one not read (REDIRECT, NETMAP, no option). */
function natDestinations(nat: TableModel | undefined, document: { line(n: number): unknown }): (string | null)[] {
  if (nat === undefined) return [];
  const out: (string | null)[] = [];
  for (const target of REWRITES_DESTINATION) {
    for (const n of nat.linesTargeting(target)) {
      if (target !== "DNAT") {
        out.push(null);
        continue;
      }
      const view = (document.line(n) as CommandLine).view;
      let to: string | null = null;
      for (let i = view.targetIndex() + 1; i < view.count; i++) if (view.name(i) === "--to-destination") to = view.value(i);
      out.push(to);
    }
  }
  return out;
}
