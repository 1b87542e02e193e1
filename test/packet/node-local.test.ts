/**
 * NodeInfo.isLocal answers IPv4 from the node's addresses and local routes read once, without a
 * cache of every address asked for; it must give what findLocal (the reading for IPv6) gives.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { NodeInfo } from "../../rules/packet/node.js";

type Finder = { findLocal(family: 4 | 6, address: bigint): boolean | null };

test("isLocal (IPv4): what findLocal gives, for addresses, local routes of every width and table, and none", () => {
  const routes = [
    { dst: "10.0.0.5", type: "local", table: "local", dev: "eth0" },
    { dst: "10.96.0.0/12", type: "local", table: "local", dev: "kube-ipvs0" },
    { dst: "172.16.0.0/16", type: "local", table: "main", dev: "eth1" },
    { dst: "192.168.50.0/24", type: "local", table: "100", dev: "eth2" },
    { dst: "10.244.0.0/16", dev: "cni0" },
    { dst: "8.8.8.8", type: "unicast", table: "local", dev: "eth0" },
    { dst: "default", gateway: "192.168.1.1", dev: "eth0" },
    { dst: "fd00::/64", type: "local", table: "local", dev: "eth0" },
  ];
  const nodes = [
    new NodeInfo({ local: ["192.168.1.10", "fd00::1"], routes: [routes] }),
    new NodeInfo({ routes: [routes] }),
    new NodeInfo({ local: ["192.168.1.10"] }),
    new NodeInfo(),
  ];
  const addresses = ["10.0.0.5", "10.0.0.6", "10.96.0.10", "10.111.255.255", "10.112.0.0", "172.16.3.4", "192.168.50.1", "192.168.1.10", "192.168.1.11", "127.0.0.1", "127.255.255.255", "126.255.255.255", "8.8.8.8", "10.244.1.2", "0.0.0.0", "255.255.255.255"];
  let seed = 3;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let k = 0; k < 500; k++) addresses.push(`${random() % 256}.${random() % 256}.${random() % 256}.${random() % 256}`);
  for (const node of nodes) {
    const reference = node as unknown as Finder;
    for (const text of addresses) {
      const [a, b, c, d] = text.split(".").map(Number);
      const address = BigInt(((a * 256 + b) * 256 + c) * 256 + d);
      assert.equal(node.isLocal(4, address), reference.findLocal(4, address), `${text} on a node of ${node.addresses.length} addresses, ${node.routes.length} routes`);
    }
  }
  // The answers the kernel's tables give, checked by hand on the first node.
  const [first] = nodes;
  assert.equal(first.isLocal(4, 0x0a00_0005n), true);
  assert.equal(first.isLocal(4, 0x0a60_000an), true);
  assert.equal(first.isLocal(4, 0xc0a8_3201n), false, "a local route of table 100 is not in the local or main table");
  assert.equal(first.isLocal(4, 0x0808_0808n), false, "a unicast route is not a local one");
  assert.equal(nodes[3].isLocal(4, 0x0a00_0005n), null, "no addresses known");
});
