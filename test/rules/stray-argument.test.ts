/**
 * stray-argument: the fixtures against the real iptables, quoting what it says (the invalid ones
 * are refused with "Bad argument", the valid ones load), the corpus, and which words are taken.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { EXTENSION_OPTIONS } from "../../grammar/option-arguments.js";
import { strayArgument as rule } from "../../rules/stray-argument/rule.js";
import { lintText } from "../../src/lint.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { checkWith, corpusHasNoErrors, FILTER, fixturesAgainstNetfilter, where } from "./load-checks.js";

fixturesAgainstNetfilter(rule, { quoted: true });
corpusHasNoErrors(rule);

const found = (lines: string): string[] => {
  const text = `${FILTER}${lines}\nCOMMIT\n`;
  return checkWith(rule, text).of(rule.id).map((d) => where(text, d));
};

test("the first word no option takes is reported, one per line", () => {
  assert.deepEqual(found("-A INPUT -s 10.0.0.1 10.0.0.2 10.0.0.3 -j ACCEPT"), ["5:22 10.0.0.2"]);
  assert.deepEqual(found("-A INPUT -o eth0 eth1 -j ACCEPT"), ["5:18 eth1"]);
  assert.deepEqual(found('-A INPUT -j ACCEPT "two words" x'), ['5:20 "two words"']);
  assert.match(checkWith(rule, `${FILTER}-A INPUT -i -j ACCEPT\nCOMMIT\n`).of(rule.id)[0].message, /`-i` takes `-j` as its value, which leaves `ACCEPT` to no option/);
});

test("options that take two words, or words iptables reads itself, and unknown options are not reported", () => {
  assert.deepEqual(found("-A INPUT -m set --match-set trusted src,dst -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -c 1 2 -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -m rateest --rateest1 a --rateest-bps1 10 -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -m geoip --src-cc DE FR -j ACCEPT"), []);
  // Other rules' words: a `#` (comment-after-rule), `[unsupported revision]` (dump-unsupported-revision).
  assert.deepEqual(found("-A INPUT -j ACCEPT # ssh"), []);
  assert.deepEqual(found("-A INPUT -m conntrack [unsupported revision] -j ACCEPT"), []);
});

/**
 * iptables takes `-c`'s counters as one word `P,B` when it has a comma after its first character,
 * else as two words (xshared.c: `strchr(pcnt + 1, ',')`); iptlint took `-j` for the byte counter
 * and reported `ACCEPT` as a stray word.
 */
test("`-c P,B` is both counters in one word: both backends load it, v4 and v6, and no rule reports an error", async (t) => {
  assert.deepEqual(found("-A INPUT -c 1,2 -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -c3,4 -j DROP"), []);
  const text = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -c 1,2 -j ACCEPT\n-A INPUT -p tcp -c3,4 -j DROP\n-A INPUT -s 10.0.0.1 -j ACCEPT -c 5,6\nCOMMIT\n";
  assert.deepEqual(
    lintText(text).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.ruleId} ${d.message}`),
    [],
  );
  if (!requireNetfilter(t)) return;
  await withNamespace("counters-word", (ns) => {
    for (const backend of ["nft", "legacy"] as Backend[]) {
      for (const family of [4, 6] as Family[]) {
        const loaded = ns.run(tool("restore", backend, family), ["-c"], family === 4 ? text : text.replace("10.0.0.1", "2001:db8::1"));
        assert.equal(loaded.status, 0, `${tool("restore", backend, family)}: ${loaded.stderr}`);
        const saved = ns.run(tool("save", backend, family), ["-c"], "").stdout;
        assert.match(saved, /\] -A INPUT -j ACCEPT\n.*\] -A INPUT -p tcp -j DROP\n/);
        // The counters as read (ip6tables-nft-restore 1.8.9 loads every rule's as 0).
        if (!(backend === "nft" && family === 6)) assert.match(saved, /\[1:2\] -A INPUT -j ACCEPT\n\[3:4\] -A INPUT -p tcp -j DROP\n/);
      }
    }
  });
});

test("a command's own words are not options' words", () => {
  assert.deepEqual(found("-I INPUT 1 -j ACCEPT"), []);
  assert.deepEqual(found("-P INPUT DROP"), []);
});

test("a word after an option that takes none (`--syn 5`, `-f 5`) is reported, on every line of a shape", () => {
  assert.deepEqual(found("-A INPUT -p tcp --syn 5 -j ACCEPT"), ["5:23 5"]);
  assert.deepEqual(found("-A INPUT -p tcp -m tcp ! --syn 5 -j ACCEPT"), ["5:32 5"]);
  assert.deepEqual(found("-A INPUT -m comment --comment x -f 5 -j ACCEPT"), ["5:36 5"]);
  assert.deepEqual(found("-A INPUT -p tcp -j REJECT --reject-with tcp-reset -m physdev --physdev-is-in x"), ["5:78 x"]);
  assert.match(checkWith(rule, `${FILTER}-A INPUT -p tcp --syn 5 -j ACCEPT\nCOMMIT\n`).of(rule.id)[0].message, /^`5` follows `--syn`, and --syn takes no value: iptables refuses the line \("Bad argument `5'"\)$/);
  // Lines with the same options and words as a line without the word: each is read.
  const lines = [...Array.from({ length: 20 }, (_, k) => `-A INPUT -p tcp --syn --dport ${k} -j ACCEPT`), "-A INPUT -p tcp --syn 5 --dport 22 -j ACCEPT", "-A INPUT -m comment --comment x -s 10.0.0.1 -j ACCEPT", "-A INPUT -m comment --comment x -f 7 -j ACCEPT"];
  assert.deepEqual(found(lines.join("\n")), ["25:23 5", "27:36 7"]);
});

test("no word after an option that takes none is reported where iptables may take it: `-4`/`-6` of an unknown family, an extension it does not ship", () => {
  assert.deepEqual(found("-A INPUT -4 5 -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -m comment --comment x -6 5 6 -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -m geoip --src-cc DE --syn x -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -p tcp -j TARPIT --tarpit x"), []);
  // Known to be for iptables: `-4` loads, and the word after it is refused.
  const text = `# Generated by iptables-save v1.8.9\n${FILTER}-A INPUT -m comment --comment x -4 5 -j ACCEPT\nCOMMIT\n`;
  assert.deepEqual(checkWith(rule, text).of(rule.id).map((d) => where(text, d)), ["6:36 5"]);
});

/**
 * A sample of the options iptables 1.8.9's extensions take no value for (every fourth), each given
 * a word: both backends refuse the line, saying "Bad argument" unless the option alone is refused
 * first. Not rateest's, which may read the next word itself
 * (`--rateest-bps2 x`: "could not parse rate"), as optionValueCount says.
 */
test("every option that takes no value, given a word, is refused by both backends with \"Bad argument\", and reported", async (t) => {
  if (!requireNetfilter(t)) return;
  const sample = Object.entries(EXTENSION_OPTIONS)
    .filter(([option, [argument]]) => argument === "none" && !option.startsWith("--rateest"))
    .filter((_, i) => i % 4 === 0)
    .map(([option, [, extension]]) => {
      const [name, family] = extension.split("/");
      return { option, module: name === name.toLowerCase() ? `-m ${name}` : `-j ${name}`, family: (Number(family) || 4) as Family };
    });
  assert.ok(sample.length >= 10);
  await withNamespace("stray-none", (ns) => {
    const wrong: string[] = [];
    for (const { option, module, family } of sample) {
      const text = `*mangle\n:OUTPUT ACCEPT [0:0]\n-A OUTPUT ${module} ${option} stray\nCOMMIT\n`;
      const findings = checkWith(rule, text).of(rule.id).map((d) => d.message);
      if (findings.length !== 1 || !findings[0].includes("(\"Bad argument `stray'\")")) wrong.push(`${module} ${option}: ${JSON.stringify(findings)}`);
      for (const backend of ["nft", "legacy"] as Backend[]) {
        const result = ns.run(tool("restore", backend, family), ["--test"], text);
        // An option that needs another before it (`--suppl-groups` after `--gid-owner`) is refused for that first.
        const alone = ns.run(tool("restore", backend, family), ["--test"], text.replace(" stray", ""));
        if (result.status === 0 || (alone.status === 0 && !result.stderr.includes("Bad argument `stray'"))) wrong.push(`${tool("restore", backend, family)} on ${module} ${option}: ${result.stderr.trim()}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
