/**
 * Conformance with the real iptables: each generated rule set (rulesets.ts) is loaded with
 * iptables-restore, nft and legacy, IPv4 and IPv6, in a private network namespace; every dump
 * iptables prints of it (`iptables-save`, `iptables-save -c`, and per table `iptables -S`
 * and `iptables -v -S`) must parse without a diagnostic, in the right form, print back byte
 * for byte, and give an AST that agrees with iptables' own output.
 *
 * What the AST must agree on is read from the dump text by `referenceShape`, a few lines of
 * splitting that work for the generated rule sets only, independent of the grammar: each
 * chain's policy and counters, and each rule's target and counters, in order. The same shape
 * is also checked against what the generator meant to load (its model), so that neither side
 * can agree with the other by being empty. The `--comment` and `--log-prefix` values the
 * generator wrote must come back decoded from the AST.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test, type TestContext } from "node:test";

import { parse, print, type CountersNode, type Document, type DocumentForm, type OptionNode } from "../../grammar/index.js";
import { requireNetfilter, withNamespace, type Backend, type Namespace } from "../helpers/netfilter.js";
import * as rulesets from "./rulesets.js";
import type { Counters, Family, Ruleset } from "./rulesets.js";

const BACKENDS: readonly Backend[] = ["nft", "legacy"];

interface Case {
  /** Names the subtests: shape and seed. */
  name: string;
  families: readonly Family[];
  /** Only these backends accept the rule set; both when absent. */
  backends?: readonly Backend[];
  make(family: Family): Ruleset;
}

const BOTH: readonly Family[] = [4, 6];

/** The IPVS shape matches on ipsets, which need the `ipset` tool to be created. */
const hasIpset = spawnSync("sh", ["-c", "command -v ipset"]).status === 0;

const seeds = (name: string, list: number[], families: readonly Family[], make: (seed: number, family: Family) => Ruleset): Case[] =>
  list.map((seed) => ({ name: `${name} seed ${seed}`, families, make: (family: Family) => make(seed, family) }));

/** Shape name (one top-level test each) and its cases. */
const SHAPES: ReadonlyArray<[string, Case[]]> = [
  // Seeds 1 and 3 give the old single-MASQUERADE KUBE-POSTROUTING, seed 2 the fixed form.
  ["kube-proxy", seeds("kube-proxy", [1, 2, 3], BOTH, rulesets.kubeProxy)],
  // Without the ipset tool the `-m set --match-set` rules are left out (KUBE-LOOP-BACK and
  // the rest cannot be created, and iptables refuses a rule naming a missing set); the
  // rest of the IPVS-mode rules are still loaded.
  [
    "kube-proxy-ipvs",
    seeds(hasIpset ? "kube-proxy-ipvs" : "kube-proxy-ipvs without ipsets", [1, 2], BOTH, (seed, family) =>
      rulesets.kubeProxyIpvs(seed, family, { ipsets: hasIpset }),
    ),
  ],
  ["docker", seeds("docker", [1, 2, 3], BOTH, rulesets.docker)],
  ["firewalld", seeds("firewalld", [1, 2], BOTH, rulesets.firewalld)],
  ["mangle-raw", seeds("mangle-raw", [1, 2], BOTH, rulesets.mangleRaw)],
  ["counters", seeds("counters", [1, 2], BOTH, rulesets.counters)],
  ["ipv6", seeds("ipv6", [1, 2], [6], (seed) => rulesets.ipv6(seed))],
  ["comments", seeds("comments", [1, 2], BOTH, (seed, family) => rulesets.comments(seed, family))],
  ["chain-names", seeds("chain-names", [1], BOTH, (seed, family) => rulesets.chainNames(seed, family, rulesets.ODD_CHAIN_NAMES))],
  // Words in an option's argument position that look like options or `!`, which iptables
  // prints without quotes: comments and log prefixes such as `-j`, and chain names such as
  // `--chain` or `!` (those only iptables-legacy-restore accepts).
  [
    "option-like-words",
    [
      ...seeds("option-like-comments", [1], BOTH, (seed, family) => rulesets.comments(seed, family, { optionLike: true })),
      {
        name: "dash-chain-names",
        families: BOTH,
        backends: ["legacy"],
        make: (family) => rulesets.chainNames(1, family, rulesets.DASH_CHAIN_NAMES),
      },
    ],
  ],
  ["hand-written", [{ name: "hand-written", families: BOTH, make: rulesets.handWritten }]],
];

// ---------------------------------------------------------------------------------------------
// What a dump says: chains with policy and counters, rules with target and counters

interface RuleShape {
  target: string;
  /** `packets:bytes`, or null when the dump prints none. */
  counters: string | null;
}

interface ChainShape {
  policy: string;
  counters: string | null;
  rules: RuleShape[];
}

/** Table name to chain name to chain. */
type Shape = Record<string, Record<string, ChainShape>>;

interface Dump {
  /** The command that printed it, e.g. `iptables-nft -v -S -t nat`. */
  kind: string;
  text: string;
  form: DocumentForm;
  /** The table of an `-S` listing (which does not name it); null for iptables-save. */
  table: string | null;
  /** Which chains the dump prints counters for. */
  chainCounters: "all" | "builtin" | "none";
  ruleCounters: boolean;
}

/** Options whose next word is always their value, whatever it looks like (getopt's rule). */
const VALUE_OPTIONS = new Set(["--comment", "--log-prefix"]);

/**
 * Reads a dump's shape with plain string splitting, independently of the grammar. Good
 * enough for what the generators write: chain names hold no quotes or spaces, and quoted
 * strings (comments, log prefixes) are blanked out before splitting.
 */
function referenceShape(text: string, form: DocumentForm, listedTable: string | null): Shape {
  const shape: Shape = {};
  let table: Record<string, ChainShape> | null = form === "rules" ? (shape[listedTable!] = {}) : null;
  const chain = (name: string): ChainShape => {
    assert.ok(table, `rule outside a table in the dump: ${name}`);
    return (table[name] ??= { policy: "(undeclared)", counters: null, rules: [] });
  };
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#") || line === "COMMIT") continue;
    const words = line.replace(/"(?:[^"\\]|\\.)*"/g, '""').split(" ");
    if (form === "restore" && line.startsWith("*")) {
      table = shape[line.slice(1)] = {};
    } else if (form === "restore" && line.startsWith(":")) {
      const [name, policy, counters] = words;
      chain(name.slice(1)).policy = policy;
      chain(name.slice(1)).counters = counters.slice(1, -1);
    } else if (form === "rules" && words[0] === "-P") {
      chain(words[1]).policy = words[2];
      chain(words[1]).counters = words[3] === "-c" ? `${words[4]}:${words[5]}` : null;
    } else if (form === "rules" && words[0] === "-N") {
      chain(words[1]).policy = "-";
    } else {
      let counters: string | null = null;
      if (words[0].startsWith("[")) counters = words.shift()!.slice(1, -1);
      assert.equal(words[0], "-A", `unexpected line in the dump: ${line}`);
      let target = "";
      for (let i = 2; i < words.length; i++) {
        if (VALUE_OPTIONS.has(words[i])) i++;
        else if (words[i] === "-j" || words[i] === "-g") target = words[++i];
        else if (words[i] === "-c") counters = `${words[++i]}:${words[++i]}`;
      }
      chain(words[1]).rules.push({ target, counters });
    }
  }
  return shape;
}

const countersText = (node: CountersNode | null): string | null => (node ? `${node.packets ?? "?"}:${node.bytes ?? "?"}` : null);

const optionCounters = (elements: OptionNode[]): string | null => {
  const option = elements.find((e) => e.role === "counters");
  return option ? option.values.map((v) => v.value).join(":") : null;
};

/** The same shape, read from the AST. */
function astShape(document: Document, listedTable: string | null): Shape {
  const shape: Shape = {};
  for (const table of document.tables) {
    const chains: Record<string, ChainShape> = (shape[table.name ?? listedTable ?? "(unnamed)"] = {});
    const chain = (name: string | null): ChainShape => (chains[name ?? "(no chain)"] ??= { policy: "(undeclared)", counters: null, rules: [] });
    for (const declaration of table.chains) {
      chains[declaration.name] = { policy: declaration.policy ?? "(none)", counters: countersText(declaration.counters), rules: [] };
    }
    for (const command of table.commands) {
      if (command.command === "policy") {
        chain(command.chain).policy = command.positional[1]?.value ?? "(none)";
        chain(command.chain).counters = optionCounters(command.elements);
      } else if (command.command === "new-chain") {
        chain(command.chain).policy = "-";
      } else if (command.command === "append" && command.rule) {
        const rule = command.rule;
        chain(command.chain).rules.push({ target: rule.target?.name ?? "", counters: countersText(rule.counters) });
      } else {
        assert.fail(`iptables printed a ${command.command} command?: ${command.text}`);
      }
    }
  }
  return shape;
}

const formatCounters = (counters: Counters | null): string => (counters ? `${counters[0]}:${counters[1]}` : "0:0");

/**
 * What the generator meant the dump to show. Counters come back only for built-in chains
 * and rules restored with `-c`; user chains have none. ip6tables-nft-restore 1.8.9 drops
 * the `[p:b]` of rules under `-c` (it keeps the chains'), so those read 0:0.
 */
function modelShape(ruleset: Ruleset, dump: Dump, backend: Backend): Shape {
  const keepsRuleCounters = ruleset.counters && !(backend === "nft" && ruleset.family === 6);
  const shape: Shape = {};
  for (const [name, table] of ruleset.tables) {
    if (dump.table !== null && dump.table !== name) continue;
    const chains: Record<string, ChainShape> = (shape[name] = {});
    for (const [chainName, chain] of table.chains) {
      const builtin = chain.policy !== "-";
      const printsCounters = dump.chainCounters === "all" || (dump.chainCounters === "builtin" && builtin);
      chains[chainName] = {
        policy: chain.policy,
        counters: printsCounters ? formatCounters(ruleset.counters && builtin ? chain.counters : null) : null,
        rules: chain.rules.map((rule) => ({
          target: rule.target,
          counters: dump.ruleCounters ? formatCounters(keepsRuleCounters ? rule.counters : null) : null,
        })),
      };
    }
  }
  return shape;
}

/** Every `--comment` and LOG `--log-prefix` value in the AST, decoded. */
function decodedValues(document: Document): { comments: string[]; logPrefixes: string[] } {
  const comments: string[] = [];
  const logPrefixes: string[] = [];
  for (const table of document.tables) {
    for (const command of table.commands) {
      const rule = command.rule;
      if (!rule) continue;
      for (const match of rule.matches) {
        if (match.name === "comment") comments.push(match.option("--comment")?.value ?? "(no --comment value)");
      }
      if (rule.target?.name === "LOG") {
        const prefix = rule.target.option("--log-prefix");
        // iptables prints no --log-prefix for an empty one; every generated LOG has one.
        logPrefixes.push(prefix ? (prefix.value ?? "(no --log-prefix value)") : "(no --log-prefix)");
      }
    }
  }
  return { comments, logPrefixes };
}

const sorted = (values: string[]): string[] => [...values].sort();

// ---------------------------------------------------------------------------------------------
// Checks

function diagnosticsReport(document: Document): string {
  return document.diagnostics
    .map((d) => {
      const line = document.text.split("\n")[d.loc.start.line - 1];
      return `  ${d.loc.start.line}:${d.loc.start.column} ${d.message}\n    ${line}`;
    })
    .join("\n");
}

/** The first line where two texts differ, for a readable round-trip failure. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  dump:    ${JSON.stringify(a[i])}\n  printed: ${JSON.stringify(b[i])}`;
  }
  return "(texts differ only in length)";
}

/** Text iptables printed or accepted: no diagnostics, the right form, printed back byte for byte. */
function checkClean(document: Document, form: DocumentForm, what: string): void {
  const report = diagnosticsReport(document);
  assert.equal(document.diagnostics.length, 0, `${what}: syntax errors in text iptables printed or accepted:\n${report}`);
  assert.equal(document.form, form, `${what}: form`);
  const printed = print(document);
  assert.ok(printed === document.text, `${what}: print(parse(text)) differs from the text at ${firstDifference(document.text, printed)}`);
}

/** Runs every check of a dump and reports all that fail, not just the first. */
function checkDump(dump: Dump, ruleset: Ruleset, backend: Backend): void {
  const failures: string[] = [];
  const check = (body: () => void): void => {
    try {
      body();
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  };
  const document = parse(dump.text, { filePath: dump.kind });
  check(() => checkClean(document, dump.form, dump.kind));
  const reference = referenceShape(dump.text, dump.form, dump.table);
  // iptables loaded what the generator meant (this also keeps the reference honest) ...
  check(() => assert.deepEqual(reference, modelShape(ruleset, dump, backend), `${dump.kind}: iptables does not hold what the generator wrote`));
  // ... and the AST reads the dump as iptables wrote it.
  check(() => assert.deepEqual(astShape(document, dump.table), reference, `${dump.kind}: the AST disagrees with the dump`));

  const tables = [...ruleset.tables].filter(([name]) => dump.table === null || dump.table === name).map(([, table]) => table);
  const values = decodedValues(document);
  check(() => assert.deepEqual(sorted(values.comments), sorted(tables.flatMap((t) => t.comments)), `${dump.kind}: --comment values`));
  check(() => assert.deepEqual(sorted(values.logPrefixes), sorted(tables.flatMap((t) => t.logPrefixes)), `${dump.kind}: --log-prefix values`));
  if (failures.length) assert.fail(failures.join("\n\n"));
}

/** Every dump of the loaded rule set: all tables saved, then each table listed. */
function takeDumps(ns: Namespace, backend: Backend, family: Family, tables: string[]): Dump[] {
  const command = `${family === 6 ? "ip6tables" : "iptables"}-${backend}`;
  const save = (args: string[], ruleCounters: boolean): Dump => ({
    kind: [`${command}-save`, ...args].join(" "),
    text: ns.save(backend, family, args),
    form: "restore",
    table: null,
    chainCounters: "all",
    ruleCounters,
  });
  const dumps: Dump[] = [save([], false), save(["-c"], true)];
  for (const table of tables) {
    const list = (args: string[]): string => ns.listRules(backend, family, [...args, "-t", table]);
    dumps.push({ kind: `${command} -S -t ${table}`, text: list([]), form: "rules", table, chainCounters: "none", ruleCounters: false });
    dumps.push({ kind: `${command} -v -S -t ${table}`, text: list(["-v"]), form: "rules", table, chainCounters: "builtin", ruleCounters: true });
  }
  return dumps;
}

let dumpsChecked = 0;

async function loadAndCheck(t: TestContext, ruleset: Ruleset, backend: Backend): Promise<void> {
  const dumps = await withNamespace("conf", (ns) => {
    if (ruleset.ipsets !== null) {
      const created = ns.run("ipset", ["restore"], ruleset.ipsets);
      assert.equal(created.status, 0, `ipset restore: ${created.stderr}`);
    }
    for (const step of ruleset.steps) ns.restore(backend, ruleset.family, step.text, step.args);
    return takeDumps(ns, backend, ruleset.family, [...ruleset.tables.keys()]);
  });
  for (const dump of dumps) {
    await t.test(dump.kind, () => {
      dumpsChecked++;
      checkDump(dump, ruleset, backend);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Tests

test("the generators are deterministic and vary with the seed", () => {
  const texts = (ruleset: Ruleset): string => ruleset.steps.map((s) => s.text).join("");
  for (const [, cases] of SHAPES) {
    for (const c of cases) {
      for (const family of c.families) assert.equal(texts(c.make(family)), texts(c.make(family)), `${c.name} IPv${family}`);
    }
  }
  const seeded = [rulesets.kubeProxy, rulesets.docker, rulesets.firewalld, rulesets.mangleRaw, rulesets.counters];
  for (const make of seeded) assert.notEqual(texts(make(1, 4)), texts(make(2, 4)), make.name);
});

test("the stress comments reach the comment match's 255-byte limit", () => {
  for (const seed of [1, 2]) {
    const comments = [...rulesets.comments(seed, 4).tables.values()].flatMap((table) => table.comments);
    assert.equal(Math.max(...comments.map((c) => Buffer.byteLength(c))), rulesets.MAX_COMMENT_BYTES);
  }
});

test("every generated restore input parses cleanly and prints back unchanged", async (t) => {
  for (const [, cases] of SHAPES) {
    for (const c of cases) {
      for (const family of c.families) {
        await t.test(`${c.name} IPv${family}`, () => {
          const ruleset = c.make(family);
          ruleset.steps.forEach((step, i) => {
            const what = `${c.name} IPv${family} input ${i + 1}`;
            checkClean(parse(step.text, { filePath: what }), "restore", what);
          });
        });
      }
    }
  }
});

for (const [shape, cases] of SHAPES) {
  test(`real iptables: ${shape}`, async (t) => {
    if (!requireNetfilter(t)) return;
    const before = dumpsChecked;
    if (shape === "kube-proxy-ipvs" && !hasIpset) {
      t.diagnostic("ipset is not installed: the -m set --match-set rules are left out");
    }
    for (const c of cases) {
      for (const backend of c.backends ?? BACKENDS) {
        for (const family of c.families) {
          await t.test(`${c.name} ${backend} IPv${family}`, (t) => loadAndCheck(t, c.make(family), backend));
        }
      }
    }
    t.diagnostic(`${dumpsChecked - before} dumps checked`);
  });
}
