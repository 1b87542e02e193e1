/**
 * rule-not-in-chain: the fixtures against the real iptables (a real load: iptables-nft-restore's
 * --test does not check these lines), iptables-nft-restore's words and line, the corpus, what is
 * left unsaid, and a differential test: generated `-A`/`-I`/`-R`/`-D` sequences, loaded for real,
 * fail at the first line the rule reports (IPTLINT_RNC_RUNS sequences: 40 in `npm test`, 500 in
 * `npm run conformance`).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ruleNotInChain as rule } from "../../rules/rule-not-in-chain/rule.js";
import { requireNetfilter, withNamespace, type Backend } from "../helpers/netfilter.js";
import { checkWith, corpusHasNoFindings, FILTER, fixturesAgainstNetfilter, fixturesOf, load } from "./load-checks.js";

fixturesAgainstNetfilter(rule);
corpusHasNoFindings(rule, "every file of the corpus loads");

const SEED = process.env.IPTLINT_SEED === undefined ? 20261207 : process.env.IPTLINT_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.IPTLINT_SEED);
const findings = (text: string) => checkWith(rule, text).of(rule.id);
const quoted = (message: string) => /\(nft: "(.*)"\)$/.exec(message)?.[1] ?? null;

test("each invalid fixture fails on a real load at the line reported, with iptables-nft-restore's words; legacy fails at that line too", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("rnc-lines", (ns) => {
    for (const fixture of fixturesOf(rule).filter((f) => f.name.startsWith("invalid-"))) {
      const [first] = findings(fixture.text);
      assert.ok(first !== undefined, fixture.name);
      const line = first.loc.start.line;
      const nft = load(ns, "nft", 4, fixture.text);
      assert.match(nft.said, new RegExp(`line ${line} failed: ${quoted(first.message)!.replace(/[()?.]/g, "\\$&")}`), `${fixture.name}: ${nft.said}`);
      const legacy = load(ns, "legacy", 4, fixture.text);
      assert.match(legacy.said, new RegExp(`line ${line} failed`), `${fixture.name}: ${legacy.said}`);
    }
  });
});

test("a fragment for --noflush says nothing of a built-in chain, whose rules are the node's", () => {
  assert.deepEqual(findings("*filter\n-D INPUT -j ACCEPT\n-D INPUT 5\n-I FORWARD 9 -j DROP\nCOMMIT\n"), []);
  // A user chain it declares is emptied by `:NAME -`, under --noflush too.
  assert.equal(findings("*filter\n:X - [0:0]\n-D X 1\nCOMMIT\n").length, 1);
  // `-F` empties the chain, `-N` makes a new one.
  assert.equal(findings("*filter\n-F INPUT\n-D INPUT -j ACCEPT\n-N Y\n-R Y 1 -j DROP\nCOMMIT\n").length, 2);
});

test("a -D that may be an earlier rule written another way says nothing, there or later in that chain", () => {
  const text = `${FILTER}-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-D INPUT -p tcp --dport ssh -j ACCEPT\n-D INPUT 1\nCOMMIT\n`;
  assert.deepEqual(findings(text), []);
  // Another target, or another protocol, is surely another rule.
  assert.equal(findings(`${FILTER}-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-D INPUT -p tcp --dport ssh -j DROP\nCOMMIT\n`).length, 1);
  assert.equal(findings(`${FILTER}-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-D INPUT -p udp --dport ssh -j ACCEPT\nCOMMIT\n`).length, 1);
  // A protocol only /etc/protocols names may be another one's number.
  assert.deepEqual(findings(`${FILTER}-A INPUT -p 47 -j ACCEPT\n-D INPUT -p gre -j ACCEPT\nCOMMIT\n`), []);
});

test("an address list or a host name is as many rules as addresses: the chain's count is the node's after it", () => {
  assert.deepEqual(findings(`${FILTER}-A INPUT -s 10.0.0.1,10.0.0.2 -j DROP\n-D INPUT 2\n-A INPUT -d example.com -j DROP\n-I INPUT 9 -j DROP\nCOMMIT\n`), []);
  // The line with the list is judged by the count before it.
  assert.equal(findings(`${FILTER}-I INPUT 2 -s 10.0.0.1,10.0.0.2 -j DROP\nCOMMIT\n`).length, 1);
  // Another address, or an address against none, is another rule.
  assert.equal(findings(`${FILTER}-A INPUT -d 127.0.0.0/8 -j REJECT\n-D INPUT -j REJECT --reject-with icmp-proto-unreachable\nCOMMIT\n`).length, 1);
  assert.deepEqual(findings(`${FILTER}-A INPUT -d 127.0.0.1/8 -j REJECT\n-D INPUT -d 127.0.0.0/255.0.0.0 -j REJECT\nCOMMIT\n`), []);
});

test("a chain that does not exist is undeclared-chain's, not this rule's", () => {
  assert.deepEqual(findings(`${FILTER}-D NOSUCH -j DROP\n:X - [0:0]\n-X X\n-D X 1\nCOMMIT\n`), []);
});

test("the kube-proxy and iptables-save shapes (append only) cost nothing: no replay for them", () => {
  assert.deepEqual(findings(`${FILTER}-A INPUT -j ACCEPT\n-A INPUT -j DROP\nCOMMIT\n`), []);
});

/**
 * A small set of rules, most written as iptables-save writes them; an address list is two rules
 * to the kernel, which leaves counts to the node.
 */
const RULES = [
  "-j ACCEPT",
  "-j DROP",
  "-p tcp -m tcp --dport 22 -j ACCEPT",
  "-p udp -m udp --dport 53 -j ACCEPT",
  "-s 10.0.0.1/32 -j DROP",
  "-d 127.0.0.0/8 -j DROP",
  "-i lo -j ACCEPT",
  "-s 10.0.0.1/32,10.0.0.2/32 -j DROP",
];
/** `-R` with an address list is refused whatever the chain ("Replacement rule does not specify a unique address"): not this rule's. */
const SINGLE = RULES.filter((r) => !r.includes(","));
const command = fc.oneof(
  fc.constantFrom(...RULES).map((r) => `-A INPUT ${r}`),
  fc.constantFrom(...RULES).map((r) => `-D INPUT ${r}`),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...RULES)).map(([n, r]) => `-I INPUT ${n} ${r}`),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...SINGLE)).map(([n, r]) => `-R INPUT ${n} ${r}`),
  fc.integer({ min: 1, max: 5 }).map((n) => `-D INPUT ${n}`),
);

test(`differential: generated -A/-I/-R/-D sequences fail on a real load at the first line reported, and only there (seed ${SEED}, nft and legacy)`, async (t) => {
  if (!requireNetfilter(t)) return;
  const cases = fc.sample(fc.array(command, { minLength: 1, maxLength: 8 }), { numRuns: Number(process.env.IPTLINT_RNC_RUNS ?? 40), seed: SEED });
  await withNamespace("rnc-diff", (ns) => {
    const wrong: string[] = [];
    let crashes = 0;
    let unsaid = 0;
    for (const commands of cases) {
      const text = `${FILTER}${commands.join("\n")}\nCOMMIT\n`;
      const reported = findings(text).map((d) => d.loc.start.line)[0] ?? null;
      for (const backend of ["nft", "legacy"] as Backend[]) {
        const result = load(ns, backend, 4, text);
        // iptables-nft-restore 1.8.9 dies (SIGSEGV) on a `-R` of a rule the same restore added: no line to compare.
        if (result.status === null && backend === "nft") {
          crashes++;
          continue;
        }
        const failed = result.status === 0 ? null : Number(/line (\d+) failed|Error occurred at line: (\d+)/.exec(result.said)?.slice(1).find((n) => n !== undefined) ?? -1);
        if (failed === reported) continue;
        // Not reported, or a later line reported: the line that failed must be one the rule left
        // unsaid: a `-D` by options that may be a rule written another way (`-D INPUT -s 10.0.0.1/32
        // -j DROP` after `-A INPUT -j DROP`: the same target and protocol), or any line after an
        // address list, which is as many rules as addresses.
        const lines = text.split("\n");
        const failedLine = failed === null ? "" : lines[failed - 1] ?? "";
        const afterList = failed !== null && lines.slice(0, failed - 1).some((l) => l.includes(","));
        if (failed !== null && (reported === null || failed < reported) && (/^-D INPUT -/.test(failedLine) || afterList)) {
          unsaid++;
          continue;
        }
        wrong.push(`${backend}: failed at ${failed}, reported ${reported}:\n${text}${result.said}`);
      }
    }
    assert.deepEqual(wrong, []);
    t.diagnostic(`${cases.length} sequences; ${unsaid} loads failed on a line the rule left unsaid; iptables-nft-restore crashed on ${crashes} (a -R of a rule added in the same restore)`);
  });
});
