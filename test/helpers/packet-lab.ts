/**
 * The packet lab: a real packet through a real ruleset, and what the kernel did with it.
 *
 * Three network namespaces joined by veth pairs:
 *
 *     peer (eth0 10.0.0.9, fd00::9) ── (eth0 10.0.0.1, fd00::1) node (eth1 10.1.0.1, fd01::1) ── (eth0 10.1.0.2, fd01::2) far
 *
 * The node forwards (its default routes lead to far, so every address it does not have is
 * forwarded), with rp_filter off and route_localnet on; the peer's and far's default routes lead
 * to the node. Neighbours are static and IPv6 addresses skip duplicate address detection, so no
 * ARP/ND is needed while a packet is on its way.
 *
 * A probe empties what the last probe loaded, forgets every connection, loads a ruleset into the
 * node with iptables-restore (nft or legacy, v4 or v6; its counters start at zero), sends one
 * packet (from the peer, or from the node itself for OUTPUT: packet-probe.py, with SO_MARK) and
 * reads what happened:
 * - the ruleset's rules whose counters moved (`iptables-save -c`, mapped back to the file's
 *   lines by table, chain and position: the save lists a chain's rules in the file's order),
 *   and the built-in chains whose policy counted;
 * - where the packet went, from nftables sets the lab fills at points around the ruleset's
 *   hooks (an `inet` table of its own, which neither backend's iptables reads or flushes):
 *   the node's prerouting or output hook before every table (the probe did arrive: a probe
 *   that never reached the node fails the probe rather than passing for a drop), its input
 *   hook after every table (delivered, as the local socket sees it), its postrouting hook after
 *   every table (left the node: addresses, ports, mark, interface), and the peers' prerouting
 *   hook before anything (what arrived on the wire). nftables sets rather than tcpdump: they
 *   are filled as the packet passes, so there is no capture to start and wait for;
 * - the node's answers: every packet the node makes itself (REJECT's ICMP error or RST, the
 *   stack's SYN-ACK, RST or port unreachable) is recorded and dropped at its output hook before
 *   any table, so the ruleset's OUTPUT and POSTROUTING chains count the probe alone. The peers
 *   drop everything they send but probes for the same reason (their replies would count in the
 *   node's INPUT and FORWARD). Probes carry TTL (hop limit) 77, which nothing else uses;
 * - the connection tracking entries (`conntrack -L -o extended`: the NAT).
 *
 * Needs root, iproute2, iptables, nftables, conntrack and python3 (skips with the reason
 * elsewhere; with IPTLINT_REQUIRE_NETFILTER=1 it fails instead).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestContext } from "node:test";

import { requireNetfilter, tool, withNamespace, type Backend, type Family, type Namespace } from "./netfilter.js";
import { fromRoot } from "./project.js";
import { installed } from "./tools.js";

/** The TTL / hop limit of the lab's probes: every other packet a namespace sends is dropped. */
export const PROBE_TTL = 77;

export const LAB = {
  peer: { mac: "02:00:00:00:00:09", v4: "10.0.0.9", v6: "fd00::9" },
  nodeEth0: { mac: "02:00:00:00:01:01", v4: "10.0.0.1", v6: "fd00::1" },
  nodeEth1: { mac: "02:00:00:00:01:02", v4: "10.1.0.1", v6: "fd01::1" },
  far: { mac: "02:00:00:00:00:02", v4: "10.1.0.2", v6: "fd01::2" },
} as const;

export type Protocol = "tcp" | "udp" | "icmp";

export interface LabPacket {
  family: Family;
  protocol: Protocol;
  source: string;
  /** tcp/udp source port; the echo id for icmp. */
  sourcePort: number;
  destination: string;
  /** tcp/udp destination port (ignored for icmp). */
  destinationPort: number;
  /** "in": from the peer into the node's eth0; "out": made by the node itself (OUTPUT). */
  direction: "in" | "out";
  /** SO_MARK of the sending socket ("out" only: a mark does not cross a wire). */
  mark?: number;
  /** Packets of the same flow (the nat table sees the first only); 1 when absent. */
  count?: number;
  /**
   * "established" (udp only): the flow's first packet is sent first, through the ruleset, and its
   * connection marked as answered (SEEN_REPLY); the counters and observation points start again
   * for the packet itself. When the ruleset drops that first packet (no connection), the entry
   * is made by hand instead (`conntrack -I`, without NAT: a connection older than the ruleset).
   */
  state?: "new" | "established";
}

/** A packet as one of the lab's observation points saw it. */
export interface SeenPacket {
  source: string;
  destination: string;
  /** "tcp", "udp", "icmp", "ipv6-icmp" (nft's names). */
  protocol: string;
  /** tcp/udp ports; for icmp the type<<8|code and the checksum (nft's transport header words). */
  sourcePort: number;
  destinationPort: number;
  mark: number;
  /** The incoming interface (delivered, seen) or the outgoing one (left, reply). */
  interface: string;
}

/** Whether a packet seen leaving the node left it: one that leaves by lo comes back in. */
export const leftTheNode = (packet: SeenPacket): boolean => packet.interface !== "lo";

export interface MovedRule {
  /** 1-based line in the ruleset text. */
  line: number;
  table: string;
  chain: string;
  /** 1-based position in its chain. */
  position: number;
  packets: number;
}

export interface PolicyCount {
  table: string;
  chain: string;
  policy: string;
  packets: number;
}

export type LabVerdict = "accept" | "drop" | "reject";

export interface Observation {
  /** The ruleset's rules whose packet counters moved, in file order. */
  moved: MovedRule[];
  /** The built-in chains whose policy counted packets. */
  policies: PolicyCount[];
  /** accept: delivered locally, forwarded, or sent (out); reject: the node answered without delivering; drop: nothing. */
  verdict: LabVerdict;
  /** For accept: local (delivered to the node, also a locally made one by lo), forward (left the node), out (a locally made packet left). */
  delivery: "local" | "forward" | "out" | null;
  /** At the node's input hook after every table. */
  delivered: SeenPacket[];
  /** At the node's postrouting hook after every table. */
  left: SeenPacket[];
  /** Arrived at the far peer / the sending peer. */
  atFar: SeenPacket[];
  atPeer: SeenPacket[];
  /** What the node answered (recorded and dropped before its OUTPUT chains). */
  replies: (SeenPacket & { tcpFlags: string[] })[];
  /** `conntrack -L -o extended` lines (both families). */
  conntrack: string[];
  /** For an established packet: how its connection was made (see LabPacket.state). */
  connection?: "first packet" | "inserted";
}

const NFT_TABLE = "iptlint_lab";
const NODE_SETS = [...["first", "delivered", "left", "reply"].flatMap((point) => ["a4", "a6", "t"].map((kind) => `${point}_${kind}`)), "reply_f"];
const PEER_SETS = ["seen_a4", "seen_a6", "seen_t"];
const flushSets = (sets: string[]) => `nft -f - <<'EOF'\n${sets.map((set) => `flush set inet ${NFT_TABLE} ${set}`).join("\n")}\nEOF\n`;
/** The exit status of the lab's load script when iptables-restore refuses the ruleset. */
const REFUSED = 97;
const SEPARATOR = "@@iptlint-lab@@";

// Debian's python3 rather than a version manager's shim on PATH, which can take most of a second to start.
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

/** The built-in chains of each table, to empty a table that a previous probe loaded. */
const BUILTIN_CHAINS: Record<string, string[]> = {
  raw: ["PREROUTING", "OUTPUT"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
};

let cachedReason: string | null | undefined;

/** Why the lab cannot run here, or null. */
export function packetLabUnavailableReason(): string | null {
  if (cachedReason !== undefined) return cachedReason;
  const missing = [
    ["nft", "nftables"],
    ["conntrack", "conntrack"],
    ["python3", "python3"],
  ].filter(([command]) => !installed(command));
  cachedReason = missing.length ? `the packet lab needs ${missing.map(([c, p]) => `${c} (Debian package ${p})`).join(", ")}` : null;
  return cachedReason;
}

/** requireNetfilter and the lab's own tools: true when the test may go on. */
export function requirePacketLab(t: TestContext): boolean {
  if (!requireNetfilter(t)) return false;
  const reason = packetLabUnavailableReason();
  if (reason === null) return true;
  if (process.env.IPTLINT_REQUIRE_NETFILTER === "1") assert.fail(`netfilter tests are required here but ${reason}`);
  t.skip(reason);
  return false;
}

function check(result: { status: number | null; stderr: string; stdout?: string }, what: string): string {
  assert.equal(result.status, 0, `${what}: ${result.stderr}`);
  return result.stdout ?? "";
}

/** Runs `ip` from the host's namespace (with `-n NS` for another one). */
function ip(args: string[]): void {
  check(spawnSync("ip", args, { encoding: "utf8" }), `ip ${args.join(" ")}`);
}

/** The observing and silencing table of a peer: what arrives, and nothing leaves but probes. */
function peerTable(): string {
  return `table inet ${NFT_TABLE} {
  set seen_a4 { type ipv4_addr . ipv4_addr; flags dynamic; }
  set seen_a6 { type ipv6_addr . ipv6_addr; flags dynamic; }
  set seen_t { type inet_proto . inet_service . inet_service . mark . ifname; flags dynamic; }
  chain seen { type filter hook prerouting priority -1000; policy accept;
    meta nfproto ipv4 add @seen_a4 { ip saddr . ip daddr }
    meta nfproto ipv6 add @seen_a6 { ip6 saddr . ip6 daddr }
    meta l4proto { tcp, udp, icmp, ipv6-icmp } add @seen_t { meta l4proto . th sport . th dport . meta mark . iifname }
  }
  chain silent { type filter hook output priority -1000; policy drop;
    ip ttl ${PROBE_TTL} accept
    ip6 hoplimit ${PROBE_TTL} accept
  }
}
`;
}

/** The node's observation points (see the file comment). */
function nodeTable(conntrack: boolean): string {
  const point = (name: string) => `  set ${name}_a4 { type ipv4_addr . ipv4_addr; flags dynamic; }
  set ${name}_a6 { type ipv6_addr . ipv6_addr; flags dynamic; }
  set ${name}_t { type inet_proto . inet_service . inet_service . mark . ifname; flags dynamic; }
`;
  const record = (name: string, iface: string) => `    meta nfproto ipv4 add @${name}_a4 { ip saddr . ip daddr }
    meta nfproto ipv6 add @${name}_a6 { ip6 saddr . ip6 daddr }
    meta l4proto { tcp, udp, icmp, ipv6-icmp } add @${name}_t { meta l4proto . th sport . th dport . meta mark . ${iface} }
`;
  return `table inet ${NFT_TABLE} {
${point("first")}${point("delivered")}${point("left")}${point("reply")}  set reply_f { type tcp_flag; flags dynamic; }
  chain arrived { type filter hook prerouting priority -1000; policy accept;
    iifname != "lo" ip ttl ${PROBE_TTL} jump first
    iifname != "lo" ip6 hoplimit ${PROBE_TTL} jump first
  }
  chain first {
${record("first", "iifname")}  }
  chain delivered { type filter hook input priority 1000; policy accept;
${record("delivered", "iifname")}  }
${conntrack ? "  chain tracked { type filter hook prerouting priority 1000; policy accept;\n    ct state new\n  }\n" : ""}
  chain left { type filter hook postrouting priority 1000; policy accept;
${record("left", "oifname")}  }
  chain reply { type filter hook output priority -1000; policy accept;
    ip ttl ${PROBE_TTL} jump first
    ip ttl ${PROBE_TTL} accept
    ip6 hoplimit ${PROBE_TTL} jump first
    ip6 hoplimit ${PROBE_TTL} accept
    # The node's IPv6 multicast listener reports and other link-local talk: dropped, not answers.
    ip6 daddr ff00::/8 drop
    ip6 saddr fe80::/10 drop
${record("reply", "oifname")}    add @reply_f { tcp flags }
    drop
  }
}
`;
}

/** A ruleset's rules by table, chain and position → its line (1-based), for `-A` rules. */
export function ruleLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const positions = new Map<string, number>();
  let table = "";
  text.split("\n").forEach((raw, k) => {
    const line = raw.trim().replace(/^\[\d+:\d+\]\s+/, "");
    if (line.startsWith("*")) table = line.slice(1).trim();
    const append = /^(?:-A|--append)\s+(\S+)/.exec(line);
    if (append) {
      const chain = `${table}/${append[1]}`;
      const position = (positions.get(chain) ?? 0) + 1;
      positions.set(chain, position);
      lines.set(`${chain}/${position}`, k + 1);
    } else if (/^(?:-I|--insert)\s/.test(line)) {
      throw new Error(`line ${k + 1}: the lab maps counters by position and takes -A rules only: ${line}`);
    }
  });
  return lines;
}

/** `iptables-save -c`: the rules with moved packet counters and the policies that counted. */
export function movedCounters(saved: string, fileLines: Map<string, number>): { moved: MovedRule[]; policies: PolicyCount[] } {
  const moved: MovedRule[] = [];
  const policies: PolicyCount[] = [];
  const positions = new Map<string, number>();
  let table = "";
  for (const line of saved.split("\n")) {
    if (line.startsWith("*")) table = line.slice(1).trim();
    const policy = /^:(\S+) (\S+) \[(\d+):\d+\]/.exec(line);
    if (policy && policy[2] !== "-" && Number(policy[3]) > 0) {
      policies.push({ table, chain: policy[1], policy: policy[2], packets: Number(policy[3]) });
    }
    const rule = /^\[(\d+):\d+\] -A (\S+)/.exec(line);
    if (!rule) continue;
    const chain = `${table}/${rule[2]}`;
    const position = (positions.get(chain) ?? 0) + 1;
    positions.set(chain, position);
    const fileLine = fileLines.get(`${chain}/${position}`);
    assert.ok(fileLine !== undefined, `iptables-save has rule ${position} of ${chain}, which the ruleset does not:\n${saved}`);
    if (Number(rule[1]) > 0) moved.push({ line: fileLine, table, chain: rule[2], position, packets: Number(rule[1]) });
  }
  const saveRules = [...positions.values()].reduce((a, b) => a + b, 0);
  assert.equal(saveRules, fileLines.size, `iptables-save lists ${saveRules} rules, the ruleset has ${fileLines.size}:\n${saved}`);
  moved.sort((a, b) => a.line - b.line);
  return { moved, policies };
}

type NftElem = string | number | { concat: (string | number)[] } | { elem: { val: NftElem } } | Record<string, unknown>;

/** The elements of each set of the lab's table, as arrays of strings. */
function readSets(listed: string): Map<string, string[][]> {
  const json = JSON.parse(listed) as {
    nftables: { set?: { name: string; elem?: NftElem[] } }[];
  };
  const sets = new Map<string, string[][]>();
  const flat = (value: NftElem): string[] => {
    if (typeof value === "string" || typeof value === "number") return [String(value)];
    if ("concat" in value) return (value.concat as (string | number)[]).map(String);
    if ("elem" in value) return flat((value.elem as { val: NftElem }).val);
    // tcp flags as a bitwise-or: {"|": ["syn", "ack"]}
    if ("|" in value) return [(value["|"] as NftElem[]).flatMap(flat).join("|")];
    return [JSON.stringify(value)];
  };
  for (const entry of json.nftables) if (entry.set) sets.set(entry.set.name, (entry.set.elem ?? []).map(flat));
  return sets;
}

/** The packets one observation point saw (each probe leaves at most one per point). */
function seenAt(sets: Map<string, string[][]>, point: string): SeenPacket[] {
  const addresses = [...(sets.get(`${point}_a4`) ?? []), ...(sets.get(`${point}_a6`) ?? [])];
  const rest = sets.get(`${point}_t`) ?? [];
  return addresses.map(([source, destination], k) => {
    const [protocol, sourcePort, destinationPort, mark, iface] = rest[k] ?? ["?", "0", "0", "0", ""];
    return { source, destination, protocol, sourcePort: Number(sourcePort), destinationPort: Number(destinationPort), mark: Number(mark), interface: iface };
  });
}

export class PacketLab {
  /** What the last load() put in the node, for the next one to take away. */
  private loaded: { backend: Backend; family: Family; tables: string[] } | null = null;

  constructor(
    readonly peer: Namespace,
    readonly node: Namespace,
    readonly far: Namespace,
  ) {}

  /** `ip -j addr` of the node, as a user would save it beside the dump. */
  nodeAddresses(): string {
    return check(this.node.run("ip", ["-j", "addr", "show"]), "ip -j addr");
  }

  /** `ip -j route` (or `ip -6 -j route`) of the node. */
  nodeRoutes(family: Family): string {
    return check(this.node.run("ip", [family === 6 ? "-6" : "-4", "-j", "route", "show"]), "ip -j route");
  }

  /** Empties what the last load() put in the node and forgets every connection. */
  reset(): void {
    check(this.node.run("sh", ["-c", `set -e\n${this.resetScript()}`]), "reset the node");
  }

  /** Shell commands that empty the tables the last load() filled and forget every connection. */
  private resetScript(): string {
    const lines: string[] = [];
    const loaded = this.loaded;
    if (loaded?.backend === "nft") {
      // iptables-nft's tables are nftables tables of family ip/ip6 (the lab's own is inet).
      lines.push(`nft -f - <<'EOF'\n${loaded.tables.map((table) => `delete table ${loaded.family === 6 ? "ip6" : "ip"} ${table}`).join("\n")}\nEOF`);
    } else if (loaded?.backend === "legacy") {
      // The legacy tables stay registered: emptied, with ACCEPT policies.
      const blank = loaded.tables.map((table) => `*${table}\n${BUILTIN_CHAINS[table].map((c) => `:${c} ACCEPT [0:0]`).join("\n")}\nCOMMIT`).join("\n");
      lines.push(`${tool("restore", "legacy", loaded.family)} <<'EOF'\n${blank}\nEOF`);
    }
    this.loaded = null;
    lines.push("conntrack -F >/dev/null 2>&1 || true", "conntrack -F -f ipv6 >/dev/null 2>&1 || true");
    return lines.join("\n") + "\n";
  }

  /** Loads a ruleset into the node (after reset); its counters start at zero. */
  load(backend: Backend, family: Family, text: string): void {
    const refused = this.tryLoad(backend, family, text);
    assert.equal(refused, null, `${tool("restore", backend, family)} refused the ruleset:\n${refused}\n${text}`);
  }

  /**
   * load(), or iptables-restore's message when it refuses the ruleset (then nothing is loaded).
   * One shell in the node: processes are what a probe costs on a busy machine.
   */
  tryLoad(backend: Backend, family: Family, text: string): string | null {
    const tables = [...new Set([...text.matchAll(/^\s*\*(\S+)/gm)].map((m) => m[1]))];
    // Without -c, iptables-restore starts every counter, policies' too, at zero.
    const script = `set -e\n${this.resetScript()}${flushSets(NODE_SETS)}${tool("restore", backend, family)} || exit ${REFUSED}\n`;
    const restored = this.node.run("sh", ["-c", script], text);
    if (restored.status === REFUSED) return restored.stderr.trim() || "refused";
    check(restored, "load the ruleset");
    this.loaded = { backend, family, tables };
    return null;
  }

  /** Sends the packet; the ruleset must have been loaded with load() (each load takes one send). */
  send(backend: Backend, family: Family, text: string, packet: LabPacket): Observation {
    assert.equal(this.loaded?.backend, backend, "load() the ruleset with this backend first");
    assert.equal(packet.family, family);
    const connection = packet.state === "established" ? this.establish(backend, family, text, packet) : undefined;
    this.sendProbe(packet);
    return { ...this.observe(backend, family, text, packet), ...(connection === undefined ? {} : { connection }) };
  }

  private sendProbe(packet: LabPacket, count = packet.count ?? 1): void {
    const sender = packet.direction === "out" ? this.node : this.peer;
    const args = [
      fromRoot("test", "helpers", "packet-probe.py"),
      String(packet.family),
      packet.protocol,
      packet.source,
      String(packet.sourcePort),
      packet.destination,
      String(packet.destinationPort),
      String(PROBE_TTL),
      String(packet.mark ?? 0),
      String(count),
    ];
    check(sender.run(PYTHON, args), `packet-probe.py ${args.slice(1).join(" ")}`);
  }

  /** load() then send(). */
  probe(backend: Backend, family: Family, text: string, packet: LabPacket): Observation {
    this.load(backend, family, text);
    return this.send(backend, family, text, packet);
  }

  /** Makes the packet's connection (see LabPacket.state); the counters and sets start again after it. */
  private establish(backend: Backend, family: Family, text: string, packet: LabPacket): "first packet" | "inserted" {
    assert.equal(packet.protocol, "udp", "the lab makes established flows for udp only");
    const { source: s, destination: d, sourcePort: sp, destinationPort: dp } = packet;
    const flow = ["-p", "udp", "-s", s, "-d", d, "--sport", String(sp), "--dport", String(dp)];
    this.sendProbe(packet, 1);
    const tables = [...new Set([...text.matchAll(/^\s*\*(\S+)/gm)].map((m) => m[1]))];
    const family6 = family === 6 ? ["-f", "ipv6"] : [];
    const made = check(this.node.run("conntrack", ["-L", ...family6, ...flow]), "conntrack -L").trim() !== "";
    // The reply that makes the connection ESTABLISHED, without a packet that would count.
    if (made) check(this.node.run("conntrack", ["-U", ...family6, ...flow, "-u", "SEEN_REPLY"]), "conntrack -U");
    else {
      check(
        this.node.run("conntrack", [
          "-I", ...flow, "-r", d, "-q", s, "--reply-port-src", String(dp), "--reply-port-dst", String(sp),
          "-t", "120", "-u", "SEEN_REPLY",
        ]),
        "conntrack -I",
      );
    }
    const zero = tables.map((table) => `${family === 6 ? "ip6tables" : "iptables"}-${backend} -w -t ${table} -Z`).join("\n");
    check(this.node.run("sh", ["-c", `set -e\n${zero}\n${flushSets(NODE_SETS)}`]), "zero the counters");
    for (const ns of [this.peer, this.far]) check(ns.run("sh", ["-c", flushSets(PEER_SETS)]), "nft flush set");
    return made ? "first packet" : "inserted";
  }

  private observe(backend: Backend, family: Family, text: string, packet: LabPacket): Observation {
    const script = `${tool("save", backend, family)} -c\necho ${SEPARATOR}\nnft -j list table inet ${NFT_TABLE}\necho ${SEPARATOR}\nconntrack -L -o extended 2>/dev/null || true\nconntrack -L -o extended -f ipv6 2>/dev/null || true\n`;
    const [saved, listed, tracked] = check(this.node.run("sh", ["-c", `set -e\n${script}`]), "read the node").split(`${SEPARATOR}\n`);
    // The peers' sets are read and emptied for the next probe in one go.
    const peerSets = (ns: Namespace) => readSets(check(ns.run("sh", ["-c", `set -e\nnft -j list table inet ${NFT_TABLE}\n${flushSets(PEER_SETS)}`]), "read a peer"));
    const { moved, policies: allPolicies } = movedCounters(saved, ruleLines(text));
    // Tables an earlier ruleset loaded stay registered with the legacy backend (emptied, ACCEPT).
    const tables = new Set([...text.matchAll(/^\s*\*(\S+)/gm)].map((m) => m[1]));
    const policies = allPolicies.filter((policy) => tables.has(policy.table));
    const nodeSets = readSets(listed);
    const first = seenAt(nodeSets, "first");
    assert.ok(first.length > 0, `the probe never reached the node's first hook: ${JSON.stringify(packet)}`);
    const delivered = seenAt(nodeSets, "delivered");
    const left = seenAt(nodeSets, "left");
    const flags = nodeSets.get("reply_f") ?? [];
    const replies = seenAt(nodeSets, "reply").map((reply, k) => ({ ...reply, tcpFlags: (flags[k]?.[0] ?? "").split("|").filter(Boolean) }));
    const atFar = seenAt(peerSets(this.far), "seen");
    const atPeer = seenAt(peerSets(this.peer), "seen");
    const conntrack = tracked.split("\n").filter((line) => line.trim() !== "");
    let verdict: LabVerdict;
    let delivery: Observation["delivery"] = null;
    // A packet the node sends to itself (or that OUTPUT's DNAT/REDIRECT turns back) leaves by lo
    // and comes back in: delivered, like one that arrived, or dropped or rejected in INPUT (then
    // its leaving by lo was not its end).
    if (delivered.length) [verdict, delivery] = ["accept", "local"];
    else if (left.some(leftTheNode)) [verdict, delivery] = ["accept", packet.direction === "out" ? "out" : "forward"];
    else if (replies.length) verdict = "reject";
    else verdict = "drop";
    return { moved, policies, verdict, delivery, delivered, left, atFar, atPeer, replies, conntrack };
  }
}

/** Writes each command for the three namespaces; the links and addresses of the file comment. */
function build(peer: Namespace, node: Namespace, far: Namespace, conntrack: boolean): void {
  const common = [
    "net.ipv6.conf.all.accept_dad=0",
    "net.ipv6.conf.default.accept_dad=0",
    "net.ipv6.conf.all.accept_ra=0",
    "net.ipv6.conf.default.accept_ra=0",
    "net.ipv6.conf.default.router_solicitations=0",
    "net.ipv4.conf.all.rp_filter=0",
    "net.ipv4.conf.default.rp_filter=0",
    // The probe's icmp echo goes through a ping socket, which root may open only when allowed.
    "net.ipv4.ping_group_range=0 0",
  ];
  for (const ns of [peer, node, far]) check(ns.run("sysctl", ["-qw", ...common]), "sysctl");
  check(
    node.run("sysctl", ["-qw", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1", "net.ipv4.conf.all.route_localnet=1", "net.ipv4.conf.default.route_localnet=1"]),
    "sysctl (node)",
  );
  ip(["link", "add", "name", "eth0", "netns", peer.name, "address", LAB.peer.mac, "type", "veth", "peer", "name", "eth0", "netns", node.name, "address", LAB.nodeEth0.mac]);
  ip(["link", "add", "name", "eth0", "netns", far.name, "address", LAB.far.mac, "type", "veth", "peer", "name", "eth1", "netns", node.name, "address", LAB.nodeEth1.mac]);
  const side = (ns: Namespace, dev: string, me: { v4: string; v6: string }, them: { v4: string; v6: string; mac: string }, prefixes: [string, string]) => {
    ip(["-n", ns.name, "link", "set", "lo", "up"]);
    ip(["-n", ns.name, "link", "set", dev, "up"]);
    ip(["-n", ns.name, "addr", "add", `${me.v4}/${prefixes[0]}`, "dev", dev]);
    ip(["-n", ns.name, "addr", "add", `${me.v6}/${prefixes[1]}`, "dev", dev, "nodad"]);
    ip(["-n", ns.name, "neigh", "replace", them.v4, "lladdr", them.mac, "dev", dev, "nud", "permanent"]);
    ip(["-n", ns.name, "-6", "neigh", "replace", them.v6, "lladdr", them.mac, "dev", dev, "nud", "permanent"]);
  };
  side(peer, "eth0", LAB.peer, LAB.nodeEth0, ["24", "64"]);
  side(node, "eth0", LAB.nodeEth0, LAB.peer, ["24", "64"]);
  side(node, "eth1", LAB.nodeEth1, LAB.far, ["24", "64"]);
  side(far, "eth0", LAB.far, LAB.nodeEth1, ["24", "64"]);
  ip(["-n", peer.name, "route", "add", "default", "via", LAB.nodeEth0.v4]);
  ip(["-n", peer.name, "-6", "route", "add", "default", "via", LAB.nodeEth0.v6]);
  ip(["-n", far.name, "route", "add", "default", "via", LAB.nodeEth1.v4]);
  ip(["-n", far.name, "-6", "route", "add", "default", "via", LAB.nodeEth1.v6]);
  ip(["-n", node.name, "route", "add", "default", "via", LAB.far.v4]);
  ip(["-n", node.name, "-6", "route", "add", "default", "via", LAB.far.v6]);
  check(peer.run("nft", ["-f", "-"], peerTable()), "nft (peer)");
  check(far.run("nft", ["-f", "-"], peerTable()), "nft (far)");
  check(node.run("nft", ["-f", "-"], nodeTable(conntrack)), "nft (node)");
  // What the node said before its table silenced it (IPv6 multicast listener reports).
  for (const ns of [peer, far]) check(ns.run("sh", ["-c", flushSets(PEER_SETS)]), "nft flush set");
}

/**
 * A lab for the body; its namespaces (and so its links) are deleted afterwards, even on failure.
 *
 * Connection tracking runs in a network namespace only once something there needs it (a NAT
 * target, a state or conntrack match, CONNMARK...), and the nat table's chains see no packet
 * before it does. On a node it always runs, so the lab turns it on by itself (a `ct` expression
 * in its own table) unless `conntrack: false`.
 */
export async function withPacketLab<T>(body: (lab: PacketLab) => Promise<T> | T, options: { conntrack?: boolean } = {}): Promise<T> {
  return withNamespace("lab-peer", (peer) =>
    withNamespace("lab-node", (node) =>
      withNamespace("lab-far", (far) => {
        build(peer, node, far, options.conntrack ?? true);
        return body(new PacketLab(peer, node, far));
      }),
    ),
  );
}
