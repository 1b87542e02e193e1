/** Colour and the spinner appear only where a person is watching and wants them. */
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { progress, useColor } from "../../src/cli/terminal.js";

// ora colours through chalk, which decides from this process's standard output (not a terminal
// under the test runner) unless FORCE_COLOR says otherwise: set before ora is first loaded, so
// that whether the spinner is coloured is decided by `progress`'s `color` alone.
process.env.FORCE_COLOR = "1";

test("colour: a terminal, unless NO_COLOR; FORCE_COLOR and the flags decide otherwise", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  assert.equal(useColor(tty, {}, undefined), true);
  assert.equal(useColor(pipe, {}, undefined), false);
  assert.equal(useColor(tty, { NO_COLOR: "1" }, undefined), false);
  assert.equal(useColor(tty, { NO_COLOR: "" }, undefined), true, "an empty NO_COLOR is not set (no-color.org)");
  assert.equal(useColor(tty, { TERM: "dumb" }, undefined), false);
  assert.equal(useColor(pipe, { FORCE_COLOR: "1" }, undefined), true);
  assert.equal(useColor(tty, { FORCE_COLOR: "0" }, undefined), false);
  assert.equal(useColor(pipe, {}, true), true, "--color");
  assert.equal(useColor(tty, { FORCE_COLOR: "1" }, false), false, "--no-color");
});

test("spinner: only on a terminal's standard error, not in CI, not beside machine output", async () => {
  const written = async (isTTY: boolean, env: Record<string, string>, machineOutputOnStdout: boolean, color = true) => {
    // What ora needs of a terminal stream.
    const stream = Object.assign(new PassThrough(), { isTTY, columns: 80, cursorTo: () => true, moveCursor: () => true, clearLine: () => true });
    let out = "";
    stream.on("data", (chunk) => (out += chunk));
    const p = progress(stream as unknown as NodeJS.WriteStream, env, { machineOutputOnStdout, color });
    p.update("linting 1/2");
    // ora is loaded on demand: let the spinner start before stopping it.
    await import("ora");
    await new Promise((done) => setImmediate(done));
    p.stop();
    return out;
  };
  assert.equal(await written(false, {}, false), "", "not a terminal");
  assert.equal(await written(true, { CI: "true" }, false), "", "CI");
  assert.equal(await written(true, { TERM: "dumb" }, false), "", "a terminal that cannot move the cursor");
  assert.equal(await written(true, {}, true), "", "a machine format on stdout");
  assert.match(await written(true, {}, false), /iptlint|linting/, "a person watching");
  // The spinner's frame is cyan unless colour is off (NO_COLOR, --no-color: decided by useColor).
  assert.match(await written(true, {}, false, true), /\x1b\[36m/);
  const plain = await written(true, {}, false, false);
  assert.match(plain, /linting/);
  assert.doesNotMatch(plain, /\x1b\[3\dm/, "no colour");
});
