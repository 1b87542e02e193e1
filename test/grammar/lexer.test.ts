/**
 * The tokenizer against iptables' own: `add_param_to_argv` in iptables/xshared.c of iptables
 * 1.8.x (read in netfilter's sources), with cases from iptables' shell tests: the OKLINES and
 * NONOLINES comments of iptables/tests/shell/testcases/ipt-restore/0009-table-name-comment_0
 * (added by Phil Sutter's "xtables-restore: Fix --table parameter check", 2019) and the empty
 * line of ipt-restore/0011-noflush-empty-line_0.
 *
 * Every case marked "iptables 1.8.9:" was run through `iptables-nft-restore` in a throwaway
 * network namespace (`ip netns add x; ip netns exec x iptables-nft-restore < file;
 * ip netns exec x iptables-nft-save`), and the comment says what it answered.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { LexErrorKind, lex } from "../../grammar/lexer.js";
import { TokenCode, longOptionCode, optionTable } from "../../grammar/tokens.js";
import { MAX_WORD_LENGTH, MAX_WORDS_PER_LINE, decodeWord, parse, print } from "../../grammar/index.js";
import { lexLines, parsedWords } from "./support.js";

const values = (line: string): string[] => lexLines(line)[0].map((w) => w.value);
const raws = (line: string): string[] => lexLines(line)[0].map((w) => w.raw);

/** A one-rule filter table around `rule`; the rule is line index 1. */
const inFilter = (rule: string): string => `*filter\n${rule}\nCOMMIT\n`;

test("limits are iptables' own", () => {
  // xshared.c: `char buffer[1024]` with its NUL; MAX_ARGC 255 less argv[0], `-t`, table.
  assert.equal(MAX_WORD_LENGTH, 1023);
  assert.equal(MAX_WORDS_PER_LINE, 251);
});

test("only double quotes quote: a quoted value with spaces is one word", () => {
  // iptables 1.8.9: `--comment "a b"` is saved back as `--comment "a b"`.
  const text = inFilter('-A INPUT -m comment --comment "a b" -j ACCEPT');
  const document = parse(text);
  assert.deepEqual(document.diagnostics, []);
  assert.deepEqual(parsedWords(document, 1), ["-A", "INPUT", "-m", "comment", "--comment", "a b", "-j", "ACCEPT"]);
  const option = document.tables[0].commands[0].rule!.matches[0].option("--comment")!;
  assert.equal(option.values[0].raw, '"a b"');
  assert.equal(option.values[0].quoted, true);
  assert.equal(option.value, "a b");
});

test("a single quote is not special", () => {
  // iptables 1.8.9: `--comment 'a b'` fails with "Bad argument `b''"; `--comment 'ab'` is
  // accepted and saved as `--comment "\'ab\'"`.
  assert.deepEqual(values("-A INPUT -m comment --comment 'a b' -j ACCEPT"), [
    "-A",
    "INPUT",
    "-m",
    "comment",
    "--comment",
    "'a",
    "b'",
    "-j",
    "ACCEPT",
  ]);
  const [word] = lexLines("'ab'")[0];
  assert.equal(word.value, "'ab'");
  assert.equal(word.code, TokenCode.Word);
});

test("a quote may open in the middle of a word, and a closing quote ends the word", () => {
  // iptables 1.8.9: `--comment ab"c d"e` fails with "Bad argument `e'" (the comment is
  // `abc d`); `--comment "abc"def` fails with "Bad argument `def'".
  assert.deepEqual(raws('--comment ab"c d"e -j'), ["--comment", 'ab"c d"', "e", "-j"]);
  assert.deepEqual(values('--comment ab"c d"e -j'), ["--comment", "abc d", "e", "-j"]);
  assert.deepEqual(raws('"abc"def'), ['"abc"', "def"]);
  assert.deepEqual(values('"abc"def'), ["abc", "def"]);
  assert.deepEqual(values('"a""b"'), ["a", "b"]);
  // Printing keeps the missing space between the two words.
  const text = inFilter('-A INPUT -m comment --comment "abc"def -j ACCEPT');
  const document = parse(text);
  assert.equal(print(document), text);
  assert.deepEqual(parsedWords(document, 1).slice(5, 7), ["abc", "def"]);
});

test('`""` is an empty word', () => {
  // iptables 1.8.9: `--comment ""` is accepted and saved as `--comment ""`.
  const words = lexLines('-A INPUT -m comment --comment "" -j ACCEPT')[0];
  assert.equal(words.length, 8);
  assert.deepEqual(words[5], { raw: '""', value: "", code: TokenCode.QuotedWord });
  assert.deepEqual(values('"" ""'), ["", ""]);
  const document = parse(inFilter('-A INPUT -m comment --comment "" -j ACCEPT'));
  assert.deepEqual(document.diagnostics, []);
  assert.equal(document.tables[0].commands[0].rule!.matches[0].option("--comment")!.value, "");
});

test("a backslash escapes the next character inside quotes only", () => {
  // iptables 1.8.9: `--comment "a\\b\"c\d"` is saved as `--comment "a\\b\"cd"`: the comment
  // is a\b"cd.
  assert.deepEqual(values('--comment "a\\\\b\\"c\\d"'), ["--comment", 'a\\b"cd']);
  // An escaped quote does not close the quote, so the space stays inside the word.
  assert.deepEqual(values('"a\\" b" c'), ['a" b', "c"]);
  // Outside quotes a backslash is an ordinary character...
  assert.deepEqual(values("a\\b c\\\\d"), ["a\\b", "c\\\\d"]);
  // ...and does not escape a quote, which opens one (iptables 1.8.9: `--comment a\\b\"c -j
  // ACCEPT` is accepted with the comment `a\\b\c -j ACCEPT` and a newline: the quote never
  // closes).
  const [word] = lexLines('a\\"b c"')[0];
  assert.equal(word.raw, 'a\\"b c"');
  assert.equal(word.value, "a\\b c");
  assert.equal(decodeWord('"x\\\\"'), "x\\");
});

test("spaces and tabs separate words, and runs of them collapse", () => {
  // iptables 1.8.9: `-A\tINPUT\t\t-s  1.2.3.4\t-j ACCEPT` is saved as `-A INPUT -s 1.2.3.4/32 -j ACCEPT`.
  const line = "-A\tINPUT\t\t-s  1.2.3.4\t-j    ACCEPT";
  assert.deepEqual(values(line), ["-A", "INPUT", "-s", "1.2.3.4", "-j", "ACCEPT"]);
  const text = inFilter(line);
  const document = parse(text);
  assert.deepEqual(document.diagnostics, []);
  assert.equal(print(document), text);
  assert.equal(print(document, { style: "compact" }), inFilter("-A INPUT -s 1.2.3.4 -j ACCEPT"));
  // Tabs inside quotes are kept.
  assert.deepEqual(values('"a\tb"'), ["a\tb"]);
  // Nothing else separates: a vertical tab, form feed or lone CR is part of the word.
  assert.deepEqual(values("a\u000bb c\fd e\rf"), ["a\u000bb", "c\fd", "e\rf"]);
});

test("`!` alone is a Bang, a quoted `\"!\"` is a value word", () => {
  const words = lexLines('-A INPUT ! -s 1.2.3.4 -m comment --comment "!" -j ACCEPT')[0];
  assert.equal(words[2].code, TokenCode.Bang);
  assert.equal(words[8].code, TokenCode.QuotedWord);
  assert.equal(words[8].value, "!");
  // `!x` and `x!` are plain words.
  assert.deepEqual(
    lexLines("!x x! !!")[0].map((w) => w.code),
    [TokenCode.Word, TokenCode.Word, TokenCode.Word],
  );
  const document = parse(inFilter('-A INPUT ! -s 1.2.3.4 -m comment --comment "!" -j ACCEPT'));
  assert.deepEqual(document.diagnostics, []);
  const rule = document.tables[0].commands[0].rule!;
  assert.equal(rule.genericOption("source")!.negated, true);
  assert.equal(rule.matches[0].option("--comment")!.value, "!");
  assert.equal(rule.matches[0].option("--comment")!.negated, false);
});

test('a quoted "!" before an option negates it, as iptables reads it', () => {
  // iptables 1.8.9: `-A INPUT "!" -s 1.2.3.4 -j ACCEPT` is accepted and saved as
  // `-A INPUT ! -s 1.2.3.4/32 -j ACCEPT`: add_param_to_argv drops the quotes before getopt
  // and do_parse sees a plain `!`. Likewise `"-j" ACCEPT` is a jump.
  const document = parse(inFilter('-A INPUT "!" -s 1.2.3.4 -j ACCEPT'));
  const command = document.tables[0].commands[0];
  assert.deepEqual(
    command.positional.map((w) => w.value),
    ["INPUT"],
  );
  assert.equal(command.rule!.genericOption("source")?.negated, true);
});

test("the first word decides the kind of a line", () => {
  const kinds = (line: string) => lexLines(line)[0].map((w) => w.code);
  assert.deepEqual(kinds("*filter"), [TokenCode.TableHeader]);
  assert.deepEqual(kinds(":INPUT ACCEPT [0:0]"), [TokenCode.ChainDecl, TokenCode.Word, TokenCode.Counters]);
  assert.deepEqual(kinds("COMMIT"), [TokenCode.Commit]);
  assert.deepEqual(kinds("[1:2] -A X"), [TokenCode.Counters, TokenCode.Append, TokenCode.Word]);
  // The same words later on a line are plain words.
  assert.deepEqual(kinds("-A *filter :X COMMIT [1:2]"), [
    TokenCode.Append,
    TokenCode.Word,
    TokenCode.Word,
    TokenCode.Word,
    TokenCode.Word,
  ]);
  // A line head is recognised on the raw line, so a quoted `COMMIT` or `*nat` is a word; an
  // option is recognised on the word iptables sees, so a quoted `-j` is a jump (iptables 1.8.9
  // saves `"-j" ACCEPT` as `-j ACCEPT`).
  assert.deepEqual(kinds('"COMMIT" "-j" "*nat"'), [TokenCode.QuotedWord, TokenCode.JumpOption, TokenCode.QuotedWord]);
  assert.deepEqual(kinds("COMMITS"), [TokenCode.Word]);
});

test("options: short and long spellings, `--name=value`, and what is not an option", () => {
  // Each word alone after `-A X`, where no option is owed an argument.
  const kinds = (line: string) => line.split(" ").map((word) => lexLines(`-A X ${word}`)[0][2].code);
  assert.deepEqual(kinds("-m --match -j --jump -g --goto -c --set-counters -t --table"), [
    TokenCode.MatchOption,
    TokenCode.MatchOption,
    TokenCode.JumpOption,
    TokenCode.JumpOption,
    TokenCode.GotoOption,
    TokenCode.GotoOption,
    TokenCode.SetCountersOption,
    TokenCode.SetCountersOption,
    TokenCode.TableOption,
    TokenCode.TableOption,
  ]);
  assert.deepEqual(kinds("-s --src -d --dst -i -o -p -f -4 -6"), Array(10).fill(TokenCode.GenericOption));
  assert.deepEqual(kinds("--jump=ACCEPT --table=nat --dport=80 --mark"), [
    TokenCode.JumpOption,
    TokenCode.TableOption,
    TokenCode.ModuleOption,
    TokenCode.ModuleOption,
  ]);
  // `-`, `--`, `-1`, `--1`, `-?t` (a comment of 0009-table-name-comment_0's OKLINES) are words.
  assert.deepEqual(kinds("- -- -1 --1 -?t"), Array(5).fill(TokenCode.Word));
  assert.deepEqual(kinds("-I -D -R -N -X -F -Z -E -P -C -L -S"), [
    TokenCode.Insert,
    TokenCode.Delete,
    TokenCode.Replace,
    TokenCode.NewChain,
    TokenCode.DeleteChain,
    TokenCode.Flush,
    TokenCode.Zero,
    TokenCode.RenameChain,
    TokenCode.Policy,
    TokenCode.OtherCommand,
    TokenCode.OtherCommand,
    TokenCode.OtherCommand,
  ]);
});

test("comments that look like options stay values when quoted (0009-table-name-comment_0)", () => {
  // The OKLINES of iptables' test, which iptables-restore must accept as comments, and the
  // NONOLINES, which that 2019 test expected it to refuse. iptables 1.8.9 accepts all 13 quoted
  // (`-m comment --comment "-t foo"` restores and saves back unchanged): its `-t` check moved
  // from the tokenizer to the option parser, which sees the comment as a value.
  const okLines = ["- some comment", "--asdf", "-asdf t", "-?t"];
  const noNoLines = ["-t foo", "-t", "--table", "--table foo", "--table=foo", "-asdft", "-tasdf", "--tab=foo", "-dfetbl"];
  for (const comment of [...okLines, ...noNoLines]) {
    const document = parse(inFilter(`-A FORWARD -m comment --comment "${comment}" -j ACCEPT`));
    assert.deepEqual(document.diagnostics, [], comment);
    const rule = document.tables[0].commands[0].rule!;
    assert.equal(rule.matches[0].option("--comment")!.value, comment);
    assert.equal(rule.target!.name, "ACCEPT");
  }
});

test("an unquoted comment that looks like an option is the comment's value", () => {
  // iptables 1.8.9: `-m comment --comment --asdf -j ACCEPT` is accepted and saved back as is:
  // getopt gives a required argument the next word, whatever it looks like.
  for (const comment of ["--asdf", "-asdf", "-?t", "-"]) {
    const document = parse(inFilter(`-A FORWARD -m comment --comment ${comment} -j ACCEPT`));
    assert.deepEqual(document.diagnostics, [], comment);
    const rule = document.tables[0].commands[0].rule!;
    assert.deepEqual(
      rule.matches.map((m) => m.options.map((o) => [o.name, o.value])),
      [[["--comment", comment]]],
    );
    assert.equal(rule.target!.name, "ACCEPT");
  }
});

test("a word of 1023 bytes is accepted, 1024 bytes is too long", () => {
  // iptables 1.8.9: `--string` followed by 1023 `a` fails in the string match ("STRING too
  // long"), by 1024 `a` fails in the tokenizer ("Parameter too long!").
  const rule = (word: string) => inFilter(`-A INPUT -m string --algo bm --string ${word} -j ACCEPT`);
  assert.deepEqual(parse(rule("a".repeat(1023))).diagnostics, []);
  const long = parse(rule("a".repeat(1024)));
  assert.equal(long.diagnostics.length, 1);
  assert.match(long.diagnostics[0].message, /1024 bytes long.*at most 1023.*Parameter too long!/);
  assert.equal(long.diagnostics[0].loc.start.line, 2);
  assert.equal(long.diagnostics[0].loc.start.column, "-A INPUT -m string --algo bm --string ".length + 1);
  assert.equal(long.diagnostics[0].range.end - long.diagnostics[0].range.start, 1024);
  // Quotes and escapes do not count: iptables counts the bytes it stores.
  assert.deepEqual(parse(rule(`"${"a".repeat(1022)}\\""`)).diagnostics, []);
  assert.equal(parse(rule(`"${"a".repeat(1024)}"`)).diagnostics.length, 1);
});

test("word length is counted in UTF-8 bytes", () => {
  // iptables 1.8.9: 341 `€` (1023 bytes) reach the string match; 342 (1026 bytes) give
  // "Parameter too long!".
  const rule = (word: string) => inFilter(`-A INPUT -m string --algo bm --string ${word} -j ACCEPT`);
  assert.deepEqual(parse(rule("€".repeat(341))).diagnostics, []);
  const long = parse(rule("€".repeat(342)));
  assert.equal(long.diagnostics.length, 1);
  assert.match(long.diagnostics[0].message, /1026 bytes long/);
  // Two-byte and four-byte characters (a surrogate pair is one 4-byte character).
  assert.deepEqual(parse(rule("é".repeat(511) + "a")).diagnostics, []);
  assert.equal(parse(rule("é".repeat(512))).diagnostics.length, 1);
  assert.deepEqual(parse(rule("😀".repeat(255) + "abc")).diagnostics, []);
  assert.equal(parse(rule("😀".repeat(256))).diagnostics.length, 1);
});

test("251 words on a line are accepted, 252 are too many", () => {
  // iptables 1.8.9: `-A INPUT -j ACCEPT` plus filler words `x` answers "Bad argument `x'" up to
  // 251 words and "Parser cannot handle more arguments" from 252 on.
  const line = (n: number) => ["-A", "INPUT", "-j", "ACCEPT", ...Array(n - 4).fill("x")].join(" ");
  const ok = parse(inFilter(line(251)));
  assert.deepEqual(ok.diagnostics, []);
  assert.equal(ok.lines[1].words.count, 251);
  const tooMany = parse(inFilter(line(252)));
  assert.equal(tooMany.diagnostics.length, 1);
  const [d] = tooMany.diagnostics;
  assert.match(d.message, /more than 251 arguments.*Parser cannot handle more arguments/);
  // It points at the 252nd word and runs to the end of the line.
  assert.equal(d.loc.start.line, 2);
  assert.equal(d.loc.start.column, line(251).length + 2);
  assert.equal(d.loc.end.column, line(252).length + 1);
  assert.equal(tooMany.lines[1].kind, "invalid");
  assert.equal(tooMany.tables[0].commands.length, 0);
  // A leading `[p:b]` is not an argument: plain iptables-restore skips it.
  assert.deepEqual(parse(inFilter(`[1:2] ${line(251)}`)).diagnostics, []);
  // Quoted words with spaces count once each.
  const quoted = ["-A", "INPUT", ...Array(249).fill('"a b"')].join(" ");
  assert.deepEqual(lex(quoted).errors, []);
  assert.equal(lex(`${quoted} x`).errors[0].kind, LexErrorKind.TooManyWords);
});

test("CRLF line ends: the CR belongs to the line end, not to the last word", () => {
  const text = "*filter\r\n-A INPUT -j ACCEPT\r\nCOMMIT\r\n";
  const lexed = lexLines(text);
  assert.deepEqual(
    lexed.map((l) => l.map((w) => w.raw)),
    [["*filter"], ["-A", "INPUT", "-j", "ACCEPT"], ["COMMIT"]],
  );
  const document = parse(text);
  assert.deepEqual(document.diagnostics, []);
  assert.deepEqual(
    document.lines.map((l) => l.eol),
    ["\r\n", "\r\n", "\r\n"],
  );
  assert.equal(document.tables[0].name, "filter");
  assert.equal(document.tables[0].commands[0].rule!.target!.name, "ACCEPT");
  assert.equal(print(document), text);
  assert.equal(print(document, { style: "compact" }), text.replaceAll("\r\n", "\n"));
  // A CR that does not end a line is an ordinary character.
  assert.deepEqual(values("a\rb"), ["a\rb"]);
});

test("CRLF line ends: after an option left without a value, the CR is its value (getopt's), and the line's text", () => {
  // Measured, both backends: `-i\r` and `-i \r` load, an interface named CR. The tab before
  // tests that the line is read again from its start (its landmarks had moved past it).
  const text = "-A INPUT -d\t10.0.0.1 -i\r\n-A INPUT -j ACCEPT -i \r\n-A INPUT -j ACCEPT --in-interface\r\n";
  assert.deepEqual(
    lexLines(text).map((l) => l.map((w) => w.value)),
    [["-A", "INPUT", "-d", "10.0.0.1", "-i\r"], ["-A", "INPUT", "-j", "ACCEPT", "-i", "\r"], ["-A", "INPUT", "-j", "ACCEPT", "--in-interface"]],
  );
  const document = parse(text);
  assert.deepEqual(document.lines.map((l) => l.eol), ["\n", "\n", "\r\n"]);
  // A long option glued to the CR is a name iptables does not know: the line is refused either way.
  assert.deepEqual(document.diagnostics.map((d) => d.loc.start.line), [3]);
  assert.equal(print(document), text);
});

test("getopt gives an extension option that requires a value the next word: a `!` before an option or at the end, a quoted word that reads as an option", () => {
  // Measured, both backends: "bad rate "!"'", `--log-prefix !` loads, "Port "-4" does not resolve to anything.".
  const codes = (line: string) => lexLines(line)[0].map((w) => [w.value, w.code]);
  assert.deepEqual(codes("-m limit --limit ! -j ACCEPT").slice(3, 5), [["!", TokenCode.Word], ["-j", TokenCode.JumpOption]]);
  assert.deepEqual(codes("-j LOG --log-prefix !").at(-1), ["!", TokenCode.Word]);
  assert.deepEqual(codes('-j TPROXY --on-port "-4" --on-ip 192.0.2.1').slice(3, 5), [["-4", TokenCode.QuotedWord], ["--on-ip", TokenCode.ModuleOption]]);
  // Before a value, `!` is the old negation (rule old-negation-syntax); unquoted, `-4` is the option.
  assert.deepEqual(codes("-p tcp --dport ! 22").slice(3), [["!", TokenCode.Bang], ["22", TokenCode.Word]]);
  assert.deepEqual(codes("-j TPROXY --on-port -4").at(-1), ["-4", TokenCode.GenericOption]);
});

test("a missing final newline still ends the last word", () => {
  // xshared.c keeps a last word with no newline after it (Phil Sutter, "xtables-restore: Allow
  // lines without trailing newline character", 2019, which also made COMMIT match without its
  // newline); iptables 1.8.9 accepts `...\nCOMMIT` without a newline.
  const text = "*filter\n-A INPUT -j ACCEPT\nCOMMIT";
  const document = parse(text);
  assert.deepEqual(document.diagnostics, []);
  assert.equal(document.lines.length, 3);
  assert.equal(document.lines[2].kind, "commit");
  assert.equal(document.lines[2].eol, "");
  assert.ok(document.tables[0].commit !== null);
  assert.equal(print(document), text);
  assert.equal(print(document, { style: "compact" }), `${text}\n`);
  const rule = parse("*filter\n-A INPUT -j ACCEPT").tables[0].commands[0].rule!;
  assert.equal(rule.target!.name, "ACCEPT");
});

test("a NUL byte cuts the line short for iptables: the lexer reports it", () => {
  const text = "-A INPUT -j ACC\0EPT\n-A INPUT -j DROP\n";
  const lexed = lex(text);
  assert.deepEqual(
    lexed.errors.map((e) => [e.kind, e.line, e.start, e.end]),
    [[LexErrorKind.NulByte, 0, 15, 16]],
  );
  // Past the part parse() sniffs for a binary file, a NUL is a per-line error.
  const padding = `# ${"x".repeat(8100)}\n`;
  const document = parse(`${padding}*filter\n-A INPUT -m comment --comment a\0b -j ACCEPT\n-A INPUT -j DROP\nCOMMIT\n`);
  assert.equal(document.diagnostics.length, 1);
  assert.match(document.diagnostics[0].message, /NUL byte/);
  assert.deepEqual(
    [document.diagnostics[0].loc.start.line, document.diagnostics[0].loc.start.column],
    [3, "-A INPUT -m comment --comment a".length + 1],
  );
  assert.deepEqual(
    document.tables[0].commands.map((c) => c.text),
    ["-A INPUT -j DROP"],
  );
});

test("a `#` is a comment only in the first column", () => {
  // iptables 1.8.9: `  # indented` inside a table fails with "Bad argument `#'".
  const lexed = lex("# comment\n  # indented\n\t#tab\n-A X # not a comment\n");
  assert.deepEqual(
    lexed.errors.map((e) => [e.kind, e.line]),
    [
      [LexErrorKind.IndentedComment, 1],
      [LexErrorKind.IndentedComment, 2],
    ],
  );
  // `#` later in a line is an ordinary word.
  assert.deepEqual(values("-A X # not a comment"), ["-A", "X", "#", "not", "a", "comment"]);
  const document = parse("*filter\n# ok\n  # indented\n-A INPUT -j ACCEPT\nCOMMIT\n");
  assert.deepEqual(
    document.lines.map((l) => l.kind),
    ["table", "comment", "invalid", "command", "commit"],
  );
  assert.equal(document.diagnostics.length, 1);
  assert.match(document.diagnostics[0].message, /indented comment/);
  assert.equal(document.diagnostics[0].loc.start.line, 3);
});

test("blank lines and comment lines have no words", () => {
  // iptables' own test 0011-noflush-empty-line_0 feeds a comment then an empty line.
  const text = "# just a comment followed by innocent empty line\n\n*filter\n-A FORWARD -j ACCEPT\nCOMMIT\n";
  const document = parse(text);
  assert.deepEqual(document.diagnostics, []);
  assert.deepEqual(
    document.lines.map((l) => [l.kind, l.words.count]),
    [
      ["comment", 0],
      ["blank", 0],
      ["table", 1],
      ["command", 4],
      ["commit", 1],
    ],
  );
  assert.equal(print(document), text);
});

test("a byte order mark is skipped by the lexer and reported by parse()", () => {
  // iptables 1.8.9 refuses a file that starts with a BOM ("line 1 failed").
  const text = "\uFEFF*filter\n-A INPUT -j ACCEPT\nCOMMIT\n";
  assert.deepEqual(lexLines(text)[0], [{ raw: "*filter", value: "*filter", code: TokenCode.TableHeader }]);
  const document = parse(text);
  assert.equal(document.diagnostics.length, 1);
  assert.match(document.diagnostics[0].message, /byte order mark/);
  assert.deepEqual(document.diagnostics[0].range, { start: 0, end: 1 });
  assert.equal(document.tables[0].name, "filter");
  assert.equal(document.tables[0].commands.length, 1);
  assert.equal(print(document), text);
  // Only at the very start: elsewhere U+FEFF is part of a word.
  assert.deepEqual(values("a \uFEFFb"), ["a", "\uFEFFb"]);
});

test("an unterminated quote takes the rest of the line", () => {
  const lexed = lex('-A INPUT -m comment --comment "abc -j ACCEPT\n-A INPUT -j DROP\n');
  assert.deepEqual(
    lexed.errors.map((e) => [e.kind, e.line, e.start, e.end]),
    [[LexErrorKind.UnterminatedQuote, 0, 30, 44]],
  );
  assert.deepEqual(raws('a "b c'), ["a", '"b c']);
  // A trailing backslash inside the quote escapes nothing and the quote stays open.
  assert.equal(lex('"abc\\').errors[0].kind, LexErrorKind.UnterminatedQuote);
  assert.equal(lex('"abc\\"').errors[0].kind, LexErrorKind.UnterminatedQuote);
  assert.deepEqual(lex('"abc\\\\"').errors, []);
});

test("lex() line table: starts, content ends and token indexes", () => {
  const text = "a b\r\n\n  c\n# d";
  const lexed = lex(text);
  assert.equal(lexed.lineCount, 4);
  assert.deepEqual(Array.from(lexed.lineStarts), [0, 5, 6, 10, 13]);
  assert.deepEqual(Array.from(lexed.contentEnds), [3, 5, 9, 13]);
  assert.deepEqual(Array.from(lexed.firstTokens), [0, 2, 2, 3, 3]);
  assert.deepEqual(Array.from(lexed.tokens.starts.subarray(0, lexed.tokens.count)), [0, 2, 8]);
  assert.deepEqual(Array.from(lexed.tokens.ends.subarray(0, lexed.tokens.count)), [1, 3, 9]);
  const empty = lex("");
  assert.equal(empty.lineCount, 0);
  assert.equal(empty.tokens.count, 0);
  // Token storage grows past its first capacity.
  const many = lex(Array(3000).fill("-A X -j Y").join("\n"));
  assert.equal(many.tokens.count, 12000);
  assert.equal(many.tokens.ends[11999], 3000 * 10 - 1);
});

test("token codes name their Chevrotain types", async () => {
  const tokens = await import("../../grammar/tokens.js");
  const names = ["TableHeader", "ChainDecl", "Commit", "Counters", "Bang", "Append", "Insert", "Delete", "Replace", "NewChain", "DeleteChain", "Flush", "Zero", "RenameChain", "Policy", "OtherCommand", "MatchOption", "JumpOption", "GotoOption", "SetCountersOption", "TableOption", "GenericOption", "ModuleOption", "Word", "QuotedWord"];
  assert.deepEqual(tokens.tokenTypeOf.map((t) => t.name), names);
  // The codes the lexer stores are indexes into that list.
  const coded: Array<[TokenCode, string]> = [
    [TokenCode.TableHeader, "TableHeader"], [TokenCode.Bang, "Bang"], [TokenCode.Append, "Append"], [TokenCode.OtherCommand, "OtherCommand"],
    [TokenCode.GenericOption, "GenericOption"], [TokenCode.ModuleOption, "ModuleOption"], [TokenCode.Word, "Word"], [TokenCode.QuotedWord, "QuotedWord"],
  ];
  for (const [code, name] of coded) assert.equal(tokens.tokenTypeOf[code].name, name);
});

test("long options are looked up in place, as optionTable has them", () => {
  const listed = [...optionTable].filter(([name]) => name.length > 2);
  assert.ok(listed.length > 20);
  for (const [name, packed] of listed) {
    assert.equal(longOptionCode(name, 0, name.length), packed, name);
    // In the middle of a line, followed by more text.
    const line = `-A X ${name} y`;
    assert.equal(longOptionCode(line, 5, 5 + name.length), packed, `${name} in a line`);
  }
  for (const name of ["--dport", "--probability", "--comments", "--commen", "--commenT", "--jumps", "--sst", "--drc", "--gump", "--t\u00e9st", "--" + "x".repeat(70)]) {
    assert.equal(longOptionCode(name, 0, name.length), TokenCode.ModuleOption, name);
  }
});
