/**
 * Generators of iptables rule sets of many shapes, in iptables-restore input form, for the
 * conformance tests against the real iptables (conformance.test.ts).
 *
 * Every generator returns the restore input together with what iptables should hold once it
 * has loaded it (the expected model): per table, each chain's policy and counters, the
 * target of each of its rules in order, and the text of every `--comment` and `--log-prefix`
 * written. Each generated rule set has been loaded with iptables 1.8.9, nft and legacy.
 *
 * A small seeded PRNG varies sizes, names and options, so that each seed gives another rule
 * set while every run of the tests loads the same ones.
 */
export type Family = 4 | 6;

/** The built-in chains of each table, in the order iptables-save lists them. */
export const BUILTIN_CHAINS: Readonly<Record<string, readonly string[]>> = {
  raw: ["PREROUTING", "OUTPUT"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
};

/** `[packets, bytes]`. */
export type Counters = readonly [bigint, bigint];

export interface ModelRule {
  /** `-j` or `-g` target; "" for a rule without one. */
  target: string;
  /** Counters given with `iptables-restore -c`, or null. */
  counters: Counters | null;
}

export interface ModelChain {
  /** ACCEPT or DROP for a built-in chain, `-` for a user chain. */
  policy: string;
  /** Policy counters given with `iptables-restore -c`, or null. */
  counters: Counters | null;
  rules: ModelRule[];
}

export interface ModelTable {
  /** Chains by name, in declaration order. */
  chains: Map<string, ModelChain>;
  /** Every `--comment` value written, decoded. */
  comments: string[];
  /** Every LOG `--log-prefix` value written, decoded. */
  logPrefixes: string[];
}

/** One run of iptables-restore. */
export interface RestoreStep {
  text: string;
  /** Extra arguments: `-c` to set counters, `--noflush`. */
  args: string[];
}

export interface Ruleset {
  shape: string;
  family: Family;
  /** Loaded in order into one namespace. */
  steps: RestoreStep[];
  /** The counters of the restore input are to be checked in `iptables-save -c` dumps. */
  counters: boolean;
  /** `ipset restore` input creating the sets the rules match on, or null. */
  ipsets: string | null;
  /** Tables by name, in the order the input declares them. */
  tables: Map<string, ModelTable>;
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast and good enough to vary test data; the same seed, the same stream. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [low, high]. */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(this.int(pool.length), 1)[0]);
    return out;
  }

  /** `length` characters of `alphabet`. */
  string(alphabet: string, length: number): string {
    const chars = [...alphabet];
    let out = "";
    for (let i = 0; i < length; i++) out += this.pick(chars);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Building restore input and its model together

/**
 * Quotes a value for an iptables-restore line: inside double quotes a backslash escapes the
 * next character, so `"` and `\` get one; everything else, `'` included, stands for itself.
 */
export function quoteWord(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}

/** The comment match keeps at most 255 bytes (XT_MAX_COMMENT_LEN 256, with the NUL). */
export const MAX_COMMENT_BYTES = 255;
/** LOG keeps at most 29 bytes of prefix (30 with the NUL). */
export const MAX_LOG_PREFIX_BYTES = 29;

interface RuleLine {
  chain: string;
  text: string;
  counters: Counters | null;
}

export class TableBuilder {
  readonly model: ModelTable = { chains: new Map(), comments: [], logPrefixes: [] };
  private readonly lines: RuleLine[] = [];

  constructor(readonly name: string) {
    for (const chain of BUILTIN_CHAINS[name]) this.model.chains.set(chain, { policy: "ACCEPT", counters: null, rules: [] });
  }

  /** Sets a built-in chain's policy and counters. */
  policy(chain: string, policy: "ACCEPT" | "DROP", counters: Counters | null = null): this {
    const model = this.chainModel(chain);
    model.policy = policy;
    model.counters = counters;
    return this;
  }

  /** Declares user chains (once each; declaring a chain again does nothing). */
  chain(...names: string[]): this {
    for (const name of names) {
      if (!this.model.chains.has(name)) this.model.chains.set(name, { policy: "-", counters: null, rules: [] });
    }
    return this;
  }

  /**
   * Appends `-A chain spec -j target targetOptions`. `spec` holds generic options and
   * matches; `target` may be "" for a rule without one, and `-g` is used when `goto` is set.
   */
  rule(chain: string, spec: string, target: string, targetOptions = "", options: { goto?: boolean; counters?: Counters } = {}): this {
    const parts = [`-A ${chain}`];
    if (spec) parts.push(spec);
    if (target) parts.push(`${options.goto ? "-g" : "-j"} ${target}`);
    if (targetOptions) parts.push(targetOptions);
    const counters = options.counters ?? null;
    this.chainModel(chain).rules.push({ target, counters });
    this.lines.push({ chain, text: parts.join(" "), counters });
    return this;
  }

  /** `-m comment --comment "text"`, recording the text. */
  comment(text: string): string {
    if (Buffer.byteLength(text) > MAX_COMMENT_BYTES) throw new Error(`comment over ${MAX_COMMENT_BYTES} bytes: ${text}`);
    this.model.comments.push(text);
    return `-m comment --comment ${quoteWord(text)}`;
  }

  /** `--log-prefix "text"`, recording the text. */
  logPrefix(text: string): string {
    if (Buffer.byteLength(text) > MAX_LOG_PREFIX_BYTES) throw new Error(`log prefix over ${MAX_LOG_PREFIX_BYTES} bytes: ${text}`);
    this.model.logPrefixes.push(text);
    return `--log-prefix ${quoteWord(text)}`;
  }

  /** The table in iptables-restore form; with `counters`, every line carries its counters. */
  text(counters: boolean): string {
    const out = [`*${this.name}`];
    for (const [name, chain] of this.model.chains) {
      out.push(`:${name} ${chain.policy} ${formatCounters(counters ? chain.counters : null)}`);
    }
    for (const line of this.lines) {
      out.push(counters && line.counters ? `${formatCounters(line.counters)} ${line.text}` : line.text);
    }
    out.push("COMMIT");
    return out.join("\n") + "\n";
  }

  private chainModel(name: string): ModelChain {
    const chain = this.model.chains.get(name);
    if (!chain) throw new Error(`chain ${name} of table ${this.name} used before it was declared`);
    return chain;
  }
}

const formatCounters = (counters: Counters | null): string => (counters ? `[${counters[0]}:${counters[1]}]` : "[0:0]");

export class RulesetBuilder {
  private readonly tables = new Map<string, TableBuilder>();

  constructor(
    readonly shape: string,
    readonly family: Family,
  ) {}

  table(name: string): TableBuilder {
    let table = this.tables.get(name);
    if (!table) {
      table = new TableBuilder(name);
      this.tables.set(name, table);
    }
    return table;
  }

  build(options: { counters?: boolean; ipsets?: string | null } = {}): Ruleset {
    const counters = options.counters ?? false;
    const text = [...this.tables.values()].map((t) => t.text(counters)).join("");
    return {
      shape: this.shape,
      family: this.family,
      steps: [{ text, args: counters ? ["-c"] : [] }],
      counters,
      ipsets: options.ipsets ?? null,
      tables: new Map([...this.tables].map(([name, table]) => [name, table.model])),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** How each family writes what the generators need. */
interface Addressing {
  /** `/32` or `/128`. */
  host: string;
  loopback: string;
  /** `ip:port` as DNAT writes it. */
  endpoint(ip: string, port: number): string;
}

const V4: Addressing = { host: "/32", loopback: "127.0.0.0/8", endpoint: (ip, port) => `${ip}:${port}` };
const V6: Addressing = { host: "/128", loopback: "::1/128", endpoint: (ip, port) => `[${ip}]:${port}` };

/** The nth address of a v4 /16 (`10.96.` + n) or of a v6 prefix ending in `::`. */
const nthAddress = (family: Family, prefix: string, n: number): string =>
  family === 4 ? `${prefix}${n >> 8}.${n & 255}` : `${prefix}${n.toString(16)}`;

const addressing = (family: Family): Addressing => (family === 4 ? V4 : V6);

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const HEX = "0123456789abcdef";

// ---------------------------------------------------------------------------------------------
// kube-proxy, iptables mode

const KUBE_NAMESPACES = ["default", "kube-system", "monitoring", "payments", "ingress-nginx"];
const KUBE_NAMES = ["web", "api", "db", "cache", "frontend", "metrics-server", "kube-dns", "grafana", "auth"];
const KUBE_PORTS: ReadonlyArray<{ name: string; protocol: string; port: number; targetPort: number }> = [
  { name: "http", protocol: "tcp", port: 80, targetPort: 8080 },
  { name: "https", protocol: "tcp", port: 443, targetPort: 8443 },
  { name: "dns", protocol: "udp", port: 53, targetPort: 53 },
  { name: "dns-tcp", protocol: "tcp", port: 53, targetPort: 53 },
  { name: "sctp", protocol: "sctp", port: 9999, targetPort: 9999 },
  { name: "grpc", protocol: "tcp", port: 9090, targetPort: 9090 },
];

/**
 * kube-proxy in iptables mode: KUBE-SERVICES dispatching to a KUBE-SVC chain per service
 * port, which picks a KUBE-SEP chain per endpoint with `-m statistic`; the KUBE-SEP chain
 * DNATs. Even seeds use the KUBE-POSTROUTING of kube-proxy >= 1.19 (RETURN unless marked,
 * clear the mark with `--xor-mark`, MASQUERADE); odd seeds the older single
 * `-m mark --mark 0x4000/0x4000 -j MASQUERADE`.
 */
export function kubeProxy(seed: number, family: Family): Ruleset {
  const rng = new Rng(seed);
  const ip = addressing(family);
  const podCidr = family === 4 ? "10.244.0.0/16" : "fd00:10:244::/64";
  const serviceIp = (i: number): string => nthAddress(family, family === 4 ? "10.96." : "fd00:10:96::", i + 10);
  const podIp = (i: number): string => nthAddress(family, family === 4 ? "10.244." : "fd00:10:244::", i + 2);
  const rejectWith = family === 4 ? "icmp-port-unreachable" : "icmp6-port-unreachable";
  const fixedPostrouting = seed % 2 === 0;
  const randomFully = rng.chance(0.7) ? "--random-fully" : "";

  const b = new RulesetBuilder("kube-proxy", family);
  const filter = b.table("filter");
  const nat = b.table("nat");

  filter.chain("KUBE-EXTERNAL-SERVICES", "KUBE-FIREWALL", "KUBE-FORWARD", "KUBE-NODEPORTS", "KUBE-SERVICES");
  nat.chain("KUBE-MARK-DROP", "KUBE-MARK-MASQ", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-SERVICES");

  filter.rule("INPUT", `-m conntrack --ctstate NEW ${filter.comment("kubernetes service portals")}`, "KUBE-SERVICES");
  const externalPortals = filter.comment("kubernetes externally-visible service portals");
  filter.rule("INPUT", `-m conntrack --ctstate NEW ${externalPortals}`, "KUBE-EXTERNAL-SERVICES");
  filter.rule("INPUT", "", "KUBE-FIREWALL");
  filter.rule("FORWARD", filter.comment("kubernetes forwarding rules"), "KUBE-FORWARD");
  filter.rule("FORWARD", `-m conntrack --ctstate NEW ${filter.comment("kubernetes service portals")}`, "KUBE-SERVICES");
  filter.rule("OUTPUT", `-m conntrack --ctstate NEW ${filter.comment("kubernetes service portals")}`, "KUBE-SERVICES");
  filter.rule("OUTPUT", "", "KUBE-FIREWALL");
  filter.rule("KUBE-FIREWALL", `${filter.comment("kubernetes firewall for dropping marked packets")} -m mark --mark 0x8000/0x8000`, "DROP");
  if (family === 4) {
    filter.rule(
      "KUBE-FIREWALL",
      `! -s 127.0.0.0/8 -d 127.0.0.0/8 ${filter.comment("block incoming localnet connections")} ` +
        "-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT",
      "DROP",
    );
  }
  filter.rule("KUBE-FORWARD", "-m conntrack --ctstate INVALID", "DROP");
  filter.rule("KUBE-FORWARD", `${filter.comment("kubernetes forwarding rules")} -m mark --mark 0x4000/0x4000`, "ACCEPT");
  filter.rule("KUBE-FORWARD", `${filter.comment("kubernetes forwarding conntrack rule")} -m conntrack --ctstate RELATED,ESTABLISHED`, "ACCEPT");

  nat.rule("PREROUTING", nat.comment("kubernetes service portals"), "KUBE-SERVICES");
  nat.rule("OUTPUT", nat.comment("kubernetes service portals"), "KUBE-SERVICES");
  nat.rule("POSTROUTING", nat.comment("kubernetes postrouting rules"), "KUBE-POSTROUTING");
  // Older kube-proxy wrote --set-xmark, newer --or-mark; iptables-save prints both as --set-xmark.
  const setMark = (bit: string): string => (rng.chance(0.5) ? `--or-mark ${bit}` : `--set-xmark ${bit}/${bit}`);
  nat.rule("KUBE-MARK-DROP", "", "MARK", setMark("0x8000"));
  nat.rule("KUBE-MARK-MASQ", "", "MARK", setMark("0x4000"));
  if (fixedPostrouting) {
    nat.rule("KUBE-POSTROUTING", "-m mark ! --mark 0x4000/0x4000", "RETURN");
    nat.rule("KUBE-POSTROUTING", "", "MARK", "--xor-mark 0x4000");
    nat.rule("KUBE-POSTROUTING", nat.comment("kubernetes service traffic requiring SNAT"), "MASQUERADE", randomFully);
  } else {
    nat.rule(
      "KUBE-POSTROUTING",
      `${nat.comment("kubernetes service traffic requiring SNAT")} -m mark --mark 0x4000/0x4000`,
      "MASQUERADE",
      randomFully,
    );
  }

  const services = rng.between(2, 7);
  let endpointIndex = 0;
  for (let s = 0; s < services; s++) {
    const port = rng.pick(KUBE_PORTS);
    const name = `${rng.pick(KUBE_NAMESPACES)}/${rng.pick(KUBE_NAMES)}-${s}:${port.name}`;
    const vip = serviceIp(s);
    const proto = `-p ${port.protocol}`;
    const dport = `-m ${port.protocol} --dport ${port.port}`;
    const endpoints = rng.int(5);
    if (endpoints === 0) {
      // A service without endpoints is rejected in filter, not NATed.
      const spec = `-d ${vip}${ip.host} ${proto} ${filter.comment(`${name} has no endpoints`)} ${dport}`;
      filter.rule("KUBE-SERVICES", spec, "REJECT", `--reject-with ${rejectWith}`);
      continue;
    }
    const svcChain = `KUBE-SVC-${rng.string(BASE32, 16)}`;
    nat.chain(svcChain);
    nat.rule("KUBE-SERVICES", `-d ${vip}${ip.host} ${proto} ${nat.comment(`${name} cluster IP`)} ${dport}`, svcChain);
    nat.rule(svcChain, `! -s ${podCidr} -d ${vip}${ip.host} ${proto} ${nat.comment(`${name} cluster IP`)} ${dport}`, "KUBE-MARK-MASQ");
    for (let e = 0; e < endpoints; e++) {
      const pod = podIp(endpointIndex++);
      const sepChain = `KUBE-SEP-${rng.string(BASE32, 16)}`;
      const target = ip.endpoint(pod, port.targetPort);
      nat.chain(sepChain);
      // kube-proxy writes 1/(endpoints left) with ten decimals; the last one needs none.
      const statistic = e < endpoints - 1 ? ` -m statistic --mode random --probability ${(1 / (endpoints - e)).toFixed(10)}` : "";
      nat.rule(svcChain, `${nat.comment(`${name} -> ${target}`)}${statistic}`, sepChain);
      nat.rule(sepChain, `-s ${pod}${ip.host} ${nat.comment(name)}`, "KUBE-MARK-MASQ");
      nat.rule(sepChain, `${proto} ${nat.comment(name)} -m ${port.protocol}`, "DNAT", `--to-destination ${target}`);
    }
    if (rng.chance(0.4)) {
      // A NodePort service, in the default range 30000-32767.
      const nodePort = `--dport ${30000 + rng.int(2768)}`;
      nat.rule("KUBE-NODEPORTS", `${proto} ${nat.comment(name)} -m ${port.protocol} ${nodePort}`, "KUBE-MARK-MASQ");
      nat.rule("KUBE-NODEPORTS", `${proto} ${nat.comment(name)} -m ${port.protocol} ${nodePort}`, svcChain);
    }
  }
  nat.rule(
    "KUBE-SERVICES",
    `${nat.comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain")} -m addrtype --dst-type LOCAL`,
    "KUBE-NODEPORTS",
  );
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// kube-proxy, IPVS mode

/** Whether the IPVS shape matches on ipsets; they are created by `ipset restore` first. */
export interface KubeIpvsOptions {
  /**
   * Write the `-m set --match-set` rules. They need the sets to exist in the namespace, which
   * needs the `ipset` tool; without it the shape keeps only its rules without sets.
   */
  ipsets: boolean;
}

/**
 * kube-proxy in IPVS mode: few rules, matching on ipsets that kube-proxy keeps up to date
 * (KUBE-LOOP-BACK for hairpin traffic, KUBE-CLUSTER-IP, KUBE-NODE-PORT-TCP, ...).
 */
export function kubeProxyIpvs(seed: number, family: Family, options: KubeIpvsOptions): Ruleset {
  const rng = new Rng(seed);
  const podCidr = family === 4 ? "10.244.0.0/16" : "fd00:10:244::/64";
  const inet = family === 4 ? "inet" : "inet6";
  // Dual-stack kube-proxy names its IPv6 sets KUBE-6-*.
  const set = (name: string): string => (family === 4 ? `KUBE-${name}` : `KUBE-6-${name}`);
  const sets: Array<[string, string]> = [
    [set("LOOP-BACK"), `hash:ip,port,ip family ${inet}`],
    [set("CLUSTER-IP"), `hash:ip,port family ${inet}`],
    [set("LOAD-BALANCER"), `hash:ip,port family ${inet}`],
    [set("EXTERNAL-IP"), `hash:ip,port family ${inet}`],
    [set("NODE-PORT-TCP"), "bitmap:port range 0-65535"],
    [set("NODE-PORT-UDP"), "bitmap:port range 0-65535"],
    [set("HEALTH-CHECK-NODE-PORT"), "bitmap:port range 0-65535"],
    [set("IPVS-IPS"), `hash:ip family ${inet}`],
  ];

  const b = new RulesetBuilder("kube-proxy-ipvs", family);
  const nat = b.table("nat");
  const filter = b.table("filter");
  nat.chain("KUBE-SERVICES", "KUBE-POSTROUTING", "KUBE-NODE-PORT", "KUBE-LOAD-BALANCER", "KUBE-MARK-MASQ", "KUBE-MARK-DROP");
  filter.chain("KUBE-FIREWALL", "KUBE-FORWARD", "KUBE-NODE-PORT", "KUBE-PROXY-FIREWALL", "KUBE-SOURCE-RANGES-FIREWALL", "KUBE-IPVS-FILTER");

  nat.rule("PREROUTING", nat.comment("kubernetes service portals"), "KUBE-SERVICES");
  nat.rule("OUTPUT", nat.comment("kubernetes service portals"), "KUBE-SERVICES");
  nat.rule("POSTROUTING", nat.comment("kubernetes postrouting rules"), "KUBE-POSTROUTING");
  nat.rule("KUBE-LOAD-BALANCER", "", "KUBE-MARK-MASQ");
  nat.rule("KUBE-MARK-DROP", "", "MARK", "--or-mark 0x8000");
  nat.rule("KUBE-MARK-MASQ", "", "MARK", "--or-mark 0x4000");
  if (options.ipsets) {
    nat.rule(
      "KUBE-POSTROUTING",
      `${nat.comment("Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose")} ` +
        `-m set --match-set ${set("LOOP-BACK")} dst,dst,src`,
      "MASQUERADE",
    );
  }
  nat.rule("KUBE-POSTROUTING", "-m mark ! --mark 0x4000/0x4000", "RETURN");
  nat.rule("KUBE-POSTROUTING", "", "MARK", "--xor-mark 0x4000");
  nat.rule("KUBE-POSTROUTING", nat.comment("kubernetes service traffic requiring SNAT"), "MASQUERADE", rng.chance(0.5) ? "--random-fully" : "");
  if (options.ipsets) {
    nat.rule(
      "KUBE-NODE-PORT",
      `-p tcp ${nat.comment("Kubernetes nodeport TCP port for masquerade purpose")} -m set --match-set ${set("NODE-PORT-TCP")} dst`,
      "KUBE-MARK-MASQ",
    );
    if (rng.chance(0.5)) {
      nat.rule(
        "KUBE-NODE-PORT",
        `-p udp ${nat.comment("Kubernetes nodeport UDP port for masquerade purpose")} -m set --match-set ${set("NODE-PORT-UDP")} dst`,
        "KUBE-MARK-MASQ",
      );
    }
    nat.rule(
      "KUBE-SERVICES",
      `! -s ${podCidr} ${nat.comment("Kubernetes service cluster ip + port for masquerade purpose")} ` +
        `-m set --match-set ${set("CLUSTER-IP")} dst,dst`,
      "KUBE-MARK-MASQ",
    );
    if (rng.chance(0.5)) {
      nat.rule(
        "KUBE-SERVICES",
        `${nat.comment("Kubernetes service external ip + port for masquerade and filter purpose")} ` +
          `-m set --match-set ${set("EXTERNAL-IP")} dst,dst`,
        "KUBE-MARK-MASQ",
      );
    }
    nat.rule(
      "KUBE-SERVICES",
      `${nat.comment("Kubernetes service lb portal")} -m set --match-set ${set("LOAD-BALANCER")} dst,dst`,
      "KUBE-LOAD-BALANCER",
    );
  }
  nat.rule("KUBE-SERVICES", "-m addrtype --dst-type LOCAL", "KUBE-NODE-PORT");
  if (options.ipsets) nat.rule("KUBE-SERVICES", `-m set --match-set ${set("CLUSTER-IP")} dst,dst`, "ACCEPT");

  filter.rule("INPUT", `-m conntrack --ctstate NEW ${filter.comment("kubernetes ipvs access filter")}`, "KUBE-IPVS-FILTER");
  filter.rule("INPUT", filter.comment("kubernetes health check rules"), "KUBE-NODE-PORT");
  filter.rule("INPUT", "", "KUBE-FIREWALL");
  filter.rule("FORWARD", filter.comment("kubernetes forwarding rules"), "KUBE-FORWARD");
  filter.rule("OUTPUT", "", "KUBE-FIREWALL");
  filter.rule("KUBE-FIREWALL", `${filter.comment("kubernetes firewall for dropping marked packets")} -m mark --mark 0x8000/0x8000`, "DROP");
  filter.rule("KUBE-FORWARD", `${filter.comment("kubernetes forwarding rules")} -m mark --mark 0x4000/0x4000`, "ACCEPT");
  filter.rule("KUBE-FORWARD", `${filter.comment("kubernetes forwarding conntrack rule")} -m conntrack --ctstate RELATED,ESTABLISHED`, "ACCEPT");
  if (options.ipsets) {
    filter.rule("KUBE-IPVS-FILTER", `-m set --match-set ${set("LOAD-BALANCER")} dst,dst`, "RETURN");
    filter.rule("KUBE-IPVS-FILTER", `-m set --match-set ${set("CLUSTER-IP")} dst,dst`, "RETURN");
    filter.rule("KUBE-IPVS-FILTER", `-m set --match-set ${set("EXTERNAL-IP")} dst,dst`, "RETURN");
    filter.rule(
      "KUBE-IPVS-FILTER",
      `-m conntrack --ctstate NEW -m set --match-set ${set("IPVS-IPS")} dst`,
      "REJECT",
      `--reject-with ${family === 4 ? "icmp-port-unreachable" : "icmp6-port-unreachable"}`,
    );
    filter.rule(
      "KUBE-NODE-PORT",
      `${filter.comment("Kubernetes health check node port")} -m set --match-set ${set("HEALTH-CHECK-NODE-PORT")} dst`,
      "ACCEPT",
    );
  }
  filter.rule("KUBE-SOURCE-RANGES-FIREWALL", "", "DROP");

  const ipsets = options.ipsets ? sets.map(([name, type]) => `create ${name} ${type}\n`).join("") : null;
  return b.build({ ipsets });
}

// ---------------------------------------------------------------------------------------------
// Docker

/**
 * Docker's bridge networking: the default docker0 and user-defined `br-<id>` networks,
 * published ports (DNAT in nat DOCKER, ACCEPT in filter DOCKER), DOCKER-USER and the two
 * isolation stages. ip6tables gets the same layout with IPv6 subnets.
 */
export function docker(seed: number, family: Family): Ruleset {
  const rng = new Rng(seed);
  const ip = addressing(family);
  const b = new RulesetBuilder("docker", family);
  const nat = b.table("nat");
  const filter = b.table("filter");
  nat.chain("DOCKER");
  filter.chain("DOCKER", "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2", "DOCKER-USER");
  filter.policy("FORWARD", "DROP");

  nat.rule("PREROUTING", "-m addrtype --dst-type LOCAL", "DOCKER");
  nat.rule("OUTPUT", `! -d ${ip.loopback} -m addrtype --dst-type LOCAL`, "DOCKER");
  filter.rule("FORWARD", "", "DOCKER-USER");
  filter.rule("FORWARD", "", "DOCKER-ISOLATION-STAGE-1");

  const networks = rng.between(1, 4);
  const usedHostPorts = new Set<number>();
  for (let n = 0; n < networks; n++) {
    const bridge = n === 0 ? "docker0" : `br-${rng.string(HEX, 12)}`;
    const subnet = family === 4 ? `172.${17 + n}.0.0/16` : `fd00:d0c:${n.toString(16)}::/64`;
    const container = (i: number): string => nthAddress(family, family === 4 ? `172.${17 + n}.` : `fd00:d0c:${n.toString(16)}::`, i + 2);

    nat.rule("POSTROUTING", `-s ${subnet} ! -o ${bridge}`, "MASQUERADE");
    nat.rule("DOCKER", `-i ${bridge}`, "RETURN");
    filter.rule("FORWARD", `-o ${bridge} -m conntrack --ctstate RELATED,ESTABLISHED`, "ACCEPT");
    filter.rule("FORWARD", `-o ${bridge}`, "DOCKER");
    filter.rule("FORWARD", `-i ${bridge} ! -o ${bridge}`, "ACCEPT");
    filter.rule("FORWARD", `-i ${bridge} -o ${bridge}`, "ACCEPT");
    filter.rule("DOCKER-ISOLATION-STAGE-1", `-i ${bridge} ! -o ${bridge}`, "DOCKER-ISOLATION-STAGE-2");
    filter.rule("DOCKER-ISOLATION-STAGE-2", `-o ${bridge}`, "DROP");

    const containers = rng.int(4);
    for (let c = 0; c < containers; c++) {
      const address = container(c);
      for (let p = rng.int(3); p > 0; p--) {
        const protocol = rng.pick(["tcp", "udp"]);
        const port = rng.pick([80, 443, 5432, 6379, 8080, 53]);
        let hostPort = rng.between(1024, 65535);
        while (usedHostPorts.has(hostPort)) hostPort = rng.between(1024, 65535);
        usedHostPorts.add(hostPort);
        nat.rule("POSTROUTING", `-s ${address}${ip.host} -d ${address}${ip.host} -p ${protocol} -m ${protocol} --dport ${port}`, "MASQUERADE");
        const dnat = `--to-destination ${ip.endpoint(address, port)}`;
        nat.rule("DOCKER", `! -i ${bridge} -p ${protocol} -m ${protocol} --dport ${hostPort}`, "DNAT", dnat);
        filter.rule("DOCKER", `-d ${address}${ip.host} ! -i ${bridge} -o ${bridge} -p ${protocol} -m ${protocol} --dport ${port}`, "ACCEPT");
      }
    }
  }
  filter.rule("DOCKER-ISOLATION-STAGE-1", "", "RETURN");
  filter.rule("DOCKER-ISOLATION-STAGE-2", "", "RETURN");
  // What an admin puts in DOCKER-USER, before Docker's own RETURN.
  if (rng.chance(0.6)) {
    const blocked = family === 4 ? "203.0.113.0/24" : "2001:db8:bad::/48";
    filter.rule("DOCKER-USER", `-s ${blocked} ${filter.comment("block abusive network")}`, "DROP");
    const postgres = filter.comment("no external postgres");
    filter.rule("DOCKER-USER", `-i eth0 -p tcp -m tcp --dport 5432 -m conntrack --ctstate NEW ${postgres}`, "DROP");
  }
  filter.rule("DOCKER-USER", "", "RETURN");
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// firewalld (iptables backend)

const FIREWALLD_ZONES = ["public", "dmz", "work", "home", "internal", "trusted", "block", "drop", "external"];
const FIREWALLD_SERVICES: ReadonlyArray<{ protocol: string; port: number; v4dest?: string; v6dest?: string }> = [
  { protocol: "tcp", port: 22 },
  { protocol: "tcp", port: 80 },
  { protocol: "tcp", port: 443 },
  { protocol: "udp", port: 5353, v4dest: "224.0.0.251/32", v6dest: "ff02::fb/128" },
  { protocol: "udp", port: 546, v6dest: "fe80::/64" },
  { protocol: "tcp", port: 9090 },
];

/**
 * firewalld's iptables backend: per zone a family of chains (IN_zone with _pre, _log, _deny,
 * _allow, _post; FWDI_ and FWDO_ likewise) in filter, and PRE_/POST_ chains in nat, mangle and
 * raw; the zone dispatch uses `-g`; conntrack states, REJECT and LOG with prefixes.
 */
export function firewalld(seed: number, family: Family): Ruleset {
  const rng = new Rng(seed);
  const reject = family === 4 ? "icmp-host-prohibited" : "icmp6-adm-prohibited";
  const icmp = family === 4 ? "icmp" : "ipv6-icmp";
  const b = new RulesetBuilder("firewalld", family);
  const raw = b.table("raw");
  const mangle = b.table("mangle");
  const nat = b.table("nat");
  const filter = b.table("filter");
  const security = b.table("security");

  const zones = ["public", ...rng.sample(FIREWALLD_ZONES.slice(1), rng.between(1, 4))];
  const interfaces = new Map(zones.map((zone, i) => [zone, i === 0 ? "eth0" : `eth${i}`]));
  const logDenied = rng.chance(0.6);
  const suffixes = ["_pre", "_log", "_deny", "_allow", "_post"];
  const family5 = (base: string): string[] => [base, ...suffixes.map((s) => base + s)];

  // Dispatch chains, then for each table its per-zone chains.
  for (const table of [raw, mangle]) {
    table.chain("PREROUTING_direct", "PREROUTING_ZONES", "OUTPUT_direct");
    table.rule("PREROUTING", "", "PREROUTING_direct");
    table.rule("PREROUTING", "", "PREROUTING_ZONES");
    table.rule("OUTPUT", "", "OUTPUT_direct");
  }
  nat.chain("PREROUTING_direct", "PREROUTING_ZONES", "OUTPUT_direct", "POSTROUTING_direct", "POSTROUTING_ZONES");
  nat.rule("PREROUTING", "", "PREROUTING_direct");
  nat.rule("PREROUTING", "", "PREROUTING_ZONES");
  nat.rule("OUTPUT", "", "OUTPUT_direct");
  nat.rule("POSTROUTING", "", "POSTROUTING_direct");
  nat.rule("POSTROUTING", "", "POSTROUTING_ZONES");
  security.chain("INPUT_direct", "FORWARD_direct", "OUTPUT_direct");
  security.rule("INPUT", "", "INPUT_direct");
  security.rule("FORWARD", "", "FORWARD_direct");
  security.rule("OUTPUT", "", "OUTPUT_direct");

  filter.chain("INPUT_direct", "INPUT_ZONES", "FORWARD_direct", "FORWARD_IN_ZONES", "FORWARD_OUT_ZONES", "OUTPUT_direct");
  const established = "-m conntrack --ctstate RELATED,ESTABLISHED,DNAT";
  filter.rule("INPUT", established, "ACCEPT");
  filter.rule("INPUT", "-i lo", "ACCEPT");
  filter.rule("INPUT", "", "INPUT_direct");
  filter.rule("INPUT", "", "INPUT_ZONES");
  filter.rule("INPUT", "-m conntrack --ctstate INVALID", "DROP");
  filter.rule("INPUT", "", "REJECT", `--reject-with ${reject}`);
  filter.rule("FORWARD", established, "ACCEPT");
  filter.rule("FORWARD", "-i lo", "ACCEPT");
  filter.rule("FORWARD", "", "FORWARD_direct");
  filter.rule("FORWARD", "", "FORWARD_IN_ZONES");
  filter.rule("FORWARD", "", "FORWARD_OUT_ZONES");
  filter.rule("FORWARD", "-m conntrack --ctstate INVALID", "DROP");
  filter.rule("FORWARD", "", "REJECT", `--reject-with ${reject}`);
  filter.rule("OUTPUT", "-o lo", "ACCEPT");
  filter.rule("OUTPUT", "", "OUTPUT_direct");

  // Zones with an interface first; the default zone (public) also catches everything else.
  const dispatch = [...zones.slice(1), "public"];
  for (const zone of dispatch) {
    const iface = interfaces.get(zone)!;
    for (const [table, chain, prefix, option] of [
      [filter, "INPUT_ZONES", "IN", "-i"],
      [filter, "FORWARD_IN_ZONES", "FWDI", "-i"],
      [filter, "FORWARD_OUT_ZONES", "FWDO", "-o"],
      [nat, "PREROUTING_ZONES", "PRE", "-i"],
      [nat, "POSTROUTING_ZONES", "POST", "-o"],
      [mangle, "PREROUTING_ZONES", "PRE", "-i"],
      [raw, "PREROUTING_ZONES", "PRE", "-i"],
    ] as const) {
      const target = `${prefix}_${zone}`;
      table.chain(...family5(target));
      table.rule(chain, `${option} ${iface}`, target, "", { goto: true });
      if (zone === "public") table.rule(chain, "", target, "", { goto: true });
    }
  }

  for (const zone of zones) {
    for (const [table, base] of [
      [filter, `IN_${zone}`],
      [filter, `FWDI_${zone}`],
      [filter, `FWDO_${zone}`],
      [nat, `PRE_${zone}`],
      [nat, `POST_${zone}`],
      [mangle, `PRE_${zone}`],
      [raw, `PRE_${zone}`],
    ] as const) {
      for (const suffix of suffixes) table.rule(base, "", base + suffix);
    }
    const input = `IN_${zone}`;
    if (zone === "trusted") {
      filter.rule(input, "", "ACCEPT");
      filter.rule(`FWDI_${zone}`, "", "ACCEPT");
    } else if (zone === "drop" || zone === "block") {
      if (logDenied) filter.rule(input, "", "LOG", filter.logPrefix(`${input}_DROP: `));
      if (zone === "drop") filter.rule(input, "", "DROP");
      else filter.rule(input, "", "REJECT", `--reject-with ${reject}`);
    } else {
      filter.rule(input, `-p ${icmp}`, "ACCEPT");
      for (const service of rng.sample(FIREWALLD_SERVICES, rng.between(1, 4))) {
        const dest = family === 4 ? service.v4dest : service.v6dest;
        if (service.port === 546 && family === 4) continue; // dhcpv6-client is IPv6 only
        const port = `-p ${service.protocol} -m ${service.protocol} --dport ${service.port}`;
        filter.rule(`${input}_allow`, `${dest ? `-d ${dest} ` : ""}${port} -m conntrack --ctstate NEW,UNTRACKED`, "ACCEPT");
      }
      if (rng.chance(0.5)) {
        const source = family === 4 ? `198.51.100.${rng.between(1, 254)}/32` : `2001:db8:5::${rng.between(1, 0xfff).toString(16)}/128`;
        if (logDenied) {
          const log = `${filter.logPrefix(`${zone}_REJECT: `)} --log-level info`;
          filter.rule(`${input}_deny`, `-s ${source} -m limit --limit 5/min`, "LOG", log);
        }
        filter.rule(`${input}_deny`, `-s ${source}`, "REJECT", `--reject-with ${reject}`);
      }
    }
    if (zone === "external") {
      nat.rule(`POST_${zone}_allow`, "! -o lo", "MASQUERADE");
      filter.rule(`FWDO_${zone}_allow`, "-m conntrack --ctstate NEW,UNTRACKED", "ACCEPT");
    }
    if (zone === "public" && rng.chance(0.5)) {
      // A port forward.
      const to = family === 4 ? "10.0.0.5:80" : "[fd00::5]:80";
      nat.rule(`PRE_${zone}_allow`, "-p tcp -m tcp --dport 8080", "DNAT", `--to-destination ${to}`);
      mangle.rule(`PRE_${zone}_allow`, "-p tcp -m tcp --dport 8080", "MARK", `--set-xmark 0x${rng.between(1, 0xffff).toString(16)}/0xffffffff`);
    }
  }
  if (logDenied) filter.rule("INPUT", "-m conntrack --ctstate INVALID", "LOG", filter.logPrefix("STATE_INVALID_DROP: "));
  // A direct rule an admin added, with a comment.
  filter.rule("INPUT_direct", `-p tcp -m tcp --dport 3306 ${filter.comment("direct: mysql from the app tier only")}`, "DROP");
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// mangle and raw

/** The mangle and raw tables: MARK and CONNMARK in all their spellings, CT, TCPMSS, DSCP. */
export function mangleRaw(seed: number, family: Family): Ruleset {
  const rng = new Rng(seed);
  const b = new RulesetBuilder("mangle-raw", family);
  const raw = b.table("raw");
  const mangle = b.table("mangle");
  const mark = (): string => `0x${rng.between(1, 0xffff).toString(16)}`;
  const mask = (): string => rng.pick(["0xff", "0xff00", "0xffff", "0xffffffff", "0xf0"]);

  mangle.chain("MARKS", "QOS");
  mangle.rule("PREROUTING", `-m connmark ! --mark 0x0/${mask()}`, "CONNMARK", `--restore-mark --nfmask ${mask()} --ctmask ${mask()}`);
  mangle.rule("PREROUTING", "-m mark ! --mark 0x0", "RETURN");
  mangle.rule("PREROUTING", "", "MARKS");
  const marks = rng.between(3, 9);
  for (let i = 0; i < marks; i++) {
    const iface = `eth${rng.int(4)}`;
    switch (rng.int(6)) {
      case 0:
        mangle.rule("MARKS", `-i ${iface}`, "MARK", `--set-xmark ${mark()}/${mask()}`);
        break;
      case 1:
        mangle.rule("MARKS", `-i ${iface}`, "MARK", `--set-mark ${mark()}`);
        break;
      case 2:
        mangle.rule("MARKS", `-i ${iface} -p tcp -m tcp --dport ${rng.between(1, 65535)}`, "MARK", `--or-mark ${mark()}`);
        break;
      case 3:
        mangle.rule("MARKS", `-m mark --mark ${mark()}/${mask()}`, "MARK", `--and-mark ${mark()}`);
        break;
      case 4:
        mangle.rule("MARKS", `-i ${iface}`, "MARK", `--xor-mark ${mark()}`);
        break;
      default:
        mangle.rule("MARKS", `-m connmark --mark ${mark()}`, "CONNMARK", `--set-mark ${mark()}/${mask()}`);
    }
  }
  mangle.rule("MARKS", "", "CONNMARK", `--save-mark --nfmask ${mask()} --ctmask ${mask()}`);
  mangle.rule("FORWARD", "-p tcp -m tcp --tcp-flags SYN,RST SYN", "TCPMSS", "--clamp-mss-to-pmtu");
  mangle.rule("OUTPUT", "", "QOS");
  mangle.rule("QOS", "-p udp -m udp --dport 53", "DSCP", "--set-dscp-class EF");
  mangle.rule("QOS", "-p tcp -m tcp --sport 22", "DSCP", `--set-dscp 0x${rng.between(0, 63).toString(16)}`);
  mangle.rule("POSTROUTING", "", family === 4 ? "TTL" : "HL", family === 4 ? "--ttl-set 64" : "--hl-set 64");
  mangle.rule("POSTROUTING", "-m mark --mark 0x4000/0x4000", "CONNMARK", "--save-mark");

  raw.chain("NOTRACK-DNS");
  raw.rule("PREROUTING", "-m rpfilter --invert", "DROP");
  raw.rule("PREROUTING", "-p udp -m udp --dport 53", "NOTRACK-DNS");
  raw.rule("NOTRACK-DNS", "", "CT", "--notrack");
  raw.rule("OUTPUT", "-p udp -m udp --sport 53", "CT", "--notrack");
  for (let z = rng.between(1, 3); z > 0; z--) raw.rule("PREROUTING", `-i eth${z}`, "CT", `--zone ${z}`);
  raw.rule("PREROUTING", "-p tcp -m tcp --dport 21", "CT", "--helper ftp");
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// Counters

/** Counter values that stress parsing: zero, small, 2^32, 2^63 and the largest uint64. */
const SPECIAL_COUNTERS = [0n, 1n, 4294967295n, 4294967296n, 9223372036854775807n, 9223372036854775808n, 18446744073709551615n];

/**
 * A ruleset for `iptables-restore -c`: every built-in chain declaration and every rule carries
 * `[packets:bytes]`, some of them huge.
 */
export function counters(seed: number, family: Family): Ruleset {
  const rng = new Rng(seed);
  const value = (): bigint => (rng.chance(0.3) ? rng.pick(SPECIAL_COUNTERS) : BigInt(rng.int(1_000_000_000)));
  const pair = (): Counters => [value(), value()];
  const net = (i: number): string => (family === 4 ? `10.${i}.0.0/16` : `2001:db8:${i.toString(16)}::/48`);

  const b = new RulesetBuilder("counters", family);
  for (const name of ["filter", "nat"]) {
    const table = b.table(name);
    for (const chain of BUILTIN_CHAINS[name]) table.policy(chain, name === "filter" && rng.chance(0.3) ? "DROP" : "ACCEPT", pair());
    table.chain("USER-A", "USER-B");
    const first = BUILTIN_CHAINS[name][0];
    table.rule(first, "", "USER-A", "", { counters: pair() });
    for (let i = rng.between(3, 10); i > 0; i--) {
      const chain = rng.pick([first, "USER-A", "USER-B"]);
      const target = rng.pick(name === "nat" ? ["ACCEPT", "RETURN", "USER-B"] : ["ACCEPT", "DROP", "RETURN", "USER-B"]);
      // USER-B jumping to itself would be a loop, which iptables refuses.
      table.rule(chain, `-s ${net(i)}`, target === chain ? "RETURN" : target, "", { counters: pair() });
    }
    table.rule("USER-B", "", "", "", { counters: pair() });
  }
  return b.build({ counters: true });
}

// ---------------------------------------------------------------------------------------------
// IPv6

/** ip6tables only: IPv6 addresses, ICMPv6, extension header matches, IPv6 NAT. */
export function ipv6(seed: number): Ruleset {
  const rng = new Rng(seed);
  const net = (): string => `2001:db8:${rng.between(0, 0xffff).toString(16)}::/${rng.pick([48, 56, 64])}`;
  const host = (): string => `2001:db8::${rng.between(1, 0xffff).toString(16)}`;
  const b = new RulesetBuilder("ipv6", 6);
  const nat = b.table("nat");
  const filter = b.table("filter");
  filter.chain("ICMPV6", "SERVICES");
  filter.policy("INPUT", "DROP").policy("FORWARD", "DROP");

  filter.rule("INPUT", "-i lo", "ACCEPT");
  filter.rule("INPUT", "-m rt --rt-type 0", "DROP");
  filter.rule("INPUT", "-m ipv6header --header frag --soft", "DROP");
  filter.rule("INPUT", "-m conntrack --ctstate RELATED,ESTABLISHED", "ACCEPT");
  filter.rule("INPUT", "-p ipv6-icmp", "ICMPV6");
  filter.rule("INPUT", "", "SERVICES");
  for (const type of ["destination-unreachable", "packet-too-big", "time-exceeded", "parameter-problem", "echo-request"]) {
    filter.rule("ICMPV6", `-p ipv6-icmp -m icmp6 --icmpv6-type ${type}`, "ACCEPT");
  }
  for (const type of ["neighbour-solicitation", "neighbour-advertisement", "router-advertisement"]) {
    filter.rule("ICMPV6", `-p ipv6-icmp -m icmp6 --icmpv6-type ${type} -m hl --hl-eq 255`, "ACCEPT");
  }
  filter.rule("SERVICES", "-d fe80::/64 -p udp -m udp --dport 546", "ACCEPT");
  for (let i = rng.between(2, 6); i > 0; i--) {
    const spec = `-s ${net()} -p tcp -m tcp --dport ${rng.pick([22, 80, 443, 8443])}`;
    filter.rule("SERVICES", spec, rng.pick(["ACCEPT", "DROP"]));
  }
  filter.rule("SERVICES", "-p tcp", "REJECT", "--reject-with tcp-reset");
  filter.rule("SERVICES", "", "REJECT", "--reject-with icmp6-adm-prohibited");
  const inside = "2001:db8:abcd::/48";
  filter.rule("FORWARD", `-s ${inside} ! -d ${inside}`, "ACCEPT");
  filter.rule("FORWARD", "", "REJECT", `--reject-with ${rng.pick(["icmp6-adm-prohibited", "icmp6-addr-unreachable", "icmp6-no-route"])}`);
  filter.rule("OUTPUT", "-d ff02::/16 -p ipv6-icmp", "ACCEPT");

  for (let i = rng.between(1, 4); i > 0; i--) {
    const dnat = `--to-destination [${host()}]:${rng.pick([80, 443, 8080])}`;
    nat.rule("PREROUTING", `-d ${host()}/128 -p tcp -m tcp --dport ${rng.between(1024, 65535)}`, "DNAT", dnat);
  }
  nat.rule("PREROUTING", "-p tcp -m tcp --dport 2222", "REDIRECT", "--to-ports 22");
  nat.rule("POSTROUTING", "-s fd00::/64 -o eth0", "MASQUERADE");
  nat.rule("POSTROUTING", `-s fd00:1::/64 -o eth1`, "SNAT", `--to-source ${host()}`);
  nat.rule("POSTROUTING", "-s fd00:2::/64", "NETMAP", "--to 2001:db8:1::/64");
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// Comments that stress quoting

/**
 * Comments iptables-save must quote and escape: quotes, backslashes, apostrophes, runs of
 * spaces, a tab, the empty string, `#`, text that looks like structure, non-ASCII text.
 */
export const STRESS_COMMENTS: readonly string[] = [
  'say "hi"',
  '"',
  '""',
  "back\\slash",
  "\\",
  "\\\\",
  'trailing backslash \\',
  '\\"',
  "it's",
  "'single quoted'",
  " leading and trailing spaces ",
  "two  spaces",
  "a\ttab",
  "",
  "#",
  "# looks like a comment line",
  "COMMIT",
  "*filter",
  ":INPUT ACCEPT [0:0]",
  "[1:2]",
  "!",
  "! -s 10.0.0.0/8",
  "-A INPUT -j DROP",
  "café ☃ 日本",
  "emoji 😀 and ünïcödé",
  "x=1;y=2 & z|w $HOME `cmd`",
];

/**
 * Comments iptables-save prints WITHOUT quotes because they hold only `[A-Za-z0-9_-]`
 * (xtables_save_string in libxtables), yet which look like options. iptables-restore reads
 * them back fine: getopt gives `--comment` the next word whatever it looks like.
 */
export const OPTION_LIKE_COMMENTS: readonly string[] = [
  "-j",
  "-m",
  "-A",
  "-t",
  "-c",
  "-s",
  "--comment",
  "--dport",
  "-",
  "--",
  "-1",
  "plain_word-42",
];

/** Alphabet for random comments: every character that needs care, ASCII and beyond. */
const COMMENT_ALPHABET = "abcXYZ019 _-\"\\'#!*:[]=;,.é☃日本😀";

/** A random comment of at most `maxBytes` UTF-8 bytes. */
function randomComment(rng: Rng, maxBytes: number): string {
  const chars = [...COMMENT_ALPHABET];
  let out = "";
  for (;;) {
    const next = out + rng.pick(chars);
    if (Buffer.byteLength(next) > maxBytes) return out;
    out = next;
  }
}

/** A comment of exactly `bytes` UTF-8 bytes, mixing multi-byte characters in. */
export function commentOfBytes(rng: Rng, bytes: number): string {
  let out = randomComment(rng, bytes);
  while (Buffer.byteLength(out) < bytes) out += rng.pick(["a", '"', "\\", "'", " ", "#"]);
  return out;
}

/**
 * Rules carrying comments: the stress list, comments of exactly 255 bytes (the comment match's
 * limit) and random ones, one or two comment matches per rule, in filter and nat.
 */
export function comments(seed: number, family: Family, options: { optionLike?: boolean } = {}): Ruleset {
  const rng = new Rng(seed);
  const b = new RulesetBuilder(options.optionLike ? "option-like-comments" : "comments", family);
  const filter = b.table("filter");
  const nat = b.table("nat");
  filter.chain("COMMENTED");
  nat.chain("COMMENTED");
  const source = (i: number): string => (family === 4 ? `192.0.2.${i % 256}/32` : `2001:db8::${i.toString(16)}/128`);

  const texts = options.optionLike
    ? [...OPTION_LIKE_COMMENTS]
    : [...STRESS_COMMENTS, commentOfBytes(rng, MAX_COMMENT_BYTES), commentOfBytes(rng, MAX_COMMENT_BYTES), "x".repeat(MAX_COMMENT_BYTES)];
  if (!options.optionLike) for (let i = rng.between(4, 10); i > 0; i--) texts.push(randomComment(rng, rng.between(1, MAX_COMMENT_BYTES)));

  filter.rule("INPUT", "", "COMMENTED");
  nat.rule("PREROUTING", "", "COMMENTED");
  texts.forEach((text, i) => {
    const table = rng.chance(0.7) ? filter : nat;
    // Sometimes a second comment match on the same rule, sometimes another match between.
    const second = rng.chance(0.25) ? ` ${table.comment(rng.pick(texts))}` : "";
    const between = rng.chance(0.3) ? " -p tcp -m tcp --dport 443" : "";
    const target = table === filter ? rng.pick(["ACCEPT", "DROP", "RETURN"]) : "RETURN";
    table.rule("COMMENTED", `-s ${source(i + 1)} ${table.comment(text)}${between}${second}`, target);
  });
  // A LOG prefix is quoted and escaped by the same routine (LOG refuses an empty one).
  for (const prefix of options.optionLike ? ["-j", "--log-level"] : ['say "hi" ', "back\\slash ", "it's: ", "café: ", "#"]) {
    filter.rule("COMMENTED", "-p udp", "LOG", filter.logPrefix(prefix));
  }
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// Chain names

/**
 * Chain names both backends accept that look like other parts of a ruleset line (a table
 * header, a chain declaration, counters, COMMIT, a comment), non-ASCII names, and one of the
 * longest length (28 characters).
 */
export const ODD_CHAIN_NAMES: readonly string[] = [
  "café",
  "日本語の鎖",
  "é☃",
  "a:b",
  ":x",
  "x:",
  "[1:2]",
  "[0:0]",
  "*x",
  "COMMIT",
  "#x",
  "a'b",
  "a\\b",
  "x=y",
  "a,b",
  "a;b",
  "a%b",
  "a/b",
  "0",
  "accept",
  "C".repeat(28),
];

/**
 * Chain names only iptables-legacy-restore accepts, on a `:NAME` line (`iptables -N` and
 * iptables-nft-restore refuse a name starting with `-` or `!`); iptables-legacy-save prints
 * them and iptables-legacy-restore reads its output back.
 */
export const DASH_CHAIN_NAMES: readonly string[] = ["!", "-", "--chain", "-c"];

/** User chains with the given names, reached from INPUT by `-j` or `-g`, jumping to each other. */
export function chainNames(seed: number, family: Family, names: readonly string[]): Ruleset {
  const rng = new Rng(seed);
  const b = new RulesetBuilder("chain-names", family);
  const filter = b.table("filter");
  filter.chain(...names);
  const source = family === 4 ? "192.0.2.0/24" : "2001:db8::/64";
  names.forEach((name, i) => {
    filter.rule("INPUT", rng.chance(0.5) ? `-s ${source}` : "", name, "", { goto: rng.chance(0.3) });
    // Jumps only to later chains, so that there is no loop.
    if (i + 1 < names.length && rng.chance(0.5)) filter.rule(name, "-p tcp", names[rng.between(i + 1, names.length - 1)]);
    filter.rule(name, "", "RETURN");
  });
  return b.build();
}

// ---------------------------------------------------------------------------------------------
// Hand-written restore input with commands

/**
 * A hand-written ruleset that builds its result with commands rather than declarations:
 * `-N`, `-I` (with and without a position), `-P`, `-F`, `-X`, `-D` (by rule and by number),
 * `-R`, `-Z`, `-E`, `--name=value` options and a comment value written without quotes.
 *
 * It is loaded in two steps, the second with `--noflush`, because iptables-nft-restore 1.8.9
 * cannot rename, in one run, a chain it created in that run ("CHAIN_RENAME failed (No such
 * file or directory)") nor use the new name after `-E` in the same run ("Chain 'X' does not
 * exist"), and crashes (SIGSEGV) on `-R` of a rule added in the same run. The expected model
 * is written out by hand.
 */
export function handWritten(family: Family): Ruleset {
  const v4 = family === 4;
  const net = v4 ? "192.0.2.0/24" : "2001:db8:2::/64";
  const other = v4 ? "198.51.100.0/24" : "2001:db8:3::/64";
  const step1 = `# Hand-written: the result is built by commands.
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-N WEB
-N TEMP
-A TEMP -j ACCEPT
-A TEMP -s ${other} -j DROP
-F TEMP
-X TEMP
-P FORWARD DROP
-A INPUT -i lo -j ACCEPT
-A INPUT -j WEB
-I INPUT 1 -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
-I INPUT -p tcp --dport 22 -m comment --comment "inserted at the top" -j ACCEPT
-D INPUT -i lo -j ACCEPT

-A WEB -p tcp -m multiport --dports 80,443 -m comment --comment #unquoted-hash -j ACCEPT
-A WEB -s ${other} -j DROP
-A WEB -j RETURN
-D WEB 2
-N OLD
-A OLD -m limit --limit=10/sec -j LOG --log-prefix "old: "
-A OLD -j DROP
-A OLD
-Z INPUT
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-N PORTS
-A PREROUTING -j PORTS
-I PORTS -p tcp --dport 8080 -j REDIRECT --to-ports 80
-A PORTS -p udp --dport 53 -j RETURN
-I PORTS 2 -p tcp --dport 8443 -j REDIRECT --to-ports 443
-P OUTPUT ACCEPT
COMMIT
`;
  const step2 = `*filter
-E OLD LEGACY-DROP
-R INPUT 2 -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment=replaced -j ACCEPT
-I WEB 2 -s ${net} -m comment --comment "added by --noflush" -j DROP
-Z
COMMIT
`;
  const chain = (policy: string, targets: string[]): ModelChain => ({
    policy,
    counters: null,
    rules: targets.map((target) => ({ target, counters: null })),
  });
  const filter: ModelTable = {
    chains: new Map([
      ["INPUT", chain("ACCEPT", ["ACCEPT", "ACCEPT", "WEB"])],
      ["FORWARD", chain("DROP", [])],
      ["OUTPUT", chain("ACCEPT", [])],
      ["WEB", chain("-", ["ACCEPT", "DROP", "RETURN"])],
      ["LEGACY-DROP", chain("-", ["LOG", "DROP", ""])],
    ]),
    comments: ["inserted at the top", "replaced", "#unquoted-hash", "added by --noflush"],
    logPrefixes: ["old: "],
  };
  const nat: ModelTable = {
    chains: new Map([
      ["PREROUTING", chain("ACCEPT", ["PORTS"])],
      ["INPUT", chain("ACCEPT", [])],
      ["OUTPUT", chain("ACCEPT", [])],
      ["POSTROUTING", chain("ACCEPT", [])],
      ["PORTS", chain("-", ["REDIRECT", "REDIRECT", "RETURN"])],
    ]),
    comments: [],
    logPrefixes: [],
  };
  return {
    shape: "hand-written",
    family,
    steps: [
      { text: step1, args: [] },
      { text: step2, args: ["--noflush"] },
    ],
    counters: false,
    ipsets: null,
    tables: new Map([
      ["filter", filter],
      ["nat", nat],
    ]),
  };
}
