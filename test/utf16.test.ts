/**
 * UTF-16 input is named as such, with the command that converts it, where the grammar would call
 * it binary; a real binary keeps the grammar's message.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { decode } from "../src/cli/inputs.js";
import { nodeIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { lintText } from "../src/lint.js";

const RULES = "*filter\n:INPUT ACCEPT [0:0]\n# Zugriff für das Büro\n-A INPUT -s 10.0.0.0/8 -j ACCEPT\nCOMMIT\n";

const littleEndian = (bom: boolean) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(RULES, "utf16le")]);
const bigEndian = (bom: boolean) => Buffer.concat([Buffer.from(bom ? [0xfe, 0xff] : []), Buffer.from(RULES, "utf16le").swap16()]);

/** The findings of bytes read as the CLI reads a file. */
const findings = (bytes: Buffer) => lintText(decode(bytes).text, { filePath: "rules.v4" }).diagnostics;

test("UTF-16, either byte order, with or without a byte order mark, is named with its iconv command", () => {
  const cases: Array<[Buffer, string, string]> = [
    [littleEndian(true), "UTF-16LE", "UTF-16"],
    [littleEndian(false), "UTF-16LE", "UTF-16LE"],
    [bigEndian(true), "UTF-16BE", "UTF-16"],
    [bigEndian(false), "UTF-16BE", "UTF-16BE"],
  ];
  for (const [bytes, name, from] of cases) {
    const found = findings(bytes);
    assert.equal(found.length, 1, name);
    assert.equal(found[0].ruleId, "syntax");
    assert.equal(found[0].severity, "error");
    assert.equal(found[0].message, `UTF-16 text (${name}): iptables-restore reads bytes and cannot load it; convert it with \`iconv -f ${from} -t UTF-8\``);
    assert.deepEqual([found[0].loc.start.line, found[0].loc.start.column], [1, 1]);
    assert.ok(found[0].message.length <= 160);
  }
  // A UTF-8 decoder that replaced the byte order mark: still told apart.
  assert.match(lintText(littleEndian(true).toString("utf8")).diagnostics[0].message, /^UTF-16 text \(UTF-16LE\)/);
});

test("a binary file with NUL bytes here and there is still called binary", () => {
  const elfLike = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0, 0x30, 0x6d, 0, 0, 0, 0, 0, 0]);
  assert.match(findings(elfLike)[0].message, /^binary file: it has NUL bytes/);
  // Text with one stray NUL is not UTF-16 either.
  assert.match(findings(Buffer.from("*filter\n-A INPUT -j ACCEPT\0\nCOMMIT\n"))[0].message, /^binary file/);
});

test("the CLI reports UTF-16 at file:line:column, and fmt refuses to print it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "iptlint-utf16-"));
  try {
    writeFileSync(join(dir, "rules.v4"), littleEndian(true));
    let stdout = "";
    let stderr = "";
    const io = { ...nodeIo(dir), stdout: { write: (t: string | Uint8Array) => void (stdout += String(t)) }, stderr: { write: (t: string | Uint8Array) => void (stderr += String(t)) } };
    assert.equal(await main(["--no-config", "rules.v4"], io), 1);
    assert.match(stdout, /^rules\.v4\n  1:1  error  UTF-16 text \(UTF-16LE\): iptables-restore reads bytes and cannot load it; convert it with `iconv -f UTF-16 -t UTF-8`  syntax\n/);
    stdout = "";
    assert.equal(await main(["fmt", "rules.v4"], io), 1);
    assert.match(stderr, /UTF-16 text/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
