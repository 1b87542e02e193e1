import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test, type TestContext } from "node:test";

import { generateKubeProxyDump, type KubeDumpOptions } from "./kube-dump.js";

/** Targets that are not chains; any other `-j`/`-g` target must be a chain of the table. */
const STANDARD_TARGETS = new Set(["ACCEPT", "DROP", "RETURN", "REJECT", "MARK", "DNAT", "MASQUERADE"]);
/** iptables chain names are at most 28 characters (XT_EXTENSION_MAXNAMELEN 29, with the NUL). */
const MAX_CHAIN_NAME = 28;

interface ParsedTable {
  name: string;
  chains: string[];
  rules: string[];
}

/** Just enough structure of iptables-save text to check the generator's invariants. */
function parseTables(dump: string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  let current: ParsedTable | undefined;
  for (const line of dump.split("\n")) {
    if (line.startsWith("*")) {
      current = { name: line.slice(1), chains: [], rules: [] };
      tables.push(current);
    } else if (line.startsWith(":")) {
      current?.chains.push(line.slice(1, line.indexOf(" ")));
    } else if (line.startsWith("-A ") || line.startsWith("[")) {
      current?.rules.push(line.replace(/^\[\d+:\d+\] /, ""));
    }
  }
  return tables;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

// Generated once: the size, name and jump tests all look at the benchmark's 10k x 5 dump.
const big = generateKubeProxyDump({ services: 10000, endpoints: 5 });

const VARIANTS: KubeDumpOptions[] = [];
for (const family of [4, 6] as const) {
  for (const era of ["1.18.2", "1.19"] as const) {
    for (const counters of [false, true]) {
      VARIANTS.push({ services: 30, endpoints: 3, family, era, counters });
    }
  }
}

test("the same options give byte-identical dumps", () => {
  for (const opts of [...VARIANTS, { services: 200, endpoints: 5, backend: "legacy" as const }]) {
    assert.equal(generateKubeProxyDump(opts), generateKubeProxyDump(opts), JSON.stringify(opts));
  }
  assert.equal(generateKubeProxyDump({ services: 10000, endpoints: 5 }), big);
});

test("a 10000 x 5 dump is within 10% of 231,000 lines and 25 MB", () => {
  const lines = countLines(big);
  const bytes = Buffer.byteLength(big);
  assert.ok(Math.abs(lines - 231_000) <= 23_100, `${lines} lines`);
  assert.ok(Math.abs(bytes - 25_000_000) <= 2_500_000, `${bytes} bytes`);
});

test("chain names are unique within a table and at most 28 characters", () => {
  for (const dump of [big, generateKubeProxyDump({ services: 2000, endpoints: 5, family: 6 })]) {
    for (const table of parseTables(dump)) {
      assert.equal(new Set(table.chains).size, table.chains.length, `duplicate chain in ${table.name}`);
      const long = table.chains.filter((c) => c.length > MAX_CHAIN_NAME);
      assert.deepEqual(long, [], `chain names over ${MAX_CHAIN_NAME} characters in ${table.name}`);
    }
  }
});

test("every rule's chain and every jump target is declared in its table", () => {
  const dumps = [big, ...VARIANTS.map((v) => generateKubeProxyDump(v))];
  for (const dump of dumps) {
    const tables = parseTables(dump);
    assert.deepEqual(tables.map((t) => t.name).sort(), ["filter", "nat"]);
    for (const table of tables) {
      const declared = new Set(table.chains);
      for (const rule of table.rules) {
        const chain = rule.split(" ", 2)[1];
        assert.ok(declared.has(chain), `${table.name}: undeclared chain in: ${rule}`);
        const target = / -[jg] (\S+)/.exec(rule)?.[1];
        assert.ok(target !== undefined, `${table.name}: rule without target: ${rule}`);
        assert.ok(STANDARD_TARGETS.has(target) || declared.has(target), `${table.name}: undeclared target in: ${rule}`);
      }
    }
  }
});

test("NodePorts stay in 30000-32767 and are unique", () => {
  const dump = generateKubeProxyDump({ services: 50000, endpoints: 1 });
  const ports = [...dump.matchAll(/^-A KUBE-NODEPORTS .* --dport (\d+) -j KUBE-SVC-/gm)].map((m) => Number(m[1]));
  assert.equal(ports.length, 2768);
  assert.equal(new Set(ports).size, ports.length);
  assert.ok(ports.every((p) => p >= 30000 && p <= 32767));
});

// --- Checks against the real iptables 1.8.9 tools, in throwaway network namespaces. ---

const REQUIRE_NETFILTER = process.env.IPTLINT_REQUIRE_NETFILTER === "1";

function run(cmd: string, args: string[], input?: string): { status: number | null; output: string } {
  const r = spawnSync(cmd, args, { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { status: null, output: r.error.message };
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Why the netfilter checks cannot run here, or undefined when they can. */
function netfilterUnavailable(tools: string[]): string | undefined {
  if (process.getuid?.() !== 0) return "needs root (network namespaces, iptables-restore)";
  for (const tool of ["ip", ...tools]) {
    // `ip -V` and `iptables-*-restore --version` both just print a version.
    if (run(tool, [tool === "ip" ? "-V" : "--version"]).status !== 0) return `${tool} is not installed`;
  }
  return undefined;
}

/** Skips the test, or fails it when IPTLINT_REQUIRE_NETFILTER=1; returns true if it may run. */
function requireNetfilter(t: TestContext, tools: string[]): boolean {
  const reason = netfilterUnavailable(tools);
  if (reason === undefined) return true;
  if (REQUIRE_NETFILTER) assert.fail(`IPTLINT_REQUIRE_NETFILTER=1 but ${reason}`);
  t.skip(reason);
  return false;
}

let netnsCounter = 0;

/** Runs `body` with the name of a fresh network namespace, always deleting it afterwards. */
function withNetns<T>(body: (ns: string) => T): T {
  const ns = `iptlint-test-${process.pid}-${netnsCounter++}`;
  const add = run("ip", ["netns", "add", ns]);
  assert.equal(add.status, 0, `ip netns add ${ns}: ${add.output}`);
  try {
    return body(ns);
  } finally {
    run("ip", ["netns", "delete", ns]);
  }
}

function netfilterTool(opts: KubeDumpOptions, backend: "nft" | "legacy", kind: "restore" | "save"): string {
  return `${opts.family === 6 ? "ip6tables" : "iptables"}-${backend}-${kind}`;
}

function describe(opts: KubeDumpOptions): string {
  return `IPv${opts.family} ${opts.era}${opts.counters ? " counters" : ""}`;
}

for (const backend of ["nft", "legacy"] as const) {
  const tools = VARIANTS.map((v) => netfilterTool(v, backend, "restore"));

  test(`iptables-${backend}-restore --test accepts every form`, async (t) => {
    if (!requireNetfilter(t, tools)) return;
    for (const opts of VARIANTS) {
      await t.test(describe(opts), () => {
        const tool = netfilterTool(opts, backend, "restore");
        const dump = generateKubeProxyDump({ ...opts, backend });
        const r = withNetns((ns) => run("ip", ["netns", "exec", ns, tool, "--test"], dump));
        assert.equal(r.status, 0, `${tool} --test rejected the dump: ${r.output}`);
      });
    }
  });

  // Stronger than --test, which accepts abbreviated options such as --to-destinatio: the
  // real iptables-save prints the loaded dump back unchanged, so the generator writes exactly
  // what iptables-save would. Restoring with --counters keeps the policy counters.
  test(`iptables-${backend}-save prints a restored dump back unchanged`, async (t) => {
    if (!requireNetfilter(t, [...tools, ...VARIANTS.map((v) => netfilterTool(v, backend, "save"))])) return;
    for (const opts of VARIANTS) {
      await t.test(describe(opts), () => {
        const dump = generateKubeProxyDump({ ...opts, backend });
        const saved = withNetns((ns) => {
          const restore = run("ip", ["netns", "exec", ns, netfilterTool(opts, backend, "restore"), "--counters"], dump);
          assert.equal(restore.status, 0, restore.output);
          const args = ["netns", "exec", ns, netfilterTool(opts, backend, "save"), ...(opts.counters ? ["--counters"] : [])];
          const save = spawnSync("ip", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
          assert.equal(save.status, 0, save.stderr);
          return save.stdout;
        });
        assert.deepEqual(tableBlocks(saved), tableBlocks(dump));
      });
    }
  });
}

/**
 * The dump's tables with the save date masked, in a fixed order: iptables-legacy-save lists
 * tables newest first, and that order depends on the namespace's history, not the generator.
 * iptables-nft-save's "# Warning: iptables-legacy tables present" line is dropped too.
 */
function tableBlocks(dump: string): string[] {
  return dump
    .replace(/^# Warning: .*\n/gm, "")
    .replace(/ on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/gm, " on DATE")
    .split(/^(?=# Generated by )/m)
    .sort();
}
