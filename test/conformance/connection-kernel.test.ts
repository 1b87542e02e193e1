/**
 * The walk of a connection's later packets against the kernel (issue 13): a real TCP connection
 * (handshake, data both ways, close) from a client through a node to a kube-proxy-like ClusterIP
 * that the node DNATs to one of two endpoints (a random pick) and MASQUERADEs by a mark its nat
 * table gives the first packet. nft and legacy.
 *
 *     client (eth0 10.0.0.9) ── (eth0 10.0.0.1) node (eth1 10.1.0.1) ── (eth0 10.1.0.2, 10.1.0.3) server
 *
 * Every rule of the ruleset counts only the client's packets (by interface), and each packet of
 * the connection is counted by the raw rule. So the kernel's counter of a rule must be 1 for
 * each rule of the first packet's path (`iptlint trace`, state new) plus N-1 for each rule of a
 * later packet's path (`--state established`): the nat rules of the first packet only, the
 * FORWARD and mangle rules that test ESTABLISHED and the translated destination for the others
 * (mangle POSTROUTING runs before nat's MASQUERADE: its rules see the client's source).
 * The server's socket and the conntrack entry give the translation, which the walk's outcome
 * for the endpoint the kernel picked must give too.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { NodeInfo, parsePacket, trace, type Outcome } from "../../src/index.js";
import { requireNetfilter, withNamespace, type Backend, type Namespace } from "../helpers/netfilter.js";
import { movedCounters, ruleLines } from "../helpers/packet-lab.js";

const CLIENT_PORT = 40123;

const RULESET = [
  "*raw",
  ":PREROUTING ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  "-A PREROUTING -i eth0 -p tcp",
  "COMMIT",
  "*mangle",
  ":PREROUTING ACCEPT [0:0]",
  ":INPUT ACCEPT [0:0]",
  ":FORWARD ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  ":POSTROUTING ACCEPT [0:0]",
  "-A PREROUTING -i eth0 -p tcp -m conntrack --ctstate NEW",
  "-A PREROUTING -i eth0 -p tcp -m conntrack --ctstate ESTABLISHED",
  "-A POSTROUTING -o eth1 -d 10.1.0.2 -p tcp --dport 8080 -m conntrack --ctstate ESTABLISHED --ctorigdst 10.96.0.1",
  "-A POSTROUTING -o eth1 -d 10.1.0.3 -p tcp --dport 8080 -m conntrack --ctstate ESTABLISHED -m conntrack --ctstate DNAT",
  "-A POSTROUTING -o eth1 -d 10.96.0.1 -p tcp",
  "-A POSTROUTING -o eth1 -s 10.0.0.9 -p tcp",
  "COMMIT",
  "*nat",
  ":PREROUTING ACCEPT [0:0]",
  ":INPUT ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  ":POSTROUTING ACCEPT [0:0]",
  ":SVC - [0:0]",
  ":MARK-MASQ - [0:0]",
  "-A PREROUTING -d 10.96.0.1/32 -p tcp -m tcp --dport 80 -j SVC",
  "-A MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
  "-A SVC -j MARK-MASQ",
  "-A SVC -p tcp -m statistic --mode random --probability 0.50000000000 -j DNAT --to-destination 10.1.0.2:8080",
  "-A SVC -p tcp -j DNAT --to-destination 10.1.0.3:8080",
  "-A POSTROUTING -o eth1 -m mark --mark 0x4000/0x4000 -j MASQUERADE",
  "COMMIT",
  "*filter",
  ":INPUT ACCEPT [0:0]",
  ":FORWARD DROP [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  "-A FORWARD -i eth1 -o eth0 -m conntrack --ctstate ESTABLISHED -j ACCEPT",
  "-A FORWARD -i eth0 -o eth1 -m mark --mark 0x4000/0x4000 -j ACCEPT",
  "-A FORWARD -i eth0 -o eth1 -p tcp -m conntrack --ctstate ESTABLISHED --ctproto tcp --ctorigdst 10.96.0.1 --ctorigdstport 80 -j ACCEPT",
  "COMMIT",
  "",
].join("\n");
/** The rule that counts the server's replies (forwarded back to the client): not a packet the walk traces. */
const REPLY_LINE = RULESET.split("\n").indexOf("-A FORWARD -i eth1 -o eth0 -m conntrack --ctstate ESTABLISHED -j ACCEPT") + 1;
const RAW_LINE = RULESET.split("\n").indexOf("-A PREROUTING -i eth0 -p tcp") + 1;

/** The server: echoes what it reads and prints each connection's addresses as its socket has them. */
const SERVER = `
const net = require("node:net");
net.createServer((s) => { console.log(JSON.stringify({ remote: s.remoteAddress, remotePort: s.remotePort, local: s.localAddress, localPort: s.localPort })); s.pipe(s); })
  .listen(8080, "0.0.0.0", () => console.log("listening"));
`;

/** The client: connects to the ClusterIP from a fixed port, five round trips, then closes. */
const CLIENT = `
const net = require("node:net");
const s = net.connect({ host: "10.96.0.1", port: 80, localPort: ${CLIENT_PORT} });
let left = 5;
s.on("connect", () => s.write("ping"));
s.on("data", () => (--left > 0 ? setTimeout(() => s.write("ping"), 10) : s.end()));
s.on("close", () => process.exit(left === 0 ? 0 : 1));
s.on("error", (e) => { console.error(e.message); process.exit(2); });
setTimeout(() => { console.error("timeout"); process.exit(3); }, 5000);
`;

function ok(ns: Namespace, command: string, args: string[], input?: string): string {
  const r = ns.run(command, args, input);
  assert.equal(r.status, 0, `${command} ${args.join(" ")} in ${ns.name}: ${r.stderr}`);
  return r.stdout;
}

function ip(args: string[]): void {
  const r = spawnSync("ip", args, { encoding: "utf8" });
  assert.equal(r.status, 0, `ip ${args.join(" ")}: ${r.stderr}`);
}

/** The three namespaces of the file comment, linked and addressed. */
function build(client: Namespace, node: Namespace, server: Namespace): void {
  ip(["link", "add", "eth0", "netns", client.name, "type", "veth", "peer", "name", "eth0", "netns", node.name]);
  ip(["link", "add", "eth0", "netns", server.name, "type", "veth", "peer", "name", "eth1", "netns", node.name]);
  const up = (ns: Namespace, dev: string, addresses: string[]) => {
    ip(["-n", ns.name, "link", "set", "lo", "up"]);
    ip(["-n", ns.name, "link", "set", dev, "up"]);
    for (const a of addresses) ip(["-n", ns.name, "addr", "add", a, "dev", dev]);
  };
  up(client, "eth0", ["10.0.0.9/24"]);
  up(node, "eth0", ["10.0.0.1/24"]);
  up(node, "eth1", ["10.1.0.1/24"]);
  up(server, "eth0", ["10.1.0.2/24", "10.1.0.3/24"]);
  ip(["-n", client.name, "route", "add", "default", "via", "10.0.0.1"]);
  ip(["-n", server.name, "route", "add", "default", "via", "10.1.0.1"]);
  ok(node, "sysctl", ["-qw", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0"]);
}

/** Runs one connection through the node with the ruleset loaded by `backend`; what the kernel and the walk say. */
async function connection(backend: Backend, diagnostics: string[]): Promise<void> {
  await withNamespace("conn-client", (client) =>
    withNamespace("conn-node", (node) =>
      withNamespace("conn-server", async (server) => {
        build(client, node, server);
        node.restore(backend, 4, RULESET);
        const serverProcess = spawn("ip", ["netns", "exec", server.name, process.execPath, "-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
        try {
          let output = "";
          serverProcess.stdout.setEncoding("utf8");
          serverProcess.stdout.on("data", (text: string) => (output += text));
          while (!output.includes("listening")) await once(serverProcess.stdout, "data");
          ok(client, process.execPath, ["-e", CLIENT]);
          while (!output.includes("remote")) await once(serverProcess.stdout, "data");
          const seen = JSON.parse(output.split("\n").find((line) => line.includes("remote"))!) as { remote: string; remotePort: number; local: string; localPort: number };

          const { moved } = movedCounters(node.save(backend, 4, ["-c"]), ruleLines(RULESET));
          const count = new Map(moved.map((rule) => [rule.line, rule.packets]));
          const packets = count.get(RAW_LINE) ?? 0;
          assert.ok(packets >= 5, `${backend}: the client's packets (the raw rule's count): ${packets}`);
          assert.ok((count.get(REPLY_LINE) ?? 0) >= 5, `${backend}: the server's replies came back`);
          const conntrack = ok(node, "conntrack", ["-L", "-p", "tcp", "--orig-port-src", String(CLIENT_PORT)]);
          const endpoint = /src=10\.0\.0\.9 dst=10\.96\.0\.1 sport=40123 dport=80 .*src=(10\.1\.0\.[23]) dst=10\.1\.0\.1 sport=8080 dport=40123/.exec(conntrack)?.[1];
          assert.ok(endpoint !== undefined, `${backend}: the connection is DNATed and masqueraded: ${conntrack}`);
          assert.deepEqual([seen.local, seen.localPort, seen.remote, seen.remotePort], [endpoint, 8080, "10.1.0.1", CLIENT_PORT], `${backend}: the server's socket`);

          // The walk, with the node's own addresses and routes, as a user would save them.
          const info = new NodeInfo({ addresses: JSON.parse(ok(node, "ip", ["-j", "addr"])), routes: [JSON.parse(ok(node, "ip", ["-j", "route"]))] });
          const document = parse(RULESET, { filePath: "rules.v4" });
          const packet = `tcp 10.0.0.9:${CLIENT_PORT} -> 10.96.0.1:80 in eth0`;
          const pick = (outcomes: Outcome[], what: string): Outcome => {
            const found = outcomes.filter((o) => o.packet.destination === endpoint);
            assert.equal(found.length, 1, `${backend}: one ${what} outcome to ${endpoint}: ${JSON.stringify(outcomes.map((o) => o.packet))}`);
            assert.equal(found[0].probability, 0.5);
            return found[0];
          };
          const first = pick(trace(document, packet, info).outcomes, "first packet");
          const later = pick(trace(document, { ...parsePacket(packet), state: "established" }, info).outcomes, "established");
          for (const o of [first, later]) {
            assert.deepEqual([o.verdict, o.delivery, o.packet.source, o.packet.destination, o.packet.destinationPort, o.packet.outInterface], ["accept", "forward", seen.remote, seen.local, seen.localPort, "eth1"], `${backend}: the walk's packet`);
          }
          assert.equal(later.packet.mark, "0x0", "nat's MARK was the first packet's");
          assert.deepEqual(
            later.connectionNat.map((t) => [t.hook, t.firstPacketPath.at(-1)?.target]),
            [
              ["PREROUTING", "DNAT"],
              ["POSTROUTING", "MASQUERADE"],
            ],
          );
          // The counters: 1 per rule of the first packet's path, N-1 per rule of a later packet's.
          const firstLines = new Set(first.path.map((s) => s.line));
          const laterLines = new Set(later.path.map((s) => s.line));
          assert.ok(![...laterLines].some((line) => RULESET.split("\n")[line - 1].includes("-j DNAT")), "no nat rule in a later packet's path");
          const expected = new Map<number, number>();
          for (const line of ruleLines(RULESET).values()) {
            const n = (firstLines.has(line) ? 1 : 0) + (laterLines.has(line) ? packets - 1 : 0);
            if (n > 0) expected.set(line, n);
          }
          count.delete(REPLY_LINE);
          diagnostics.push(`${backend}: ${packets} packets to ${endpoint}; counters ${JSON.stringify([...count])}`);
          assert.deepEqual(
            new Map([...count].sort((a, b) => a[0] - b[0])),
            new Map([...expected].sort((a, b) => a[0] - b[0])),
            `${backend}: the kernel's counters (line → packets) against the walk's paths (first: ${[...firstLines]}; later: ${[...laterLines]}; ${packets} packets)`,
          );
        } finally {
          serverProcess.kill();
        }
      }),
    ),
  );
}

test("a real TCP connection to a DNATed, masqueraded ClusterIP: its later packets get the connection's NAT, as `--state established` walks them (nft, legacy)", async (t) => {
  if (!requireNetfilter(t)) return;
  const diagnostics: string[] = [];
  for (const backend of ["nft", "legacy"] as const) await connection(backend, diagnostics);
  t.diagnostic(diagnostics.join("; "));
});
