/**
 * Prometheus' text exposition format (0.0.4), for node_exporter's textfile collector:
 * `iptlint lint --live -f prometheus -o /var/lib/node_exporter/textfile_collector/iptlint.prom`.
 *
 * Labels stay bounded: a rule id and a severity on findings, a ruleset's name (`live:iptables-nft-save`
 * or the path given) on the counts; never a line number or a rule's text. Every known rule has
 * a series at its default severity even with no finding, so that a fixed node reads 0, not nothing.
 */
import type { Severity } from "../../grammar/index.js";
import { SUPPRESSION_FINDINGS } from "../builtin-findings.js";
import { rulesetSize } from "../lint.js";
import { describedRules, displayPath } from "./shared.js";
import type { Formatter } from "./types.js";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export const prometheus: Formatter = (results, context) => {
  let out = "";
  const family = (name: string, help: string, samples: readonly string[]) => {
    out += `# HELP ${name} ${help}\n# TYPE ${name} gauge\n`;
    for (const sample of samples) out += `${name}${sample}\n`;
  };

  family("iptlint_info", "iptlint's version (the value is always 1).", [`${labels({ version: context.version })} 1`]);

  // Every rule at its default severity, then whatever else the findings name, by rule and severity.
  const counts = new Map<string, number>();
  const key = (rule: string, severity: Severity) => `${rule}\0${severity}`;
  for (const rule of [...describedRules(context.rules), ...SUPPRESSION_FINDINGS]) counts.set(key(rule.id, rule.severity), 0);
  const others: string[] = [];
  for (const d of results.flatMap((r) => r.diagnostics)) {
    const k = key(d.ruleId, d.severity);
    const count = counts.get(k);
    if (count === undefined) others.push(k); // once: the key is counted from here on
    counts.set(k, (count ?? 0) + 1);
  }
  const byRuleThenSeverity = (a: string, b: string) => {
    const [ruleA, severityA] = a.split("\0");
    const [ruleB, severityB] = b.split("\0");
    if (ruleA !== ruleB) return ruleA < ruleB ? -1 : 1;
    return SEVERITIES.indexOf(severityA as Severity) - SEVERITIES.indexOf(severityB as Severity);
  };
  const order = [...counts.keys()].filter((k) => !others.includes(k)).concat(others.sort(byRuleThenSeverity));
  family(
    "iptlint_findings",
    "Findings of the last run by rule and severity, over every ruleset it linted.",
    order.map((k) => {
      const [rule, severity] = k.split("\0");
      return `${labels({ rule, severity })} ${counts.get(k)}`;
    }),
  );

  // By name: a name given twice must not make two series of the same labels, which the collector refuses.
  const sizes = new Map<string, { rules: number; chains: number }>();
  for (const r of results) {
    const name = labels({ ruleset: displayPath(r) });
    const size = r.size ?? rulesetSize(r.document);
    const sum = sizes.get(name) ?? { rules: 0, chains: 0 };
    sizes.set(name, { rules: sum.rules + size.rules, chains: sum.chains + size.chains });
  }
  family("iptlint_rules", "Rules (command lines: the -A lines of a dump) in each ruleset linted.", [...sizes].map(([name, s]) => `${name} ${s.rules}`));
  family("iptlint_chains", "Chains declared (built-in and user chains, each table's own) in each ruleset linted.", [...sizes].map(([name, s]) => `${name} ${s.chains}`));

  if (context.run) {
    family("iptlint_last_run_timestamp_seconds", "When the last run ended, in seconds since the Unix epoch.", [` ${seconds(context.run.endedAt)}`]);
    family("iptlint_last_run_duration_seconds", "How long the last run took: reading the rules and linting them.", [
      ` ${seconds(context.run.durationMs)}`,
    ]);
  }
  return out;
};

const seconds = (ms: number): string => String(Math.round(ms) / 1000);

/** `{name="value",...}`, each value escaped as the exposition format says (`\\`, `\"`, `\n`). */
function labels(pairs: Record<string, string>): string {
  const escaped = Object.entries(pairs).map(
    ([name, value]) =>
      `${name}="${value
        .replace(/[\ud800-\udfff]/gu, "\ufffd")
        .replace(/\\/g, "\\\\")
        .replace(/"/g, '\\"')
        .replace(/\n/g, "\\n")}"`,
  );
  return `{${escaped.join(",")}}`;
}
