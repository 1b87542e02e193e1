/** Running rules and fixes on text, for the rule tests. */
import { parse } from "../../grammar/index.js";
import { applyFixes, type FixResult } from "../../src/fix/apply.js";
import { lintDocument, type LintDiagnostic, type LintOptions } from "../../src/lint.js";
import { nodePartners } from "../../src/nodes.js";
import { resolveSettings } from "../../src/config/resolve.js";
import type { Config } from "../../src/config/load.js";

export interface Checked {
  diagnostics: LintDiagnostic[];
  /** The findings of one rule. */
  of(ruleId: string): LintDiagnostic[];
  fixed: FixResult;
}

/** Lints `text` and applies every fix it offers (safe ones; unsafe ones too when asked). */
export function check(text: string, options: LintOptions & { unsafe?: boolean } = {}): Checked {
  const document = parse(text, { filePath: "test.rules" });
  const diagnostics = lintDocument(document, options);
  const fixed = applyFixes(document, diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])), { unsafe: options.unsafe });
  return { diagnostics, of: (id) => diagnostics.filter((d) => d.ruleId === id), fixed };
}

/** A file of a node, by the name it is linted under (the name pairs it, as `src/nodes.ts` pairs files). */
export interface NodeFile {
  name: string;
  text: string;
}

/**
 * Lints files together as the command line does: each with its node's other files (paired by
 * name in one folder), with `options`; the findings of each file, in the order given.
 */
export function checkNode(files: readonly NodeFile[], options: Pick<LintOptions, "rules" | "settings"> & { nodes?: Config["nodes"] } = {}): { name: string; diagnostics: LintDiagnostic[] }[] {
  const { nodes, ...lintOptions } = options;
  const documents = files.map((f) => parse(f.text, { filePath: f.name }));
  // A configuration's `nodes` (a fixture folder's .iptlintrc.json), resolved as the command line
  // resolves it for files beside the configuration: its node keys pair, its globs give families.
  const configured = nodes === undefined ? undefined : files.map((f) => resolveSettings({ config: { nodes }, filePath: "/iptlint-fixture/.iptlintrc.json" }, `/iptlint-fixture/${f.name}`));
  const partners = nodePartners(files.map((f, i) => ({ name: f.name, path: f.name, nodeKey: configured?.[i].nodeKey })));
  return files.map((file, i) => ({
    name: file.name,
    diagnostics: lintDocument(documents[i], {
      ...lintOptions,
      ...(configured?.[i].family ? { family: configured[i].family!.family } : {}),
      partners: partners[i].map((j) => ({ document: documents[j], family: configured?.[j].family })),
    }),
  }));
}
