/**
 * The CLI: in-process through `main(argv, io)` with files and streams in memory, then a few runs
 * of the real bin with child_process.
 */
import assert from "node:assert/strict";
import { allRules } from "../../rules/index.js";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import picomatch from "picomatch";

import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { checkConfig } from "../../src/config/load.js";
import { binPath, fromRoot } from "../helpers/project.js";

const { version } = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version: string };

const CLEAN = "*filter\n:INPUT DROP [0:0]\n-A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT\nCOMMIT\n";
const BROKEN = "*filter\n-A INPUT -j ACCEPT -j DROP\nCOMMIT\n";
const BROKEN_MESSAGE = 'a second target (`-j`): a rule has one `-j` or `-g`, and iptables refuses the line ("multiple -j flags not allowed")';
const KUBE = readFileSync(fromRoot("test", "fixtures", "corpus", "kube", "kube-proxy-1.19-iptables.nft.counters.save"), "utf8");
const CRLF = "# from Windows\r\n*nat\r\n:POSTROUTING ACCEPT [0:0]\r\n-A POSTROUTING  -o eth0\t-j MASQUERADE \r\nCOMMIT";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Paths read, in order. */
  reads: string[];
}

/** What the CLI wrote; bytes (a Latin-1 file's output) as Latin-1 text. */
const asText = (chunk: string | Uint8Array): string => (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("latin1"));

const errno = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** Runs the CLI in-process with files (path → content) and directories in memory; `io` replaces parts of it. */
async function run(
  argv: string[],
  options: { files?: Record<string, string | Buffer>; dirs?: string[]; stdin?: string | Buffer | Error; io?: Partial<CliIo> } = {},
): Promise<Run> {
  const files = options.files ?? {};
  const dirs = new Set(options.dirs ?? []);
  let stdout = "";
  let stderr = "";
  const reads: string[] = [];
  const io: CliIo = {
    stdout: { write: (text) => void (stdout += asText(text)) },
    stderr: { write: (text) => void (stderr += asText(text)) },
    async readStdin() {
      reads.push("-");
      if (options.stdin instanceof Error) throw options.stdin;
      return Buffer.from(options.stdin ?? "");
    },
    async readFile(path) {
      reads.push(path);
      if (dirs.has(path)) throw errno("EISDIR", "illegal operation on a directory, read");
      if (!(path in files)) throw errno("ENOENT", `no such file or directory, open '${path}'`);
      return Buffer.from(files[path]);
    },
    async isDirectory(path) {
      if (dirs.has(path)) return true;
      if (path in files) return false;
      throw errno("ENOENT", `no such file or directory, stat '${path}'`);
    },
    async writeFileAtomic(path, content) {
      files[path] = content;
    },
    async writeNewFile(path, content) {
      if (path in files) throw errno("EEXIST", `file already exists, open '${path}'`);
      files[path] = content;
    },
    cwd: ".",
    run: async () => ({ status: null, stdout: "", stderr: "", error: "ENOENT" }),
    progress: () => ({ update() {}, stop() {} }),
    async glob(patterns, { ignore }) {
      const isMatch = picomatch(patterns.map((p) => p.replace(/^\.\//, "")), { dot: true, ignore });
      return Object.keys(files).filter((f) => isMatch(f)).sort();
    },
    // Configuration files are JSON in `files`; a search finds `<directory>/.iptlintrc.json`.
    async loadConfig({ directory, path }) {
      const file = path ?? `${directory ?? "."}/.iptlintrc.json`;
      if (!(file in files)) return { config: {}, filePath: undefined };
      return { config: checkConfig(JSON.parse(String(files[file])), file), filePath: file };
    },
    env: {},
  };
  const code = await main(argv, { ...io, ...options.io });
  return { code, stdout, stderr, reads };
}

/** The stylish report of one file's diagnostics, ending with where to read more of the first finding's rule. */
const report = (file: string, rows: string[], errors: number) =>
  `${file}\n${rows.map((r) => `  ${r}\n`).join("")}\n✖ ${errors} problem${errors === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, 0 warnings)\n` +
  `  Why it matters and how to fix it: \`iptlint explain RULE\` (e.g. \`iptlint explain ${rows[0].split("  ").pop()}\`)\n`;

test("cli: a clean file exits 0 and prints nothing", async () => {
  const r = await run(["clean.rules"], { files: { "clean.rules": CLEAN } });
  assert.deepEqual(r, { code: 0, stdout: "", stderr: "", reads: ["clean.rules"] });
  const kube = await run(["lint", "kube.save"], { files: { "kube.save": KUBE } });
  assert.deepEqual([kube.code, kube.stdout, kube.stderr], [0, "", ""]);
});

test("cli: a syntax error exits 1 and names the file, line, column and message", async () => {
  const r = await run(["bad.rules"], { files: { "bad.rules": BROKEN } });
  assert.equal(r.code, 1);
  assert.equal(r.stderr, "");
  assert.equal(r.stdout, report("bad.rules", [`2:20  error  ${BROKEN_MESSAGE}  syntax`], 1));
  // Several errors, several files: only the file with findings is listed, positions aligned.
  const many = await run(["clean.rules", "two.rules"], {
    files: { "clean.rules": CLEAN, "two.rules": "*filter\nfoo\n-A INPUT ! -j ACCEPT !\n*nat\nCOMMIT\n" },
  });
  assert.equal(many.code, 1);
  assert.deepEqual(many.reads, ["clean.rules", "two.rules"]);
  assert.equal(
    many.stdout,
    report(
      "two.rules",
      [
        "2:1   error  `foo` is not a command: expected a `#` comment, `*table`, `:CHAIN POLICY`, `COMMIT` or `-A CHAIN ...`  syntax",
        "3:22  error  `!` at the end of the line: it must be followed by the option it negates  syntax",
        '4:1   error  missing COMMIT for table `filter` (opened at line 1): iptables-restore applies none of it ("COMMIT expected")  syntax',
      ],
      3,
    ),
  );
});

test("cli: usage errors exit 2", async () => {
  const unknown = await run(["--bogus", "clean.rules"], { files: { "clean.rules": CLEAN } });
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stdout, "");
  assert.match(unknown.stderr, /unknown option '--bogus'/);
  assert.deepEqual(unknown.reads, [], "nothing is read after a usage error");

  const noPath = await run([]);
  assert.equal(noPath.code, 2);
  assert.match(noPath.stderr, /^iptlint: lint: give ruleset files, folders or patterns/);

  const lintNoPath = await run(["lint"]);
  assert.equal(lintNoPath.code, 2);

  const fmtNoPath = await run(["fmt"]);
  assert.equal(fmtNoPath.code, 2);
  assert.match(fmtNoPath.stderr, /missing required argument 'path'/);

  const fmtTwo = await run(["fmt", "a", "b"], { files: { a: CLEAN, b: CLEAN } });
  assert.equal(fmtTwo.code, 2);
  assert.equal(fmtTwo.stdout, "");

  const noValue = await run(["-", "--stdin-filename"], { stdin: CLEAN });
  assert.equal(noValue.code, 2);
  assert.match(noValue.stderr, /--stdin-filename <name>' argument missing/);
});

test("cli: an unreadable input exits 4", async () => {
  const missing = await run(["nope.rules"]);
  assert.deepEqual(missing, { code: 4, stdout: "", stderr: "iptlint: cannot read nope.rules: no such file\n", reads: [] });

  // `fmt` takes one file: a folder cannot be read as one.
  const directory = await run(["fmt", "etc"], { dirs: ["etc"] });
  assert.deepEqual([directory.code, directory.stdout, directory.stderr], [4, "", "iptlint: cannot read etc: it is a directory\n"]);

  // One unreadable input among good ones: nothing is reported but the reason.
  const mixed = await run(["bad.rules", "nope.rules"], { files: { "bad.rules": BROKEN } });
  assert.equal(mixed.code, 4);
  assert.equal(mixed.stdout, "");
  assert.equal(mixed.stderr, "iptlint: cannot read nope.rules: no such file\n");

  const fmtMissing = await run(["fmt", "nope.rules"]);
  assert.deepEqual([fmtMissing.code, fmtMissing.stdout], [4, ""]);
});

test("cli: other read errors exit 4 with the reason", async () => {
  // A file that exists but cannot be read (EACCES).
  const readFile = async () => {
    throw errno("EACCES", "permission denied, open 'locked.rules'");
  };
  const r = await run(["locked.rules"], { files: { "locked.rules": CLEAN }, io: { readFile } });
  assert.equal(r.code, 4);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr, "iptlint: cannot read locked.rules: EACCES: permission denied, open 'locked.rules'\n");
});

test("cli: standard input with `-` and --stdin-filename", async () => {
  const clean = await run(["-"], { stdin: CLEAN });
  assert.deepEqual(clean, { code: 0, stdout: "", stderr: "", reads: ["-"] });

  const named = await run(["-", "--stdin-filename", "from-pipe.rules"], { stdin: BROKEN });
  assert.equal(named.code, 1);
  assert.equal(named.stdout, report("from-pipe.rules", [`2:20  error  ${BROKEN_MESSAGE}  syntax`], 1));

  const optionFirst = await run(["lint", "--stdin-filename", "x.rules", "-"], { stdin: "*filter\n" });
  assert.equal(optionFirst.code, 1);
  assert.ok(optionFirst.stdout.startsWith("x.rules\n"));

  const unnamed = await run(["-"], { stdin: "foo\n" });
  assert.equal(unnamed.code, 1);
  assert.ok(unnamed.stdout.startsWith("<stdin>\n  1:1  error  `foo` is not a command"), unnamed.stdout);
});

test(
  "cli: a failure to read standard input is an unreadable input (exit 4), not an internal error",
  async () => {
    const r = await run(["-"], { stdin: errno("EIO", "i/o error, read") });
    assert.equal(r.code, 4);
    assert.match(r.stderr, /^iptlint: cannot read <stdin>/);
  },
);

test("cli: --version and --help", async () => {
  for (const flag of ["--version", "-v"]) {
    const r = await run([flag]);
    assert.deepEqual(r, { code: 0, stdout: `${version}\n`, stderr: "", reads: [] });
  }
  for (const argv of [["--help"], ["-h"], ["help"]]) {
    const r = await run(argv);
    assert.equal(r.code, 0, argv.join(" "));
    assert.equal(r.stderr, "");
    assert.ok(r.stdout.startsWith("Usage: iptlint [options] [command]\n"), r.stdout);
    assert.match(r.stdout, /^ {2}lint \[options\] \[paths\.\.\.\]/m);
    assert.match(r.stdout, /^ {2}fmt \[options\] <path>/m);
    assert.match(r.stdout, /-v, --version/);
  }
  const fmtHelp = await run(["fmt", "--help"]);
  assert.equal(fmtHelp.code, 0);
  assert.ok(fmtHelp.stdout.startsWith("Usage: iptlint fmt [options] <path>\n"));
  assert.match(fmtHelp.stdout, /--compact/);
  assert.match(fmtHelp.stdout, /--stdin-filename <name>/);
});

test("cli: fmt prints the file byte for byte", async () => {
  for (const [name, text] of [
    ["kube.save", KUBE],
    ["windows.rules", CRLF],
    ["rules.txt", "-P INPUT ACCEPT\n-N FOO\n-A INPUT -s 1.2.3.4/32 -j FOO\n"],
  ]) {
    const r = await run(["fmt", name], { files: { [name]: text } });
    assert.equal(r.code, 0, name);
    assert.equal(r.stderr, "");
    assert.ok(r.stdout === text, `${name} printed byte for byte`);
  }
  const piped = await run(["fmt", "-"], { stdin: CRLF });
  assert.ok(piped.stdout === CRLF);
});

test("cli: fmt --compact prints the iptables-save layout", async () => {
  const r = await run(["fmt", "--compact", "windows.rules"], { files: { "windows.rules": CRLF } });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, "# from Windows\n*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -o eth0 -j MASQUERADE\nCOMMIT\n");
  const kube = await run(["fmt", "--compact", "-"], { stdin: KUBE });
  assert.ok(kube.stdout === KUBE, "iptables-save output is already compact");
});

test("cli: fmt refuses a file with syntax errors", async () => {
  const r = await run(["fmt", "bad.rules"], { files: { "bad.rules": BROKEN } });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "", "nothing on stdout");
  assert.equal(r.stderr, report("bad.rules", [`2:20  error  ${BROKEN_MESSAGE}  syntax`], 1));
  const compact = await run(["fmt", "--compact", "-", "--stdin-filename", "in.rules"], { stdin: "*filter\n-A INPUT -j ACCEPT\n" });
  assert.equal(compact.code, 1);
  assert.equal(compact.stdout, "");
  assert.match(compact.stderr, /^in\.rules\n {2}\d+:\d+ +error +missing COMMIT for table `filter`/);
});

test("cli: binary and random input give a diagnostic, never a crash", async () => {
  const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x0a, 0xff]);
  const r = await run(["a.out"], { files: { "a.out": binary } });
  assert.equal(r.code, 1);
  assert.equal(r.stderr, "");
  assert.equal(r.stdout, report("a.out", ["1:8  error  binary file: it has NUL bytes, so it is not an iptables ruleset  syntax"], 1));
  const fmt = await run(["fmt", "a.out"], { files: { "a.out": binary } });
  assert.deepEqual([fmt.code, fmt.stdout], [1, ""]);
  assert.match(fmt.stderr, /binary file/);
});

// ---------------------------------------------------------------------------------------------
// The real bin.

let workDir = "";
before(() => {
  workDir = mkdtempSync(join(tmpdir(), "iptlint-cli-"));
});
after(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function writeInput(name: string, content: string | Buffer): string {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
}

function bin(args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
  // Not a terminal, and no colour asked for: node's test runner sets FORCE_COLOR for its children.
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [binPath, ...args], {
    input: input === undefined ? undefined : Buffer.from(input),
    cwd: workDir,
    encoding: "buffer",
    env: { ...inherited, IPTLINT_DEBUG: "", ...env },
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, out: result.stdout.toString("utf8"), err: result.stderr.toString("utf8") };
}

const ANSI = /\u001b\[/;
const STACK = /^\s+at .+(:\d+:\d+\)?|\(node:)/m;

test("bin: exit codes and exact output", () => {
  writeInput("clean.rules", CLEAN);
  writeInput("bad.rules", BROKEN);
  const clean = bin(["clean.rules"]);
  assert.deepEqual([clean.status, clean.out, clean.err], [0, "", ""]);

  const bad = bin(["bad.rules"]);
  assert.equal(bad.status, 1);
  assert.equal(bad.out, report("bad.rules", [`2:20  error  ${BROKEN_MESSAGE}  syntax`], 1));
  assert.equal(bad.err, "");

  const usage = bin(["--bogus"]);
  assert.equal(usage.status, 2);
  assert.match(usage.err, /unknown option '--bogus'/);

  const missing = bin(["nope.rules"]);
  assert.deepEqual([missing.status, missing.out, missing.err], [4, "", "iptlint: cannot read nope.rules: no such file\n"]);

  const directory = bin(["fmt", "."]);
  assert.deepEqual([directory.status, directory.err], [4, "iptlint: cannot read .: it is a directory\n"]);

  const version = bin(["--version"]);
  assert.deepEqual([version.status, version.out], [0, `${JSON.parse(readFileSync(fromRoot("package.json"), "utf8")).version}\n`]);

  const stdin = bin(["-", "--stdin-filename", "piped.rules"], BROKEN);
  assert.equal(stdin.status, 1);
  assert.ok(stdin.out.startsWith("piped.rules\n  2:20  error  a second target"));

  for (const r of [clean, bad, usage, missing, directory, version, stdin]) {
    assert.doesNotMatch(r.out + r.err, ANSI, "no ANSI escape codes, even with FORCE_COLOR");
    assert.doesNotMatch(r.out + r.err, STACK, "no stack trace");
  }
});

test("bin: fmt writes the file back byte for byte", () => {
  const kube = writeInput("kube.save", KUBE);
  const crlf = writeInput("windows.rules", CRLF);
  const r = bin(["fmt", kube]);
  assert.equal(r.status, 0);
  assert.ok(r.stdout.equals(Buffer.from(KUBE)), "stdout is the file");
  const w = bin(["fmt", crlf]);
  assert.ok(w.stdout.equals(readFileSync(crlf)));
  const refused = bin(["fmt", "bad.rules"]);
  assert.equal(refused.status, 1);
  assert.equal(refused.stdout.length, 0);
  assert.match(refused.err, /a second target/);
});

test(
  "bin: fmt keeps bytes that are not UTF-8",
  () => {
    const latin1 = Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\n*filter\n-A INPUT -j ACCEPT\nCOMMIT\n")]);
    const r = bin(["fmt", writeInput("latin1.rules", latin1)]);
    assert.equal(r.status, 0);
    assert.ok(r.stdout.equals(latin1), `stdout ${r.stdout.toString("hex")}`);
  },
);

test(
  "bin: word length counts the file's bytes, not their UTF-8 replacement",
  () => {
    // iptables 1.8.9 accepts a 400-byte word.
    const latin1 = Buffer.concat([Buffer.from("*filter\n-A INPUT -m comment --comment "), Buffer.alloc(400, 0xe9), Buffer.from(" -j ACCEPT\nCOMMIT\n")]);
    const r = bin([writeInput("latin1-long.rules", latin1)]);
    // No syntax error; only the comment iptables cuts to 255 of its 400 bytes (invalid-option-value).
    assert.match(r.out, /^\S+latin1-long\.rules\n {2}2:31 {2}warning {2}`--comment` is at least 400 bytes long: iptables keeps its first 255 bytes .* invalid-option-value\n\n✖ 1 problem \(0 errors, 1 warning\)/);
    assert.equal(r.status, 0);
  },
);

test("bin: binary files and random bytes end with diagnostics, no stack trace", () => {
  let seed = 12345;
  const random = Buffer.alloc(64 * 1024);
  for (let i = 0; i < random.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    random[i] = 1 + ((seed >> 16) % 255);
  }
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), random.subarray(0, 4096)]);
  for (const [name, content, firstLine] of [
    ["random.bin", random, null],
    ["a.out", elf, "  1:8  error  binary file: it has NUL bytes, so it is not an iptables ruleset  syntax"],
  ] as const) {
    const path = writeInput(name, content);
    for (const args of [[path], ["fmt", path]]) {
      const r = bin(args);
      assert.equal(r.status, 1, `${args.join(" ")}: ${r.err}`);
      assert.doesNotMatch(r.out + r.err, STACK);
      assert.doesNotMatch(r.err, /internal error|bug in iptlint/);
      const text = args[0] === "fmt" ? r.err : r.out;
      assert.ok(text.startsWith(`${path}\n`), text.slice(0, 200));
      assert.match(text, /✖ \d+ problems? \(\d+ errors?, 0 warnings\)\n.*`iptlint explain syntax`\)\n$/);
      if (firstLine) assert.equal(text.split("\n")[1], firstLine);
      if (args[0] === "fmt") assert.equal(r.stdout.length, 0);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// The node context: flags and configuration.

const BUGGY_KUBE = readFileSync(fromRoot("test", "fixtures", "corpus", "kube", "kube-proxy-1.18.2-iptables.nft.save"), "utf8");

test("cli: the node's kernel from the command line or the configuration weighs the finding", async () => {
  const plain = await run(["node1/rules.v4"], { files: { "node1/rules.v4": BUGGY_KUBE } });
  assert.equal(plain.code, 1);
  assert.match(plain.stdout, /error {2}`-j MASQUERADE --random-fully` on packets still marked 0x4000/);

  const flag = await run(["node1/rules.v4", "--kernel-version", "5.4.41"], { files: { "node1/rules.v4": BUGGY_KUBE } });
  assert.equal(flag.code, 0, "a warning does not fail the run");
  assert.match(flag.stdout, /warning {2}`-j MASQUERADE --random-fully` .*\(kernel 5\.4\.41 has the checksum fix\)/);

  const files = { "node1/rules.v4": BUGGY_KUBE, "node1/.iptlintrc.json": JSON.stringify({ node: { kernelVersion: "4.19.123" } }) };
  const configured = await run(["node1/rules.v4"], { files });
  assert.equal(configured.code, 0);
  assert.match(configured.stdout, /kernel 4\.19\.123 has the checksum fix/);

  // The flag wins over the configuration, and --no-config ignores it.
  const both = await run(["node1/rules.v4", "--kernel-version", "4.19.100"], { files });
  assert.equal(both.code, 1);
  assert.match(both.stdout, /kernel 4\.19\.100 lacks the checksum fix/);
  assert.equal((await run(["node1/rules.v4", "--no-config"], { files })).code, 1);
});

test("cli: a configuration error exits 3, naming the file and the key, with a suggestion", async () => {
  const files = { "n/rules.v4": BUGGY_KUBE, "n/.iptlintrc.json": JSON.stringify({ node: { kernelVersoin: "5.4.41" } }) };
  const r = await run(["n/rules.v4"], { files });
  assert.equal(r.code, 3);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /invalid configuration in n\/\.iptlintrc\.json/);
  assert.match(r.stderr, /unknown key `kernelVersoin` in `node`: did you mean `kernelVersion`\?/);

  const badVersion = await run(["n/rules.v4", "--config", "custom.json"], { files: { ...files, "custom.json": JSON.stringify({ node: { kubernetesVersion: "latest" } }) } });
  assert.equal(badVersion.code, 3);
  assert.match(badVersion.stderr, /`node\.kubernetesVersion` does not look like a version/);
});

test("bin: the configuration is found from the linted file's folder upward", () => {
  const dir = mkdtempSync(join(tmpdir(), "iptlint-config-"));
  try {
    const nested = join(dir, "nodes", "edge-1");
    spawnSync("mkdir", ["-p", nested]);
    writeFileSync(join(nested, "rules.v4"), BUGGY_KUBE);
    writeFileSync(join(dir, ".iptlintrc.yaml"), "node:\n  kernelVersion: 5.10.0\n");
    const found = spawnSync(process.execPath, [binPath, join(nested, "rules.v4")], { encoding: "utf8" });
    assert.equal(found.status, 0, found.stdout + found.stderr);
    assert.match(found.stdout, /kernel 5\.10\.0 has the checksum fix/);
    writeFileSync(join(dir, ".iptlintrc.yaml"), "node:\n  kernel: 5.10.0\n");
    const invalid = spawnSync(process.execPath, [binPath, join(nested, "rules.v4")], { encoding: "utf8" });
    assert.equal(invalid.status, 3);
    assert.match(invalid.stderr, /unknown key `kernel` in `node`: did you mean `kernelVersion`\?/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// fix

const FIXED_CHAIN = [
  "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN",
  "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0",
  '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
];

test("cli: fix writes the fixed file in place and reports nothing left", async () => {
  const files: Record<string, string | Buffer> = { "rules.v4": BUGGY_KUBE };
  const r = await run(["fix", "rules.v4"], { files });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, "");
  const written = String(files["rules.v4"]);
  assert.deepEqual(written.split("\n").filter((l) => l.startsWith("-A KUBE-POSTROUTING")), FIXED_CHAIN);
  // Fixing again changes nothing and writes nothing.
  const again = await run(["fix", "rules.v4"], { files });
  assert.equal(again.code, 0);
  assert.equal(String(files["rules.v4"]), written);
});

test("cli: fix --emit prints only the diff, the restore file or the live patch on stdout", async () => {
  const files = { "rules.v4": BUGGY_KUBE };
  const diff = await run(["fix", "--emit", "diff", "rules.v4"], { files });
  assert.equal(diff.code, 0);
  assert.match(diff.stdout, /^--- a\/rules\.v4\n\+\+\+ b\/rules\.v4\n@@ /m);
  assert.match(diff.stdout, /^-.*-m mark --mark 0x4000\/0x4000 -j MASQUERADE --random-fully$/m);
  assert.equal(files["rules.v4"], BUGGY_KUBE, "--emit never writes the file");

  const restore = await run(["fix", "--emit", "restore", "rules.v4"], { files });
  assert.deepEqual(restore.stdout.split("\n").filter((l) => l.startsWith("-A KUBE-POSTROUTING")), FIXED_CHAIN);

  const patch = await run(["fix", "--emit", "patch", "rules.v4"], { files });
  const lines = patch.stdout.split("\n");
  assert.deepEqual(lines.filter((l) => !l.startsWith("#")), ["*nat", ":KUBE-POSTROUTING - [0:0]", ...FIXED_CHAIN, "COMMIT", ""]);
  assert.match(patch.stdout, /iptables-restore --noflush/);
  assert.match(patch.stdout, /kube-proxy rewrites its chains on its next sync/);
});

test("cli: fix never touches a file with syntax errors", async () => {
  const broken = BUGGY_KUBE.replace("COMMIT\n# Completed", 'COMMIT "\n# Completed');
  const files: Record<string, string | Buffer> = { "rules.v4": broken };
  const r = await run(["fix", "rules.v4"], { files });
  assert.equal(r.code, 1);
  assert.equal(files["rules.v4"], broken);
  assert.match(r.stderr, /not applied: the file has syntax errors/);
});

test("cli: fix usage errors", async () => {
  assert.equal((await run(["fix", "-"], { stdin: BUGGY_KUBE })).code, 2);
  assert.equal((await run(["fix", "--emit", "diff", "a", "b"], { files: { a: BUGGY_KUBE, b: BUGGY_KUBE } })).code, 2);
  assert.equal((await run(["fix", "--emit", "svg", "a"], { files: { a: BUGGY_KUBE } })).code, 2);
  const fromStdin = await run(["fix", "--emit", "restore", "-"], { stdin: BUGGY_KUBE });
  assert.equal(fromStdin.code, 0);
  assert.match(fromStdin.stdout, /-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000\/0x0\n/);
});

test("bin: fix writes atomically and keeps the file's mode", () => {
  const dir = mkdtempSync(join(tmpdir(), "iptlint-fix-"));
  try {
    const file = join(dir, "rules.v4");
    writeFileSync(file, BUGGY_KUBE, { mode: 0o640 });
    const r = spawnSync(process.execPath, [binPath, "fix", file], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ["rules.v4"], "no temporary file is left behind");
    assert.deepEqual(readFileSync(file, "utf8").split("\n").filter((l) => l.startsWith("-A KUBE-POSTROUTING")), FIXED_CHAIN);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// Paths and thresholds

const LATENT_KUBE = readFileSync(fromRoot("test", "fixtures", "corpus", "kube", "kube-proxy-1.14-iptables.nft.save"), "utf8");

test("cli: folders are searched for rulesets, glob patterns expanded, node_modules skipped", async () => {
  const files = { "nodes/a/rules.v4": BUGGY_KUBE, "nodes/b/edge.rules": CLEAN, "nodes/b/notes.txt": "foo\n", "node_modules/x/rules.v4": BUGGY_KUBE };
  const folder = await run(["nodes"], { files, dirs: ["nodes"] });
  assert.equal(folder.code, 1);
  assert.deepEqual(folder.reads, ["nodes/a/rules.v4", "nodes/b/edge.rules"]);
  const pattern = await run(["nodes/**/*.rules"], { files });
  assert.deepEqual([pattern.code, pattern.reads], [0, ["nodes/b/edge.rules"]]);
  const nothing = await run(["nodes/**/*.save"], { files });
  assert.equal(nothing.code, 2);
  assert.match(nothing.stderr, /no file matches the pattern nodes\/\*\*\/\*\.save/);
  const empty = await run(["empty"], { files, dirs: ["empty"] });
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /no ruleset in empty/);
});

test("cli: --failure-threshold, --max-warnings and --quiet decide the exit code", async () => {
  const files = { "latent.rules": LATENT_KUBE };
  assert.equal((await run(["latent.rules"], { files })).code, 0, "a warning does not fail by default");
  assert.equal((await run(["latent.rules", "--failure-threshold", "warning"], { files })).code, 1);
  assert.equal((await run(["latent.rules", "--failure-threshold", "info"], { files })).code, 1);
  assert.equal((await run(["latent.rules", "--max-warnings", "0"], { files })).code, 1);
  assert.equal((await run(["latent.rules", "--max-warnings", "1"], { files })).code, 0);
  const quiet = await run(["latent.rules", "--quiet", "--max-warnings", "0"], { files });
  assert.deepEqual([quiet.code, quiet.stdout], [0, ""], "--quiet reports and counts errors only");
  assert.equal((await run(["latent.rules", "--failure-threshold", "fatal"], { files })).code, 2);
  assert.equal((await run(["latent.rules", "--max-warnings", "-1"], { files })).code, 2);
});

test("bin: colour only when asked for off a terminal: FORCE_COLOR or --color; NO_COLOR and --no-color win", () => {
  const ansi = /\x1b\[/;
  assert.doesNotMatch(bin(["bad.rules"]).out, ansi);
  assert.match(bin(["bad.rules"], undefined, { FORCE_COLOR: "1" }).out, ansi);
  assert.match(bin(["bad.rules", "--color"]).out, ansi);
  assert.doesNotMatch(bin(["bad.rules", "--no-color"], undefined, { FORCE_COLOR: "1" }).out, ansi);
  assert.doesNotMatch(bin(["bad.rules"], undefined, { NO_COLOR: "1" }).out, ansi);
});

test("bin: -f picks the format and -o writes the report to a file, leaving stdout empty", () => {
  const json = bin(["bad.rules", "-f", "json"]);
  assert.equal(json.status, 1);
  assert.equal(JSON.parse(json.out)[0].messages[0].ruleId, "syntax");
  const sarif = bin(["bad.rules", "--format", "sarif", "-o", "report.sarif"]);
  assert.deepEqual([sarif.status, sarif.out], [1, ""]);
  assert.equal(JSON.parse(readFileSync(join(workDir, "report.sarif"), "utf8")).version, "2.1.0");
  assert.equal(bin(["bad.rules", "-f", "yaml"]).status, 2);
});

test("bin: init writes a configuration that loads, and print-config shows what applies", () => {
  const dir = mkdtempSync(join(tmpdir(), "iptlint-init-"));
  try {
    const run = (...args: string[]) => spawnSync(process.execPath, [binPath, ...args], { cwd: dir, encoding: "utf8" });
    const init = run("init");
    assert.equal(init.status, 0, init.stderr);
    assert.match(readFileSync(join(dir, ".iptlintrc.yaml"), "utf8"), /masquerade-mark-not-cleared/);
    assert.equal(run("init").status, 2, "never overwrites");
    const printed = run("print-config", "rules.v4");
    assert.equal(printed.status, 0, printed.stderr);
    assert.deepEqual(JSON.parse(printed.stdout), { configFile: join(dir, ".iptlintrc.yaml"), ignored: false, node: {}, rules: {}, reportUnusedSuppressions: "warning" });
    writeFileSync(join(dir, ".iptlintrc.yaml"), "rules:\n  masquerade-mark-not-cleared: warn\n");
    const invalid = run("print-config");
    assert.equal(invalid.status, 3);
    assert.match(invalid.stderr, /did you mean `warning`\?/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bin: rules lists every rule, explain prints its documentation offline", () => {
  const listed = bin(["rules", "--format", "json"]);
  assert.equal(listed.status, 0);
  assert.deepEqual(JSON.parse(listed.out).map((r: { id: string }) => r.id), [...allRules.map((r) => r.id), "syntax", "unused-suppression", "invalid-suppression", "packet-assertion"]);
  const explained = bin(["explain", "masquerade-mark-not-cleared"]);
  assert.equal(explained.status, 0);
  assert.equal(explained.out, readFileSync(fromRoot("rules", "masquerade-mark-not-cleared", "README.md"), "utf8"));
  const typo = bin(["explain", "masquerade-mark"]);
  assert.equal(typo.status, 2);
  assert.match(typo.err, /did you mean `masquerade-mark-not-cleared`\?/);
});

test("cli: the exit-code matrix", async () => {
  const files = { "clean.rules": CLEAN, "bad.rules": BROKEN, "latent.rules": LATENT_KUBE, "n/rules.v4": BUGGY_KUBE, "n/.iptlintrc.json": '{"rules": {"nope": "error"}}' };
  const cases: Array<[string[], number]> = [
    [["clean.rules"], 0],
    [["latent.rules"], 0],
    [["bad.rules"], 1],
    [["latent.rules", "--max-warnings", "0"], 1],
    [["--bogus", "clean.rules"], 2],
    [["clean.rules", "--format", "xml"], 2],
    [["nothing-*.rules"], 2],
    [["n/rules.v4"], 3],
    [["missing.rules"], 4],
  ];
  for (const [argv, code] of cases) assert.equal((await run(argv, { files })).code, code, argv.join(" "));
});

test("cli: a bug inside iptlint exits 5 with a one-line message, the stack only with IPTLINT_DEBUG", async () => {
  const loadConfig = async () => {
    throw new TypeError("cannot read properties of undefined");
  };
  const plain = await run(["clean.rules"], { files: { "clean.rules": CLEAN }, io: { loadConfig } });
  assert.equal(plain.code, 5);
  assert.equal(plain.stderr, "iptlint: internal error: cannot read properties of undefined\nThis is a bug in iptlint; please report it.\n");
  const debug = await run(["clean.rules"], { files: { "clean.rules": CLEAN }, io: { loadConfig, env: { IPTLINT_DEBUG: "1" } } });
  assert.equal(debug.code, 5);
  assert.match(debug.stderr, /TypeError: cannot read properties of undefined\n\s+at /);
});

test("cli: every rule runs by default; the configuration turns one off", async () => {
  const text = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j NOPE\nCOMMIT\n";
  const plain = await run(["r.rules"], { files: { "r.rules": text } });
  assert.equal(plain.code, 1);
  assert.match(plain.stdout, /jump-to-undefined-chain/);
  const off = await run(["r.rules"], { files: { "r.rules": text, "./.iptlintrc.json": JSON.stringify({ rules: { "jump-to-undefined-chain": "off" } }) } });
  assert.deepEqual([off.code, off.stdout], [0, ""]);
});

test("cli: \"fixable with `iptlint fix`\" only where fix can run: not for --live, not for a file with syntax errors", async () => {
  // `-s ! 10.0.0.0/8`: old-negation-syntax, a safe fix.
  const OLD_NEGATION = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s ! 10.0.0.0/8 -j DROP\nCOMMIT\n";
  const file = await run(["rules.v4", "--no-config"], { files: { "rules.v4": OLD_NEGATION } });
  assert.match(file.stdout, /old-negation-syntax\n\n.*\n {2}1 fixable with `iptlint fix`\n/, "a file: fix can run");

  const files = { "broken.v4": OLD_NEGATION.replace("COMMIT\n", "-A INPUT -j ACCEPT -j DROP\nCOMMIT\n"), "rules.v4": OLD_NEGATION };
  const broken = await run(["broken.v4", "--no-config"], { files });
  assert.match(broken.stdout, /old-negation-syntax\n.*a second target/);
  assert.doesNotMatch(broken.stdout, /fixable/, "fix never touches a file with syntax errors");
  // The other files' fixes are still counted.
  const both = await run(["broken.v4", "rules.v4", "--no-config"], { files });
  assert.match(both.stdout, /\n {2}1 fixable with `iptlint fix`\n/);

  const save = async (tool: string) =>
    tool === "iptables-nft-save" ? { status: 0, stdout: OLD_NEGATION, stderr: "" } : { status: null, stdout: "", stderr: "", error: "ENOENT" };
  const live = await run(["lint", "--live", "--no-config"], { io: { run: save } });
  assert.match(live.stdout, /^live:iptables-nft-save\n.*old-negation-syntax/);
  assert.doesNotMatch(live.stdout, /fixable/, "no file for fix to write");
});
