/**
 * The findings that do not come from a lint rule — the grammar's syntax errors and the
 * reports about `iptlint-disable` comments — described like rules, for `iptlint rules`,
 * `iptlint explain` and the reports (SARIF `rules[]`, GitLab check names).
 */
import { SYNTAX, type Diagnostic, type Severity } from "../grammar/index.js";
import type { Fix } from "../rules/types.js";

/** A finding: a syntax error or a rule's report, with its fix when it has one. */
export interface LintDiagnostic extends Diagnostic {
  fix?: Fix;
  /** A failed packet assertion (`iptlint test`): the walk of each outcome it failed in. */
  trace?: PacketTrace[];
}

/** One outcome of a packet's walk, as a finding carries it: what happened, and every rule it matched. */
export interface PacketTrace {
  /** `drop`, `accept (forwarded), probability 50.0%`... */
  outcome: string;
  /** The undecided matches this outcome assumes. */
  conditions: string[];
  path: { filePath: string; line: number; table: string; chain: string; target: string | null }[];
}

/** The findings of `iptlint test --cases`: a packet case whose expectation does not hold. */
export const PACKET_ASSERTION = "packet-assertion";

export const UNUSED_SUPPRESSION = "unused-suppression";
export const INVALID_SUPPRESSION = "invalid-suppression";

export interface BuiltinFinding {
  id: string;
  description: string;
  severity: Severity;
}

export const SYNTAX_FINDING: BuiltinFinding = {
  id: SYNTAX,
  description:
    "what iptables-restore would refuse to read: words over 1023 bytes, more than 251 words " +
    "on a line, lines that are not commands, stray `!`, commands outside a table, missing COMMIT, malformed counters",
  severity: "error",
};

export const SUPPRESSION_FINDINGS: readonly BuiltinFinding[] = [
  {
    id: UNUSED_SUPPRESSION,
    description: "an `iptlint-disable` comment that suppresses no finding (severity: reportUnusedSuppressions, warning by default)",
    severity: "warning",
  },
  {
    id: INVALID_SUPPRESSION,
    description: "an `iptlint-disable` comment that names an unknown rule, names `syntax`, or is misspelt, so it suppresses nothing",
    severity: "warning",
  },
];

/** Described in the README (Testing packets in CI), not a lint rule: only `iptlint test` reports it. */
export const PACKET_ASSERTION_FINDING: BuiltinFinding = {
  id: PACKET_ASSERTION,
  description: "a packet case of `iptlint test --cases` whose expectation the ruleset does not meet",
  severity: "error",
};

export const BUILTIN_FINDINGS: readonly BuiltinFinding[] = [SYNTAX_FINDING, ...SUPPRESSION_FINDINGS, PACKET_ASSERTION_FINDING];
