/** Every report format by name: `iptlint --format NAME`. */
import { checkstyle } from "./checkstyle.js";
import { compact } from "./compact.js";
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { markdown } from "./markdown.js";
import { prometheus } from "./prometheus.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export type FormatName = "stylish" | "compact" | "json" | "sarif" | "github" | "checkstyle" | "junit" | "gitlab" | "markdown" | "prometheus";

export const formatters: Readonly<Record<FormatName, Formatter>> = Object.freeze({
  stylish,
  compact,
  json,
  sarif,
  github,
  checkstyle,
  junit,
  gitlab,
  markdown,
  prometheus,
});

/** The names, in the order `--help` lists them (the default first). */
export const formatNames: readonly FormatName[] = Object.freeze(Object.keys(formatters) as FormatName[]);

export type { FormatContext, Formatter } from "./types.js";
export { formatStylish } from "./stylish.js";
export type { JsonEdit, JsonFix, JsonMessage, JsonResult } from "./json.js";
