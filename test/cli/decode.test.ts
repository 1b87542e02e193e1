import { test } from "node:test";
import assert from "node:assert/strict";
import { decode } from "../../src/cli/inputs.js";

// decode tells ASCII from the decoded text alone; each case here is a byte pattern that could
// fool a shortcut (same length, a replacement character, a byte order mark).
const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

test("ASCII reads as UTF-8, unchanged", () => {
  assert.deepEqual(decode(bytes("*filter\n-A INPUT -j ACCEPT\nCOMMIT\n")), { text: "*filter\n-A INPUT -j ACCEPT\nCOMMIT\n", encoding: "utf8" });
});

test("valid UTF-8 reads as UTF-8 (two-, three- and four-byte characters)", () => {
  const text = "# café – 🔥\n";
  assert.deepEqual(decode(Buffer.from(text, "utf8")), { text, encoding: "utf8" });
});

test("a byte that is not UTF-8 makes the whole file Latin-1, byte for byte", () => {
  const input = bytes("# caf", [0xe9], "\n");
  assert.deepEqual(decode(input), { text: "# caf\u00e9\n", encoding: "latin1" });
  // A lone continuation byte: same length once replaced, still Latin-1.
  assert.deepEqual(decode(bytes("a", [0x80], "b")), { text: "a\u0080b", encoding: "latin1" });
});

test("a U+FFFD written in the file is kept as UTF-8, not taken for a replacement", () => {
  const text = "# \ufffd\n";
  assert.deepEqual(decode(Buffer.from(text, "utf8")), { text, encoding: "utf8" });
});

test("a UTF-8 byte order mark is kept in the text (a syntax error to report)", () => {
  assert.deepEqual(decode(bytes([0xef, 0xbb, 0xbf], "*filter\n")), { text: "\ufeff*filter\n", encoding: "utf8" });
});

test("a big file's own bytes are handed on once, and only after they are decoded", async () => {
  const { inputOf } = await import("../../src/cli/inputs.js");
  const big = Buffer.allocUnsafeSlow(2 << 20).fill(0x61);
  const input = inputOf({ name: "big", path: "big" }, big);
  assert.equal(input.takeSpareMemory!(), undefined, "not before the text is decoded");
  assert.equal(input.text.length, 2 << 20);
  assert.equal(input.takeSpareMemory!(), big.buffer);
  assert.equal(input.takeSpareMemory!(), undefined, "once");
  // A small file, and a slice of a larger buffer (such as Node's pool): never.
  const small = inputOf({ name: "s", path: "s" }, Buffer.from("*filter\nCOMMIT\n"));
  void small.text;
  assert.equal(small.takeSpareMemory!(), undefined);
  const slice = inputOf({ name: "x", path: "x" }, Buffer.allocUnsafeSlow(3 << 20).subarray(1, (2 << 20) + 1));
  void slice.text;
  assert.equal(slice.takeSpareMemory!(), undefined);
});
