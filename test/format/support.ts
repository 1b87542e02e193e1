/**
 * What the report format tests share: real lint results of a few fixtures, a result made to
 * exercise escaping, a fixed context, and golden files.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

import { masqueradeMarkNotCleared } from "../../rules/masquerade-mark-not-cleared/rule.js";
import type { RuleModule } from "../../rules/types.js";
import type { FormatContext } from "../../src/format/types.js";
import { lintText, type LintDiagnostic, type LintResult } from "../../src/lint.js";
import { fromRoot } from "../helpers/project.js";

/** Only this rule runs, so that a new rule changes no golden file. */
export const RULES: readonly RuleModule[] = [masqueradeMarkNotCleared];

/** A made-up checkout: paths are reported relative to it, and no file is read from it. */
export const CWD = "/home/ci/infra";

export const { version: VERSION } = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version: string };

/** A run that ended on 2025-12-06 at 06:13:20.5 UTC after 1.2345 s (`prometheus` reports it). */
export const RUN = { endedAt: 1_765_001_600_500, durationMs: 1234.5 };

export const context = (overrides: Partial<FormatContext> = {}): FormatContext => ({
  cwd: CWD,
  color: false,
  rules: RULES,
  version: VERSION,
  run: RUN,
  ...overrides,
});

/** Lints a fixture file, reported under `filePath` (its path in the repository by default). */
export function lintFixture(path: string, filePath = path): LintResult {
  return lintText(readFileSync(fromRoot(path), "utf8"), { filePath, rules: RULES });
}

/**
 * A result whose findings carry everything the formats must escape or handle: a path with a
 * blank, a comma, a colon and a percent sign; messages with `%`, `,`, `:`, XML's special
 * characters, a newline, a carriage return and an escape sequence; an info; an unsafe fix; a
 * finding over three lines; CRLF line ends.
 */
export function awkwardResult(): LintResult {
  const text = "*filter\r\n:INPUT ACCEPT [0:0]\r\n| 100%\r\nCOMMIT\r\n";
  const result = lintText(text, { filePath: "odd dir/a,b:c%.rules", rules: RULES });
  const { source } = result.document;
  const at = (start: number, end: number) => ({ range: { start, end }, loc: source.locate({ start, end }) });
  const bar = text.indexOf("|");
  const diagnostics: LintDiagnostic[] = [
    ...result.diagnostics,
    {
      ruleId: "odd-rule",
      severity: "info",
      message: `100% sure: a,b <&> "double" 'single'\nsecond line\r\u001b[31mred`,
      ...at(bar + 2, bar + 6),
    },
    {
      ruleId: "odd-rule",
      severity: "warning",
      message: "from the table to COMMIT",
      ...at(0, text.indexOf("COMMIT")),
      fix: {
        title: "drop the table",
        applicability: "unsafe",
        edits: [{ start: 0, end: text.length, text: "" }],
        ruleId: "odd-rule",
      },
    },
  ];
  return { ...result, diagnostics: diagnostics.sort((a, b) => a.range.start - b.range.start) };
}

/** Every kind of input at once: a real finding with a fix, a warning, syntax errors, a clean file. */
export function mixedResults(): LintResult[] {
  return [
    lintFixture("test/fixtures/corpus/kube/kube-proxy-1.18.2-iptables.nft.save"),
    lintFixture("test/format/fixtures/masquerade-warning.rules"),
    lintFixture("test/format/fixtures/syntax-errors.rules"),
    // Given as an absolute path inside the checkout.
    lintFixture("test/format/fixtures/clean.rules", `${CWD}/nodes/clean.rules`),
    awkwardResult(),
  ];
}

export const cleanResults = (): LintResult[] => [lintFixture("test/format/fixtures/clean.rules")];

/**
 * Compares `actual` with test/format/golden/NAME byte for byte. With UPDATE_GOLDEN=1 it writes
 * the file instead: review the diff before committing it.
 */
export function assertGolden(name: string, actual: string): void {
  const path = fromRoot("test", "format", "golden", name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, "utf8");
  } catch {
    assert.fail(`no golden file test/format/golden/${name}: run the tests with UPDATE_GOLDEN=1 to write it`);
  }
  assert.equal(actual, expected, `differs from test/format/golden/${name} (if intended: UPDATE_GOLDEN=1 npm test)`);
}

/** SARIF's version of iptlint replaced by a placeholder, so that a release changes no golden file. */
export const normaliseVersion = (text: string): string =>
  text.replace(`"semanticVersion": ${JSON.stringify(VERSION)}`, '"semanticVersion": "<version>"');

/** An SGR escape sequence (a colour or a style). */
export const ANSI = /\u001b\[[0-9;]*m/;
