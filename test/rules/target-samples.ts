/**
 * A sample of every target of netfilter/targets.ts' BINDINGS that loads where the kernel allows
 * it, and where the binding table says it loads: shared by test/rules/target-not-allowed-here.test.ts
 * (built-in chains, and user chains for a few targets) and test/conformance/places.test.ts
 * (every placement).
 */
import { BINDINGS } from "../../rules/netfilter/index.js";
import type { Backend } from "../helpers/netfilter.js";

/** Options that make each target loadable where the kernel allows it (`-p` first, then the target's). */
export const SAMPLES: Readonly<Record<string, { before?: string; v4?: string; v6?: string }>> = {
  MASQUERADE: {},
  SNAT: { v4: "--to-source 192.0.2.1", v6: "--to-source 2001:db8::1" },
  DNAT: { v4: "--to-destination 192.0.2.1", v6: "--to-destination 2001:db8::1" },
  REDIRECT: {},
  NETMAP: { v4: "--to 192.0.2.0/24", v6: "--to 2001:db8::/64" },
  REJECT: {},
  TPROXY: { before: "-p tcp", v4: "--on-port 1234", v6: "--on-port 1234" },
  CT: { v4: "--notrack", v6: "--notrack" },
  NOTRACK: {},
  TRACE: {},
  TTL: { v4: "--ttl-set 64" },
  HL: { v6: "--hl-set 64" },
  TOS: { v4: "--set-tos 0x10", v6: "--set-tos 0x10" },
  DSCP: { v4: "--set-dscp 0x01", v6: "--set-dscp 0x01" },
  ECN: { before: "-p tcp", v4: "--ecn-tcp-remove" },
  CHECKSUM: { v4: "--checksum-fill", v6: "--checksum-fill" },
  TCPOPTSTRIP: { before: "-p tcp", v4: "--strip-options timestamp", v6: "--strip-options timestamp" },
  DNPT: { v6: "--src-pfx 2001:db8::/64 --dst-pfx 2001:db9::/64" },
  SNPT: { v6: "--src-pfx 2001:db8::/64 --dst-pfx 2001:db9::/64" },
  // SECMARK needs an SELinux context the test machine may not have: left out.
  CONNSECMARK: { v4: "--save", v6: "--save" },
  CLASSIFY: { v4: "--set-class 0001:0001", v6: "--set-class 0001:0001" },
  SYNPROXY: { before: "-p tcp", v4: "--mss 1460", v6: "--mss 1460" },
  TCPMSS: { before: "-p tcp --tcp-flags SYN,RST SYN", v4: "--clamp-mss-to-pmtu", v6: "--clamp-mss-to-pmtu" },
};

export const isV6Only = (name: string) => SAMPLES[name].v4 === undefined && SAMPLES[name].v6 !== undefined;
export const isV4Only = (name: string) => SAMPLES[name].v6 === undefined && SAMPLES[name].v4 !== undefined;

/** Whether the binding table says the target loads there, with this backend. */
export function predicted(name: string, table: string, hooks: string[], backend: Backend, inUserChain: boolean): boolean {
  const binding = BINDINGS[name];
  if (binding.tables && !binding.tables.includes(table) && !(binding.tableLegacyOnly && backend === "nft")) return false;
  if (binding.hooks && hooks.some((h) => !binding.hooks!.includes(h as never))) {
    if (binding.hooksCheckedInBuiltinOnlyByNft && backend === "nft" && inUserChain) return true;
    return false;
  }
  return true;
}

