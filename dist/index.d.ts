/**
 * Compact codes for the concrete token types, stored one byte per token by the lexer.
 * `tokenTypeOf[code]` gives the Chevrotain type.
 */
export declare const enum TokenCode {
	TableHeader = 0,
	ChainDecl = 1,
	Commit = 2,
	Counters = 3,
	Bang = 4,
	Append = 5,
	Insert = 6,
	Delete = 7,
	Replace = 8,
	NewChain = 9,
	DeleteChain = 10,
	Flush = 11,
	Zero = 12,
	RenameChain = 13,
	Policy = 14,
	OtherCommand = 15,
	MatchOption = 16,
	JumpOption = 17,
	GotoOption = 18,
	SetCountersOption = 19,
	TableOption = 20,
	GenericOption = 21,
	ModuleOption = 22,
	Word = 23,
	QuotedWord = 24
}
/** Whether a token is an option word of a rule: `-m`, `-j`, `-g`, `-c`, `-t`, a generic one or an extension's. */
export declare const isRuleOptionCode: (code: number) => boolean;
/** The full name of an abbreviation of iptables' own long option (`--proto`: `--protocol`), else the spelling itself. */
export declare function ownOptionName(spelling: string): string;
/**
 * How many words an option (not a command) takes as its value, as iptables 1.8.9 reads it: its
 * own options' (`-s` 1, `-f` 0, `-c` 2), an extension's (`--dport` 1, `--syn` 0, from
 * option-arguments.ts), or null when that is not known (no extension has the option, the
 * extensions differ, or the option may read more words).
 */
export declare function optionValueCount(name: string): number | null;
/** Longest word iptables accepts (its buffer is 1024 bytes with the terminating NUL). */
export declare const MAX_WORD_LENGTH = 1023;
/** Most words iptables-restore accepts on one line (MAX_ARGC less its own argv[0], -t, table). */
export declare const MAX_WORDS_PER_LINE = 251;
export declare const enum LexErrorKind {
	UnterminatedQuote = 0,
	WordTooLong = 1,
	TooManyWords = 2,
	NulByte = 3,
	IndentedComment = 4,
	/** `*table`, `:CHAIN`, `COMMIT` or `[p:b]` after leading blanks. */
	IndentedHead = 5,
	/** A line of spaces and tabs only: iptables-restore skips only empty lines. */
	BlanksOnly = 6,
	/**
	 * An option that takes a value followed by another option (`--dport -j ACCEPT`): getopt gives
	 * the option the next word as its value, whatever it looks like, and the line is refused
	 * (nothing takes `ACCEPT`, or `-s` gets no address). The error's range is the option.
	 */
	MissingValue = 7,
	/** An option that takes a value at the end of the line ("option "--dport" requires an argument"). */
	MissingValueAtEnd = 8
}
export interface LexError {
	kind: LexErrorKind;
	/** Zero-based line index. */
	line: number;
	start: number;
	end: number;
}
declare class TokenStore {
	starts: Int32Array;
	ends: Int32Array;
	codes: Uint8Array;
	count: number;
	/** `spare`: memory no one else uses, to keep the starts and ends in (see `LexOptions.spareMemory`). */
	constructor(capacity: number, spare?: ArrayBuffer);
	push(start: number, end: number, code: TokenCode): void;
	/** Appends old tokens `from .. to - 1`, their offsets shifted by `delta` (a block copy, not a push each). */
	appendShifted(old: TokenStore, from: number, to: number, delta: number): void;
	private grow;
}
/** The whole text split into lines and tokens. Line indexes are zero-based. */
export interface LexedText {
	text: string;
	lineCount: number;
	/** Offset of each line's first character; `lineStarts[lineCount]` is `text.length`. */
	lineStarts: Int32Array;
	/** Offset just after each line's content, before its `\r\n` or `\n`. */
	contentEnds: Int32Array;
	lineKinds: Int32Array;
	/** Index of each line's first token; `firstTokens[lineCount]` is the token count. */
	firstTokens: Int32Array;
	tokens: TokenStore;
	errors: LexError[];
}
export interface LexOptions {
	/**
	 * Memory the caller will not use again, such as the bytes the text was decoded from: the
	 * tokens' offsets are kept in it when it holds the text's estimate (8 bytes a token, a token
	 * per 8 characters; more tokens grow into new arrays, as they would anyway). Memory already
	 * written to costs nothing to write again, where fresh pages each cost the kernel a fault: a
	 * 25 MB dump's offsets take 20 MB, measured 5,000 faults and 0.1 s of a lint's CPU.
	 */
	spareMemory?: ArrayBuffer;
}
/** An edit, as offsets into the old text and its replacement. */
export interface Replacement {
	start: number;
	end: number;
	text: string;
}
/** Whole old lines `first .. last` that replacements rewrite, and where they stand in the new text. */
export interface RewrittenLines {
	first: number;
	last: number;
	newStart: number;
	newEnd: number;
}
/**
 * The runs of whole lines that replacements (sorted, not overlapping) rewrite: each holds a
 * replacement and every one that touches its lines. What `relex` lexes again, and what the
 * fixer reads of a fixed text.
 */
export declare function rewrittenLines(old: LexedText, replacements: readonly Replacement[]): RewrittenLines[];
/**
 * Where the name in a table header or chain declaration token starting at `start` begins: after
 * its `*` or `:` and the blanks iptables-restore skips there (`* mangle`).
 */
export declare function headNameStart(text: string, start: number, end: number): number;
/** The value iptables sees for a word: quotes removed, escapes inside quotes resolved. */
export declare function decodeWord(raw: string): string;
export declare const enum LineShape {
	Table = 0,
	Chain = 1,
	Commit = 2,
	Command = 3
}
/** Token indexes below are relative to the line's first token; -1 means absent. */
export interface LinePlan {
	shape: LineShape;
	/**
	 * The `*table`, `:CHAIN`, `COMMIT` or command token. A command may come after options
	 * (`-p tcp -A FORWARD ...`): it is not always the first token.
	 */
	head: number;
	/** Leading `[p:b]` of a command, or trailing counters of a chain declaration. */
	counters: number;
	/** A chain declaration's policy. */
	policy: number;
	/**
	 * For a command, positional arguments are `head + 1 .. valuesEnd - 1`; for a table or chain
	 * line, words from `extraStart` on are ignored by iptables-restore.
	 */
	positionalEnd: number;
	extraStart: number;
	/** Four numbers per element: `!` before, option, late `!`, end of its values (exclusive). */
	elements: Int32Array;
	/**
	 * What the document builder reports of a command, known from the codes alone and so worked
	 * out once per plan rather than on every line: the late `!` of the first element negated
	 * twice (`! -s ! x`), or -1; the `-t` options.
	 */
	doubleBang: number;
	tableOptions: readonly number[];
	/**
	 * The elements that are a `-j` or `-g`, in order. iptables takes one target, with a name: a
	 * second is refused ("multiple -j flags not allowed"), and so is one with no word after it
	 * ("option "-j" requires an argument") unless the option word carries the name
	 * (`--jump=NAME`), which only the text tells: the document builder checks them.
	 */
	targetElements: readonly number[];
}
/** Half-open UTF-16 offsets into the text (the AST's `SourceRange`). */
export interface Range {
	start: number;
	end: number;
}
/** What an option is to iptables itself; everything else belongs to a match or target. */
export type OptionRole = "command" | "generic" | "match" | "jump" | "goto" | "counters" | "table" | "module";
export type TargetKind = "jump" | "goto";
/** What a line view reads: a command line of the AST (`CommandLine`), or the same facts. */
export interface ViewedLine {
	readonly source: {
		readonly text: string;
		readonly lexed: LexedText;
	};
	/** 0-based line number. */
	readonly index: number;
	readonly plan: LinePlan;
}
/** Where a rule's target name is written: after `-j `, `-g `, or inside `--jump=NAME`. */
export interface TargetSpan {
	kind: TargetKind;
	/** Offsets of the name in the text (without `--jump=`). */
	start: number;
	end: number;
	/** The name has a `"`: its value is the decoded word. */
	quoted: boolean;
	/**
	 * For a name inside the option word (`--goto=NAME`), where the option word starts, else -1:
	 * iptables removes the word's quotes before getopt splits it at `=` (`"--goto=A\"B"` is `A"B`).
	 */
	optionStart: number;
}
/**
 * The target of line `line` (0-based): the last `-j NAME`, `-g NAME` or `--jump=NAME` of its
 * tokens, or null when it has none or the option has no name after it. Read from the token
 * codes alone, without the line's plan: a `-j` or `-g` takes the next word whatever it looks
 * like (`lexer.ts`), so the token after it, when there is one, is its name. A line iptables
 * loads has at most one target (`multiple -j flags not allowed`) and never a `-j` without a
 * name (`option "-j" requires an argument`): both are syntax errors (`to-ast.ts`).
 *
 * `into` is filled and returned, so that a loop over every line of a dump makes no object.
 */
export declare function readTarget(lexed: LexedText, line: number, into?: TargetSpan): TargetSpan | null;
/** The name a target span gives, as iptables sees it. */
export declare function targetName(text: string, span: TargetSpan): string;
/**
 * The value of a long option written `--name=value`, from the option word as iptables sees it
 * (quotes removed first: getopt splits the word iptables gives it), or null when it has none.
 */
export declare function inlineValue(word: string): string | null;
/** What an option is to iptables itself, by its token code (`command` for `-A` and the like). */
export declare const roleOfCode: (code: TokenCode) => OptionRole;
/**
 * A command line's options read from the tokens: the same elements as `CommandLine.elements`
 * (`!` before, option, `!` after, values), without an object per option.
 */
export declare class LineView {
	readonly line: ViewedLine;
	readonly count: number;
	private readonly first;
	private readonly e;
	private readonly text;
	private readonly starts;
	private readonly ends;
	private readonly codes;
	constructor(line: ViewedLine);
	private optionToken;
	/** What element `i`'s option is: generic (`-s`, `-p`, ...), match (`-m`), jump, goto, counters, table, module. */
	role(i: number): OptionRole;
	/** Element `i` is the target: `-j` or `-g`. */
	isTarget(i: number): boolean;
	/**
	 * The option's spelling as iptables sees it, without an inline `=value`; for getopt's
	 * abbreviation of iptables' own option, the option it stands for (`--proto`: `--protocol`).
	 */
	name(i: number): string;
	/**
	 * The option word as getopt reports it when it refuses it ("unknown option "--dport=22""):
	 * quotes removed, an inline `=value` kept, an abbreviation as written.
	 */
	word(i: number): string;
	/** Whether the option's name is exactly `name` (cheap: compares in place). */
	is(i: number, name: string): boolean;
	/** `!` before the option, or after it (the old form). */
	negated(i: number): boolean;
	/** The `!` came after the option (`-s ! x`). */
	lateBang(i: number): boolean;
	/** The option's values as iptables sees them (an inline `--name=value` first). */
	values(i: number): string[];
	/** The first value, or null: `values(i)[0]`, without making the list (the packet walk reads a value of every option of 80,000 rules). */
	value(i: number): string | null;
	/**
	 * Where the first value's word starts in the source text, when it is a word of its own after
	 * the option (no `--name=value`), else -1 (then read value()). Its raw text: a quoted word is
	 * not decoded. With valueEnd, a reader can read the value in place, making no string.
	 */
	valueStart(i: number): number;
	/** Where the first value's word ends, when valueStart gives its start. */
	valueEnd(i: number): number;
	/**
	 * The option word right after element `i`'s option when `i` has no value (`--to-destination
	 * --random`), as iptables sees it; else null. getopt gives that word to `i` when `i` requires
	 * a value, whatever it looks like.
	 */
	optionTakenAsValue(i: number): string | null;
	/** The value inside the option word (`--name=value`), or null; the word is sliced only when it has a `=`. */
	private valueInOptionWord;
	/** The tokens of the values after the option word (after a late `!`): `[from, to)`. */
	private valueTokens;
	/** The range of the option word. */
	optionRange(i: number): Range;
	/** The range of the whole element: `!`, option and values. */
	range(i: number): Range;
	/** The element as written: `! -o eth0`. */
	written(i: number): string;
	/** The range of the `!` of element `i` (before or after the option), or null. */
	bangRange(i: number): Range | null;
	/** The range of value `k` of element `i` written as its own word, or null. */
	valueRange(i: number, k?: number): Range | null;
	/** Index of the last `-j`/`-g` element, or -1. */
	targetIndex(): number;
}
export interface SourceRange {
	/** Offset of the first character. */
	start: number;
	/** Offset just after the last character. */
	end: number;
}
export interface Position {
	/** 1-based line. */
	line: number;
	/** 1-based column, in UTF-16 code units. */
	column: number;
	/** 0-based offset in the text. */
	offset: number;
}
export interface Location {
	start: Position;
	end: Position;
}
/** The text and its line table: everything a node needs to describe where it is. */
export declare class Source {
	readonly text: string;
	readonly lexed: LexedText;
	readonly filePath: string | undefined;
	constructor(text: string, lexed: LexedText, filePath: string | undefined);
	/** Line and column of an offset (binary search over line starts). */
	positionAt(offset: number): Position;
	locate(range: SourceRange): Location;
}
export declare abstract class SourceNode {
	abstract readonly source: Source;
	abstract readonly range: SourceRange;
	get loc(): Location;
	/** The node's text exactly as written. */
	get text(): string;
}
/** A node whose range is stored. */
export declare abstract class SpanNode extends SourceNode {
	readonly source: Source;
	readonly range: SourceRange;
	constructor(source: Source, range: SourceRange);
}
/** One word of a line, as iptables splits it. */
export declare class Word extends SpanNode {
	/** A `"` appears in the word: its value differs from its raw text. */
	get quoted(): boolean;
	/** The word as written, quotes and escapes included. */
	get raw(): string;
	/** The word as iptables sees it: quotes removed, escapes resolved. */
	get value(): string;
}
/**
 * The value written in an option word, `--name=value`: the text after the `=`, whose value is
 * read from the whole word (`"--comment=say \"hi\""` is `say "hi"`: iptables removes the quotes
 * of the word before getopt splits it).
 */
export declare class InlineValueWord extends Word {
	private readonly decoded;
	constructor(source: Source, range: SourceRange, decoded: string);
	get value(): string;
}
/** An option with its negation and values: `! -s 10.0.0.0/8`, `--mark 0x4000/0x4000`. */
export declare class OptionNode extends SpanNode {
	readonly role: OptionRole;
	/** The option word (`-s`, `--mark`; for `--name=value`, the whole word). */
	readonly optionWord: Word;
	/** The option's spelling without an inline `=value`. */
	readonly name: string;
	/** `!` before the option, or after it in the old intrapositioned form. */
	readonly bang: Word | null;
	/** The `!` came after the option (`-s ! x`): iptables >= 1.4.12 refuses this. */
	readonly intrapositioned: boolean;
	readonly values: Word[];
	constructor(source: Source, range: SourceRange, role: OptionRole, 
	/** The option word (`-s`, `--mark`; for `--name=value`, the whole word). */
	optionWord: Word, 
	/** The option's spelling without an inline `=value`. */
	name: string, 
	/** `!` before the option, or after it in the old intrapositioned form. */
	bang: Word | null, 
	/** The `!` came after the option (`-s ! x`): iptables >= 1.4.12 refuses this. */
	intrapositioned: boolean, values: Word[]);
	get negated(): boolean;
	/** The first value as iptables sees it, or null. */
	get value(): string | null;
}
/** `-m name` with the options that follow it, or the options of an implicit protocol match. */
export declare class MatchNode extends SpanNode {
	/** Module name: `comment`, `mark`; for an implicit match the protocol, or null. */
	readonly name: string | null;
	/** The `-m name` element; null for an implicit match. */
	readonly matchOption: OptionNode | null;
	readonly options: OptionNode[];
	constructor(source: Source, range: SourceRange, 
	/** Module name: `comment`, `mark`; for an implicit match the protocol, or null. */
	name: string | null, 
	/** The `-m name` element; null for an implicit match. */
	matchOption: OptionNode | null, options: OptionNode[]);
	/** Options given with no `-m` before them (`-p tcp --dport 80`): iptables loads the
	 * protocol's match on its own. */
	get implicit(): boolean;
	option(...names: string[]): OptionNode | undefined;
}
/** `-j TARGET` or `-g CHAIN` with the target's options. */
export declare class TargetNode extends SpanNode {
	readonly kind: TargetKind;
	/** Target or chain name; empty when missing. */
	readonly name: string;
	readonly targetOption: OptionNode;
	readonly options: OptionNode[];
	constructor(source: Source, range: SourceRange, kind: TargetKind, 
	/** Target or chain name; empty when missing. */
	name: string, targetOption: OptionNode, options: OptionNode[]);
	option(...names: string[]): OptionNode | undefined;
}
export declare class CountersNode extends SpanNode {
	/** Null when the text is not a number. */
	readonly packets: bigint | null;
	readonly bytes: bigint | null;
	/** `[p:b]` before the command, or `-c p b` as `iptables -v -S` prints. */
	readonly form: "prefix" | "option";
	constructor(source: Source, range: SourceRange, 
	/** Null when the text is not a number. */
	packets: bigint | null, bytes: bigint | null, 
	/** `[p:b]` before the command, or `-c p b` as `iptables -v -S` prints. */
	form: "prefix" | "option");
	get valid(): boolean;
}
/** Parses `[packets:bytes]`. */
export declare function bracketCounters(word: Word): CountersNode;
export type GenericName = "source" | "destination" | "inInterface" | "outInterface" | "protocol" | "fragment";
/** What a generic option (`-s`, `--src`, ...) is, or undefined for `-4`, `-6` and the rest. */
export declare const genericNameOf: (option: string) => GenericName | undefined;
/** A rule: what follows `-A CHAIN`, `-I CHAIN [n]`, `-R CHAIN n` or `-D CHAIN`. */
export declare class RuleNode extends SpanNode {
	/** Every option in order, including `-m`, `-j`, `-g` and `-c`. */
	readonly elements: OptionNode[];
	/** Iptables' own options (`-s -d -i -o -p -f -4 -6`), in order. */
	readonly generic: OptionNode[];
	/** Match modules in order; options before any `-m` form an implicit match. */
	readonly matches: MatchNode[];
	readonly target: TargetNode | null;
	readonly counters: CountersNode | null;
	constructor(source: Source, range: SourceRange, 
	/** Every option in order, including `-m`, `-j`, `-g` and `-c`. */
	elements: OptionNode[], 
	/** Iptables' own options (`-s -d -i -o -p -f -4 -6`), in order. */
	generic: OptionNode[], 
	/** Match modules in order; options before any `-m` form an implicit match. */
	matches: MatchNode[], target: TargetNode | null, counters: CountersNode | null);
	/** The generic option with this meaning (the last one if repeated), or undefined. */
	genericOption(name: GenericName): OptionNode | undefined;
	/** Match modules with this name (`-m mark`, `-m comment`), in order. */
	matchesNamed(name: string): MatchNode[];
}
export type CommandKind = "append" | "insert" | "delete" | "replace" | "new-chain" | "delete-chain" | "flush" | "zero" | "rename-chain" | "policy" | "other";
/**
 * A line of the file. Its range (content without the line end) and line end come from the
 * lexer's line table rather than being stored: a dump has hundreds of thousands of lines.
 */
export declare abstract class LineNodeBase extends SourceNode {
	readonly source: Source;
	/** 0-based index of the line. */
	readonly index: number;
	constructor(source: Source, 
	/** 0-based index of the line. */
	index: number);
	get range(): SourceRange;
	/** The line's end: "\n", "\r\n", or "" for a last line without one. */
	get eol(): string;
	/** The line's words as the lexer split them. */
	get words(): LineWords;
}
/** Reads the words of one line from the lexed token arrays. */
export declare class LineWords {
	readonly source: Source;
	readonly first: number;
	readonly count: number;
	constructor(source: Source, first: number, count: number);
	word(index: number): Word;
	code(index: number): TokenCode;
	words(from: number, to: number): Word[];
}
export declare class BlankLine extends LineNodeBase {
	readonly kind = "blank";
}
/** A `#` line: iptables-save's header and footer, or any comment. */
export declare class CommentLine extends LineNodeBase {
	readonly kind = "comment";
}
/** A line with a syntax error: kept as text, never interpreted. */
export declare class InvalidLine extends LineNodeBase {
	readonly kind = "invalid";
}
/** `*nat`. */
export declare class TableHeaderLine extends LineNodeBase {
	readonly header: Word;
	/** Words after the name, which iptables-restore ignores. */
	readonly extra: Word[];
	readonly kind = "table";
	constructor(source: Source, index: number, header: Word, 
	/** Words after the name, which iptables-restore ignores. */
	extra: Word[]);
	get name(): string;
}
/** `:CHAIN POLICY [p:b]`. */
export declare class ChainDeclaration extends LineNodeBase {
	/** The chain's name, without the `:`. */
	readonly name: string;
	private readonly plan;
	readonly kind = "chain";
	constructor(source: Source, index: number, 
	/** The chain's name, without the `:`. */
	name: string, plan: LinePlan);
	get header(): Word;
	/** `ACCEPT`, `DROP` or `-` for a user chain; null when missing. */
	get policyWord(): Word | null;
	get policy(): string | null;
	get counters(): CountersNode | null;
	/** Words after the declaration, which iptables-restore ignores. */
	get extra(): Word[];
}
export declare class CommitLine extends LineNodeBase {
	readonly kind = "commit";
	get word(): Word;
}
/**
 * A command line: `-A CHAIN rule`, `-N CHAIN`, `-P CHAIN POLICY`, ... Made when first asked for
 * (`Document.line`), from its plan; its command and chain are read from the tokens.
 */
export declare class CommandLine extends LineNodeBase {
	readonly table: Table;
	readonly plan: LinePlan;
	readonly kind = "command";
	private ruleNode;
	private chainName;
	constructor(source: Source, index: number, table: Table, plan: LinePlan);
	/** What the command does: `append` for `-A`, ... */
	get command(): CommandKind;
	/** The chain the command works on (its first argument, decoded), or null. */
	get chain(): string | null;
	get commandWord(): Word;
	get chainWord(): Word | null;
	/** Every argument of the command before its first option (chain, rule number, policy, ...). */
	get positional(): Word[];
	/** The prefix `[p:b]`, if any. */
	get prefixCounters(): CountersNode | null;
	/** The rule of `-A`, `-I`, `-R` and `-D` (for `-D CHAIN n`, an empty rule). */
	get rule(): RuleNode | null;
	/**
	 * The rule's target (`-j NAME` or `-g NAME`, the last one when repeated), read from the
	 * tokens without building the rule: rules that look at every jump of a quarter of a million
	 * lines use this. Null when there is none.
	 */
	get target(): {
		kind: TargetKind;
		name: string;
		word: Word;
	} | null;
	/** The options, in order: those written before the command (`-p tcp -A X ...`), then those after its arguments. */
	get elements(): OptionNode[];
	/** The line's elements and target read from the tokens, with no node made per option. */
	get view(): LineView;
}
export type LineNode = BlankLine | CommentLine | InvalidLine | TableHeaderLine | ChainDeclaration | CommitLine | CommandLine;
/** A table: from `*name` to COMMIT, or the whole file for `iptables -S` output. */
export declare class Table {
	/** Null for `iptables -S` output, which does not name its table. */
	readonly name: string | null;
	readonly header: TableHeaderLine | null;
	commit: CommitLine | null;
	/** The first and last of its chain declarations (0-based; -1 without any) and how many. */
	firstChain: number;
	lastChain: number;
	chainCount: number;
	/** The first and last of its command lines (0-based; -1 without commands) and how many. */
	firstCommand: number;
	lastCommand: number;
	commandCount: number;
	/** Bit `code` set: a command with that token code (`-A`, `-I`, ...) is in the table. */
	private commandCodes;
	private commandList;
	private chainList;
	private lineAt;
	constructor(
	/** Null for `iptables -S` output, which does not name its table. */
	name: string | null, header: TableHeaderLine | null);
	/** Its chain declarations (`:NAME POLICY`), in order (their nodes are made on first use). */
	get chains(): readonly ChainDeclaration[];
	/** Its commands, in order (their nodes are made on first use). */
	get commands(): readonly CommandLine[];
	/** The lines from `first` to `last` that `keep` takes. */
	private linesBetween;
	/** Whether some command of the table is of this kind, without making the command nodes. */
	uses(kind: CommandKind): boolean;
	/** The document builder's: records command line `index` with token code `code`. */
	addCommand(index: number, code: TokenCode): void;
	/** The document builder's: records chain declaration line `index`. */
	addChain(index: number): void;
	/** The document builder's: where the table finds its lines. */
	attach(lineAt: (index: number) => LineNode): void;
	/** The chain declaration with this name, if any. */
	chain(name: string): ChainDeclaration | undefined;
	/** The commands that work on this chain, in order. */
	commandsFor(chain: string): CommandLine[];
}
export declare const commandKindOf: (code: TokenCode) => CommandKind;
export type Severity = "error" | "warning" | "info";
export interface Diagnostic {
	/** `syntax` for the grammar's own findings, else the lint rule's id. */
	ruleId: string;
	severity: Severity;
	message: string;
	range: SourceRange;
	loc: Location;
}
/** The rule id of every diagnostic the grammar emits. */
export declare const SYNTAX = "syntax";
/** How the file is laid out. */
export type DocumentForm = 
/** iptables-save output or iptables-restore input: `*table` ... COMMIT. */
"restore"
/** `iptables -S` / `iptables -v -S` output: commands without tables. */
 | "rules";
export interface Document {
	source: Source;
	text: string;
	filePath: string | undefined;
	form: DocumentForm;
	/**
	 * Every line, in order. Reading it makes the node of every line; a dump has a quarter of a
	 * million, so code that looks at a few asks `line(index)`.
	 */
	readonly lines: readonly LineNode[];
	/**
	 * Line `index` (0-based). Its node is made when first asked for and kept: a line is always
	 * the same object. Throws a RangeError outside the document's lines.
	 */
	line(index: number): LineNode;
	/** The kind of line `index` (0-based), without making its node. Throws a RangeError outside the document's lines. */
	kindOf(index: number): LineNode["kind"];
	/**
	 * The plan of command line `index` (0-based), null for any other line: what a `LineView` reads,
	 * without making the line's node (the packet walk reads tens of thousands of rules it keeps no node of).
	 */
	commandPlan(index: number): LinePlan | null;
	tables: Table[];
	/** Syntax errors, in line order. */
	diagnostics: Diagnostic[];
	/**
	 * Quotes never closed, from the `"` to the end of its line: no syntax error, for iptables
	 * takes the rest of the line as one word and loads it (`--comment "abc -j ACCEPT` is a rule
	 * with the comment `abc -j ACCEPT` and no target), but seldom what was meant.
	 */
	openQuotes: readonly SourceRange[];
}
export interface ParseOptions extends LexOptions {
	/** Named in diagnostics; not read. */
	filePath?: string;
}
export declare function parse(text: string, options?: ParseOptions): Document;
/**
 * Parses `text`, which is `document.text` with these replacements (sorted, not overlapping),
 * lexing again only the lines they touch. The result is the document `parse(text)` gives.
 */
export declare function reparse(document: Document, replacements: readonly Replacement[], text: string): Document;
/**
 * A document that knows only its text and lines, for findings computed elsewhere (in a worker
 * thread): enough to locate and quote them, with no AST.
 */
export declare function detachedDocument(text: string, filePath: string | undefined, diagnostics: Document["diagnostics"]): Document;
export type PrintStyle = "preserve" | "compact";
export interface PrintOptions {
	style?: PrintStyle;
}
export declare function print(document: Document, options?: PrintOptions): string;
/** One line without its end of line. */
export declare function printLine(line: LineNode, style: PrintStyle): string;
/**
 * Numbers as iptables reads them. Marks, masks and the like go through `strtoul(s, &end, 0)`
 * (`xtables_strtoui`), so `0x4000`, `0x00004000` and `16384` are the same number and `010`
 * is octal 8. Compare these values as numbers, never as strings.
 */
/** An unsigned 32-bit number written the way strtoul(…, 0) reads it, or null. */
export declare function parseUint32(text: string): number | null;
export interface ValueMask {
	value: number;
	mask: number;
}
/**
 * `value[/mask]` as the mark match and MARK target read it; the mask defaults to all ones.
 * Returns null when either part is not a 32-bit number.
 */
export declare function parseValueMask(text: string): ValueMask | null;
/** Packet and byte counters can exceed 2^53: they are kept as bigints. */
export declare function parseCounter(text: string): bigint | null;
/** A rule's `-j NAME` or `-g NAME`, where the name is in the text. */
export interface TargetRef {
	kind: TargetKind;
	name: string;
	/** Offsets of the name in the text. */
	start: number;
	end: number;
}
/** Half-open offsets of a rule's text. */
export interface RuleText {
	start: number;
	end: number;
}
/** Declared by `:NAME ...` or `-N NAME`. */
export type Declaration = ChainDeclaration | CommandLine;
/** A jump or goto that names no chain existing when iptables reads it, nor (a jump) a target iptables knows. */
export interface MissingJump {
	line: CommandLine;
	target: TargetRef;
}
/** A declaration of a chain that already exists when iptables reads it. */
export interface Redeclaration {
	line: Declaration;
	/** The declaration in force, or null for a built-in chain never declared. */
	previous: Declaration | null;
}
/** What iptables-restore does with a line of the table. */
export declare const enum RestoreStep {
	/** Not a command or declaration of the table (a comment, a line with a syntax error). */
	None = 0,
	Append = 1,
	Insert = 2,
	Replace = 3,
	Delete = 4,
	/** `:NAME POLICY` */
	Declaration = 5,
	/** `-N NAME` */
	NewChain = 6,
	/** `-P`, `-F`, `-X`, `-E`, `-Z` and the rest. */
	Other = 7
}
export interface Chain {
	name: string;
	/** `:NAME ...` or `-N NAME`; null when the chain is only used. */
	declaration: ChainDeclaration | CommandLine | null;
	/** The rules in kernel order. */
	rules: CommandLine[];
}
/**
 * A `-D`, `-R` or `-I` that names a rule or a place its chain surely does not have when the line
 * is read, so that iptables-restore refuses the line: `-D CHAIN rule` with no such rule,
 * `-D CHAIN 3` or `-R CHAIN 3` in a chain of two rules, `-I CHAIN 4` in one of two.
 */
export interface CommandWithoutItsRule {
	line: CommandLine;
	/** The chain's rules when the line is read. */
	rulesBefore: number;
	/** Whether the line names its rule by number (`-D CHAIN 3`) rather than by its options. */
	byNumber: boolean;
}
/** A user chain that nothing reaches. */
export interface UnreachedChain {
	name: string;
	declaration: Declaration;
	/** How many rules it has. */
	rules: number;
	id: number;
}
export interface Reach {
	/** User chains (declared, not built in) that no built-in chain or root reaches, in table order. */
	unreached: readonly UnreachedChain[];
	/** The chains not reached that have a rule jumping or going to this one (itself left out). */
	referrers(chain: UnreachedChain): string[];
}
declare const brand: unique symbol;
/** A 0-based line number of the document (`document.line(n)` makes its node). */
export type LineNo = number & {
	readonly [brand]: "LineNo";
};
/** A name of the table, chain or target, interned: ids are equal exactly when the names are. */
export type NameId = number & {
	readonly [brand]: "NameId";
};
declare const NONE = -1;
export type None = typeof NONE;
export interface LineShapes {
	/** One line of each shape, in file order of their first line. */
	readonly representatives: readonly LineNo[];
	/** Every line with the shape of this representative, in file order. */
	linesLike(representative: LineNo): readonly LineNo[];
	/** The line's shape: its representative's place in `representatives`, or -1 for a line with no option of an extension. */
	shapeOf(line: LineNo): number;
}
declare const WATCHED_OPTIONS: readonly [
	"-s",
	"--source",
	"--src",
	"-d",
	"--destination",
	"--dst",
	"-p",
	"--protocol",
	"--sport",
	"--source-port",
	"--dport",
	"--destination-port",
	"--tcp-flags",
	"--syn",
	"--tcp-option",
	"--chunk-types",
	"--dccp-types",
	"--dccp-option",
	"--icmp-type",
	"--icmpv6-type",
	"--espspi",
	"--ahspi",
	"--ahlen",
	"--ahres",
	"--mh-type",
	"--ipcompspi",
	"--compres",
	"--to-destination",
	"--to-source",
	"--to",
	"--gateway",
	"--on-ip",
	"--src-range",
	"--dst-range",
	"--ctorigsrc",
	"--ctorigdst",
	"--ctreplsrc",
	"--ctrepldst",
	"--tunnel-src",
	"--tunnel-dst",
	"--reject-with",
	"-i",
	"--in-interface",
	"-o",
	"--out-interface",
	"-4",
	"--ipv4",
	"-6",
	"--ipv6"
];
declare const WATCHED_MODULES: readonly [
	"tcp",
	"udp",
	"sctp",
	"dccp",
	"icmp",
	"icmp6",
	"icmpv6",
	"esp",
	"ah",
	"multiport",
	"tcpmss",
	"mh",
	"ipcomp",
	"iprange",
	"conntrack",
	"policy",
	"mark",
	"owner",
	"cgroup",
	"socket",
	"mac",
	"rpfilter",
	"addrtype",
	"devgroup",
	"physdev",
	"osf",
	"realm",
	"eui64"
];
export type WatchedOption = (typeof WATCHED_OPTIONS)[number];
export type WatchedModule = (typeof WATCHED_MODULES)[number];
/** Facts of a line's text a rule may ask for lines by. */
export type LineFact = 
/** An address value is IPv4 (a dotted quad). */
"v4-address"
/** An address value is IPv6 (colons, or brackets). */
 | "v6-address"
/** The protocol is icmp or ipv6-icmp. */
 | "icmp-protocol"
/**
 * A `!` before an option other than iptables' own `-s`, `-d`, `-p`, `-i`, `-o`, `-f` and the
 * like (before `-m`, `-j`, `-g`, `-c` or an extension's option): the only `!` iptables may refuse.
 */
 | "bang-before-other-option";
/** Line numbers in file order, in a typed array: a query may single out tens of thousands. */
export type LineNumbers = ArrayLike<LineNo> & Iterable<LineNo>;
/** Lines using any of these. */
export interface LineQuery {
	options?: readonly WatchedOption[];
	modules?: readonly WatchedModule[];
	/** Extension targets (`DNAT`, `MARK`; not ACCEPT, DROP, RETURN, QUEUE or chains). */
	targets?: readonly string[];
	facts?: readonly LineFact[];
}
export interface LineIndex {
	/** Command lines using any of the query's options, modules, targets or facts, once each, in file order. */
	commandsWith(query: LineQuery): CommandLine[];
	/** The same, as line numbers (no node made): lines with syntax errors among them (ask `document.kindOf`). */
	linesWith(query: LineQuery): LineNumbers;
	/** Command lines with a `!` right after an option (`-s ! x`; the parse confirms it), in file order. */
	withLateBang(): readonly CommandLine[];
	/** Command lines whose target is this extension target, in file order (kept: ask again freely). */
	withTarget(name: string): readonly CommandLine[];
	/** The numbers of the lines whose target is this extension target, in order, with no node made (see `linesWith`). */
	linesTargeting(name: string): readonly LineNo[];
	/** Whether the line uses this option. */
	uses(line: LineNo, option: WatchedOption): boolean;
	/** The line's target when it is an extension target, or null. */
	extensionTarget(line: LineNo): string | null;
	/**
	 * Whether every option, match and target of the line that needs a protocol surely has it
	 * (`-p tcp -m tcp --dport 80 -j DNAT --to-destination 10.0.0.1:80`), from the facts read in
	 * place: false when a closer look is needed, not when something is wrong.
	 */
	protocolNeedsSurelyMet(line: LineNo): boolean;
	/** How many `-s`/`-d` values are IPv4 and IPv6 addresses. */
	readonly addressCounts: {
		v4: number;
		v6: number;
	};
	/** The lines with options of extensions, by shape (`shapes.ts`): one pass over the tokens, made on first use. */
	shapes(): LineShapes;
}
/**
 * Tables, built-in chains and hooks: what the kernel has, whatever the ruleset.
 */
/** An address family: iptables (4) or ip6tables (6). */
export type Family = 4 | 6;
declare const HOOKS: readonly [
	"PREROUTING",
	"INPUT",
	"FORWARD",
	"OUTPUT",
	"POSTROUTING"
];
export type Hook = (typeof HOOKS)[number];
/** How the family was learnt, strongest first. */
export type FamilySource = "configuration" | "header" | "name" | "addresses";
export interface FamilyEvidence {
	family: Family;
	/** Why: "its header says ip6tables-save", "its name is rules.v6", "--family 6", "most of its addresses ...". */
	because: string;
	source: FamilySource;
	/**
	 * Said rather than guessed: by the configuration (`--family`, `family:`), the header or the
	 * file name. A guess from the addresses is still good enough for a finding that the line
	 * does not load: a ruleset guessed to be IPv4 has an IPv4 `-s`/`-d` address, which
	 * ip6tables-restore refuses, so it loads as IPv6 neither; but it may be wrong about which
	 * lines are the mistake, and messages say it is a guess.
	 */
	declared: boolean;
}
/** The family the user gave (`--family 6`, `family: 6` in the configuration), and where. */
export interface ConfiguredFamily {
	family: Family;
	/** "--family 6", "the configuration (.iptlintrc.yaml) says family: 6". */
	because: string;
}
export type Backend = "nft" | "legacy";
export interface RulesetModel {
	readonly document: Document;
	/** Facts about every command line, read in one pass (made on first use). */
	readonly lines: LineIndex;
	/** The tables the rules understand (the five of iptables, or `iptables -S` output), in file order. */
	tables(): readonly TableModel[];
	/** The model of a table of the document, whatever its name (undefined for a table of another document). */
	tableOf(table: Table): TableModel | undefined;
	/**
	 * Which address family the ruleset is for, and why: the configuration's (`--family`,
	 * `family:`), its header's, its name's, or a guess from its addresses (`declared` false);
	 * null when nothing tells. A rule says nothing that holds for one family only when it is null.
	 */
	family(): FamilyEvidence | null;
	/** Which backend's save tool wrote it; null when the file does not say. */
	backend(): Backend | null;
	/**
	 * The lines the restore tool of the ruleset's family skips, in file order: with `-4` for
	 * ip6tables-restore, with `-6` for iptables-restore (iptables(8): "line is ignored"). None when
	 * the family is not known. They are no rules of the ruleset: the replay leaves them out, and
	 * the linter drops the other rules' findings on them.
	 */
	skippedLines(): readonly LineNo[];
}
/** A table as iptables-restore reads it. Lines are 0-based line numbers of the document. */
export interface TableModel {
	readonly table: Table;
	/** Its built-in chains (those of every table for `iptables -S` output). */
	readonly builtins: ReadonlySet<string>;
	/**
	 * A fragment, which may use chains that exist only on the node: a restore file that declares
	 * none of its table's built-in chains (input for `iptables-restore --noflush`), or
	 * `iptables -S` output that does not give every built-in chain of some table a policy.
	 */
	readonly partial: boolean;
	/** Rules are only appended (no `-I`, `-R`, `-D`, `-F`, `-X`, `-E`), as in every iptables-save dump. */
	readonly appendOnly: boolean;
	/** The table deletes or renames chains (`-X`, `-E`). */
	readonly deletesOrRenames: boolean;
	/** Commands naming a chain (`-A X`, `-F X`, `-E X Y`, ...; not `-N`, `-P`) that does not exist on that line. */
	readonly missingChains: readonly CommandLine[];
	/** Rules (`-A`, `-I`, `-R`) whose jump or goto names neither an existing chain nor a known target. */
	readonly missingJumps: readonly MissingJump[];
	/** Rules that jump or go to a built-in chain of the table. */
	readonly builtinJumps: readonly MissingJump[];
	/** Declarations of a chain that already exists on that line. */
	readonly redeclarations: readonly Redeclaration[];
	/** `-D`, `-R` and `-I` lines naming a rule or place their chain surely does not have then (`chains.ts`), in file order. */
	commandsWithoutTheirRule(): readonly CommandWithoutItsRule[];
	/** `:NAME POLICY` lines whose policy is not `-`. */
	readonly policyDeclarations: readonly ChainDeclaration[];
	/** `-P` lines. */
	readonly policyCommands: readonly CommandLine[];
	/** `-N` lines. */
	readonly newChainCommands: readonly CommandLine[];
	/** Every declaration of a chain (`:NAME`, `-N NAME`), in file order. */
	declarationsOf(name: string): readonly Declaration[];
	/** The names of the chains the table declares. */
	declaredNames(): string[];
	/** The first declaration of `name` after this line, if the table has one. */
	declaredLater(name: string, line: {
		index: number;
	}): Declaration | undefined;
	/** The first line that names this chain, as its chain or its jump target, where it does not exist. */
	firstMissingUse(name: string): CommandLine | undefined;
	/** What iptables-restore does with the line (`None` for a line not of the table, or with a syntax error). */
	stepOf(line: LineNo): RestoreStep;
	/** The chain a command works on or a declaration declares. */
	chainOf(line: LineNo): NameId | None;
	/** The name a rule (`-A`, `-I`, `-R`, `-D`) jumps or goes to. */
	targetOf(line: LineNo): NameId | None;
	isGoto(line: LineNo): boolean;
	/** The jump or goto of a rule with its place in the text, or null. */
	target(line: CommandLine): TargetRef | null;
	/** The name of that jump or goto, or undefined. */
	targetName(line: LineNo): string | undefined;
	/** Where a rule's text is: after the command's arguments, without a trailing `-c P B` and blanks (both 0 for a line that is no rule of the table). */
	ruleText(line: LineNo): RuleText;
	/** The `-A`, `-I` and `-R` lines naming a chain, in file order (whatever the commands do to them). */
	ruleLinesOf(chain: NameId): LineNo[];
	/** The rule lines (`-A`, `-I`, `-R`, `-D`) whose jump or goto names this target or chain, in file order. */
	linesTargeting(name: string): LineNo[];
	nameOf(id: NameId): string;
	/** The id of a name the table uses, or NONE. */
	idOf(name: string): NameId | None;
	/** Whether a name starts with `prefix`, without making its string (for questions asked of every chain). */
	nameStartsWith(id: NameId, prefix: string): boolean;
	/** A name's length in UTF-16 code units. */
	nameLength(id: NameId): number;
	/** The longest chain or target name of the document, in UTF-16 code units, and whether some name is not ASCII. */
	nameStats(): {
		longest: number;
		nonAscii: boolean;
	};
	/** Whether an id names a target iptables knows (ACCEPT, DNAT, ...). */
	isKnownTarget(id: NameId): boolean;
	/** Whether an id names a built-in chain of the table. */
	isBuiltin(id: NameId): boolean;
	/** The chains once the table is read. */
	readonly chains: ChainSet;
	/** Which hooks reach its chains. */
	readonly hooks: HookReach;
}
/** A table's chains as iptables-restore leaves them once it has read the table. */
export interface ChainSet {
	/** The chain with this name, with its rules in kernel order as line nodes (for the few chains a rule reads closely). */
	get(name: string): Chain | undefined;
	/** Whether the chain is a user chain of the table (declared by `-N NAME` or `:NAME -`). */
	isUserChain(name: string): boolean;
	/** Whether the chain exists once the table is read (declared, or given rules). */
	exists(chain: NameId): boolean;
	/** Calls `visit` with each kept rule and its chain: every chain's rules in kernel order, chains in no set order. */
	forEachRule(visit: (line: LineNo, chain: NameId) => void): void;
	/** How many rules the chain keeps. */
	ruleCount(chain: NameId): number;
	/** The rules the chain keeps, in kernel order, without making their line nodes (the packet walk enters 30,000 chains of a kube dump). */
	rulesOf(chain: NameId): LineNo[];
	/** The kept rule before this one in its chain, or NONE. */
	previousRule(line: LineNo): LineNo | None;
	/** Whether a rule is one its chain keeps (one deleted by `-D` or `-F` is not). */
	keeps(line: LineNo): boolean;
	/** The declared user chains, in table order. */
	userChains(): readonly NameId[];
	/** The chains with a rule jumping or going to this one (itself left out), once each. */
	callers(chain: NameId): readonly NameId[];
	/** The user chains no built-in chain reaches, nor a chain `isRoot` names. */
	unreached(isRoot: (name: string) => boolean): Reach;
	/**
	 * Each kept rule that is the same rule as an earlier kept rule of its chain, compared as
	 * iptables-save prints them (`rule-key.ts`: long and short spellings, option order, implied
	 * `-m tcp`, `/32`; the command's arguments and counters left out), with the nearest such
	 * earlier rule.
	 */
	repeatedRules(): readonly RepeatedRule[];
}
/** A rule that is the same rule as an earlier rule of its chain. */
export interface RepeatedRule {
	earlier: LineNo;
	later: LineNo;
	chain: NameId;
}
/** Which hooks reach a table's chains, through jumps and gotos from their built-in chains. */
export interface HookReach {
	/** The table's hooks: its built-in chains (every hook for `iptables -S` output), in the kernel's order. */
	readonly hooks: readonly Hook[];
	/** Whether the hook's built-in chain reaches the chain (a built-in chain reaches itself). */
	reaches(hook: Hook, chain: NameId | string): boolean;
	/** For each chain, the hooks among `hooks` that reach it: ask for many chains at once, the model then walks each hook once. */
	hooksReaching(hooks: readonly Hook[], chains: readonly NameId[]): readonly (readonly Hook[])[];
	/** The table's hooks that reach the chain. */
	hooksOf(chain: NameId | string): Hook[];
	/** A shortest path of chain names from the hook's built-in chain to `chain`, both included; [] when unreached. */
	path(chain: string, hook: Hook): string[];
}
/** Replace `text[start, end)` by `text`. An insertion has `start === end`, a deletion `text === ""`. */
export interface TextEdit {
	start: number;
	end: number;
	text: string;
}
/** `safe`: iptables loads the ruleset the user meant either way. `unsafe`: which packets match changes. */
export type Applicability = "safe" | "unsafe";
export interface Fix {
	/** What the fix does, in a few words. */
	title: string;
	applicability: Applicability;
	/** Applied all together or not at all; they must not overlap each other. */
	edits: TextEdit[];
	/** The rule that proposed it. */
	ruleId?: string;
}
/** What is known of the node a ruleset comes from; every field is optional. */
export interface NodeContext {
	/** `uname -r` of the node, e.g. `5.4.0-107-generic` or `4.19.128`. */
	kernelVersion?: string;
	/** The Kubernetes (kube-proxy) version, e.g. `1.18.2` or `v1.18.2`. */
	kubernetesVersion?: string;
	/** The iptables release, e.g. `1.8.4` or `v1.6.1`: options it lacks are reported. */
	iptablesVersion?: string;
}
export interface Finding {
	range: SourceRange;
	message: string;
	/** Defaults to the rule's severity. */
	severity?: Severity;
	fix?: Fix;
}
export interface RuleContext {
	readonly document: Document;
	/** What the document means as iptables-restore reads it: built once, shared by every rule. */
	readonly model: RulesetModel;
	readonly node: NodeContext;
	/** The rule's configured options, already checked against its `schema`; undefined when none. */
	readonly options?: unknown;
	report(finding: Finding): void;
}
/**
 * One ruleset of a node: a file or a live dump, with the address family and backend it is for
 * (the backend null when nothing tells). A node is the rulesets of one machine given together:
 * its IPv4 and IPv6 rulesets (`rules.v4` and `rules.v6`), or the dumps of both backends.
 */
export interface NodeRuleset {
	readonly document: Document;
	readonly model: RulesetModel;
	readonly family: 4 | 6;
	readonly backend: Backend | null;
}
/**
 * What a node rule sees: every ruleset of the node (two or more, each with its family known).
 * It runs once for each ruleset being linted, with that one as `self`; a finding is reported in
 * one ruleset's text, and is kept when that ruleset is `self` (the others' are reported when
 * they are linted), so each finding is reported once, in its file, and every output format,
 * suppression and fix works on it as on any other.
 */
export interface NodeRuleContext {
	readonly rulesets: readonly NodeRuleset[];
	readonly self: NodeRuleset;
	readonly node: NodeContext;
	/** The rule's configured options (for `self`'s file); undefined when none. */
	readonly options?: unknown;
	report(ruleset: NodeRuleset, finding: Finding): void;
}
export interface RuleModule {
	/** Stable kebab-case id; also the rule's folder name. */
	id: string;
	/** One line, for `iptlint rules`. */
	description: string;
	/** Default severity. */
	severity: Severity;
	/** Whether findings carry fixes, and of what kind. */
	fixable: false | Applicability;
	/** JSON schema (draft-07, self-contained) of the options in `[severity, options]`; without it the rule takes no options. */
	schema?: Record<string, unknown>;
	/** Runs on each ruleset alone; a rule that only looks at nodes does nothing here. */
	check(context: RuleContext): void;
	/**
	 * Runs after `check`, only on a ruleset linted with the other rulesets of its node (a file
	 * given without its partner is linted alone, and node rules say nothing of it).
	 */
	checkNode?(context: NodeRuleContext): void;
}
export declare const allRules: readonly RuleModule[];
export interface EditedRegion {
	/** The table the region's lines belong to (null in `iptables -S` output). */
	table: Table;
	/** The region's whole lines in the old text: `oldFirst .. oldLast` (0-based). */
	oldFirst: number;
	oldLast: number;
	/** Where its lines are in the new text, `[newStart, newEnd)`, and the lines themselves, parsed. */
	newStart: number;
	newEnd: number;
	lines: Document;
}
export interface SkippedFix {
	fix: Fix;
	reason: string;
}
export interface FixResult {
	output: string;
	/** The output, parsed (the input document itself when nothing was applied); parsed when first read. */
	readonly document: Document;
	/** The fixes applied, pass after pass (see fixed-point.ts): those of a later pass edit the text the pass before made. */
	applied: Fix[];
	/** The fixes of the first pass, whose edits are on the original text. */
	firstPass: Fix[];
	/** The fixes not applied, and why (those of the last pass). */
	skipped: SkippedFix[];
	/** What the applied fixes changed, as edits on the original text: sorted, not overlapping. */
	edits: TextEdit[];
	/** How many passes applied fixes: 0 or 1 for `applyFixes`. */
	passes: number;
	/** The lines the applied fixes rewrote, parsed on their own; undefined when the whole output had to be parsed. */
	regions?: EditedRegion[];
}
export interface ApplyOptions {
	/** Apply unsafe fixes too. */
	unsafe?: boolean;
}
/**
 * Applies fixes to a parsed document's text: sorts them, refuses a fix that overlaps one
 * already taken or is not allowed, and re-parses the result. A fix whose output has syntax
 * errors is dropped and reported. A document with syntax errors is never fixed.
 */
export declare function applyFixes(document: Document, fixes: readonly Fix[], options?: ApplyOptions): FixResult;
/**
 * The findings a fix result leaves in the original text, where they are: those whose fix
 * was not applied and whose text no applied edit rewrote. For output that is not written
 * back (`fix --emit`), this is what the user still has to see to, at the places in the file
 * they have. Rules give a fix to every finding it resolves, so that this holds (a test
 * compares it with linting the fixed text, rule by rule and fixture by fixture).
 *
 * After several passes (fixed-point.ts) a fix of a later pass may resolve a finding whose own
 * fix was left out in the first, away from the finding's text (a chain's declaration moved up
 * resolves its jumps): `relinted`, the findings of the fixed text of the rules linted again
 * between passes, says which of those rules' findings are left — those whose rule still flags
 * the same text.
 */
export declare function unresolved<T extends {
	range: Range$1;
	fix?: Fix;
	ruleId?: string;
}>(findings: readonly T[], result: FixResult, relinted?: {
	findings: ReadonlyArray<{
		ruleId: string;
		range: Range$1;
	}>;
	rules: ReadonlySet<string>;
}): T[];
type Range$1 = {
	start: number;
	end: number;
};
/** A rule's severity in the configuration; `off` does not run it. */
export type RuleSeverity = Severity | "off";
/** What `rules` maps a rule id to: a severity, or `[severity, options]`. */
export type RuleEntry = RuleSeverity | [
	RuleSeverity
] | [
	RuleSeverity,
	Record<string, unknown>
];
/** Settings for the files that `files` matches. */
export interface Override {
	files: string | string[];
	rules?: Record<string, RuleEntry>;
	node?: NodeContext;
	family?: ConfiguredFamily["family"];
}
/** A node's files: each file a `v4` glob matches is paired with the file a `v6` glob matches where their wildcards matched the same text. */
export interface NodeFiles {
	v4: string | string[];
	v6: string | string[];
}
export interface Config {
	$schema?: string;
	rules?: Record<string, RuleEntry>;
	overrides?: Override[];
	ignores?: string[];
	reportUnusedSuppressions?: RuleSeverity;
	node?: NodeContext;
	/** The address family of the rulesets (4: iptables, 6: ip6tables), over what their headers and names say. */
	family?: ConfiguredFamily["family"];
	/** The IPv4 and IPv6 files that are one node's, linted together by the node rules. */
	nodes?: NodeFiles[];
}
export interface LoadedConfig {
	config: Config;
	/** The file it came from; undefined when none was found. Globs are relative to its folder. */
	filePath: string | undefined;
}
/** No configuration file: what `--no-config` uses, and what a search that finds nothing gives. */
export declare const NO_CONFIG: LoadedConfig;
/** A configuration that cannot be used: exit code 3. The message names the file and the key. */
export declare class ConfigError extends Error {
}
/** The configuration for a file in `directory`, or for `path` when given (`--config`). */
export declare function loadConfig(options: {
	directory?: string;
	path?: string;
}): Promise<LoadedConfig>;
/**
 * The configuration if it fits the schema, else a ConfigError listing every mistake.
 * `rules` is the rule list the ids are checked against (all rules by default).
 */
export declare function checkConfig(config: unknown, filePath: string, rules?: readonly RuleModule[]): Config;
export interface RuleSetting {
	severity: RuleSeverity;
	/** The rule's options; undefined when none are configured. */
	options: unknown;
}
export interface FileSettings {
	/** `ignores` matches the file: it is not to be linted. */
	ignored: boolean;
	/**
	 * The configured rules only: a rule missing here runs with its own severity (and the
	 * severity it gives each finding); a rule here at `off` does not run; any other severity
	 * replaces the severity of each of its findings.
	 */
	rules: Map<string, RuleSetting>;
	node: NodeContext;
	/** The address family the configuration gives the file (`family`, `--family`), and where it says so; wins over the file's header and name. */
	family?: ConfiguredFamily;
	/** The severity of findings at suppressions that suppress nothing. */
	reportUnusedSuppressions: Severity | "off";
	/**
	 * The node the configuration's `nodes` puts the file in: files with the same key are linted
	 * together (`src/nodes.ts`). Undefined when no entry matches it.
	 */
	nodeKey?: string;
}
/**
 * The settings for `filePath` (relative to the working folder, or absolute). Without a path
 * (standard input with no --stdin-filename) only the top level applies.
 */
export declare function resolveSettings(loaded: LoadedConfig, filePath: string | undefined): FileSettings;
/** A finding: a syntax error or a rule's report, with its fix when it has one. */
export interface LintDiagnostic extends Diagnostic {
	fix?: Fix;
	/** A failed packet assertion (`iptlint test`): the walk of each outcome it failed in. */
	trace?: PacketTrace[];
}
/** One outcome of a packet's walk, as a finding carries it: what happened, and every rule it matched. */
export interface PacketTrace {
	/** `drop`, `accept (forwarded), probability 50.0%`... */
	outcome: string;
	/** The undecided matches this outcome assumes. */
	conditions: string[];
	path: {
		filePath: string;
		line: number;
		table: string;
		chain: string;
		target: string | null;
	}[];
}
export interface BuiltinFinding {
	id: string;
	description: string;
	severity: Severity;
}
export declare const BUILTIN_FINDINGS: readonly BuiltinFinding[];
export interface LintOptions {
	/** Named in findings; not read. */
	filePath?: string;
	/**
	 * What is known of the node the ruleset comes from (kernel, Kubernetes version). Its
	 * fields win over those of `settings.node`, field by field.
	 */
	node?: NodeContext;
	/**
	 * The address family of the ruleset (4: iptables, 6: ip6tables), over `settings.family` and
	 * what the file's header and name say. Without either, the model learns it from the file.
	 */
	family?: ConfiguredFamily["family"];
	/** The rules to run; all of them by default. */
	rules?: readonly RuleModule[];
	/**
	 * The file's configuration (`resolveSettings`). A rule set to `off` is not run. A rule
	 * given a severity has all its findings reported at that severity; a rule not configured
	 * keeps the severity it gives each finding. So `masquerade-mark-not-cleared`, which weighs
	 * each finding (error with `--random-fully`, warning without, moved by the node's kernel
	 * and Kubernetes version), weighs only while it is left out of `rules`: configured as
	 * `warning` it never fails a run, as `error` every finding fails it. Messages name facts
	 * ("kernel 5.4.41 has the checksum fix"), never a severity, so they stay as they are.
	 * `settings.ignored` is not looked at here: leaving a file out is the caller's business.
	 */
	settings?: FileSettings;
	/** Apply the `iptlint-disable` comments (default true); false ignores them (`--no-inline-config`). */
	suppressions?: boolean;
	/**
	 * The other rulesets of the node this one belongs to (`nodes.ts`: its IPv6 file beside this
	 * IPv4 one, the dumps of the other backend), read for the node rules only: their findings
	 * are reported when they are linted themselves.
	 */
	partners?: readonly NodePartner[];
}
/** Another ruleset of the node: its document, and the family its configuration gives it. */
export interface NodePartner {
	document: Document;
	family?: ConfiguredFamily;
}
export interface LintResult {
	filePath: string | undefined;
	/** Read from the running node (`iptlint lint --live`), not from a file: `iptlint fix` cannot fix it. */
	live?: boolean;
	/** Findings in source order. */
	diagnostics: LintDiagnostic[];
	document: Document;
	/**
	 * The ruleset's size, where `document` cannot tell it: a file linted in a worker thread comes
	 * back with a document of its text alone. Otherwise `rulesetSize(document)`.
	 */
	size?: RulesetSize;
}
/** How big a ruleset is: its command lines (the `-A` lines of a dump) and its chain declarations. */
export interface RulesetSize {
	rules: number;
	chains: number;
}
export declare function lintText(text: string, options?: LintOptions): LintResult;
/** Runs the rules on a parsed document; syntax errors come first in each line's findings. */
export declare function lintDocument(document: Document, options?: LintOptions): LintDiagnostic[];
export declare const errorCount: (result: LintResult) => number;
export interface Progress {
	/** Says how far the run is, e.g. "linting 12/40 files". */
	update(text: string): void;
	stop(): void;
}
export interface Output {
	write(text: string | Uint8Array): void;
	/** Whether it is a terminal (decides colour). */
	isTTY?: boolean;
}
export interface CliIo {
	stdout: Output;
	stderr: Output;
	/** The whole of standard input. */
	readStdin(): Promise<Buffer>;
	readFile(path: string): Promise<Buffer>;
	isDirectory(path: string): Promise<boolean>;
	/** The configuration for a file in `directory`, or read from `path` (`--config`). */
	loadConfig(options: {
		directory?: string;
		path?: string;
	}): Promise<LoadedConfig>;
	/** Creates a file that must not exist yet (fails with EEXIST otherwise). */
	writeNewFile(path: string, content: string): Promise<void>;
	/** Files matching glob patterns, sorted, relative to `cwd` as given. */
	glob(patterns: string[], options: {
		cwd: string;
		ignore: string[];
		absolute?: boolean;
	}): Promise<string[]>;
	/**
	 * Runs a program (never through a shell); `error` is set (ENOENT, EACCES, ...) when it could
	 * not start. Its output comes as bytes, for the caller to decode (or only hash: `--cache`).
	 */
	run(file: string, args: string[]): Promise<{
		status: number | null;
		stdout: Buffer | string;
		stderr: string;
		error?: string;
	}>;
	/** The folder relative paths are taken from. */
	cwd: string;
	/**
	 * Replaces a file's content all at once (never a half-written file), keeping its owner, group
	 * and mode, and following a symbolic link; `create` allows a new file. Throws `UnwritableFile`.
	 */
	writeFileAtomic(path: string, content: Buffer, options?: {
		create?: boolean;
	}): Promise<void>;
	/** A spinner on standard error for a person watching a long run, or nothing (see terminal.ts). */
	progress(options: {
		machineOutputOnStdout: boolean;
		color: boolean;
	}): Progress;
	env: Record<string, string | undefined>;
}
/** The real world; relative paths are taken from `cwd`. */
export declare function nodeIo(cwd?: string): CliIo;
export interface LintFilesOptions {
	/** What is known of the node; over the configuration's `node`. */
	node?: NodeContext;
	/** A configuration file to use instead of searching, or false for none. */
	config?: string | false;
	/** Where relative paths start; the process's working folder by default. */
	cwd?: string;
}
/** Throws the CLI's errors: UnreadableInput (a file cannot be read), UsageError (a pattern matched nothing), ConfigError. */
export declare function lintFiles(paths: readonly string[], options?: LintFilesOptions, io?: CliIo): Promise<LintResult[]>;
export interface FixTextOptions extends LintOptions {
	/** Apply unsafe fixes too. */
	unsafe?: boolean;
}
export interface FixTextResult {
	/** The fixed text (the input itself when nothing was applied). */
	output: string;
	applied: Fix[];
	skipped: SkippedFix[];
	/** What is left to see to after fixing. */
	diagnostics: LintDiagnostic[];
	/** How many passes of lint and apply changed the text (at most MAX_FIX_PASSES). */
	passes: number;
	/** False when the last pass still left fixes to apply (fixes that undo each other). */
	stable: boolean;
	/** The full result, for `unifiedDiff`, `livePatch` and `restoreText`. */
	result: FixResult;
}
export declare function fixText(text: string, options?: FixTextOptions): FixTextResult;
/**
 * A unified diff that `patch -p1` and `git apply` apply to the file. It is built from the
 * edits: only the few lines around each edit are compared, never the whole (possibly 25 MB) text.
 */
export declare function unifiedDiff(original: Document, result: FixResult, name: string): string;
/** The whole fixed ruleset, ready for `iptables-restore`. */
export declare function restoreText(result: FixResult): string;
export interface LivePatchOptions {
	/** The command that loads it: `iptables-restore` or `ip6tables-restore`. */
	restoreCommand?: string;
}
/**
 * The smallest `iptables-restore --noflush` input that applies the fix to a live node: for
 * each table the fix touches, every chain it changed, declared (which under --noflush
 * flushes a user chain; a built-in chain is flushed with -F) and given all its fixed rules.
 * Chains not named in it are left alone.
 */
export declare function livePatch(original: Document, result: FixResult, options?: LivePatchOptions): string;
export interface FormatContext {
	/** The folder paths are reported relative to (SARIF, GitLab, checkstyle keep paths as given). */
	cwd: string;
	/** Whether to colour the output (stylish only): a TTY, NO_COLOR, FORCE_COLOR, --no-color decided it. */
	color: boolean;
	/** Every rule, for formats that describe them (SARIF's tool.driver.rules). */
	rules: readonly RuleModule[];
	/** iptlint's version. */
	version: string;
	/**
	 * Each rule's README (what `iptlint explain` prints), by rule id: SARIF gives it as the rule's
	 * help and its "What it does" as the full description. Without it, the one-line description.
	 */
	ruleDocs?: ReadonlyMap<string, string>;
	/**
	 * The run being reported, for `prometheus`: when it ended (milliseconds since the Unix epoch)
	 * and how long it took. Without it, the report has no timestamp and no duration.
	 */
	run?: {
		endedAt: number;
		durationMs: number;
	};
}
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
/** The stylish report without colour (the library's original entry point). */
export declare const formatStylish: (results: readonly LintResult[]) => string;
export type FormatName = "stylish" | "compact" | "json" | "sarif" | "github" | "checkstyle" | "junit" | "gitlab" | "markdown" | "prometheus";
export declare const formatters: Readonly<Record<FormatName, Formatter>>;
/** The names, in the order `--help` lists them (the default first). */
export declare const formatNames: readonly FormatName[];
export interface SuppressionOptions {
	/** Severity of the findings at suppressions that suppress nothing; `off` reports none. Default: warning. */
	reportUnused?: Severity | "off";
	/** The rule ids a suppression may name; every rule's by default. */
	knownRules?: readonly string[];
}
/**
 * The findings less the suppressed ones, plus an `invalid-suppression` finding at each bad
 * directive and an `unused-suppression` finding at each directive that suppressed nothing
 * (unless `reportUnused` is `off`), in source order.
 */
export declare function applySuppressions(document: Document, diagnostics: readonly LintDiagnostic[], options?: SuppressionOptions): LintDiagnostic[];
/** A network: the address bits under `mask`. */
export interface Net {
	readonly network: bigint;
	readonly mask: bigint;
	/** Its prefix length, or null for a mask that is not one. */
	readonly prefix: number | null;
	/** One address (a mask of all ones). */
	readonly exact?: boolean;
}
export type CtStateName = "new" | "established" | "related" | "invalid";
export interface Packet {
	family: Family;
	/** `tcp`, `udp`, `sctp`, `icmp`, `icmpv6`, or another protocol's name or number. */
	protocol: string;
	protocolNumber: number;
	source: string;
	destination: string;
	/** For tcp, udp, sctp (and udplite, dccp). */
	sourcePort: number | null;
	destinationPort: number | null;
	/** For icmp and icmpv6. */
	icmpType: number | null;
	icmpCode: number | null;
	/** The interface it arrives on, or null for a packet the node sends (`out`). */
	inInterface: string | null;
}
/** Bad packet text: what is wrong, and the 1-based column where. */
export declare class PacketSyntaxError extends Error {
	readonly column: number;
	readonly reason: string;
	constructor(column: number, reason: string);
}
/** Reads a packet's spelling; throws PacketSyntaxError. */
export declare function parsePacket(text: string): Packet;
export interface NodeAddress {
	iface: string;
	family: Family;
	address: bigint;
	prefix: number;
	broadcast: bigint | null;
}
export type RouteType = "unicast" | "local" | "broadcast" | "blackhole" | "unreachable" | "prohibit" | "throw" | "multicast" | "anycast" | "nat";
export interface Route {
	family: Family;
	/** The routing table: "main", "local" or another's name or number (`ip route ... table 100`). */
	table: string;
	net: Net;
	type: RouteType;
	dev: string | null;
	via: bigint | null;
	prefsrc: bigint | null;
	metric: number;
}
/** One member of an ipset: each of its dimensions (address or network, port, interface...). */
export type SetPart = {
	kind: "net";
	net: Net;
} | {
	kind: "port";
	protocol: number;
	port: number;
} | {
	kind: "iface";
	name: string;
} | {
	kind: "other";
	text: string;
};
export interface IpSet {
	name: string;
	type: string;
	family: Family | null;
	/** The set's dimensions, from its type (`hash:ip,port` is ip, port). */
	dims: string[];
	members: {
		parts: SetPart[];
		nomatch: boolean;
	}[];
	/** list:set: the sets it holds. */
	sets: string[];
}
/** A policy routing rule (`ip rule`): which packets it takes, and the table it looks their route up in. */
export interface IpRule {
	family: Family;
	priority: number;
	/** `not`: the rule takes the packets its selectors do not match. */
	not: boolean;
	from: Net | null;
	to: Net | null;
	fwmark: {
		value: number;
		mask: number;
	} | null;
	iif: string | null;
	oif: string | null;
	/** Selectors the walk does not read (uidrange, ipproto, sport, tos...): a packet may or may not match. */
	unread: string[];
	/** "lookup" (in `table`), or a rule that ends the lookup: blackhole, unreachable, prohibit; or one the walk does not follow (goto, nop). */
	action: "lookup" | "blackhole" | "unreachable" | "prohibit" | "other";
	table: string | null;
	/** `suppress_prefixlength N`: a route of the table with a prefix of N or less does not count. */
	suppressPrefix: number | null;
}
/** What the policy routing rules make of a packet: the route (as `route`), or why the walk cannot tell. */
export interface PolicyRoute {
	route: Route | null | undefined;
	/** Why the route is not decided (a rule whose selector the walk cannot read or the packet's mark does not tell). */
	undecided?: string;
	/** The rule that chose the table, when it is not the main one. */
	rule?: IpRule;
}
/** What the rules' selectors look at in the packet. */
export interface RouteQuery {
	destination: bigint;
	source: bigint | null;
	/** The mark's known bits and their values. */
	mark: {
		known: number;
		value: number;
	};
	/** The interface it arrived on; "" for a packet the node sends (the rules' iif is then lo). */
	inInterface: string;
}
/** Bad node input (a file that is not `ip -j addr` output, a malformed --route). */
export declare class NodeInputError extends Error {
}
export interface NodeInput {
	/** Parsed `ip -j addr` output (both families in one). */
	addresses?: unknown;
	/** Parsed `ip -j route` outputs (`ip -j route`, `ip -6 -j route`, `ip -4 -j route show table all`). */
	routes?: unknown[];
	/** Parsed `ip -4 -j rule` output (the policy routing rules of IPv4). */
	rules4?: unknown;
	/** Parsed `ip -6 -j rule` output. */
	rules6?: unknown;
	/** `ipset save` output. */
	ipset?: string;
	/** `--local ADDR[,ADDR...]`. */
	local?: string[];
	/** `--route "CIDR dev IFACE [via GW]"`. */
	route?: string[];
}
export declare class NodeInfo {
	readonly addresses: NodeAddress[];
	readonly routes: Route[];
	readonly sets: Map<string, IpSet> | null;
	/** Whether the node's addresses are known (an address file or --local). */
	readonly addressesKnown: boolean;
	/** Whether its routes are known (a route file or --route). */
	readonly routesKnown: boolean;
	/** The policy routing rules of each family, by priority; null when not given (then the local table, then main). */
	readonly ipRules: Readonly<Record<Family, IpRule[] | null>>;
	constructor(input?: NodeInput);
	/**
	 * The route the kernel takes for a packet by the policy routing rules (`ip rule`): the first
	 * rule, by priority, that takes the packet and whose table has a route; without rules, as
	 * route(). A rule the walk cannot decide for the packet leaves the route undecided.
	 */
	routeFor(family: Family, q: RouteQuery): PolicyRoute;
	/** The route to an address in one table; undefined when that table's routes are not known. */
	private routeIn;
	/** Whether the route files name their tables (`ip -j route show table all`): a table none of their routes names is empty. */
	private get tablesSaved();
	/** IPv6 answers by address. */
	private readonly localCache;
	/** What findLocal reads for IPv4, made on first use: the addresses and /32 local routes as numbers, the wider local routes. */
	private local4;
	/** Whether the node owns this address (local delivery): true, false, or null when the node's addresses are not known. */
	isLocal(family: Family, address: bigint): boolean | null;
	private localOf4;
	private findLocal;
	/** Whether it is a broadcast address of one of the node's networks (or the limited broadcast). */
	isBroadcast(family: Family, address: bigint): boolean | null;
	/**
	 * The route the kernel takes to an address: the longest prefix (then the lowest metric), or
	 * null when no route matches; undefined when the routes are not known and none of the
	 * networks the node's addresses give matches.
	 */
	route(family: Family, address: bigint, table?: "main" | null): Route | null | undefined;
	private lookupRoute;
	/** The address a packet leaving by `iface` gets from MASQUERADE: the route's preferred source, else the interface's first address of the family. */
	sourceFor(family: Family, iface: string, route: Route | null | undefined): bigint | null;
	/** The first address of an interface (REDIRECT's target on the way in). */
	addressOf(family: Family, iface: string): bigint | null;
	/** Whether the address is on this interface (addrtype's --limit-iface-*). */
	isLocalOn(family: Family, address: bigint, iface: string): boolean | null;
}
/** A packet to trace: its headers, and what the connection and the mark are. */
export interface TraceInput extends Packet {
	/** The connection's state: a first packet (the default) or one of an established connection. */
	state?: CtStateName;
	/** The packet's mark as it arrives (or as its socket sets it). */
	mark?: number;
}
/** The packet as an outcome leaves it. */
export interface TracedPacket {
	protocol: string;
	/** Null when MASQUERADE gave it an address the node's files do not tell. */
	source: string | null;
	destination: string;
	sourcePort: number | null;
	destinationPort: number | null;
	/** `0x4000`, or `value/known-bits` when some bits are not known. */
	mark: string;
	inInterface: string | null;
	outInterface: string | null;
}
export interface PathStep {
	filePath: string;
	/** 1-based. */
	line: number;
	table: string;
	chain: string;
	target: string | null;
	/** The packet after a rule that changed it (NAT, MARK, CONNMARK). */
	after?: TracedPacket;
}
export interface PolicyStep {
	filePath: string;
	line: number | null;
	table: string;
	chain: string;
	policy: string;
	/** How many rules of the path the packet had matched when it met this policy (to show them in order). */
	afterStep: number;
}
export type Verdict = "accept" | "drop" | "reject" | "queue";
export type Delivery = "local" | "forward" | "out";
/**
 * Where a later packet of a connection got the connection's NAT: the hook, the nat rules its
 * first packet matched there (their counters do not move for this packet) and the packet after.
 */
export interface ConnectionNatStep {
	hook: Hook;
	firstPacketPath: PathStep[];
	/** The packet after the translation. */
	after: TracedPacket;
	/** How many rules of the path the packet had matched when it was translated (to show it in order). */
	afterStep: number;
}
export interface Outcome {
	verdict: Verdict;
	/** For `accept`: delivered to the node, forwarded, or sent out by the node. */
	delivery: Delivery | null;
	/** Null when some condition has no known probability. */
	probability: number | null;
	/** The undecided matches this outcome assumes, in the order met. */
	conditions: string[];
	path: PathStep[];
	/** The built-in chains whose policy the packet met. */
	policies: PolicyStep[];
	packet: TracedPacket;
	/** Why, when no rule or policy decided it (no route). */
	reason?: string;
	/** Choices the walk made for the packet: the first of a NAT range. */
	notes: string[];
	/** The hooks the packet entered, in order (PREROUTING, INPUT, ...): where it went before its verdict. */
	hooks: Hook[];
	/** For a later packet of a connection (state established): where it got the connection's NAT. */
	connectionNat: ConnectionNatStep[];
}
export interface TraceResult {
	family: Family;
	outcomes: Outcome[];
	/** The files of the packet's family whose tables the walk read. */
	files: string[];
}
export interface TraceOptions {
	/** The documents' family when their headers and names do not tell (`--family`). */
	family?: Family;
	/** The backend that loads the rules, when the files' headers do not tell (it orders INPUT's security and nat tables). */
	backend?: Backend;
	/** The most outcomes one trace may have; more is an error. */
	maxOutcomes?: number;
	/** Tables to walk as if the documents had none (`["nat"]`: the packet as INPUT would see it, not DNATed). */
	withoutTables?: readonly string[];
}
/** A trace that cannot be made: documents that give a table twice, a packet of no family the files have. */
export declare class TraceError extends Error {
}
export declare function trace(documents: Document | readonly Document[], packet: TraceInput | string, node?: NodeInfo | NodeInput, options?: TraceOptions): TraceResult;
export declare function formatTraceText(result: TraceResult, header: string): string;
/** The JSON report: per outcome exactly the fields documented, plus the walk's notes. */
export declare function traceJson(result: TraceResult, packet: string): unknown;
export declare function main(argv: string[], io: CliIo): Promise<number>;
/** The exit codes, the same for every command (see the README). */
export declare const ExitCode: {
	/** No finding at or above the failure threshold. */
	readonly Ok: 0;
	/** Findings (a syntax error is one). */
	readonly Findings: 1;
	/** A usage error: unknown flag, bad value, missing argument. */
	readonly Usage: 2;
	/** The configuration is invalid. */
	readonly Config: 3;
	/** An input cannot be read, or a file cannot be written (`fix` in place, `--output-file`). */
	readonly Unreadable: 4;
	/** A bug in iptlint. */
	readonly Internal: 5;
};
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
/** Failures of the command line that are the input's or the user's, each with its exit code. */
/** An input that could not be read: exit code 4, with the reason. */
export declare class UnreadableInput extends Error {
}
/** Arguments that make no sense together: exit code 2. */
export declare class UsageError extends Error {
}

export {};
