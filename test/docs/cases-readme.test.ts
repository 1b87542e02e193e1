/** README.md's "Testing packets in CI" example runs: its cases are examples/packets.yaml, and they hold on the example dump. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/cli/io.js";
import { fromRoot } from "../helpers/project.js";

const words = (command: string): string[] => [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);

async function run(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = { ...nodeIo(cwd), stdout: { write: (t: string | Uint8Array) => void (stdout += String(t)) }, stderr: { write: (t: string | Uint8Array) => void (stderr += String(t)) } };
  return { code: await main(argv, io), stdout, stderr };
}

test("README.md: the packet cases example is examples/packets.yaml, and its cases hold", async () => {
  const readme = readFileSync(fromRoot("README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Testing packets in CI"));
  const match = /```yaml\n([\s\S]*?)```\n\n```sh\n(npx iptlint test [^\n]*)\n```/.exec(section);
  assert.ok(match, "the README has the example");
  const [, yaml, command] = match;
  assert.equal(yaml, readFileSync(fromRoot("examples", "packets.yaml"), "utf8"));
  const r = await run(fromRoot("examples"), words(command).slice(2));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, "");

  // The same cases against a dump whose KUBE-FIREWALL lost its drop of marked packets: the case says so.
  const dir = mkdtempSync(join(tmpdir(), "iptlint-cases-readme-"));
  try {
    const dump = readFileSync(fromRoot("examples", "kube-proxy-v1.18.2.save"), "utf8");
    const broken = dump.replace(/^-A KUBE-FIREWALL .*--mark 0x8000\/0x8000 -j DROP\n/m, "");
    assert.notEqual(broken, dump);
    writeFileSync(join(dir, "kube-proxy-v1.18.2.save"), broken);
    copyFileSync(fromRoot("examples", "packets.yaml"), join(dir, "packets.yaml"));
    const failed = await run(dir, [...words(command).slice(2), "-f", "compact"]);
    assert.equal(failed.code, 1);
    const line = yaml.split("\n").findIndex((l) => l.includes("verdict: drop")) + 1;
    assert.match(failed.stdout, new RegExp(`^packets\\.yaml:${line}:\\d+: error: a packet marked for dropping never reaches a process: expected verdict drop, but the packet is accepted \\(delivered to the node\\) \\[packet-assertion\\]\\n$`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
