/** Reading Prometheus' text exposition format in tests: a real parser, and promtool's linter. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import parsePrometheusTextFormat, { type MetricFamily } from "parse-prometheus-text-format";

export type { MetricFamily };

/** The metric families of an exposition, parsed by the npm package `parse-prometheus-text-format`. */
export const parseExposition = (text: string): MetricFamily[] => parsePrometheusTextFormat(text);

/** The value of the one sample of `name` whose labels include `labels`; undefined when there is none. */
export function sampleValue(families: readonly MetricFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  const family = families.find((f) => f.name === name);
  const matching = (family?.metrics ?? []).filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  assert.ok(matching.length <= 1, `${name}${JSON.stringify(labels)}: ${matching.length} samples`);
  return matching.length === 0 ? undefined : Number(matching[0].value);
}

/** `promtool check metrics` (Debian package prometheus): its complaints, "" when it has none. */
export function promtoolCheckMetrics(text: string): string {
  const r = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  assert.notEqual(r.status, null, `promtool did not run: ${r.error}`);
  return r.status === 0 ? "" : `${r.stdout}${r.stderr}`.trim() || `exit status ${r.status}`;
}
