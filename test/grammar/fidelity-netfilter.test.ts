/**
 * What iptables reads, iptlint reads (issue 11, "fidelity"): each case is a ruleset with what
 * iptables 1.8.9 does with it on each backend and family, and what iptlint says of it. The
 * claims are checked against the real iptables (nft and legacy, IPv4 and IPv6) in a private
 * network namespace; without root they skip (CI requires them).
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { lintText } from "../../src/lint.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";

export type Outcome =
  /** iptables-restore loads it. */
  | "loads"
  /** It loads and the line is skipped: the rules iptables-save prints afterwards are these. */
  | { skips: true }
  /** iptables-restore refuses it, printing this on standard error. */
  | { refuses: string };

export interface Case {
  name: string;
  /** The lines of a filter table after its declarations, or a whole file (`whole`). */
  lines: string;
  whole?: boolean;
  /** By backend and family; a missing entry is "loads". */
  outcome: Partial<Record<`${Backend}${Family}`, Outcome>> | Outcome;
  /** What iptlint says: no syntax error (`[]`), or syntax errors matching these, in order. */
  syntax: RegExp[];
}

const TABLE = (lines: string) => `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${lines}\nCOMMIT\n`;

export const textOf = (c: Case): string => (c.whole ? c.lines : TABLE(c.lines));

const ALL: `${Backend}${Family}`[] = ["nft4", "nft6", "legacy4", "legacy6"];

function outcomeOf(c: Case, key: `${Backend}${Family}`): Outcome {
  if (c.outcome === "loads" || (typeof c.outcome === "object" && ("refuses" in c.outcome || "skips" in c.outcome))) return c.outcome as Outcome;
  return (c.outcome as Partial<Record<string, Outcome>>)[key] ?? "loads";
}

export const CASES: Case[] = [
  { name: "an empty file", lines: "", whole: true, outcome: "loads", syntax: [] },
  { name: "a file of empty lines", lines: "\n\n", whole: true, outcome: "loads", syntax: [] },
  {
    name: "`:X [0:0]`, a user chain declared without a policy",
    lines: ":X [0:0]",
    outcome: {
      legacy4: { refuses: "Can't set policy `[0:0]' on `X' line 5: Bad built-in chain name" },
      legacy6: { refuses: "Can't set policy `[0:0]' on `X' line 5: Bad built-in chain name" },
    },
    syntax: [],
  },
  {
    name: "`:X` alone: a syntax error (\"policy invalid\")",
    lines: ":X",
    outcome: { refuses: "line 5 policy invalid" },
    syntax: [/policy invalid/],
  },
  // A blank after the `*` or `:`: iptables-restore reads the name with strtok, which skips it.
  { name: "`* mangle`, a blank after the `*`", lines: "* mangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp -j MARK --set-mark 1\nCOMMIT\n", whole: true, outcome: "loads", syntax: [] },
  {
    name: "`*\tmangle` and TPROXY, which only mangle takes",
    lines: "*\tmangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp -j TPROXY --on-port 1080 --tproxy-mark 0x1/0x1\nCOMMIT\n",
    whole: true,
    outcome: "loads",
    syntax: [],
  },
  { name: "`: FOO - [0:0]` and `: INPUT DROP [0:0]`, blanks after the `:`", lines: ": INPUT DROP [0:0]\n:  FOO\t- [0:0]\n-A INPUT -j FOO\n-A FOO -j ACCEPT", outcome: "loads", syntax: [] },
  // Options before the command: iptables reads a line's options in any order.
  { name: "an option before -A", lines: "-p tcp -A FORWARD --dport 22 -j ACCEPT", outcome: "loads", syntax: [] },
  { name: "a match option before -A", lines: "-p tcp --dport 22 -A INPUT -j ACCEPT", outcome: "loads", syntax: [] },
  { name: "the target before -A", lines: "-j ACCEPT -A INPUT", outcome: "loads", syntax: [] },
  { name: "a negated option and a match before -I", lines: "! -i lo -m comment --comment x -I INPUT 1 -j DROP", outcome: "loads", syntax: [] },
  { name: "counters, an option, then -A", lines: "[1:2] -i lo -A INPUT -j ACCEPT", outcome: "loads", syntax: [] },
  { name: "-Z with -L", lines: "-Z INPUT -L INPUT", outcome: "loads", syntax: [] },
  { name: "options and no command", lines: "-i lo -j DROP", outcome: { refuses: "no command specified" }, syntax: [/no command specified/] },
  { name: "`!` before the command", lines: "! -A INPUT -j DROP", outcome: { refuses: "unexpected '!' flag" }, syntax: [/unexpected '!' flag/] },
  { name: "two commands", lines: "-A INPUT -j ACCEPT -F INPUT", outcome: { refuses: "Cannot use -F with -A" }, syntax: [/"Cannot use -F with -A"/] },
  { name: "two commands, long", lines: "--insert INPUT --append INPUT", outcome: { refuses: "Cannot use -A with -I" }, syntax: [/"Cannot use -A with -I"/] },
  // `-4` and `-6`: no effect in their own family's restore, the other's skips the line.
  { name: "-4 first", lines: "-4 -A INPUT -j DROP", outcome: { nft6: { skips: true }, legacy6: { skips: true } }, syntax: [] },
  { name: "-4 after the command", lines: "-A INPUT -p tcp -4 -j DROP", outcome: { nft6: { skips: true }, legacy6: { skips: true } }, syntax: [] },
  { name: "-6 last", lines: "-A INPUT -j DROP -6", outcome: { nft4: { skips: true }, legacy4: { skips: true } }, syntax: [] },
  { name: "--ipv6 on a command of a chain that does not exist", lines: "--ipv6 -A NOCHAIN -j DROP", outcome: { nft4: { skips: true }, legacy4: { skips: true }, nft6: { refuses: "" }, legacy6: { refuses: "" } }, syntax: [] },
  // An option that lost its value: getopt gives it the next word whatever it looks like.
  { name: "--dport before -j", lines: "-A INPUT -p tcp --dport -j ACCEPT", outcome: { refuses: "invalid port/service `-j' specified" }, syntax: [/^`--dport` has no value: iptables takes the next word, `-j`/] },
  { name: "-s before -j", lines: "-A INPUT -s -j ACCEPT", outcome: { refuses: "Bad argument `ACCEPT'" }, syntax: [/^`-s` has no value/] },
  { name: "--dport at the end", lines: "-A INPUT -p tcp --dport", outcome: { refuses: 'option "--dport" requires an argument' }, syntax: [/"option "--dport" requires an argument"/] },
  { name: "-m at the end", lines: "-A INPUT -m", outcome: { refuses: 'option "-m" requires an argument' }, syntax: [/"option "-m" requires an argument"/] },
  { name: "a comment that looks like an option", lines: "-A INPUT -m comment --comment -j -j ACCEPT", outcome: "loads", syntax: [] },
  { name: "a recent list named like an unknown option", lines: "-A INPUT -m recent --name --foo --set", outcome: "loads", syntax: [] },
  { name: "--set-xmark taking -j's place", lines: "-A OUTPUT -m mark --mark -j MARK --set-xmark 1", outcome: { refuses: "" }, syntax: [/^`--mark` has no value: iptables takes the next word, `-j`, as its value and refuses the line/] },
  // The line's only command taken as a value (found by the grammar's properties: its compact form, `-F --mark`, was an error where this was not).
  { name: "--mark taking the only command", lines: "-m mark --mark -F", outcome: { refuses: 'bad integer value for option "--mark"' }, syntax: [/^`--mark` has no value: iptables takes the next word, `-F`, as its value and refuses the line/] },
  { name: "-s taking the only command", lines: "-s -F", outcome: { refuses: "no command specified" }, syntax: [/^`-s` has no value: iptables takes the next word, `-F`/] },
  { name: "an unloaded module's option before the only command", lines: "-A INPUT -j ACCEPT\n--mark -F", outcome: { refuses: 'unknown option "--mark"' }, syntax: [/^`--mark` has no value/] },
  { name: "-s taking -A", lines: "-s -A INPUT -j ACCEPT", outcome: { refuses: "Bad argument `INPUT'" }, syntax: [/^`-s` has no value: iptables takes the next word, `-A`/] },
  { name: "-p taking -X", lines: "-p -X FOO", outcome: { refuses: 'unknown protocol "-x" specified' }, syntax: [/^`-p` has no value: iptables takes the next word, `-X`/] },
  { name: "a comment that looks like a command, after the command", lines: "-A INPUT -m comment --comment -F", outcome: "loads", syntax: [] },
  // Followed by an option and no stray word, the line may load, meaning something else: not reported.
  { name: "a recent list named like an option iptables has", lines: "-A INPUT -m recent --name --rsource --set", outcome: "loads", syntax: [] },
  // `#` after a rule is one more argument (comment-after-rule reports it).
  { name: "# text after a rule", lines: "-A INPUT -j ACCEPT # ssh", outcome: { refuses: "Bad argument `#'" }, syntax: [] },
  { name: "#text after a rule", lines: "-A INPUT -p tcp --dport 22 -j ACCEPT #ssh", outcome: { refuses: "Bad argument `#ssh'" }, syntax: [] },
  { name: "# text after -N", lines: "-N SSH # chain for ssh", outcome: { refuses: "Bad argument `#'" }, syntax: [] },
  // A template that was not rendered: one finding, not a cascade.
  { name: "a Jinja placeholder", lines: "-A INPUT -s {{ host }} -j ACCEPT\n-A INPUT -s {{ other }} -j DROP", outcome: { refuses: "" }, syntax: [/^this looks like a template, not a ruleset \(`\{\{ host \}\}`\): render it first/] },
  { name: "a Jinja block", lines: "{% for host in hosts %}\n-A INPUT -s {{ host }} -j ACCEPT\n{% endfor %}", outcome: { refuses: "" }, syntax: [/^this looks like a template, not a ruleset \(`\{% for host in hosts %\}`\)/] },
  { name: "an ERB placeholder", lines: "-A INPUT -s <%= @host %> -j ACCEPT", outcome: { refuses: "" }, syntax: [/looks like a template/] },
  { name: "an envsubst placeholder", lines: "-A INPUT -s ${ADMIN_NET} -j ACCEPT", outcome: { refuses: "" }, syntax: [/looks like a template, not a ruleset \(`\$\{ADMIN_NET\}`\)/] },
  { name: "a placeholder in a comment line is a comment", lines: "# rendered from {{ template }}\n-A INPUT -j ACCEPT", outcome: "loads", syntax: [] },
];

/** Checks what iptlint says of each case; returns nothing to load when not root. */
export function checkSyntax(cases: readonly Case[]): void {
  for (const c of cases) {
    const text = textOf(c);
    const messages = parse(text).diagnostics.map((d) => d.message);
    assert.equal(messages.length, c.syntax.length, `${c.name}: ${JSON.stringify(messages)}`);
    c.syntax.forEach((pattern, i) => assert.match(messages[i], pattern, c.name));
    // And lint as a whole reads it without throwing.
    lintText(text);
  }
}

/** Loads each case into both backends and both families and checks the outcome. */
export async function checkNetfilter(label: string, cases: readonly Case[]): Promise<void> {
  for (const key of ALL) {
    const backend = key.replace(/\d$/, "") as Backend;
    const family = Number(key.slice(-1)) as Family;
    await withNamespace(`${label}-${key}`, (ns) => {
      for (const c of cases) {
        const expected = outcomeOf(c, key);
        const result = ns.run(tool("restore", backend, family), [], textOf(c));
        const what = `${tool("restore", backend, family)}: ${c.name}\n${textOf(c)}\n${result.stderr}`;
        if (expected === "loads" || "skips" in expected) {
          assert.equal(result.status, 0, what);
          if (expected !== "loads") {
            const rules = ns.save(backend, family, ["-t", "filter"]).split("\n").filter((l) => /^-[A-Z] /.test(l));
            assert.deepEqual(rules, [], `${what}: the line is skipped`);
          }
        } else {
          assert.notEqual(result.status, 0, `${what}: refused`);
          assert.ok(result.stderr.includes(expected.refuses), `${what}: says ${JSON.stringify(expected.refuses)}`);
        }
      }
    });
  }
}

test("what iptables loads or refuses, iptlint reads the same way", async (t) => {
  checkSyntax(CASES);
  if (!requireNetfilter(t)) return;
  await checkNetfilter("fidelity", CASES);
});

test("`* mangle` and `: FOO - [0:0]` name the table and the chain after the blanks, and the rules read them so", () => {
  const mangle = parse("*\tmangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp -j TPROXY --on-port 1080 --tproxy-mark 0x1/0x1\nCOMMIT\n");
  assert.equal(mangle.tables[0].name, "mangle");
  const chains = parse(TABLE(": INPUT DROP [0:0]\n:  FOO\t- [0:0]\n-A INPUT -j FOO\n-A FOO -j ACCEPT"));
  assert.deepEqual(
    chains.tables[0].chains.map((c) => [c.name, c.policy]),
    [["INPUT", "ACCEPT"], ["FORWARD", "ACCEPT"], ["OUTPUT", "ACCEPT"], ["INPUT", "DROP"], ["FOO", "-"]],
  );
  // TPROXY is mangle's, FOO is declared and entered: nothing to report.
  for (const text of [mangle.text, chains.text]) assert.deepEqual(lintText(text).diagnostics.filter((d) => d.severity === "error"), [], text);
});
