/**
 * multiport-too-many-ports: the slot count as libxt_multiport makes it, which words getopt gives
 * to multiport, and the fixtures against the real iptables (nft and legacy, v4 and v6): each
 * invalid line refused with "too many ports specified", each valid one loaded.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { multiportTooManyPorts as rule, slotsOf } from "../../rules/multiport-too-many-ports/rule.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { checkWith, corpusHasNoFindings, FILTER, fixturesAgainstNetfilter, fixturesOf, load } from "./load-checks.js";

fixturesAgainstNetfilter(rule);
corpusHasNoFindings(rule);

const ports = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i)).join(",");
const findings = (rules: string) => checkWith(rule, `${FILTER}${rules}COMMIT\n`).of(rule.id);

test("a port takes one slot and a range two; sixteen slots are one too many", () => {
  assert.equal(slotsOf(ports(1, 15)), 15);
  assert.equal(slotsOf(`1:2,${ports(3, 15)}`), 15);
  assert.equal(slotsOf(`${ports(1, 14)},20:30`), 16);
  assert.equal(slotsOf("ssh,http,https"), 3);
  // A port iptables refuses before it counts to sixteen is another refusal: not counted.
  assert.equal(slotsOf(`1,,${ports(3, 20)}`), null);
  assert.equal(slotsOf(`9:3,${ports(3, 20)}`), null);
  assert.equal(slotsOf(`70000,${ports(3, 20)}`), null);
  assert.equal(slotsOf(`${ports(1, 15)},x y`), 16);
});

test("every spelling of multiport's options, `!` forms and the inline `=` value; the message names the option and the count", () => {
  for (const option of ["--ports", "--sports", "--dports", "--source-ports", "--destination-ports", "! --dports"]) {
    const [finding, ...more] = findings(`-A INPUT -p tcp -m multiport ${option} ${ports(1, 16)} -j ACCEPT\n`);
    assert.equal(more.length, 0, option);
    assert.equal(finding.message, `\`${option.replace("! ", "")}\` lists 16 port slots (a range takes two), more than multiport's 15: iptables refuses the line ("too many ports specified")`);
  }
  assert.equal(findings(`-A INPUT -p tcp -m multiport --dports=${ports(1, 16)} -j ACCEPT\n`).length, 1);
});

test("`--dport` is multiport's abbreviation only while no protocol match has it", () => {
  assert.equal(findings(`-A INPUT -p tcp -m multiport --dport ${ports(1, 16)} -j ACCEPT\n`).length, 1);
  assert.equal(findings(`-A INPUT -p tcp -m multiport --destination-port ${ports(1, 16)} -j ACCEPT\n`).length, 1);
  // `-m tcp` loaded first owns `--sport`: a list there is tcp's problem, not multiport's.
  assert.deepEqual(findings(`-A INPUT -p tcp -m tcp --sport ${ports(1, 16)} -m multiport --dports 1,2 -j ACCEPT\n`), []);
  assert.deepEqual(findings(`-A INPUT -p tcp --syn -m multiport --dport ${ports(1, 16)} -j ACCEPT\n`), []);
  // Without `-m multiport` the options are nobody's.
  assert.deepEqual(findings(`-A INPUT -p tcp --dport 1 -m comment --comment ${ports(1, 16)} -j ACCEPT\n`), []);
});

test("-D and -I lines are parsed as -A lines are", () => {
  assert.equal(findings(`-D INPUT -p tcp -m multiport --dports ${ports(1, 16)} -j ACCEPT\n-I INPUT -p udp -m multiport --sports ${ports(1, 16)}\n`).length, 2);
});

test("iptables refuses each reported line with the quoted words, and loads it cut to fifteen slots (nft and legacy, v4 and v6)", async (t) => {
  if (!requireNetfilter(t)) return;
  const lines = fixturesOf(rule)
    .filter((f) => f.name.startsWith("invalid-"))
    .flatMap((f) => {
      const found = checkWith(rule, f.text).of(rule.id);
      return found.map((d) => f.text.split("\n")[d.loc.start.line - 1]);
    });
  assert.ok(lines.length >= 6);
  await withNamespace("multiport", (ns) => {
    for (const family of [4, 6] as Family[]) {
      for (const backend of ["nft", "legacy"] as Backend[]) {
        for (const line of lines) {
          const refused = load(ns, backend, family, `*filter\n${line}\nCOMMIT\n`);
          assert.notEqual(refused.status, 0, `${tool("restore", backend, family)} loaded ${line}`);
          assert.match(refused.said, /: too many ports specified\n/, `${tool("restore", backend, family)} ${line}`);
          const cut = line.replace(/\d[\d:]*(,[\d:]+)+/, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15");
          const loaded = load(ns, backend, family, `*filter\n${cut}\nCOMMIT\n`);
          assert.equal(loaded.status, 0, `${tool("restore", backend, family)} refused ${cut}: ${loaded.said}`);
        }
      }
    }
  });
});
