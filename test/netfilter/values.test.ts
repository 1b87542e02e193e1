/**
 * The value parsers' typed values (rules/netfilter/values/): what iptables 1.8.9 makes of each
 * spelling, including the surprises C's readers give (measured against the real iptables in
 * test/conformance/values.test.ts; here the values themselves).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as v from "../../rules/netfilter/values/index.js";
import type { Parsed } from "../../rules/netfilter/values/index.js";

const show = (p: unknown) => JSON.stringify(p, (_k, x) => (typeof x === "bigint" ? `${x}n` : x));
const valueOf = <T>(p: Parsed<T>): T => {
  if (p.kind !== "value") assert.fail(`expected a value, got ${show(p)}`);
  return (p as { value: T }).value;
};
const messageOf = (p: Parsed<unknown>): string => {
  if (p.kind !== "refused") assert.fail(`expected a refusal, got ${show(p)}`);
  return (p as { message: string }).message;
};
const isUnsure = (p: Parsed<unknown>) => assert.equal(p.kind, "unsure", JSON.stringify(p));

const mark = { extension: "mark", option: "mark" };

test("strtoul as libxtables calls it: base 0, blanks and + first, no -, 64-bit overflow refused", () => {
  assert.deepEqual(v.xtStrtoul("0x10", 0, 0, 0, true), { value: 16, end: 4 });
  assert.deepEqual(v.xtStrtoul("010", 0, 0, 0, true), { value: 8, end: 3 });
  assert.deepEqual(v.xtStrtoul(" +7", 0, 0, 0, true), { value: 7, end: 3 });
  assert.equal(v.xtStrtoul("08", 0, 0, 0, true), null); // octal stops at 8: trailing garbage
  assert.deepEqual(v.xtStrtoul("08", 0, 0, 0, false), { value: 0, end: 1 });
  assert.deepEqual(v.xtStrtoul("0x", 0, 0, 0, false), { value: 0, end: 1 }); // "0x" with no hex digit is 0, then "x"
  assert.equal(v.xtStrtoul("-1", 0, 0, 0, true), null);
  assert.equal(v.xtStrtoul(" -1", 0, 0, 0, true), null);
  assert.equal(v.xtStrtoul("", 0, 0, 0, true), null);
  assert.equal(v.xtStrtoull("18446744073709551616", 0, 0n, 0n, true), null);
  assert.deepEqual(v.xtStrtoull("0xffffffffffffffff", 0, 0n, 0n, true), { value: 2n ** 64n - 1n, end: 18 });
  assert.equal(v.atoi("5x"), 5);
  assert.equal(v.atoi("-1"), -1);
  assert.equal(v.atoi("4294967297"), 1); // strtol's long cut to an int
  assert.equal(v.atoi(" +12"), 12);
  assert.equal(v.atoi("x"), 0);
});

test("UINT8/16/32/64: whole numbers within the option's limits, iptables' message otherwise", () => {
  const ttl = { extension: "ttl", option: "ttl-eq" };
  assert.equal(valueOf(v.parseUint("UINT8", "0xff", ttl)), 255);
  assert.equal(messageOf(v.parseUint("UINT8", "256", ttl)), 'ttl: bad value for option "--ttl-eq", or out of range (0-255).');
  assert.equal(messageOf(v.parseUint("UINT8", "1 ", ttl)), 'ttl: bad value for option "--ttl-eq", or out of range (0-255).');
  assert.equal(valueOf(v.parseLimitBurst("10000")), 10000);
  assert.equal(messageOf(v.parseLimitBurst("10001")), 'limit: bad value for option "--limit-burst", or out of range (0-10000).');
  const every = { extension: "statistic", option: "every", min: 1 };
  assert.equal(messageOf(v.parseUint("UINT32", "0", every)), 'statistic: bad value for option "--every", or out of range (1-4294967295).');
  assert.equal(valueOf(v.parseUint64("01777777777777777777777", { extension: "quota", option: "quota" })), 2n ** 64n - 1n);
  assert.equal(messageOf(v.parseUint64("18446744073709551616", { extension: "quota", option: "quota" })), 'quota: bad value for option "--quota", or out of range (0-18446744073709551615).');
});

test("UINT*RC: parts split at ':', empty parts defaulted, at most size/element parts, no order", () => {
  const length = { extension: "length", option: "length" };
  assert.deepEqual(valueOf(v.parseUintRange("UINT16RC", "100:", length)).parts, [100, 65535]);
  assert.deepEqual(valueOf(v.parseUintRange("UINT16RC", ":5", length)).parts, [0, 5]);
  assert.deepEqual(valueOf(v.parseUintRange("UINT16RC", "", length)).parts, [0]);
  assert.deepEqual(valueOf(v.parseUintRange("UINT16RC", "9:3", length)).parts, [9, 3]);
  assert.equal(messageOf(v.parseUintRange("UINT16RC", "1:2:3", length)), 'length: Too many components for option "--length" (max: 2)');
  assert.equal(messageOf(v.parseUintRange("UINT16RC", "1:x", length)), 'length: bad value for option "--length" near "x", or out of range (0-65535).');
  assert.equal(messageOf(v.parseUintRange("UINT16RC", "1x:2", length)), 'length: Argument to "--length" has unexpected characters near "x:2".');
  assert.deepEqual(valueOf(v.parseConnbytes("10")), { from: 10n, to: 2n ** 64n - 1n });
  assert.equal(messageOf(v.parseConnbytes("10:9")), "10 should be less than 9");
});

test("ports: tcp's reader (strtoul base 0, then services for tcp) and getaddrinfo's (base 10, 16 bits)", () => {
  assert.deepEqual(valueOf(v.parseTcpPorts("0x50")), { min: 80, max: 80 });
  assert.deepEqual(valueOf(v.parseTcpPorts("010:")), { min: 8, max: 65535 });
  assert.deepEqual(valueOf(v.parseTcpPorts(":http")), { min: 0, max: 80 });
  assert.deepEqual(valueOf(v.parseTcpPorts("5:5")), { min: 5, max: 5 });
  assert.equal(messageOf(v.parseTcpPorts("4:3")), "invalid portrange (min > max)");
  assert.equal(messageOf(v.parseTcpPorts("65536")), "invalid port/service `65536' specified");
  assert.equal(messageOf(v.parseTcpPorts("1:2:3")), "invalid port/service `2:3' specified");
  assert.equal(messageOf(v.parseTcpPorts("")), "invalid port/service `' specified");
  isUnsure(v.parseTcpPorts("nosuchservice"));
  isUnsure(v.parseTcpPorts("ntp")); // udp only in netbase: a node's file decides for tcp
  const udp = { extension: "udp", option: "source-port", size: 4 };
  assert.deepEqual(valueOf(v.parsePortRange("4:3", udp)), { min: 4, max: 3 }); // udp keeps the order written
  assert.deepEqual(valueOf(v.parsePortRange("70000", udp)), { min: 4464, max: 4464 }); // glibc keeps 16 bits
  assert.deepEqual(valueOf(v.parsePortRange(":", udp)), { min: 0, max: 65535 });
  isUnsure(v.parsePortRange("0x50", udp)); // getaddrinfo reads base 10 only: "0x50" is a name to look up
  assert.equal(messageOf(v.parsePortRange("1:2:3", udp)), 'udp: Too many components for option "--source-port" (max: 2)');
  assert.equal(valueOf(v.parsePort("")), 0);
  assert.equal(valueOf(v.parsePort("+80")), 80);
  assert.equal(messageOf(v.parsePort("-1")), 'Port "-1" does not resolve to anything.');
  assert.equal(messageOf(v.parsePort("99999999999999999999")), 'Port "99999999999999999999" does not resolve to anything.');
});

test("multiport: 15 slots, a range takes two and must rise, each port as tcp reads it", () => {
  const fifteen = Array.from({ length: 15 }, (_, k) => String(k + 1)).join(",");
  assert.equal(valueOf(v.parseMultiport(fifteen, "tcp")).slots, 15);
  assert.equal(messageOf(v.parseMultiport(`${fifteen},16`, "tcp")), "too many ports specified");
  assert.deepEqual(valueOf(v.parseMultiport("80,1000:2000", "udp")), { ports: [{ min: 80, max: 80 }, { min: 1000, max: 2000 }], slots: 3 });
  assert.equal(messageOf(v.parseMultiport(`${fifteen.split(",").slice(0, 14).join(",")},1:2`, "tcp")), "too many ports specified");
  assert.equal(messageOf(v.parseMultiport("5:5", "tcp")), "invalid portrange specified");
  assert.equal(messageOf(v.parseMultiport("80,", "tcp")), "invalid port/service `' specified");
  assert.equal(messageOf(v.parseMultiport("1:2:3", "tcp")), "invalid port/service `2:3' specified");
  const late = v.parseMultiport("nosuch,99999", "tcp");
  assert.equal(late.kind, "refused");
  assert.equal((late as v.Refused).afterUnsure, true); // the node may name "nosuch" instead
});

test("-s/-d: libxtables' dotted numbers, masks of any bits, host bits cleared, names unsure", () => {
  const [one] = valueOf(v.parseAddressList("10.1.2.3/8", 4));
  assert.deepEqual(one, { family: 4, address: 0x0a000000, mask: 0xff000000, prefix: 8, hostBits: true });
  assert.equal(valueOf(v.parseAddressList("10", 4))[0].address, 0x0a000000);
  assert.equal(valueOf(v.parseAddressList("10.1", 4))[0].address, 0x0a010000);
  assert.equal(valueOf(v.parseAddressList("010.0.0.0x10", 4))[0].address, 0x08000010);
  assert.equal(valueOf(v.parseAddressList("1.2.3.4/255.0.255.0", 4))[0].prefix, null);
  assert.equal(valueOf(v.parseAddressList("anything/0", 4))[0].address, 0);
  assert.equal(valueOf(v.parseAddressList("::ffff:1.2.3.4", 4))[0].address, 0x01020304);
  assert.equal(valueOf(v.parseAddressList(" 1.1.1.1, 2.2.2.2", 4)).length, 2);
  assert.equal(messageOf(v.parseAddressList("1.2.3.4/33", 4)), "invalid mask `33' specified");
  assert.equal(messageOf(v.parseAddressList("1.2.3.4,", 4)), "host/network `' not found");
  assert.equal(messageOf(v.parseAddressList("2001:db8::1", 4)), "host/network `2001:db8::1' not found");
  assert.equal(messageOf(v.parseAddressList("1.2.3.4", 6)), "host/network `1.2.3.4' not found");
  assert.equal(messageOf(v.parseAddressList("x".repeat(256), 4)), "Hostname too long");
  // Digits and dots that are no address: no top-level domain is all digits (measured: refused).
  assert.equal(messageOf(v.parseAddressList("300.1.1.1", 4)), "host/network `300.1.1.1' not found");
  assert.equal(messageOf(v.parseAddressList("::65536", 6)), "host/network `::65536' not found");
  isUnsure(v.parseAddressList("1.2.65535", 4)); // getaddrinfo reads it as inet_aton does: 1.2.255.255, loads
  isUnsure(v.parseAddressList("300.example", 4));
  isUnsure(v.parseAddressList("db.example", 6));
  const [six] = valueOf(v.parseAddressList("2001:db8::1/ffff:ffff::", 6));
  assert.deepEqual(six, { family: 6, address: [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], mask: [0xffff, 0xffff, 0, 0, 0, 0, 0, 0], prefix: 32, hostBits: true });
  assert.equal(valueOf(v.parseAddressList("::/0", 6))[0].prefix, 0);
  // Only the first 19 characters of an IPv4 number count.
  assert.equal(valueOf(v.parseAddressList("1.2.3.0000000000004", 4))[0].address, 0x01020304);
  assert.equal(valueOf(v.parseAddressList("1.2.3.00000000000004", 4))[0].address, 0x01020300);
});

test("inet_pton and inet_aton as glibc reads them", () => {
  assert.deepEqual(v.inetPton6("::ffff:1.2.3.4"), [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
  assert.deepEqual(v.inetPton6("1:2:3:4:5:6:7::"), [1, 2, 3, 4, 5, 6, 7, 0]);
  for (const bad of ["1::2::3", ":1::", "1:2:3:4:5:6:7:8:9", "::1.2.3.04", "fe80::1%eth0", "12345::", "", "1.2.3.4"]) assert.equal(v.inetPton6(bad), null, bad);
  assert.equal(v.inetAton("127.1"), 0x7f000001);
  assert.equal(v.inetAton("0x7f000001"), 0x7f000001);
  assert.equal(v.inetAton("1.2.3.256"), null);
  assert.equal(v.inetAton("1.2.65535"), 0x0102ffff);
  assert.equal(v.inetAton("0x"), null); // strtoul reads 0, then "x" is left over
  assert.equal(v.inetAton("0x1f"), 0x1f);
  assert.equal(v.inetAton("08"), null);
});

test("HOST, HOSTMASK, PLEN: getaddrinfo's numbers, a mask as prefix or address", () => {
  const spec = { extension: "conntrack", option: "ctorigsrc" };
  assert.equal(valueOf(v.parseHost("127.1", 4)).address, 0x7f000001);
  isUnsure(v.parseHost("gateway.example", 4));
  const net = valueOf(v.parseHostMask("10.1.2.3/255.255.0.0", 4, spec));
  assert.deepEqual([net.address, net.prefix, net.hostBits], [0x0a010000, 16, true]);
  assert.equal(messageOf(v.parseHostMask("10.0.0.0/x", 4, spec)), 'conntrack: bad value for option "--ctorigsrc", neither a valid network mask nor valid CIDR (0-32).');
  // 33 is no prefix length, but inet_aton reads it as the mask 0.0.0.33: not contiguous, and iptables then uses all ones.
  assert.deepEqual(valueOf(v.parsePrefixLength("33", 4, spec)), { prefix: null, mask: 0xffffffff });
  assert.equal(messageOf(v.parsePrefixLength("129", 6, spec)), 'conntrack: bad value for option "--ctorigsrc", neither a valid network mask nor valid CIDR (0-128).');
  assert.deepEqual(valueOf(v.parsePrefixLength("64", 6, spec)).prefix, 64);
  assert.equal(valueOf(v.parsePrefixLength("255.0.255.0", 4, spec)).prefix, null);
});

test("PROTOCOL: numbers, libxtables' names, /etc/protocols unsure; -p lower-cases first", () => {
  assert.equal(valueOf(v.parseProtocol("0x11")), 17);
  assert.equal(valueOf(v.parseProtocol("icmpv6")), 58);
  assert.equal(valueOf(v.parseGenericProtocol("TCP")), 6);
  isUnsure(v.parseProtocol("TCP")); // /etc/protocols lists TCP as an alias: the node decides
  isUnsure(v.parseProtocol("gre"));
  assert.equal(messageOf(v.parseProtocol("256")), 'unknown protocol "256" specified');
  assert.equal(messageOf(v.parseProtocol("")), 'unknown protocol "" specified');
});

test("strings: cut to the kernel's buffer, not refused; LOG's prefix at least one byte, no newline", () => {
  const long = valueOf(v.parseComment("x".repeat(300)));
  assert.deepEqual([long.text.length, long.truncated], [255, true]);
  assert.equal(valueOf(v.parseComment("é".repeat(128))).bytes, 255);
  assert.equal(valueOf(v.parseLogPrefix("y".repeat(30))).text, "y".repeat(29));
  assert.equal(messageOf(v.parseLogPrefix("")), "Argument must have a minimum length of 1 characters");
  assert.equal(messageOf(v.parseLogPrefix("a\nb")), "Newlines not allowed in --log-prefix");
  assert.equal(valueOf(v.parseSyslogLevel("0x4")), 4);
  assert.equal(valueOf(v.parseSyslogLevel("panic")), 0);
  assert.equal(messageOf(v.parseSyslogLevel("warn")), 'log level "warn" unknown');
  assert.equal(messageOf(v.parseSyslogLevel("Info")), 'log level "Info" unknown');
});

test("marks and TOS: value/mask in 32 (8) bits, bad integer or trailing garbage", () => {
  assert.deepEqual(valueOf(v.parseMarkMask("0x4000/0x4000", mark)), { value: 0x4000, mask: 0x4000 });
  assert.deepEqual(valueOf(v.parseMarkMask("010", mark)), { value: 8, mask: 0xffffffff });
  assert.equal(messageOf(v.parseMarkMask("0x100000000", mark)), 'mark: bad integer value for option "--mark", or out of range.');
  assert.equal(messageOf(v.parseMarkMask("1/", mark)), 'mark: bad integer value for option "--mark", or out of range.');
  assert.equal(messageOf(v.parseMarkMask("1 ", mark)), 'mark: trailing garbage after value for option "--mark".');
  assert.equal(messageOf(v.parseMarkMask("1/2/3", mark)), 'mark: trailing garbage after value for option "--mark".');
  assert.deepEqual(valueOf(v.parseTosMask("Minimize-Delay", 0x3f)), { value: 0x10, mask: 0x3f });
  assert.deepEqual(valueOf(v.parseTosMask("0x10/0x3f", 0x3f)), { value: 0x10, mask: 0x3f });
  assert.equal(messageOf(v.parseTosMask("1/x", 0x3f)), 'Illegal value: "1/x"');
  assert.equal(messageOf(v.parseTosMask("bogus", 0x3f)), 'Symbolic name "bogus" is unknown');
});

test("ETHERMAC: six parts of at most two characters, strtoul base 16 (an empty part is 0)", () => {
  assert.deepEqual(valueOf(v.parseEtherMac("00:1B:2c:3:4:ff")), [0, 0x1b, 0x2c, 3, 4, 0xff]);
  assert.deepEqual(valueOf(v.parseEtherMac(":::::")), [0, 0, 0, 0, 0, 0]);
  assert.deepEqual(valueOf(v.parseEtherMac("-1: 1:+f:0:0:0")), [0xff, 1, 0xf, 0, 0, 0]);
  assert.equal(messageOf(v.parseEtherMac("0x1:0:0:0:0:0")), "Invalid MAC address specified.");
  assert.equal(messageOf(v.parseEtherMac("0:0:0:0:0")), "Invalid MAC address specified.");
});

test("interfaces: at most 15 bytes, + a prefix, empty refused", () => {
  assert.deepEqual(valueOf(v.parseGenericInterface("eth+")), { name: "eth+", wildcard: true, weird: false });
  assert.equal(valueOf(v.parseGenericInterface("a/b")).weird, true);
  assert.equal(messageOf(v.parseGenericInterface("x".repeat(16))), `interface name \`${"x".repeat(16)}' must be shorter than IFNAMSIZ (15)`);
  assert.equal(messageOf(v.parseGenericInterface("é".repeat(8))), `interface name \`${"é".repeat(8)}' must be shorter than IFNAMSIZ (15)`);
  assert.equal(messageOf(v.parseGenericInterface("")), "Empty interface is likely to be undesired");
});

test("enumerations: case-insensitive prefixes where iptables takes them", () => {
  assert.deepEqual([...valueOf(v.parseCtState("e,rel,NEW"))], ["ESTABLISHED", "RELATED", "NEW"]);
  assert.deepEqual([...valueOf(v.parseCtState("s"))], ["SNAT"]);
  assert.equal(messageOf(v.parseCtState("NEW,,X")), 'Bad ctstate ",X"');
  assert.equal(messageOf(v.parseCtState("NEWX")), 'Bad ctstate "NEWX"');
  assert.equal(messageOf(v.parseCtState("ſnat")), 'Bad ctstate "ſnat"'); // ASCII case only
  assert.deepEqual([...valueOf(v.parseCtStatus("assured,conf"))], ["ASSURED", "CONFIRMED"]);
  assert.equal(valueOf(v.parseCtDir("reply")), "REPLY");
  assert.equal(messageOf(v.parseCtDir("ORIG")), 'conntrack: Bad value for "--ctdir" option: "ORIG"');
  assert.equal(messageOf(v.parseState("NEW,")), '"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED');
  assert.equal(messageOf(v.parseState("SNAT")), 'Bad state "SNAT"');
  assert.deepEqual(valueOf(v.parseTcpFlags("syn,,ack", "NONE")), { mask: 0x12, comp: 0 });
  assert.equal(messageOf(v.parseTcpFlagList("ſyn")), "Unknown TCP flag `ſyn'");
  assert.deepEqual(valueOf(v.parseIcmpType("echo-req", 4)), { type: 8, codeMin: 0, codeMax: 255 });
  assert.deepEqual(valueOf(v.parseIcmpType("3/1:4", 4)), { type: 3, codeMin: 1, codeMax: 4 });
  assert.equal(messageOf(v.parseIcmpType("echo", 4)), "Ambiguous ICMP type `echo': `echo-reply' or `echo-request'?");
  assert.equal(messageOf(v.parseIcmpType("3:4", 4)), "ICMP type range not supported");
  assert.equal(messageOf(v.parseIcmpType("8x", 6)), "unknown character x");
  assert.equal(messageOf(v.parseIcmpType("bogus", 6)), "Unknown ICMPv6 type `bogus'");
  assert.deepEqual(valueOf(v.parseIcmpType("neighbor-sol", 6)), { type: 135, codeMin: 0, codeMax: 255 });
  assert.equal(valueOf(v.parseRejectWith("tcp", 4)), "tcp-reset");
  assert.equal(valueOf(v.parseRejectWith("", 6)), "icmp6-no-route");
  assert.equal(valueOf(v.parseRejectWith("ADM", 6)), "icmp6-adm-prohibited");
  assert.equal(messageOf(v.parseRejectWith("icmp-port-unreachable", 6)), 'unknown reject type "icmp-port-unreachable"');
});

test("limit: atoi's count, unit by prefix, the kernel's interval", () => {
  assert.deepEqual(valueOf(v.parseLimitRate("5/min")), { count: 5, unitSeconds: 60, avg: 120000 });
  assert.deepEqual(valueOf(v.parseLimitRate("3x/h")), { count: 3, unitSeconds: 3600, avg: 12000000 });
  assert.equal(messageOf(v.parseLimitRate("0/s")), `bad rate "0/s"'`);
  assert.equal(messageOf(v.parseLimitRate("5/")), `bad rate "5/"'`);
  assert.equal(messageOf(v.parseLimitRate("10001/s")), 'Rate too fast "10001/s"');
  assert.equal(messageOf(v.parseLimitRate("-1/day")), 'Rate too fast "-1/day"');
  assert.equal(valueOf(v.parseDouble("nan", { extension: "statistic", option: "probability", min: 0, max: 1 })), NaN);
  assert.equal(messageOf(v.parseDouble("1.5", { extension: "statistic", option: "probability", min: 0, max: 1 })), 'statistic: bad value for option "--probability", or out of range (0-1).');
});

test("hashlimit: byte rates first, then packet rates by unit prefix; bursts, modes and intervals as libxt_hashlimit reads them", () => {
  assert.deepEqual(valueOf(v.parseHashlimitRate("5kb/s", "--hashlimit-upto")), { bytes: true, perSecond: 5120n });
  assert.deepEqual(valueOf(v.parseHashlimitRate("50/m", "--hashlimit-above")), { bytes: false, interval: 1_200_000n });
  // atoll reads 0 from `kb/s`: not a byte rate, and no count for a packet rate either.
  assert.equal(messageOf(v.parseHashlimitRate("kb/s", "--hashlimit-upto")), 'hashlimit: Bad value for "--hashlimit-upto" option: "kb/s"');
  assert.equal(messageOf(v.parseHashlimitRate("50/mins", "--hashlimit-above")), 'hashlimit: Bad value for "--hashlimit-above" option: "50/mins"');
  assert.equal(messageOf(v.parseHashlimitRate("1000001/sec", "--hashlimit-upto")), 'Rate too fast "1000001/sec"');
  assert.equal(messageOf(v.parseHashlimitRate("-1/sec", "--hashlimit-upto")), 'Rate too fast "-1/sec"');
  assert.equal(v.parseHashlimitRate("68719476720b/s", "--hashlimit-upto").kind, "unsure");
  assert.deepEqual(valueOf(v.parseHashlimitBurst("0x10")), { value: 16n, suffixed: false });
  assert.deepEqual(valueOf(v.parseHashlimitBurst("5x")), { value: 5n, suffixed: true });
  assert.equal(messageOf(v.parseHashlimitBurst("1000001")), 'bad value for option "--hashlimit-burst", or out of range (1-1000000).');
  assert.equal(v.parseHashlimitBurst("2m").kind, "unsure");
  assert.deepEqual(valueOf(v.parseHashlimitMode("srcip|dstport,,")), ["srcip", "dstport"]);
  assert.equal(messageOf(v.parseHashlimitMode("none")), 'hashlimit: Bad value for "--hashlimit-mode" option: "none"');
  assert.equal(messageOf(v.parseHashlimitRateInterval("0")), 'hashlimit: Bad value for "--hashlimit-rate-interval" option: "0"');
  assert.equal(valueOf(v.parseHashlimitRateInterval("7s")), 7);
});

test("parseValue dispatches by XTTYPE name, extensionParser by extension and option", () => {
  for (const type of v.XT_TYPES) assert.ok(v.parseValue(type, "1", { extension: "x", option: "y", size: 8 }, 4).kind !== undefined, type);
  assert.deepEqual(valueOf(v.parseValue("PORTRC", "1:2", { extension: "udp", option: "dport" }, 4)), { min: 1, max: 2 });
  assert.equal(valueOf(v.extensionParser("REJECT", "--reject-with")!("tcp-reset", 6, "tcp")), "tcp-reset");
  assert.equal(v.extensionParser("nosuch", "x"), undefined);
});

test("no parser is slow on a long word: ten times the word takes about ten times as long, not a hundred", () => {
  const shapes = [(n: number) => "1".repeat(n), (n: number) => "1:".repeat(n / 2), (n: number) => "a,".repeat(n / 2), (n: number) => `${"0".repeat(n)}x`, (n: number) => `${"9".repeat(n)}.`, (n: number) => "e,".repeat(n / 2)];
  const all = (word: string) => {
    for (const type of v.XT_TYPES) v.parseValue(type, word, { extension: "x", option: "y" }, 6);
    for (const parse of v.EXTENSION_PARSERS.values()) parse(word, 4, "tcp");
    v.parseAddressList(word, 4);
    v.parseGenericInterface(word);
  };
  // The fastest of three runs, so that a busy machine does not decide.
  const time = (word: string) => Math.min(...[0, 1, 2].map(() => {
    const started = performance.now();
    all(word);
    return performance.now() - started;
  }));
  for (const shape of shapes) {
    const small = time(shape(20_000));
    const large = time(shape(200_000));
    // A quadratic parser takes seconds on 200k characters; a pause of the collector on a busy machine, not 500 ms.
    assert.ok(large < Math.max(small * 40, 500), `${shape(4)}…: ${small.toFixed(1)} ms for 20k, ${large.toFixed(1)} ms for 200k`);
  }
});

test("limit: the legacy kernel's overflow check of avg * burst, which depends on CONFIG_HZ", () => {
  const avg = (rate: string) => (v.parseLimitRate(rate) as { value: v.LimitRate }).value.avg;
  // Measured on this kernel (HZ 250, legacy): 1/day and 3/day refused with burst 5, 2/day and 4/day load.
  assert.equal(v.legacyLimitRefusedAt(avg("1/day"), 5, 250), true);
  assert.equal(v.legacyLimitRefusedAt(avg("3/day"), 5, 250), true);
  assert.equal(v.legacyLimitRefusedAt(avg("2/day"), 5, 250), false);
  assert.equal(v.legacyLimitRefusedAt(avg("4/day"), 5, 250), false);
  assert.equal(v.legacyLimitRefused(avg("1/day"), 5), "refused");
  assert.equal(v.legacyLimitRefused(avg("10/s"), 5), "loads");
  assert.equal(v.legacyLimitRefused(avg("10/s"), 0), "refused");
});
