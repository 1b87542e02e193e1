import assert from "node:assert/strict";
import { test } from "node:test";

import { requireNetfilter, tool, withNamespace, type Family } from "../helpers/netfilter.js";
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
// withNamespace gives each test file its own xtables lock, so these never wait on another
// process's iptables (the machine-wide /run/xtables.lock).

const describe = (opts: KubeDumpOptions): string => `IPv${opts.family} ${opts.era}${opts.counters ? " counters" : ""}`;
const familyOf = (opts: KubeDumpOptions): Family => opts.family ?? 4;

for (const backend of ["nft", "legacy"] as const) {
  test(`iptables-${backend}-restore --test accepts every form`, async (t) => {
    if (!requireNetfilter(t)) return;
    for (const opts of VARIANTS) {
      await t.test(describe(opts), async () => {
        const restore = tool("restore", backend, familyOf(opts));
        const dump = generateKubeProxyDump({ ...opts, backend });
        const r = await withNamespace("kube-test", (ns) => ns.run(restore, ["--test"], dump));
        assert.equal(r.status, 0, `${restore} --test rejected the dump: ${r.stderr}`);
      });
    }
  });

  // Stronger than --test, which accepts abbreviated options such as --to-destinatio: the
  // real iptables-save prints the loaded dump back unchanged, so the generator writes exactly
  // what iptables-save would. Restoring with --counters keeps the policy counters.
  test(`iptables-${backend}-save prints a restored dump back unchanged`, async (t) => {
    if (!requireNetfilter(t)) return;
    for (const opts of VARIANTS) {
      await t.test(describe(opts), async () => {
        const dump = generateKubeProxyDump({ ...opts, backend });
        const saved = await withNamespace("kube-save", (ns) => {
          ns.restore(backend, familyOf(opts), dump, ["--counters"]);
          return ns.save(backend, familyOf(opts), opts.counters ? ["--counters"] : []);
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
