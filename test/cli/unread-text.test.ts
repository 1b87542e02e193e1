/**
 * A text the parser does not read as a ruleset (a template, a binary file) is one syntax error
 * and nothing else. Rules and suppressions that search the text itself for `#`, `!`, `=` or the
 * `iptlint-` marker once looped for ever (comment-after-rule) or failed with "no line 0"
 * (option-cannot-be-negated, suppressions) on such a file: the CLI's own examples folder has two.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { binPath } from "../helpers/project.js";

const TEXTS: Record<string, string> = {
  "alerts.yml": "groups:\n  - name: iptlint # alerts\n    rules:\n      - alert: X\n        annotations:\n          summary: '{{ $labels.instance }} # has findings'\n",
  "rules.j2": '*filter\r\n-A INPUT ! -s {{ admin }} --dport=22 -j DROP # iptlint-disable-line\r\n-A INPUT -m comment --comment "x" -j ACCEPT\r\nCOMMIT\r\n',
  "run.sh": '#!/bin/sh\nNODE="${NODE:-node}" # iptlint-disable-next-line\n[ ! -x "$NODE" ] && exit 1\n',
  "binary.rules": "*filter\0\n-A INPUT ! -s 10.0.0.1 -j ACCEPT # x\n# iptlint-disable-next-line\n-A INPUT --dport=22\nCOMMIT\n",
};

test("a template or a binary file gets its one syntax error, in every format, quickly", () => {
  // In a child process: a rule that loops for ever cannot be stopped by a timeout in this one.
  const dir = mkdtempSync(join(tmpdir(), "iptlint-unread-"));
  try {
    for (const [name, text] of Object.entries(TEXTS)) {
      writeFileSync(join(dir, name), text);
      for (const format of ["json", "stylish"]) {
        const run = spawnSync(process.execPath, [binPath, "lint", "-f", format, join(dir, name)], { encoding: "utf8", timeout: 30_000 });
        assert.equal(run.error, undefined, `${name}: ${run.error?.message}`);
        assert.equal(run.status, 1, `${name} -f ${format}: exit ${run.status}: ${run.stderr}`);
        assert.equal(run.stderr, "", name);
        if (format === "json") {
          const [file] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
          assert.deepEqual(file.messages.map((m) => m.ruleId), ["syntax"], name);
          assert.match(file.messages[0].message, /template|binary file/, name);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
