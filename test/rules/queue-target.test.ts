/**
 * queue-target: the findings, their positions and fixes; the fixtures against the real iptables
 * (a warning that only iptables-nft refuses, so not the shared fixture check: every `invalid-*`
 * fixture is refused by iptables-nft-restore with the message the finding quotes and loaded by
 * iptables-legacy-restore, every fixed text and `valid-*` fixture is loaded by both, and
 * iptables-save prints the fixed rules exactly as iptlint wrote them); QUEUE in every built-in
 * chain of every table; and QUEUE and its replacement doing the same to real packets.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { queueTarget as rule, REPLACEMENT } from "../../rules/queue-target/rule.js";
import { BUILTIN_CHAINS } from "../../rules/netfilter/index.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family, type Namespace } from "../helpers/netfilter.js";
import { FILTER, checkWith, corpusHasNoErrors, corpusHasNoFindings, familyOfText, fixturesOf, load, where } from "./load-checks.js";

corpusHasNoErrors(rule);

corpusHasNoFindings(rule);


test("a warning on `-j QUEUE` with a safe fix to `-j NFQUEUE --queue-num 0`, for -A, -I and -R", () => {
  const text =
    FILTER +
    "-A INPUT -p tcp -m tcp --dport 80 -j QUEUE\n" +
    "-I FORWARD 1 -j QUEUE\n" +
    "-R FORWARD 1 -s 10.0.0.0/8 -j QUEUE\n" +
    '-A OUTPUT -j "QUEUE"\n' +
    "COMMIT\n";
  const result = checkWith(rule, text);
  const findings = result.of(rule.id);
  assert.deepEqual(
    findings.map((d) => `${d.severity} ${where(text, d)}`),
    ["warning 5:35 -j QUEUE", "warning 6:14 -j QUEUE", "warning 7:28 -j QUEUE", 'warning 8:11 -j "QUEUE"'],
  );
  assert.ok(findings.every((d) => d.fix?.applicability === "safe"));
  assert.equal(
    findings[0].message,
    '`-j QUEUE`: iptables-nft-restore refuses it ("RULE_APPEND failed (No such file or directory)"), loading no table from this one on; iptables-legacy loads it',
  );
  assert.match(findings[1].message, /\("RULE_INSERT failed \(No such file or directory\)"\)/);
  assert.match(findings[2].message, /^`-j QUEUE` in `-R` crashes iptables-nft-restore 1\.8\.9/);
  assert.equal(
    result.fixed.output,
    FILTER +
      "-A INPUT -p tcp -m tcp --dport 80 -j NFQUEUE --queue-num 0\n" +
      "-I FORWARD 1 -j NFQUEUE --queue-num 0\n" +
      "-R FORWARD 1 -s 10.0.0.0/8 -j NFQUEUE --queue-num 0\n" +
      "-A OUTPUT -j NFQUEUE --queue-num 0\n" +
      "COMMIT\n",
  );
  assert.deepEqual(checkWith(rule, result.fixed.output).of(rule.id), []);
});

test("not reported: NFQUEUE, QUEUE in comments, log prefixes and chain names, `-g QUEUE`, `--jump=QUEUE`, `-D`; no fix when NFQUEUE options follow", () => {
  const text =
    FILTER +
    ":QUEUE-IN - [0:0]\n" +
    "-A INPUT -j QUEUE-IN\n" +
    '-A INPUT -m comment --comment "QUEUE" -j NFQUEUE --queue-num 0\n' +
    '-A INPUT -j LOG --log-prefix "-j QUEUE "\n' +
    "-A INPUT -g QUEUE\n" +
    "-A INPUT --jump=QUEUE\n" +
    "-D INPUT -j QUEUE\n" +
    "COMMIT\n";
  assert.deepEqual(checkWith(rule, text).of(rule.id), []);
  const options = FILTER + "-A INPUT -j QUEUE --queue-bypass\nCOMMIT\n";
  const [finding] = checkWith(rule, options).of(rule.id);
  assert.equal(finding.fix, undefined);
  // iptables -S output (no table) is reported too: QUEUE is refused in every table.
  assert.equal(checkWith(rule, "-P INPUT ACCEPT\n-A INPUT -j QUEUE\n").of(rule.id).length, 1);
});

test("queue-target: has fixtures of both kinds, and each fixture gives the findings and fixed text it should", () => {
  const fixtures = fixturesOf(rule);
  assert.ok(fixtures.some((f) => f.name.startsWith("valid-")));
  assert.ok(fixtures.some((f) => f.name.startsWith("invalid-") && f.fixed !== null));
  for (const fixture of fixtures) {
    const result = checkWith(rule, fixture.text);
    assert.deepEqual(result.diagnostics.filter((d) => d.ruleId === "syntax"), [], fixture.name);
    const findings = result.of(rule.id);
    if (fixture.name.startsWith("valid-")) {
      assert.deepEqual(findings, [], fixture.name);
      continue;
    }
    assert.ok(findings.length > 0 && findings.every((d) => d.severity === "warning"), fixture.name);
    assert.equal(result.fixed.output, fixture.fixed ?? fixture.text, fixture.name);
    // Every QUEUE is reported, and the fix changes nothing else.
    assert.equal(findings.length, (fixture.text.match(/ -j QUEUE$/gm) ?? []).length, fixture.name);
    if (fixture.fixed !== null) assert.equal(fixture.fixed, fixture.text.replace(/ -j QUEUE$/gm, ` -j ${REPLACEMENT}`));
  }
});

// ---------------------------------------------------------------------------------------------
// Against the real iptables.

const save = (ns: Namespace, backend: Backend, family: Family) => ns.save(backend, family);

/** The rules of a dump, `-I CHAIN n` written `-A CHAIN` (where the rule goes does not matter here), sorted. */
function rulesOf(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => /^-[AI] /.test(line))
    .map((line) => line.replace(/^-I (\S+) \d+ /, "-A $1 "))
    .sort();
}

/** Empties every table of both backends (a namespace is shared by the fixtures of one test). */
function flush(ns: Namespace, family: Family): void {
  for (const backend of ["nft", "legacy"] as Backend[]) {
    for (const table of Object.keys(BUILTIN_CHAINS)) {
      const command = `${family === 6 ? "ip6tables" : "iptables"}-${backend}`;
      ns.run(command, ["-t", table, "-F"]);
      ns.run(command, ["-t", table, "-X"]);
    }
  }
}

for (const fixture of fixturesOf(rule)) {
  const invalid = fixture.name.startsWith("invalid-");
  test(`queue-target: ${fixture.name} ${invalid ? "is refused by iptables-nft-restore as the finding says and loaded by iptables-legacy-restore" : "loads"}${fixture.fixed !== null ? "; the fixed text loads with both, and iptables-save prints it as iptlint wrote it" : ""}`, async (t) => {
    if (!requireNetfilter(t)) return;
    const family = familyOfText(fixture.text);
    await withNamespace("queue", (ns) => {
      const nft = load(ns, "nft", family, fixture.text);
      if (invalid) {
        assert.notEqual(nft.status, 0, `${tool("restore", "nft", family)} loaded ${fixture.name}`);
        const [first] = checkWith(rule, fixture.text).of(rule.id);
        const quoted = /iptables-nft-restore refuses it \("([^"]+)"\)/.exec(first.message)![1];
        assert.ok(nft.said.includes(quoted), `${JSON.stringify(nft.said)} includes ${JSON.stringify(quoted)}`);
      } else {
        assert.equal(nft.status, 0, nft.said);
      }
      flush(ns, family);
      const legacy = load(ns, "legacy", family, fixture.text);
      assert.equal(legacy.status, 0, legacy.said);
      const savedOriginal = rulesOf(save(ns, "legacy", family));
      flush(ns, family);
      if (fixture.fixed === null) return;
      assert.deepEqual(savedOriginal, rulesOf(fixture.text), "iptables-legacy-save prints `-j QUEUE` as written");
      for (const backend of ["nft", "legacy"] as Backend[]) {
        const fixed = load(ns, backend, family, fixture.fixed);
        assert.equal(fixed.status, 0, `${tool("restore", backend, family)} refused the fixed ${fixture.name}: ${fixed.said}`);
        assert.deepEqual(rulesOf(save(ns, backend, family)), rulesOf(fixture.fixed), `${tool("save", backend, family)} prints the fixed rules as written`);
        flush(ns, family);
      }
    });
  });
}

for (const family of [4, 6] as Family[]) {
  test(`QUEUE in every built-in chain of every table (ip${family === 6 ? "6" : ""}tables): iptables-nft refuses it, iptables-legacy loads it, the rule reports it`, async (t) => {
    if (!requireNetfilter(t)) return;
    await withNamespace("queue-all", (ns) => {
      const wrong: string[] = [];
      for (const [table, chains] of Object.entries(BUILTIN_CHAINS)) {
        for (const chain of [...chains, "U"]) {
          const text = `*${table}\n${chain === "U" ? ":U - [0:0]\n" : ""}-A ${chain} -j QUEUE\nCOMMIT\n`;
          if (checkWith(rule, text).of(rule.id).length !== 1) wrong.push(`iptlint ${table} ${chain}: not reported`);
          const nft = load(ns, "nft", family, text);
          const line = chain === "U" ? 3 : 2;
          if (nft.status === 0 || !nft.said.includes(`line ${line}: RULE_APPEND failed (No such file or directory): rule in chain ${chain}`)) {
            wrong.push(`nft ${table} ${chain}: ${nft.status} ${JSON.stringify(nft.said)}`);
          }
          const legacy = load(ns, "legacy", family, text);
          if (legacy.status !== 0) wrong.push(`legacy ${table} ${chain}: ${legacy.said}`);
          const fixed = checkWith(rule, text).fixed.output;
          for (const backend of ["nft", "legacy"] as Backend[]) {
            const result = load(ns, backend, family, fixed);
            if (result.status !== 0) wrong.push(`${backend} ${table} ${chain} fixed: ${result.said}`);
          }
          flush(ns, family);
        }
      }
      assert.deepEqual(wrong, []);
    });
  });
}

test("-I and -R with QUEUE: iptables-nft-restore refuses both (-R crashes 1.8.9), iptables-legacy-restore loads both", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("queue-cmds", (ns) => {
    for (const line of ["-I INPUT 1 -j QUEUE", "-R INPUT 1 -j QUEUE"]) {
      const text = `*filter\n-A INPUT -j ACCEPT\n${line}\nCOMMIT\n`;
      assert.equal(checkWith(rule, text).of(rule.id).length, 1, line);
      assert.notEqual(load(ns, "nft", 4, text).status, 0, `nft: ${line}`);
      flush(ns, 4);
      const legacy = load(ns, "legacy", 4, text);
      assert.equal(legacy.status, 0, `legacy: ${line}: ${legacy.said}`);
      flush(ns, 4);
    }
  });
});

test("`iptables-restore --test` does not notice QUEUE (nft)", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("queue-test", (ns) => {
    assert.equal(ns.run("iptables-nft-restore", ["--test"], "*filter\n-A INPUT -j QUEUE\nCOMMIT\n").status, 0);
  });
});

test("the table before the QUEUE line loads, that table and those after do not (iptables-nft)", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("queue-tables", (ns) => {
    const text = "*filter\n-A INPUT -s 192.0.2.1/32 -j ACCEPT\nCOMMIT\n*mangle\n-A INPUT -j QUEUE\nCOMMIT\n*raw\n-A OUTPUT -s 192.0.2.2/32 -j ACCEPT\nCOMMIT\n";
    const result = load(ns, "nft", 4, text);
    assert.notEqual(result.status, 0);
    assert.match(result.said, /line 5: RULE_APPEND failed/);
    const saved = ns.save("nft", 4);
    assert.match(saved, /192\.0\.2\.1/);
    assert.doesNotMatch(saved, /192\.0\.2\.2/);
  });
});

/** Whether a UDP datagram sent to this host's loopback arrives, from inside the namespace. */
function delivered(ns: Namespace, family: Family): boolean {
  const address = family === 6 ? "::1" : "127.0.0.1";
  const script =
    `const d = require("node:dgram"); const r = d.createSocket("udp${family}"); const s = d.createSocket("udp${family}");` +
    `const timer = setTimeout(() => { console.log("dropped"); r.close(); s.close(); }, 300);` +
    `r.on("message", () => { clearTimeout(timer); console.log("delivered"); r.close(); s.close(); });` +
    `r.bind(9999, "${address}", () => s.send("x", 9999, "${address}"));`;
  const result = ns.run(process.execPath, ["-e", script]);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim() === "delivered";
}

for (const family of [4, 6] as Family[]) {
  test(`real packets (ip${family === 6 ? "6" : ""}tables): QUEUE (legacy) and NFQUEUE --queue-num 0 (nft and legacy) both drop a packet nothing listens for; --queue-bypass and ACCEPT let it through`, async (t) => {
    if (!requireNetfilter(t)) return;
    await withNamespace("queue-pkts", (ns) => {
      assert.equal(ns.run("ip", ["link", "set", "lo", "up"]).status, 0);
      const cases: [Backend, string, boolean][] = [
        ["legacy", "QUEUE", false],
        ["legacy", REPLACEMENT, false],
        ["nft", REPLACEMENT, false],
        ["nft", `${REPLACEMENT} --queue-bypass`, true],
        ["nft", "ACCEPT", true],
      ];
      for (const [backend, target, arrives] of cases) {
        ns.restore(backend, family, `*filter\n-A OUTPUT -p udp -m udp --dport 9999 -j ${target}\nCOMMIT\n`);
        assert.equal(delivered(ns, family), arrives, `${backend} -j ${target}`);
        flush(ns, family);
      }
    });
  });
}
