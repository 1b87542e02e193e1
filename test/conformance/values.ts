/**
 * The differential test of the value parsers (rules/netfilter/values/) against the real
 * iptables-restore --test: each generated word is put in a rule through a "vehicle" (an option
 * that reads that type of value, in a rule that loads with a good value), many rules to one
 * restore, one table each, as in differential.ts. For every word the parser's verdict (value or
 * refusal) must be iptables' (loads or not), and a refusal's message iptables' message.
 */
import { readFileSync } from "node:fs";
import { release } from "node:os";
import fc from "fast-check";
import type { Backend, Family } from "../helpers/netfilter.js";
import type { NamespaceShell } from "./differential.js";
import * as v from "../../rules/netfilter/values/index.js";

export interface Vehicle {
  /** What is tested, e.g. `tcp --dport`. */
  name: string;
  families: readonly Family[];
  table: "filter" | "mangle" | "nat";
  /** The rule's words after `-A <chain>`, with the value in it (already quoted). */
  rule(quotedWord: string, family: Family): string;
  parse(word: string, family: Family): v.Parsed<unknown>;
  words: fc.Arbitrary<string>;
}

/** A word as iptables-restore reads it back exactly: in double quotes, `"` and `\` escaped. */
export const quote = (word: string): string => `"${word.replace(/["\\]/g, "\\$&")}"`;

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Garbage: short words of characters that matter to C's number and list readers. */
const garbage = fc.string({ unit: fc.constantFrom(..."0123456789abcdefxX:/,.-+ !#%ſ\tZ"), maxLength: 8 });
/** A number in any of strtoul's spellings, and past the edges. */
const numberIn = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.integer({ min: 0, max }).map(String),
    fc.integer({ min: 0, max }).map((n) => `0x${n.toString(16)}`),
    fc.integer({ min: 0, max }).map((n) => `0${n.toString(8)}`),
    fc.integer({ min: 0, max }).map((n) => `${pickSpace(n)}${n}`),
    pick(String(max), String(max + 1), "-1", "-0", "+5", "0x", "08", "09", "1e3", String(2 ** 32), String(2 ** 64), "18446744073709551615", "99999999999999999999999"),
  );
const pickSpace = (n: number): string => [" ", "+", "\t", "", "0"][n % 5];
const longWord = (n: number) => fc.integer({ min: n - 2, max: n + 3 }).map((k) => "x".repeat(k));

const portWord = fc.oneof(numberIn(65535), pick("http", "ssh", "domain", "ntp", "bootps", "nosuchservice", "", "80x", "0x50", "010"), garbage);
const rangeOf = (part: fc.Arbitrary<string>) => fc.oneof(part, fc.tuple(part, part).map(([a, b]) => `${a}:${b}`), part.map((a) => `${a}:`), part.map((a) => `:${a}`), fc.tuple(part, part, part).map((p) => p.join(":")));
const listOf = (part: fc.Arbitrary<string>, max: number) => fc.array(part, { minLength: 1, maxLength: max }).map((p) => p.join(","));

const v4Address = fc.oneof(
  fc.tuple(fc.nat(300), fc.nat(255), fc.nat(255), fc.nat(260)).map((p) => p.join(".")),
  pick("10", "10.1", "1.2.3", "010.0.0.1", "0x0a.0.0.1", "1.2.3.4.5", "1..2.3", "", "localhost-nope", "2001:db8::1", "0001.002.003.0000004", "255.255.255.255", "0"),
);
const v6Address = fc.oneof(
  fc.array(fc.nat(0x1ffff).map((n) => n.toString(16)), { minLength: 1, maxLength: 9 }).map((g) => g.join(":")),
  pick("::", "::1", "2001:db8::", "2001:db8::1", "fe80::1%eth0", "::ffff:1.2.3.4", "::1.2.3.04", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1::2::3", ":1::", "1.2.3.4", "", "2001:DB8::G"),
);
const maskWord = (family: Family) => fc.oneof(numberIn(family === 4 ? 33 : 129), family === 4 ? pick("255.255.255.0", "255.0.255.0", "0.0.0.0", "255.255.255", "255.255.255.256") : pick("ffff:ffff::", "ffff:0:ffff::", "::", "255.255.255.0"));
const addressWord = (family: Family) => {
  const one = fc.oneof(family === 4 ? v4Address : v6Address, fc.tuple(family === 4 ? v4Address : v6Address, maskWord(family)).map(([a, m]) => `${a}/${m}`));
  return fc.oneof({ weight: 4, arbitrary: one }, { weight: 1, arbitrary: listOf(one, 3) }, { weight: 1, arbitrary: garbage });
};

const markWord = fc.oneof(numberIn(0xffffffff), fc.tuple(numberIn(0xffffffff), numberIn(0xffffffff)).map(([a, b]) => `${a}/${b}`), pick("0x1/", "/1", "1/0xffffffff0", "1 ", "1/2/3", "0x10000000000000000"), garbage);
const stateWord = (names: readonly string[]) => listOf(fc.oneof(pick(...names), pick(...names).map((n) => n.slice(0, 1 + (n.length % 3)).toLowerCase()), pick("", "BOGUS", "NEWX", "ſnat", "E")), 3);
const icmpWord = (names: readonly (readonly [string, ...unknown[]])[]) =>
  fc.oneof(pick(...names.map((n) => n[0])), pick(...names.map((n) => n[0].slice(0, 4))), fc.tuple(numberIn(256), fc.option(rangeOf(numberIn(256)))).map(([t, c]) => (c === null ? t : `${t}/${c}`)), pick("", "3:4", "8/0:5x", "any", "ECHO-REQUEST"), garbage);
const rejectWord = (family: Family) => fc.oneof(pick(...v.REJECT_TYPES[family].flat()), pick(...v.REJECT_TYPES[family].flat()).map((n) => n.slice(0, 3 + (n.length % 5))), pick("", "echo-reply", "icmp-bogus", "TCP-RESET"), garbage);
const printable = fc.string({ unit: fc.constantFrom(..."ab -:\"'\\é#"), maxLength: 12 });

const natPort = fc.oneof(
  numberIn(65535),
  fc.tuple(numberIn(65535), numberIn(65535)).map(([a, b]) => `${a}-${b}`),
  fc.tuple(numberIn(65535), numberIn(65535), numberIn(65535)).map(([a, b, c]) => `${a}-${b}/${c}`),
  pick("http", "ssh", "nosuchservice", "80:90", "80-", "-80", "0x50", "010", "80-90/0", "80-90/x", "80x", ""),
  garbage,
);
const natWord = fc.oneof(
  v4Address,
  fc.tuple(v4Address, natPort).map(([a, p]) => `${a}:${p}`),
  fc.tuple(v4Address, v4Address).map(([a, b]) => `${a}-${b}`),
  fc.tuple(v4Address, v4Address, natPort).map(([a, b, p]) => `${a}-${b}:${p}`),
  v6Address,
  fc.tuple(v6Address, natPort).map(([a, p]) => `[${a}]:${p}`),
  fc.tuple(v6Address, v6Address).map(([a, b]) => `${a}-${b}`),
  natPort.map((p) => `:${p}`),
  pick("[]:80", "[::1]", "[::1]:80", "[1.2.3.4]:80", "[::1", "1.2.3.4:80:90", "ab:80", "1.2.3.4-", "-1.2.3.4"),
  garbage,
);

/** The vehicles: one per parser, each in a rule that loads with a good value. */
export const VEHICLES: readonly Vehicle[] = [
  { name: "tcp --dport", families: [4, 6], table: "filter", rule: (w) => `-p tcp --dport ${w} -j ACCEPT`, parse: (w) => v.parseTcpPorts(w), words: rangeOf(portWord) },
  { name: "udp --sport (PORTRC)", families: [4, 6], table: "filter", rule: (w) => `-p udp --sport ${w} -j ACCEPT`, parse: (w) => v.parsePortRange(w, { extension: "udp", option: "source-port", size: 4 }), words: rangeOf(portWord) },
  { name: "TPROXY --on-port (PORT)", families: [4, 6], table: "mangle", rule: (w) => `-p tcp -j TPROXY --on-port ${w}`, parse: (w) => v.parsePort(w), words: portWord },
  { name: "multiport --dports", families: [4, 6], table: "filter", rule: (w) => `-p udp -m multiport --dports ${w} -j ACCEPT`, parse: (w) => v.parseMultiport(w, "udp"), words: listOf(rangeOf(portWord), 17) },
  { name: "tcp --tcp-option", families: [4, 6], table: "filter", rule: (w) => `-p tcp --tcp-option ${w} -j ACCEPT`, parse: (w) => v.parseTcpOption(w), words: fc.oneof(numberIn(256), garbage) },
  { name: "sctp --dport", families: [4, 6], table: "filter", rule: (w) => `-p sctp --dport ${w} -j ACCEPT`, parse: (w) => v.parseTcpPorts(w, "sctp"), words: rangeOf(portWord) },
  { name: "tcp --tcp-flags", families: [4, 6], table: "filter", rule: (w) => `-p tcp --tcp-flags ${w} SYN -j ACCEPT`, parse: (w) => v.parseTcpFlagList(w), words: fc.oneof(listOf(pick("SYN", "ack", "FIN", "RST", "PSH", "URG", "ALL", "NONE", "", "BOGUS", "ſyn"), 4), garbage) },
  { name: "conntrack --ctstate", families: [4, 6], table: "filter", rule: (w) => `-m conntrack --ctstate ${w} -j ACCEPT`, parse: (w) => v.parseCtState(w), words: stateWord(v.CT_STATES) },
  { name: "conntrack --ctstatus", families: [4, 6], table: "filter", rule: (w) => `-m conntrack --ctstatus ${w} -j ACCEPT`, parse: (w) => v.parseCtStatus(w), words: stateWord(v.CT_STATUSES) },
  { name: "conntrack --ctdir", families: [4], table: "filter", rule: (w) => `-m conntrack --ctdir ${w} -j ACCEPT`, parse: (w) => v.parseCtDir(w), words: fc.oneof(pick("ORIGINAL", "reply", "Reply", "ORIG", "", "REPLYX"), garbage) },
  { name: "state --state", families: [4, 6], table: "filter", rule: (w) => `-m state --state ${w} -j ACCEPT`, parse: (w) => v.parseState(w), words: stateWord(v.STATE_STATES) },
  { name: "icmp --icmp-type", families: [4], table: "filter", rule: (w) => `-p icmp -m icmp --icmp-type ${w} -j ACCEPT`, parse: (w) => v.parseIcmpType(w, 4), words: icmpWord(v.ICMP_NAMES) },
  { name: "icmp6 --icmpv6-type", families: [6], table: "filter", rule: (w) => `-p ipv6-icmp -m icmp6 --icmpv6-type ${w} -j ACCEPT`, parse: (w) => v.parseIcmpType(w, 6), words: icmpWord(v.ICMPV6_NAMES) },
  { name: "REJECT --reject-with", families: [4, 6], table: "filter", rule: (w) => `-p tcp -j REJECT --reject-with ${w}`, parse: (w, f) => v.parseRejectWith(w, f), words: fc.oneof(rejectWord(4), rejectWord(6)) },
  { name: "LOG --log-level (SYSLOGLEVEL)", families: [4, 6], table: "filter", rule: (w) => `-j LOG --log-level ${w}`, parse: (w) => v.parseSyslogLevel(w), words: fc.oneof(numberIn(8), pick("alert", "crit", "debug", "emerg", "error", "info", "notice", "panic", "warning", "warn", "Info", "err", ""), garbage) },
  { name: "LOG --log-prefix", families: [4, 6], table: "filter", rule: (w) => `-j LOG --log-prefix ${w}`, parse: (w) => v.parseLogPrefix(w), words: fc.oneof(printable, longWord(29), pick("", "é".repeat(15))) },
  { name: "comment --comment", families: [4, 6], table: "filter", rule: (w) => `-m comment --comment ${w} -j ACCEPT`, parse: (w) => v.parseComment(w), words: fc.oneof(printable, longWord(255), pick("", "é".repeat(128))) },
  { name: "limit --limit", families: [4, 6], table: "filter", rule: (w) => `-m limit --limit ${w} -j ACCEPT`, parse: (w) => v.parseLimitRate(w), words: fc.oneof(fc.tuple(fc.oneof(numberIn(20000), pick("0", "-1", "4294967297", " 5", "5x", "")), pick("", "/s", "/sec", "/second", "/m", "/min", "/h", "/hour", "/d", "/day", "/", "/x", "/secondx", "/M")).map(([n, u]) => n + u), garbage) },
  { name: "limit --limit-burst (UINT32, max 10000)", families: [4], table: "filter", rule: (w) => `-m limit --limit-burst ${w} -j ACCEPT`, parse: (w) => v.parseLimitBurst(w), words: fc.oneof(numberIn(10001), garbage) },
  {
    name: "hashlimit --hashlimit-upto",
    families: [4, 6],
    table: "filter",
    rule: (w) => `-m hashlimit --hashlimit-name x --hashlimit-upto ${w} -j ACCEPT`,
    parse: (w) => v.parseHashlimitRate(w, "--hashlimit-upto"),
    words: fc.oneof(fc.tuple(fc.oneof(numberIn(2_000_000), pick("0", "-1", "-5", "68719476719", "9223372036854775808", " 5", "5x", "")), pick("", "/s", "/sec", "/m", "/mins", "/h", "/d", "/day", "/", "/x", "/M", "b/s", "kb/s", "mb/s", "gb/s", "kb/sec", "b/", "B/s")).map(([n, u]) => n + u), garbage),
  },
  { name: "hashlimit --hashlimit-above", families: [4], table: "filter", rule: (w) => `-m hashlimit --hashlimit-name x --hashlimit-above ${w} -j ACCEPT`, parse: (w) => v.parseHashlimitRate(w, "--hashlimit-above"), words: fc.oneof(pick("5/min", "0/sec", "5/fortnight", "1000001/sec", "5kb/s", "kb/s", "-1/s"), garbage) },
  // With a packet rate: a burst is then at most 1,000,000, multiplied or not.
  { name: "hashlimit --hashlimit-burst", families: [4, 6], table: "filter", rule: (w) => `-m hashlimit --hashlimit-name x --hashlimit-upto 5/sec --hashlimit-burst ${w} -j ACCEPT`, parse: (w) => v.parseHashlimitBurst(w), words: fc.oneof(numberIn(1_000_001), fc.tuple(numberIn(2000), pick("k", "m", "x", "kb", "K")).map(([n, u]) => n + u), garbage) },
  {
    name: "hashlimit --hashlimit-mode",
    families: [4, 6],
    table: "filter",
    rule: (w) => `-m hashlimit --hashlimit-name x --hashlimit-upto 5/sec --hashlimit-mode ${w} -j ACCEPT`,
    parse: (w) => v.parseHashlimitMode(w),
    words: fc.oneof(fc.array(pick("srcip", "dstip", "srcport", "dstport", "", "none", "SRCIP", "srcips", " srcip"), { minLength: 1, maxLength: 4 }).chain((parts) => pick(",", "|").map((sep) => parts.join(sep))), garbage),
  },
  { name: "hashlimit --hashlimit-rate-interval", families: [4], table: "filter", rule: (w) => `-m hashlimit --hashlimit-name x --hashlimit-upto 5/sec --hashlimit-rate-match --hashlimit-rate-interval ${w} -j ACCEPT`, parse: (w) => v.parseHashlimitRateInterval(w), words: fc.oneof(numberIn(100), garbage) },
  { name: "mark --mark (MARKMASK32)", families: [4, 6], table: "filter", rule: (w) => `-m mark --mark ${w} -j ACCEPT`, parse: (w) => v.parseMarkMask(w, { extension: "mark", option: "mark" }), words: markWord },
  { name: "connmark --mark (MARKMASK32)", families: [4], table: "filter", rule: (w) => `-m connmark --mark ${w} -j ACCEPT`, parse: (w) => v.parseMarkMask(w, { extension: "connmark", option: "mark" }), words: markWord },
  { name: "MARK --set-xmark (MARKMASK32)", families: [4, 6], table: "filter", rule: (w) => `-j MARK --set-xmark ${w}`, parse: (w) => v.parseMarkMask(w, { extension: "MARK", option: "set-xmark" }), words: markWord },
  { name: "MARK --or-mark (UINT32)", families: [4], table: "filter", rule: (w) => `-j MARK --or-mark ${w}`, parse: (w) => v.parseUint("UINT32", w, { extension: "MARK", option: "or-mark" }), words: fc.oneof(numberIn(0xffffffff), garbage) },
  { name: "ttl --ttl-eq (UINT8)", families: [4], table: "filter", rule: (w) => `-m ttl --ttl-eq ${w} -j ACCEPT`, parse: (w) => v.parseUint("UINT8", w, { extension: "ttl", option: "ttl-eq" }), words: fc.oneof(numberIn(256), garbage) },
  { name: "hl --hl-eq (UINT8)", families: [6], table: "filter", rule: (w) => `-m hl --hl-eq ${w} -j ACCEPT`, parse: (w) => v.parseUint("UINT8", w, { extension: "hl", option: "hl-eq" }), words: fc.oneof(numberIn(256), garbage) },
  { name: "NFLOG --nflog-group (UINT16)", families: [4], table: "filter", rule: (w) => `-j NFLOG --nflog-group ${w}`, parse: (w) => v.parseUint("UINT16", w, { extension: "NFLOG", option: "nflog-group" }), words: fc.oneof(numberIn(65536), garbage) },
  { name: "quota --quota (UINT64)", families: [4], table: "filter", rule: (w) => `-m quota --quota ${w} -j ACCEPT`, parse: (w) => v.parseUint64(w, { extension: "quota", option: "quota" }), words: fc.oneof(numberIn(2 ** 53), pick("18446744073709551615", "18446744073709551616", "0xffffffffffffffff", "01777777777777777777777"), garbage) },
  { name: "length --length (UINT16RC)", families: [4, 6], table: "filter", rule: (w) => `-m length --length ${w} -j ACCEPT`, parse: (w) => v.parseUintRange("UINT16RC", w, { extension: "length", option: "length" }), words: rangeOf(fc.oneof(numberIn(65536), garbage)) },
  { name: "esp --espspi (UINT32RC)", families: [4], table: "filter", rule: (w) => `-p esp -m esp --espspi ${w} -j ACCEPT`, parse: (w) => v.parseUintRange("UINT32RC", w, { extension: "esp", option: "espspi", size: 8 }), words: rangeOf(fc.oneof(numberIn(0xffffffff), garbage)) },
  { name: "connbytes --connbytes (UINT64RC, ordered)", families: [4], table: "filter", rule: (w) => `-m connbytes --connbytes ${w} --connbytes-dir both --connbytes-mode bytes -j ACCEPT`, parse: (w) => v.parseConnbytes(w), words: rangeOf(fc.oneof(numberIn(2 ** 40), pick("18446744073709551616"), garbage)) },
  { name: "conntrack --ctproto (PROTOCOL)", families: [4, 6], table: "filter", rule: (w) => `-m conntrack --ctproto ${w} -j ACCEPT`, parse: (w) => v.parseProtocol(w), words: fc.oneof(numberIn(256), pick(...v.BUILTIN_PROTOCOLS.keys()), pick("TCP", "gre", "", "1 2", "99x"), garbage) },
  { name: "-p (PROTOCOL, lower-cased)", families: [4, 6], table: "filter", rule: (w) => `-p ${w} -j ACCEPT`, parse: (w) => v.parseGenericProtocol(w), words: fc.oneof(numberIn(256), pick(...v.BUILTIN_PROTOCOLS.keys()), pick("TCP", "Udp", "gre", "", "1 2", "99x"), garbage) },
  { name: "conntrack --ctorigsrc (HOSTMASK)", families: [4, 6], table: "filter", rule: (w) => `-m conntrack --ctorigsrc ${w} -j ACCEPT`, parse: (w, f) => v.parseHostMask(w, f, { extension: "conntrack", option: "ctorigsrc" }), words: fc.oneof(addressWord(4), addressWord(6)) },
  { name: "iprange --src-range", families: [4, 6], table: "filter", rule: (w) => `-m iprange --src-range ${w} -j ACCEPT`, parse: (w, f) => v.parseIpRange(w, f, "--src-range"), words: fc.oneof(v4Address, v6Address, fc.tuple(v4Address, v4Address).map((p) => p.join("-")), fc.tuple(v6Address, v6Address).map((p) => p.join("-")), garbage) },
  { name: "TEE --gateway (HOST)", families: [4, 6], table: "mangle", rule: (w) => `-j TEE --gateway ${w}`, parse: (w, f) => v.parseHost(w, f), words: fc.oneof(v4Address, v6Address, garbage) },
  { name: "connlimit --connlimit-mask (PLENMASK)", families: [4, 6], table: "filter", rule: (w) => `-m connlimit --connlimit-above 1 --connlimit-mask ${w} -j ACCEPT`, parse: (w, f) => v.parsePrefixLength(w, f, { extension: "connlimit", option: "connlimit-mask" }), words: fc.oneof(maskWord(4), maskWord(6), garbage) },
  { name: "mac --mac-source (ETHERMAC)", families: [4], table: "filter", rule: (w) => `-m mac --mac-source ${w} -j ACCEPT`, parse: (w) => v.parseEtherMac(w), words: fc.oneof(fc.array(fc.oneof(fc.nat(0x1ff).map((n) => n.toString(16)), pick("", " 1", "-1", "0x1", "+f", "G")), { minLength: 5, maxLength: 7 }).map((p) => p.join(":")), garbage) },
  { name: "tos --tos (TOSMASK)", families: [4], table: "filter", rule: (w) => `-m tos --tos ${w} -j ACCEPT`, parse: (w) => v.parseTosMask(w, 0x3f), words: fc.oneof(numberIn(256), fc.tuple(numberIn(256), numberIn(256)).map(([a, b]) => `${a}/${b}`), pick("Minimize-Delay", "normal-service", "MINIMIZE-COST", "Maximize-Throughput", "Maximize-Reliability", "bogus", "1/", "1/x"), garbage) },
  { name: "statistic --probability (DOUBLE, 0-1)", families: [4], table: "filter", rule: (w) => `-m statistic --mode random --probability ${w} -j ACCEPT`, parse: (w) => v.parseDouble(w, { extension: "statistic", option: "probability", min: 0, max: 1 }), words: fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }).map(String), pick("0", "1", "0.5", ".5", "5.", "1e-3", "1E0", "-0", "inf", "nan", "NAN", "-inf", "0x1p-1", " 0.5", "0.5 ", "1.0000001", "", "."), garbage) },
  { name: "addrtype --dst-type", families: [4, 6], table: "filter", rule: (w) => `-m addrtype --dst-type ${w} -j ACCEPT`, parse: (w) => v.parseAddressTypes(w), words: fc.oneof(listOf(fc.oneof(pick(...v.ADDRESS_TYPES), pick(...v.ADDRESS_TYPES).map((n) => n.slice(0, 1 + (n.length % 4)).toLowerCase()), pick("", "LOCALE", "UNICASTX", "nat", "ſ")), 3), garbage) },
  // "random" is the other good mode, but wants --probability instead of --every: the vehicle leaves it out.
  { name: "statistic --mode", families: [4, 6], table: "filter", rule: (w) => `-m statistic --mode ${w} --every 2 --packet 0 -j ACCEPT`, parse: (w) => v.parseStatisticMode(w), words: fc.oneof(pick("nth", "Random", "rand", "nthx", "NTH", ""), garbage) },
  { name: "-i (interface)", families: [4, 6], table: "filter", rule: (w) => `-i ${w} -j ACCEPT`, parse: (w) => v.parseGenericInterface(w), words: fc.oneof(longWord(15), pick("eth0", "eth+", "+", "", "a b", "a/b", "é".repeat(8), "é".repeat(7)), garbage) },
  { name: "-s (addresses)", families: [4, 6], table: "filter", rule: (w) => `-s ${w} -j ACCEPT`, parse: (w, f) => v.parseGenericAddresses(w, f), words: fc.oneof(addressWord(4), addressWord(6)) },
  // Added last: each vehicle's words come from the seed plus its place in this list.
  { name: "DNAT --to-destination", families: [4, 6], table: "nat", rule: (w) => `-p tcp -j DNAT --to-destination ${w}`, parse: (w, f) => v.parseNatTo(w, f, "tcp"), words: natWord },
  { name: "DNAT --to-destination, no -p", families: [4, 6], table: "nat", rule: (w) => `-j DNAT --to-destination ${w}`, parse: (w, f) => v.parseNatTo(w, f, null), words: natWord },
  { name: "REDIRECT --to-ports", families: [4, 6], table: "nat", rule: (w) => `-p udp -j REDIRECT --to-ports ${w}`, parse: (w) => v.parseNatPorts(w, "udp"), words: natPort },
];

/** The chain a vehicle's rule goes in. */
const chainOf = (table: Vehicle["table"]) => (table === "filter" ? "INPUT" : "PREROUTING");
const blockOf = (table: Vehicle["table"], rule: string): string => `*${table}\n:${chainOf(table)} ACCEPT [0:0]\n-A ${chainOf(table)} ${rule}\nCOMMIT\n`;
const BLOCK_LINES = 4;
const RULE_IN_BLOCK = 2;

export interface Outcome {
  loads: boolean;
  /** iptables' message when it refused, without its `tool vX (backend): ` prefix. */
  message: string | null;
}

/** iptables' message in a restore's output: the text after `vX.Y.Z (backend): ` up to `Error occurred`. */
export function messageOf(said: string): string | null {
  const m = /^\S*restore v[0-9.]+ \((?:nf_tables|legacy)\): ([\s\S]*?)\s*(?:^Error occurred at line|^Try `|$(?![\s\S]))/m.exec(said);
  return m === null ? null : m[1].trimEnd();
}

/** For each rule (in a table of its own), whether iptables-restore --test loads it, and its message when not. */
export async function outcomes(shell: NamespaceShell, backend: Backend, family: Family, rules: readonly { table: Vehicle["table"]; rule: string }[], file: string): Promise<{ outcomes: Outcome[]; restores: number }> {
  const tool = `${family === 6 ? "ip6tables" : "iptables"}-${backend}-restore`;
  const out: Outcome[] = rules.map(() => ({ loads: true, message: null }));
  let restores = 0;
  let from = 0;
  while (from < rules.length) {
    const result = await shell.restoreTest(tool, rules.slice(from).map((r) => blockOf(r.table, r.rule)).join(""), file);
    restores++;
    if (result.status === 0) break;
    const at = /Error occurred at line: (\d+)/.exec(result.said);
    const line = at === null ? -1 : Number(at[1]) - 1;
    const refused = line < 0 ? -1 : Math.floor(line / BLOCK_LINES);
    if (refused < 0 || from + refused >= rules.length || line % BLOCK_LINES !== RULE_IN_BLOCK) {
      // Not a rule line named: this rule alone, to be sure of what it says.
      const alone = await shell.restoreTest(tool, blockOf(rules[from].table, rules[from].rule), file);
      restores++;
      out[from] = { loads: alone.status === 0, message: alone.status === 0 ? null : messageOf(alone.said) ?? alone.said.trim() };
      from++;
      continue;
    }
    out[from + refused] = { loads: false, message: messageOf(result.said) ?? result.said.trim() };
    from += refused + 1;
  }
  return { outcomes: out, restores };
}

// ---------------------------------------------------------------------------------------------
// The typed values themselves: rules loaded for real and printed back by iptables-save.

export interface SavedVehicle {
  name: string;
  families: readonly Family[];
  rule(quotedWord: string): string;
  parse(word: string, family: Family): v.Parsed<unknown>;
  /** Whether the backend's kernel refuses the value at COMMIT (which --test does not see); the rule is then left out. */
  kernelRefuses?(value: unknown, backend: Backend): boolean;
  /** The lines iptables-save prints for the rule, from the parsed value. */
  saved(value: unknown, family: Family): string[];
  words: fc.Arbitrary<string>;
}

/** This machine's CONFIG_HZ, for the legacy limit's overflow check. */
const KERNEL_HZ_HERE = (() => {
  for (const file of [`/boot/config-${release()}`]) {
    try {
      const m = /^CONFIG_HZ=(\d+)$/m.exec(readFileSync(file, "utf8"));
      if (m) return Number(m[1]);
    } catch {
      // no config file: assume Debian's 250
    }
  }
  return 250;
})();

const hex = (n: number) => `0x${n.toString(16)}`;
const portText = (r: v.PortRange, flag: string) => (r.min === 0 && r.max === 0xffff ? "" : ` ${flag} ${r.min === r.max ? r.min : `${r.min}:${r.max}`}`);
const dotted = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

export const SAVED_VEHICLES: readonly SavedVehicle[] = [
  {
    name: "tcp --dport",
    families: [4, 6],
    rule: (w) => `-p tcp --dport ${w} -j ACCEPT`,
    parse: (w) => v.parseTcpPorts(w),
    saved: (r) => [`-A INPUT -p tcp -m tcp${portText(r as v.PortRange, "--dport")} -j ACCEPT`],
    words: rangeOf(portWord),
  },
  {
    name: "udp --sport",
    families: [4, 6],
    rule: (w) => `-p udp --sport ${w} -j ACCEPT`,
    parse: (w) => v.parsePortRange(w, { extension: "udp", option: "source-port", size: 4 }),
    saved: (r) => [`-A INPUT -p udp -m udp${portText(r as v.PortRange, "--sport")} -j ACCEPT`],
    words: rangeOf(portWord),
  },
  {
    name: "multiport --dports",
    families: [4],
    rule: (w) => `-p tcp -m multiport --dports ${w} -j ACCEPT`,
    parse: (w) => v.parseMultiport(w, "tcp"),
    saved: (m) => [`-A INPUT -p tcp -m multiport --dports ${(m as v.MultiportPorts).ports.map((r) => (r.min === r.max ? r.min : `${r.min}:${r.max}`)).join(",")} -j ACCEPT`],
    words: listOf(rangeOf(portWord), 17),
  },
  {
    name: "mark --mark",
    families: [4, 6],
    rule: (w) => `-m mark --mark ${w} -j ACCEPT`,
    parse: (w) => v.parseMarkMask(w, { extension: "mark", option: "mark" }),
    saved: (m) => {
      const { value, mask } = m as v.ValueMask;
      return [`-A INPUT -m mark --mark ${hex(value)}${mask === 0xffffffff ? "" : `/${hex(mask)}`} -j ACCEPT`];
    },
    words: markWord,
  },
  {
    name: "-s",
    families: [4],
    rule: (w) => `-s ${w} -j ACCEPT`,
    parse: (w, f) => v.parseGenericAddresses(w, f),
    saved: (list) =>
      (list as readonly v.Network[]).map((n) => {
        const mask = n.mask as number;
        if (mask === 0) return "-A INPUT -j ACCEPT";
        return `-A INPUT -s ${dotted(n.address as number)}/${n.prefix ?? dotted(mask)} -j ACCEPT`;
      }),
    words: addressWord(4),
  },
  {
    name: "-s",
    families: [6],
    rule: (w) => `-s ${w} -j ACCEPT`,
    parse: (w, f) => v.parseGenericAddresses(w, f),
    saved: (list) =>
      (list as readonly v.Network[]).map((n) => {
        const mask = n.mask as number[];
        if (mask.every((g) => g === 0)) return "-A INPUT -j ACCEPT";
        return `-A INPUT -s ${v.formatIpv6(n.address as number[])}/${n.prefix ?? v.formatIpv6(mask)} -j ACCEPT`;
      }),
    words: addressWord(6),
  },
  {
    name: "limit --limit",
    families: [4],
    rule: (w) => `-m limit --limit ${w} -j ACCEPT`,
    parse: (w) => v.parseLimitRate(w),
    kernelRefuses: (r, backend) => backend === "legacy" && v.legacyLimitRefusedAt((r as v.LimitRate).avg, 5, KERNEL_HZ_HERE),
    // limit_save prints the rate back from the kernel's interval (print_rate, libxt_limit.c).
    saved: (r) => {
      const { avg } = r as v.LimitRate;
      const rates: [string, number][] = [["day", 864000000], ["hour", 36000000], ["min", 600000], ["sec", 10000]];
      let i = 1;
      for (; i < rates.length; i++) if (avg > rates[i][1] || Math.floor(rates[i][1] / avg) < rates[i][1] % avg) break;
      return [`-A INPUT -m limit --limit ${Math.floor(rates[i - 1][1] / avg)}/${rates[i - 1][0]} -j ACCEPT`];
    },
    words: fc.tuple(fc.oneof(numberIn(20000), pick("5x", " 7")), pick("", "/s", "/m", "/h", "/d", "/min")).map(([n, u]) => n + u),
  },
];
