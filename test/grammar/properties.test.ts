/**
 * Property tests (fast-check):
 *
 * (a) generated well-formed rulesets parse with no diagnostic into the AST they were generated
 *     from, print back byte for byte, and their compact print is itself a stable, equivalent
 *     ruleset;
 * (b) arbitrary text never makes parse() throw, its diagnostics have sane ranges and
 *     locations, and text without diagnostics prints back byte for byte.
 *
 * A failure prints fast-check's seed and the shrunk counterexample.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";

import { parse, print, type Document, type OptionNode } from "../../grammar/index.js";
import { EXTENSION_OPTIONS } from "../../grammar/option-arguments.js";
import { ownOptionName, structuralOptions } from "../../grammar/tokens.js";
import { positionOf } from "./support.js";

// ---------------------------------------------------------------------------------------------
// (a) A model of a ruleset, its text, and what the AST must say about it.

interface Value {
  raw: string;
  value: string;
}

type BangPlace = "none" | "before" | "after";

interface OptionModel {
  bang: BangPlace;
  name: string;
  values: Value[];
  /** Written `--name=value` (one plain value). */
  inline: boolean;
}

interface ModuleModel {
  name: string;
  options: OptionModel[];
}

interface TargetModel {
  kind: "jump" | "goto";
  name: string;
  options: OptionModel[];
}

interface CommandModel {
  kind: "append" | "insert" | "new-chain" | "policy";
  chain: string;
  /** Rule number of `-I`, policy of `-P`. */
  argument: string | null;
  prefixCounters: [bigint, bigint] | null;
  setCounters: [bigint, bigint] | null;
  /** The generic options are written before the command (`-p tcp -A X ...`), as iptables allows. */
  genericFirst: boolean;
  generic: OptionModel[];
  matches: ModuleModel[];
  target: TargetModel | null;
}

interface ChainModel {
  name: string;
  policy: string;
  counters: [bigint, bigint] | null;
}

type Extra = { kind: "comment"; text: string } | { kind: "blank" };

interface TableModel {
  name: string;
  chains: ChainModel[];
  commands: CommandModel[];
}

interface RulesetModel {
  /** No `*table` lines: `iptables -S` output, one unnamed table. */
  rulesForm: boolean;
  tables: TableModel[];
  eol: "\n" | "\r\n";
  finalEol: boolean;
}

/** Characters of unquoted values: no blank, no quote, never `-` first. */
const plainChars = [..."abcXYZ019./:,_+=@%^~*'#[]éß€😀"];
const plainValue: fc.Arbitrary<Value> = fc
  .array(fc.constantFrom(...plainChars), { minLength: 1, maxLength: 10 })
  .map((chars) => chars.join(""))
  .map((raw) => ({ raw, value: raw }));

/** Quoted values hold anything but a line end or NUL; `"` and `\` are escaped. */
const quotedChars = [..." \t\"\\'!-#*:[]abcAZ09é€😀ü\u00a0"];
const escape = (s: string) => s.replace(/["\\]/g, (c) => `\\${c}`);
const quotedValue: fc.Arbitrary<Value> = fc
  .tuple(
    fc.array(fc.constantFrom(...quotedChars), { maxLength: 16 }).map((c) => c.join("")),
    // A quote may open in the middle of a word: `ab"c d"`.
    fc.option(plainValue, { freq: 3 }),
  )
  .map(([content, prefix]) => ({
    raw: `${prefix?.raw ?? ""}"${escape(content)}"`,
    value: `${prefix?.value ?? ""}${content}`,
  }))
  // iptables reads a word without its quotes, so `"-c"` is the option -c and `"!"` a negation,
  // unless an option owes it as an argument (--comment "-c"): these are not plain values.
  .filter((v) => v.value !== "!" && !/^-(-?[a-zA-Z]|[46]$)/.test(v.value));

const value = fc.oneof({ arbitrary: plainValue, weight: 3 }, { arbitrary: quotedValue, weight: 2 });

const identifier = (first: string, rest: string, max: number) =>
  fc
    .tuple(fc.constantFrom(...first), fc.array(fc.constantFrom(...rest), { maxLength: max }))
    .map(([a, b]) => a + b.join(""));

const chainName = identifier("ABCDEFKQXZ", "ABCDEFKQXZ0123456789_-", 14);
const moduleName = identifier("abcdefgmstu", "abcdefgmstu0123456789", 8);
const longOptionName = identifier("abcdefgmrstu", "abcdefgmrstu-", 12)
  .map((n) => `--${n}`)
  // An option iptables knows to take a value (`--mss`) is refused without one: these names are
  // arbitrary, so they are none of those (an option that lost its value is tested on its own).
  // Nor iptables' own options, nor getopt's abbreviations of them (`--a` is `--append`).
  .filter((n) => !structuralOptions.has(n) && ownOptionName(n) === n && !(Object.hasOwn(EXTENSION_OPTIONS, n) && EXTENSION_OPTIONS[n][0] === "required"));
const shortOptionName = fc.constantFrom("-b", "-e", "-k", "-q", "-u", "-w", "-y");

const bangPlace = (withValues: boolean): fc.Arbitrary<BangPlace> =>
  withValues ? fc.constantFrom<BangPlace>("none", "none", "before", "after") : fc.constantFrom<BangPlace>("none", "before");

const moduleOption: fc.Arbitrary<OptionModel> = fc
  .tuple(fc.oneof({ arbitrary: longOptionName, weight: 4 }, { arbitrary: shortOptionName, weight: 1 }), fc.array(value, { maxLength: 3 }), fc.boolean())
  .chain(([name, values, inline]) =>
    bangPlace(values.length > 0).map((bang) => ({
      bang,
      name,
      values,
      // `--name=value` only for a long option with one plain value, and no late `!`.
      inline: inline && name.startsWith("--") && values.length === 1 && !values[0].raw.includes('"') && bang !== "after",
    })),
  );

const genericOption: fc.Arbitrary<OptionModel> = fc
  .tuple(
    fc.constantFrom("-s", "-d", "-i", "-o", "-p", "--source", "--dst", "--in-interface", "--protocol", "-f", "-4", "-6"),
    plainValue,
  )
  .chain(([name, v]) => {
    const values = ["-f", "-4", "-6"].includes(name) ? [] : [v];
    return bangPlace(values.length > 0).map((bang) => ({ bang, name, values, inline: false }));
  });

const counters = fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }));

const target: fc.Arbitrary<TargetModel> = fc.record({
  kind: fc.constantFrom<"jump" | "goto">("jump", "jump", "goto"),
  name: chainName,
  options: fc.array(moduleOption, { maxLength: 3 }),
});

const ruleCommand: fc.Arbitrary<CommandModel> = fc.record({
  kind: fc.constantFrom<"append" | "insert">("append", "append", "append", "insert"),
  chain: chainName,
  argument: fc.option(fc.integer({ min: 1, max: 999 }).map(String)),
  prefixCounters: fc.option(counters),
  setCounters: fc.option(counters, { freq: 4 }),
  genericFirst: fc.boolean(),
  generic: fc.array(genericOption, { maxLength: 3 }),
  matches: fc.array(fc.record({ name: moduleName, options: fc.array(moduleOption, { maxLength: 3 }) }), { maxLength: 3 }),
  target: fc.option(target, { freq: 6 }),
}).map((c) => (c.kind === "append" ? { ...c, argument: null } : c));

const otherCommand: fc.Arbitrary<CommandModel> = fc
  .tuple(fc.constantFrom<"new-chain" | "policy">("new-chain", "policy"), chainName, fc.constantFrom("ACCEPT", "DROP"))
  .map(([kind, chain, policy]) => ({
    kind,
    chain,
    argument: kind === "policy" ? policy : null,
    prefixCounters: null,
    setCounters: null,
    genericFirst: false,
    generic: [],
    matches: [],
    target: null,
  }));

const command = fc.oneof({ arbitrary: ruleCommand, weight: 5 }, { arbitrary: otherCommand, weight: 1 });

const chain: fc.Arbitrary<ChainModel> = fc.record({
  name: chainName,
  policy: fc.constantFrom("ACCEPT", "DROP", "-"),
  counters: fc.option(counters, { freq: 5 }),
});

const table: fc.Arbitrary<TableModel> = fc.record({
  name: fc.oneof(fc.constantFrom("filter", "nat", "mangle", "raw", "security"), moduleName),
  chains: fc.array(chain, { maxLength: 4 }),
  commands: fc.array(command, { maxLength: 6 }),
});

const ruleset: fc.Arbitrary<RulesetModel> = fc.boolean().chain((rulesForm) =>
  fc.record({
    rulesForm: fc.constant(rulesForm),
    tables: rulesForm
      ? table.filter((t) => t.commands.length > 0).map((t) => [{ ...t, name: "", chains: [] }])
      : fc.array(table, { minLength: 1, maxLength: 3 }),
    eol: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
    finalEol: fc.boolean(),
  }),
);

/** Layout choices, drawn separately so that shrinking keeps the structure. */
interface Layout {
  separators: string[];
  leading: string[];
  trailing: string[];
  extras: Extra[][];
}

const commentText = fc
  .array(fc.constantFrom(..."abc #*:-!\"'\\\t é😀[]COMMIT"), { maxLength: 20 })
  .map((c) => `#${c.join("")}`);
const extra: fc.Arbitrary<Extra> = fc.oneof(
  commentText.map((text) => ({ kind: "comment" as const, text })),
  fc.constant({ kind: "blank" as const }),
);

const layout: fc.Arbitrary<Layout> = fc.record({
  separators: fc.array(fc.constantFrom(" ", " ", " ", "  ", "\t", " \t "), { minLength: 64, maxLength: 64 }),
  leading: fc.array(fc.constantFrom("", "", "", " ", "\t"), { minLength: 16, maxLength: 16 }),
  trailing: fc.array(fc.constantFrom("", "", "", " ", "\t "), { minLength: 16, maxLength: 16 }),
  extras: fc.array(fc.array(extra, { maxLength: 2 }), { minLength: 16, maxLength: 16 }),
});

function optionWords(option: OptionModel): string[] {
  const words: string[] = [];
  if (option.bang === "before") words.push("!");
  if (option.inline) return [...words, `${option.name}=${option.values[0].raw}`];
  words.push(option.name);
  if (option.bang === "after") words.push("!");
  return [...words, ...option.values.map((v) => v.raw)];
}

function commandWords(c: CommandModel): string[] {
  const words: string[] = [];
  if (c.prefixCounters) words.push(`[${c.prefixCounters[0]}:${c.prefixCounters[1]}]`);
  const head = { append: "-A", insert: "-I", "new-chain": "-N", policy: "-P" }[c.kind];
  if (c.genericFirst) for (const o of c.generic) words.push(...optionWords(o));
  words.push(head, c.chain);
  if (c.argument !== null) words.push(c.argument);
  if (!c.genericFirst) for (const o of c.generic) words.push(...optionWords(o));
  for (const m of c.matches) {
    words.push("-m", m.name);
    for (const o of m.options) words.push(...optionWords(o));
  }
  if (c.setCounters) words.push("-c", String(c.setCounters[0]), String(c.setCounters[1]));
  if (c.target) {
    words.push(c.target.kind === "jump" ? "-j" : "-g", c.target.name);
    for (const o of c.target.options) words.push(...optionWords(o));
  }
  return words;
}

/** Renders the model; `*table`, `:CHAIN` and COMMIT start in the first column, as iptables needs. */
function render(model: RulesetModel, l: Layout): string {
  let separator = 0;
  let lineNumber = 0;
  const lines: string[] = [];
  const join = (words: string[]) => words.map((w, i) => (i === 0 ? w : l.separators[separator++ % 64] + w)).join("");
  const push = (line: string, opts: { indent?: boolean; trail?: boolean } = {}) => {
    const n = lineNumber++ % 16;
    for (const e of l.extras[n]) lines.push(e.kind === "blank" ? "" : e.text);
    lines.push((opts.indent ? l.leading[n] : "") + line + (opts.trail === false ? "" : l.trailing[n]));
  };
  for (const t of model.tables) {
    if (!model.rulesForm) push(`*${t.name}`);
    for (const c of t.chains) {
      const words = [`:${c.name}`, c.policy];
      if (c.counters) words.push(`[${c.counters[0]}:${c.counters[1]}]`);
      push(join(words));
    }
    // iptables-restore reads `[p:b]` counters only at the very start of a line.
    for (const c of t.commands) push(join(commandWords(c)), { indent: !c.prefixCounters });
    if (!model.rulesForm) push("COMMIT", { trail: false });
  }
  return lines.join(model.eol) + (model.finalEol ? model.eol : "");
}

/** What the AST says, in the model's terms. */
function describe(document: Document) {
  const option = (o: OptionNode) => ({
    bang: o.bang === null ? "none" : o.intrapositioned ? "after" : "before",
    name: o.name,
    values: o.values.map((v) => v.value),
  });
  return document.tables.map((t) => ({
    name: t.name,
    chains: t.chains.map((c) => ({
      name: c.name,
      policy: c.policy,
      counters: c.counters && [c.counters.packets, c.counters.bytes],
    })),
    commands: t.commands.map((c) => {
      const rule = c.rule;
      const counters = rule?.counters ?? null;
      return {
        kind: c.command,
        chain: c.chain,
        positional: c.positional.map((w) => w.value),
        prefixCounters: counters?.form === "prefix" ? [counters.packets, counters.bytes] : null,
        setCounters: counters?.form === "option" ? [counters.packets, counters.bytes] : null,
        generic: rule ? rule.generic.map(option) : [],
        matches: rule ? rule.matches.map((m) => ({ name: m.name, implicit: m.implicit, options: m.options.map(option) })) : [],
        target: rule?.target ? { kind: rule.target.kind, name: rule.target.name, options: rule.target.options.map(option) } : null,
      };
    }),
  }));
}

/** What the AST must say about the model. */
function expected(model: RulesetModel) {
  const option = (o: OptionModel) => ({ bang: o.bang, name: o.name, values: o.values.map((v) => v.value) });
  return model.tables.map((t) => ({
    name: model.rulesForm ? null : t.name,
    chains: t.chains.map((c) => ({ name: c.name, policy: c.policy, counters: c.counters })),
    commands: t.commands.map((c) => {
      const isRule = c.kind === "append" || c.kind === "insert";
      return {
        kind: c.kind,
        chain: c.chain,
        positional: c.argument === null ? [c.chain] : [c.chain, c.argument],
        // `-c` after `[p:b]` replaces it, as in iptables.
        prefixCounters: c.setCounters ? null : c.prefixCounters,
        setCounters: c.setCounters,
        generic: c.generic.map(option),
        matches: isRule ? c.matches.map((m) => ({ name: m.name, implicit: false, options: m.options.map(option) })) : [],
        target: c.target ? { kind: c.target.kind, name: c.target.name, options: c.target.options.map(option) } : null,
      };
    }),
  }));
}

test("(a) generated rulesets: no diagnostic, the AST of the model, byte-for-byte print", () => {
  fc.assert(
    fc.property(ruleset, layout, (model, l) => {
      const text = render(model, l);
      const document = parse(text);
      assert.deepEqual(document.diagnostics, [], text);
      assert.equal(document.form, model.rulesForm ? "rules" : "restore");
      assert.deepEqual(describe(document), expected(model));
      const printed = print(document);
      assert.equal(printed, text);
      // Stable: printing what was printed changes nothing.
      assert.equal(print(parse(printed)), printed);
    }),
    { numRuns: 300 },
  );
});

test("(a) generated rulesets: the compact style is stable, round-trips and means the same", () => {
  fc.assert(
    fc.property(ruleset, layout, (model, l) => {
      const text = render(model, l);
      const document = parse(text);
      const compact = print(document, { style: "compact" });
      assert.ok(!compact.includes("\r"), "compact uses \\n line ends");
      assert.ok(compact.endsWith("\n"), "compact ends with a newline");
      for (const line of compact.split("\n")) {
        if (line.startsWith("#")) continue;
        assert.ok(!/^[ \t]|[ \t]$/.test(line), `compact line has no leading or trailing blank: ${JSON.stringify(line)}`);
      }
      const reparsed = parse(compact);
      assert.deepEqual(reparsed.diagnostics, []);
      assert.deepEqual(describe(reparsed), describe(document));
      // Options written before the command come after it and its arguments, as iptables-save writes them.
      for (const c of reparsed.tables.flatMap((t) => t.commands)) assert.equal(c.plan.head, c.plan.counters === 0 ? 1 : 0, c.text);
      assert.equal(print(reparsed), compact, "compact output round-trips");
      assert.equal(print(reparsed, { style: "compact" }), compact, "compact is stable");
    }),
    { numRuns: 200 },
  );
});

test("(a) a compact ruleset separates words with exactly one space", () => {
  // Built without blanks in values, so that every run of blanks is a separator.
  const noBlanks = ruleset.filter((m) => m.tables.every((t) => t.commands.every((c) => commandWords(c).every((w) => !/[ \t]/.test(w)))));
  fc.assert(
    fc.property(noBlanks, layout, (model, l) => {
      const compact = print(parse(render(model, l)), { style: "compact" });
      for (const line of compact.split("\n")) {
        if (line.startsWith("#")) continue;
        assert.ok(!/[ \t]{2}|\t/.test(line), `one space between words: ${JSON.stringify(line)}`);
      }
    }),
    { numRuns: 100 },
  );
});

// ---------------------------------------------------------------------------------------------
// (b) Arbitrary text.

/** Where a diagnostic's offset should be: as a count of newlines says. */
function assertPosition(text: string, position: { line: number; column: number; offset: number }, what: string): void {
  assert.deepEqual(position, positionOf(text, position.offset), what);
}

function checkArbitrary(text: string): void {
  let document: Document;
  try {
    document = parse(text);
  } catch (error) {
    assert.fail(`parse threw on ${JSON.stringify(text)}: ${(error as Error).stack}`);
  }
  const binary = text.slice(0, 8000).includes("\0");
  for (const d of document.diagnostics) {
    assert.equal(d.ruleId, "syntax");
    assert.ok(typeof d.message === "string" && d.message.length > 0);
    assert.ok(!d.message.includes("\n"), "one-line message");
    assert.ok(0 <= d.range.start && d.range.start <= d.range.end && d.range.end <= text.length, `range of ${d.message}`);
    assert.equal(d.loc.start.offset, d.range.start);
    assert.equal(d.loc.end.offset, d.range.end);
    assert.ok(d.loc.start.line >= 1 && d.loc.start.column >= 1);
    assertPosition(text, d.loc.start, `start of ${d.message}`);
    assertPosition(text, d.loc.end, `end of ${d.message}`);
  }
  const starts = document.diagnostics.map((d) => d.range.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), "diagnostics in source order");
  if (binary) {
    assert.equal(document.diagnostics.length, 1);
    assert.match(document.diagnostics[0].message, /^binary file/);
    return;
  }
  // Every line is kept, valid or not, so the text always prints back.
  assert.equal(print(document), text);
  if (document.diagnostics.length === 0) {
    const compact = print(document, { style: "compact" });
    const reparsed = parse(compact);
    assert.deepEqual(reparsed.diagnostics, [], `compact of ${JSON.stringify(text)}`);
    assert.equal(print(reparsed, { style: "compact" }), compact);
  }
}

/** Pieces of iptables-ish lines: the characters and words the lexer and parser care about. */
const fragments = [
  "*filter", "*nat", "*", ":INPUT", ":X", "ACCEPT", "DROP", "-", "--", "[0:0]", "[1:", "[1:2]", "COMMIT", "#", "# c",
  "-A", "-I", "-D", "-N", "-P", "-F", "-E", "INPUT", "FOO", "1", "-s", "-d", "10.0.0.0/8", "!", '"', '"a b"', '""',
  "\\", '\\"', "-m", "comment", "--comment", "--comment=", "--dport=80", "mark", "--mark", "0x4000/0x4000", "-j", "-g",
  "-c", "-t", "--table=nat", "-p", "tcp", "\r", "\uFEFF", "é", "😀", "'", "x", "\u00a0",
];
const separatorPiece = fc.constantFrom("", " ", " ", "  ", "\t", " \t");
const fragmentLine = fc
  .array(fc.tuple(separatorPiece, fc.constantFrom(...fragments)), { maxLength: 12 })
  .map((parts) => parts.map(([s, f]) => s + f).join(""));
const fragmentText = fc
  .tuple(fc.array(fragmentLine, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.boolean())
  .map(([lines, eol, final]) => lines.join(eol) + (final ? eol : ""));

test("(b) a template or a binary file, whose lines the parser does not read, prints back as it is (fast-check found `${A}`)", () => {
  for (const text of ["${A}", "-A INPUT -s {{ net }} -j ACCEPT\n", "*filter\n<%= rules %>\nCOMMIT\n", "a\0b\n-A INPUT -j ACCEPT\n"]) {
    const document = parse(text);
    assert.equal(document.diagnostics.length, 1, JSON.stringify(text));
    assert.equal(print(document), text);
    assert.equal(print(document, { style: "compact" }), text);
  }
});

test("(b) arbitrary ASCII strings", () => {
  fc.assert(fc.property(fc.string({ maxLength: 200 }), checkArbitrary), { numRuns: 300 });
});

test("(b) arbitrary Unicode strings, including astral characters and lone surrogates", () => {
  const surrogates = fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    maxLength: 100,
  });
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 100 }), fc.string({ unit: "grapheme", maxLength: 100 }), surrogates), checkArbitrary),
    { numRuns: 300 },
  );
});

test("(b) random lines of iptables-ish fragments", () => {
  fc.assert(fc.property(fragmentText, checkArbitrary), { numRuns: 1000 });
});

test("(b) iptables-ish lines inside a well-formed table", () => {
  fc.assert(
    fc.property(fragmentLine, fragmentLine, (a, b) => {
      const text = `*filter\n${a}\n-A INPUT -j ACCEPT\n${b}\nCOMMIT\n`;
      checkArbitrary(text);
      // Whatever the junk, the good rule is parsed: lines are independent. (A junk line can
      // only end the table early with a COMMIT or a new `*table` of its own.)
      const document = parse(text);
      const junk = document.lines[1];
      const rule = document.lines[2];
      if (junk.kind === "commit") {
        // The junk closed the table: the rule is outside any table.
        assert.equal(rule.kind, "invalid");
        return;
      }
      if (rule.kind !== "command") return assert.fail(`rule line is ${rule.kind} after ${JSON.stringify(a)}`);
      assert.equal(rule.table.name, junk.kind === "table" ? junk.name : "filter");
      assert.equal(rule.rule!.target!.name, "ACCEPT");
    }),
    { numRuns: 500 },
  );
});

test("(b) compact output keeps a line's meaning: a word with an open quote stays last, a `!` value stays before the option after it (found by the tests above and below)", () => {
  for (const line of ['--dport=80"a b"-I \t"', '-p tcp -A INPUT -m comment --comment "open -j ACCEPT', '-s 10.0.0.1 -A "X', "-d ! -A !"]) {
    const text = `*filter\n${line}\n-A INPUT -j ACCEPT\nCOMMIT\n`;
    assert.deepEqual(parse(text).diagnostics, [], line);
    checkArbitrary(text);
  }
});

test("(b) command lines made of options, values and `!`", () => {
  // The words the element grammar cares about, after every kind of line head.
  const pool = ["!", "-s", "-d", "--mark", "--x=1", "--x=", "-m", "mark", "x", '"a b"', '""', "-j", "-g", "-c", "1", "-t", "[1:2]", "-A", "2", "*f", ":C", "COMMIT", "#"];
  const heads = ["-A X ", "[1:2] -A X ", "-I X 2 ", "-P X ", ""];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 10 }), fc.constantFrom(...heads), (words, head) => {
      checkArbitrary(`*filter\n${head}${words.join(" ")}\nCOMMIT\n`);
    }),
    { numRuns: 3000 },
  );
});
