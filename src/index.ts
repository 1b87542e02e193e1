/** iptlint's programmatic API. */
export * from "../grammar/index.js";
export { errorCount, lintText, type LintOptions, type LintResult } from "./lint.js";
export { formatStylish } from "./format/stylish.js";
export { main } from "./cli/main.js";
export { nodeIo, type CliIo, type Output } from "./cli/io.js";
export { ExitCode } from "./cli/exit-codes.js";
