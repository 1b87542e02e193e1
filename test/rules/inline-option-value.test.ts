/**
 * inline-option-value: the findings, their positions and fixes, and every claim against the real
 * iptables: each spelling the rule reports is refused by iptables-restore and ip6tables-restore
 * (nft and legacy) with the message the finding quotes, and loads once fixed; the spellings it
 * leaves alone (the options of matches and targets, `--goto=`, `--match=`, `--set-counters=`)
 * load; the fixtures are refused and their fixed texts load.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { inlineOptionValue as rule, REFUSED } from "../../rules/inline-option-value/rule.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { FILTER, checkWith, corpusHasNoErrors, corpusHasNoFindings, fixturesAgainstNetfilter, load, where } from "./load-checks.js";

corpusHasNoErrors(rule);

corpusHasNoFindings(rule);


test("an error at each refused `--name=value`, with a space as the safe fix", () => {
  const text =
    FILTER +
    "-A INPUT --source=10.0.0.0/8 ! --in-interface=eth0 -j ACCEPT\n" +
    "-A FORWARD --protocol=tcp -m tcp --dport=22 --jump=DROP\n" +
    "-D OUTPUT --out-interface=eth1 --dst=10.1.2.3 -j ACCEPT\n" +
    "-A INPUT --fragment=1 -j DROP\n" +
    '-A INPUT "--src=10.0.0.1" -j ACCEPT\n' +
    "-A INPUT -s 10.0.0.2 --jump=\n" +
    "COMMIT\n";
  const findings = checkWith(rule, text).of(rule.id);
  assert.deepEqual(
    findings.map((d) => `${d.severity} ${where(text, d)} ${d.fix ? "fix" : "no fix"}`),
    [
      "error 5:10 --source=10.0.0.0/8 fix",
      "error 5:32 --in-interface=eth0 fix",
      "error 6:12 --protocol=tcp fix",
      "error 6:45 --jump=DROP fix",
      "error 7:11 --out-interface=eth1 fix",
      "error 7:32 --dst=10.1.2.3 fix",
      "error 8:10 --fragment=1 no fix",
      'error 9:10 "--src=10.0.0.1" no fix',
      "error 10:22 --jump= no fix",
    ],
  );
  assert.equal(
    findings[0].message,
    "`--source=10.0.0.0/8`: iptables-restore takes the whole word as the address and refuses it (\"host/network `--source=10.0.0.0/8' not found\")",
  );
  assert.match(findings[3].message, /\("Chain '--jump=DROP' does not exist" \(nft\), "Couldn't load target `--jump=DROP'" \(legacy\)\)$/);
  assert.match(findings[6].message, /^`--fragment=1`: iptables-restore takes the whole word as an option name and refuses it \("unknown option "--fragment=1""\)$/);
  // iptables sees the word without its quotes.
  assert.match(findings[7].message, /"host\/network `--src=10\.0\.0\.1' not found"/);
  const fixed = checkWith(rule, text).fixed.output;
  assert.equal(
    fixed,
    FILTER +
      "-A INPUT --source 10.0.0.0/8 ! --in-interface eth0 -j ACCEPT\n" +
      "-A FORWARD --protocol tcp -m tcp --dport=22 --jump DROP\n" +
      "-D OUTPUT --out-interface eth1 --dst 10.1.2.3 -j ACCEPT\n" +
      "-A INPUT --fragment=1 -j DROP\n" +
      '-A INPUT "--src=10.0.0.1" -j ACCEPT\n' +
      "-A INPUT -s 10.0.0.2 --jump=\n" +
      "COMMIT\n",
  );
  assert.equal(checkWith(rule, fixed).of(rule.id).length, 3);
});

test("not reported: `=` in the options of matches and targets, in `--goto=`, `--match=` and `--set-counters=`, in values and comments", () => {
  const text =
    "*nat\n:PREROUTING ACCEPT [0:0]\n:SVC - [0:0]\n" +
    '-A PREROUTING -p tcp -m tcp --dport=8080 -m comment --comment="a=b" -j DNAT --to-destination=10.0.0.2:80\n' +
    "-A PREROUTING --match=addrtype --dst-type=LOCAL --goto=SVC\n" +
    '-A SVC -s 10.0.0.0/8 -j LOG --log-prefix "src=10.0.0.1 "\n' +
    "-A SVC --set-counters=1 2 -j RETURN\n" +
    "# --source=10.0.0.1\n" +
    "COMMIT\n";
  assert.deepEqual(checkWith(rule, text).of(rule.id), []);
  // iptables -S output has no tables: reported all the same.
  assert.equal(checkWith(rule, "-P INPUT ACCEPT\n-A INPUT --source=10.0.0.1 -j ACCEPT\n").of(rule.id).length, 1);
});

fixturesAgainstNetfilter(rule);

/** A value for each refused spelling, by family. */
function valueOf(name: string, family: Family): string {
  if (name === "--in-interface" || name === "--out-interface") return "eth0";
  if (name === "--protocol") return "tcp";
  if (name === "--jump") return "ACCEPT";
  if (["--source", "--src", "--destination", "--dst"].includes(name)) return family === 6 ? "fe80::1" : "10.0.0.1";
  return "1";
}

for (const family of [4, 6] as Family[]) {
  test(`every refused spelling, ${family === 6 ? "ip6tables" : "iptables"}-restore (nft and legacy): refused with the message the finding quotes, and the fixed line loads`, async (t) => {
    if (!requireNetfilter(t)) return;
    await withNamespace("inline-eq", (ns) => {
      const wrong: string[] = [];
      for (const name of Object.keys(REFUSED)) {
        const written = `${name}=${valueOf(name, family)}`;
        const text = `${FILTER}-A FORWARD ${written}${name === "--jump" ? "" : " -j ACCEPT"}\nCOMMIT\n`;
        const [finding, ...more] = checkWith(rule, text).of(rule.id);
        if (finding === undefined || more.length > 0) {
          wrong.push(`${written}: ${more.length + (finding ? 1 : 0)} findings`);
          continue;
        }
        const quoted = [...finding.message.matchAll(/"((?:[^"]|"[^"(]*")+)"(?= \(|\)|, )/g)].map((m) => m[1]);
        for (const backend of ["nft", "legacy"] as Backend[]) {
          const result = load(ns, backend, family, text);
          if (result.status === 0) wrong.push(`${tool("restore", backend, family)} loaded ${written}`);
          else if (!quoted.some((q) => result.said.includes(q))) wrong.push(`${tool("restore", backend, family)} on ${written} said ${JSON.stringify(result.said)}, the finding quotes ${JSON.stringify(quoted)}`);
          if (finding.fix) {
            const fixed = load(ns, backend, family, checkWith(rule, text).fixed.output);
            if (fixed.status !== 0) wrong.push(`${tool("restore", backend, family)} refused the fixed ${written}: ${fixed.said}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  });
}

test("the spellings left alone load with both backends as if written with a space", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("inline-ok", (ns) => {
    const text =
      "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:LOGGED - [0:0]\n" +
      "-A FORWARD -p tcp -m tcp --dport=80 -m comment --comment=web -j REJECT --reject-with=tcp-reset\n" +
      "-A FORWARD --match=comment --comment x --goto=LOGGED\n" +
      "-A FORWARD --set-counters=1 2 -j ACCEPT\n" +
      "COMMIT\n";
    assert.deepEqual(checkWith(rule, text).of(rule.id), []);
    for (const backend of ["nft", "legacy"] as Backend[]) {
      const result = load(ns, backend, 4, text);
      assert.equal(result.status, 0, `${tool("restore", backend, 4)}: ${result.said}`);
      const saved = ns.save(backend, 4);
      assert.match(saved, /-A FORWARD -p tcp -m tcp --dport 80 -m comment --comment web -j REJECT --reject-with tcp-reset/);
      assert.match(saved, /-A FORWARD -m comment --comment x -g LOGGED/);
      ns.run(`iptables-${backend}`, ["-F"]);
      ns.run(`iptables-${backend}`, ["-X"]);
    }
  });
});

test("a one-letter option with its value in the same word where iptables takes the whole word: an error, with a space as the safe fix", () => {
  const text =
    FILTER +
    ":-jLOGGED - [0:0]\n" +
    "-A INPUT -s10.0.0.0/8 -jACCEPT\n" +
    "-A FORWARD -ptcp -m tcp --dport 22 -d10.1.2.3 -j DROP\n" +
    "-A OUTPUT -oeth0123456789ab -j ACCEPT\n" +
    '-A INPUT "-s10.0.0.1" -s=10.0.0.2 -j ACCEPT\n' +
    // Loaded: an interface named `-ieth0`; `-mtcp` and `-gX` are `-m tcp` and `-g X`; a chain named `-jLOGGED`.
    "-A INPUT -ieth0 -p tcp -mtcp --dport 22 -j ACCEPT\n" +
    "-A INPUT -jLOGGED\n" +
    "COMMIT\n";
  const findings = checkWith(rule, text).of(rule.id);
  assert.deepEqual(
    findings.map((d) => `${d.severity} ${where(text, d)} ${d.fix ? "fix" : "no fix"}`),
    [
      "error 6:10 -s10.0.0.0/8 fix",
      "error 6:23 -jACCEPT fix",
      "error 7:12 -ptcp fix",
      "error 7:36 -d10.1.2.3 fix",
      "error 8:11 -oeth0123456789ab fix",
      'error 9:10 "-s10.0.0.1" no fix',
      "error 9:23 -s=10.0.0.2 no fix",
    ],
  );
  assert.equal(findings[0].message, "`-s10.0.0.0/8`: iptables-restore takes the whole word as the address and refuses it (\"host/network `-s10.0.0.0/8' not found\")");
  assert.match(findings[1].message, /\("Chain '-jACCEPT' does not exist" \(nft\), "Couldn't load target `-jACCEPT'" \(legacy\)\)$/);
  const fixed = checkWith(rule, text).fixed.output;
  assert.match(fixed, /\n-A INPUT -s 10\.0\.0\.0\/8 -j ACCEPT\n-A FORWARD -p tcp -m tcp --dport 22 -d 10\.1\.2\.3 -j DROP\n-A OUTPUT -o eth0123456789ab -j ACCEPT\n/);
  // The same in a shape of many lines: each line is reported.
  const many = FILTER + Array.from({ length: 50 }, (_, k) => `-A INPUT -s10.0.0.${k} -m comment --comment x -j ACCEPT\n`).join("") + "COMMIT\n";
  assert.equal(checkWith(rule, many).of(rule.id).length, 50);
});

for (const family of [4, 6] as Family[]) {
  test(`each one-letter spelling reported, ${family === 6 ? "ip6tables" : "iptables"}-restore (nft and legacy): refused with the message quoted, loaded once fixed; the ones left alone load`, async (t) => {
    if (!requireNetfilter(t)) return;
    const address = family === 6 ? "fe80::1" : "10.0.0.1";
    await withNamespace("inline-glued", (ns) => {
      const wrong: string[] = [];
      const reported = [`-s${address} -j ACCEPT`, `-d${address} -j ACCEPT`, "-ptcp -j ACCEPT", "-jACCEPT", "-ieth0123456789ab -j ACCEPT", "-oeth0123456789ab -j ACCEPT"];
      for (const words of reported) {
        const text = `${FILTER}-A FORWARD ${words}\nCOMMIT\n`;
        const [finding, ...more] = checkWith(rule, text).of(rule.id);
        if (finding === undefined || more.length > 0) {
          wrong.push(`${words}: ${more.length + (finding ? 1 : 0)} findings`);
          continue;
        }
        const quoted = [...finding.message.matchAll(/"((?:[^"]|"[^"(]*")+)"(?= \(|\)|, )/g)].map((m) => m[1]);
        for (const backend of ["nft", "legacy"] as Backend[]) {
          const result = load(ns, backend, family, text);
          if (result.status === 0) wrong.push(`${tool("restore", backend, family)} loaded ${words}`);
          else if (!quoted.some((q) => result.said.includes(q))) wrong.push(`${tool("restore", backend, family)} on ${words} said ${JSON.stringify(result.said)}, the finding quotes ${JSON.stringify(quoted)}`);
          const fixed = load(ns, backend, family, checkWith(rule, text).fixed.output);
          if (fixed.status !== 0) wrong.push(`${tool("restore", backend, family)} refused the fixed ${words}: ${fixed.said}`);
        }
      }
      // Left alone: iptables loads them (a chain named `-jX` with legacy only, whose nft refuses its declaration).
      const alone = `${FILTER}:FOO - [0:0]\n-A FORWARD -ieth0 -oeth1 -j ACCEPT\n-A FORWARD -mcomment --comment x -gFOO\n-AFORWARD -j ACCEPT\nCOMMIT\n`;
      if (checkWith(rule, alone).of(rule.id).length > 0) wrong.push("reported a spelling iptables loads");
      for (const backend of ["nft", "legacy"] as Backend[]) {
        const result = load(ns, backend, family, alone);
        if (result.status !== 0) wrong.push(`${tool("restore", backend, family)} refused ${alone}: ${result.said}`);
      }
      const declared = `${FILTER}:-jLOGGED - [0:0]\n-A FORWARD -jLOGGED\nCOMMIT\n`;
      if (checkWith(rule, declared).of(rule.id).length > 0) wrong.push("reported a jump to a declared chain `-jLOGGED`");
      const legacy = load(ns, "legacy", family, declared);
      if (legacy.status !== 0) wrong.push(`${tool("restore", "legacy", family)} refused ${declared}: ${legacy.said}`);
      assert.deepEqual(wrong, []);
    });
  });
}
