/**
 * Every report format: golden output on real lint results, the registry, purity, colour, and
 * the exact start and end of every finding.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { formatNames, formatters, formatStylish, type FormatName } from "../../src/format/index.js";
import type { JsonResult } from "../../src/format/json.js";
import type { Severity } from "../../grammar/index.js";
import { lintText, type LintResult } from "../../src/lint.js";
import { ANSI, assertGolden, awkwardResult, cleanResults, context, lintFixture, mixedResults, normaliseVersion } from "./support.js";

const EXTENSIONS: Record<FormatName, string> = {
  stylish: "txt",
  compact: "txt",
  json: "json",
  sarif: "sarif",
  github: "txt",
  checkstyle: "xml",
  junit: "xml",
  gitlab: "json",
  markdown: "md",
  prometheus: "prom",
};

test("formats: the registry names every format once, stylish first", () => {
  assert.deepEqual([...formatNames], ["stylish", "compact", "json", "sarif", "github", "checkstyle", "junit", "gitlab", "markdown", "prometheus"]);
  assert.deepEqual(Object.keys(formatters), [...formatNames]);
  assert.ok(Object.isFrozen(formatters) && Object.isFrozen(formatNames));
});

for (const name of formatNames) {
  test(`${name}: golden output of real findings, syntax errors, a clean file and awkward text`, () => {
    assertGolden(`mixed.${name}.${EXTENSIONS[name]}`, normaliseVersion(formatters[name](mixedResults(), context())));
  });

  test(`${name}: golden output of a clean file`, () => {
    assertGolden(`clean.${name}.${EXTENSIONS[name]}`, normaliseVersion(formatters[name](cleanResults(), context())));
  });

  test(`${name}: pure (same output twice, results untouched) and without colour codes unless stylish is told to`, () => {
    const results = mixedResults();
    const before = JSON.stringify(results.map((r) => r.diagnostics));
    const first = formatters[name](results, context());
    assert.equal(formatters[name](results, context()), first);
    assert.equal(JSON.stringify(results.map((r) => r.diagnostics)), before);
    assert.doesNotMatch(first, /\u001b/, "no escape character at all");
    const coloured = formatters[name](results, context({ color: true }));
    if (name === "stylish") assert.match(coloured, ANSI);
    else assert.equal(coloured, first, "only stylish has colours");
  });

  test(`${name}: no files, no findings`, () => {
    const out = formatters[name]([], context());
    if (["stylish", "compact", "github"].includes(name)) assert.equal(out, "");
    else assert.ok(out.length > 0);
  });
}

test("stylish: golden coloured output; colours only around the severity, rule id, file name and summary", () => {
  const out = formatters.stylish(mixedResults(), context({ color: true }));
  assertGolden("mixed.stylish-color.txt", out);
  const plain = out.replace(/\u001b\[[0-9;]*m/g, "");
  assert.equal(plain, formatters.stylish(mixedResults(), context()), "the same report once the codes are removed");
  assert.match(out, /\u001b\[31merror\u001b\[39m/);
  assert.match(out, /\u001b\[33mwarning\u001b\[39m/);
  assert.match(out, /\u001b\[2msyntax\u001b\[22m/);
  assert.match(out, /^\u001b\[1mtest\/format\/fixtures\/syntax-errors\.rules\u001b\[22m$/m);
});

test("stylish: formatStylish(results) is the report without colour", () => {
  const results = mixedResults();
  assert.equal(formatStylish(results), formatters.stylish(results, context()));
  assert.equal(formatStylish(cleanResults()), "");
});

/** The line that ends every stylish report with findings, once. */
const explainHint = (rule: string) => `  Why it matters and how to fix it: \`iptlint explain RULE\` (e.g. \`iptlint explain ${rule}\`)\n`;

test("stylish: the summary counts problems and tells safe from unsafe fixes", () => {
  const kube = formatStylish([lintFixture("test/fixtures/corpus/kube/kube-proxy-1.18.2-iptables.nft.save")]);
  assert.ok(kube.endsWith(`\n✖ 1 problem (1 error, 0 warnings)\n  1 fixable with \`iptlint fix\`\n${explainHint("masquerade-mark-not-cleared")}`), kube);
  const unsafe = awkwardResult();
  const withoutSyntaxErrors = { ...unsafe, diagnostics: unsafe.diagnostics.filter((d) => d.ruleId !== "syntax") };
  assert.ok(formatStylish([withoutSyntaxErrors]).endsWith(`\n✖ 2 problems (0 errors, 1 warning, 1 info)\n  1 fixable with \`iptlint fix --unsafe-fixes\`\n${explainHint("odd-rule")}`));
  // `iptlint fix` never touches a file with syntax errors: its fixes are not offered.
  assert.ok(formatStylish([unsafe]).endsWith(`\n✖ 3 problems (1 error, 1 warning, 1 info)\n${explainHint("odd-rule")}`));
  const mixed = formatStylish(mixedResults());
  assert.ok(mixed.endsWith(`\n  2 fixable with \`iptlint fix\`\n${explainHint("masquerade-mark-not-cleared")}`));
  assert.ok(formatStylish([...mixedResults(), withoutSyntaxErrors]).endsWith(`\n  2 fixable with \`iptlint fix\`, 1 more with \`iptlint fix --unsafe-fixes\`\n${explainHint("masquerade-mark-not-cleared")}`));
  const syntax = formatStylish([lintFixture("test/format/fixtures/syntax-errors.rules")]);
  assert.ok(syntax.endsWith(`\n✖ 5 problems (5 errors, 0 warnings)\n${explainHint("syntax")}`), "no fixable line without fixes");
  // Once per report, however many files and rules.
  assert.equal(mixed.split("iptlint explain RULE").length, 2);
  assert.equal(formatStylish(cleanResults()), "", "nothing found, nothing said");
});

test("stylish and compact: control characters of messages and file names are shown, not sent", () => {
  for (const name of ["stylish", "compact"] as const) {
    const out = formatters[name]([awkwardResult()], context());
    assert.match(out, /100% sure: a,b <&> "double" 'single'\\x0asecond line\\x0d\\x1b\[31mred/);
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f]/);
  }
});

test("compact: one gcc-style line per finding", () => {
  const results = mixedResults();
  const lines = formatters.compact(results, context()).split("\n").slice(0, -1);
  const diagnostics = results.flatMap((r) => r.diagnostics.map((d) => ({ file: r.filePath, d })));
  assert.equal(lines.length, diagnostics.length);
  lines.forEach((line, i) => {
    const { file, d } = diagnostics[i];
    assert.ok(line.startsWith(`${file}:${d.loc.start.line}:${d.loc.start.column}: ${d.severity}: `), line);
    assert.ok(line.endsWith(` [${d.ruleId}]`), line);
  });
});

test("github: workflow commands with GitHub's escaping, columns only for one-line findings", () => {
  const lines = formatters.github([awkwardResult()], context()).split("\n");
  assert.deepEqual(lines, [
    "::error file=odd dir/a%2Cb%3Ac%25.rules,line=3,col=1,endLine=3,endColumn=2,title=syntax::`|` is not a command: expected a `#` comment, `*table`, `:CHAIN POLICY`, `COMMIT` or `-A CHAIN ...`",
    "::warning file=odd dir/a%2Cb%3Ac%25.rules,line=1,endLine=4,title=odd-rule::from the table to COMMIT",
    "::notice file=odd dir/a%2Cb%3Ac%25.rules,line=3,col=3,endLine=3,endColumn=7,title=odd-rule::100%25 sure: a,b <&> \"double\" 'single'%0Asecond line%0D\\x1b[31mred",
    "",
  ]);
});

/** A result with `counts` findings of each severity, in the order given, on lines 1, 2, ... */
function findingsOf(counts: [Severity, number][]): LintResult {
  const lines = counts.flatMap(([severity, n]) => Array.from({ length: n }, () => severity));
  const result = lintText(lines.map(() => "# x").join("\n") + "\n", { filePath: "many.rules", rules: [] });
  const { source } = result.document;
  const diagnostics = lines.map((severity, i) => {
    const range = { start: i * 4, end: i * 4 + 3 };
    return { ruleId: `rule-${severity}`, severity, message: `finding ${i + 1}`, range, loc: source.locate(range) };
  });
  return { ...result, diagnostics };
}

test("github: errors first; past ten of a kind, a notice (among the first ten notices) says how many GitHub will not show", () => {
  const kinds = (out: string) => out.split("\n").slice(0, -1).map((line) => /^::(\w+)/.exec(line)![1]);
  const few = formatters.github([findingsOf([["warning", 3], ["info", 2], ["error", 10]])], context());
  assert.deepEqual(kinds(few), [...Array(10).fill("error"), ...Array(3).fill("warning"), "notice", "notice"], "nothing cut, no notice of it");

  const many = formatters.github([findingsOf([["info", 12], ["warning", 11], ["error", 13]])], context()).split("\n");
  assert.deepEqual(kinds(many.join("\n")), [...Array(13).fill("error"), ...Array(11).fill("warning"), ...Array(13).fill("notice")]);
  assert.match(many[0], /^::error file=many\.rules,line=24,.*::finding 24$/, "the first error, though last in the file");
  assert.equal(
    many[24],
    "::notice title=iptlint::...and 3 more errors, 1 more warning and 3 more info findings not shown as annotations (GitHub shows 10 of each kind per step): see the job summary or the SARIF report",
  );
});

test("markdown: counts by rule, then the first findings errors first; text escaped, code spans kept", () => {
  const out = formatters.markdown([findingsOf([["warning", 30], ["error", 30]])], context());
  assert.match(out, /^### iptlint: 30 errors, 30 warnings and 0 info in 1 of 1 file\n/);
  assert.match(out, /^\| \[`rule-error`\]\(\S+\) \| 30 \| 0 \| 0 \|\n\| \[`rule-warning`\]\(\S+\) \| 0 \| 30 \| 0 \|\n\| \*\*all\*\* \| \*\*30\*\* \| \*\*30\*\* \| \*\*0\*\* \|$/m);
  const rows = out.split("\n").filter((line) => /^\| (error|warning|info) \|/.test(line));
  assert.equal(rows.length, 50);
  assert.match(rows[0], /^\| error \| `many\.rules:31:1` \| `rule-error` \| finding 31 \|$/);
  assert.ok(rows.slice(30).every((row) => row.startsWith("| warning |")));
  assert.match(out, /\n\.\.\.and 10 more findings: see the job log or the SARIF report\.\n$/);

  const odd = findingsOf([["error", 1]]);
  odd.diagnostics[0].message = "a <b> & *c* [d](e) | `x | <y>` and `` ` `` end\nnext";
  odd.filePath = "dir/`odd`|name.rules";
  const row = formatters.markdown([odd], context()).split("\n").find((line) => line.startsWith("| error |"));
  assert.equal(row, "| error | ``dir/`odd`\\|name.rules:1:1`` | `rule-error` | a &lt;b&gt; &amp; \\*c\\* \\[d\\](e) \\| `x \\| <y>` and `` ` `` end next |");
});

test("github, sarif, gitlab: paths relative to the working directory; the others keep them as given", () => {
  const absolute = [lintFixture("test/fixtures/corpus/kube/kube-proxy-1.18.2-iptables.nft.save", "/home/ci/infra/nodes/a.save")];
  assert.match(formatters.github(absolute, context()), /^::error file=nodes\/a\.save,/);
  assert.match(formatters.gitlab(absolute, context()), /"path": "nodes\/a\.save"/);
  assert.match(formatters.sarif(absolute, context()), /"uri": "nodes\/a\.save"/);
  assert.match(formatters.compact(absolute, context()), /^\/home\/ci\/infra\/nodes\/a\.save:57:1: /);
  assert.match(formatters.checkstyle(absolute, context()), /<file name="\/home\/ci\/infra\/nodes\/a\.save">/);
  const outside = [lintFixture("test/format/fixtures/syntax-errors.rules", "/srv/other/x.rules")];
  assert.match(formatters.github(outside, context()), /^::error file=\.\.\/\.\.\/\.\.\/srv\/other\/x\.rules,/);
});

test("every format gives each finding's exact start, and every format with room for it the exact end", () => {
  const results = mixedResults();
  const all = results.flatMap((r) => r.diagnostics.map((d) => ({ result: r, d })));
  const ctx = context();

  const json = JSON.parse(formatters.json(results, ctx)) as JsonResult[];
  const jsonMessages = json.flatMap((r) => r.messages);
  const sarif = JSON.parse(formatters.sarif(results, ctx)) as {
    runs: [{ results: { locations: [{ physicalLocation: { region: Record<string, number> } }] }[] }];
  };
  const regions = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.region);
  const gitlab = JSON.parse(formatters.gitlab(results, ctx)) as { location: { lines: { begin: number; end: number } } }[];
  // github lists errors first, then warnings, then info (each kind in source order).
  const rank = { error: 0, warning: 1, info: 2 };
  const githubLines = formatters.github(results, ctx).split("\n");
  const github = all.map(({ d }) => githubLines[all.filter((o) => rank[o.d.severity] < rank[d.severity]).length + all.filter((o) => o.d.severity === d.severity).findIndex((o) => o.d === d)]);
  const junit = formatters.junit(results, ctx);
  const checkstyle = formatters.checkstyle(results, ctx);
  const stylish = formatters.stylish(results, ctx);

  assert.equal(jsonMessages.length, all.length);
  assert.equal(regions.length, all.length);
  assert.equal(gitlab.length, all.length);
  all.forEach(({ d }, i) => {
    const { start, end } = d.loc;
    const span = { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    assert.deepEqual(
      { line: jsonMessages[i].line, column: jsonMessages[i].column, endLine: jsonMessages[i].endLine, endColumn: jsonMessages[i].endColumn },
      span,
    );
    assert.deepEqual(regions[i], { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column });
    assert.deepEqual(gitlab[i].location.lines, { begin: start.line, end: end.line });
    assert.match(github[i], new RegExp(`,line=${start.line},(col=${start.column},)?endLine=${end.line},`));
    if (start.line === end.line) assert.match(github[i], new RegExp(`,col=${start.column},endLine=${end.line},endColumn=${end.column},`));
    assert.ok(junit.includes(`:${start.line}:${start.column}-${end.line}:${end.column}: ${d.severity}: `));
    assert.ok(checkstyle.includes(`<error line="${start.line}" column="${start.column}" severity="${d.severity}"`));
    assert.ok(stylish.includes(`  ${start.line}:${start.column} `));
  });
});

test("stylish: more findings in one file than a function call takes arguments", () => {
  const big = lintText("| x\n".repeat(200_000), { filePath: "big.rules", rules: [] });
  assert.equal(big.diagnostics.length, 200_000);
  assert.match(formatters.stylish([big], context()), /\n✖ 200000 problems \(200000 errors, 0 warnings\)\n.*iptlint explain syntax.*\n$/);
});
