/**
 * A two-node lab for the dual-stack rules: namespaces `client` and `node` joined by a veth, with
 * IPv4 and IPv6 addresses, and a TCP listener in `node` on both families. Connections are made
 * with node's own `net` module run inside the namespace (no ping or nc needed).
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { withNamespace, type Namespace } from "../helpers/netfilter.js";

export const NODE_V4 = "192.0.2.2";
export const CLIENT_V4 = "192.0.2.1";
export const NODE_V6 = "fd00:db8::2";
export const CLIENT_V6 = "fd00:db8::1";

export interface Lab {
  client: Namespace;
  node: Namespace;
  /** Connects from the client to the node's address and port, neighbours forgotten first: "connected", "timeout" or the error's code. */
  connect(host: string, port: number, timeoutMs?: number): string;
  /** The client's neighbour entry for an address (`ip -6 neigh`): REACHABLE, STALE, INCOMPLETE, FAILED, or "" when none. */
  neighbourState(address: string): string;
}

const ip = (ns: Namespace, ...args: string[]) => {
  const result = spawnSync("ip", ["-n", ns.name, ...args], { encoding: "utf8" });
  assert.equal(result.status, 0, `ip -n ${ns.name} ${args.join(" ")}: ${result.stderr}`);
};

/**
 * Runs `body` with the lab up and a listener on `ports` (both families) in the node. IPv6
 * addresses are added with `nodad`: duplicate address detection would hold them back for a
 * second or more, and it is neighbour discovery for the other address that the tests look at.
 */
export async function withDualStackLab<T>(label: string, ports: readonly number[], body: (lab: Lab) => Promise<T> | T): Promise<T> {
  return withNamespace(`${label}-c`, (client) =>
    withNamespace(`${label}-n`, async (node) => {
      const created = spawnSync("ip", ["link", "add", "vc", "netns", client.name, "type", "veth", "peer", "name", "vn", "netns", node.name], { encoding: "utf8" });
      assert.equal(created.status, 0, `ip link add: ${created.stderr}`);
      for (const [ns, dev, v4, v6] of [
        [client, "vc", CLIENT_V4, CLIENT_V6],
        [node, "vn", NODE_V4, NODE_V6],
      ] as const) {
        ip(ns, "link", "set", "lo", "up");
        ip(ns, "addr", "add", `${v4}/24`, "dev", dev);
        ip(ns, "addr", "add", `${v6}/64`, "dev", dev, "nodad");
        ip(ns, "link", "set", dev, "up");
      }
      const server = spawn(
        "ip",
        ["netns", "exec", node.name, process.execPath, "-e", `const net = require("net"); for (const port of ${JSON.stringify(ports)}) net.createServer((s) => s.end("ok")).listen(port, "::"); console.log("listening");`],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      try {
        await new Promise<void>((resolve, reject) => {
          server.stdout!.once("data", () => resolve());
          server.once("exit", (code) => reject(new Error(`the listener exited with ${code}`)));
        });
        return await body({
          client,
          node,
          connect(host, port, timeoutMs = 2000) {
            // Each attempt starts unresolved: a FAILED entry left by an earlier one would refuse at once.
            for (const [ns, dev] of [[client, "vc"], [node, "vn"]] as const) ip(ns, "neigh", "flush", "dev", dev);
            const script = `const s = require("net").connect({ host: ${JSON.stringify(host)}, port: ${port} });
s.setTimeout(${timeoutMs}, () => { console.log("timeout"); process.exit(0); });
s.on("data", () => { console.log("connected"); process.exit(0); });
s.on("error", (e) => { console.log(e.code); process.exit(0); });`;
            const result = client.run(process.execPath, ["-e", script]);
            assert.equal(result.status, 0, result.stderr);
            return result.stdout.trim();
          },
          neighbourState(address) {
            const shown = client.run("ip", ["-6", "neigh", "show", address]).stdout.trim();
            return shown.split(/\s+/).pop() ?? "";
          },
        });
      } finally {
        server.kill();
      }
    }),
  );
}

/** The packets a chain's policy dropped, from `ip6tables -L CHAIN -v -x` (or iptables). */
export function policyPackets(ns: Namespace, command: string, chain: string): number {
  const listed = ns.run(command, ["-L", chain, "-v", "-x", "-n"]);
  const m = /policy \w+ (\d+) packets/.exec(listed.stdout);
  assert.ok(m, `${command} -L ${chain}: ${listed.stdout}${listed.stderr}`);
  return Number(m[1]);
}
