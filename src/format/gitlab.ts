/**
 * GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of issues that merge
 * requests show beside the diff. GitLab keeps only the first issue of a fingerprint, so each
 * finding's fingerprint hashes its rule, path, line text and occurrence: unique in the report,
 * and the same from one pipeline to the next while the line is unchanged, wherever it moves.
 */
import type { Severity } from "../../grammar/index.js";
import { fingerprints, relativePath, sha256 } from "./shared.js";
import type { Formatter } from "./types.js";

type GitLabSeverity = "info" | "minor" | "major" | "critical" | "blocker";

const SEVERITIES: Record<Severity, GitLabSeverity> = { error: "major", warning: "minor", info: "info" };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitLabSeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

export const gitlab: Formatter = (results, context) => {
  const prints = fingerprints(results, context.cwd);
  const issues: CodeQualityIssue[] = results.flatMap((result, i) => {
    const path = relativePath(result, context.cwd);
    return result.diagnostics.map((d, j) => ({
      description: `${d.ruleId}: ${d.message}`,
      check_name: d.ruleId,
      fingerprint: sha256(`${prints[i][j].hash}:${prints[i][j].occurrence}`),
      severity: SEVERITIES[d.severity],
      location: { path, lines: { begin: d.loc.start.line, end: d.loc.end.line } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
