/** What a report format is: results in, text out. Formats never print or read files. */
import type { RuleModule } from "../../rules/types.js";
import type { LintResult } from "../lint.js";

export interface FormatContext {
  /** The folder paths are reported relative to (SARIF, GitLab, checkstyle keep paths as given). */
  cwd: string;
  /** Whether to colour the output (stylish only): a TTY, NO_COLOR, FORCE_COLOR, --no-color decided it. */
  color: boolean;
  /** Every rule, for formats that describe them (SARIF's tool.driver.rules). */
  rules: readonly RuleModule[];
  /** iptlint's version. */
  version: string;
  /**
   * Each rule's README (what `iptlint explain` prints), by rule id: SARIF gives it as the rule's
   * help and its "What it does" as the full description. Without it, the one-line description.
   */
  ruleDocs?: ReadonlyMap<string, string>;
  /**
   * The run being reported, for `prometheus`: when it ended (milliseconds since the Unix epoch)
   * and how long it took. Without it, the report has no timestamp and no duration.
   */
  run?: { endedAt: number; durationMs: number };
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
