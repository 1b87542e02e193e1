/**
 * Which rulesets of a run are one node: the IPv4 and IPv6 rulesets of one machine (`rules.v4`
 * and `rules.v6`), the dumps of its two backends, or `--live`'s dumps. The configuration's
 * `nodes` pairs files by glob (`resolve.ts`: its key); otherwise files of one folder pair by
 * name, when their names differ only in what says the family: `rules.v4`/`rules.v6`,
 * `iptables.rules`/`ip6tables.rules`, `edge-iptables-save.txt`/`edge-ip6tables-save.txt`.
 */
import { dirname } from "node:path";
import { familyOfName } from "../rules/model/index.js";

/** What pairing needs of a linted input. */
export interface NodeCandidate {
  /** The path as given, or the input's name (`live:ip6tables-nft-save`). */
  name: string;
  /** Undefined for standard input and live dumps. */
  path: string | undefined;
  live?: boolean;
  /** The configuration's node key for the file (`FileSettings.nodeKey`), if a `nodes` entry matches it. */
  nodeKey?: string;
}

/** For each candidate, the indices of the others of its node (empty when it has none). */
export function nodePartners(candidates: readonly NodeCandidate[]): number[][] {
  const byKey = new Map<string, number[]>();
  candidates.forEach((candidate, i) => {
    const key = nodeKeyOf(candidate);
    if (key === null) return;
    const members = byKey.get(key);
    if (members) members.push(i);
    else byKey.set(key, [i]);
  });
  const partners: number[][] = candidates.map(() => []);
  for (const members of byKey.values()) {
    for (const i of members) partners[i] = members.filter((j) => j !== i);
  }
  return partners;
}

/** The node a candidate belongs to, or null: standard input, and a name that says no family, pair with nothing. */
function nodeKeyOf(candidate: NodeCandidate): string | null {
  if (candidate.nodeKey !== undefined) return `configured:${candidate.nodeKey}`;
  // `--live` reads one node: its dumps of both families and both backends.
  if (candidate.live) return "live";
  if (candidate.path === undefined) return null;
  const name = candidate.path.split(/[\\/]/).pop() ?? "";
  const plain = sameNodeName(name);
  if (familyOfName(name) === null) return null;
  return `folder:${dirname(candidate.path)}/${plain}`;
}

/**
 * A file name with what says its family made the same for both members of a node: IPv6
 * spellings to IPv4 ones (`ip6tables-save.txt` → `iptables-save.txt`). Backends are not paired
 * by name: `x.legacy.save` and `x.nft.save` in one folder are as often two captures of the same
 * rules by two iptables versions (the project's corpus has such) as one node's two backends.
 */
export function sameNodeName(name: string): string {
  return name
    .replace(/ip6tables/gi, "iptables")
    .replace(/ipv6/gi, "ipv4")
    .replace(/(^|[._-])v6(?=$|[._-])/gi, "$1v4");
}
