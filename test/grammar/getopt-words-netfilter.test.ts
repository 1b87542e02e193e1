/**
 * Words getopt reads otherwise than their spelling alone says, as the lexer reads them, and the
 * lines they make loaded by the real iptables 1.8.9 (nft and legacy; IPv4, and IPv6 where the
 * word is no IPv4-only extension's):
 *
 * - `--new`: getopt's abbreviation of iptables' own `--new-chain`, and CLUSTERIP's own option
 *   when `-j CLUSTERIP` comes before it (getopt_long takes an exact name before a prefix);
 * - a one-letter option with its value in the same word (`-mtcp`, `-AINPUT`): `-m`, `-g`, `-c`,
 *   `-t` and the commands get the rest of the word from getopt, as if written with a space;
 *   `-s -d -p -j -i -o` are read by iptables from the whole word (`-s10.0.0.1` is that address).
 *
 * - getopt's abbreviations of iptables' own long options (`--proto`, `--dest`, `--jum`, `--app`),
 *   unique beginnings of one option among iptables' own, are that option; an extension's option
 *   with that beginning, once loaded, makes getopt refuse it as ambiguous.
 *
 * A line both backends load gets no error from iptlint (no syntax error above all); a line both
 * refuse gets one at that line.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { lex } from "../../grammar/lexer.js";
import { tokenTypeOf } from "../../grammar/tokens.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { check } from "../rules/support.js";

/** Each word of a one-line text with its token code. */
function tokensOf(line: string): string[] {
  const { tokens } = lex(line);
  const out: string[] = [];
  for (let t = 0; t < tokens.count; t++) out.push(`${line.slice(tokens.starts[t], tokens.ends[t])}:${tokenTypeOf[tokens.codes[t]].name}`);
  return out;
}

const CLUSTERIP = "-d 10.0.0.1/32 -i eth0 -p tcp -j CLUSTERIP --hashmode sourceip --clustermac 01:00:5E:00:00:20 --total-nodes 2 --local-node 1";

test("`--new` is CLUSTERIP's option after `-j CLUSTERIP`, anywhere after it; before it, or without it, it is `--new-chain`", () => {
  const codeOfNew = (line: string): string[] => tokensOf(line).filter((w) => w.startsWith("--new") || w.startsWith('"--new'));
  assert.deepEqual(codeOfNew(`-A INPUT ${CLUSTERIP} --new`), ["--new:ModuleOption"]);
  assert.deepEqual(codeOfNew(`-A INPUT ${CLUSTERIP.replace("--hashmode", "--new --hashmode")}`), ["--new:ModuleOption"]);
  assert.deepEqual(codeOfNew(`-A INPUT ${CLUSTERIP} "--new"`), ['"--new":ModuleOption']);
  assert.deepEqual(codeOfNew(`-A INPUT --jump CLUSTERIP --new`), ["--new:ModuleOption"]);
  assert.deepEqual(codeOfNew(`-A INPUT --new X ${CLUSTERIP}`), ["--new:NewChain"]);
  assert.deepEqual(codeOfNew("--new X"), ["--new:NewChain"]);
  assert.deepEqual(codeOfNew("-A INPUT -m comment --comment CLUSTERIP --new X"), ["--new:NewChain"]);
  // `--new-chain` is iptables' own name: no extension's option can take it.
  assert.deepEqual(tokensOf(`-A INPUT ${CLUSTERIP} --new-chain X`).at(-2), "--new-chain:NewChain");
  // CLUSTERIP's `--new` takes no value: nothing is missing at the end of the line.
  assert.deepEqual(lex(`-A INPUT ${CLUSTERIP} --new`).errors, []);
});

test("getopt's abbreviations of iptables' own long options are those options, unless a match loaded before has an option beginning so", () => {
  const codeOf = (line: string, word: string): string | undefined => tokensOf(line).find((w) => w.startsWith(`${word}:`));
  assert.equal(codeOf("-A INPUT --proto tcp", "--proto"), "--proto:GenericOption");
  assert.equal(codeOf("-A INPUT --jum ACCEPT", "--jum"), "--jum:JumpOption");
  assert.equal(codeOf("-A INPUT --go FOO", "--go"), "--go:GotoOption");
  assert.equal(codeOf("--app INPUT", "--app"), "--app:Append");
  assert.equal(codeOf("-A INPUT -p tcp --sou 10.0.0.1", "--sou"), "--sou:GenericOption");
  // tcp is loaded: by `-m tcp`, or by `-p tcp` for `--dport`, a word iptables' own options do not have.
  assert.equal(codeOf("-A INPUT -m tcp --sou 10.0.0.1", "--sou"), "--sou:ModuleOption");
  assert.equal(codeOf("-A INPUT -p tcp --dport 22 --sou 10.0.0.1", "--sou"), "--sou:ModuleOption");
  assert.equal(codeOf("-A INPUT -p tcp -m comment --comment x --sou 10.0.0.1", "--sou"), "--sou:GenericOption");
  // Ambiguous among iptables' own (`--s`: `--source`, `--set-counters`; `--in`: `--insert`, `--in-interface`), or
  // not in every backend (ip6tables-legacy has no `--fragments`): read as any word iptables' own options do not have.
  for (const word of ["--s", "--d", "--de", "--in", "--frag", "--ver"]) assert.equal(codeOf(`-A INPUT ${word} x`, word), `${word}:ModuleOption`, word);
});

test("a one-letter option with its value in the same word: split where getopt gives iptables the rest of the word", () => {
  assert.deepEqual(tokensOf("-AINPUT -mtcp -p tcp"), ["-A:Append", "INPUT:Word", "-m:MatchOption", "tcp:Word", "-p:GenericOption", "tcp:Word"]);
  assert.deepEqual(tokensOf("-PINPUT DROP"), ["-P:Policy", "INPUT:Word", "DROP:Word"]);
  assert.deepEqual(tokensOf("-EOLD NEW"), ["-E:RenameChain", "OLD:Word", "NEW:Word"]);
  assert.deepEqual(tokensOf("-A X -c1 2 -gY"), ["-A:Append", "X:Word", "-c:SetCountersOption", "1:Word", "2:Word", "-g:GotoOption", "Y:Word"]);
  assert.deepEqual(tokensOf('-A X -m"comment" --comment x'), ["-A:Append", "X:Word", "-m:MatchOption", '"comment":QuotedWord', "--comment:ModuleOption", "x:Word"]);
  // iptables reads these from the whole word, and a quoted word is left whole, as is a rest that
  // starts with `-` (`-F-D` flushes a chain `-D`; written apart, `-D` would be a second command).
  for (const word of ["-s10.0.0.1", "-d10.0.0.1", "-ptcp", "-jACCEPT", "-ieth0", "-oeth0", '"-mtcp"', "-fv", "-qx", "-F-D", "-m-j"]) {
    assert.deepEqual(tokensOf(`-A X ${word}`).slice(2), [`${word}:ModuleOption`], word);
  }
  // A glued word is one word of iptables-restore's 251.
  const line = `-A X ${Array(249).fill("-mtcp").join(" ")}`;
  assert.deepEqual(lex(line).errors, []);
  assert.equal(lex(`${line} -mtcp`).errors.length, 1);
});

interface Case {
  line: string;
  /** The families it is loaded in. */
  families: Family[];
  /** Whether both backends load it (false: both refuse it). */
  loads: boolean;
  /** `--test` only: CLUSTERIP is gone from this kernel (Linux 6.3 dropped it); iptables-restore parses the line all the same. */
  parseOnly?: boolean;
}

const BOTH: Family[] = [4, 6];

const CASES: Case[] = [
  { line: `-A INPUT ${CLUSTERIP.replace("--hashmode", "--new --hashmode")}`, families: [4], loads: true, parseOnly: true },
  { line: `-A INPUT ${CLUSTERIP.replace("--clustermac", "--new --clustermac")}`, families: [4], loads: true, parseOnly: true },
  { line: `-A INPUT ${CLUSTERIP} --new`, families: [4], loads: true, parseOnly: true },
  { line: `-A INPUT ${CLUSTERIP} --new --new`, families: [4], loads: false, parseOnly: true },
  // Before `-j CLUSTERIP`, `--new` is `--new-chain`: a second command.
  { line: `-A INPUT --new ${CLUSTERIP}`, families: [4], loads: false, parseOnly: true },
  { line: "-AINPUT -j ACCEPT", families: BOTH, loads: true },
  { line: "-IINPUT -j ACCEPT", families: BOTH, loads: true },
  { line: "-A INPUT -mtcp -p tcp --dport 22 -j ACCEPT", families: BOTH, loads: true },
  { line: "-A INPUT -mcomment --comment x -j ACCEPT", families: BOTH, loads: true },
  { line: '-A INPUT -m"comment" --comment x -j ACCEPT', families: BOTH, loads: true },
  { line: "-A INPUT -p tcp -mmultiport --dports 80,443 -j ACCEPT", families: BOTH, loads: true },
  { line: "-A INPUT -gFOO", families: BOTH, loads: true },
  { line: "-A INPUT -c1 2 -j ACCEPT", families: BOTH, loads: true },
  { line: "-NBAR\n-A INPUT -j BAR", families: BOTH, loads: true },
  { line: "-PINPUT DROP", families: BOTH, loads: true },
  // An interface named `-ieth0`.
  { line: "-A INPUT -ieth0 -j ACCEPT", families: BOTH, loads: true },
  { line: "-A INPUT -jACCEPT", families: BOTH, loads: false },
  { line: "-A INPUT -s10.0.0.1 -j ACCEPT", families: [4], loads: false },
  { line: "-A INPUT -d10.0.0.1 -j ACCEPT", families: [4], loads: false },
  { line: "-A INPUT -sfe80::1 -j ACCEPT", families: [6], loads: false },
  { line: "-A INPUT -ptcp -j ACCEPT", families: BOTH, loads: false },
  { line: "-A INPUT -ieth0123456789abc -j ACCEPT", families: BOTH, loads: false },
  { line: "-A INPUT -tfilter -j ACCEPT", families: BOTH, loads: false },
  // getopt's abbreviations of iptables' own long options: unique beginnings, read as the option.
  { line: "-A INPUT --proto tcp --dport 22 -j ACCEPT", families: BOTH, loads: true },
  { line: "-A INPUT --dest 10.0.0.1 -j ACCEPT", families: [4], loads: true },
  { line: "-A INPUT --dest 2001:db8::1 -j ACCEPT", families: [6], loads: true },
  { line: "-A INPUT --sou 10.0.0.1 --in-int eth0 --ju ACCEPT", families: [4], loads: true },
  { line: "-A INPUT --sr 10.0.0.1 --ds 10.0.0.2 -j ACCEPT", families: [4], loads: true },
  { line: "-A INPUT --ma tcp -p tcp --dport 1 --jum ACCEPT", families: BOTH, loads: true },
  { line: "-A INPUT --go FOO", families: BOTH, loads: true },
  { line: "-A FORWARD --out-i eth0 -j ACCEPT", families: BOTH, loads: true },
  { line: "--app INPUT -j ACCEPT", families: BOTH, loads: true },
  { line: "-A INPUT --fr -j DROP", families: [4], loads: true },
  // tcp is loaded only for a word iptables' own options do not have: here `--dest` is `--destination` still.
  { line: "-A INPUT -p tcp --dest 10.0.0.1 -j ACCEPT", families: [4], loads: true },
  { line: "-A INPUT -p tcp --sou 10.0.0.1 -j ACCEPT", families: [4], loads: true },
  // comment's own option is no word getopt fails on: tcp is not loaded yet either.
  { line: "-A INPUT -p tcp -m comment --comment x --dest 10.0.0.1 -j ACCEPT", families: [4], loads: true },
  { line: "-A INPUT --jum", families: BOTH, loads: false },
  { line: "-A INPUT --proto tcp --proto udp -j ACCEPT", families: BOTH, loads: false },
];

const fileOf = (c: Case): string => `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:FOO - [0:0]\n${c.line}\nCOMMIT\n`;
/** The line of the case's last line in its file (1-based). */
const lineNumberOf = (c: Case): number => 6 + c.line.split("\n").length - 1;

test("what iptables loads of these words: no error from iptlint on a line both backends load, one at each line both refuse", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("getopt-words", (ns) => {
    const wrong: string[] = [];
    for (const c of CASES) {
      for (const family of c.families) {
        const text = fileOf(c);
        for (const backend of ["nft", "legacy"] as Backend[]) {
          const result = ns.run(tool("restore", backend, family), c.parseOnly ? ["--test"] : [], text);
          if ((result.status === 0) !== c.loads) wrong.push(`${tool("restore", backend, family)} ${result.status === 0 ? "loaded" : "refused"} ${c.line}: ${result.stderr.trim()}`);
        }
        const header = `# Generated by ${family === 6 ? "ip6tables" : "iptables"}-save v1.8.9\n`;
        const errors = check(header + text).diagnostics.filter((d) => d.severity === "error");
        if (c.loads && errors.length > 0) wrong.push(`iptlint (v${family}) on ${c.line}: ${errors.map((d) => `${d.ruleId}: ${d.message}`).join("; ")}`);
        if (!c.loads && !errors.some((d) => d.loc.start.line === lineNumberOf(c) + 1)) wrong.push(`iptlint (v${family}) says nothing on ${c.line}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
