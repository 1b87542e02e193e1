/**
 * The rules of issue 14 that need no packet walk: dump-unsupported-revision,
 * dump-incomplete-table, iptables-backend-split, foreign-jump-into-kube-chain,
 * stale-proxy-mode-rules and kube-localnet-exposed. What each finds and what it leaves alone;
 * the corpus of real dumps gets no finding from any of them.
 * Their proofs on the real kernel are in dump-rules-netfilter.test.ts.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { dumpIncompleteTable } from "../../rules/dump-incomplete-table/rule.js";
import { dumpUnsupportedRevision } from "../../rules/dump-unsupported-revision/rule.js";
import { foreignJumpIntoKubeChain } from "../../rules/foreign-jump-into-kube-chain/rule.js";
import { iptablesBackendSplit } from "../../rules/iptables-backend-split/rule.js";
import { kubeLocalnetExposed } from "../../rules/kube-localnet-exposed/rule.js";
import { staleProxyModeRules } from "../../rules/stale-proxy-mode-rules/rule.js";
import type { RuleModule } from "../../rules/types.js";
import { fromRoot } from "../helpers/project.js";
import { checkWith, corpusHasNoFindings, FILTER, where } from "./load-checks.js";

const rules = [dumpUnsupportedRevision, dumpIncompleteTable, iptablesBackendSplit, foreignJumpIntoKubeChain, staleProxyModeRules, kubeLocalnetExposed];
for (const rule of rules) corpusHasNoFindings(rule);

const found = (rule: RuleModule, text: string) => checkWith(rule, text).of(rule.id).map((d) => where(text, d));
const fixture = (rule: RuleModule, name: string) => readFileSync(fromRoot("rules", rule.id, "fixtures", name), "utf8");

test("dump-unsupported-revision: the placeholder after a target or a match, named by its owner; not inside a quoted value or on a # line", () => {
  const text = `${FILTER}# -A INPUT -j DNAT [unsupported revision]\n-A INPUT -m conntrack [unsupported revision] -j ACCEPT\n-A INPUT -j LOG [unsupported revision]\n-A INPUT -m comment --comment "x [unsupported revision]" -j ACCEPT\nCOMMIT\n`;
  assert.deepEqual(found(dumpUnsupportedRevision, text), ["6:23 [unsupported revision]", "7:17 [unsupported revision]"]);
  const messages = checkWith(dumpUnsupportedRevision, text).of(dumpUnsupportedRevision.id).map((d) => d.message);
  assert.match(messages[0], /^Match `conntrack` was dumped as/);
  assert.match(messages[1], /^Target `LOG` was dumped as/);
  assert.equal(messages[0].length <= 170, true);
});

test("dump-incomplete-table: both forms, with either quote, naming the table; text that only mentions them is not reported", () => {
  const text = "# Table `nat' is incompatible, use 'nft' tool.\n# Table 'mangle' is incompatible, use 'nft' tool.\n# Table `filter' contains incompatible base-chains, use 'nft' tool to list them.\n# note: # Table `raw' is incompatible, use 'nft' tool.\n" + `${FILTER}COMMIT\n`;
  const findings = checkWith(dumpIncompleteTable, text).of(dumpIncompleteTable.id);
  assert.deepEqual(findings.map((d) => d.loc.start.line), [1, 2, 3]);
  assert.match(findings[0].message, /left table `nat` out/);
  assert.match(findings[1].message, /left table `mangle` out/);
  assert.match(findings[2].message, /left base chains of table `filter` out/);
});

test("iptables-backend-split: the save tools' and `iptables -S`'s wordings, v4 and v6; a wrong pairing of names is not the warning", () => {
  const lines = [
    "# Warning: iptables-legacy tables present, use iptables-legacy-save to see them",
    "# Warning: ip6tables-legacy tables present, use ip6tables-legacy-save to see them",
    "# Warning: iptables-legacy tables present, use iptables-legacy to see them",
    "# Warning: iptables-legacy tables present, use ip6tables-legacy-save to see them",
  ];
  const text = `${lines.join("\n")}\n${FILTER}COMMIT\n`;
  const findings = checkWith(iptablesBackendSplit, text).of(iptablesBackendSplit.id);
  assert.deepEqual(findings.map((d) => d.loc.start.line), [1, 2, 3]);
  assert.match(findings[1].message, /ip6tables-legacy tables/);
});

const NAT = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n";

test("foreign-jump-into-kube-chain: jumps from non-KUBE chains and built-in chains; kube's own jumps, -D lines and undefined targets are left alone", () => {
  const text = `${NAT}:KUBE-MARK-MASQ - [0:0]\n:KUBE-SVC-X - [0:0]\n:MINE - [0:0]\n-A PREROUTING -s 10.0.0.0/8 -j KUBE-MARK-MASQ\n-A MINE -j KUBE-MARK-MASQ\n-D MINE -j KUBE-MARK-MASQ\n-A KUBE-SVC-X -j KUBE-MARK-MASQ\n-A MINE -j KUBE-MARK-DROP\nCOMMIT\n`;
  // KUBE-MARK-DROP is not defined: jump-to-undefined-chain's error, not this rule's.
  assert.deepEqual(found(foreignJumpIntoKubeChain, text), ["9:32 KUBE-MARK-MASQ", "10:12 KUBE-MARK-MASQ"]);
  // A --noflush fragment counts on the node's chain.
  assert.deepEqual(found(foreignJumpIntoKubeChain, "*nat\n-A CNI-DN-1 -s 10.88.0.5/32 -j KUBE-MARK-MASQ\nCOMMIT\n"), ["2:32 KUBE-MARK-MASQ"]);
});

test("stale-proxy-mode-rules: nothing without the IPVS chains, or with the IPVS chains alone; the filter REJECT before the nat chains", () => {
  const invalid = fixture(staleProxyModeRules, "invalid-iptables-to-ipvs.rules");
  assert.equal(found(staleProxyModeRules, invalid).length, 1);
  assert.match(found(staleProxyModeRules, invalid)[0], /REJECT --reject-with/);
  assert.deepEqual(found(staleProxyModeRules, invalid.replace(/:KUBE-(NODE-PORT|LOAD-BALANCER) - \[0:0\]\n/g, "").replace(/^.*-j KUBE-(NODE-PORT|LOAD-BALANCER|MARK-MASQ)$\n/gm, "").replace(/^-A KUBE-(NODE-PORT|LOAD-BALANCER) .*\n/gm, "")), []);
  assert.deepEqual(found(staleProxyModeRules, fixture(staleProxyModeRules, "valid-ipvs-mode.rules")), []);
  // Only a chain named like the IPVS chains in use (a jump, no declaration) is no evidence.
  assert.deepEqual(found(staleProxyModeRules, `${NAT}:KUBE-SVC-X - [0:0]\n-A KUBE-SVC-X -j ACCEPT\n-A PREROUTING -j KUBE-NODE-PORT\nCOMMIT\n`), []);
});

test("kube-localnet-exposed: only with NodePort services, in IPv4, without a guard INPUT reaches, and not under an INPUT DROP policy", () => {
  const invalid = fixture(kubeLocalnetExposed, "invalid-no-localnet-guard.rules");
  assert.equal(found(kubeLocalnetExposed, invalid).length, 1);
  // No NodePort service: nothing listens on 127.0.0.1 through kube-proxy.
  assert.deepEqual(found(kubeLocalnetExposed, invalid.replace(/^-A KUBE-NODEPORTS .*\n/m, "")), []);
  // ip6tables: no route_localnet.
  assert.deepEqual(found(kubeLocalnetExposed, `# Generated by ip6tables-save v1.8.9\n${invalid}`), []);
  // The guard in a chain INPUT does not reach guards nothing.
  const unreached = invalid.replace("-A INPUT -j KUBE-FIREWALL\n", "").replace("COMMIT\n*filter", "COMMIT\n*filter").replace(/(-A KUBE-FIREWALL -m comment)/, '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -j DROP\n$1');
  assert.equal(found(kubeLocalnetExposed, unreached).length, 1);
  assert.deepEqual(found(kubeLocalnetExposed, unreached.replace("-A OUTPUT -j KUBE-FIREWALL", "-A INPUT -j KUBE-FIREWALL")), []);
  // INPUT DROP: the ACCEPT rules decide, which this rule does not weigh.
  assert.deepEqual(found(kubeLocalnetExposed, invalid.replace(":INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:KUBE-FIREWALL", ":INPUT DROP [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:KUBE-FIREWALL")), []);
  // Without a filter table nothing is known of INPUT.
  assert.deepEqual(found(kubeLocalnetExposed, invalid.slice(0, invalid.indexOf("*filter"))), []);
  // A jump to KUBE-NODEPORTS for another address only: no localhost NodePorts.
  assert.deepEqual(found(kubeLocalnetExposed, invalid.replace("-m addrtype --dst-type LOCAL -j KUBE-NODEPORTS", "-d 192.0.2.10/32 -j KUBE-NODEPORTS")), []);
});
