// Mutation testing of grammar/ and rules/ (`npm run mutate`): StrykerJS puts every mutant into the
// TypeScript sources at once (switched on by an environment variable), tsc compiles the sandbox
// once, and the tap runner runs the compiled test files with node (each file a test, so each
// mutant reruns only the files that reach it).
//
// MUTATE picks the slice (see SLICES below), so that one run fits a session:
//   MUTATE=grammar-values npm run mutate      (the default)
//   MUTATE=rules-chains npm run mutate
//   MUTATE='rules/line-ends/*.ts' npm run mutate     any globs, comma separated
// Runs are incremental: a second run of a slice retests only the mutants whose code or covering
// tests changed (`npm run mutate -- --force` for all of them).
// The real iptables checks are skipped (IPTLINT_SKIP_NETFILTER=1): slow, and they test the
// fixtures more than the code. So are the CLI, format, config, bench and example tests, which
// test src/ or run the bundled CLI. Reports: reports/mutation/<slice>.html and .json.
import { readdirSync, readFileSync } from "node:fs";

/** Where tsc puts the compiled tests (package.json `config.testDir`, also read by npm test). */
const testDir = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")).config.testDir;

// Slices of 400 to 1,100 mutants: on 2 cores a slice takes 20 to 60 minutes (more when the machine is
// busy). Module level mutants (constant tables) are ignored: they would rerun every test file each.
const SLICES = {
  "grammar-values": ["grammar/{values,print,parse,parser,diagnostics,chevrotain}.ts"],
  "grammar-plan": ["grammar/{plan,to-ast}.ts"],
  "grammar-lexer": ["grammar/{lexer,tokens}.ts"],
  "grammar-ast": ["grammar/ast.ts"],
  "rules-chains": ["rules/{chain-declaration,chain-name-too-long,jump-to-undefined-chain,undeclared-chain,unused-chain}/*.ts"],
  "rules-order": ["rules/{unreachable-rule,duplicate-rule,line-ends,inline-option-value,old-negation-syntax}/*.ts"],
  "rules-protocol": ["rules/option-needs-protocol/*.ts"],
  "rules-nat": ["rules/{masquerade-mark-not-cleared,mark-bit-conflict,queue-target}/*.ts"],
  "rules-places": ["rules/{target-not-allowed-here,interface-direction,address-family-mismatch}/*.ts"],
  "model-replay": ["rules/model/{replay,names,chains}.ts"],
  "model-graph": ["rules/model/{graph,hooks,model,origin}.ts"],
  "model-index": ["rules/model/line-index.ts"],
  "layers-other": ["rules/{netfilter,packet,report}/*.ts", "grammar/line-view.ts"],
};
const slice = process.env.MUTATE ?? "grammar-values";
const mutate = SLICES[slice] ?? slice.split(",");
const name = SLICES[slice] ? slice : "custom";

process.env.IPTLINT_SKIP_NETFILTER = "1";

// The test files that reach grammar/ and rules/ through their public entry points. A mutant
// runs the files that reach it in this order and stops at the first failure, so quick and
// strict files come first and the slow ones (fast-check properties, whole-corpus sweeps) last.
// A grammar slice leaves out the tests of single rules: every test parses, and those add
// little to the grammar's own tests and the contract (every fixture's findings) but time.
const grammarOnly = name.startsWith("grammar");
const FOLDERS = ["grammar", "rules", "rules/model", "rules/packet", "fix", "suppress"];
const FIRST = ["grammar/errors", "grammar/lexer", "grammar/corpus", "rules/contract"];
const LAST = ["fix/regions", "grammar/reparse", "fix/unresolved", "grammar/properties"];
const sources = [
  "api",
  ...FOLDERS.flatMap((folder) =>
    readdirSync(new URL(`./test/${folder}/`, import.meta.url))
      .filter((file) => file.endsWith(".test.ts") && !file.endsWith("-netfilter.test.ts"))
      .map((file) => `${folder}/${file.slice(0, -".test.ts".length)}`),
  ),
].filter((test) => !grammarOnly || !test.startsWith("rules/") || test === "rules/contract");
const rank = (test) => (FIRST.includes(test) ? FIRST.indexOf(test) - FIRST.length : LAST.includes(test) ? 1 + LAST.indexOf(test) : 0);
const testFiles = sources.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((test) => `${testDir}/${test}.test.js`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "tap",
  plugins: ["@stryker-mutator/tap-runner"],
  mutate,
  // The sandbox's sources carry the mutants; tsc compiles them (a mutated file is @ts-nocheck).
  buildCommand: "tsc -p tsconfig.json",
  disableTypeChecks: "{grammar,rules,src,test}/**/*.ts",
  ignorePatterns: [testDir.split("/")[0], "reports", "bench-out", "coverage"],
  tap: {
    testFiles,
    nodeArgs: ["--test-reporter=tap"],
    forceBail: true,
  },
  coverageAnalysis: "perTest",
    ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10000,
  timeoutFactor: 2,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
