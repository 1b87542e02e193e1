/**
 * Generated cases for the walk's differential test (walk-differential.test.ts): small rulesets
 * of raw, mangle, nat, filter and security (the matches and targets of issue 13 that are deterministic:
 * statistic with probability 0 or 1 only) and a packet that the packet lab can send, on its
 * addresses (test/helpers/packet-lab.ts). Rulesets are made to load: NAT targets only where
 * their hooks allow them (built-in chains), REJECT in filter, NOTRACK in raw, -i/-o only where
 * iptables takes them, jumps only forward between user chains (no loops).
 */
import fc from "fast-check";

import type { Family } from "../helpers/netfilter.js";
import type { LabPacket, Protocol } from "../helpers/packet-lab.js";

export type Table = "raw" | "mangle" | "nat" | "filter" | "security";

export const BUILTINS: Record<Table, string[]> = {
  raw: ["PREROUTING", "OUTPUT"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
};

interface Pools {
  sources: string[];
  cidrs: string[];
  dnat: string[];
  dnatWithPort: string[];
  snat: string[];
  inSources: string[];
  inDestinations: string[];
  outSources: string[];
  outDestinations: string[];
  icmp: string;
}

const POOLS: Record<Family, Pools> = {
  4: {
    sources: [],
    cidrs: ["10.0.0.9", "10.0.0.0/24", "10.1.0.0/16", "10.1.0.2", "10.96.0.10", "192.168.7.0/24", "10.0.0.1", "0.0.0.0/0"],
    dnat: ["10.1.0.2", "10.0.0.9", "10.0.0.1"],
    dnatWithPort: ["10.1.0.2:8080", "10.0.0.1:8080"],
    snat: ["10.1.0.1", "192.168.9.9"],
    inSources: ["10.0.0.9", "192.168.7.7"],
    inDestinations: ["10.0.0.1", "10.1.0.1", "10.1.0.2", "10.96.0.10"],
    outSources: ["10.1.0.1", "10.0.0.1"],
    outDestinations: ["10.1.0.2", "10.0.0.9", "10.96.0.10"],
    icmp: "icmp",
  },
  6: {
    sources: [],
    cidrs: ["fd00::9", "fd00::/64", "fd01::/48", "fd01::2", "fd96::10", "fd07::/64", "fd00::1", "::/0"],
    dnat: ["fd01::2", "fd00::9", "fd00::1"],
    dnatWithPort: ["[fd01::2]:8080", "[fd00::1]:8080"],
    snat: ["fd01::1", "fd09::9"],
    inSources: ["fd00::9", "fd07::7"],
    inDestinations: ["fd00::1", "fd01::1", "fd01::2", "fd96::10"],
    outSources: ["fd01::1", "fd00::1"],
    outDestinations: ["fd01::2", "fd00::9", "fd96::10"],
    icmp: "ipv6-icmp",
  },
};

const PORTS = [22, 53, 80, 443, 8080];

/** Where a rule sits: its table, chain, and whether that is a built-in chain. */
interface Place {
  table: Table;
  chain: string;
  builtin: boolean;
  /** User chains a rule here may jump to. */
  jumps: string[];
  family: Family;
}

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** The value one time in `every`, else null: a rule has a few matches, not all of them. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** One rule's words after `-A CHAIN`. */
function ruleArbitrary(place: Place): fc.Arbitrary<string> {
  const { table, chain, builtin, family } = place;
  const pools = POOLS[family];
  const inOk = builtin && ["PREROUTING", "INPUT", "FORWARD"].includes(chain);
  const outOk = builtin && ["FORWARD", "OUTPUT", "POSTROUTING"].includes(chain);
  return fc
    .record({
      protocol: sometimes(pick(["tcp", "udp", pools.icmp]), 2),
      port: sometimes(fc.tuple(pick(["--dport", "--sport", "multiport"]), pick(PORTS), pick(PORTS)), 2),
      source: sometimes(fc.tuple(fc.boolean(), pick(pools.cidrs)), 4),
      destination: sometimes(fc.tuple(fc.boolean(), pick(pools.cidrs)), 4),
      inInterface: sometimes(fc.tuple(fc.boolean(), pick(["eth0", "eth1", "eth+", "lo"])), 4),
      outInterface: sometimes(fc.tuple(fc.boolean(), pick(["eth0", "eth1", "eth+", "lo"])), 4),
      mark: sometimes(fc.tuple(fc.boolean(), pick(["0x1/0x1", "0x10/0x10", "0x0/0xff", "0x11"])), 4),
      state: sometimes(pick(["-m conntrack --ctstate NEW", "-m conntrack --ctstate ESTABLISHED", "-m state --state NEW,ESTABLISHED", "-m conntrack --ctstate INVALID", "-m conntrack ! --ctstate NEW"]), 4),
      addrtype: sometimes(pick(["--dst-type LOCAL", "! --dst-type LOCAL", "--src-type LOCAL", "--dst-type UNICAST"]), 5),
      statistic: sometimes(pick(["0", "1"]), 6),
      comment: sometimes(pick(["lab", "a b"]), 6),
      target: fc.nat(1000),
      jump: fc.nat(1000),
      value: fc.nat(1000),
    })
    .map((r) => {
      const words: string[] = [];
      const not = (negated: boolean) => (negated ? "! " : "");
      if (r.protocol) words.push(`-p ${r.protocol}`);
      // iptables-nft refuses a negated /0 (RULE_APPEND failed: Invalid argument); legacy takes it.
      const address = (negated: boolean, cidr: string) => not(negated && !cidr.endsWith("/0"));
      if (r.source) words.push(`${address(...r.source)}-s ${r.source[1]}`);
      if (r.destination) words.push(`${address(...r.destination)}-d ${r.destination[1]}`);
      if (r.inInterface && inOk) words.push(`${not(r.inInterface[0])}-i ${r.inInterface[1]}`);
      if (r.outInterface && outOk) words.push(`${not(r.outInterface[0])}-o ${r.outInterface[1]}`);
      const ported = r.protocol === "tcp" || r.protocol === "udp";
      if (r.port && ported) {
        const [kind, a, b] = r.port;
        words.push(kind === "multiport" ? `-m multiport --dports ${a},${b}` : `${kind} ${a}`);
      }
      if (r.mark) words.push(`-m mark ${not(r.mark[0])}--mark ${r.mark[1]}`);
      if (r.state) words.push(r.state);
      if (r.addrtype) words.push(`-m addrtype ${r.addrtype}`);
      if (r.statistic) words.push(`-m statistic --mode random --probability ${r.statistic}`);
      if (r.comment) words.push(`-m comment --comment "${r.comment}"`);

      const targets: string[] = ["", "-j ACCEPT", "-j RETURN", "-j MARK --set-mark 0x1", "-j MARK --or-mark 0x10", "-j MARK --and-mark 0xfe", "-j MARK --set-xmark 0x11/0x1",
        "-j CONNMARK --set-mark 0x10/0x10", "-j CONNMARK --save-mark", "-j CONNMARK --restore-mark", '-j LOG --log-prefix "lab "'];
      if (table !== "nat") targets.push("-j DROP", "-j DROP");
      if (table === "filter") targets.push("-j REJECT", "-j REJECT");
      if (table === "filter" && r.protocol === "tcp") targets.push("-j REJECT --reject-with tcp-reset");
      if (table === "raw") targets.push("-j NOTRACK", "-j CT --notrack");
      if (table === "nat" && builtin && (chain === "PREROUTING" || chain === "OUTPUT")) {
        targets.push(`-j DNAT --to-destination ${pools.dnat[r.value % pools.dnat.length]}`, "-j REDIRECT");
        if (ported) targets.push(`-j DNAT --to-destination ${pools.dnatWithPort[r.value % pools.dnatWithPort.length]}`, "-j REDIRECT --to-ports 8080");
      }
      if (table === "nat" && builtin && chain === "POSTROUTING") targets.push(`-j SNAT --to-source ${pools.snat[r.value % pools.snat.length]}`, "-j MASQUERADE");
      if (place.jumps.length) {
        const to = place.jumps[r.jump % place.jumps.length];
        targets.push(`-j ${to}`, `-j ${to}`, `-j ${to}`, `-g ${to}`);
      }
      const target = targets[r.target % targets.length];
      if (target) words.push(target);
      return words.join(" ");
    });
}

export interface WalkCase {
  family: Family;
  ruleset: string;
  packet: LabPacket;
}

/** A ruleset: some of the four tables, each with its built-in chains' rules and up to two user chains. */
function rulesetArbitrary(family: Family): fc.Arbitrary<string> {
  const tableArbitrary = (table: Table): fc.Arbitrary<string> =>
    fc.nat(2).chain((userCount) => {
      const users = Array.from({ length: userCount }, (_, k) => `LAB${k}`);
      const chains = [...BUILTINS[table].map((chain) => ({ chain, builtin: true, jumps: users })), ...users.map((chain, k) => ({ chain, builtin: false, jumps: users.slice(k + 1) }))];
      return fc
        .tuple(
          fc.tuple(...chains.map(({ chain, builtin, jumps }) => fc.array(ruleArbitrary({ table, chain, builtin, jumps, family }), { maxLength: builtin ? 3 : 2 }))),
          fc.tuple(...BUILTINS[table].map(() => fc.constantFrom("ACCEPT", "ACCEPT", table === "filter" ? "DROP" : "ACCEPT"))),
        )
        .map(([rules, policies]) => {
          const lines = [`*${table}`, ...BUILTINS[table].map((chain, k) => `:${chain} ${policies[k]} [0:0]`), ...users.map((chain) => `:${chain} - [0:0]`)];
          chains.forEach(({ chain }, k) => rules[k].forEach((rule) => lines.push(`-A ${chain}${rule ? ` ${rule}` : ""}`)));
          return [...lines, "COMMIT"].join("\n");
        });
    });
  return fc.subarray(["raw", "mangle", "nat", "filter", "security"] as Table[], { minLength: 1 }).chain((tables) => fc.tuple(...tables.map(tableArbitrary)).map((parts) => parts.join("\n") + "\n"));
}

function packetArbitrary(family: Family): fc.Arbitrary<LabPacket> {
  const pools = POOLS[family];
  return fc
    .record({
      protocol: pick<Protocol>(["tcp", "tcp", "udp", "udp", "icmp"]),
      direction: pick(["in", "in", "in", "out"] as const),
      inSource: pick(pools.inSources),
      inDestination: pick(pools.inDestinations),
      outSource: pick(pools.outSources),
      outDestination: pick(pools.outDestinations),
      sourcePort: fc.integer({ min: 40000, max: 40009 }),
      destinationPort: pick(PORTS),
      mark: pick([0, 0, 0x1, 0x10]),
      established: fc.boolean(),
    })
    .map((r) => ({
      family,
      protocol: r.protocol,
      direction: r.direction,
      source: r.direction === "in" ? r.inSource : r.outSource,
      destination: r.direction === "in" ? r.inDestination : r.outDestination,
      sourcePort: r.sourcePort,
      destinationPort: r.destinationPort,
      ...(r.direction === "out" && r.mark ? { mark: r.mark } : {}),
      ...(r.direction === "in" && r.protocol === "udp" && r.established ? { state: "established" as const } : {}),
    }));
}

export const walkCase = (family: Family): fc.Arbitrary<WalkCase> =>
  fc.record({ ruleset: rulesetArbitrary(family), packet: packetArbitrary(family) }).map(({ ruleset, packet }) => ({ family, ruleset, packet }));

/** The packet as `iptlint trace --packet` spells it. */
export function packetText(packet: LabPacket): string {
  const v6 = packet.family === 6;
  const at = (address: string, port: number) => (packet.protocol === "icmp" ? address : v6 ? `[${address}]:${port}` : `${address}:${port}`);
  const protocol = packet.protocol === "icmp" ? (v6 ? "icmpv6" : "icmp") : packet.protocol;
  const icmp = packet.protocol === "icmp" ? " type echo-request" : "";
  const direction = packet.direction === "in" ? "in eth0" : "out";
  return `${protocol} ${at(packet.source, packet.sourcePort)} -> ${at(packet.destination, packet.destinationPort)}${icmp} ${direction}`;
}
