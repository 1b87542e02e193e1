/**
 * duplicate-rule compares rules as iptables-save prints them (rules/model/rule-key.ts). Checked
 * against the real iptables-save, nft and legacy, v4 and v6, in a network namespace:
 *
 * - spellings in, iptables-save out, same key: rules generated from a few options (fast-check)
 *   and written in many spellings (long, short and abbreviated options, generic options before or after the
 *   matches, `-m tcp` written or implied, `/32` or not, a dotted mask, bits outside the mask,
 *   `-p 6` or `TCP`, quotes that change nothing, tcp options in any order) are loaded and dumped;
 *   each written rule has the key of the line iptables-save prints for it;
 * - no repeat made up: two written rules with the same key are dumped as the same line;
 * - the line iptables-save prints is its own key, read without making a string (IPv4).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parse, type CommandLine } from "../../grammar/index.js";
import { duplicateRule } from "../../rules/duplicate-rule/rule.js";
import { modelOf, ruleKeyOfLine } from "../../rules/model/index.js";
import { requireNetfilter, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { checkWith, fixturesOf } from "./load-checks.js";

interface Address {
  /** The network's numbers: 4 bytes, or 8 16-bit groups. */
  parts: number[];
  prefix: number;
  negated: boolean;
}

interface Spec {
  source: Address | null;
  destination: Address | null;
  in: { name: string; negated: boolean } | null;
  out: { name: string; negated: boolean } | null;
  protocol: "tcp" | "udp" | "icmp" | null;
  sport: string | null;
  dport: string | null;
  /** tcp: match SYN packets (`--syn` or its `--tcp-flags` form). */
  syn: boolean;
  comment: string | null;
  ctstate: string | null;
  target: string;
}

/** How a spec is written. */
interface Spelling {
  /** Per generic option (-s -d -i -o -p): 0 short, 1 long, 2 getopt's abbreviation of the long one. */
  long: number[];
  genericLate: boolean;
  explicitMatch: boolean;
  portLong: boolean;
  reverseTcp: boolean;
  synWord: boolean;
  protocolForm: number;
  addressForm: number;
  hostBits: number;
  quoteComment: boolean;
  commentFirst: boolean;
  jumpLong: number;
  matchLong: number;
}

const address = (family: Family): fc.Arbitrary<Address | null> =>
  fc.option(
    fc.record({
      parts: family === 4 ? fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.nat(255)).map((t) => [...t]) : fc.constantFrom([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], [0x2001, 0xdb8, 0xa, 0, 0, 0xb, 0, 0], [0xfd00, 0, 0, 0, 1, 2, 3, 4]),
      prefix: family === 4 ? fc.constantFrom(8, 16, 24, 32) : fc.constantFrom(32, 64, 128),
      negated: fc.boolean(),
    }),
    { freq: 2 },
  );

const iface = fc.option(fc.record({ name: fc.constantFrom("eth0", "eth1", "br-x", "veth+"), negated: fc.boolean() }), { freq: 2 });
const port = fc.option(fc.oneof(fc.integer({ min: 1, max: 65535 }).map(String), fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1001, max: 65535 })).map(([a, b]) => `${a}:${b}`)), { freq: 2 });

const spec = (family: Family): fc.Arbitrary<Spec> =>
  fc.record({
    source: address(family),
    destination: address(family),
    in: iface,
    out: iface,
    protocol: fc.constantFrom("tcp", "udp", "icmp", null),
    sport: port,
    dport: port,
    syn: fc.boolean(),
    comment: fc.option(fc.constantFrom("dns", "x-y_z", "a b", "it's", "k8s:svc/1"), { freq: 2 }),
    ctstate: fc.option(fc.constantFrom("NEW", "ESTABLISHED", "RELATED,ESTABLISHED"), { freq: 3 }),
    target: fc.constantFrom("-j ACCEPT", "-j DROP", "-j RETURN", '-j LOG --log-prefix "in: "', "-j LOG --log-prefix drop", "-j MARK --set-xmark 0x1/0xffffffff"),
  });

const spelling: fc.Arbitrary<Spelling> = fc.record({
  long: fc.array(fc.nat(2), { minLength: 5, maxLength: 5 }),
  genericLate: fc.boolean(),
  explicitMatch: fc.boolean(),
  portLong: fc.boolean(),
  reverseTcp: fc.boolean(),
  synWord: fc.boolean(),
  protocolForm: fc.nat(2),
  addressForm: fc.nat(2),
  hostBits: fc.nat(255),
  quoteComment: fc.boolean(),
  commentFirst: fc.boolean(),
  jumpLong: fc.nat(2),
  matchLong: fc.nat(2),
});

const PROTOCOL_NUMBER = { tcp: "6", udp: "17", icmp: "1", "ipv6-icmp": "58" } as const;

function writeAddress(a: Address, family: Family, how: Spelling): string {
  if (family === 6) {
    const groups = a.parts.map((g) => g.toString(16));
    const full = how.addressForm === 1 ? groups.join(":").toUpperCase() : groups.join(":");
    return a.prefix === 128 && how.addressForm === 2 ? full : `${full}/${a.prefix}`;
  }
  const mask = a.prefix === 0 ? 0 : (0xffffffff << (32 - a.prefix)) >>> 0;
  const network = ((((a.parts[0] << 24) | (a.parts[1] << 16) | (a.parts[2] << 8) | a.parts[3]) >>> 0) & mask) >>> 0;
  // Bits outside the mask, which iptables clears.
  const written = (network | (how.hostBits & ~mask & 0xff)) >>> 0;
  const quad = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
  if (a.prefix === 32 && how.addressForm === 2) return quad(written);
  return how.addressForm === 1 ? `${quad(written)}/${quad(mask)}` : `${quad(written)}/${a.prefix}`;
}

/** The spec written one way: the text after `-A CHAIN`. */
function write(s: Spec, family: Family, how: Spelling): string {
  const protocol = s.protocol === "icmp" && family === 6 ? "ipv6-icmp" : s.protocol;
  const bang = (negated: boolean) => (negated ? "! " : "");
  const generic: string[] = [];
  // Short, long, or getopt's abbreviation of the long one (none that an option of these matches begins with).
  const spell = (form: number, names: readonly [string, string, string]) => names[form];
  if (s.source) generic.push(`${bang(s.source.negated)}${spell(how.long[0], ["-s", "--source", "--sr"])} ${writeAddress(s.source, family, how)}`);
  if (s.destination) generic.push(`${bang(s.destination.negated)}${spell(how.long[1], ["-d", "--destination", "--ds"])} ${writeAddress(s.destination, family, how)}`);
  if (s.in) generic.push(`${bang(s.in.negated)}${spell(how.long[2], ["-i", "--in-interface", "--in-i"])} ${s.in.name}`);
  if (s.out) generic.push(`${bang(s.out.negated)}${spell(how.long[3], ["-o", "--out-interface", "--out"])} ${s.out.name}`);
  const m = spell(how.matchLong, ["-m", "--match", "--mat"]);
  const matches: string[] = [];
  const comment = s.comment === null ? [] : [`${m} comment --comment ${how.quoteComment || /[^-\w]/.test(s.comment) ? `"${s.comment.replace(/["\\]/g, "\\$&")}"` : s.comment}`];
  if (how.commentFirst) matches.push(...comment);
  if (protocol !== null) {
    const p = how.protocolForm === 1 ? PROTOCOL_NUMBER[protocol] : how.protocolForm === 2 ? protocol.toUpperCase() : protocol;
    // `-p` before the options that need it; reversed generic order puts it first.
    generic.push(`${spell(how.long[4], ["-p", "--protocol", "--proto"])} ${p}`);
    const options: string[] = [];
    if (s.protocol === "tcp" || s.protocol === "udp") {
      if (s.sport) options.push(`${how.portLong ? "--source-port" : "--sport"} ${s.sport}`);
      if (s.dport) options.push(`${how.portLong ? "--destination-port" : "--dport"} ${s.dport}`);
      if (s.protocol === "tcp" && s.syn) options.push(how.synWord ? "--syn" : "--tcp-flags FIN,SYN,RST,ACK SYN");
      if (how.reverseTcp) options.reverse();
    } else if (s.protocol === "icmp") {
      options.push(family === 6 ? "--icmpv6-type 128" : "--icmp-type 8");
    }
    const match = s.protocol === "icmp" && family === 6 ? "icmp6" : s.protocol!;
    if (options.length > 0) matches.push(how.explicitMatch ? `${m} ${match} ${options.join(" ")}` : options.join(" "));
  }
  if (!how.commentFirst) matches.push(...comment);
  if (s.ctstate) matches.push(`${m} conntrack --ctstate ${s.ctstate}`);
  const target = s.target.replace("-j ", `${spell(how.jumpLong, ["-j", "--jump", "--jum"])} `);
  // The protocol must come before its options; the other generic options may come anywhere.
  const early = protocol !== null ? generic.filter((g) => /^(--protocol|--proto|-p) /.test(g)) : [];
  const rest = generic.filter((g) => !early.includes(g));
  const words = how.genericLate ? [...early, ...matches, ...rest.reverse()] : [...rest.reverse(), ...early, ...matches];
  return [...words, target].join(" ");
}

/** Each rule line's key, by line index. */
function keysOf(text: string): Map<number, string> {
  const document = parse(text);
  const table = modelOf(document).tables()[0];
  const keys = new Map<number, string>();
  for (const line of document.lines) {
    if (line.kind !== "command" || line.command !== "append") continue;
    keys.set(line.index, ruleKeyOfLine(document.source.lexed, line.index, table.ruleText(line.index as never).start, table.ruleText(line.index as never).end));
  }
  return keys;
}

// A fixed seed in `npm test`; `npm run conformance` runs more with a seed of its own (IPTLINT_SEED=N or random).
const SEED = process.env.IPTLINT_SEED === undefined ? 20261206 : process.env.IPTLINT_SEED === "random" ? undefined : Number(process.env.IPTLINT_SEED);

const restoreText = (rules: string[]) => `*filter\n:INPUT ACCEPT [0:0]\n:T - [0:0]\n${rules.map((r) => `-A T ${r}\n`).join("")}COMMIT\n`;

for (const family of [4, 6] as Family[]) {
  test(`duplicate-rule: spellings in, iptables-save out, same key; the same key only for the same saved rule (IPv${family}, nft and legacy)`, async (t) => {
    if (!requireNetfilter(t)) return;
    await withNamespace(`dup${family}`, async (ns) => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(spec(family), spelling, spelling), { minLength: 1, maxLength: 40 }), async (cases) => {
          const written = cases.flatMap(([s, a, b]) => [write(s, family, a), write(s, family, b)]);
          const text = restoreText(written);
          const keys = [...keysOf(text).values()];
          for (const backend of ["nft", "legacy"] as Backend[]) {
            const loaded = ns.run(`${family === 6 ? "ip6tables" : "iptables"}-${backend}-restore`, [], text);
            assert.equal(loaded.status, 0, `${backend} refused:\n${loaded.stderr}\n${text}`);
            const saved = ns.save(backend, family).split("\n").filter((l) => l.startsWith("-A T "));
            assert.equal(saved.length, written.length, `${backend}: one saved rule per written rule`);
            const savedKeys = [...keysOf(restoreText(saved.map((l) => l.slice(5)))).values()];
            for (let k = 0; k < written.length; k++) {
              assert.equal(keys[k], savedKeys[k], `${backend}: the key of\n  ${written[k]}\nis not that of what iptables-save printed:\n  ${saved[k].slice(5)}`);
              if (family === 4) assert.equal(savedKeys[k], saved[k].slice(5), "a saved line is its own key");
            }
            const byKey = new Map<string, string>();
            for (let k = 0; k < written.length; k++) {
              const other = byKey.get(keys[k]);
              if (other !== undefined) assert.equal(saved[k], other, `${backend}: same key, different rules`);
              byKey.set(keys[k], saved[k]);
            }
          }
        }),
        { numRuns: Number(process.env.IPTLINT_DUPLICATE_RUNS ?? 6), seed: SEED },
      );
    });
  });
}

test("duplicate-rule: each pair its fixtures report is one rule to iptables-save (nft and legacy)", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("dupfix", (ns) => {
    for (const fixture of fixturesOf(duplicateRule).filter((f) => f.name.startsWith("invalid-spellings"))) {
      const findings = checkWith(duplicateRule, fixture.text).of(duplicateRule.id);
      assert.ok(findings.length >= 3, fixture.name);
      const document = parse(fixture.text);
      for (const backend of ["nft", "legacy"] as Backend[]) {
        assert.equal(ns.run(`iptables-${backend}-restore`, [], fixture.text).status, 0, `${backend} loads ${fixture.name}`);
        const saved = ns.save(backend, 4).split("\n").filter((l) => l.startsWith("-A "));
        // Rule lines in file order are saved chain by chain: find each by its chain and place.
        const place = (index: number) => {
          const line = document.line(index) as CommandLine;
          const before = document.lines.filter((l) => l.kind === "command" && l.index < index && (l as CommandLine).chain === line.chain).length;
          return saved.filter((l) => l.startsWith(`-A ${line.chain} `))[before];
        };
        for (const finding of findings) {
          const later = finding.loc.start.line - 1;
          const earlier = Number(/line (\d+)/.exec(finding.message)![1]) - 1;
          assert.equal(place(later), place(earlier), `${backend}: lines ${earlier + 1} and ${later + 1} of ${fixture.name}`);
        }
      }
    }
  });
});

test("duplicate-rule: the issue's rule, long and short", () => {
  const text = "*filter\n:FORWARD ACCEPT [0:0]\n--append FORWARD --in-interface eth1 -j ACCEPT\n-A FORWARD -i eth1 -j ACCEPT\nCOMMIT\n";
  assert.equal(checkWith(duplicateRule, text).of(duplicateRule.id).length, 1);
});

test("duplicate-rule: in a large chain, rules are compared by target, then as iptables-save prints them", () => {
  const rules = Array.from({ length: 40 }, (_, i) => `-A INPUT -s 10.0.${i}.0/24 -j ${i % 2 ? "ACCEPT" : "DROP"}`);
  rules.push("--append INPUT --source 10.0.3.7/255.255.255.0 --jump ACCEPT", "-A INPUT -s 10.0.4.0/24 -j ACCEPT", "-A INPUT -s 10.0.4.0/24 -g X");
  const text = `*filter\n:INPUT ACCEPT [0:0]\n:X - [0:0]\n${rules.join("\n")}\nCOMMIT\n`;
  const findings = checkWith(duplicateRule, text).of(duplicateRule.id);
  assert.deepEqual(
    findings.map((f) => [f.loc.start.line, /line (\d+)/.exec(f.message)![1]]),
    [[44, "7"]],
    "the long spelling repeats line 7; -j DROP and -g X rules with the same options are other rules",
  );
});
