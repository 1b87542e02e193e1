/** The npm package `parse-prometheus-text-format` ships no types: what the tests use of it. */
declare module "parse-prometheus-text-format" {
  export interface Sample {
    value: string;
    labels?: Record<string, string>;
  }
  export interface MetricFamily {
    name: string;
    help: string;
    type: "COUNTER" | "GAUGE" | "SUMMARY" | "HISTOGRAM" | "UNTYPED";
    metrics: Sample[];
  }
  /** Parses Prometheus' text exposition format; throws on text it cannot read. */
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}
