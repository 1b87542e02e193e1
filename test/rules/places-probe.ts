/**
 * Measuring where the kernel accepts each match (rules/netfilter/places.ts): a sample rule for
 * every match of iptables 1.8.9 (and for each option that changes its places), loaded into a
 * built-in chain, a user chain reached from one, or a user chain nothing reaches, and what the
 * place table predicts for it. Used by test/rules/places.test.ts (a share, in `npm test`) and
 * test/conformance/places.test.ts (every placement, `npm run conformance`).
 */
import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { BUILTIN_CHAINS, limitHolds, matchPlaces, type Hook, type MatchOption, type PlaceLimit } from "../../rules/netfilter/index.js";
import type { Backend, Family, Namespace } from "../helpers/netfilter.js";
import { load } from "./load-checks.js";

/** A rule that loads wherever the match may be: `-p` first, the match's options by family. */
export interface Sample {
  match: string;
  /** What the sample is about, beyond the match itself (`--limit-iface-in`). */
  variant?: string;
  before?: string;
  v4?: string;
  v6?: string;
  /** A rule the sample needs before it in its chain (the estimator of `-m rateest`). */
  pre?: string;
}

const both = (match: string, options: string, extra: Partial<Sample> = {}): Sample => ({ match, v4: options, v6: options, ...extra });

export const SAMPLES: readonly Sample[] = [
  both("addrtype", "--src-type LOCAL"),
  both("addrtype", "--src-type LOCAL --limit-iface-in", { variant: "--limit-iface-in" }),
  both("addrtype", "--src-type LOCAL --limit-iface-out", { variant: "--limit-iface-out" }),
  both("ah", "--ahspi 1", { before: "-p ah" }),
  both("bpf", '--bytecode "1,6 0 0 65535"'),
  both("cgroup", "--cgroup 1"),
  both("cluster", "--cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 0xdeadbeef"),
  both("comment", "--comment x"),
  both("connbytes", "--connbytes 10 --connbytes-dir both --connbytes-mode bytes"),
  both("connlabel", "--label 1"),
  both("connlimit", "--connlimit-above 2"),
  both("connmark", "--mark 1"),
  both("conntrack", "--ctstate ESTABLISHED"),
  both("cpu", "--cpu 0"),
  both("dccp", "--dport 1", { before: "-p dccp" }),
  both("devgroup", "--src-group 1", { variant: "--src-group" }),
  both("devgroup", "--dst-group 1", { variant: "--dst-group" }),
  both("dscp", "--dscp 1"),
  both("ecn", "--ecn-ip-ect 1"),
  both("esp", "--espspi 1", { before: "-p esp" }),
  { match: "hashlimit", v4: "--hashlimit-upto 1/sec --hashlimit-name probe4", v6: "--hashlimit-upto 1/sec --hashlimit-name probe6" },
  both("helper", "--helper ftp"),
  both("ipcomp", "--ipcompspi 1", { before: "-p 108" }),
  { match: "iprange", v4: "--src-range 10.0.0.1-10.0.0.2", v6: "--src-range 2001:db8::1-2001:db8::2" },
  both("ipvs", "--ipvs"),
  both("length", "--length 1:2"),
  both("limit", "--limit 1/sec"),
  both("mac", "--mac-source 00:11:22:33:44:55"),
  both("mark", "--mark 1"),
  both("multiport", "--dports 1,2", { before: "-p tcp" }),
  both("nfacct", "--nfacct-name probe"),
  { match: "osf", before: "-p tcp", v4: "--genre Linux" },
  both("owner", "--uid-owner 0"),
  both("physdev", "--physdev-in eth0"),
  both("physdev", "--physdev-out eth0", { variant: "--physdev-out" }),
  both("physdev", "--physdev-is-out", { variant: "--physdev-is-out" }),
  both("physdev", "--physdev-out eth0 --physdev-is-bridged", { variant: "--physdev-out --physdev-is-bridged" }),
  both("physdev", "--physdev-out eth0 ! --physdev-is-bridged", { variant: "--physdev-out ! --physdev-is-bridged" }),
  both("pkttype", "--pkt-type unicast"),
  both("policy", "--dir in --pol none", { variant: "--dir in" }),
  both("policy", "--dir out --pol none", { variant: "--dir out" }),
  both("quota", "--quota 100"),
  both("rateest", "--rateest probe --rateest-gt --rateest-bps 1", { pre: "-j RATEEST --rateest-name probe --rateest-interval 250ms --rateest-ewmalog 500ms" }),
  both("recent", "--name probe --rcheck"),
  both("rpfilter", ""),
  both("sctp", "--dport 1", { before: "-p sctp" }),
  { match: "set", v4: "--match-set probe4 src", v6: "--match-set probe6 src" },
  both("socket", ""),
  both("state", "--state ESTABLISHED"),
  both("statistic", "--mode random --probability 0.5"),
  both("string", "--algo bm --string x"),
  both("tcp", "--dport 1", { before: "-p tcp" }),
  both("tcpmss", "--mss 1", { before: "-p tcp" }),
  both("time", "--timestart 00:00"),
  both("tos", "--tos 0x10"),
  both("u32", '--u32 "0&0xFFFF=0x100:0xFFFF"'),
  both("udp", "--dport 1", { before: "-p udp" }),
  { match: "icmp", before: "-p icmp", v4: "--icmp-type 8" },
  { match: "realm", v4: "--realm 1" },
  { match: "ttl", v4: "--ttl-eq 1" },
  { match: "dst", v6: "--dst-len 0" },
  { match: "eui64", v6: "" },
  { match: "frag", v6: "--fragid 1" },
  { match: "hbh", v6: "--hbh-len 0" },
  { match: "hl", v6: "--hl-eq 1" },
  { match: "icmp6", before: "-p ipv6-icmp", v6: "--icmpv6-type 128" },
  { match: "ipv6header", v6: "--header hop" },
  { match: "mh", before: "-p mh", v6: "--mh-type 1" },
  { match: "rt", v6: "--rt-type 0" },
  { match: "srh", v6: "--srh-next-hdr 17" },
];

export const nameOf = (s: Sample): string => `-m ${s.match}${s.variant ? ` ${s.variant}` : ""}`;

/** Where a sample is loaded: a built-in chain, a user chain it jumps to, or a user chain nothing reaches. */
export interface Placement {
  table: string;
  chain: Hook;
  how: "builtin" | "reached" | "unreached";
}

export const describe = (p: Placement): string => (p.how === "builtin" ? `${p.table} ${p.chain}` : p.how === "reached" ? `${p.table} ${p.chain} → U` : `${p.table} unreached U`);

/** Every placement: each built-in chain of each table, a user chain reached from each, an unreached one per table. */
export function allPlacements(): Placement[] {
  return Object.entries(BUILTIN_CHAINS).flatMap(([table, chains]) => [
    ...chains.map((chain): Placement => ({ table, chain: chain as Hook, how: "builtin" })),
    ...chains.map((chain): Placement => ({ table, chain: chain as Hook, how: "reached" })),
    { table, chain: chains[0] as Hook, how: "unreached" },
  ]);
}

export const optionsOf = (s: Sample, family: Family): string | undefined => (family === 4 ? s.v4 : s.v6);

/** The sample's rule (without `-A CHAIN`). */
export const ruleOf = (s: Sample, family: Family): string => [s.before, `-m ${s.match}`, optionsOf(s, family), "-j ACCEPT"].filter(Boolean).join(" ");

/** The sample's lines in a chain. */
const linesIn = (s: Sample, family: Family, chain: string): string => `${s.pre ? `-A ${chain} ${s.pre}\n` : ""}-A ${chain} ${ruleOf(s, family)}\n`;

/** A ruleset with the sample at the placement. */
export function rulesetFor(s: Sample, family: Family, p: Placement): string {
  if (p.how === "builtin") return `*${p.table}\n${linesIn(s, family, p.chain)}COMMIT\n`;
  const jump = p.how === "reached" ? `-A ${p.chain} -j U\n` : "";
  return `*${p.table}\n:U - [0:0]\n${jump}${linesIn(s, family, "U")}COMMIT\n`;
}

/** The match's options in a sample, as the rule reads them. */
function finder(s: Sample, family: Family): (option: string) => MatchOption | null {
  const words = (optionsOf(s, family) ?? "").split(" ");
  return (option) => {
    const at = words.indexOf(option);
    if (at === -1) return null;
    const next = words[at + 1];
    return { value: next === undefined || next.startsWith("-") || next === "!" ? null : next, negated: words[at - 1] === "!" };
  };
}

export type Outcome = "loads" | "refused";

/**
 * The limit of places.ts that refuses the sample at the placement: null when it loads there,
 * "unknown" when the match was not measured.
 */
export function refusingLimit(s: Sample, family: Family, backend: Backend, p: Placement): PlaceLimit | null | "unknown" {
  const places = matchPlaces(s.match, family);
  if (places === undefined) throw new Error(`places.ts has no ${s.match} for family ${family}`);
  if (places.kind === "unknown") return "unknown";
  if (places.kind === "anywhere") return null;
  const find = finder(s, family);
  for (const limit of places.limits) {
    if (!limitHolds(limit, find)) continue;
    if (limit.tables && !limit.tables.includes(p.table)) return limit;
    if (p.how === "unreached" || !limit.hooks || limit.hooks.includes(p.chain)) continue;
    if (limit.hooksCheckedInBuiltinOnlyByNft && backend === "nft" && p.how === "reached") continue;
    return limit;
  }
  return null;
}

/** What places.ts says of the sample at the placement. */
export function predicted(s: Sample, family: Family, backend: Backend, p: Placement): Outcome | "unknown" {
  const limit = refusingLimit(s, family, backend, p);
  return limit === "unknown" ? "unknown" : limit === null ? "loads" : "refused";
}

/** The samples of a family. */
export const samplesOf = (family: Family): Sample[] => SAMPLES.filter((s) => optionsOf(s, family) !== undefined);

/** What the samples need in the namespace: the ipsets of `-m set`. */
export function prepare(ns: Namespace): void {
  ns.run("ipset", ["create", "probe4", "hash:ip"]);
  ns.run("ipset", ["create", "probe6", "hash:ip", "family", "inet6"]);
}

/** Loads the sample at the placement for real. */
export const probe = (ns: Namespace, backend: Backend, family: Family, s: Sample, p: Placement) => load(ns, backend, family, rulesetFor(s, family, p));

/**
 * Every sample predicted to load at any of the placements, in one ruleset per table: each built-in
 * chain holds the samples that load there, and a user chain reached from it those that load
 * reached from it. One load per table instead of one per sample and placement.
 */
export function batchFor(samples: readonly Sample[], family: Family, backend: Backend, table: string): { text: string; placements: [Sample, Placement][] } {
  const placements: [Sample, Placement][] = [];
  let declarations = "";
  let rules = "";
  const add = (p: Placement, chain: string) => {
    for (const s of samples) {
      if (predicted(s, family, backend, p) !== "loads") continue;
      placements.push([s, p]);
      rules += linesIn(s, family, chain);
    }
  };
  for (const chain of BUILTIN_CHAINS[table] as Hook[]) {
    const user = `U-${chain}`;
    declarations += `:${user} - [0:0]\n`;
    rules += `-A ${chain} -j ${user}\n`;
    add({ table, chain, how: "builtin" }, chain);
    add({ table, chain, how: "reached" }, user);
  }
  declarations += ":U-unreached - [0:0]\n";
  add({ table, chain: BUILTIN_CHAINS[table][0] as Hook, how: "unreached" }, "U-unreached");
  return { text: `*${table}\n${declarations}${rules}COMMIT\n`, placements };
}

/** The last line of the kernel log: what came after it is new. */
export function kernelLogMark(): string {
  const lines = spawnSync("dmesg", [], { encoding: "utf8" }).stdout.trimEnd().split("\n");
  return lines[lines.length - 1] ?? "";
}

/** The kernel log's lines after the mark, without their timestamps. */
export function kernelLogAfter(mark: string): string[] {
  const lines = spawnSync("dmesg", [], { encoding: "utf8" }).stdout.trimEnd().split("\n");
  const at = lines.lastIndexOf(mark);
  return lines.slice(at + 1).map((line) => line.replace(/^\[[ 0-9.]+\] /, ""));
}

/**
 * Runs `refuse` (a load the kernel refuses) until the kernel logs a line with `words`, and
 * returns what it logged. The kernel limits these messages to ten per five seconds for each place
 * in its code (other tests may use them up): a load whose message was held back is repeated
 * after the limit's window.
 */
export async function loggedBy(refuse: () => void, words: string, tries = 3): Promise<string[]> {
  let seen: string[] = [];
  for (let i = 0; i < tries; i++) {
    const mark = kernelLogMark();
    refuse();
    seen = kernelLogAfter(mark);
    if (seen.some((line) => line.includes(words))) return seen;
    await sleep(5500);
  }
  return seen;
}

/**
 * Where the kernel and places.ts disagree, for one family and backend: every sample predicted to
 * load, loaded in one ruleset per table (each one alone when the table is refused, to name it),
 * and each predicted refusal `share` picks, loaded alone. Empty when they agree.
 */
export function differences(ns: Namespace, family: Family, backend: Backend, share: (s: Sample, p: Placement) => boolean): string[] {
  const wrong: string[] = [];
  const samples = samplesOf(family);
  const say = (s: Sample, p: Placement, outcome: string, said = "") => wrong.push(`ip${family === 6 ? "6" : ""}tables-${backend}: ${nameOf(s)} in ${describe(p)} ${outcome}${said ? ` (${said.split("\n").pop()})` : ""}`);
  for (const table of Object.keys(BUILTIN_CHAINS)) {
    const batch = batchFor(samples, family, backend, table);
    if (load(ns, backend, family, batch.text).status === 0) continue;
    for (const [s, p] of batch.placements) {
      const result = probe(ns, backend, family, s, p);
      if (result.status !== 0) say(s, p, "is refused, places.ts says it loads", result.said);
    }
  }
  for (const s of samples) {
    for (const p of allPlacements()) {
      const expected = predicted(s, family, backend, p);
      if (expected === "loads" || !share(s, p)) continue;
      const result = probe(ns, backend, family, s, p);
      if (result.status === 0) say(s, p, expected === "unknown" ? "loads: places.ts has it as not measured" : "loads, places.ts says it is refused");
    }
  }
  return wrong;
}
