/**
 * What a lint rule is and what it may report. Rules read the AST and report findings; a
 * finding's fix is data (text edits on the original text), applied by the fixer in src/.
 */
import type { Document, Severity, SourceRange } from "../grammar/index.js";
import type { Backend, RulesetModel } from "./model/index.js";

/** Replace `text[start, end)` by `text`. An insertion has `start === end`, a deletion `text === ""`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** `safe`: iptables loads the ruleset the user meant either way. `unsafe`: which packets match changes. */
export type Applicability = "safe" | "unsafe";

export interface Fix {
  /** What the fix does, in a few words. */
  title: string;
  applicability: Applicability;
  /** Applied all together or not at all; they must not overlap each other. */
  edits: TextEdit[];
  /** The rule that proposed it. */
  ruleId?: string;
}

/** What is known of the node a ruleset comes from; every field is optional. */
export interface NodeContext {
  /** `uname -r` of the node, e.g. `5.4.0-107-generic` or `4.19.128`. */
  kernelVersion?: string;
  /** The Kubernetes (kube-proxy) version, e.g. `1.18.2` or `v1.18.2`. */
  kubernetesVersion?: string;
  /** The iptables release, e.g. `1.8.4` or `v1.6.1`: options it lacks are reported. */
  iptablesVersion?: string;
}

export interface Finding {
  range: SourceRange;
  message: string;
  /** Defaults to the rule's severity. */
  severity?: Severity;
  fix?: Fix;
}

export interface RuleContext {
  readonly document: Document;
  /** What the document means as iptables-restore reads it: built once, shared by every rule. */
  readonly model: RulesetModel;
  readonly node: NodeContext;
  /** The rule's configured options, already checked against its `schema`; undefined when none. */
  readonly options?: unknown;
  report(finding: Finding): void;
}

/**
 * One ruleset of a node: a file or a live dump, with the address family and backend it is for
 * (the backend null when nothing tells). A node is the rulesets of one machine given together:
 * its IPv4 and IPv6 rulesets (`rules.v4` and `rules.v6`), or the dumps of both backends.
 */
export interface NodeRuleset {
  readonly document: Document;
  readonly model: RulesetModel;
  readonly family: 4 | 6;
  readonly backend: Backend | null;
}

/**
 * What a node rule sees: every ruleset of the node (two or more, each with its family known).
 * It runs once for each ruleset being linted, with that one as `self`; a finding is reported in
 * one ruleset's text, and is kept when that ruleset is `self` (the others' are reported when
 * they are linted), so each finding is reported once, in its file, and every output format,
 * suppression and fix works on it as on any other.
 */
export interface NodeRuleContext {
  readonly rulesets: readonly NodeRuleset[];
  readonly self: NodeRuleset;
  readonly node: NodeContext;
  /** The rule's configured options (for `self`'s file); undefined when none. */
  readonly options?: unknown;
  report(ruleset: NodeRuleset, finding: Finding): void;
}

export interface RuleModule {
  /** Stable kebab-case id; also the rule's folder name. */
  id: string;
  /** One line, for `iptlint rules`. */
  description: string;
  /** Default severity. */
  severity: Severity;
  /** Whether findings carry fixes, and of what kind. */
  fixable: false | Applicability;
  /** JSON schema (draft-07, self-contained) of the options in `[severity, options]`; without it the rule takes no options. */
  schema?: Record<string, unknown>;
  /** Runs on each ruleset alone; a rule that only looks at nodes does nothing here. */
  check(context: RuleContext): void;
  /**
   * Runs after `check`, only on a ruleset linted with the other rulesets of its node (a file
   * given without its partner is linted alone, and node rules say nothing of it).
   */
  checkNode?(context: NodeRuleContext): void;
}
