/**
 * Inline suppressions: comments that silence rule findings.
 *
 *     # iptlint-disable-next-line RULE[, RULE] [-- reason]   the next line that is not a comment or blank
 *     # iptlint-disable RULE ... # iptlint-enable RULE       the lines between them (or to the end of the file)
 *     # iptlint-disable-file RULE                            the whole file, wherever it stands
 *     -A ... -m comment --comment "iptlint-disable RULE [-- reason]"   that rule's line only
 *
 * Without a rule list a directive applies to every rule. `iptables-save` drops `#` lines, so
 * the `--comment` form is the one that survives a dump of a live node; it may follow other
 * text in the comment (`"kube SNAT iptlint-disable RULE"`), and `iptlint-disable-line` is
 * accepted there as well. Syntax errors are never suppressed: iptables-restore refuses the
 * line whatever a comment says.
 *
 * Each directive that suppresses nothing is reported under `unused-suppression` (its
 * severity is configurable), and a directive that names an unknown rule, or is misspelt,
 * under `invalid-suppression` (always a warning, so a typo never silently disables nothing).
 */
import { SYNTAX, type CommandLine, type CommentLine, type Document, type Severity, type SourceRange } from "../grammar/index.js";
import { allRules } from "../rules/index.js";
import { nearest } from "./config/nearest.js";
import { INVALID_SUPPRESSION, UNUSED_SUPPRESSION, type LintDiagnostic } from "./builtin-findings.js";

export { INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from "./builtin-findings.js";

export type SuppressionKind = "disable-next-line" | "disable" | "enable" | "disable-file" | "rule-comment";

export interface Suppression {
  kind: SuppressionKind;
  /** The rules it names; null for every rule. Unknown ids are left out (and reported). */
  rules: string[] | null;
  /** The text after ` -- `, if any. */
  reason: string | undefined;
  /** The `#` line, or the `--comment` value. */
  range: SourceRange;
  /** 0-based index of its line. */
  line: number;
  /**
   * The line it applies to: for `disable-next-line` the next line that is not a comment or
   * blank (-1 when there is none), for `rule-comment` its own line; else its own line.
   */
  target: number;
}

export interface ParsedSuppressions {
  suppressions: Suppression[];
  /** `invalid-suppression` findings: unknown directives and rule ids. */
  problems: LintDiagnostic[];
}

export interface SuppressionOptions {
  /** Severity of the findings at suppressions that suppress nothing; `off` reports none. Default: warning. */
  reportUnused?: Severity | "off";
  /** The rule ids a suppression may name; every rule's by default. */
  knownRules?: readonly string[];
}

const MARKER = "iptlint-";
/**
 * The marker's tail: V8 searches for a pattern shorter than 7 characters by its first
 * character, and `l` is rare in rulesets while `-` (which ends the marker) is everywhere. On a
 * 25 MB kube-proxy dump this is 3 ms against 19 ms for the whole marker.
 */
const MARKER_TAIL = "lint-";
const MARKER_HEAD = MARKER.length - MARKER_TAIL.length;

/** Offsets of the marker in the text, in order. */
function* markerOffsets(text: string): Generator<number> {
  for (let at = text.indexOf(MARKER_TAIL, MARKER_HEAD); at !== -1; at = text.indexOf(MARKER_TAIL, at + MARKER_TAIL.length)) {
    if (text.startsWith(MARKER, at - MARKER_HEAD)) yield at - MARKER_HEAD;
  }
}

const LINE_KINDS = ["disable-next-line", "disable-file", "disable", "enable"] as const;
/** What may follow `iptlint-` in a rule's comment. */
const COMMENT_KINDS = ["disable", "disable-line"];

/** Every suppression of the document, in line order, and the problems with them. */
export function parseSuppressions(document: Document, knownRules: readonly string[] = allRules.map((r) => r.id)): ParsedSuppressions {
  const parsed: ParsedSuppressions = { suppressions: [], problems: [] };
  const { text, source } = document;
  // Only lines holding the marker are looked at: a dump has a quarter of a million lines, and
  // building the matches of each rule to read its comments would cost more than linting it.
  let lastLine = -1;
  for (const at of markerOffsets(text)) {
    const index = source.positionAt(at).line - 1;
    // Past the lexed lines: a text not read as a ruleset (a template, a binary file) has none.
    if (index >= source.lexed.lineCount) break;
    if (index === lastLine) continue;
    lastLine = index;
    const line = document.line(index);
    if (line.kind === "comment") commentDirective(document, line, knownRules, parsed);
    else if (line.kind === "command") ruleCommentDirectives(document, line, knownRules, parsed);
  }
  return parsed;
}

/** A `# iptlint-...` line. */
function commentDirective(document: Document, line: CommentLine, knownRules: readonly string[], out: ParsedSuppressions): void {
  const match = /^#\s*iptlint-(\S*)(.*)$/.exec(line.text);
  if (!match) return; // The marker is elsewhere in the comment: prose, not a directive.
  const [, word, rest] = match;
  const kind = LINE_KINDS.find((k) => k === word);
  if (kind === undefined) {
    const message =
      word === "disable-line"
        ? "`iptlint-disable-line` on a `#` line has no line of its own to suppress: use `iptlint-disable-next-line` above the rule"
        : unknownDirective(word, LINE_KINDS);
    out.problems.push(invalid(document, line.range, message));
    return;
  }
  const { rules, reason } = ruleList(rest, `iptlint-${kind}`, document, line.range, knownRules, out);
  const target = kind === "disable-next-line" ? nextContentLine(document, line.index) : line.index;
  out.suppressions.push({ kind, rules, reason, range: line.range, line: line.index, target });
}

/** `-m comment --comment "iptlint-disable RULE"` on a rule: exempts that rule's line. */
function ruleCommentDirectives(document: Document, line: CommandLine, knownRules: readonly string[], out: ParsedSuppressions): void {
  const rule = line.rule;
  if (rule === null) return;
  for (const match of rule.matchesNamed("comment")) {
    const option = match.option("--comment");
    const word = option?.values[0];
    if (!word) continue;
    const found = /(?:^|\s)iptlint-(\S*)(.*)$/.exec(word.value);
    if (!found) continue;
    const [, kind, rest] = found;
    if (!COMMENT_KINDS.includes(kind)) {
      const message = (LINE_KINDS as readonly string[]).includes(kind)
        ? `\`iptlint-${kind}\` has no effect in a rule's comment: write \`iptlint-disable RULE\` there, which exempts this rule`
        : unknownDirective(kind, COMMENT_KINDS);
      out.problems.push(invalid(document, word.range, message));
      continue;
    }
    const { rules, reason } = ruleList(rest, `iptlint-${kind}`, document, word.range, knownRules, out);
    out.suppressions.push({ kind: "rule-comment", rules, reason, range: word.range, line: line.index, target: line.index });
  }
}

/** `a, b -- reason` → the known ids (null when none is named) and the reason; unknown ids are reported. */
function ruleList(
  rest: string,
  directive: string,
  document: Document,
  range: SourceRange,
  knownRules: readonly string[],
  out: ParsedSuppressions,
): { rules: string[] | null; reason: string | undefined } {
  const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const list = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() || undefined : undefined;
  const ids = list.split(/[\s,]+/).filter((id) => id !== "");
  if (ids.length === 0) return { rules: null, reason };
  const rules: string[] = [];
  for (const id of ids) {
    if (knownRules.includes(id)) {
      if (!rules.includes(id)) rules.push(id);
    } else if (id === SYNTAX) {
      out.problems.push(
        invalid(document, range, `\`${directive} syntax\`: syntax errors cannot be suppressed, iptables-restore refuses the line whatever a comment says`),
      );
    } else {
      const guess = nearest(id, knownRules);
      const hint = guess ? `: did you mean \`${guess}\`?` : " (`iptlint rules` lists them)";
      out.problems.push(invalid(document, range, `unknown rule \`${id}\` in \`${directive}\`${hint}`));
    }
  }
  return { rules, reason };
}

function unknownDirective(word: string, kinds: readonly string[]): string {
  const guess = nearest(word, kinds);
  const known = guess ? `: did you mean \`iptlint-${guess}\`?` : ` (known: ${kinds.map((k) => `iptlint-${k}`).join(", ")})`;
  return `unknown directive \`iptlint-${word}\`${known}`;
}

/** The first line after `index` that is neither a comment nor blank, or -1. */
function nextContentLine(document: Document, index: number): number {
  const count = document.source.lexed.lineCount;
  for (let i = index + 1; i < count; i++) {
    const kind = document.kindOf(i);
    if (kind !== "comment" && kind !== "blank") return i;
  }
  return -1;
}

const invalid = (document: Document, range: SourceRange, message: string): LintDiagnostic => ({
  ruleId: INVALID_SUPPRESSION,
  severity: "warning",
  message,
  range,
  loc: document.source.locate(range),
});

// ---------------------------------------------------------------------------------------------
// Applying them

/** A suppression while it is applied: which rules it did suppress. */
interface Active extends Suppression {
  /** Rules it suppressed a finding of. */
  used: Set<string>;
  /** For `enable`: the rules it names that were not disabled where it stands ("*" for all). */
  endedNothing: string[];
}

const covers = (s: Suppression, ruleId: string): boolean => s.rules === null || s.rules.includes(ruleId);

/**
 * The findings less the suppressed ones, plus an `invalid-suppression` finding at each bad
 * directive and an `unused-suppression` finding at each directive that suppressed nothing
 * (unless `reportUnused` is `off`), in source order.
 */
export function applySuppressions(
  document: Document,
  diagnostics: readonly LintDiagnostic[],
  options: SuppressionOptions = {},
): LintDiagnostic[] {
  if (markerOffsets(document.text).next().done) return [...diagnostics];
  const { suppressions, problems } = parseSuppressions(document, options.knownRules);
  const active: Active[] = suppressions.map((s) => ({ ...s, used: new Set(), endedNothing: [] }));

  const fileWide = active.filter((s) => s.kind === "disable-file");
  const byTarget = new Map<number, Active[]>();
  for (const s of active) {
    if (s.kind !== "disable-next-line" && s.kind !== "rule-comment") continue;
    byTarget.set(s.target, [...(byTarget.get(s.target) ?? []), s]);
  }
  const ranges = new RangeState(active.filter((s) => s.kind === "disable" || s.kind === "enable"));

  const kept: LintDiagnostic[] = [];
  // Findings in line order, so that the range directives are applied as the walk passes them.
  const ordered = [...diagnostics].sort((a, b) => a.range.start - b.range.start);
  for (const diagnostic of ordered) {
    if (diagnostic.ruleId === SYNTAX) {
      kept.push(diagnostic);
      continue;
    }
    const line = diagnostic.loc.start.line - 1;
    ranges.advanceTo(line);
    const suppressing = [
      ...fileWide.filter((s) => covers(s, diagnostic.ruleId)),
      ...(byTarget.get(line) ?? []).filter((s) => covers(s, diagnostic.ruleId)),
      ...ranges.suppressing(diagnostic.ruleId),
    ];
    // Every directive that covers the finding counts as used: the overlap is harmless.
    for (const s of suppressing) s.used.add(diagnostic.ruleId);
    if (suppressing.length === 0) kept.push(diagnostic);
  }
  ranges.advanceTo(Infinity);

  kept.push(...problems);
  const severity = options.reportUnused ?? "warning";
  if (severity !== "off") {
    for (const s of active) {
      const message = unusedMessage(s);
      if (message !== null) {
        kept.push({ ruleId: UNUSED_SUPPRESSION, severity, message, range: s.range, loc: document.source.locate(s.range) });
      }
    }
  }
  return kept.sort((a, b) => a.range.start - b.range.start);
}

/**
 * Which rules the `iptlint-disable` / `iptlint-enable` directives above a line leave
 * disabled, moved forward line by line as the findings are walked in order.
 */
class RangeState {
  private next = 0;
  /** The directive that disabled each rule by name. */
  private readonly byRule = new Map<string, Active>();
  /** A disable of every rule, and the rules enabled again by name since. */
  private all: Active | null = null;
  private readonly exceptions = new Set<string>();

  constructor(private readonly directives: Active[]) {}

  /** Applies the directives on the lines before `line`. */
  advanceTo(line: number): void {
    while (this.next < this.directives.length && this.directives[this.next].line < line) this.apply(this.directives[this.next++]);
  }

  suppressing(ruleId: string): Active[] {
    const out: Active[] = [];
    const named = this.byRule.get(ruleId);
    if (named) out.push(named);
    if (this.all && !this.exceptions.has(ruleId)) out.push(this.all);
    return out;
  }

  private apply(d: Active): void {
    if (d.kind === "disable") {
      if (d.rules === null) {
        this.all = d;
        this.exceptions.clear();
      } else {
        for (const id of d.rules) {
          this.byRule.set(id, d);
          this.exceptions.delete(id);
        }
      }
      return;
    }
    // enable
    if (d.rules === null) {
      if (this.all === null && this.byRule.size === 0) d.endedNothing.push("*");
      this.all = null;
      this.byRule.clear();
      this.exceptions.clear();
      return;
    }
    for (const id of d.rules) {
      const wasDisabled = this.byRule.delete(id) || (this.all !== null && !this.exceptions.has(id));
      if (this.all !== null) this.exceptions.add(id);
      if (!wasDisabled) d.endedNothing.push(id);
    }
  }
}

/** `a`, `a` or `b`, `a`, `b` or `c`. */
function orList(ids: string[]): string {
  const quoted = ids.map((id) => `\`${id}\``);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** Why a directive is unused, or null when it did its work. */
function unusedMessage(s: Active): string | null {
  if (s.kind === "enable") {
    if (s.endedNothing.length === 0) return null;
    if (s.endedNothing[0] === "*") return "unused suppression: nothing is disabled here, so `iptlint-enable` does nothing";
    const ids = s.endedNothing;
    return `unused suppression: ${orList(ids)} ${ids.length === 1 ? "is" : "are"} not disabled here, so \`iptlint-enable\` does nothing for ${ids.length === 1 ? "it" : "them"}`;
  }
  let finding: string;
  if (s.rules === null) {
    if (s.used.size > 0) return null;
    finding = "finding";
  } else {
    const unused = s.rules.filter((id) => !s.used.has(id));
    // Every id it named was unknown: that is reported as invalid already.
    if (unused.length === 0) return null;
    finding = `${orList(unused)} finding`;
  }
  switch (s.kind) {
    case "disable-next-line":
      return s.target === -1
        ? "unused suppression: `iptlint-disable-next-line` has no line after it"
        : `unused suppression: line ${s.target + 1} has no ${finding} to suppress`;
    case "disable":
      return `unused suppression: no ${finding} between this \`iptlint-disable\` and its \`iptlint-enable\` (or the end of the file)`;
    case "disable-file":
      return `unused suppression: this file has no ${finding} to suppress`;
    case "rule-comment":
      return `unused suppression: this rule has no ${finding} to suppress`;
  }
}
