/**
 * What a lint rule is and what it may report. Rules read the AST and report findings; a
 * finding's fix is data (text edits on the original text), applied by the fixer in src/.
 */
import type { Document, Severity, SourceRange } from "../grammar/index.js";
import type { RulesetModel } from "./model/index.js";

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
  check(context: RuleContext): void;
}
