/**
 * checkstyle and JUnit XML: well-formed (checked by a small strict parser of the XML subset they
 * use), escaped so that every message reads back as it was, and counted right.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { formatters } from "../../src/format/index.js";
import { xmlEscape } from "../../src/format/shared.js";
import type { LintResult } from "../../src/lint.js";
import { awkwardResult, cleanResults, context, mixedResults } from "./support.js";

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const NAME = "[A-Za-z_][A-Za-z0-9_.-]*";
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** XML 1.0's Char production. */
const NOT_XML_CHAR = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** Replaces references; throws on a bare `&` or an unknown entity. */
function unescape(text: string): string {
  return text.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & in ${JSON.stringify(text)}`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const code = /^#(\d+)$/.exec(ref)?.[1] ?? /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1];
    if (code === undefined) throw new Error(`unknown entity ${whole}`);
    return String.fromCodePoint(ref.startsWith("#x") ? parseInt(code, 16) : parseInt(code, 10));
  });
}

/** Parses a document of elements, attributes and text (no comments, CDATA or DTD). */
function parseXml(xml: string): Element {
  assert.doesNotMatch(xml, NOT_XML_CHAR, "only XML 1.0 characters");
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, "");
  const root: Element = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>`);
  while (rest.length > 0) {
    if (rest.startsWith("<")) {
      const m = tag.exec(rest);
      if (!m) throw new Error(`malformed tag at ${JSON.stringify(rest.slice(0, 80))}`);
      const [whole, closing, name, attributeText, selfClosing] = m;
      if (closing) {
        const open = stack.pop();
        if (open?.name !== name || attributeText || selfClosing) throw new Error(`</${name}> closes <${open?.name}>`);
      } else {
        const attributes: Record<string, string> = {};
        for (const a of attributeText.matchAll(new RegExp(`(${NAME})="([^"]*)"`, "g"))) {
          if (a[1] in attributes) throw new Error(`duplicate attribute ${a[1]}`);
          attributes[a[1]] = unescape(a[2]);
        }
        const element: Element = { name, attributes, children: [], text: "" };
        stack[stack.length - 1].children.push(element);
        if (!selfClosing) stack.push(element);
      }
      rest = rest.slice(whole.length);
    } else {
      const end = rest.indexOf("<") === -1 ? rest.length : rest.indexOf("<");
      const text = rest.slice(0, end);
      if (stack.length === 1 && text.trim() !== "") throw new Error("text outside the root element");
      stack[stack.length - 1].text += unescape(text);
      rest = rest.slice(end);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (root.children.length !== 1) throw new Error("exactly one root element");
  return root.children[0];
}

const all = (e: Element, name: string): Element[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];

/** What a message reads as once escaped: control characters XML cannot carry are shown as \xNN. */
const readable = (message: string) => message.replace(/\u001b/g, "\\x1b");

test("the XML checker itself rejects what is not well-formed", () => {
  for (const bad of ["<a><b></a>", "<a x=\"1\" x=\"2\"/>", "<a>&nbsp;</a>", "<a>1 & 2</a>", "<a/><b/>", "<a>\u0001</a>", "<a x='1'/>"]) {
    assert.throws(() => parseXml(bad), Error, bad);
  }
  assert.deepEqual(parseXml('<a x="&lt;&#10;"><b/>t&amp;</a>').attributes, { x: "<\n" });
});

const inputs: Record<string, () => LintResult[]> = { mixed: mixedResults, clean: cleanResults, none: () => [] };

for (const [name, results] of Object.entries(inputs)) {
  test(`checkstyle: ${name}: well-formed, a <file> per file and an <error> per finding`, () => {
    const root = parseXml(formatters.checkstyle(results(), context()));
    assert.equal(root.name, "checkstyle");
    assert.equal(root.attributes.version, "4.3");
    const files = all(root, "file");
    assert.deepEqual(files.map((f) => f.attributes.name), results().map((r) => r.filePath));
    files.forEach((file, i) => {
      const diagnostics = results()[i].diagnostics;
      const errors = all(file, "error");
      assert.equal(errors.length, diagnostics.length);
      errors.forEach((e, j) => {
        const d = diagnostics[j];
        assert.deepEqual(e.attributes, {
          line: String(d.loc.start.line),
          column: String(d.loc.start.column),
          severity: d.severity,
          message: readable(d.message),
          source: `iptlint.${d.ruleId}`,
        });
      });
    });
  });

  test(`junit: ${name}: well-formed, a suite per file, a failed case per finding, a passing case per clean file`, () => {
    const root = parseXml(formatters.junit(results(), context()));
    assert.equal(root.name, "testsuites");
    const suites = all(root, "testsuite");
    assert.deepEqual(suites.map((s) => s.attributes.name), results().map((r) => r.filePath));
    let tests = 0;
    let failures = 0;
    suites.forEach((suite, i) => {
      const diagnostics = results()[i].diagnostics;
      const cases = all(suite, "testcase");
      assert.equal(cases.length, Math.max(1, diagnostics.length));
      assert.equal(suite.attributes.tests, String(cases.length));
      assert.equal(suite.attributes.failures, String(diagnostics.length));
      assert.equal(all(suite, "failure").length, diagnostics.length);
      diagnostics.forEach((d, j) => {
        const [failure] = cases[j].children;
        assert.equal(failure.attributes.message, readable(d.message));
        assert.equal(failure.attributes.type, d.severity);
        const { start, end } = d.loc;
        assert.ok(failure.text.startsWith(`${results()[i].filePath}:${start.line}:${start.column}-${end.line}:${end.column}: `));
      });
      tests += cases.length;
      failures += diagnostics.length;
    });
    assert.equal(root.attributes.tests, String(tests));
    assert.equal(root.attributes.failures, String(failures));
  });
}

test("checkstyle and junit: newlines, carriage returns and tabs survive attribute normalisation", () => {
  const xml = formatters.checkstyle([awkwardResult()], context());
  assert.match(xml, /message="100% sure: a,b &lt;&amp;&gt; &quot;double&quot; &apos;single&apos;&#10;second line&#13;\\x1b\[31mred"/);
  assert.match(formatters.junit([awkwardResult()], context()), /<testsuite name="odd dir\/a,b:c%\.rules"/);
});

test("xml escaping: characters XML 1.0 cannot carry are shown or replaced, pairs of surrogates kept", () => {
  assert.equal(xmlEscape("a\u{1f600}b\ud800c\u0001\uffff"), "a\u{1f600}b\ufffdc\\x01\ufffd");
});
