/**
 * masquerade-mark-not-cleared on real dumps and with node context. The cases of the rule's
 * README and fixtures are checked by contract.test.ts.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fromRoot } from "../helpers/project.js";
import { check } from "./support.js";

const ID = "masquerade-mark-not-cleared";
const corpus = (name: string): string => readFileSync(fromRoot("test", "fixtures", "corpus", "kube", name), "utf8");
const flaggedLines = (text: string, options = {}) =>
  check(text, options)
    .of(ID)
    .map((d) => text.slice(d.range.start, d.range.end).replace(/^\[\d+:\d+\] /, ""));

const BUGGY =
  '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -m mark --mark 0x4000/0x4000 -j MASQUERADE --random-fully';

test("kube-proxy v1.16-v1.18.5 dumps: one error on the masquerading rule, whatever the backend or counters", () => {
  for (const form of ["nft.save", "legacy.save", "nft.counters.save"]) {
    for (const mode of ["iptables", "ipvs"]) {
      const text = corpus(`kube-proxy-1.18.2-${mode}.${form}`);
      const result = check(text);
      assert.deepEqual(flaggedLines(text), [BUGGY], `${mode} ${form}`);
      assert.equal(result.of(ID)[0].severity, "error");
    }
  }
});

test("kube-proxy v1.2-v1.15 dumps: a warning (no --random-fully yet)", () => {
  for (const form of ["nft.save", "legacy.save", "nft.counters.save"]) {
    const result = check(corpus(`kube-proxy-1.14-iptables.${form}`));
    assert.equal(result.of(ID).length, 1);
    assert.equal(result.of(ID)[0].severity, "warning");
    assert.match(result.of(ID)[0].message, /SNATed twice, harmless until --random-fully is added/);
  }
});

test("kube-proxy v1.19 dumps are clean", () => {
  for (const form of ["nft.save", "legacy.save", "nft.counters.save"]) {
    assert.deepEqual(check(corpus(`kube-proxy-1.19-iptables.${form}`)).of(ID), []);
  }
});

test("the IPVS hairpin rule is never flagged and stays first in the fixed chain", () => {
  const text = corpus("kube-proxy-1.18.2-ipvs.nft.save");
  const fixed = check(text).fixed.output;
  const chain = fixed.split("\n").filter((l) => l.startsWith("-A KUBE-POSTROUTING"));
  assert.match(chain[0], /--match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE$/);
  assert.deepEqual(chain.slice(1), [
    "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN",
    "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0",
    '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  ]);
});

test("fixing a v1.18.2 dump gives the v1.19 chain, in every backend's form", () => {
  for (const form of ["nft.save", "legacy.save", "nft.counters.save"]) {
    const fixed = check(corpus(`kube-proxy-1.18.2-iptables.${form}`)).fixed.output;
    const chainOf = (text: string) => text.split("\n").filter((l) => /^(\[\d+:\d+\] )?-A KUBE-POSTROUTING /.test(l));
    assert.deepEqual(chainOf(fixed), chainOf(corpus(`kube-proxy-1.19-iptables.${form}`)), form);
  }
});

test("the message names the rule's target, flag and mark; the README (`iptlint explain`) the versions, the kernels and the other workaround", () => {
  const [finding] = check(corpus("kube-proxy-1.18.2-iptables.nft.save")).of(ID);
  assert.equal(
    finding.message,
    "`-j MASQUERADE --random-fully` on packets still marked 0x4000: VXLAN packets are SNATed twice and dropped on kernels without the UDP checksum fix",
  );
  const readme = readFileSync(fromRoot("rules", ID, "README.md"), "utf8").replace(/\s+/g, " ");
  for (const fact of ["v1.16.0", "v1.18.5", "v1.16.13+", "v1.17.9+", "v1.18.6+", "4.14.181+", "4.19.123+", "5.4.41+", "4.15.0-107.108+", "5.4.0-32.36+", "ethtool --offload <dev> rx off tx off", "63 s", "#96868", "never update the UDP checksum when it's 0"]) {
    assert.ok(readme.includes(fact), `README mentions ${fact}`);
  }
});

test("a kernel with the checksum fix lowers the error to a warning, and says the double SNAT remains", () => {
  const text = corpus("kube-proxy-1.18.2-iptables.nft.save");
  for (const kernelVersion of ["5.4.41", "4.19.123", "4.14.181", "5.10.0-21-amd64", "6.1.0", "5.4.0-32-generic", "4.15.0-107-generic"]) {
    const [finding] = check(text, { node: { kernelVersion } }).of(ID);
    assert.equal(finding.severity, "warning", kernelVersion);
    assert.match(finding.message, /SNATed twice \(kernel \S+ has the checksum fix\)$/);
    assert.ok(finding.message.includes(kernelVersion), finding.message);
  }
  for (const kernelVersion of ["5.4.40", "4.19.122", "3.10.0-1127.el7.x86_64", "5.4.0-31-generic", "4.15.0-106-generic", "5.5.19"]) {
    const [finding] = check(text, { node: { kernelVersion } }).of(ID);
    assert.equal(finding.severity, "error", kernelVersion);
    assert.match(finding.message, /SNATed twice and dropped \(kernel \S+ lacks the checksum fix\)$/);
  }
});

test("Kubernetes context: an affected kube-proxy raises the latent warning; a fixed one means leftovers", () => {
  const latent = corpus("kube-proxy-1.14-iptables.nft.save");
  const [raised] = check(latent, { node: { kubernetesVersion: "v1.18.2" } }).of(ID);
  assert.equal(raised.severity, "error");
  assert.match(raised.message, /dropped once kube-proxy v1\.18\.2 adds --random-fully$/);
  const [old] = check(latent, { node: { kubernetesVersion: "1.14.3" } }).of(ID);
  assert.equal(old.severity, "warning");
  const [stale] = check(corpus("kube-proxy-1.18.2-iptables.nft.save"), { node: { kubernetesVersion: "1.18.6" } }).of(ID);
  assert.match(stale.message, /\(it predates kube-proxy 1\.18\.6\)$/);
});

test("a MASQUERADE for every packet is flagged but not rewritten (the fix would stop masquerading unmarked packets)", () => {
  const text = [
    "*nat",
    ":POSTROUTING ACCEPT [0:0]",
    ":KUBE-MARK-MASQ - [0:0]",
    "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
    "-A POSTROUTING -j MASQUERADE --random-fully",
    "COMMIT",
    "",
  ].join("\n");
  const result = check(text);
  assert.equal(result.of(ID).length, 1);
  assert.equal(result.of(ID)[0].fix, undefined);
  assert.equal(result.fixed.output, text);
});

test("a chain reached through a user chain and a goto is followed", () => {
  const text = [
    "*nat",
    ":POSTROUTING ACCEPT [0:0]",
    ":KUBE-MARK-MASQ - [0:0]",
    ":HOP - [0:0]",
    ":MASQ - [0:0]",
    "-A KUBE-MARK-MASQ -j MARK --or-mark 0x100",
    "-A POSTROUTING -o eth0 -j HOP",
    "-A HOP -g MASQ",
    "-A MASQ -m mark --mark 0x100/0x100 -j MASQUERADE",
    "COMMIT",
    "",
  ].join("\n");
  const [finding] = check(text).of(ID);
  assert.equal(finding.severity, "warning");
  assert.match(finding.message, /still marked 0x100:/);
  assert.equal(finding.loc.start.line, 9);
});

test("iptables -S output of the nat table is checked too", () => {
  const text = [
    "-P POSTROUTING ACCEPT",
    "-N KUBE-MARK-MASQ",
    "-N KUBE-POSTROUTING",
    "-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING",
    "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
    BUGGY,
    "",
  ].join("\n");
  const result = check(text);
  assert.equal(result.of(ID).length, 1);
  assert.match(result.fixed.output, /-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000\/0x0\n/);
});

test("a MASQUERADE that matches the mark and another condition is flagged: the other condition may hold for a marked packet", () => {
  for (const condition of ["-o eth0", "-s 10.244.0.0/16", "-p udp -m udp --dport 4789", "-m addrtype ! --dst-type LOCAL", "! -o cni0"]) {
    const masquerade = `-A KUBE-POSTROUTING ${condition} -m mark --mark 0x4000/0x4000 -j MASQUERADE`;
    const text = [
      "*nat",
      ":POSTROUTING ACCEPT [0:0]",
      ":KUBE-MARK-MASQ - [0:0]",
      ":KUBE-POSTROUTING - [0:0]",
      "-A POSTROUTING -j KUBE-POSTROUTING",
      "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
      masquerade,
      "COMMIT",
      "",
    ].join("\n");
    assert.deepEqual(flaggedLines(text), [masquerade], condition);
    // The fixed chain keeps the condition on the masquerading rule and clears the mark before it.
    assert.deepEqual(
      check(text).fixed.output.split("\n").filter((l) => l.startsWith("-A KUBE-POSTROUTING")),
      [
        "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN",
        "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0",
        `-A KUBE-POSTROUTING ${condition} -j MASQUERADE`,
      ],
      condition,
    );
  }
});

test("a MASQUERADE with other conditions and no mark match (Docker's) is not flagged: it does not select marked packets", () => {
  // Its conditions make the rule a maybe for a marked packet; only a mark match makes a maybe a finding.
  const text = [
    "*nat",
    ":POSTROUTING ACCEPT [0:0]",
    ":KUBE-MARK-MASQ - [0:0]",
    "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
    "-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE",
    "COMMIT",
    "",
  ].join("\n");
  assert.deepEqual(flaggedLines(text), []);
});
