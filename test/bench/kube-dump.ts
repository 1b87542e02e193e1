/**
 * Deterministic generator of kube-proxy (iptables mode) shaped `iptables-save` dumps,
 * modelled line for line on the dumps in shared/corpus/kube/ and checked against the
 * real iptables 1.8.9 tools (`iptables-restore --test` accepts the output, and a
 * restore followed by a save prints the same text back). Where the corpus is synthetic
 * (chain names like KUBE-SVC-00013AAAAAAAAAAA, filter before nat in legacy dumps), the
 * generator follows kube-proxy and iptables-legacy-save instead.
 *
 * Per service kube-proxy writes: one KUBE-SERVICES rule, a KUBE-SVC chain holding a
 * KUBE-MARK-MASQ rule and one jump per endpoint, and per endpoint a KUBE-SEP chain
 * holding a hairpin KUBE-MARK-MASQ rule and a DNAT rule. Every 10th service is also a
 * NodePort (two KUBE-NODEPORTS rules) while ports in 30000-32767 last.
 *
 * Run as a script: node build/test/bench/kube-dump.js --services N --endpoints M
 *   [--counters] [--family 6] [--era 1.19] [--backend legacy] > dump.save
 */
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export interface KubeDumpOptions {
  services: number;
  endpoints: number;
  /** Prefix every rule with `[0:0] ` as `iptables-save -c` does. */
  counters?: boolean;
  family?: 4 | 6;
  /** 1.18.2: single MASQUERADE rule (double-SNAT bug); 1.19: RETURN / MARK / MASQUERADE fix. */
  era?: "1.18.2" | "1.19";
  /** Changes the header comment and the table order, as the two iptables-save flavours do. */
  backend?: "nft" | "legacy";
}

/** Fixed so that output is byte-for-byte reproducible; same date as the corpus dumps. */
const SAVE_DATE = "Thu Nov 26 14:21:56 2026";

const NODEPORT_FIRST = 30000;
/** Size of the default NodePort range 30000-32767. */
const NODEPORT_COUNT = 2768;
const SERVICE_PORT = 80;
const TARGET_PORT = 8080;
const PORT_NAME = "http";
const PROTOCOL = "tcp";
/** Pods get .2-.254 of a node's /24 (.0 is the network, .1 the bridge, .255 broadcast). */
const PODS_PER_V4_NODE = 253;
const V4_POD_SLOTS = 256 * PODS_PER_V4_NODE;

interface Family {
  saveName: string;
  hostMask: string;
  podCidr: string;
  /** Most services the service CIDR holds; service i gets its (i + 1)th address. */
  maxServices: number;
  serviceIp(index: number): string;
  podIp(slot: number): string;
  dnatTarget(ip: string, port: number): string;
}

const IPV4: Family = {
  saveName: "iptables",
  hostMask: "/32",
  podCidr: "10.244.0.0/16",
  // 10.96.0.0/12 less the network address and the broadcast address.
  maxServices: 2 ** 20 - 2,
  serviceIp(index) {
    const n = index + 1;
    return `10.${96 + (n >>> 16)}.${(n >>> 8) & 0xff}.${n & 0xff}`;
  },
  // 250k endpoints (50k services x 5) do not fit in a /16: past the end, pods are shared
  // by several services, which real clusters do too (many Services selecting one pod).
  podIp(slot) {
    const s = slot % V4_POD_SLOTS;
    return `10.244.${Math.floor(s / PODS_PER_V4_NODE)}.${2 + (s % PODS_PER_V4_NODE)}`;
  },
  dnatTarget: (ip, port) => `${ip}:${port}`,
};

const IPV6: Family = {
  saveName: "ip6tables",
  hostMask: "/128",
  podCidr: "fd00:10:244::/64",
  // fd00:10:96::/112 less the all-zero address.
  maxServices: 2 ** 16 - 1,
  serviceIp: (index) => `fd00:10:96::${(index + 1).toString(16)}`,
  // Written the way inet_ntop compresses it: the zero groups 3-5 always become "::".
  podIp(slot) {
    const id = slot + 2;
    const high = Math.floor(id / 0x10000);
    const low = (id % 0x10000).toString(16);
    return high === 0 ? `fd00:10:244::${low}` : `fd00:10:244::${high.toString(16)}:${low}`;
  },
  dnatTarget: (ip, port) => `[${ip}]:${port}`,
};

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * kube-proxy's chain-name hash: base32.StdEncoding(sha256(input))[:16]. Sixteen base32
 * characters are exactly the first 80 bits, so only the first 10 bytes are encoded.
 */
function kubeHash(input: string): string {
  const digest = createHash("sha256").update(input).digest();
  let out = "";
  let bits = 0;
  let buffer = 0;
  for (let i = 0; i < 10; i++) {
    buffer = ((buffer << 8) | digest[i]) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >>> bits) & 31];
    }
  }
  return out;
}

/**
 * kube-proxy asks for 1/n with "%0.10f"; libxt_statistic stores round(p * 2^31) and saves
 * it back with "%.11f", which is why real dumps show 0.33333333349 and 0.20000000019.
 */
function savedProbability(remaining: number): string {
  const stored = Math.round(0x80000000 * Number((1 / remaining).toFixed(10)));
  return (stored / 0x80000000).toFixed(11);
}

interface Chain {
  name: string;
  rules: string[];
}

interface Table {
  name: string;
  builtins: Chain[];
  /** Emitted sorted by name after the built-ins, as both iptables-save flavours do. */
  userChains: Chain[];
}

function chain(name: string, rules: string[] = []): Chain {
  return { name, rules };
}

function filterTable(fam: Family): Table {
  const firewall = [
    `-A KUBE-FIREWALL -m comment --comment "kubernetes firewall for dropping marked packets" -m mark --mark 0x8000/0x8000 -j DROP`,
  ];
  // kubelet adds the localnet (route_localnet) guard for IPv4 only.
  if (fam === IPV4) {
    firewall.push(
      `-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP`,
    );
  }
  return {
    name: "filter",
    builtins: [
      chain("INPUT", [
        `-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES`,
        `-A INPUT -j KUBE-FIREWALL`,
      ]),
      chain("FORWARD", [
        `-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD`,
        `-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES`,
      ]),
      chain("OUTPUT", [
        `-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES`,
        `-A OUTPUT -j KUBE-FIREWALL`,
      ]),
    ],
    userChains: [
      chain("KUBE-EXTERNAL-SERVICES"),
      chain("KUBE-FIREWALL", firewall),
      chain("KUBE-FORWARD", [
        `-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP`,
        `-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT`,
        `-A KUBE-FORWARD -s ${fam.podCidr} -m comment --comment "kubernetes forwarding conntrack pod source rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
        `-A KUBE-FORWARD -d ${fam.podCidr} -m comment --comment "kubernetes forwarding conntrack pod destination rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
      ]),
      chain("KUBE-KUBELET-CANARY"),
      chain("KUBE-PROXY-CANARY"),
      // Only services without endpoints get REJECT rules here; every generated service has some.
      chain("KUBE-SERVICES"),
    ],
  };
}

function postroutingRules(era: "1.18.2" | "1.19"): string[] {
  if (era === "1.18.2") {
    return [
      `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -m mark --mark 0x4000/0x4000 -j MASQUERADE --random-fully`,
    ];
  }
  return [
    `-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN`,
    `-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0`,
    `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully`,
  ];
}

/**
 * Names as long as the 10000 x 5 size target (about 25 MB) needs: the corpus's "ns0/svc0"
 * would give about 22.5 MB.
 */
function servicePortName(index: number): string {
  const ns = `team-${String(index % 40).padStart(2, "0")}`;
  return `${ns}/svc-${String(index).padStart(5, "0")}:${PORT_NAME}`;
}

function natTable(fam: Family, opts: Required<KubeDumpOptions>): Table {
  const services: string[] = [];
  const nodePorts: string[] = [];
  const svcChains: Chain[] = [];
  const sepChains: Chain[] = [];

  for (let i = 0; i < opts.services; i++) {
    const name = servicePortName(i);
    const svcChain = `KUBE-SVC-${kubeHash(name + PROTOCOL)}`;
    const clusterIp = `${fam.serviceIp(i)}${fam.hostMask}`;
    const portMatch = `-p ${PROTOCOL} -m comment --comment "${name} cluster IP" -m ${PROTOCOL} --dport ${SERVICE_PORT}`;
    services.push(`-A KUBE-SERVICES -d ${clusterIp} ${portMatch} -j ${svcChain}`);

    const nodePortIndex = i / 10;
    if (i % 10 === 0 && nodePortIndex < NODEPORT_COUNT) {
      const np = `-A KUBE-NODEPORTS -p ${PROTOCOL} -m comment --comment "${name}" -m ${PROTOCOL} --dport ${NODEPORT_FIRST + nodePortIndex}`;
      nodePorts.push(`${np} -j KUBE-MARK-MASQ`, `${np} -j ${svcChain}`);
    }

    const svcRules = [`-A ${svcChain} ! -s ${fam.podCidr} -d ${clusterIp} ${portMatch} -j KUBE-MARK-MASQ`];
    for (let e = 0; e < opts.endpoints; e++) {
      const podIp = fam.podIp(i * opts.endpoints + e);
      const endpoint = fam.dnatTarget(podIp, TARGET_PORT);
      const sepChain = `KUBE-SEP-${kubeHash(name + PROTOCOL + endpoint)}`;
      const remaining = opts.endpoints - e;
      const statistic = remaining > 1 ? ` -m statistic --mode random --probability ${savedProbability(remaining)}` : "";
      svcRules.push(`-A ${svcChain} -m comment --comment "${name}"${statistic} -j ${sepChain}`);
      sepChains.push(
        chain(sepChain, [
          `-A ${sepChain} -s ${podIp}${fam.hostMask} -m comment --comment "${name}" -j KUBE-MARK-MASQ`,
          `-A ${sepChain} -p ${PROTOCOL} -m comment --comment "${name}" -m ${PROTOCOL} -j DNAT --to-destination ${endpoint}`,
        ]),
      );
    }
    svcChains.push(chain(svcChain, svcRules));
  }
  services.push(
    `-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`,
  );

  return {
    name: "nat",
    builtins: [
      chain("PREROUTING", [`-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES`]),
      chain("INPUT"),
      chain("OUTPUT", [`-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES`]),
      chain("POSTROUTING", [`-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING`]),
    ],
    userChains: [
      chain("KUBE-MARK-DROP", [`-A KUBE-MARK-DROP -j MARK --set-xmark 0x8000/0x8000`]),
      chain("KUBE-MARK-MASQ", [`-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000`]),
      chain("KUBE-NODEPORTS", nodePorts),
      chain("KUBE-POSTROUTING", postroutingRules(opts.era)),
      chain("KUBE-SERVICES", services),
      ...svcChains,
      ...sepChains,
    ],
  };
}

/** Built-in chain policies with the corpus's (static) packet:byte counters. */
const POLICIES: Record<string, string> = {
  "filter INPUT": "ACCEPT [1200:340000]",
  "filter FORWARD": "ACCEPT [0:0]",
  "filter OUTPUT": "ACCEPT [1100:200000]",
  "nat PREROUTING": "ACCEPT [310:18600]",
  "nat INPUT": "ACCEPT [12:720]",
  "nat OUTPUT": "ACCEPT [4021:241260]",
  "nat POSTROUTING": "ACCEPT [4100:246000]",
};

function renderTable(table: Table, generatedBy: string, rulePrefix: string, out: string[]): void {
  // Plain code-unit comparison: iptables sorts chain names with strcmp, not by locale.
  const user = [...table.userChains].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  out.push(`# Generated by ${generatedBy} on ${SAVE_DATE}`, `*${table.name}`);
  for (const c of table.builtins) out.push(`:${c.name} ${POLICIES[`${table.name} ${c.name}`]}`);
  for (const c of user) out.push(`:${c.name} - [0:0]`);
  for (const c of [...table.builtins, ...user]) {
    for (const rule of c.rules) out.push(rulePrefix + rule);
  }
  out.push("COMMIT", `# Completed on ${SAVE_DATE}`);
}

export function generateKubeProxyDump(opts: KubeDumpOptions): string {
  const full: Required<KubeDumpOptions> = {
    counters: false,
    family: 4,
    era: "1.18.2",
    backend: "nft",
    ...opts,
  };
  if (!Number.isInteger(full.services) || full.services < 0) {
    throw new RangeError(`services must be a non-negative integer, got ${full.services}`);
  }
  if (!Number.isInteger(full.endpoints) || full.endpoints < 1) {
    throw new RangeError(`endpoints must be a positive integer, got ${full.endpoints}`);
  }
  const fam = full.family === 6 ? IPV6 : IPV4;
  if (full.services > fam.maxServices) {
    throw new RangeError(`IPv${full.family} service CIDR holds at most ${fam.maxServices} services`);
  }

  const generatedBy =
    full.backend === "nft" ? `${fam.saveName}-nft-save v1.8.9 (nf_tables)` : `${fam.saveName}-save v1.8.9`;
  const filter = filterTable(fam);
  const nat = natTable(fam, full);
  // iptables-nft-save walks its fixed table list (filter before nat). iptables-legacy-save
  // walks the kernel's list, newest table first; on a host filter exists from boot and nat
  // comes later (docker, kube-proxy), so nat is printed first.
  const tables = full.backend === "nft" ? [filter, nat] : [nat, filter];
  const lines: string[] = [];
  for (const t of tables) renderTable(t, generatedBy, full.counters ? "[0:0] " : "", lines);
  lines.push("");
  return lines.join("\n");
}

function main(): void {
  const { values } = parseArgs({
    options: {
      services: { type: "string" },
      endpoints: { type: "string" },
      counters: { type: "boolean", default: false },
      family: { type: "string", default: "4" },
      era: { type: "string", default: "1.18.2" },
      backend: { type: "string", default: "nft" },
    },
    strict: true,
  });
  const services = Number(values.services);
  const endpoints = Number(values.endpoints);
  const { family, era, backend } = values;
  if (values.services === undefined || values.endpoints === undefined) {
    throw new Error("usage: kube-dump.js --services N --endpoints M [--counters] [--family 6] [--era 1.19] [--backend legacy]");
  }
  if (family !== "4" && family !== "6") throw new Error(`--family must be 4 or 6, got ${family}`);
  if (era !== "1.18.2" && era !== "1.19") throw new Error(`--era must be 1.18.2 or 1.19, got ${era}`);
  if (backend !== "nft" && backend !== "legacy") throw new Error(`--backend must be nft or legacy, got ${backend}`);
  process.stdout.write(
    generateKubeProxyDump({ services, endpoints, counters: values.counters, family: family === "4" ? 4 : 6, era, backend }),
  );
}

// Script entry point; realpath so that a symlinked invocation path still matches.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`kube-dump: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
