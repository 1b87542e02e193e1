/**
 * Addresses as the packet walk keeps them: one bigint per address (32 bits for IPv4, 128 for
 * IPv6), so that a network test is `(address & mask) === network` in either family and an
 * address is a Map key by value.
 */
import { formatIpv4, formatIpv6, inetPton6, type Family, type Network } from "../netfilter/index.js";

/** A network: the address bits under `mask`. */
export interface Net {
  readonly network: bigint;
  readonly mask: bigint;
  /** Its prefix length, or null for a mask that is not one. */
  readonly prefix: number | null;
  /** One address (a mask of all ones). */
  readonly exact?: boolean;
}

const V4_DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export const bitsOf = (family: Family): number => (family === 4 ? 32 : 128);
export const allOnes = (family: Family): bigint => (family === 4 ? 0xffffffffn : (1n << 128n) - 1n);

/** IPv4's 33 masks, made once (the walk reads a network per rule). */
const masks4: bigint[] = [];

/** The mask of a prefix length. */
export function prefixMask(family: Family, prefix: number): bigint {
  if (family === 4 && Number.isInteger(prefix) && prefix >= 0 && prefix <= 32) return (masks4[prefix] ??= maskOf(4, prefix));
  return maskOf(family, prefix);
}

function maskOf(family: Family, prefix: number): bigint {
  const bits = BigInt(bitsOf(family));
  return prefix === 0 ? 0n : (allOnes(family) >> (bits - BigInt(prefix))) << (bits - BigInt(prefix));
}

/** A numeric address as a person writes it (dotted quad, or IPv6 as inet_pton reads it), with its family; null otherwise. */
export function parseAddress(text: string): { family: Family; address: bigint } | null {
  const v4 = dottedQuad(text);
  if (v4 !== -1) return { family: 4, address: BigInt(v4) };
  const m = V4_DOTTED.exec(text);
  if (m !== null) {
    const parts = m.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return null;
    return { family: 4, address: BigInt(((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0) };
  }
  if (!text.includes(":")) return null;
  const groups = inetPton6(text);
  if (groups === null) return null;
  return { family: 6, address: groupsToBig(groups) };
}

/**
 * What V4_DOTTED reads, without a regular expression (the walk reads an address per rule and
 * packet): four groups of one to three digits, each at most 255, as a number; -1 otherwise.
 */
function dottedQuad(text: string): number {
  let value = 0;
  let group = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (++digits > 3) return -1;
      group = group * 10 + (c - 0x30);
    } else if (c === 0x2e && digits > 0 && dots < 3) {
      if (group > 255) return -1;
      value = value * 256 + group;
      group = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || group > 255) return -1;
  return value * 256 + group;
}

/** `address[/prefix]` of one family, or null. */
export function parseNet(text: string, family?: Family): Net | null {
  const slash = text.indexOf("/");
  const a = parseAddress(slash === -1 ? text : text.slice(0, slash));
  if (a === null || (family !== undefined && a.family !== family)) return null;
  const bits = bitsOf(a.family);
  const prefix = slash === -1 ? bits : /^\d{1,3}$/.test(text.slice(slash + 1)) ? Number(text.slice(slash + 1)) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return null;
  const mask = prefixMask(a.family, prefix);
  return { network: a.address & mask, mask, prefix, exact: prefix === bits };
}

function groupsToBig(groups: readonly number[]): bigint {
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v;
}

function bigToGroups(v: bigint): number[] {
  const groups: number[] = [];
  for (let k = 7; k >= 0; k--) groups.push(Number((v >> BigInt(16 * k)) & 0xffffn));
  return groups;
}

/** A network of the value parsers (netfilter/values) as the walk keeps it. */
export function netOf(n: Network): Net {
  const toBig = (x: number | readonly number[]): bigint => (typeof x === "number" ? BigInt(x >>> 0) : groupsToBig(x));
  const mask = toBig(n.mask);
  return { network: toBig(n.address) & mask, mask, prefix: n.prefix, exact: mask === allOnes(n.family) };
}

/** Whether the address is in the network (an exact network is compared without a bigint `&`, which allocates). */
export const inNet = (address: bigint, net: Net): boolean => (net.exact === true ? address === net.network : (address & net.mask) === net.network);

/** An address as iptables-save prints it. */
export const formatAddress = (family: Family, address: bigint): string =>
  family === 4 ? formatIpv4(Number(address)) : formatIpv6(bigToGroups(address));

export function formatNet(family: Family, net: Net): string {
  const text = formatAddress(family, net.network);
  return net.prefix === bitsOf(family) ? text : `${text}/${net.prefix ?? formatAddress(family, net.mask)}`;
}
