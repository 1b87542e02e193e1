/**
 * SARIF 2.1.0, as GitHub code scanning ingests it: one run; every rule described in
 * `tool.driver.rules` (GitHub shows `help`, not `helpUri`, so the docs link is in both); every
 * result with its level, exact region (endColumn exclusive), repository-relative URI and a
 * `primaryLocationLineHash` that stays the same when the line moves (see `fingerprints`).
 */
import { relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

import type { Severity } from "../../grammar/index.js";
import type { LintDiagnostic, LintResult } from "../lint.js";
import { readmeBody, readmeSections } from "../rule-docs.js";
import {
  REPOSITORY_URL,
  describeRule,
  describedRules,
  fingerprints,
  pathToUriReference,
  relativePath,
  ruleDocsUrl,
  spanOf,
  type RuleMeta,
  type Span,
} from "./shared.js";
import type { FormatContext, Formatter } from "./types.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

type Level = "error" | "warning" | "note";

const LEVELS: Record<Severity, Level> = { error: "error", warning: "warning", info: "note" };

/** Result URIs are relative to the folder the run was started in (as GitHub expects). */
const SRCROOT = "%SRCROOT%";

/** GitHub's limit for shortDescription and fullDescription. */
const MAX_DESCRIPTION = 1024;

// The part of the SARIF object model that iptlint writes.

interface MultiformatMessage {
  text: string;
  markdown?: string;
}

interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription: MultiformatMessage;
  fullDescription: MultiformatMessage;
  helpUri: string;
  help: MultiformatMessage;
  defaultConfiguration: { level: Level };
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: [{ physicalLocation: { artifactLocation: ArtifactLocation; region: Region } }];
  partialFingerprints: { primaryLocationLineHash: string };
  codeFlows?: CodeFlow[];
  fixes?: [
    {
      description: { text: string };
      artifactChanges: [{ artifactLocation: ArtifactLocation; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }];
    },
  ];
}

/** A failed packet assertion's outcome: the rules its packet matched, in order, as one thread. */
interface CodeFlow {
  message: { text: string };
  threadFlows: [{ locations: { location: { physicalLocation: { artifactLocation: ArtifactLocation; region: { startLine: number } }; message: { text: string } } }[] }];
}

const clip = (text: string): string => (text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 3)}...`);

/** Markdown cut to GitHub's limit at the end of a line, so that no list item or code span is cut in two. */
function clipLines(text: string): string {
  if (text.length <= MAX_DESCRIPTION) return text;
  const cut = text.lastIndexOf("\n", MAX_DESCRIPTION - 4);
  return `${text.slice(0, cut > 0 ? cut : MAX_DESCRIPTION - 4).trimEnd()}\n...`;
}

/**
 * A rule as code scanning shows it: the one-line description; with its README, the README's
 * "What it does" as the full description and the whole README (what `iptlint explain` prints)
 * as help. GitHub renders `markdown` and shows `text` where it cannot; the README reads as both.
 */
function descriptor(rule: RuleMeta, readme: string | undefined): ReportingDescriptor {
  const url = ruleDocsUrl(rule.id);
  const description = clip(rule.description);
  const whatItDoes = readme === undefined ? undefined : readmeSections(readme).get("What it does");
  const full = whatItDoes ? clipLines(whatItDoes) : description;
  const help = readme === undefined ? rule.description : readmeBody(readme);
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: description },
    fullDescription: whatItDoes ? { text: full, markdown: full } : { text: full },
    helpUri: url,
    help: { text: `${help}\n\nDocumentation: ${url}`, markdown: `${help}\n\n[Documentation](${url})` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
  };
}

const region = (span: Span): Region => ({
  startLine: span.line,
  startColumn: span.column,
  endLine: span.endLine,
  endColumn: span.endColumn,
});

/** A path relative to `cwd` with `/` separators, as result URIs are. */
function relativeTo(cwd: string, path: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return sep === "/" ? rel : rel.split(sep).join("/");
}

function sarifResult(
  cwd: string,
  result: LintResult,
  d: LintDiagnostic,
  ruleIndex: number,
  artifactLocation: ArtifactLocation,
  lineHash: string,
): SarifResult {
  const out: SarifResult = {
    ruleId: d.ruleId,
    ruleIndex,
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(spanOf(d.loc.start, d.loc.end)) } }],
    partialFingerprints: { primaryLocationLineHash: lineHash },
  };
  if (d.trace) {
    out.codeFlows = d.trace.map((t) => {
      const steps = t.path.map((step) => ({
        location: {
          physicalLocation: { artifactLocation: { uri: pathToUriReference(relativeTo(cwd, step.filePath)), uriBaseId: SRCROOT }, region: { startLine: step.line } },
          message: { text: `${step.table}/${step.chain}${step.target === null ? "" : ` -> ${step.target}`}` },
        },
      }));
      // A thread has at least one location: with no rule matched (a policy decided), the case itself.
      if (steps.length === 0) steps.push({ location: { physicalLocation: { artifactLocation, region: { startLine: d.loc.start.line } }, message: { text: t.outcome } } });
      const conditions = t.conditions.length === 0 ? "" : ` if ${t.conditions.join(" and ")}`;
      return { message: { text: `${t.outcome}${conditions}` }, threadFlows: [{ locations: steps }] };
    });
  }
  if (d.fix) {
    const source = result.document.source;
    out.fixes = [
      {
        description: { text: d.fix.title },
        artifactChanges: [
          {
            artifactLocation,
            replacements: d.fix.edits.map((e) => ({
              deletedRegion: region(spanOf(source.positionAt(e.start), source.positionAt(e.end))),
              insertedContent: { text: e.text },
            })),
          },
        ],
      },
    ];
  }
  return out;
}

export const sarif: Formatter = (results, context: FormatContext) => {
  const rules = describedRules(context.rules);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const prints = fingerprints(results, context.cwd);
  const sarifResults: SarifResult[] = [];
  results.forEach((result, i) => {
    const artifactLocation = { uri: pathToUriReference(relativePath(result, context.cwd)), uriBaseId: SRCROOT };
    result.diagnostics.forEach((d, j) => {
      let index = ruleIndex.get(d.ruleId);
      if (index === undefined) {
        // Described on first use: GitHub needs every result's rule.
        index = rules.length;
        rules.push(describeRule(d.ruleId, d.severity));
        ruleIndex.set(d.ruleId, index);
      }
      // GitHub's own recipe is a 16-hex-digit hash, a colon and the occurrence counter.
      const { hash, occurrence } = prints[i][j];
      sarifResults.push(sarifResult(context.cwd, result, d, index, artifactLocation, `${hash.slice(0, 16)}:${occurrence}`));
    });
  });
  // A folder URI ends with a slash, or relative URIs would resolve against its parent.
  const workingDirectory = pathToFileURL(context.cwd).href.replace(/\/?$/, "/");
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "iptlint",
            semanticVersion: context.version,
            informationUri: REPOSITORY_URL,
            rules: rules.map((rule) => descriptor(rule, context.ruleDocs?.get(rule.id))),
          },
        },
        invocations: [{ executionSuccessful: true, workingDirectory: { uri: workingDirectory } }],
        originalUriBaseIds: { [SRCROOT]: { uri: workingDirectory } },
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
