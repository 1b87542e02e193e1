/** `iptlint init` writes a commented configuration; `iptlint print-config` shows the one in force. */
import type { Command } from "commander";
import { join, resolve } from "node:path";
import { allRules } from "../../../rules/index.js";
import { resolveSettings } from "../../config/resolve.js";
import { UsageError } from "../errors.js";
import type { CliIo } from "../io.js";
import type { CommandState } from "./shared.js";

const CONFIG_FILE = ".iptlintrc.yaml";

/** The configuration `init` writes: every key, commented, with the defaults. */
export function initialConfig(): string {
  const rules = allRules.map((r) => `#   # ${r.description}\n#   ${r.id}: ${r.severity}`).join("\n");
  return `# yaml-language-server: $schema=./node_modules/iptlint/src/config/iptlint.schema.json
# iptlint configuration, found from each linted file's folder upward.

# What is known of the nodes these rulesets come from; it weighs the findings. The command
# line's --kernel-version, --kubernetes-version and --iptables-version take precedence.
# node:
#   kernelVersion: 5.4.0-107-generic   # uname -r
#   kubernetesVersion: v1.18.2
#   iptablesVersion: 1.8.4             # iptables --version

# The severity of each rule: off, info, warning or error. A rule left out weighs each finding
# itself (masquerade-mark-not-cleared: error or warning, by the node); one given a severity
# reports every finding at it.
# rules:
${rules}

# Settings for some files only, by glob relative to this file's folder.
# overrides:
#   - files: ["nodes/legacy-*/**"]
#     node: { kernelVersion: 3.10.0-1127.el7.x86_64 }

# Files never to lint.
# ignores: ["archive/**"]

# Suppressions (# iptlint-disable ...) that suppress nothing: off, info, warning or error.
reportUnusedSuppressions: warning
`;
}

const CASES_FILE = "packets.yaml";

/** The packet cases `init --cases` writes: one case of each kind, for `iptlint test`. */
export function initialCases(): string {
  return `# yaml-language-server: $schema=./node_modules/iptlint/src/cases/iptlint-cases.schema.json
# Packet cases for \`iptlint test rules.v4 rules.v6 --cases ${CASES_FILE}\`: each packet is walked through
# the rulesets as the kernel would, and every expectation must hold (exit 1 when one does not).

# What is known of the node, for every case (a case's own \`node\` wins key by key). Without its
# addresses and routes, the walk cannot tell local delivery from forwarding and follows both ways.
node:
  local: [192.168.1.10]                 # or addresses: addr.json  (ip -j addr > addr.json)
  route:                                # or routes: [route.json]  (ip -4 -j route show table all > route.json)
    - 10.244.0.0/16 dev cni0
    - default dev eth0 via 192.168.1.1
  # ipRules: rule.json                  # ip -4 -j rule > rule.json (routing by mark: ip rule fwmark ...)
  # ipset: ipset.txt                    # ipset save > ipset.txt

cases:
  - name: ssh to the node is open
    packet: tcp 203.0.113.7:40000 -> 192.168.1.10:22 in eth0
    expect:
      verdict: accept                   # accept, drop, reject or queue
      delivery: local                   # local, forward or out (sent by the node)
      reaches: INPUT                    # hooks it enters: PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING

  - name: telnet is closed
    packet: tcp 203.0.113.7:40000 -> 192.168.1.10:23 in eth0
    expect: { verdict: drop }

  - name: the DNS service reaches one of its endpoints
    packet: udp 10.244.1.9:40000 -> 10.96.0.10:53 in cni0
    # A random pick (-m statistic) gives one outcome per endpoint. Every expectation must hold in
    # every outcome (outcomes: all, the default); \`outcomes: any\` asks for one outcome only.
    expect:
      dnat: [10.244.1.5:53, 10.244.2.7:53]   # rewritten to one of these; true / false: rewritten or not
      delivery: forward

  - name: traffic to the world leaves masqueraded and marked
    packet: tcp 10.244.1.9:40000 -> 198.51.100.1:443 in cni0
    state: new                          # new (default), established, related, invalid
    mark: 0x0                           # the mark it arrives with
    expect:
      snat: true
      outInterface: eth0
      mark: 0x0/0x4000                  # value/mask: only the mask's bits are checked
`;
}

export function registerInit(program: Command, io: CliIo, _state: CommandState): void {
  program
    .command("init")
    .description(`write a commented ${CONFIG_FILE} in the current folder (--cases: an example ${CASES_FILE} for \`iptlint test\`)`)
    .option("--cases", `write an example of packet cases, ${CASES_FILE}, instead`)
    .action(async (options: { cases?: boolean }) => {
      const path = join(io.cwd, options.cases ? CASES_FILE : CONFIG_FILE);
      try {
        await io.writeNewFile(path, options.cases ? initialCases() : initialConfig());
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`init: ${path} exists already; not overwritten`);
        throw error;
      }
      io.stdout.write(`wrote ${path}\n`);
    });
}

export function registerPrintConfig(program: Command, io: CliIo, _state: CommandState): void {
  program
    .command("print-config")
    .description("print the configuration that applies to a file (or to the current folder)")
    .argument("[path]", "a ruleset file")
    .action(async (path: string | undefined) => {
      const directory = path === undefined ? io.cwd : resolve(io.cwd, path, "..");
      const loaded = await io.loadConfig({ directory });
      const settings = resolveSettings(loaded, path);
      const printable = {
        configFile: loaded.filePath ?? null,
        ignored: settings.ignored,
        node: settings.node,
        rules: Object.fromEntries([...settings.rules].map(([id, { severity, options }]) => [id, options === undefined ? severity : [severity, options]])),
        reportUnusedSuppressions: settings.reportUnusedSuppressions,
      };
      io.stdout.write(JSON.stringify(printable, null, 2) + "\n");
    });
}
