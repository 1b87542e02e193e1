/**
 * The rules of issue 14 that need no packet walk, proved on the real kernel in network
 * namespaces (nft and legacy where both apply):
 *
 * - dump-unsupported-revision: iptables-restore refuses every reported line, with the whole table;
 * - dump-incomplete-table: an `nft`-only rule in iptables-nft's nat table makes iptables-nft-save
 *   print the comment line instead of the table, and restoring that dump loses the table; an extra
 *   base chain gives the base-chains line, and the dump holds none of its rules;
 * - iptables-backend-split: a legacy DROP drops what the nft rules accept, and iptables-nft-save
 *   shows only the nft rules, with the warning on stderr;
 * - foreign-jump-into-kube-chain: the CNI rules without kube-proxy's chains do not load;
 * - stale-proxy-mode-rules: the iptables mode's stale REJECT refuses a ClusterIP that a listener
 *   (standing for IPVS) serves, until it is deleted;
 * - kube-localnet-exposed: a peer reaches the node's 127.0.0.1-only listener through
 *   route_localnet, and the guard rule stops it.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import { parse } from "../../grammar/index.js";
import { dumpIncompleteTable } from "../../rules/dump-incomplete-table/rule.js";
import { dumpUnsupportedRevision } from "../../rules/dump-unsupported-revision/rule.js";
import { foreignJumpIntoKubeChain } from "../../rules/foreign-jump-into-kube-chain/rule.js";
import { iptablesBackendSplit } from "../../rules/iptables-backend-split/rule.js";
import { kubeLocalnetExposed } from "../../rules/kube-localnet-exposed/rule.js";
import { staleProxyModeRules } from "../../rules/stale-proxy-mode-rules/rule.js";
import type { RuleModule } from "../../rules/types.js";
import { lintDocument } from "../../src/lint.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Namespace } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";
import { checkWith, fixturesAgainstNetfilter, fixturesOf, load } from "./load-checks.js";

for (const rule of [dumpUnsupportedRevision, dumpIncompleteTable, iptablesBackendSplit, foreignJumpIntoKubeChain, kubeLocalnetExposed]) fixturesAgainstNetfilter(rule);

const BACKENDS: Backend[] = ["nft", "legacy"];
const fixture = (rule: RuleModule, name: string) => readFileSync(fromRoot("rules", rule.id, "fixtures", name), "utf8");
const findingsOf = (rule: RuleModule, text: string) => lintDocument(parse(text), { rules: [rule], suppressions: false }).filter((d) => d.ruleId === rule.id);

/** `nft` (Debian package nftables), needed to write what iptables-nft cannot show. */
function requireNft(t: TestContext): boolean {
  if (spawnSync("sh", ["-c", "command -v nft"]).status === 0) return true;
  assert.ok(process.env.IPTLINT_REQUIRE_NETFILTER !== "1", "nft is not installed (Debian package nftables)");
  t.skip("nft is not installed (Debian package nftables)");
  return false;
}

function sh(ns: Namespace, script: string): void {
  const result = ns.run("sh", ["-c", script]);
  assert.equal(result.status, 0, `${script}: ${result.stderr}`);
}

/** A TCP listener in the namespace that answers `secret`; killed by the caller. */
async function listen(ns: Namespace, host: string, port: number): Promise<ChildProcess> {
  const code = `require("net").createServer((s) => s.end("secret\\n")).listen(${port}, ${JSON.stringify(host)}, () => console.log("listening"))`;
  const child = spawn("ip", ["netns", "exec", ns.name, process.execPath, "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  assert.equal(String(chunk).trim(), "listening");
  return child;
}

/** What a TCP connection from the namespace gets: `secret`, `ECONNREFUSED` or `timeout`. */
function connect(ns: Namespace, host: string, port: number): string {
  const code = `const s = require("net").connect(${port}, ${JSON.stringify(host)}); s.setTimeout(1500, () => { console.log("timeout"); process.exit(0); }); s.on("data", (d) => { console.log(String(d).trim()); process.exit(0); }); s.on("error", (e) => { console.log(e.code); process.exit(0); });`;
  return ns.run(process.execPath, ["-e", code]).stdout.trim();
}

test("dump-unsupported-revision: iptables-restore refuses each reported line (\"Bad argument `[unsupported'\") and with it the table (nft and legacy)", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("unsupported", (ns) => {
    for (const f of fixturesOf(dumpUnsupportedRevision).filter((f) => f.name.startsWith("invalid-"))) {
      const reported = checkWith(dumpUnsupportedRevision, f.text).of(dumpUnsupportedRevision.id).map((d) => d.loc.start.line);
      assert.ok(reported.length > 0);
      for (const backend of BACKENDS) {
        const refused = load(ns, backend, 4, f.text);
        assert.notEqual(refused.status, 0, `${tool("restore", backend, 4)} loaded ${f.name}`);
        assert.match(refused.said, /Bad argument `\[unsupported'/);
        assert.equal(Number(/Error occurred at line: (\d+)/.exec(refused.said)?.[1]), reported[0], `${f.name}: refused at the first reported line`);
        // Nothing of the table is loaded.
        assert.doesNotMatch(ns.save(backend, 4), /DOCKER_OUTPUT|--dport 22/);
      }
    }
  });
});

test("dump-unsupported-revision: a save tool without the kernel's revision of a match prints the placeholder (legacy), and the dump it wrote does not restore", async (t) => {
  if (!requireNetfilter(t)) return;
  // An old container's iptables: its conntrack library knows revision 1; iptables 1.8.9 writes revision 3.
  const libdir = mkdtempSync(join(tmpdir(), "iptlint-old-xt-"));
  try {
    const built = spawnSync("gcc", ["-shared", "-fPIC", "-o", join(libdir, "libxt_conntrack.so"), fromRoot("test", "rules", "old-conntrack-extension.c")], { encoding: "utf8" });
    if (built.error !== undefined || built.status !== 0) {
      const why = `cannot build an xtables library (Debian packages gcc, libc6-dev, libxtables-dev): ${built.error?.message ?? built.stderr}`;
      assert.ok(process.env.IPTLINT_REQUIRE_NETFILTER !== "1", why);
      t.skip(why);
      return;
    }
    const systemLibs = spawnSync("pkg-config", ["--variable=xtlibdir", "xtables"], { encoding: "utf8" }).stdout.trim() || "/usr/lib/x86_64-linux-gnu/xtables";
    await withNamespace("unsupported", (ns) => {
      ns.restore("legacy", 4, "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n");
      const saved = spawnSync("ip", ["netns", "exec", ns.name, "iptables-legacy-save", "-t", "filter"], { encoding: "utf8", env: { ...process.env, XTABLES_LIBDIR: `${libdir}:${systemLibs}` } });
      assert.equal(saved.status, 0, saved.stderr);
      assert.match(saved.stdout, /^-A INPUT -m conntrack \[unsupported revision\] -j ACCEPT$/m);
      const [finding, ...more] = findingsOf(dumpUnsupportedRevision, saved.stdout);
      assert.equal(more.length, 0);
      assert.match(finding.message, /^Match `conntrack` was dumped as/);
      // Restoring that dump (on this node after a flush, or on another) fails, and the table with it.
      sh(ns, "iptables-legacy -F");
      const refused = load(ns, "legacy", 4, saved.stdout);
      assert.notEqual(refused.status, 0);
      assert.match(refused.said, /Bad argument `\[unsupported'/);
      assert.doesNotMatch(ns.save("legacy", 4), /--dport 22/);
    });
  } finally {
    rmSync(libdir, { recursive: true, force: true });
  }
});

test("dump-incomplete-table: an nft-only rule in iptables-nft's nat table is left out of iptables-nft-save's dump, and restoring the dump loses the table; an extra base chain too", async (t) => {
  if (!requireNetfilter(t) || !requireNft(t)) return;
  const ruleset = `*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:KUBE-SERVICES - [0:0]\n-A PREROUTING -j KUBE-SERVICES\n-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m tcp --dport 443 -j DNAT --to-destination 10.0.0.1:6443\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n`;
  let dump = "";
  await withNamespace("incomplete", (ns) => {
    ns.restore("nft", 4, ruleset);
    assert.match(ns.save("nft", 4), /\*nat\n/);
    sh(ns, "nft add rule ip nat PREROUTING meta l4proto udp numgen inc mod 2 vmap '{ 0 : accept, 1 : accept }'");
    dump = ns.save("nft", 4);
    assert.match(dump, /^# Table `nat' is incompatible, use 'nft' tool\.$/m);
    assert.doesNotMatch(dump, /\*nat|KUBE-SERVICES/);
    const [finding, ...more] = findingsOf(dumpIncompleteTable, dump);
    assert.equal(more.length, 0);
    assert.match(finding.message, /left table `nat` out/);

    // An extra base chain: the table is dumped without it.
    sh(ns, "nft add chain ip filter extra '{ type filter hook input priority 10; policy accept; }' && nft add rule ip filter extra tcp dport 8080 drop");
    const tainted = ns.save("nft", 4);
    assert.match(tainted, /^# Table `filter' contains incompatible base-chains, use 'nft' tool to list them\.$/m);
    assert.doesNotMatch(tainted, /extra|8080/);
    const [chains, table, ...others] = findingsOf(dumpIncompleteTable, tainted);
    assert.equal(others.length, 0);
    assert.match(chains.message, /left base chains of table `filter` out/);
    assert.match(table.message, /left table `nat` out/);
  });
  // The dump restored on a fresh node: the filter table comes back, the nat table does not.
  await withNamespace("incomplete", (ns) => {
    ns.restore("nft", 4, dump);
    assert.match(ns.save("nft", 4), /--dport 22/);
    assert.doesNotMatch(ns.save("nft", 4), /\*nat|DNAT/);
    assert.doesNotMatch(ns.run("nft", ["list", "tables"]).stdout, /ip nat/);
  });
});

test("iptables-backend-split: a legacy DROP drops what the nft rules accept; iptables-nft-save shows only the nft rules, and warns on stderr", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("backends", async (ns) => {
    sh(ns, "ip link set lo up");
    ns.restore("nft", 4, "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 8080 -j ACCEPT\nCOMMIT\n");
    const server = await listen(ns, "127.0.0.1", 8080);
    try {
      assert.equal(connect(ns, "127.0.0.1", 8080), "secret");
      ns.restore("legacy", 4, "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 8080 -j DROP\nCOMMIT\n");
      assert.equal(connect(ns, "127.0.0.1", 8080), "timeout");
      assert.match(ns.save("legacy", 4, ["-c"]), /\[[1-9]\d*:\d+\] -A INPUT -p tcp -m tcp --dport 8080 -j DROP/);
      // What iptables-nft-save prints, as `iptables-nft-save > dump 2>&1` keeps it.
      const saved = ns.run(tool("save", "nft", 4), []);
      assert.doesNotMatch(saved.stdout, /DROP/);
      assert.equal(saved.stderr, "# Warning: iptables-legacy tables present, use iptables-legacy-save to see them\n");
      assert.deepEqual(findingsOf(iptablesBackendSplit, saved.stdout), []);
      const [finding] = findingsOf(iptablesBackendSplit, saved.stderr + saved.stdout);
      assert.equal(finding.loc.start.line, 1);
      // Once the legacy rule is gone the port answers; the empty legacy table still makes the warning.
      sh(ns, "iptables-legacy -F INPUT");
      assert.equal(connect(ns, "127.0.0.1", 8080), "secret");
      assert.match(ns.run(tool("save", "nft", 4), []).stderr, /iptables-legacy tables present/);
    } finally {
      server.kill();
    }
  });
});

test("foreign-jump-into-kube-chain: the CNI portmap rules without kube-proxy's chains are refused at the jump (nft and legacy)", async (t) => {
  if (!requireNetfilter(t)) return;
  const full = fixture(foreignJumpIntoKubeChain, "invalid-portmap-external-set-mark-chain.rules");
  // The node without kube-proxy's iptables mode: no KUBE-* chain, no rule in one or jumping to one but the CNI's.
  const withoutKube = full
    .split("\n")
    .filter((line) => !/^:KUBE-|^-A KUBE-|-j KUBE-(SERVICES|POSTROUTING)$/.test(line))
    .join("\n");
  const jumpLine = withoutKube.split("\n").findIndex((line) => line.endsWith("-j KUBE-MARK-MASQ")) + 1;
  await withNamespace("foreign", (ns) => {
    for (const backend of BACKENDS) {
      assert.equal(load(ns, backend, 4, full).status, 0);
      const refused = load(ns, backend, 4, withoutKube);
      assert.notEqual(refused.status, 0, `${tool("restore", backend, 4)} loaded the CNI rules without KUBE-MARK-MASQ`);
      assert.match(refused.said, backend === "nft" ? /Chain 'KUBE-MARK-MASQ' does not exist/ : /Couldn't load target `KUBE-MARK-MASQ'/);
      // iptables-legacy-restore names the line; iptables-nft-restore the COMMIT that sends the batch.
      const at = Number(/Error occurred at line: (\d+)/.exec(refused.said)?.[1]);
      if (backend === "legacy") assert.equal(at, jumpLine);
      else assert.equal(withoutKube.split("\n")[at - 1], "COMMIT");
    }
  });
});

test("stale-proxy-mode-rules: the iptables mode's stale REJECT refuses a ClusterIP that is served, until it is deleted (nft and legacy)", async (t) => {
  if (!requireNetfilter(t)) return;
  const dump = fixture(staleProxyModeRules, "invalid-iptables-to-ipvs.rules");
  const [finding] = findingsOf(staleProxyModeRules, dump);
  assert.match(dump.split("\n")[finding.loc.start.line - 1], /^-A KUBE-SERVICES -d 10\.96\.0\.20\/32 .* -j REJECT/);
  for (const backend of BACKENDS) {
    await withNamespace("stale", async (ns) => {
      // What IPVS mode has on a node: its ipsets, and the ClusterIP local (on its dummy kube-ipvs0; here on lo).
      sh(ns, "ipset create KUBE-CLUSTER-IP hash:ip,port && ipset create KUBE-LOOP-BACK hash:ip,port,ip && ipset create KUBE-NODE-PORT-TCP bitmap:port range 0-65535");
      sh(ns, "ip link set lo up && ip addr add 10.96.0.20/32 dev lo");
      ns.restore(backend, 4, dump);
      for (const f of fixturesOf(staleProxyModeRules)) assert.equal(load(ns, backend, 4, f.text).status, 0, f.name);
      ns.restore(backend, 4, dump);
      // A listener stands for the IPVS virtual server of 10.96.0.20:80.
      const server = await listen(ns, "10.96.0.20", 80);
      try {
        assert.equal(connect(ns, "10.96.0.20", 80), "ECONNREFUSED");
        assert.match(ns.run(`iptables-${backend}`, ["-L", "KUBE-SERVICES", "-v", "-x", "-n"]).stdout, /^\s+[1-9]\d*\s+\d+\s+REJECT/m);
        sh(ns, `iptables-${backend} -D KUBE-SERVICES 1`);
        assert.equal(connect(ns, "10.96.0.20", 80), "secret");
      } finally {
        server.kill();
      }
    });
  }
});

test("kube-localnet-exposed: with route_localnet=1 a peer reaches the node's 127.0.0.1-only listener through the reported ruleset, and the guard rule drops it (nft and legacy)", async (t) => {
  if (!requireNetfilter(t)) return;
  const exposed = fixture(kubeLocalnetExposed, "invalid-no-localnet-guard.rules");
  const guarded = fixture(kubeLocalnetExposed, "valid-kubelet-guard.rules");
  assert.equal(findingsOf(kubeLocalnetExposed, exposed).length, 1);
  assert.equal(findingsOf(kubeLocalnetExposed, guarded).length, 0);
  for (const backend of BACKENDS) {
    await withNamespace("localnet-node", (node) =>
      withNamespace("localnet-peer", async (peer) => {
        const [a, b] = [`ln${process.pid % 10000}${backend[0]}`, `lp${process.pid % 10000}${backend[0]}`];
        assert.equal(spawnSync("ip", ["link", "add", a, "netns", node.name, "type", "veth", "peer", "name", b, "netns", peer.name]).status, 0);
        sh(node, `ip addr add 10.200.0.1/24 dev ${a} && ip link set ${a} up && ip link set lo up && sysctl -qw net.ipv4.conf.all.route_localnet=1`);
        // The peer sends to 127.0.0.1 through the node (its own loopback is down, so it has no local route for it).
        sh(peer, `ip addr add 10.200.0.2/24 dev ${b} && ip link set ${b} up && sysctl -qw net.ipv4.conf.all.route_localnet=1 && ip route add 127.0.0.1/32 via 10.200.0.1 dev ${b}`);
        node.restore(backend, 4, exposed);
        const server = await listen(node, "127.0.0.1", 10248);
        try {
          assert.equal(connect(peer, "127.0.0.1", 10248), "secret", "the peer reaches a listener bound to the node's 127.0.0.1");
          node.restore(backend, 4, guarded);
          assert.equal(connect(peer, "127.0.0.1", 10248), "timeout", "the guard drops it");
          assert.match(node.run(`iptables-${backend}`, ["-L", "KUBE-FIREWALL", "-v", "-x", "-n"]).stdout, /^\s+[1-9]\d*\s+\d+\s+DROP .*block incoming localnet connections/m);
          // The node itself still reaches its loopback service.
          assert.equal(connect(node, "127.0.0.1", 10248), "secret");
        } finally {
          server.kill();
        }
      }),
    );
  }
});
