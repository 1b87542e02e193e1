/**
 * The packet walk (rules/packet): hook and table order, matches on typed values, targets, the
 * node's addresses and routes, undecided matches followed both ways, and the packet's spelling.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { NodeInfo, PacketSyntaxError, parsePacket, trace, type Outcome, type TraceInput } from "../../src/index.js";

const NODE = { local: ["192.168.1.10"], route: ["10.244.0.0/16 dev cni0", "default dev eth0 via 192.168.1.1"] };

function run(text: string, packet: string, node: object = NODE, extra: Partial<TraceInput> = {}): Outcome[] {
  const document = parse(text, { filePath: "rules.save" });
  return trace([document], { ...parsePacket(packet), ...extra }, node).outcomes;
}

const lines = (o: Outcome): string[] => o.path.map((s) => `${s.table}/${s.chain}:${s.line}`);
const only = (outcomes: Outcome[]): Outcome => {
  assert.equal(outcomes.length, 1, JSON.stringify(outcomes.map((o) => [o.verdict, o.conditions])));
  return outcomes[0];
};

/** A LOG rule in every built-in chain of every table: the path shows the order the kernel walks them in. */
const EVERYWHERE = ["raw", "mangle", "nat", "filter", "security"]
  .map((table) => {
    const chains = { raw: ["PREROUTING", "OUTPUT"], mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"], nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"], filter: ["INPUT", "FORWARD", "OUTPUT"], security: ["INPUT", "FORWARD", "OUTPUT"] }[table]!;
    return [`*${table}`, ...chains.map((c) => `:${c} ACCEPT [0:0]`), ...chains.map((c) => `-A ${c} -j LOG --log-prefix "${table}/${c} "`), "COMMIT"].join("\n");
  })
  .join("\n");

const order = (o: Outcome): string[] => o.path.map((s) => `${s.table}/${s.chain}`);

test("hooks and tables: a packet for the node", () => {
  const o = only(run(EVERYWHERE, "tcp 10.0.0.9:40000 -> 192.168.1.10:22 in eth0"));
  assert.deepEqual(order(o), ["raw/PREROUTING", "mangle/PREROUTING", "nat/PREROUTING", "mangle/INPUT", "filter/INPUT", "security/INPUT", "nat/INPUT"]);
  assert.equal(o.verdict, "accept");
  assert.equal(o.delivery, "local");
});

test("hooks and tables: a forwarded packet leaves by the route's interface", () => {
  const o = only(run(EVERYWHERE, "udp 10.0.0.9:5000 -> 10.244.3.4:53 in eth0"));
  assert.deepEqual(order(o), ["raw/PREROUTING", "mangle/PREROUTING", "nat/PREROUTING", "mangle/FORWARD", "filter/FORWARD", "security/FORWARD", "mangle/POSTROUTING", "nat/POSTROUTING"]);
  assert.equal(o.delivery, "forward");
  assert.equal(o.packet.outInterface, "cni0");
});

test("hooks and tables: a sent packet, and one the node sends itself (back in by lo)", () => {
  const out = only(run(EVERYWHERE, "tcp 192.168.1.10:40000 -> 8.8.8.8:443 out"));
  assert.deepEqual(order(out), ["raw/OUTPUT", "mangle/OUTPUT", "nat/OUTPUT", "filter/OUTPUT", "security/OUTPUT", "mangle/POSTROUTING", "nat/POSTROUTING"]);
  assert.equal(out.delivery, "out");
  assert.equal(out.packet.outInterface, "eth0");
  const self = only(run(EVERYWHERE, "tcp 192.168.1.10:40000 -> 192.168.1.10:22 out"));
  // nat has chosen both ways on the way out: it is not asked again on the way back in.
  assert.deepEqual(order(self), ["raw/OUTPUT", "mangle/OUTPUT", "nat/OUTPUT", "filter/OUTPUT", "security/OUTPUT", "mangle/POSTROUTING", "nat/POSTROUTING", "raw/PREROUTING", "mangle/PREROUTING", "mangle/INPUT", "filter/INPUT", "security/INPUT"]);
  assert.equal(self.delivery, "local");
  assert.equal(self.packet.inInterface, "lo");
});

test("nat sees a connection's first packet only", () => {
  const o = only(run(EVERYWHERE, "tcp 10.0.0.9:40000 -> 192.168.1.10:22 in eth0", NODE, { state: "established" }));
  assert.deepEqual(order(o), ["raw/PREROUTING", "mangle/PREROUTING", "mangle/INPUT", "filter/INPUT", "security/INPUT"]);
});

const FILTER = (rules: string, policy = "DROP") => `*filter\n:INPUT ${policy} [0:0]\n:FORWARD ${policy} [0:0]\n:OUTPUT ACCEPT [0:0]\n:A - [0:0]\n${rules}\nCOMMIT\n`;

test("policies decide what no rule does, and are reported", () => {
  const o = only(run(FILTER("-A INPUT -p udp -j ACCEPT"), "tcp 10.0.0.9:1 -> 192.168.1.10:22 in eth0"));
  assert.equal(o.verdict, "drop");
  assert.deepEqual(o.policies.map((p) => `${p.table}/${p.chain} ${p.policy} ${p.line}`), ["filter/INPUT DROP 2"]);
  assert.deepEqual(o.path, []);
});

test("addresses with masks and `!`, interfaces with `+`, protocols", () => {
  const rules = ["-A INPUT -s 10.0.0.0/255.255.255.0 ! -d 192.168.1.11 -i eth+ -p tcp -j ACCEPT", "-A INPUT -s 10.0.0.0/8 -p udp -j ACCEPT"].join("\n");
  assert.equal(only(run(FILTER(rules), "tcp 10.0.0.9:1 -> 192.168.1.10:22 in eth1")).verdict, "accept");
  assert.equal(only(run(FILTER(rules), "tcp 10.0.1.9:1 -> 192.168.1.10:22 in eth1")).verdict, "drop");
  assert.equal(only(run(FILTER(rules), "tcp 10.0.0.9:1 -> 192.168.1.10:22 in wlan0")).verdict, "drop");
  assert.equal(only(run(FILTER(rules), "udp 10.9.0.9:1 -> 192.168.1.10:53 in wlan0")).verdict, "accept");
  assert.equal(only(run(FILTER("! -f -A INPUT -j ACCEPT".replace("! -f -A INPUT", "-A INPUT ! -f")), "udp 10.9.0.9:1 -> 192.168.1.10:53 in eth0")).verdict, "accept");
  assert.equal(only(run(FILTER("-A INPUT -f -j ACCEPT"), "udp 10.9.0.9:1 -> 192.168.1.10:53 in eth0")).verdict, "drop");
});

test("tcp and udp ports, tcp flags, multiport, icmp types, iprange", () => {
  const rules = [
    "-A INPUT -p tcp --dport 20:25 --tcp-flags SYN,ACK SYN -j ACCEPT",
    "-A INPUT -p tcp -m multiport --dports 80,443,8000:8080 -j ACCEPT",
    "-A INPUT -p icmp --icmp-type echo-request -j ACCEPT",
    "-A INPUT -m iprange --src-range 10.1.0.1-10.1.0.9 -j ACCEPT",
  ].join("\n");
  const verdict = (packet: string, extra: Partial<TraceInput> = {}) => only(run(FILTER(rules), packet, NODE, extra)).verdict;
  assert.equal(verdict("tcp 10.0.0.9:1 -> 192.168.1.10:22 in eth0"), "accept");
  assert.equal(verdict("tcp 10.0.0.9:1 -> 192.168.1.10:22 in eth0", { state: "established" }), "drop");
  assert.equal(verdict("tcp 10.0.0.9:1 -> 192.168.1.10:8001 in eth0"), "accept");
  assert.equal(verdict("tcp 10.0.0.9:1 -> 192.168.1.10:9000 in eth0"), "drop");
  assert.equal(verdict("icmp 10.0.0.9 -> 192.168.1.10 type echo-request in eth0"), "accept");
  assert.equal(verdict("icmp 10.0.0.9 -> 192.168.1.10 type echo-reply in eth0"), "drop");
  assert.equal(verdict("udp 10.1.0.5:1 -> 192.168.1.10:9 in eth0"), "accept");
  assert.equal(verdict("udp 10.1.0.10:1 -> 192.168.1.10:9 in eth0"), "drop");
});

test("marks: MARK and CONNMARK change what -m mark and -m connmark see", () => {
  const text = [
    "*mangle",
    ":PREROUTING ACCEPT [0:0]",
    "-A PREROUTING -p tcp --dport 22 -j MARK --set-xmark 0x10/0xff",
    "-A PREROUTING -j CONNMARK --save-mark",
    "COMMIT",
    FILTER("-A INPUT -m mark --mark 0x10/0xff -m connmark --mark 0x10 -j ACCEPT"),
  ].join("\n");
  const o = only(run(text, "tcp 10.0.0.9:1 -> 192.168.1.10:22 in eth0"));
  assert.equal(o.verdict, "accept");
  assert.equal(o.packet.mark, "0x10");
  assert.equal(o.path[0].after?.mark, "0x10");
  assert.equal(only(run(text, "tcp 10.0.0.9:1 -> 192.168.1.10:23 in eth0")).verdict, "drop");
  // --mark gives the packet's mark as it arrives.
  assert.equal(only(run(FILTER("-A INPUT -m mark --mark 0x4000/0x4000 -j ACCEPT"), "tcp 10.0.0.9:1 -> 192.168.1.10:23 in eth0", NODE, { mark: 0x4001 })).verdict, "accept");
});

test("conntrack: raw sees no connection, NOTRACK leaves it untracked, DNAT shows in ctstate", () => {
  const text = [
    "*raw",
    ":PREROUTING ACCEPT [0:0]",
    "-A PREROUTING -m conntrack --ctstate INVALID -j LOG",
    "-A PREROUTING -p udp -j CT --notrack",
    "COMMIT",
    "*nat",
    ":PREROUTING ACCEPT [0:0]",
    "-A PREROUTING -p tcp -d 192.168.1.10 --dport 80 -j DNAT --to-destination 10.244.1.2:8080",
    "COMMIT",
    FILTER(["-A FORWARD -m conntrack --ctstate DNAT --ctorigdst 192.168.1.10 --ctorigdstport 80 -j ACCEPT", "-A INPUT -m state --state UNTRACKED -j ACCEPT"].join("\n")),
  ].join("\n");
  const dnat = only(run(text, "tcp 10.0.0.9:1 -> 192.168.1.10:80 in eth0"));
  assert.deepEqual(lines(dnat), ["raw/PREROUTING:3", "nat/PREROUTING:8", "filter/FORWARD:15"]);
  assert.equal(dnat.packet.destination, "10.244.1.2");
  assert.equal(dnat.packet.destinationPort, 8080);
  assert.equal(dnat.delivery, "forward");
  const untracked = only(run(text, "udp 10.0.0.9:1 -> 192.168.1.10:53 in eth0"));
  assert.deepEqual(lines(untracked), ["raw/PREROUTING:3", "raw/PREROUTING:4", "filter/INPUT:16"]);
  assert.equal(untracked.verdict, "accept");
});

test("jumps, gotos, RETURN, REJECT, NFQUEUE", () => {
  const rules = [
    "-A INPUT -p tcp -j A",
    "-A INPUT -p udp -g A",
    "-A INPUT -j ACCEPT",
    "-A A -p tcp --dport 1 -j RETURN",
    "-A A -p tcp --dport 2 -j REJECT",
    "-A A -p tcp --dport 3 -j NFQUEUE --queue-num 1",
  ].join("\n");
  const o = (p: string) => only(run(FILTER(rules), p));
  assert.deepEqual([o("tcp 10.0.0.9:1 -> 192.168.1.10:1 in eth0").verdict, lines(o("tcp 10.0.0.9:1 -> 192.168.1.10:1 in eth0"))], ["accept", ["filter/INPUT:6", "filter/A:9", "filter/INPUT:8"]]);
  assert.equal(o("tcp 10.0.0.9:1 -> 192.168.1.10:2 in eth0").verdict, "reject");
  assert.equal(o("tcp 10.0.0.9:1 -> 192.168.1.10:3 in eth0").verdict, "queue");
  // A goto comes back to where its caller was called from: the built-in chain's policy here.
  assert.equal(o("udp 10.0.0.9:1 -> 192.168.1.10:9 in eth0").verdict, "drop");
});

test("SNAT, MASQUERADE (the outgoing interface's address), REDIRECT, NETMAP", () => {
  const nat = (rules: string) => `*nat\n:PREROUTING ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${rules}\nCOMMIT\n`;
  const addresses = [
    { ifname: "eth0", addr_info: [{ family: "inet", local: "192.168.1.10", prefixlen: 24, broadcast: "192.168.1.255" }] },
    { ifname: "cni0", addr_info: [{ family: "inet", local: "10.244.0.1", prefixlen: 16 }] },
  ];
  const node = { addresses, routes: [[{ dst: "default", gateway: "192.168.1.1", dev: "eth0" }, { dst: "10.244.0.0/16", dev: "cni0", prefsrc: "10.244.0.1" }]] };
  const masq = only(run(nat("-A POSTROUTING -o eth0 -j MASQUERADE"), "tcp 10.244.3.4:5000 -> 8.8.8.8:53 in cni0", node));
  assert.equal(masq.packet.source, "192.168.1.10");
  const snat = only(run(nat("-A POSTROUTING -j SNAT --to-source 1.2.3.4:1000-2000"), "tcp 10.244.3.4:5000 -> 8.8.8.8:53 in cni0", node));
  assert.deepEqual([snat.packet.source, snat.packet.sourcePort], ["1.2.3.4", 1000]);
  assert.equal(snat.notes.length, 1);
  const redirect = only(run(nat("-A PREROUTING -p tcp -j REDIRECT --to-ports 3128"), "tcp 10.244.3.4:5000 -> 8.8.8.8:80 in cni0", node));
  assert.deepEqual([redirect.packet.destination, redirect.packet.destinationPort, redirect.delivery], ["10.244.0.1", 3128, "local"]);
  const netmap = only(run(nat("-A PREROUTING -d 172.16.0.0/16 -j NETMAP --to 10.244.0.0/16"), "udp 10.9.9.9:1 -> 172.16.5.6:53 in eth0", node));
  assert.equal(netmap.packet.destination, "10.244.5.6");
  // OUTPUT's DNAT routes the packet again.
  const rerouted = only(run(nat("-A OUTPUT -d 8.8.8.8 -j DNAT --to-destination 10.244.9.9"), "udp 192.168.1.10:1 -> 8.8.8.8:53 out", node));
  assert.equal(rerouted.packet.outInterface, "cni0");
});

test("statistic: each branch with its probability; limit: either way, with its condition", () => {
  const rules = ["-A INPUT -m statistic --mode random --probability 0.25 -j ACCEPT", "-A INPUT -m limit --limit 5/sec -j REJECT"].join("\n");
  const outcomes = run(FILTER(rules), "tcp 10.0.0.9:1 -> 192.168.1.10:22 in eth0");
  assert.deepEqual(
    outcomes.map((o) => [o.verdict, o.probability, o.conditions.length]),
    [
      ["accept", 0.25, 1],
      ["reject", null, 2],
      ["drop", null, 2],
    ],
  );
  assert.match(outcomes[1].conditions[1], /^rules\.save:7 `-m limit --limit 5\/sec` matches$/);
  assert.match(outcomes[2].conditions[1], /^not: rules\.save:7/);
});

test("addrtype, owner and set, from the node's addresses and ipsets", () => {
  const ipset = "create allowed hash:net family inet hashsize 1024 maxelem 65536\nadd allowed 10.1.0.0/16\ncreate web hash:ip,port family inet\nadd web 192.168.1.10,tcp:443\n";
  const rules = [
    "-A INPUT -m set --match-set allowed src -m set --match-set web dst,dst -j ACCEPT",
    "-A INPUT -m addrtype --dst-type LOCAL -p udp -j REJECT",
    "-A OUTPUT -m owner --uid-owner 1000 -j DROP",
  ].join("\n");
  const node = { ...NODE, ipset };
  assert.equal(only(run(FILTER(rules), "tcp 10.1.2.3:1 -> 192.168.1.10:443 in eth0", node)).verdict, "accept");
  assert.equal(only(run(FILTER(rules), "tcp 10.2.2.3:1 -> 192.168.1.10:443 in eth0", node)).verdict, "drop");
  assert.equal(only(run(FILTER(rules), "udp 10.2.2.3:1 -> 192.168.1.10:9 in eth0", node)).verdict, "reject");
  const owner = run(FILTER(rules), "udp 192.168.1.10:1 -> 8.8.8.8:53 out", node);
  assert.deepEqual(owner.map((o) => [o.verdict, o.conditions]).sort(), [
    ["accept", ["not: the sending socket's uid-owner is 1000"]],
    ["drop", ["the sending socket's uid-owner is 1000"]],
  ]);
  // Without the ipset file, membership is a condition, not a guess.
  assert.equal(run(FILTER(rules), "tcp 10.1.2.3:1 -> 192.168.1.10:443 in eth0").length, 3);
});

test("the node: no route is a drop with its reason; unknown addresses are a condition", () => {
  const noDefault = { local: ["192.168.1.10"], route: ["10.244.0.0/16 dev cni0"] };
  const o = only(run(FILTER("", "ACCEPT"), "tcp 10.0.0.9:1 -> 8.8.8.8:53 in eth0", noDefault));
  assert.equal(o.verdict, "drop");
  assert.equal(o.reason, "no route to 8.8.8.8");
  const unknown = run(FILTER("", "ACCEPT"), "tcp 10.0.0.9:1 -> 8.8.8.8:53 in eth0", {});
  assert.deepEqual(unknown.map((x) => [x.delivery, x.conditions]), [
    ["local", ["8.8.8.8 is an address of the node"]],
    ["forward", ["not: 8.8.8.8 is an address of the node"]],
  ]);
  assert.equal(unknown[1].packet.outInterface, null);
  assert.ok(new NodeInfo({ local: ["192.168.1.10"] }).isLocal(4, 0xc0a8010an));
});

test("IPv6: the ip6tables file of a pair, icmpv6", () => {
  const v4 = parse("# Generated by iptables-save v1.8.9\n*filter\n:INPUT DROP [0:0]\nCOMMIT\n", { filePath: "v4.save" });
  const v6 = parse("# Generated by ip6tables-save v1.8.9\n*filter\n:INPUT DROP [0:0]\n-A INPUT -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT\nCOMMIT\n", { filePath: "v6.save" });
  const result = trace([v4, v6], "icmpv6 fd00::9 -> fd00::1 type echo-request in eth0", { local: ["fd00::1"] });
  assert.deepEqual(result.files, ["v6.save"]);
  assert.equal(only(result.outcomes).verdict, "accept");
});

test("the packet's spelling: errors name the column", () => {
  const error = (text: string) => {
    try {
      parsePacket(text);
    } catch (e) {
      assert.ok(e instanceof PacketSyntaxError);
      return e.message;
    }
    assert.fail(`no error for ${text}`);
  };
  assert.equal(error("tcp 10.0.0.9 -> 10.0.0.1:53 in eth0"), "column 13: tcp needs a port: ADDRESS:PORT (IPv6: [ADDRESS]:PORT)");
  assert.equal(error("tcp 10.0.0.9:1 => 10.0.0.1:53 in eth0"), 'column 16: expected "->", found "=>"');
  assert.equal(error("tcp 10.0.0.9:1 -> 10.0.0.300:53 in eth0"), 'column 19: "10.0.0.300" is not an IPv4 or IPv6 address');
  assert.equal(error("tcp 10.0.0.9:1 -> 10.0.0.1:53"), 'column 30: expected "in IFACE" (a packet arriving) or "out" (a packet the node sends)');
  assert.equal(error("gre 10.0.0.9 -> 10.0.0.1 out"), 'column 1: unknown protocol "gre" (tcp, udp, sctp, icmp, icmpv6 or a number)');
  const v6 = parsePacket("udp [fd00::9]:5353 -> [fd00::10]:53 out");
  assert.deepEqual([v6.family, v6.source, v6.sourcePort, v6.destination, v6.inInterface], [6, "fd00::9", 5353, "fd00::10", null]);
});
