/**
 * What the report formats share: paths, counts, rule metadata, fingerprints and escaping.
 * Everything here is pure: no files are read, no environment is consulted.
 */
import { relative, resolve, sep } from "node:path";

import { SYNTAX, type Position, type Severity } from "../../grammar/index.js";
import type { RuleModule } from "../../rules/types.js";
import { BUILTIN_FINDINGS, PACKET_ASSERTION, PACKET_ASSERTION_FINDING, SUPPRESSION_FINDINGS, SYNTAX_FINDING } from "../builtin-findings.js";
import { lazyModule } from "../lazy.js";
import type { LintDiagnostic, LintResult } from "../lint.js";

/** The name of a result linted from text that was given no file path. */
export const UNNAMED = "<text>";

/** Where iptlint lives; the SARIF `informationUri` and the base of every docs link. */
export const REPOSITORY_URL = "https://github.com/iptlint/iptlint";

/** The path as the user gave it (human formats, JSON, checkstyle, JUnit). */
export const displayPath = (result: LintResult): string => result.filePath ?? UNNAMED;

/**
 * The path relative to `cwd`, with `/` separators and no leading `./` (SARIF, GitHub, GitLab:
 * code scanning and merge requests match findings to repository paths).
 */
export function relativePath(result: LintResult, cwd: string): string {
  const path = relative(cwd, resolve(cwd, displayPath(result)));
  return sep === "/" ? path : path.split(sep).join("/");
}

/** A relative path as a URI reference: each segment percent-encoded, so `a b:c` stays one path. */
export const pathToUriReference = (path: string): string => path.split("/").map(encodeURIComponent).join("/");

/** The metadata the formats need of a rule; lint rules are `RuleModule`s, `syntax` is not. */
export type RuleMeta = Pick<RuleModule, "id" | "description" | "severity">;

/** The grammar's findings, described as if they came from a rule. */
export const SYNTAX_RULE: RuleMeta = SYNTAX_FINDING;

const NOT_IN_RULES = new Set(BUILTIN_FINDINGS.map((r) => r.id));

/** Every rule a report describes up front: `syntax` first, then the lint rules in their order. */
export const describedRules = (rules: readonly RuleModule[]): RuleMeta[] => [SYNTAX_RULE, ...rules];

/**
 * A rule a finding names that the report did not describe up front: a suppression finding, or
 * a rule left out of `FormatContext.rules` by the caller.
 */
export const describeRule = (ruleId: string, severity: Severity): RuleMeta =>
  [...SUPPRESSION_FINDINGS, PACKET_ASSERTION_FINDING].find((r) => r.id === ruleId) ?? { id: ruleId, description: `iptlint rule ${ruleId}`, severity };

/** A rule's documentation page; `syntax` and the suppression findings are described in the README. */
export function ruleDocsUrl(ruleId: string): string {
  if (ruleId === SYNTAX) return `${REPOSITORY_URL}/blob/main/README.md#rules`;
  if (ruleId === PACKET_ASSERTION) return `${REPOSITORY_URL}/blob/main/README.md#testing-packets-in-ci`;
  if (NOT_IN_RULES.has(ruleId)) return `${REPOSITORY_URL}/blob/main/README.md`;
  return `${REPOSITORY_URL}/blob/main/rules/${ruleId}/README.md`;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  /** Findings with a fix of either kind. */
  fixable: number;
  /** Findings whose fix `iptlint fix` applies without `--unsafe-fixes`. */
  safeFixable: number;
}

export function countDiagnostics(diagnostics: readonly LintDiagnostic[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, fixable: 0, safeFixable: 0 };
  for (const d of diagnostics) {
    counts[d.severity]++;
    if (d.fix) {
      counts.fixable++;
      if (d.fix.applicability === "safe") counts.safeFixable++;
    }
  }
  return counts;
}

/**
 * The counts of all results. Fixes are counted only where `iptlint fix` can apply them: not in
 * the live rules (`--live`: no file to write) nor in a file with syntax errors (never fixed).
 */
export function countResults(results: readonly LintResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, fixable: 0, safeFixable: 0 };
  for (const result of results) {
    const own = countDiagnostics(result.diagnostics);
    const fixable = canFix(result);
    counts.error += own.error;
    counts.warning += own.warning;
    counts.info += own.info;
    if (fixable) counts.fixable += own.fixable;
    if (fixable) counts.safeFixable += own.safeFixable;
  }
  return counts;
}

/** Whether `iptlint fix` can apply the result's fixes: a file, and one without syntax errors. */
export const canFix = (result: LintResult): boolean =>
  result.live !== true && !result.diagnostics.some((d) => d.ruleId === SYNTAX && d.severity === "error");

/** `1 error`, `2 warnings`. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Start and end of a finding, both 1-based, the end exclusive (the column after the last character). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export const spanOf = (start: Position, end: Position): Span => ({
  line: start.line,
  column: start.column,
  endLine: end.line,
  endColumn: end.column,
});

/** The text of the line a finding starts on, without its line end. */
export function startLineText(result: LintResult, diagnostic: LintDiagnostic): string {
  const text = result.document.source.text;
  const { offset, column } = diagnostic.loc.start;
  const lineStart = offset - (column - 1);
  const newline = text.indexOf("\n", lineStart);
  const line = text.slice(lineStart, newline === -1 ? text.length : newline);
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/**
 * A line as the fingerprint sees it. Like GitHub's upload-sarif, blanks are dropped, so
 * re-spacing a line keeps its findings. Packet counters (`[12:3456]`, `-c 12 3456`) are dropped
 * too: `iptables-save -c` prints new ones on every dump, and a finding must stay the same alert.
 */
const fingerprintLine = (line: string): string =>
  line
    .replace(/\[\d+:\d+\]/g, "")
    .replace(/(^|[ \t])(?:-c|--set-counters)[ \t]+\d+[ \t]+\d+(?=[ \t]|$)/g, "$1")
    .replace(/[ \t]+/g, "");

const crypto = lazyModule<typeof import("node:crypto")>("node:crypto");

export const sha256 = (text: string): string => crypto().createHash("sha256").update(text).digest("hex");

export interface Fingerprint {
  /** sha256 (hex) of the rule id, the relative path and the finding's line, line number left out. */
  hash: string;
  /** 1 for the first finding with this hash in the report, 2 for the next, ... */
  occurrence: number;
}

/**
 * Fingerprints of every finding, indexed like `results[i].diagnostics[j]`. They survive lines
 * moving up or down (the line number is not hashed); findings of one rule on identical lines
 * of a file are told apart by the occurrence counter, in source order.
 */
export function fingerprints(results: readonly LintResult[], cwd: string): Fingerprint[][] {
  const seen = new Map<string, number>();
  return results.map((result) => {
    const path = relativePath(result, cwd);
    return result.diagnostics.map((d) => {
      const hash = sha256(`${d.ruleId}\0${path}\0${fingerprintLine(startLineText(result, d))}`);
      const occurrence = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, occurrence);
      return { hash, occurrence };
    });
  });
}

/** `\x1b` for ESC: how a control character is shown where it cannot be sent. */
const hexEscape = (c: string): string => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;

/**
 * Text for a terminal or a one-line record: control characters (a newline in a message, an
 * escape sequence in a file name) are shown as `\xNN`, never sent as they are.
 */
export const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, hexEscape);

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // Escaped so that attribute value normalisation keeps them.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/**
 * Text for an XML attribute or element. Characters XML 1.0 cannot carry at all, even as
 * references (other C0 controls, lone surrogates, U+FFFE/U+FFFF), are shown as `\xNN` or U+FFFD.
 */
export const xmlEscape = (text: string): string =>
  text
    .replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, hexEscape)
    .replace(/[\ud800-\udfff\ufffe\uffff]/gu, "\ufffd");

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
