/**
 * The one reader of a command line's elements and target (`LineView`, `readTarget`), checked on
 * generated lines against what the lines were generated from, against the AST built on top of
 * it (`line.elements`, `line.rule`, `line.target`), and against the model's answers by line
 * (`targetName`, `isGoto`, `chainOf`, `extensionTarget`).
 *
 * Lines mix generic options (with or without `!`, before or after the option), `-m` modules and
 * their options, quoted words, `--name=value` spellings, `-c P B`, and targets in every
 * spelling: `-j NAME`, `-g NAME`, `--jump NAME`, `--goto=NAME`, `"-j" NAME`, quoted names. Some
 * have a second target or end with a `-j`/`-g` without a name: iptables refuses those ("multiple
 * -j flags not allowed", "option "-j" requires an argument"), and so must the grammar, with the
 * first of the two iptables meets reading the line left to right.
 *
 * A failure prints fast-check's seed and the shrunk counterexample.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";

import { parse, readTarget, targetName, type CommandLine, type Document, type OptionRole } from "../../grammar/index.js";
import { lineNo, modelOf, NONE } from "../../rules/model/index.js";
import { EXTENSION_TARGETS } from "../../rules/netfilter/index.js";
import { runs } from "../helpers/properties.js";

// ---------------------------------------------------------------------------------------------
// Words, and lines made of them with what each element must read as.

interface Word {
  raw: string;
  value: string;
}

const plain = (raw: string): Word => ({ raw, value: raw });
const escape = (s: string) => s.replace(/["\\]/g, (c) => `\\${c}`);
const quoted = (value: string): Word => ({ raw: `"${escape(value)}"`, value });
/** A quote opening mid-word: `ab"c d"`. */
const halfQuoted = (prefix: string, rest: string): Word => ({ raw: `${prefix}"${escape(rest)}"`, value: prefix + rest });

/** Values that never read as an option or `!`: any option may take them. */
const freeValue: fc.Arbitrary<Word> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("80", "1:1024", "10.0.0.1", "10.0.0.0/8", "fe80::1", "eth0", "eth+", "SYN,RST", "0x1/0xff", "NEW,ESTABLISHED", "-5", "a=b", "x").map(plain) },
  { weight: 2, arbitrary: fc.constantFrom("a b", 'say "hi"', "back\\slash", "", "ümlaut €", "-5", "a=b").map(quoted) },
  { weight: 1, arbitrary: fc.constantFrom(["ab", "c d"], ["x", "=y"]).map(([p, r]) => halfQuoted(p, r)) },
);

/** Values an option owes as its arguments: anything, options included (`--comment -j`). */
const owedValue: fc.Arbitrary<Word> = fc.oneof(
  { weight: 3, arbitrary: freeValue },
  { weight: 1, arbitrary: fc.constantFrom("-j", "-g", "--jump", "-s", "DROP", "--x").map(plain) },
  { weight: 1, arbitrary: fc.constantFrom("-j", "--goto=X").map(quoted) },
);

type Bang = "none" | "before" | "after";

/** One element as written and as iptables reads it. */
interface ElementSpec {
  role: OptionRole;
  bang: Bang;
  /** The option word as written. */
  option: string;
  /** Its spelling without an inline `=value`. */
  name: string;
  /** The value after `=` in the option word. */
  inline: Word | null;
  /** The words after the option. */
  values: Word[];
  /** A `-j`/`-g` element: its kind and name; the name is null when the line ends after the option. */
  target?: { kind: "jump" | "goto"; name: string | null };
}

/** How an option is spelled: plain, as a quoted word, `--name=value`, or `"--name=value"`. */
type Spelling = "plain" | "quoted" | "inline" | "quoted-inline";

/**
 * An element from its parts; the inline spellings put `values[0]` in the option word (a long
 * option with a value only). A late `!` needs a word after it and never follows an inline value.
 */
function element(role: OptionRole, name: string, how: Spelling, values: Word[], bang: Bang): ElementSpec {
  let option = name;
  let inline: Word | null = null;
  let rest = values;
  const canInline = name.startsWith("--") && values.length > 0;
  if (how === "quoted") option = quoted(name).raw;
  else if (how === "inline" && canInline) {
    option = `${name}=${values[0].raw}`;
    [inline, ...rest] = values;
  } else if (how === "quoted-inline" && canInline) {
    option = quoted(`${name}=${values[0].value}`).raw;
    [inline, ...rest] = values;
  }
  // A late `!` is the old negation only before a value: before an option-looking word
  // (`-i ! -j`) getopt gives the `!` to the option as its value (tested apart).
  const optionLike = rest.length > 0 && !rest[0].raw.startsWith('"') && /^--?[A-Za-z]/.test(rest[0].raw);
  const late = bang === "after" && (inline !== null || rest.length === 0 || optionLike) ? "none" : bang;
  return { role, bang: late, option, name, inline, values: rest };
}

/** The spellings whose every reader agrees today; a quoted `"--name=value"` is tested apart (below). */
const SPELLINGS: Spelling[] = ["plain", "plain", "plain", "quoted", "inline"];
const bang = fc.constantFrom<Bang>("none", "none", "before", "after");

interface LineSpec {
  prefix: string;
  command: string;
  chain: Word;
  positional: string[];
  elements: ElementSpec[];
  separators: string[];
}

/** Where each word of an element is in the line. */
interface Placed {
  bang: { start: number; end: number } | null;
  option: { start: number; end: number };
  values: { start: number; end: number }[];
  range: { start: number; end: number };
}

/** The line's text, and where its elements are (offsets within the line). */
function writeLine(spec: LineSpec): { text: string; placed: Placed[] } {
  let text = spec.prefix;
  let s = 0;
  const put = (raw: string) => {
    if (text !== "" && !text.endsWith(" ")) text += spec.separators[s++ % spec.separators.length];
    const start = text.length;
    text += raw;
    return { start, end: text.length };
  };
  put(spec.command);
  put(spec.chain.raw);
  for (const p of spec.positional) put(p);
  const placed: Placed[] = [];
  for (const e of spec.elements) {
    const bang = e.bang === "before" ? put("!") : null;
    const option = put(e.option);
    const late = e.bang === "after" ? put("!") : null;
    const values = e.values.map((v) => put(v.raw));
    const last = values.length ? values[values.length - 1] : (late ?? option);
    placed.push({ bang: bang ?? late, option, values, range: { start: (bang ?? option).start, end: last.end } });
  }
  return { text, placed };
}

interface Written {
  document: Document;
  text: string;
  /** By generated line: its 0-based line number and its elements' places (document offsets). */
  lines: { index: number; spec: LineSpec; placed: Placed[]; broken: boolean }[];
}

function writeDocument(specs: { spec: LineSpec; broken: boolean }[], rulesForm: boolean): Written {
  const head = rulesForm ? ["-P INPUT ACCEPT"] : ["*filter", ":INPUT ACCEPT [0:0]", ":X - [0:0]", ":KUBE-SVC-1 - [0:0]"];
  let text = head.map((l) => `${l}\n`).join("");
  const lines: Written["lines"] = [];
  specs.forEach(({ spec, broken }, k) => {
    const { text: line, placed } = writeLine(spec);
    const at = text.length;
    const shift = (r: { start: number; end: number }) => ({ start: r.start + at, end: r.end + at });
    lines.push({
      index: head.length + k,
      spec,
      broken,
      placed: placed.map((p) => ({ bang: p.bang && shift(p.bang), option: shift(p.option), values: p.values.map(shift), range: shift(p.range) })),
    });
    text += `${line}\n`;
  });
  if (!rulesForm) text += "COMMIT\n";
  return { document: parse(text), text, lines };
}

/** Generated lines, with options spelled in these ways. */
function generatedLines(spellings: Spelling[]) {
  const spelling = fc.constantFrom(...spellings);
  /**
   * `-s`, `--in-interface`, ...: one owed value. An option word as the value of an address or a
   * protocol is refused by iptables before any target is read ("host/network `-j' not found"),
   * a syntax error of its own (test/grammar/fidelity*.test.ts): those get plain values here.
   */
  const generic: fc.Arbitrary<ElementSpec[]> = fc
    .constantFrom("-s", "--source", "--src", "-d", "--destination", "--dst", "-i", "--in-interface", "-o", "--out-interface", "-p", "--protocol")
    .chain((name) => fc.tuple(fc.constant(name), spelling, /^(-[io]|--(in|out)-interface)$/.test(name) ? owedValue : freeValue, bang))
    .map(([name, how, value, b]) => [element("generic", name, how, [value], b)]);

  /** Module options: name, whether it owes its first value, how many values. */
  const MODULE_OPTIONS: [name: string, owes: boolean, min: number, max: number][] = [
    ["--dport", false, 1, 1],
    ["--sport", false, 1, 2],
    ["--tcp-flags", false, 2, 2],
    ["--syn", false, 0, 0],
    ["--mark", false, 1, 1],
    ["--comment", true, 1, 1],
    ["--log-prefix", true, 1, 2],
    ["--ctstate", false, 1, 1],
    ["--dports", false, 1, 1],
    ["--set-xmark", false, 1, 1],
    ["--to-destination", false, 1, 1],
    ["-b", false, 0, 1],
  ];

  const moduleOption: fc.Arbitrary<ElementSpec> = fc
    .constantFrom(...MODULE_OPTIONS)
    .chain(([name, owes, min, max]) =>
      fc.tuple(
        fc.constant(name),
        spelling,
        owes ? fc.tuple(owedValue, fc.array(freeValue, { maxLength: max - 1 })).map(([a, b]) => [a, ...b]) : fc.array(freeValue, { minLength: min, maxLength: max }),
        bang,
      ),
    )
    .map(([name, how, values, b]) => element("module", name, how, values, b));

  /** `-m NAME` and some options. */
  const match: fc.Arbitrary<ElementSpec[]> = fc
    .tuple(
      fc.constantFrom("-m", "--match"),
      spelling,
      fc.oneof(fc.constantFrom("tcp", "udp", "comment", "mark", "multiport", "conntrack").map(plain), fc.constantFrom("tcp", "odd module").map(quoted)),
      fc.array(moduleOption, { maxLength: 3 }),
    )
    .map(([name, how, module, options]) => [element("match", name, how, [module], "none"), ...options]);

  /** `-c P B`. */
  const counters: fc.Arbitrary<ElementSpec[]> = fc
    .tuple(fc.constantFrom("-c", "--set-counters"), fc.constantFrom<Spelling>("plain", "quoted"), fc.nat(99), fc.nat(99999))
    .map(([name, how, p, b]) => [element("counters", name, how, [plain(String(p)), plain(String(b))], "none")]);

  const TARGET_NAMES = ["ACCEPT", "DROP", "RETURN", "LOG", "MARK", "DNAT", "MASQUERADE", "X", "KUBE-SVC-1", "INPUT"];
  const targetName_: fc.Arbitrary<Word> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...TARGET_NAMES).map(plain) },
    { weight: 1, arbitrary: fc.constantFrom("-s", "x=y").map(plain) },
    { weight: 2, arbitrary: fc.constantFrom("MY CHAIN", 'A"B', "LOG", "X", "").map(quoted) },
  );

  /** `-j NAME` and the target's options, in any spelling. */
  const target: fc.Arbitrary<ElementSpec[]> = fc
    .tuple(fc.constantFrom("-j", "-g", "--jump", "--goto"), spelling, targetName_, fc.array(moduleOption, { maxLength: 2 }))
    .map(([name, how, n, options]) => {
      const spec = element(name.includes("g") ? "goto" : "jump", name, how, [n], "none");
      spec.target = { kind: spec.role as "jump" | "goto", name: n.value };
      return [spec, ...options];
    });

  /** A `-j`/`-g` that ends the line with no name. */
  const namelessTarget: fc.Arbitrary<ElementSpec> = fc
    .tuple(fc.constantFrom("-j", "-g", "--jump", "--goto"), fc.constantFrom<Spelling>("plain", "plain", "quoted"))
    .map(([name, how]) => {
      const spec = element(name.includes("g") ? "goto" : "jump", name, how, [], "none");
      spec.target = { kind: spec.role as "jump" | "goto", name: null };
      return spec;
    });

  /** A rule command line; `broken`: with a second target, or a nameless one at its end. */
  const ruleLine = (broken: "second" | "nameless" | null): fc.Arbitrary<LineSpec> =>
    fc
      .record({
        prefix: fc.constantFrom("", "", "[1:20] "),
        command: fc.constantFrom("-A", "--append", "-I", "-R", "-D"),
        chain: fc.oneof(fc.constantFrom("INPUT", "X", "KUBE-SVC-1").map(plain), fc.constantFrom("MY CHAIN", "X").map(quoted)),
        groups: fc.array(fc.oneof({ weight: 3, arbitrary: generic }, { weight: 3, arbitrary: match }, { weight: 1, arbitrary: counters }), { maxLength: 5 }),
        target: broken === null ? fc.option(target, { freq: 4 }) : target,
        targetAt: fc.nat(),
        second: target,
        secondAt: fc.nat(),
        nameless: namelessTarget,
        separators: fc.array(fc.constantFrom(" ", " ", " ", "  ", "\t"), { minLength: 1, maxLength: 4 }),
      })
      .map((r) => {
        const groups = [...r.groups];
        if (r.target !== null) groups.splice(r.targetAt % (groups.length + 1), 0, r.target);
        if (broken === "second") {
          // After the first target.
          const first = groups.indexOf(r.target!);
          groups.splice(first + 1 + (r.secondAt % (groups.length - first)), 0, r.second);
        }
        const elements = groups.flat();
        if (broken === "nameless") elements.push(r.nameless);
        const positional = r.command === "-I" ? (r.targetAt % 2 === 0 ? ["2"] : []) : r.command === "-R" ? ["1"] : [];
        return { prefix: r.prefix, command: r.command, chain: r.chain, positional, elements, separators: r.separators };
      });

  return fc.array(
    fc.oneof(
      { weight: 5, arbitrary: ruleLine(null).map((spec) => ({ spec, broken: false })) },
      { weight: 1, arbitrary: ruleLine("second").map((spec) => ({ spec, broken: true })) },
      { weight: 1, arbitrary: ruleLine("nameless").map((spec) => ({ spec, broken: true })) },
    ),
    { minLength: 1, maxLength: 6 },
  );

}

// ---------------------------------------------------------------------------------------------
// What each line must read as.

const valuesOf = (e: ElementSpec): string[] => [...(e.inline ? [e.inline.value] : []), ...e.values.map((v) => v.value)];

/** The line's target: its last `-j`/`-g` (a valid line has one). */
function expectedTarget(spec: LineSpec): ElementSpec["target"] | null {
  const targets = spec.elements.filter((e) => e.target !== undefined);
  return targets.length ? targets[targets.length - 1].target! : null;
}

function checkValidLine(written: Written, line: Written["lines"][number]): void {
  const { document, text } = written;
  const { index, spec, placed } = line;
  const what = `line ${index + 1}: ${text.split("\n")[index]}`;
  assert.equal(document.kindOf(index), "command", `${what}: parsed`);
  assert.deepEqual(
    document.diagnostics.filter((d) => d.loc.start.line === index + 1),
    [],
    `${what}: no syntax error`,
  );
  const node = document.line(index) as CommandLine;
  const view = node.view;
  const elements = node.elements;
  assert.equal(view.count, spec.elements.length, `${what}: element count (view)`);
  assert.equal(elements.length, spec.elements.length, `${what}: element count (AST)`);
  spec.elements.forEach((e, k) => {
    const at = `${what}: element ${k} (${e.option})`;
    const p = placed[k];
    const values = valuesOf(e);
    // The view, against the generated line.
    assert.equal(view.role(k), e.role, `${at}: role`);
    assert.equal(view.name(k), e.name, `${at}: name`);
    assert.ok(view.is(k, e.name), `${at}: is(name)`);
    assert.deepEqual(view.values(k), values, `${at}: values`);
    assert.equal(view.value(k), values.length ? values[0] : null, `${at}: value`);
    assert.equal(view.negated(k), e.bang !== "none", `${at}: negated`);
    assert.equal(view.lateBang(k), e.bang === "after", `${at}: late !`);
    assert.equal(view.isTarget(k), e.target !== undefined, `${at}: isTarget`);
    assert.deepEqual(view.range(k), p.range, `${at}: range`);
    assert.equal(view.written(k), text.slice(p.range.start, p.range.end), `${at}: written`);
    assert.deepEqual(view.optionRange(k), p.option, `${at}: option range`);
    assert.deepEqual(view.bangRange(k), p.bang, `${at}: ! range`);
    p.values.forEach((r, j) => assert.deepEqual(view.valueRange(k, j), r, `${at}: value ${j} range`));
    assert.equal(view.valueRange(k, p.values.length), null, `${at}: no more value words`);
    // The first value word's place, for a reader reading it in place: none when the option word holds `=value`.
    const inline = text.slice(p.option.start, p.option.end).includes("=");
    const start = view.valueStart(k);
    assert.equal(start, inline || p.values.length === 0 ? -1 : p.values[0].start, `${at}: valueStart`);
    if (start !== -1) assert.equal(view.valueEnd(k), p.values[0].end, `${at}: valueEnd`);
    // The AST's element, against the same.
    const node = elements[k];
    assert.equal(node.role, e.role, `${at}: AST role`);
    assert.equal(node.name, e.name, `${at}: AST name`);
    assert.deepEqual(node.values.map((v) => v.value), values, `${at}: AST values`);
    assert.equal(node.negated, e.bang !== "none", `${at}: AST negated`);
    assert.equal(node.intrapositioned, e.bang === "after", `${at}: AST late !`);
    assert.deepEqual(node.range, p.range, `${at}: AST range`);
    assert.deepEqual(node.optionWord.range, p.option, `${at}: AST option range`);
    assert.deepEqual(node.bang?.range ?? null, p.bang, `${at}: AST ! range`);
  });

  // The target, by every reader.
  const expected = expectedTarget(spec);
  const targets = spec.elements.map((e, k) => (e.target ? k : -1)).filter((k) => k !== -1);
  assert.equal(view.targetIndex(), targets.length ? targets[targets.length - 1] : -1, `${what}: targetIndex`);
  const span = readTarget(document.source.lexed, index);
  const rule = node.rule!;
  if (expected === null || expected === undefined) {
    assert.equal(span, null, `${what}: readTarget`);
    assert.equal(rule.target, null, `${what}: rule.target`);
    assert.equal(node.target, null, `${what}: line.target`);
  } else {
    assert.ok(span !== null, `${what}: readTarget finds the target`);
    assert.deepEqual({ kind: span.kind, name: targetName(text, span) }, { kind: expected.kind, name: expected.name }, `${what}: readTarget`);
    assert.deepEqual({ kind: rule.target?.kind, name: rule.target?.name }, { kind: expected.kind, name: expected.name }, `${what}: rule.target`);
    assert.deepEqual({ kind: node.target?.kind, name: node.target?.name }, { kind: expected.kind, name: expected.name }, `${what}: line.target`);
    assert.deepEqual(node.target!.word.range, { start: span.start, end: span.end }, `${what}: line.target's word is the span`);
    assert.equal(node.target!.word.value, expected.name, `${what}: line.target's word reads as the name`);
  }

  // The model, by line number.
  const model = modelOf(document);
  const table = model.tableOf(document.tables[0])!;
  const n = lineNo(node);
  assert.equal(table.targetName(n), expected?.name ?? undefined, `${what}: model targetName`);
  assert.equal(table.isGoto(n), expected?.kind === "goto", `${what}: model isGoto`);
  const chain = table.chainOf(n);
  assert.notEqual(chain, NONE, `${what}: model chainOf`);
  assert.equal(table.nameOf(chain as never), spec.chain.value, `${what}: model chainOf names the chain`);
  assert.equal(node.chain, spec.chain.value, `${what}: line.chain`);
  // A goto loads no target: `-g MASQUERADE` names a chain (and is refused as none).
  const extension = expected?.name != null && expected.kind === "jump" && EXTENSION_TARGETS.has(expected.name) ? expected.name : null;
  assert.equal(model.lines.extensionTarget(n), extension, `${what}: extensionTarget`);
  if (extension !== null) assert.ok(model.lines.withTarget(extension).includes(node), `${what}: withTarget(${extension})`);
}

function checkBrokenLine(written: Written, line: Written["lines"][number]): void {
  const { document, text } = written;
  const { index, spec, placed } = line;
  const what = `line ${index + 1}: ${text.split("\n")[index]}`;
  assert.equal(document.kindOf(index), "invalid", `${what}: a syntax error`);
  const diagnostics = document.diagnostics.filter((d) => d.loc.start.line === index + 1);
  assert.equal(diagnostics.length, 1, `${what}: one diagnostic`);
  // iptables reads the options left to right: the first target without a name, or the second target.
  const targets = spec.elements.map((e, k) => ({ e, k })).filter(({ e }) => e.target !== undefined);
  let said: string | null = null;
  let at = -1;
  for (let j = 0; j < targets.length && said === null; j++) {
    const { e, k } = targets[j];
    if (e.target!.name === null) said = `option "${e.name}" requires an argument`;
    else if (j > 0) said = "multiple -j flags not allowed";
    at = k;
  }
  assert.ok(said !== null, `${what}: generated broken`);
  assert.ok(diagnostics[0].message.includes(said), `${what}: says ${said}: ${diagnostics[0].message}`);
  assert.deepEqual(diagnostics[0].range, placed[at].option, `${what}: points at the option`);
  // readTarget reads the last -j/-g, with no name when it has none.
  const last = targets[targets.length - 1].e.target!;
  const span = readTarget(document.source.lexed, index);
  if (last.name === null) assert.equal(span, null, `${what}: readTarget`);
  else assert.deepEqual(span && { kind: span.kind, name: targetName(text, span) }, { kind: last.kind, name: last.name }, `${what}: readTarget`);
  // The model leaves the line out.
  const model = modelOf(document);
  const table = model.tableOf(document.tables[0])!;
  const n = index as never;
  assert.equal(table.targetName(n), undefined, `${what}: model targetName`);
  assert.equal(table.isGoto(n), false, `${what}: model isGoto`);
  assert.equal(table.chainOf(n), NONE, `${what}: model chainOf`);
  for (const name of EXTENSION_TARGETS) assert.ok(!model.lines.withTarget(name).some((l) => l.index === index), `${what}: withTarget(${name})`);
}

test("generated command lines: readTarget, LineView, the AST and the model agree; a second or nameless target is the error iptables gives", () => {
  fc.assert(
    fc.property(generatedLines(SPELLINGS), fc.boolean(), checkDocument),
    runs(300),
  );
});

/**
 * A whole option word quoted with its inline value, `"--protocol=tcp"`, `"--goto=X"`,
 * `"--comment=say \"hi\""`: iptables removes the quotes, then getopt splits the word at `=`.
 */
test("quoted --name=value words read the same by every reader", () => {
  fc.assert(
    fc.property(generatedLines(["plain", "quoted-inline"]), fc.boolean(), checkDocument),
    runs(200),
  );
});

function checkDocument(specs: { spec: LineSpec; broken: boolean }[], rulesForm: boolean): void {
  const written = writeDocument(specs, rulesForm);
  for (const line of written.lines) {
    if (line.broken) checkBrokenLine(written, line);
    else checkValidLine(written, line);
  }
}

test("the target spellings, one by one", () => {
  const cases: [line: string, kind: "jump" | "goto" | null, name: string | null][] = [
    ["-A INPUT -j ACCEPT", "jump", "ACCEPT"],
    ["-A INPUT --jump ACCEPT", "jump", "ACCEPT"],
    ["-A INPUT --jump=ACCEPT", "jump", "ACCEPT"],
    ["-A INPUT -g X", "goto", "X"],
    ["-A INPUT --goto X", "goto", "X"],
    ["-A INPUT --goto=X", "goto", "X"],
    ['-A INPUT "-j" ACCEPT', "jump", "ACCEPT"],
    ['-A INPUT "--goto=X"', "goto", "X"],
    ['-A INPUT --jump="MY CHAIN"', "jump", "MY CHAIN"],
    ['-A INPUT -j "MY CHAIN"', "jump", "MY CHAIN"],
    ['-A INPUT -j LOG --log-prefix "-j DROP"', "jump", "LOG"],
    ["-A INPUT -m comment --comment -j", null, null],
    ["-A INPUT -j -s", "jump", "-s"],
  ];
  for (const [line, kind, name] of cases) {
    const text = `*filter\n:INPUT ACCEPT [0:0]\n:X - [0:0]\n${line}\nCOMMIT\n`;
    const document = parse(text);
    assert.deepEqual(document.diagnostics, [], line);
    const span = readTarget(document.source.lexed, 3);
    assert.deepEqual(span && { kind: span.kind, name: targetName(text, span) }, kind === null ? null : { kind, name }, line);
    const rule = (document.line(3) as CommandLine).rule!;
    assert.deepEqual(rule.target && { kind: rule.target.kind, name: rule.target.name }, kind === null ? null : { kind, name }, line);
  }
});
