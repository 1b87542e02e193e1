/**
 * Every finding's message is one sentence of at most about 160 characters: what is wrong here
 * and what it causes. The why, the history and the fix belong in the rule's README
 * (`iptlint explain RULE`). Checked on every message the rules, the grammar and the suppression
 * comments emit on every rule fixture, README example, example and corpus file, with the node
 * contexts that change a message, and on broken text that makes each of the grammar's syntax
 * errors and each kind of suppression problem.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { test } from "node:test";
import { allRules } from "../../rules/index.js";
import type { NodeContext } from "../../rules/types.js";
import { lintText, type LintOptions } from "../../src/lint.js";
import { fromRoot, projectRoot } from "../helpers/project.js";

const LIMIT = 160;
/** Where a message quotes what iptables or the kernel says, which users search for, it may reach this. */
const QUOTED_LIMIT = 180;
/**
 * The rules whose messages pass LIMIT on these inputs, each only by quoting iptables' or the
 * kernel's own words: the refusal text is what users search for, so it is kept whole.
 */
const LONGER_BY_QUOTES = new Set<string>([
  "address-family-mismatch",
  "chain-declaration",
  "chain-name-too-long",
  "conflicting-options",
  "inline-option-value",
  "jump-to-undefined-chain",
  "match-not-allowed-here",
  "option-needs-protocol",
  "target-needs-protocol",
  "target-not-allowed-here",
]);

interface Input {
  name: string;
  text: string;
}

/** Files under a folder of the project, recursively. */
function filesUnder(...parts: string[]): string[] {
  const root = fromRoot(...parts);
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(...parts, name) : [path];
  });
}

function readmeExamples(path: string): Input[] {
  const readme = readFileSync(path, "utf8");
  return [...readme.matchAll(/^```iptables (invalid|valid|fixed|unsafe-fixed)\n([\s\S]*?)^```$/gm)].map((m, i) => ({
    name: `${relative(projectRoot, path)} example ${i + 1}`,
    text: m[2],
  }));
}

/** Broken text that makes every syntax error the grammar reports, and every suppression problem. */
const BROKEN: Input[] = [
  { name: "binary.rules", text: "*filter\n\0\0" },
  { name: "bom.rules", text: "\ufeff*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n" },
  { name: "empty.rules", text: "" },
  { name: "blank.rules", text: "\n  \n" },
  // A NUL byte past the part of the file searched to call it binary.
  { name: "nul.rules", text: `*filter\n${"# padding\n".repeat(900)}-A INPUT -s 10.0.0.1\0 -j ACCEPT\nCOMMIT\n` },
  {
    name: "lines.rules",
    text: [
      "*filter",
      ":INPUT ACCEPT [0:0]",
      ":",
      ":NOPOLICY",
      `-A INPUT -m comment --comment "unterminated -j ACCEPT`,
      `-A INPUT -m comment --comment ${"x".repeat(1100)} -j ACCEPT`,
      `-A INPUT ${"-m comment --comment x ".repeat(90)}-j ACCEPT`,
      "  -A INPUT -j ACCEPT",
      `  :${"VERY-LONG-CHAIN-NAME-".repeat(5)} - [0:0]`,
      "   ",
      "  # indented comment",
      "-A INPUT -j",
      "-A INPUT -j ACCEPT -j DROP",
      "! -A INPUT -j ACCEPT",
      "--source 10.0.0.1 -j ACCEPT",
      "| not a command",
      `${"not-a-command-".repeat(8)} -j ACCEPT`,
      "[0:0]",
      "[0:0] ACCEPT",
      "-A INPUT ! ! -s 10.0.0.1 -j ACCEPT",
      "-A INPUT -s 10.0.0.1 !",
      "-A INPUT ! -j ACCEPT",
      "-A INPUT -t nat -j ACCEPT",
      "[1:] -A INPUT -j ACCEPT",
      `[${"9".repeat(80)}:x] -A INPUT -j ACCEPT`,
      "COMMIT now",
      "COMMIT",
      "COMMIT",
      ":OUTSIDE - [0:0]",
      "-A INPUT -j ACCEPT",
      "*",
      // The longest table name the kernel has room for (XT_TABLE_MAXNAMELEN, 32 with the NUL).
      `*${"t".repeat(31)}`,
      "-A INPUT -j ACCEPT",
      "",
    ].join("\n"),
  },
  {
    name: "suppressions.rules",
    text: [
      "# iptlint-disable-line masquerade-mark-not-cleared",
      "# iptlint-disable-nextline masquerade-mark-not-cleared",
      "# iptlint-frobnicate",
      "# iptlint-disable-file no-such-rule",
      "# iptlint-disable-file masquerade-mark-not-cleard",
      "# iptlint-disable-file syntax",
      "# iptlint-disable-file unused-chain, masquerade-mark-not-cleared, chain-name-too-long, duplicate-rule",
      "# iptlint-enable unused-chain",
      "# iptlint-enable",
      "*filter",
      ":INPUT ACCEPT [0:0]",
      "# iptlint-disable duplicate-rule",
      "# iptlint-disable-next-line queue-target",
      `-A INPUT -m comment --comment "iptlint-disable-next-line queue-target" -j ACCEPT`,
      `-A INPUT -m comment --comment "iptlint-disable queue-target" -j ACCEPT`,
      `-A INPUT -m comment --comment "iptlint-bogus" -j ACCEPT`,
      "COMMIT",
      "# iptlint-disable-next-line",
      "",
    ].join("\n"),
  },
];

function inputs(): Input[] {
  const fromFiles = (paths: string[]): Input[] => paths.map((path) => ({ name: basename(path), text: readFileSync(path, "utf8") }));
  const ruleFolders = allRules.map((rule) => fromRoot("rules", rule.id));
  return [
    ...fromFiles(ruleFolders.flatMap((folder) => readdirSync(join(folder, "fixtures")).filter((f) => f.endsWith(".rules")).map((f) => join(folder, "fixtures", f)))),
    ...ruleFolders.flatMap((folder) => readmeExamples(join(folder, "README.md"))),
    ...fromFiles(filesUnder("examples").filter((path) => /\.(rules|save)$/.test(path))),
    ...fromFiles(filesUnder("test", "fixtures", "corpus").filter((path) => !path.endsWith(".md"))),
    ...fromFiles(filesUnder("test", "format", "fixtures")),
    ...BROKEN,
  ];
}

/** What changes a message: the node's kernel and Kubernetes version. */
function variants(): LintOptions[] {
  const nodes: NodeContext[] = [
    {},
    { kernelVersion: "5.4.0-107-generic" },
    { kernelVersion: "4.19.100" },
    { kubernetesVersion: "1.18.2" },
    { kubernetesVersion: "v1.19.0", kernelVersion: "4.19.100" },
    { kubernetesVersion: "1.15.3", kernelVersion: "5.10.0" },
    { kubernetesVersion: "1.18.6", kernelVersion: "5.4.0-107-generic" },
  ];
  return nodes.map((node) => ({ node }));
}

/** The message with iptables' quoted words and code spans taken out. */
const prose = (message: string): string => message.replace(/"[^"]*"/g, '""').replace(/`[^`]*`/g, "``");

test("messages: every finding's message is one sentence of at most 160 characters (180 where it quotes iptables)", () => {
  const problems: string[] = [];
  const longer = new Map<string, number>();
  const seen = new Set<string>();
  let count = 0;
  for (const input of inputs()) {
    for (const options of variants()) {
      for (const d of lintText(input.text, { ...options, filePath: input.name }).diagnostics) {
        if (seen.has(d.message)) continue;
        seen.add(d.message);
        count++;
        const where = `${input.name}:${d.loc.start.line} ${d.ruleId}`;
        const text = prose(d.message);
        if (/\.\s/.test(text) || /\.$/.test(text.trimEnd())) problems.push(`${where}: more than one sentence, or a final period: ${d.message}`);
        if (d.message.includes("\n")) problems.push(`${where}: a line break: ${JSON.stringify(d.message)}`);
        if (d.message.length > LIMIT) {
          longer.set(d.ruleId, Math.max(longer.get(d.ruleId) ?? 0, d.message.length));
          const quoted = /"[^"]{8,}"/.test(d.message);
          if (!quoted || d.message.length > QUOTED_LIMIT) problems.push(`${where}: ${d.message.length} characters: ${d.message}`);
        }
      }
    }
  }
  assert.ok(count > 200, `${count} distinct messages checked`);
  // The first few of each rule: one wording makes many findings.
  const shown = new Map<string, number>();
  assert.deepEqual(
    problems.filter((p) => {
      const rule = / (\S+): /.exec(p)?.[1] ?? "";
      shown.set(rule, (shown.get(rule) ?? 0) + 1);
      return shown.get(rule)! <= 3;
    }),
    [],
    `${problems.length} messages are too long or not one sentence`,
  );
  assert.deepEqual(
    [...longer.keys()].sort(),
    [...LONGER_BY_QUOTES].sort(),
    `the rules whose messages pass ${LIMIT} characters by quoting iptables: ${[...longer].map(([id, n]) => `${id} (${n})`).join(", ")}`,
  );
});
