/**
 * Inline suppressions: every form, unused and invalid ones, and the `--comment` form through a
 * real iptables-save (which drops `#` lines).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { defaultSettings, type FileSettings } from "../../src/config/resolve.js";
import { lintText, type LintDiagnostic } from "../../src/lint.js";
import { applySuppressions, parseSuppressions } from "../../src/suppress.js";
import { requireNetfilter, withNamespace, type Backend } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";

const RULE = "masquerade-mark-not-cleared";
const fixture = (name: string) => readFileSync(fromRoot("rules", RULE, "fixtures", name), "utf8");
/** Line 10 (`-A KUBE-POSTROUTING ... -j MASQUERADE --random-fully`) is an error of RULE. */
const BUGGY = fixture("invalid-v1.18.2.rules");
const BUGGY_LINES = BUGGY.split("\n");
const KUBE_SAVE = readFileSync(fromRoot("test", "fixtures", "corpus", "kube", "kube-proxy-1.18.2-iptables.legacy.save"), "utf8");

/** BUGGY with `lines` put before its line `before` (1-based). */
function withLines(before: number, ...lines: string[]): string {
  const out = [...BUGGY_LINES];
  out.splice(before - 1, 0, ...lines);
  return out.join("\n");
}

/** `line:severity:ruleId` of each finding, and the messages by rule id. */
function lint(text: string, settings?: FileSettings): { rows: string[]; messages: (ruleId: string) => string[] } {
  const { diagnostics } = lintText(text, { settings });
  return {
    rows: diagnostics.map((d) => `${d.loc.start.line}:${d.severity}:${d.ruleId}`),
    messages: (ruleId) => diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.message),
  };
}

const settings = (reportUnusedSuppressions: FileSettings["reportUnusedSuppressions"]): FileSettings => ({
  ...defaultSettings(),
  reportUnusedSuppressions,
});

test("suppress: without a suppression the fixture has its finding", () => {
  assert.deepEqual(lint(BUGGY).rows, [`10:error:${RULE}`]);
});

// ---------------------------------------------------------------------------------------------
// disable-next-line

test("suppress: disable-next-line, with a reason, through blank and comment lines, stacked", () => {
  assert.deepEqual(lint(withLines(10, `# iptlint-disable-next-line ${RULE}`)).rows, []);
  assert.deepEqual(lint(withLines(10, `# iptlint-disable-next-line ${RULE} -- the CNI is not VXLAN here, NET-123`)).rows, []);
  assert.deepEqual(lint(withLines(10, "#iptlint-disable-next-line", "", "# SNAT for the pods")).rows, []);
  assert.deepEqual(lint(withLines(10, `# iptlint-disable-next-line ${RULE}`, `# iptlint-disable-next-line ${RULE}`)).rows, []);
  // It applies to the next rule line only.
  assert.deepEqual(lint(withLines(9, `# iptlint-disable-next-line ${RULE}`)).rows, [`9:warning:unused-suppression`, `11:error:${RULE}`]);
  assert.deepEqual(lint(withLines(9, `# iptlint-disable-next-line ${RULE}`)).messages("unused-suppression"), [
    `unused suppression: line 10 has no \`${RULE}\` finding to suppress`,
  ]);
});

test("suppress: a list of rules, comma- or space-separated, checks each id", () => {
  const both = lint(withLines(10, `# iptlint-disable-next-line ${RULE},  masquerade-mark-not-cleard -- reason`));
  assert.deepEqual(both.rows, ["10:warning:invalid-suppression"]);
  assert.deepEqual(both.messages("invalid-suppression"), [
    `unknown rule \`masquerade-mark-not-cleard\` in \`iptlint-disable-next-line\`: did you mean \`${RULE}\`?`,
  ]);
});

test("suppress: a suppression naming only an unknown rule is reported and suppresses nothing", () => {
  const typo = lint(withLines(10, "# iptlint-disable-next-line masquerade-mark-not-cleard"));
  assert.deepEqual(typo.rows, ["10:warning:invalid-suppression", `11:error:${RULE}`]);
  const unknown = lint(withLines(10, "# iptlint-disable-file no-such-rule"));
  assert.deepEqual(unknown.messages("invalid-suppression"), [
    "unknown rule `no-such-rule` in `iptlint-disable-file` (`iptlint rules` lists them)",
  ]);
  assert.deepEqual(unknown.rows, ["10:warning:invalid-suppression", `11:error:${RULE}`]);
  // The unknown id is the only report: it is not also reported unused.
  assert.equal(unknown.messages("unused-suppression").length, 0);
});

test("suppress: misspelt directives are reported with the nearest one", () => {
  assert.deepEqual(lint(withLines(10, `# iptlint-disable-nextline ${RULE}`)).messages("invalid-suppression"), [
    "unknown directive `iptlint-disable-nextline`: did you mean `iptlint-disable-next-line`?",
  ]);
  assert.deepEqual(lint(withLines(10, `# iptlint-disable-line ${RULE}`)).messages("invalid-suppression"), [
    "`iptlint-disable-line` on a `#` line has no line of its own to suppress: use `iptlint-disable-next-line` above the rule",
  ]);
  // Prose that mentions iptlint is not a directive.
  assert.deepEqual(lint(withLines(10, "# checked with iptlint-0.1 weekly")).rows, [`11:error:${RULE}`]);
});

// ---------------------------------------------------------------------------------------------
// disable ... enable, disable-file

test("suppress: disable ... enable covers the lines between them", () => {
  assert.deepEqual(lint(withLines(8, `# iptlint-disable ${RULE} -- generated block`).replace("COMMIT", `# iptlint-enable ${RULE}\nCOMMIT`)).rows, []);
  // To the end of the file when no enable follows.
  assert.deepEqual(lint(withLines(8, `# iptlint-disable ${RULE}`)).rows, []);
  // Enabled again before the finding: the finding stays and the range suppressed nothing.
  const early = lint(withLines(9, `# iptlint-disable ${RULE}`, `# iptlint-enable ${RULE}`));
  assert.deepEqual(early.rows, [`9:warning:unused-suppression`, `12:error:${RULE}`]);
  assert.deepEqual(early.messages("unused-suppression"), [
    `unused suppression: no \`${RULE}\` finding between this \`iptlint-disable\` and its \`iptlint-enable\` (or the end of the file)`,
  ]);
});

test("suppress: disable of every rule, enable of one rule inside it", () => {
  assert.deepEqual(lint(withLines(8, "# iptlint-disable -- vendor rules")).rows, []);
  const reenabled = lint(withLines(9, "# iptlint-disable", `# iptlint-enable ${RULE}`));
  assert.deepEqual(reenabled.rows, ["9:warning:unused-suppression", `12:error:${RULE}`]);
  assert.deepEqual(reenabled.messages("unused-suppression"), [
    "unused suppression: no finding between this `iptlint-disable` and its `iptlint-enable` (or the end of the file)",
  ]);
});

test("suppress: an enable with nothing disabled is unused", () => {
  const stray = lint(withLines(8, `# iptlint-enable ${RULE}`, "# iptlint-enable"));
  assert.deepEqual(stray.rows, ["8:warning:unused-suppression", "9:warning:unused-suppression", `12:error:${RULE}`]);
  assert.deepEqual(stray.messages("unused-suppression"), [
    `unused suppression: \`${RULE}\` is not disabled here, so \`iptlint-enable\` does nothing for it`,
    "unused suppression: nothing is disabled here, so `iptlint-enable` does nothing",
  ]);
});

test("suppress: disable-file applies wherever it stands", () => {
  assert.deepEqual(lint(`# iptlint-disable-file ${RULE} -- lab node\n${BUGGY}`).rows, []);
  assert.deepEqual(lint(`${BUGGY}# iptlint-disable-file\n`).rows, []);
  const clean = fixture("valid-v1.18.6-sequence.rules");
  assert.deepEqual(lint(`# iptlint-disable-file ${RULE}\n${clean}`).rows, ["1:warning:unused-suppression"]);
  assert.deepEqual(lint(`# iptlint-disable-file ${RULE}\n${clean}`).messages("unused-suppression"), [
    `unused suppression: this file has no \`${RULE}\` finding to suppress`,
  ]);
});

test("suppress: a syntax error is never suppressed, and naming `syntax` is reported", () => {
  const broken = `# iptlint-disable-file\n${BUGGY.replace("COMMIT", '-A POSTROUTING -j ACCEPT -j DROP\nCOMMIT')}`;
  assert.deepEqual(lint(broken).rows, ["12:error:syntax"]);
  const named = lint(`# iptlint-disable-file syntax\n${BUGGY.replace("COMMIT", '-A POSTROUTING -j ACCEPT -j DROP\nCOMMIT')}`);
  assert.deepEqual(named.rows, ["1:warning:invalid-suppression", `11:error:${RULE}`, "12:error:syntax"]);
  assert.deepEqual(named.messages("invalid-suppression"), [
    "`iptlint-disable-file syntax`: syntax errors cannot be suppressed, iptables-restore refuses the line whatever a comment says",
  ]);
});

// ---------------------------------------------------------------------------------------------
// The rule's own comment, which survives iptables-save

/** The KUBE-POSTROUTING MASQUERADE line of an iptables-save dump with a second comment match. */
const exempt = (dump: string, comment: string): string =>
  dump.replace(
    '-m comment --comment "kubernetes service traffic requiring SNAT" -m mark',
    `-m comment --comment "kubernetes service traffic requiring SNAT" -m comment --comment "${comment}" -m mark`,
  );

test("suppress: a rule's own --comment exempts it in an iptables-save dump, whose only # lines are its own", () => {
  assert.deepEqual(lint(KUBE_SAVE).rows, [`57:error:${RULE}`]);
  const dump = exempt(KUBE_SAVE, `iptlint-disable ${RULE} -- Calico in IPIP mode, NET-123`);
  assert.equal(dump.split("\n").filter((l) => l.startsWith("#") && !/^# (Generated by|Completed on) /.test(l)).length, 0);
  assert.deepEqual(lint(dump).rows, []);
  // After other text in the comment, without a rule list, and as iptlint-disable-line.
  assert.deepEqual(lint(KUBE_SAVE.replace("kubernetes service traffic requiring SNAT", `kubernetes SNAT iptlint-disable ${RULE}`)).rows, []);
  assert.deepEqual(lint(exempt(KUBE_SAVE, "iptlint-disable")).rows, []);
  assert.deepEqual(lint(exempt(KUBE_SAVE, `iptlint-disable-line ${RULE}`)).rows, []);
});

test("suppress: a rule's comment exempts that rule's line only", () => {
  const other = BUGGY.replace('--comment "kubernetes postrouting rules"', `--comment "iptlint-disable ${RULE}"`);
  const result = lint(other);
  assert.deepEqual(result.rows, ["8:warning:unused-suppression", `10:error:${RULE}`]);
  assert.deepEqual(result.messages("unused-suppression"), [`unused suppression: this rule has no \`${RULE}\` finding to suppress`]);
  // The finding points at the comment's value.
  const { diagnostics } = lintText(other);
  assert.equal(diagnostics[0].loc.start.column, other.split("\n")[7].indexOf('"iptlint-disable') + 1);
});

test("suppress: a rule's comment checks its ids and refuses the directives that mean nothing there", () => {
  assert.deepEqual(lint(exempt(KUBE_SAVE, "iptlint-disable masquerade")).rows, [`57:error:${RULE}`, "57:warning:invalid-suppression"]);
  assert.deepEqual(lint(exempt(KUBE_SAVE, `iptlint-disable-next-line ${RULE}`)).messages("invalid-suppression"), [
    `\`iptlint-disable-next-line\` has no effect in a rule's comment: write \`iptlint-disable RULE\` there, which exempts this rule`,
  ]);
});

for (const backend of ["nft", "legacy"] as Backend[]) {
  test(`suppress (${backend}): through the real iptables-save, the # suppression is lost and the --comment one kept`, async (t) => {
    if (!requireNetfilter(t)) return;
    const hashOnly = withLines(10, `# iptlint-disable-next-line ${RULE}`);
    const withComment = BUGGY.replace(
      '--comment "kubernetes service traffic requiring SNAT"',
      `--comment "kubernetes service traffic requiring SNAT" -m comment --comment "iptlint-disable ${RULE} -- NET-123"`,
    );
    assert.deepEqual(lint(hashOnly).rows, []);
    assert.deepEqual(lint(withComment).rows, []);
    await withNamespace("suppress", (ns) => {
      ns.restore(backend, 4, hashOnly);
      const dumped = ns.save(backend, 4, ["-t", "nat"]);
      assert.doesNotMatch(dumped, /iptlint-disable-next-line/);
      assert.deepEqual(lint(dumped).rows.map((r) => r.replace(/^\d+:/, "")), [`error:${RULE}`]);

      ns.restore(backend, 4, withComment);
      const kept = ns.save(backend, 4, ["-t", "nat"]);
      assert.match(kept, new RegExp(`--comment "iptlint-disable ${RULE} -- NET-123"`));
      assert.deepEqual(lint(kept).rows, []);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Reporting unused suppressions

test("suppress: the severity of unused suppressions follows reportUnusedSuppressions; off reports none", () => {
  const text = withLines(9, `# iptlint-disable-next-line ${RULE}`);
  assert.deepEqual(lint(text).rows, ["9:warning:unused-suppression", `11:error:${RULE}`]);
  assert.deepEqual(lint(text, settings("error")).rows, ["9:error:unused-suppression", `11:error:${RULE}`]);
  assert.deepEqual(lint(text, settings("info")).rows, ["9:info:unused-suppression", `11:error:${RULE}`]);
  assert.deepEqual(lint(text, settings("off")).rows, [`11:error:${RULE}`]);
  // Invalid suppressions are reported whatever the setting: a typo must not pass unseen.
  assert.deepEqual(lint(withLines(10, "# iptlint-disable-next-line nope"), settings("off")).rows, ["10:warning:invalid-suppression", `11:error:${RULE}`]);
});

test("suppress: a suppression of a rule turned off suppresses nothing and is reported", () => {
  const off: FileSettings = { ...defaultSettings(), rules: new Map([[RULE, { severity: "off", options: undefined }]]) };
  assert.deepEqual(lint(withLines(10, `# iptlint-disable-next-line ${RULE}`), off).rows, ["10:warning:unused-suppression"]);
});

test("suppress: a directive naming two rules reports only the one that suppressed nothing", () => {
  const document = parse(withLines(10, `# iptlint-disable-next-line ${RULE}, other-rule`));
  const finding = (ruleId: string, line: number): LintDiagnostic => {
    const range = document.lines[line - 1].range;
    return { ruleId, severity: "error", message: ruleId, range, loc: document.source.locate(range) };
  };
  const out = applySuppressions(document, [finding(RULE, 11)], { knownRules: [RULE, "other-rule"] });
  assert.deepEqual(
    out.map((d) => [d.loc.start.line, d.ruleId, d.message]),
    [[10, "unused-suppression", "unused suppression: line 11 has no `other-rule` finding to suppress"]],
  );
  // Both used: nothing is reported.
  assert.deepEqual(applySuppressions(document, [finding(RULE, 11), finding("other-rule", 11)], { knownRules: [RULE, "other-rule"] }), []);
});

// ---------------------------------------------------------------------------------------------
// Parsing

test("suppress: parseSuppressions reads kind, rules, reason and target of each form", () => {
  const text = [
    `# iptlint-disable-file ${RULE}`,
    "*nat",
    ":POSTROUTING ACCEPT [0:0]",
    "# iptlint-disable-next-line -- all of them",
    "",
    `-A POSTROUTING -m comment --comment "iptlint-disable ${RULE} -- why" -j MASQUERADE`,
    `# iptlint-disable ${RULE} other`,
    "# iptlint-enable",
    "# iptlint-disable-next-line",
    "COMMIT",
  ].join("\n");
  const { suppressions, problems } = parseSuppressions(parse(text), [RULE, "other"]);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    suppressions.map((s) => [s.kind, s.rules, s.reason, s.line, s.target]),
    [
      ["disable-file", [RULE], undefined, 0, 0],
      ["disable-next-line", null, "all of them", 3, 5],
      ["rule-comment", [RULE], "why", 5, 5],
      ["disable", [RULE, "other"], undefined, 6, 6],
      ["enable", null, undefined, 7, 7],
      ["disable-next-line", null, undefined, 8, 9],
    ],
  );
  // A next-line directive with no line after it suppresses nothing.
  const last = lint(`${BUGGY}# iptlint-disable-next-line\n`);
  assert.deepEqual(last.rows, [`10:error:${RULE}`, "12:warning:unused-suppression"]);
  assert.deepEqual(last.messages("unused-suppression"), ["unused suppression: `iptlint-disable-next-line` has no line after it"]);
});
