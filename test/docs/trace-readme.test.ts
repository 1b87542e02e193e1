/** README.md's trace example runs: the command in its `sh` block, run in examples/, prints its `text` block. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/cli/io.js";
import { fromRoot } from "../helpers/project.js";

/** Splits a shell command's words, with double quotes (all the example uses). */
const words = (command: string): string[] => [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);

test("README.md: the kube-proxy trace example prints what the README shows", async () => {
  const readme = readFileSync(fromRoot("README.md"), "utf8");
  const match = /```sh\n(npx iptlint trace [^\n]*)\n```\n\n```text\n([\s\S]*?)```/.exec(readme);
  assert.ok(match, "the README has the example");
  const [, command, expected] = match;
  let stdout = "";
  let stderr = "";
  const io = { ...nodeIo(fromRoot("examples")), stdout: { write: (t: string | Uint8Array) => void (stdout += String(t)) }, stderr: { write: (t: string | Uint8Array) => void (stderr += String(t)) } };
  const code = await main(words(command).slice(2), io);
  assert.equal(code, 0, stderr);
  assert.equal(stdout, expected);
  // Both endpoints, each with its probability.
  assert.equal([...stdout.matchAll(/probability 50\.0%/g)].length, 2);
  assert.match(stdout, /10\.244\.0\.2:8080/);
  assert.match(stdout, /10\.244\.0\.3:8080/);
});
