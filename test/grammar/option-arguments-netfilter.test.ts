/**
 * The extension options the lexer knows to take a value (grammar/option-arguments.ts, derived
 * from iptables 1.8.9's option tables), probed against the real iptables: an option the table
 * says takes a value, left at the end of a line, is refused with getopt's "requires an
 * argument"; one it says takes none is not. A sample of each (every few entries, so each run
 * probes the same ones), with both backends, in the family of the extension.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { EXTENSION_OPTIONS } from "../../grammar/option-arguments.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";

interface Probe {
  option: string;
  takesValue: boolean;
  /** `-m tcp` or `-j DNAT`. */
  module: string;
  family: Family;
  table: string;
}

/** The table a target is allowed in (its parser does not look, but it is tidier). */
const TABLES: Readonly<Record<string, string>> = { DNAT: "nat", SNAT: "nat", MASQUERADE: "nat", REDIRECT: "nat", NETMAP: "nat", TPROXY: "mangle", TTL: "mangle", HL: "mangle", ECN: "mangle", TOS: "mangle", DSCP: "mangle", TCPOPTSTRIP: "mangle", CHECKSUM: "mangle", HMARK: "mangle", CT: "raw" };

/**
 * Options of owner's revision 0, which iptables 1.8.9 never loads (it picks revision 1, which has
 * none of them: "unknown option"), so that a probe cannot tell. Probed one by one, every other
 * option of the table behaves as it says (iptables 1.8.9, both backends).
 */
const UNPROBED = new Set(["--cmd-owner", "--pid-owner", "--sid-owner"]);

function probes(kind: "required" | "none", every: number): Probe[] {
  const entries = Object.entries(EXTENSION_OPTIONS).filter(([option, [argument]]) => argument === kind && !UNPROBED.has(option));
  return entries
    .filter((_, i) => i % every === 0)
    .map(([option, [, extension]]) => {
      const [name, family] = extension.split("/");
      const isTarget = name !== name.toLowerCase();
      return { option, takesValue: kind === "required", module: isTarget ? `-j ${name}` : `-m ${name}`, family: (Number(family) || 4) as Family, table: TABLES[name] ?? "filter" };
    });
}

const SAMPLE = [...probes("required", 5), ...probes("none", 6)];

const lineOf = (p: Probe) => `*${p.table}\n-A OUTPUT ${p.module} ${p.option}\nCOMMIT\n`;

test("an option that takes a value at the end of a line is a syntax error quoting getopt; one that takes none is not", () => {
  for (const p of SAMPLE) {
    const messages = parse(lineOf(p)).diagnostics.map((d) => d.message);
    if (p.takesValue) assert.deepEqual(messages, [`\`${p.option}\` has no value: iptables refuses the line ("option "${p.option}" requires an argument")`], p.option);
    else assert.ok(!messages.some((m) => m.includes("requires an argument")), `${p.option}: ${messages}`);
  }
  // An option that takes a value, followed by one iptables knows: getopt gives it that word.
  assert.match(parse("*filter\n-A INPUT -p tcp --dport -j ACCEPT\nCOMMIT\n").diagnostics[0].message, /^`--dport` has no value: iptables takes the next word, `-j`, as its value/);
  // Followed by options only, the line may load (`--name --rsource` names a list `--rsource`).
  assert.deepEqual(parse("*filter\n-A INPUT -m recent --name --rsource --set\nCOMMIT\n").diagnostics, []);
});

test("the option table against the real iptables: a sample of options that take a value, and of options that take none", async (t) => {
  if (!requireNetfilter(t)) return;
  assert.ok(SAMPLE.length > 60, `${SAMPLE.length} probes`);
  for (const backend of ["nft", "legacy"] as Backend[]) {
    await withNamespace(`optargs-${backend}`, (ns) => {
      for (const p of SAMPLE) {
        const result = ns.run(tool("restore", backend, p.family), ["--test"], lineOf(p));
        const said = `${tool("restore", backend, p.family)}: ${lineOf(p)}${result.stderr}`;
        const required = result.stderr.includes(`option "${p.option}" requires an argument`);
        if (p.takesValue) assert.ok(required, `takes a value: ${said}`);
        else assert.ok(!required, `takes no value: ${said}`);
      }
    });
  }
});

test("the table's facts: --dport and --set-xmark take a value, --syn and --random-fully none, --set differs by extension", () => {
  assert.equal(EXTENSION_OPTIONS["--dport"][0], "required");
  assert.equal(EXTENSION_OPTIONS["--set-xmark"][0], "required");
  assert.equal(EXTENSION_OPTIONS["--syn"][0], "none");
  assert.equal(EXTENSION_OPTIONS["--random-fully"][0], "none");
  assert.equal(EXTENSION_OPTIONS["--set"][0], "mixed");
});
