/**
 * The differential test against the real iptables-restore: restore lines generated from the
 * commands and options iptables takes (fast-check), each loaded by itself with
 * `iptables-restore --test` (nft and legacy, iptables and ip6tables) in a network namespace,
 * and compared with iptlint's syntax errors on the same line. A line some backend loads must
 * have no syntax error.
 *
 * `--test` is the oracle: it runs iptables' own parser and the extensions' checks of the
 * values, and skips what only the kernel checks at COMMIT (which no syntax error may claim
 * either), so it loads every line a real restore loads and more: the test is the stricter for it.
 *
 * Each line is a table of its own (`*filter`, the chains it names, the line, `COMMIT`), many
 * tables to one restore: the first refused line stops the restore and is named by its line
 * number ("Error occurred at line: N"); the restore then goes on from the table after it. A run
 * costs one restore per refused line, not one per line.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { parse } from "../../grammar/index.js";
import type { Backend, Family } from "../helpers/netfilter.js";

// ---------------------------------------------------------------------------------------------
// The generator: words as iptables reads them, valid values and invalid ones.

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** A word written as a user might: bare, quoted whole, or with a quoted part. */
const quoting = (word: string): fc.Arbitrary<string> =>
  /^[^\s"\\]+$/.test(word)
    ? fc.oneof({ weight: 6, arbitrary: fc.constant(word) }, { weight: 1, arbitrary: fc.constant(`"${word}"`) }, { weight: 1, arbitrary: fc.constant(word.length > 1 ? `${word[0]}"${word.slice(1)}"` : `"${word}"`) })
    : fc.constant(`"${word.replace(/["\\]/g, "\\$&")}"`);

const v4 = pick("10.0.0.1", "10.0.0.0/8", "192.168.1.0/24", "1.2.3.4/32", "10.0.0.0/255.0.0.0", "0.0.0.0/0", "10.1.2.3/8", "300.1.1.1", "10.0.0.0/33", "10.0.0.1,10.0.0.2", "1.2.3", "localhost");
const v6 = pick("2001:db8::1", "2001:db8::/32", "::1/128", "fe80::/10", "2001:db8::1/129", "2001:db8::g");
const address = fc.oneof(v4, v6);
const iface = pick("eth0", "eth1", "eth+", "br-1234567890ab", "veth0123456789abcd", "lo", "a b", "*", "");
const protocol = pick("tcp", "udp", "icmp", "ipv6-icmp", "icmpv6", "sctp", "all", "6", "17", "TCP", "gre", "999", "bogus", "esp", "ah");
const port = pick("80", "443", "0", "65535", "65536", "1:1024", "1024:", ":1024", "http", "80,443", "-1", "a");
const chainName = pick("INPUT", "FORWARD", "OUTPUT", "X", "Y", "NOPE", "A-B_c.1", "--weird", "!");
const target = fc.oneof(
  pick("ACCEPT", "DROP", "RETURN", "X", "NOPE", "QUEUE"),
  pick("LOG", "LOG --log-prefix \"in: \"", "LOG --log-level 4", "LOG --log-level 9", "LOG --log-prefix", "REJECT", "REJECT --reject-with tcp-reset", "REJECT --reject-with bogus"),
  pick("MARK --set-mark 1", "MARK --set-xmark 0x1/0xff", "MARK --set-mark", "MARK --set-mark x", "CONNMARK --save-mark", "NFLOG --nflog-group 2", "TCPMSS --clamp-mss-to-pmtu", "CT --notrack", "NOTRACK"),
);

interface Piece {
  words: string[];
}

const element = (option: fc.Arbitrary<string>, values: fc.Arbitrary<string[]>, negatable = true): fc.Arbitrary<Piece> =>
  fc.tuple(negatable ? pick("", "", "", "!", "late!") : fc.constant(""), option, values).chain(([bang, name, vals]) =>
    fc.tuple(...vals.map(quoting)).map((quoted) => {
      if (bang === "late!" && quoted.length > 0) return { words: [name, "!", ...quoted] };
      return { words: [...(bang === "!" ? ["!"] : []), name, ...quoted] };
    }),
  );

const one = (a: fc.Arbitrary<string>) => a.map((v) => [v]);
const maybeMissing = (a: fc.Arbitrary<string>) => fc.oneof({ weight: 8, arbitrary: one(a) }, { weight: 1, arbitrary: fc.constant([] as string[]) });

const generic: fc.Arbitrary<Piece> = fc.oneof(
  element(pick("-s", "--source", "--src"), maybeMissing(address)),
  element(pick("-d", "--destination", "--dst"), maybeMissing(address)),
  element(pick("-i", "--in-interface"), maybeMissing(iface)),
  element(pick("-o", "--out-interface"), maybeMissing(iface)),
  element(pick("-p", "--protocol"), maybeMissing(protocol)),
  element(pick("-f", "--fragment"), fc.constant([])),
  element(pick("-c", "--set-counters"), pick(["1", "2"], ["0", "0"], ["x", "1"], ["1"]), false),
);

const matchOptions: fc.Arbitrary<Piece> = fc.oneof(
  element(pick("--dport", "--destination-port", "--sport", "--source-port"), maybeMissing(port)),
  element(pick("--syn"), fc.constant([])),
  element(pick("--tcp-flags"), pick(["SYN,RST", "SYN"], ["ALL", "NONE"], ["SYN"], ["BOGUS", "SYN"])),
  element(pick("--icmp-type", "--icmpv6-type"), one(pick("8", "echo-request", "128", "bogus", "3/4"))),
  element(pick("--comment"), one(pick("dns", "a b", "it's \"q\"", "", "x".repeat(260), "-j"))),
  element(pick("--ctstate", "--state"), one(pick("NEW", "ESTABLISHED,RELATED", "new", "BOGUS", "INVALID,UNTRACKED"))),
  element(pick("--mark"), one(pick("1", "0x1/0xff", "x", "0x100000000"))),
  element(pick("--dports", "--ports"), one(pick("80,443", "1:2,3", "80,", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16"))),
  element(pick("--limit"), one(pick("5/min", "1/s", "x/min", "0/s"))),
  element(pick("--limit-burst"), one(pick("5", "0", "x"))),
);

const match: fc.Arbitrary<Piece[]> = fc.tuple(
  pick("-m", "--match"),
  pick("tcp", "udp", "icmp", "icmp6", "comment", "conntrack", "state", "mark", "multiport", "limit", "nosuchmatch", "TCP"),
  fc.array(matchOptions, { maxLength: 2 }),
).map(([m, name, options]) => [{ words: [m, name] }, ...options]);

/** A `--name=value` spelling of an option with a value. */
const inline = (piece: Piece): Piece => {
  const at = piece.words.findIndex((w) => w.startsWith("--"));
  if (at === -1 || at + 1 >= piece.words.length || piece.words[at + 1] === "!") return piece;
  return { words: [...piece.words.slice(0, at), `${piece.words[at]}=${piece.words[at + 1]}`, ...piece.words.slice(at + 2)] };
};

const ruleBody: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: generic.map((p) => [p]) }, { weight: 3, arbitrary: match }, { weight: 1, arbitrary: matchOptions.map((p) => [p]) }), { maxLength: 4 }),
    fc.option(fc.tuple(pick("-j", "--jump", "-g", "--goto"), target), { freq: 5 }),
    fc.nat(5),
    fc.boolean(),
  )
  .map(([groups, jump, at, useInline]) => {
    const pieces = groups.flat().map((p) => (useInline && p.words.length === 2 ? inline(p) : p));
    if (jump !== null) {
      const [j, t] = jump;
      const targetPiece = { words: [j, ...t.split(" ")] };
      // The target mostly last, sometimes among the options.
      pieces.splice(at >= 3 ? pieces.length : Math.min(at, pieces.length), 0, targetPiece);
    }
    return pieces.flatMap((p) => p.words);
  });

const command: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(pick("-A", "--append"), chainName).map((c) => [...c]) },
  { weight: 2, arbitrary: fc.tuple(pick("-I", "--insert"), chainName, pick([], ["1"], ["2"], ["0"], ["x"])).map(([c, n, k]) => [c, n, ...k]) },
  { weight: 1, arbitrary: fc.tuple(pick("-D", "--delete"), chainName).map((c) => [...c]) },
  { weight: 1, arbitrary: fc.tuple(pick("-R", "--replace"), chainName, pick("1", "2", "x")).map((c) => [...c]) },
);

const chainCommand: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick("-N", "--new-chain", "--new"), pick("Z", "X", "INPUT", "a".repeat(29), "a".repeat(30), "", "-j")).map((w) => w.join(" ").trim()),
  fc.tuple(pick("-X", "--delete-chain", "-F", "--flush", "-Z", "--zero"), pick("", "X", "Y", "INPUT", "NOPE")).map((w) => w.join(" ").trim()),
  fc.tuple(pick("-E", "--rename-chain"), pick("X", "Y", "NOPE"), pick("Z", "X", "")).map((w) => w.join(" ").trim()),
  fc.tuple(pick("-P", "--policy"), pick("INPUT", "FORWARD", "X"), pick("ACCEPT", "DROP", "RETURN", "accept", "")).map((w) => w.join(" ").trim()),
);

/** Words iptables takes on any command line, and their abbreviations (getopt takes a unique prefix). */
const extraWord = pick(
  "-4", "-6", "--ipv4", "--ipv6", "-v", "--verbose", "-n", "--numeric", "-x", "--exact", "--line-numbers", "-w", "-w 2", "--wait", "-W 1",
  "-t filter", "--table filter", "-t nat", "--table=filter", "--modprobe=/bin/true", "--dest 10.0.0.1", "--sou 10.0.0.1", "--in-int eth0",
  "--prot tcp", "--jum ACCEPT", "--fragm", "-m tcp --dport 1 --dport 2", "!", "! !", "-c 1 2", "[1:2]",
  '"', 'a"b', '"a"b', '\\"', '""', "'x'", '"-j"', '"-A"', "-m comment --comment \"a\\\"b\"", "-m comment --comment \"a\\",
);

/** How the words are put together: one space, or tabs and runs of blanks, a comment or blanks after. */
const layout = fc.tuple(pick(" ", " ", " ", "\t", "  "), pick("", "", "", " ", "\t", " # after", " #after", "\r"));

/** A line with some of those words put before the command, among the options or at the end. */
const spiced = (words: fc.Arbitrary<string[]>): fc.Arbitrary<string> =>
  fc.tuple(words, fc.array(fc.tuple(extraWord, fc.nat(40)), { maxLength: 2 }), layout).map(([base, extras, [separator, end]]) => {
    const out = [...base];
    for (const [word, at] of extras) out.splice(at % (out.length + 1), 0, ...word.split(" "));
    return out.join(separator) + end;
  });

/** One restore line: a rule command with its options, or a chain command. */
export const restoreLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(command, ruleBody).map(([c, body]) => [...c, ...body].join(" ")) },
  { weight: 3, arbitrary: spiced(fc.tuple(command, ruleBody).map(([c, body]) => [...c, ...body])) },
  { weight: 1, arbitrary: chainCommand },
  { weight: 1, arbitrary: spiced(chainCommand.map((c) => c.split(" "))) },
);

// ---------------------------------------------------------------------------------------------
// Loading lines one table each, many tables to a restore

/** The table a line is loaded in: every chain it may name exists (X and Y user chains). */
export const tableOf = (line: string): string => `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:X - [0:0]\n:Y - [0:0]\n${line}\nCOMMIT\n`;
/** The line's place in its table (0-based). */
export const LINE_IN_TABLE = 6;
const TABLE_LINES = 8;

/**
 * A shell inside the namespace that runs one command at a time: a restore costs the tool's own
 * start (about 15 ms), not `ip netns exec`'s as well.
 */
export class NamespaceShell {
  private readonly shell: ChildProcessWithoutNullStreams;
  private buffer = "";
  private waiting: ((output: string) => void) | null = null;
  private failed: ((error: Error) => void) | null = null;
  private exited: string | null = null;

  constructor(namespace: string) {
    this.shell = spawn("ip", ["netns", "exec", namespace, "sh"], { stdio: "pipe" });
    this.shell.stdout.setEncoding("utf8");
    this.shell.stdout.on("data", (chunk: string) => {
      this.buffer += chunk;
      const end = this.buffer.indexOf(SENTINEL);
      if (end !== -1 && this.waiting !== null) {
        const newline = this.buffer.indexOf("\n", end);
        if (newline === -1) return;
        const output = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        const done = this.waiting;
        this.waiting = null;
        done(output);
      }
    });
    // A shell that dies fails the command it was running instead of leaving it waiting.
    this.shell.on("exit", (code, signal) => {
      this.exited = `the shell in namespace ${namespace} exited (${signal ?? code})`;
      this.failed?.(new Error(this.exited));
    });
  }

  /** Runs `tool --test` on `input` (with `test` false: loads it for real): its exit status and what it said. */
  restoreTest(tool: string, input: string, file: string, test = true): Promise<{ status: number; said: string }> {
    writeFileSync(file, input);
    return new Promise((resolve, reject) => {
      if (this.exited !== null) return reject(new Error(this.exited));
      this.failed = reject;
      this.waiting = (output) => {
        const at = output.lastIndexOf(SENTINEL);
        resolve({ status: Number(output.slice(at + SENTINEL.length)), said: output.slice(0, at) });
      };
      this.shell.stdin.write(`${tool}${test ? " --test" : ""} -w 10 < '${file}' 2>&1; echo "${SENTINEL}$?"\n`);
    });
  }

  close(): void {
    this.shell.stdin.end();
  }
}

const SENTINEL = "@@iptlint-status:";

/** For each line, whether `iptables-restore --test` of the backend and family loads it. */
export async function loadsEach(shell: NamespaceShell, backend: Backend, family: Family, lines: readonly string[], file: string): Promise<{ loads: boolean[]; restores: number }> {
  const tool = `${family === 6 ? "ip6tables" : "iptables"}-${backend}-restore`;
  const loads: boolean[] = new Array(lines.length).fill(false);
  let restores = 0;
  let from = 0;
  while (from < lines.length) {
    const result = await shell.restoreTest(tool, lines.slice(from).map(tableOf).join(""), file);
    restores++;
    if (result.status === 0) {
      for (let k = from; k < lines.length; k++) loads[k] = true;
      break;
    }
    const said = /line:? (\d+)/.exec(result.said);
    const refused = said === null ? -1 : Math.floor((Number(said[1]) - 1) / TABLE_LINES);
    if (refused < 0 || from + refused >= lines.length) {
      // No line named: one restore for this line alone.
      loads[from] = (await shell.restoreTest(tool, tableOf(lines[from]), file)).status === 0;
      restores++;
      from++;
      continue;
    }
    for (let k = from; k < from + refused; k++) loads[k] = true;
    from += refused + 1;
  }
  return { loads, restores };
}

/** iptlint's syntax errors on the line, in its table. */
export function syntaxErrors(line: string): string[] {
  const document = parse(tableOf(line));
  return document.diagnostics.filter((d) => d.severity === "error" && d.loc.start.line === LINE_IN_TABLE + 1).map((d) => d.message);
}

// ---------------------------------------------------------------------------------------------
// Known disagreements: kinds of line a backend loads that iptlint calls a syntax error. A kind
// is listed here while it is being fixed, with examples; once fixed, its examples move to FIXED.

/**
 * Whether the family's iptables-restore skips the line: `-4` (`--ipv4`) in ip6tables-restore,
 * `-6` (`--ipv6`) in iptables-restore. It then "loads" whatever the rest says, and proves nothing.
 */
export function skippedBy(line: string, family: 4 | 6): boolean {
  const other = family === 4 ? /(^|[ \t])(-6|--ipv6)([ \t]|$)/ : /(^|[ \t])(-4|--ipv4)([ \t]|$)/;
  return other.test(line);
}

export interface PendingKind {
  name: string;
  /** Whether a line is of this kind. */
  test(line: string): boolean;
  /** Lines of this kind that a backend loads and iptlint calls a syntax error today. */
  examples: string[];
}

/** None today: every kind found so far is fixed (FIXED keeps their examples). */
export const PENDING: readonly PendingKind[] = [];

/**
 * Lines of kinds this test once found (a backend loads them, iptlint called them a syntax
 * error), kept as regressions: each must still load somewhere and have no syntax error.
 */
export const FIXED: readonly { name: string; examples: string[] }[] = [
  { name: "options before the command", examples: ["-p tcp -A INPUT --dport 22 -j ACCEPT", "--modprobe=/bin/true --flush"] },
  { name: "`-4`/`-6` (`--ipv4`, `--ipv6`)", examples: ["-A INPUT --ipv4 -p tcp -j ACCEPT", "-6 -A INPUT -j ACCEPT"] },
  // Loads: the quoted word takes the rest of the line (rule unterminated-quote, not the grammar).
  { name: "an unterminated quote", examples: ['-A INPUT -m comment --comment "abc -j ACCEPT', '-A INPUT -j ACCEPT -m comment --comment "abc'] },
  // iptables 1.8 gives an option the next word whatever it is: the second `!` is `-i`'s value.
  { name: "a `!` after a negated option, followed by another option", examples: ["-A INPUT ! -i ! -d 10.0.0.1 -j DROP"] },
  // The `!` is the value getopt gives the option before it, where no word follows it or an option does.
  { name: "a `!` an option takes as its value, at the end of the line or before an option", examples: ["-A INPUT -j LOG --log-prefix !", "-A INPUT -m comment --comment ! -j ACCEPT"] },
  // iptables-restore keeps the CR of a CR LF line end: `-i\r` is `-i` with the value CR.
  { name: "a CR LF line end after an option with no value", examples: ["-A INPUT -j ACCEPT -i\r"] },
];
