/**
 * Options written where another extension's would be: getopt gives an option to the newest loaded
 * extension that has it, else to the protocol's match, wherever it stands, so `-j DROP -s x` and
 * `-p tcp -j DROP --dport 22` match as if written before `-j`, `-p tcp -m comment --comment x
 * --dport 22` tests tcp's port, and a target's own options stay its own. Checked against the real iptables: each
 * line is loaded (nft and legacy) and saved, and the walk gives every packet the same outcomes
 * through the line as written and through the line iptables-save prints for it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { NodeInfo, parsePacket, trace } from "../../src/index.js";
import { requireNetfilter, withNamespace, type Backend } from "../helpers/netfilter.js";

const LINES = [
  "-A INPUT -j DROP -s 10.0.0.1",
  "-A INPUT -p tcp -j DROP --dport 22",
  "-A INPUT -p udp -j REJECT --dport 53 --reject-with icmp-port-unreachable",
  "-A INPUT -p tcp -m tcp --sport 1000:2000 -j ACCEPT --dport 22",
  "-A INPUT -j LOG --log-prefix x: -p tcp --dport 80",
  "-A INPUT -p tcp -j MARK --set-mark 1 --dport 443",
  // Not after the target, but after a match that does not have it: the protocol's too.
  "-A INPUT -p tcp -m comment --comment ssh --dport 22 -j DROP",
  "-A INPUT -p udp -m comment --comm dns --sport 3000 -j DROP",
  "-A INPUT -p tcp -m tcp --sport 1500 -m comment --comment x --dport 22 -j DROP",
];
const PACKETS = ["tcp 10.0.0.1:1500 -> 10.0.0.5:22 in eth0", "tcp 10.0.0.2:1500 -> 10.0.0.5:80 in eth0", "tcp 10.0.0.2:3000 -> 10.0.0.5:22 in eth0", "udp 10.0.0.2:3000 -> 10.0.0.5:53 in eth0", "tcp 10.0.0.2:3000 -> 10.0.0.5:443 in eth0"];
const NODE = new NodeInfo({ local: ["10.0.0.5"] });

const file = (rule: string) => `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${rule}\nCOMMIT\n`;
const outcomes = (text: string, packet: string) =>
  trace([parse(text, { filePath: "rules" })], parsePacket(packet), NODE).outcomes.map((o) => ({ verdict: o.verdict, probability: o.probability, conditions: o.conditions, mark: o.packet.mark }));

test("options after the target match as iptables-save prints them before it (nft and legacy)", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("after-target", (ns) => {
    for (const line of LINES) {
      for (const backend of ["nft", "legacy"] as Backend[]) {
        ns.restore(backend, 4, file(line));
        const saved = ns.save(backend, 4, ["-t", "filter"]).split("\n").find((l) => l.startsWith("-A INPUT"));
        assert.ok(saved !== undefined, `${backend}: ${line} saved no rule`);
        for (const packet of PACKETS) assert.deepEqual(outcomes(file(line), packet), outcomes(file(saved), packet), `${line} (saved by ${backend} as ${saved}): ${packet}`);
      }
    }
  });
});

test("options after the target: the walk's reading, without the kernel", () => {
  const verdicts = (line: string) => PACKETS.map((p) => outcomes(file(line), p).map((o) => o.verdict).join("|"));
  assert.deepEqual(verdicts("-A INPUT -p tcp -j DROP --dport 22"), ["drop", "accept", "drop", "accept", "accept"]);
  assert.deepEqual(verdicts("-A INPUT -j DROP -s 10.0.0.1"), ["drop", "accept", "accept", "accept", "accept"]);
  assert.deepEqual(verdicts("-A INPUT -p tcp -m comment --comment ssh --dport 22 -j DROP"), ["drop", "accept", "drop", "accept", "accept"]);
});
