/**
 * Addresses as iptables 1.8.9 reads them, per family.
 *
 * - `-s`/`-d` (`xtables_ipparse_multiple`, `xtables_ip6parse_multiple`): a comma list of
 *   `address[/mask]`. IPv4 addresses are libxtables' own dotted numbers, each part
 *   `strtoul(…, 0)` (`010` is 8, `0x0a` is 10), with missing parts filled with zeros (`10` is
 *   10.0.0.0, `10.1` is 10.1.0.0); IPv6 ones are `inet_pton`. The mask is a dotted (or IPv6)
 *   address, any bits (`255.0.255.0` loads), or a prefix length; host bits are cleared, never
 *   refused; with a zero mask the address is ignored (`anything/0` loads). Any other word is a
 *   network (/etc/networks) or host name: "unsure", but for what no host name is (`isNoHostName`:
 *   `10.0.0.256`, `::65536`, `10.0.0.1:80`).
 * - XTTYPE_HOST, HOSTMASK, PLEN, PLENMASK (xtoptions.c): glibc's `getaddrinfo` of the family,
 *   whose IPv4 numbers are `inet_aton`'s (`127.1`, `0x7f000001`).
 *
 * libxtables copies an IPv4 number into a buffer of 20 bytes before reading it, so only its first
 * 19 characters count.
 */
import { isCSpace, xtStrtoul } from "./cnum.js";
import type { AddressReader } from "../options.js";
import { accept, refuse, refuseAfter, unsure, type Family, type OptionSpec, type Parsed, type Unsure } from "./result.js";

/** An address with its mask, host bits cleared as iptables does. IPv4 as one number, IPv6 as 8 groups of 16 bits. */
export interface Network {
  readonly family: Family;
  /** IPv4: a 32-bit number; IPv6: eight 16-bit groups. */
  readonly address: number | readonly number[];
  readonly mask: number | readonly number[];
  /** The prefix length, or null for a mask that is not one (`255.0.255.0`). */
  readonly prefix: number | null;
  /** Whether the address as written had bits outside the mask (iptables clears them). */
  readonly hostBits: boolean;
}

/** `__numeric_to_ipaddr`: libxtables' dotted IPv4 number, or null. With `isMask`, four parts are needed. */
export function numericToIpv4(text: string, isMask: boolean): number | null {
  const buf = text.length > 19 ? text.slice(0, 19) : text;
  let value = 0;
  let from = 0;
  for (let i = 0; i < 3; i++) {
    const dot = buf.indexOf(".", from);
    if (dot === -1) {
      if (isMask) return null;
      const byte = xtStrtoul(buf.slice(from), 0, 0, 255, true);
      if (byte === null) return null;
      return ((value << 8) | byte.value) * 2 ** (8 * (3 - i)) >>> 0;
    }
    const byte = xtStrtoul(buf.slice(from, dot), 0, 0, 255, true);
    if (byte === null) return null;
    value = ((value << 8) | byte.value) >>> 0;
    from = dot + 1;
  }
  const last = xtStrtoul(buf.slice(from), 0, 0, 255, true);
  if (last === null) return null;
  return ((value << 8) | last.value) >>> 0;
}

/** glibc's `inet_aton` as getaddrinfo uses it (the whole word): `a`, `a.b`, `a.b.c`, `a.b.c.d`, each part `strtoul(…, 0)` starting with a digit. */
export function inetAton(text: string): number | null {
  const parts: number[] = [];
  let at = 0;
  for (;;) {
    if (at >= text.length || !(text.charCodeAt(at) >= 0x30 && text.charCodeAt(at) <= 0x39)) return null;
    let base = 10;
    if (text[at] === "0") {
      // strtoul(…, 0): "0x" needs a hex digit after it, else it is the number 0 followed by "x".
      const next = text.charCodeAt(at + 2);
      if ((text[at + 1] === "x" || text[at + 1] === "X") && ((next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x66))) {
        base = 16;
        at += 2;
      } else base = 8;
    }
    let v = 0;
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      let d: number;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (base === 16 && ((c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46))) d = (c | 0x20) - 0x61 + 10;
      else break;
      if (d >= base) return null;
      v = v * base + d;
      if (v > 0xffffffff) return null;
    }
    parts.push(v);
    if (at >= text.length) break;
    if (text[at] !== "." || parts.length === 4) return null;
    at++;
  }
  const last = parts[parts.length - 1];
  const limit = [0xffffffff, 0xffffff, 0xffff, 0xff][parts.length - 1];
  if (last > limit) return null;
  for (let k = 0; k < parts.length - 1; k++) if (parts[k] > 0xff) return null;
  let value = 0;
  for (let k = 0; k < parts.length - 1; k++) value = value * 256 + parts[k];
  return (value * 2 ** (8 * (4 - parts.length + 1)) + last) >>> 0;
}

/** `inet_pton(AF_INET6, …)` (glibc): eight groups, one `::`, an IPv4 tail; no zone, no blanks. */
export function inetPton6(text: string): number[] | null {
  const groups: number[] = [];
  let gap = -1;
  let at = 0;
  if (text.startsWith("::")) {
    gap = 0;
    at = 2;
    if (text.length === 2) return [0, 0, 0, 0, 0, 0, 0, 0];
  } else if (text[0] === ":") return null;
  while (at < text.length) {
    // An IPv4 tail: dotted decimal, no leading zeros.
    const rest = text.slice(at);
    if (rest.indexOf(".") !== -1 && rest.indexOf(":") === -1) {
      const quad = rest.split(".");
      if (quad.length !== 4 || groups.length > 6) return null;
      const bytes: number[] = [];
      for (const q of quad) {
        if (q.length === 0 || q.length > 3 || (q.length > 1 && q[0] === "0")) return null;
        for (let k = 0; k < q.length; k++) if (!(q.charCodeAt(k) >= 0x30 && q.charCodeAt(k) <= 0x39)) return null;
        const v = Number(q);
        if (v > 255) return null;
        bytes.push(v);
      }
      groups.push((bytes[0] << 8) | bytes[1], (bytes[2] << 8) | bytes[3]);
      at = text.length;
      break;
    }
    let v = 0;
    let n = 0;
    while (at < text.length && n < 5) {
      const c = text.charCodeAt(at);
      let d: number;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if ((c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)) d = (c | 0x20) - 0x61 + 10;
      else break;
      v = v * 16 + d;
      n++;
      at++;
    }
    if (n === 0 || n > 4) return null;
    groups.push(v);
    if (groups.length > 8) return null;
    if (at === text.length) break;
    if (text[at] !== ":") return null;
    at++;
    if (text[at] === ":") {
      if (gap !== -1) return null;
      gap = groups.length;
      at++;
      if (at === text.length) break;
    } else if (at === text.length) return null;
  }
  if (gap === -1) return groups.length === 8 ? groups : null;
  if (groups.length > 7) return null;
  return [...groups.slice(0, gap), ...new Array(8 - groups.length).fill(0), ...groups.slice(gap)];
}

const v4MaskOf = (prefix: number): number => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
const v6MaskOf = (prefix: number): number[] => Array.from({ length: 8 }, (_, k) => (prefix >= 16 * (k + 1) ? 0xffff : prefix <= 16 * k ? 0 : (0xffff << (16 - (prefix - 16 * k))) & 0xffff));

/** The prefix length of a contiguous mask, else null (`xtables_ipmask_to_cidr`, `xtables_ip6mask_to_cidr`). */
export function prefixOfMask(mask: number | readonly number[]): number | null {
  const groups = typeof mask === "number" ? [mask >>> 16, mask & 0xffff] : mask;
  let bits = 0;
  let k = 0;
  while (k < groups.length && groups[k] === 0xffff) {
    bits += 16;
    k++;
  }
  if (k < groups.length) {
    const g = groups[k];
    let ones = 0;
    while (ones < 16 && (g & (0x8000 >> ones)) !== 0) ones++;
    if ((g & ~(0xffff << (16 - ones))) !== 0 || (ones < 16 && (g & (0xffff >> ones)) !== 0)) return null;
    bits += ones;
    for (k++; k < groups.length; k++) if (groups[k] !== 0) return null;
  }
  return bits;
}

/**
 * A name no resolver gives an address: empty, or a lone `!` (`-s ! -d x`, an old negation whose
 * value is gone: getopt gives `-s` the `!`; no DNS name is `!`, and no hosts file on a node
 * iptables runs on names one).
 */
const isEmptyName = (name: string): boolean => name.length === 0 || name === "!";

/**
 * glibc's getaddrinfo for AF_INET takes an IPv4-mapped IPv6 literal (`::ffff:1.2.3.4`) as its
 * IPv4 address; any other IPv6 literal has no IPv4 address.
 */
function v4Mapped(name: string): number | null | undefined {
  if (name.indexOf(":") === -1) return undefined;
  const g = inetPton6(name);
  if (g === null) return undefined;
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) return ((g[6] << 16) | g[7]) >>> 0;
  return null;
}

function networkOf(family: Family, address: number | number[], mask: number | number[]): Network {
  if (family === 4) {
    const a = address as number;
    const m = mask as number;
    return { family, address: (a & m) >>> 0, mask: m, prefix: prefixOfMask(m), hostBits: (a & ~m) >>> 0 !== 0 };
  }
  const a = address as number[];
  const m = mask as number[];
  return { family, address: a.map((g, k) => g & m[k]), mask: m, prefix: prefixOfMask(m), hostBits: a.some((g, k) => (g & ~m[k] & 0xffff) !== 0) };
}

/** One `address[/mask]` of `-s`/`-d`: a network, "unsure" for a name, or iptables' refusal. */
function parseGenericOne(item: string, family: Family): Parsed<Network> {
  const slash = item.lastIndexOf("/");
  const name = slash === -1 ? item : item.slice(0, slash);
  let mask: number | number[];
  if (slash === -1) mask = family === 4 ? 0xffffffff : v6MaskOf(128);
  else {
    const text = item.slice(slash + 1);
    const numeric = family === 4 ? numericToIpv4(text, true) : inetPton6(text);
    if (numeric !== null) mask = numeric;
    else {
      const bits = xtStrtoul(text, 0, 0, family === 4 ? 32 : 128, true);
      if (bits === null) return refuse(`invalid mask \`${text}' specified`);
      mask = family === 4 ? v4MaskOf(bits.value) : v6MaskOf(bits.value);
    }
  }
  const zero = typeof mask === "number" ? mask === 0 : mask.every((g) => g === 0);
  if (zero) return accept(networkOf(family, family === 4 ? 0 : [0, 0, 0, 0, 0, 0, 0, 0], mask));
  const address = family === 4 ? numericToIpv4(name, false) : inetPton6(name);
  if (address !== null) return accept(networkOf(family, address, mask));
  if (family === 4) {
    const mapped = v4Mapped(name);
    if (mapped !== undefined && mapped !== null) return accept(networkOf(family, mapped, mask));
    if (mapped === null) return refuse(`host/network \`${name}' not found`);
  }
  // A name: /etc/networks (IPv4), /etc/hosts or DNS decide, except for what no resolver takes:
  // nothing, an IPv4 address in ip6tables, and what no host name is (`10.0.0.256`, `::65536`,
  // `10.0.0.1:80`). getaddrinfo reads IPv4 numbers as inet_aton does (`1.2.65535` loads, 1.2.255.255).
  const asIpv4 = inetAton(name);
  const noName = family === 6 ? asIpv4 !== null || isNoHostName(name, family) : asIpv4 === null && isNoHostName(name, family);
  if (isEmptyName(name) || noName) return refuse(`host/network \`${name}' not found`);
  return unsure(`whether the node resolves the ${family === 4 ? "network or host" : "host"} name "${name}"`);
}

/**
 * Whether `name`, no address of the family, is no host name either, so that no resolver finds
 * it: it has a colon (`10.0.0.1:80`, `::65536`: no host name has one; in ip6tables a scoped
 * address, `fe80::1%eth0`, is getaddrinfo's to read), or the label after its last dot is all
 * digits (`10.0.0.256`, `-1.0.0.0`, `foo.123`: no top-level domain is), or it starts with a `-`
 * (no host name does, RFC 1123: it is the next option word, taken as the value of an option
 * given none, `--mask --rsource`). Measured, both backends and families: "host/network ... not
 * found", "getaddrinfo: Name or service not known". (Only a search domain with a wildcard record,
 * or /etc/hosts naming such a host, could find such a name, which a node does not rely on.)
 */
function isNoHostName(name: string, family: Family): boolean {
  if (name.startsWith("-")) return true;
  if (name.includes(":")) return family === 4 || !name.includes("%");
  // A name may end in the root's dot (`foo.123.`); one with no dot at all is inet_aton's (`123`).
  const absolute = name.endsWith(".") ? name.slice(0, -1) : name;
  const dot = absolute.lastIndexOf(".");
  return (dot !== -1 || absolute !== name) && /^[0-9]+$/.test(absolute.slice(dot + 1));
}

/**
 * `-s`/`-d` with its value: the networks of the comma list, in order (a name, resolved on the
 * node, may stand for several).
 */
export function parseAddressList(word: string, family: Family): Parsed<readonly Network[]> {
  const networks: Network[] = [];
  let pending: Unsure | null = null;
  let from = 0;
  for (;;) {
    while (from < word.length && isCSpace(word.charCodeAt(from))) from++;
    const comma = word.indexOf(",", from);
    const item = word.slice(from, comma === -1 ? word.length : comma);
    if (item.length > 255) return refuseAfter(refuse("Hostname too long"), pending);
    const one = parseGenericOne(item, family);
    if (one.kind === "refused") return refuseAfter(one, pending);
    if (one.kind === "unsure") pending ??= one;
    else networks.push(one.value);
    if (comma === -1) break;
    from = comma + 1;
  }
  return pending ?? accept(networks);
}

/** An iprange range; `reversed` when `from` is above `to`, which no address is between. */
export interface IpRange {
  from: Network;
  to: Network;
  reversed: boolean;
}

/**
 * iprange's `--src-range`/`--dst-range` (libxt_iprange.c, revision 1, which iptables 1.8.9 uses):
 * `from-to`, or one address for both, each a number of the family and never a name
 * (`xtables_numeric_to_ipaddr`, as `-s` reads numbers; `xtables_numeric_to_ip6addr`). A reversed
 * range loads, with a warning on standard error ("... is reversed and will never match").
 */
export function parseIpRange(word: string, family: Family, option: string): Parsed<IpRange> {
  const dash = word.indexOf("-");
  const ends = dash === -1 ? [word, word] : [word.slice(0, dash), word.slice(dash + 1)];
  const networks: Network[] = [];
  for (const end of ends) {
    const address = family === 4 ? numericToIpv4(end, false) : inetPton6(end);
    if (address === null) return refuse(`iprange: Bad value for "${option}" option: "${end}"`);
    networks.push(networkOf(family, address, family === 4 ? 0xffffffff : v6MaskOf(128)));
  }
  const [from, to] = networks;
  return accept({ from, to, reversed: compareAddresses(from.address, to.address) > 0 });
}

/** The order of two addresses of one family, as the kernel's memcmp of them in network byte order. */
function compareAddresses(a: number | readonly number[], b: number | readonly number[]): number {
  if (typeof a === "number" || typeof b === "number") return Math.sign((a as number) - (b as number));
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return Math.sign(a[k] - b[k]);
  return 0;
}

/** XTTYPE_HOST: one address of the family (a name: "unsure"). */
export function parseHost(word: string, family: Family): Parsed<Network> {
  const mapped = family === 4 ? v4Mapped(word) : undefined;
  const address = family === 4 ? (inetAton(word) ?? mapped ?? null) : inetPton6(word);
  if (address !== null) return accept(networkOf(family, address, family === 4 ? 0xffffffff : v6MaskOf(128)));
  // What getaddrinfo refuses whatever the node's files and DNS hold (measured, both backends): the
  // other family's literal (`ff02::1` in iptables, `127.1` in ip6tables), and a colon or a slash
  // in what is no literal (`10.0.0.1:80`, `10.0.0.0/8`; with a scope, `fe80::1%eth0`, the node's
  // interfaces tell); and a leading `-`, which no host name has (the next option word, taken as
  // the value of an option given none: `--mask --rsource`).
  if (family === 4 ? mapped === null : inetAton(word) !== null) return refuse("getaddrinfo: Address family for hostname not supported");
  if (((word.includes(":") || word.includes("/")) && !word.includes("%")) || word.startsWith("-")) return refuse("getaddrinfo: Name or service not known");
  return unsure(`whether the node resolves the host name "${word}" to one ${family === 4 ? "IPv4" : "IPv6"} address`);
}

/**
 * XTTYPE_PLEN: a prefix length `0..32` (`0..128`), or a mask written as an address of the
 * family, which gives its prefix length (null: not contiguous; iptables then keeps 255).
 */
export function parsePrefixLength(word: string, family: Family, spec: OptionSpec): Parsed<{ prefix: number | null; mask: number | readonly number[] }> {
  const hlen = family === 4 ? 32 : 128;
  const bits = xtStrtoul(word, 0, 0, hlen, true);
  if (bits !== null) return accept({ prefix: bits.value, mask: family === 4 ? v4MaskOf(bits.value) : v6MaskOf(bits.value) });
  const mask = family === 4 ? inetAton(word) : inetPton6(word);
  if (mask !== null) {
    const prefix = prefixOfMask(mask);
    // iptables stores a non-contiguous mask's -1 in 8 bits (255), and PLENMASK then builds all ones.
    return accept({ prefix, mask: prefix === null ? (family === 4 ? 0xffffffff : v6MaskOf(128)) : family === 4 ? v4MaskOf(prefix) : v6MaskOf(prefix) });
  }
  return refuse(`${spec.extension}: bad value for option "--${spec.option}", neither a valid network mask nor valid CIDR (0-${hlen}).`);
}

/** XTTYPE_HOSTMASK: `host[/prefix-or-mask]`, split at the first `/`. */
export function parseHostMask(word: string, family: Family, spec: OptionSpec): Parsed<Network> {
  const slash = word.indexOf("/");
  if (slash === -1) return parseHost(word, family);
  const host = parseHost(word.slice(0, slash), family);
  const plen = parsePrefixLength(word.slice(slash + 1), family, spec);
  if (host.kind === "refused") return host;
  if (host.kind === "unsure") return plen.kind === "refused" ? refuseAfter(plen, host) : host;
  if (plen.kind !== "value") return plen;
  const a = host.value.address as number | number[];
  return accept(networkOf(family, a, plen.value.mask as number | number[]));
}

/** An IPv4 address as dotted decimal. */
export const formatIpv4 = (n: number): string => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/**
 * An IPv6 address as glibc's `inet_ntop` (and so iptables-save) prints it: lower-case hex, the
 * longest run of two or more zero groups (the first of equal runs) as `::`, and an IPv4 tail for
 * IPv4-compatible and -mapped addresses.
 */
export function formatIpv6(groups: readonly number[]): string {
  let bestBase = -1;
  let bestLen = 0;
  for (let k = 0; k < 8; ) {
    if (groups[k] !== 0) {
      k++;
      continue;
    }
    let end = k;
    while (end < 8 && groups[end] === 0) end++;
    if (end - k > bestLen) [bestBase, bestLen] = [k, end - k];
    k = end;
  }
  if (bestLen < 2) bestBase = -1;
  let out = "";
  for (let k = 0; k < 8; k++) {
    if (bestBase !== -1 && k >= bestBase && k < bestBase + bestLen) {
      if (k === bestBase) out += ":";
      continue;
    }
    if (k !== 0) out += ":";
    if (k === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 7 && groups[7] !== 1) || (bestLen === 5 && groups[5] === 0xffff))) {
      out += `${groups[6] >>> 8}.${groups[6] & 255}.${groups[7] >>> 8}.${groups[7] & 255}`;
      break;
    }
    out += groups[k].toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ":";
  return out;
}

const WRITTEN_V4 = /^\d{1,3}(\.\d{1,3}){3}(\/[\d.]+)?$/;

/**
 * Whether an address of an option glibc's getaddrinfo reads (`-s`, `-d`, and HOST and HOSTMASK
 * options such as `--ctorigsrc`, `--gateway`, NETMAP's `--to`), written `address[/mask]`, is an
 * IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, `0:0:0:0:0:ffff:102:304`): in an iptables
 * ruleset it is its IPv4 address, and loads (measured, both backends). NAT and iprange
 * addresses are read as numbers, and refuse it.
 */
function isV4MappedHost(address: string): boolean {
  const slash = address.indexOf("/");
  const mapped = v4Mapped(slash === -1 ? address : address.slice(0, slash));
  return mapped !== undefined && mapped !== null;
}

/**
 * Whether an address (`address[/mask]`, a NAT or range address without brackets) is the other
 * family's in a ruleset of `family`, so that iptables of `family` refuses it: written as the other
 * family writes them, an IPv6 one an address (`12ce6:15965/ffff:ffff::` is nobody's: the value's
 * own parser says what iptables does with it), and refused where it is read: `-s 2001:db8::1/0`
 * loads in an iptables ruleset (a zero mask), and so does `-s ::ffff:1.2.3.4` where getaddrinfo
 * maps it to its IPv4 address (measured, both backends).
 */
export function isOtherFamilysAddress(address: string, family: Family, reader: AddressReader): boolean {
  const other = family === 4 ? 6 : 4;
  if (writtenFamily(address) !== other) return false;
  if (other === 6) {
    const slash = address.indexOf("/");
    if (inetPton6(slash === -1 ? address : address.slice(0, slash)) === null) return false;
  }
  if (reader === "generic") return parseAddressList(address, family).kind === "refused";
  return !(reader === "host" && family === 4 && isV4MappedHost(address));
}

/** The family an address is written in (`10.0.0.0/8`, `2001:db8::/32`, `[2001:db8::1]`), or null for a name: a look at the text, not a parse. */
export function writtenFamily(text: string): Family | null {
  if (text.startsWith("[") || (text.match(/:/g)?.length ?? 0) >= 2) return 6;
  if (WRITTEN_V4.test(text)) return 4;
  return null;
}
