/**
 * kube-localnet-exposed: kube-proxy (iptables mode) serves NodePorts on 127.0.0.1, for which it
 * sets `net.ipv4.conf.all.route_localnet=1`, and no filter rule reached from INPUT drops packets
 * to 127.0.0.0/8: other hosts on the link can then reach services bound to 127.0.0.1 on the node
 * (CVE-2020-8558). See README.md beside this file.
 */
import type { CommandLine, Document } from "../../grammar/index.js";
import { lineNo, NONE, type TableModel } from "../model/index.js";
import { parseGenericAddresses, type Network } from "../netfilter/index.js";
import type { RuleModule } from "../types.js";

const ID = "kube-localnet-exposed";

const LOOPBACK_HOST = 0x7f000001;
const LOOPBACK_NET = 0x7f000000;
const DESTINATION = new Set(["-d", "--destination", "--dst"]);

export const kubeLocalnetExposed: RuleModule = {
  id: ID,
  description: "kube-proxy serves NodePorts on 127.0.0.1 (route_localnet=1) and no INPUT rule drops other hosts' packets to 127.0.0.0/8 (CVE-2020-8558)",
  severity: "warning",
  fixable: false,
  check(context) {
    const { model, document } = context;
    // route_localnet is IPv4's; ip6tables dumps never have the hole.
    if (model.family()?.family === 6) return;
    const nat = model.tables().find((t) => t.table.name === "nat");
    const filter = model.tables().find((t) => t.table.name === "filter");
    if (nat === undefined || filter === undefined || filter.partial) return;
    // No NodePort service yet: nothing is served on 127.0.0.1.
    if (!nat.chains.get("KUBE-NODEPORTS")?.rules.length) return;
    const jump = localhostNodePortsJump(document, nat);
    if (jump === null) return;
    if (inputDropsByDefault(filter)) return;
    if (hasLocalnetGuard(document, filter)) return;
    context.report({
      range: jump.range,
      message: "NodePorts on 127.0.0.1 need route_localnet=1, and no INPUT rule drops outside packets to 127.0.0.0/8: neighbours reach services bound to 127.0.0.1",
    });
  },
};

/**
 * The rule that sends local destinations to KUBE-NODEPORTS and takes 127.0.0.0/8 too: kube-proxy's
 * `-m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`, unless `--iptables-localhost-nodeports=false`
 * added `! -d 127.0.0.0/8`; or `-d 127.0.0.1/32 -j KUBE-NODEPORTS` from `--nodeport-addresses`.
 */
function localhostNodePortsJump(document: Document, nat: TableModel): CommandLine | null {
  for (const n of nat.linesTargeting("KUBE-NODEPORTS")) {
    const line = document.line(n) as CommandLine;
    if (line.command !== "append" && line.command !== "insert") continue;
    const destinations = destinationsOf(line);
    if (destinations === null) continue;
    const takesLoopback = destinations.every(({ negated, networks }) =>
      negated ? !networks.some((net) => contains(net, LOOPBACK_HOST)) : networks.some((net) => contains(net, LOOPBACK_HOST)),
    );
    if (takesLoopback) return line;
  }
  return null;
}

/** Whether a filter rule reached from INPUT drops or rejects packets to all of 127.0.0.0/8 (kubelet's and kube-proxy's guard, or a distribution's martian rule). */
function hasLocalnetGuard(document: Document, filter: TableModel): boolean {
  // Every DROP and REJECT, not the lines whose text has `127.0.0.`: the guard may be written
  // `127.255.255.255/8` or with quotes inside a word (`12"7.0.0.0/8"`), as iptables reads it.
  for (const n of [...filter.linesTargeting("DROP"), ...filter.linesTargeting("REJECT")]) {
    const line = document.line(n) as CommandLine;
    const chain = filter.chainOf(lineNo(line));
    if (chain === NONE || (line.command !== "append" && line.command !== "insert")) continue;
    const destinations = destinationsOf(line);
    const guards = destinations !== null && destinations.some(({ negated, networks }) => !negated && networks.some((net) => coversLoopbackNet(net)));
    if (guards && filter.hooks.reaches("INPUT", chain)) return true;
  }
  return false;
}

/** INPUT's policy is DROP: whether outside packets to 127.0.0.1 get through depends on its ACCEPT rules, which this rule does not weigh. */
function inputDropsByDefault(filter: TableModel): boolean {
  return (
    filter.policyDeclarations.some((d) => d.name === "INPUT" && d.policy === "DROP") ||
    filter.policyCommands.some((c) => c.chain === "INPUT" && c.positional[1]?.value === "DROP")
  );
}

/** The line's destination options, each with its networks; null when a value is not plain addresses. */
function destinationsOf(line: CommandLine): { negated: boolean; networks: readonly Network[] }[] | null {
  const view = line.view;
  const out: { negated: boolean; networks: readonly Network[] }[] = [];
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "generic" || !DESTINATION.has(view.name(i))) continue;
    const value = view.value(i);
    const parsed = value === null ? null : parseGenericAddresses(value, 4);
    if (parsed === null || parsed.kind !== "value") return null;
    out.push({ negated: view.negated(i), networks: parsed.value });
  }
  return out;
}

const maskOf = (net: Network): number => (typeof net.mask === "number" ? net.mask : 0);
const addressOf = (net: Network): number => (typeof net.address === "number" ? net.address : -1);

function contains(net: Network, host: number): boolean {
  return net.family === 4 && ((host & maskOf(net)) >>> 0) === addressOf(net) >>> 0;
}

function coversLoopbackNet(net: Network): boolean {
  return net.family === 4 && net.prefix !== null && net.prefix <= 8 && contains(net, LOOPBACK_NET);
}
