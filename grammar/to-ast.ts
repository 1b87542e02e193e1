/**
 * Builds the document from lexed lines and line plans, and checks the file's structure the
 * way iptables-restore does: tables open with `*name` and end with COMMIT, and every chain
 * declaration and command sits inside a table. A file with no `*table` line at all is
 * `iptables -S` output: one unnamed table.
 */
import {
  BlankLine,
  ChainDeclaration,
  CommandLine,
  CommentLine,
  CommitLine,
  InvalidLine,
  LineWords,
  Source,
  Table,
  TableHeaderLine,
  LineNodeBase,
  type LineNode,
  type SourceRange,
} from "./ast.js";
import { lexErrorMessage, lineErrorMessage, quote, secondCommandMessage, syntaxError, targetWithoutNameMessage, type Diagnostic } from "./diagnostics.js";
import { decodeWord, headNameStart, LexErrorKind, LineKind, type LexedText } from "./lexer.js";
import { LineErrorKind, LineShape, isLineError, planLine, type LineError, type LinePlan } from "./plan.js";
import { TokenCode } from "./tokens.js";
import { declarationCountersRefused, ruleCountersRefused } from "./values.js";

/** How the file is laid out. */
export type DocumentForm =
  /** iptables-save output or iptables-restore input: `*table` ... COMMIT. */
  | "restore"
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

export function buildDocument(lexed: LexedText, filePath?: string, initial: Diagnostic[] = []): Document {
  const source = new Source(lexed.text, lexed, filePath);
  const builder = new DocumentBuilder(source);
  builder.diagnostics.push(...initial);
  builder.build();
  const lines = new Lines(source, builder.slots, builder.tables, builder.form);
  for (const table of builder.tables) table.attach((index) => lines.line(index));
  return {
    source,
    text: lexed.text,
    filePath,
    form: builder.form,
    get lines() {
      return lines.all();
    },
    line: (index) => lines.line(index),
    kindOf: (index) => lines.kindOf(index),
    commandPlan: (index) => lines.commandPlan(index),
    tables: builder.tables,
    diagnostics: builder.diagnostics.sort((a, b) => a.range.start - b.range.start),
    openQuotes: builder.openQuotes,
  };
}

/**
 * The lines of a document. Headers, COMMIT lines and lines with errors get their nodes while the
 * document is built; blank lines, comments, chain declarations and commands (nearly all of a
 * dump) when first asked for: the rules read a dump from the lexer's arrays and look closely at
 * a few lines, and a node for each of a quarter of a million lines costs more than their work.
 */
class Lines {
  private everything: LineNode[] | undefined;

  constructor(
    private readonly source: Source,
    /** A line's node once made; before that its plan (a command or chain declaration) or null (a blank line or comment). */
    private readonly slots: (LineNode | LinePlan | null)[],
    private readonly tables: readonly Table[],
    private readonly form: DocumentForm,
  ) {}

  line(index: number): LineNode {
    const slot = this.slots[index];
    if (slot instanceof LineNodeBase) return slot as LineNode;
    if (!(index >= 0 && index < this.slots.length)) throw new RangeError(`no line ${index}: the document has ${this.slots.length}`);
    let node: LineNode;
    if (slot === null) node = this.uncommand(index);
    else if (slot.shape === LineShape.Chain) node = this.declaration(index, slot);
    else node = new CommandLine(this.source, index, this.tableOf(index), slot);
    this.slots[index] = node;
    return node;
  }

  kindOf(index: number): LineNode["kind"] {
    const slot = this.slots[index];
    if (slot instanceof LineNodeBase) return (slot as LineNode).kind;
    if (!(index >= 0 && index < this.slots.length)) throw new RangeError(`no line ${index}: the document has ${this.slots.length}`);
    if (slot === null) return this.source.lexed.lineKinds[index] === LineKind.Blank ? "blank" : "comment";
    return slot.shape === LineShape.Chain ? "chain" : "command";
  }

  commandPlan(index: number): LinePlan | null {
    const slot = this.slots[index];
    if (slot instanceof CommandLine) return slot.plan;
    if (slot === null || slot === undefined || slot instanceof LineNodeBase) return null;
    return slot.shape === LineShape.Command ? slot : null;
  }

  all(): readonly LineNode[] {
    if (this.everything === undefined) {
      for (let i = 0; i < this.slots.length; i++) this.line(i);
      this.everything = this.slots as LineNode[];
    }
    return this.everything;
  }

  /** `:NAME POLICY`: the lexer reads a `:` word as a declaration only unquoted, so NAME is the word's rest as written. */
  private declaration(index: number, plan: LinePlan): ChainDeclaration {
    const { firstTokens, tokens } = this.source.lexed;
    const t = firstTokens[index] + plan.head;
    return new ChainDeclaration(this.source, index, this.source.text.slice(headNameStart(this.source.text, tokens.starts[t], tokens.ends[t]), tokens.ends[t]), plan);
  }

  private uncommand(index: number): LineNode {
    return this.source.lexed.lineKinds[index] === LineKind.Blank ? new BlankLine(this.source, index) : new CommentLine(this.source, index);
  }

  /** The table a command line is in: the last one opened before it (a command outside a table is an invalid line). */
  private tableOf(index: number): Table {
    const tables = this.tables;
    if (this.form === "rules") return tables[0];
    let low = 0;
    let high = tables.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (tables[mid].header!.index < index) low = mid;
      else high = mid - 1;
    }
    return tables[low];
  }
}

class DocumentBuilder {
  readonly slots: (LineNode | LinePlan | null)[] = [];
  readonly openQuotes: SourceRange[] = [];
  readonly tables: Table[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly form: DocumentForm;
  private table: Table | null = null;
  private readonly lexed: LexedText;
  private readonly invalidLines = new Set<number>();

  constructor(private readonly source: Source) {
    this.lexed = source.lexed;
    this.form = hasTableHeader(this.lexed) ? "restore" : "rules";
    if (this.form === "rules") {
      this.table = new Table(null, null);
      this.tables.push(this.table);
    }
    for (const error of this.lexed.errors) {
      if (error.kind === LexErrorKind.UnterminatedQuote) {
        // iptables loads it: the rest of the line is one word (a rule's finding, not a syntax error).
        this.openQuotes.push({ start: error.start, end: error.end });
        continue;
      }
      this.invalidLines.add(error.line);
      this.report({ start: error.start, end: error.end }, lexErrorMessage(error, source.text));
    }
  }

  build(): void {
    const { lineCount, lineKinds } = this.lexed;
    for (let line = 0; line < lineCount; line++) {
      const kind = lineKinds[line] as LineKind;
      if (kind === LineKind.Words) this.wordsLine(line);
      else this.slots.push(null);
    }
    if (this.form === "restore" && this.table !== null) {
      const end = this.source.text.length;
      this.missingCommit(this.table, { start: end, end });
    }
  }

  private wordsLine(line: number): void {
    const first = this.lexed.firstTokens[line];
    const count = this.lexed.firstTokens[line + 1] - first;
    if (this.invalidLines.has(line)) {
      this.slots.push(new InvalidLine(this.source, line));
      return;
    }
    const plan = planLine(this.lexed.tokens.codes, first, first + count);
    if (isLineError(plan)) {
      this.lineError(plan, new LineWords(this.source, first, count));
      this.slots.push(new InvalidLine(this.source, line));
      return;
    }
    switch (plan.shape) {
      case LineShape.Table:
        return this.tableLine(line, plan);
      case LineShape.Chain:
        return this.chainLine(line, first, plan);
      case LineShape.Commit:
        return this.commitLine(line);
      case LineShape.Command:
        return this.commandLine(line, first, plan);
    }
  }

  private tableLine(line: number, plan: LinePlan): void {
    const words = new LineWords(this.source, this.lexed.firstTokens[line], this.lexed.firstTokens[line + 1] - this.lexed.firstTokens[line]);
    const header = words.word(plan.head);
    const node = new TableHeaderLine(this.source, line, header, words.words(plan.extraStart, words.count));
    this.slots.push(node);
    if (node.name === "") this.report(header.range, "table name missing after `*`: expected a name such as `*filter`");
    if (this.table !== null) this.missingCommit(this.table, node.range);
    this.table = new Table(node.name, node);
    this.tables.push(this.table);
  }

  private chainLine(line: number, first: number, plan: LinePlan): void {
    // The node is made when first asked for (`Lines`): what is checked here is read from the tokens.
    this.slots.push(plan);
    const header = first + plan.head;
    const { starts, ends } = this.lexed.tokens;
    if (ends[header] - starts[header] === 1 || plan.policy === -1) {
      // The name is the rest of the (unquoted) `:NAME` word.
      const name = this.source.text.slice(headNameStart(this.source.text, starts[header], ends[header]), ends[header]);
      if (name === "") this.report(this.tokenRange(header), "chain name missing after `:`: expected `:CHAIN POLICY [packets:bytes]`");
      // `:NAME [p:b]`: iptables-restore takes the counters for the policy; iptables-nft-restore
      // loads a user chain and iptables-legacy-restore refuses it, which is for a rule to say.
      if (plan.policy === -1 && plan.counters === -1) {
        this.report(
          this.tokenRange(header),
          `chain declaration without a policy: write \`:${name} - [0:0]\` for a user chain or ` +
            "give a built-in chain ACCEPT or DROP (iptables-restore: \"policy invalid\")",
        );
      }
    }
    if (plan.counters !== -1) this.checkCounters(first + plan.counters, "declaration", line);
    if (this.table === null || this.form === "rules") {
      const { lineStarts, contentEnds } = this.lexed;
      this.report({ start: lineStarts[line], end: contentEnds[line] }, "chain declaration outside a table: put it after a `*table` line such as `*filter`");
      return;
    }
    this.table.addChain(line);
  }

  private commitLine(line: number): void {
    const node = new CommitLine(this.source, line);
    if (node.text !== "COMMIT") {
      // iptables-restore compares the whole line with "COMMIT" and reads `COMMIT ` as a command.
      this.report(node.range, lineErrorMessage(LineErrorKind.TextAfterCommit, null));
      this.slots.push(new InvalidLine(this.source, line));
      return;
    }
    this.slots.push(node);
    if (this.table === null || this.form === "rules") {
      this.report(node.range, "COMMIT outside a table: there is no `*table` line open for it to commit");
      return;
    }
    this.table.commit = node;
    this.table = null;
  }

  private commandLine(line: number, first: number, plan: LinePlan): void {
    const codes = this.lexed.tokens.codes;
    if (plan.counters !== -1) this.checkCounters(first + plan.counters, "rule", line);
    if (plan.doubleBang !== -1) {
      // `! -s ! x`: iptables refuses it, and the AST has room for one `!` only.
      const node = new InvalidLine(this.source, line);
      this.report(this.tokenRange(first + plan.doubleBang), lineErrorMessage(LineErrorKind.MultipleBangs, null));
      this.slots.push(node);
      return;
    }
    if (plan.targetElements.length > 0 && this.targetError(first, plan)) {
      this.slots.push(new InvalidLine(this.source, line));
      return;
    }
    for (const option of plan.tableOptions) {
      this.report(
        this.tokenRange(first + option),
        "`-t` cannot be used on a line of a ruleset file: the table comes from the `*table` line " +
          "(iptables-restore refuses the file)",
      );
    }
    const table = this.table;
    if (table === null) {
      const node = new InvalidLine(this.source, line);
      this.report(node.range, "command outside a table: put it between a `*table` line (such as `*filter`) and its COMMIT");
      this.slots.push(node);
      return;
    }
    // The node is made when first asked for (`Lines`); the plan is all it needs.
    this.slots.push(plan);
    table.addCommand(line, codes[first + plan.head]);
  }

  /**
   * Reports what iptables says of a rule's targets, reading them in order as it does: a `-j` or
   * `-g` with no name ("option "-j" requires an argument"), then a second one ("multiple -j
   * flags not allowed"). Whether any was reported.
   */
  private targetError(first: number, plan: LinePlan): boolean {
    const { starts, ends } = this.lexed.tokens;
    for (let k = 0; k < plan.targetElements.length; k++) {
      const element = plan.targetElements[k] * 4;
      const token = first + plan.elements[element + 1];
      const option = decodeWord(this.source.text.slice(starts[token], ends[token]));
      // `--jump=NAME` names its target in the option word.
      const named = plan.elements[element + 3] > plan.elements[element + 1] + 1 || (option.startsWith("--") && option.includes("="));
      if (!named) {
        this.report(this.tokenRange(token), targetWithoutNameMessage(option));
        return true;
      }
      if (k > 0) {
        this.report(this.tokenRange(token), lineErrorMessage(LineErrorKind.MultipleTargets, this.source.text.slice(starts[token], ends[token])));
        return true;
      }
    }
    return false;
  }

  private tokenRange(token: number): SourceRange {
    return { start: this.lexed.tokens.starts[token], end: this.lexed.tokens.ends[token] };
  }

  /** Counters iptables-restore -c refuses: a declaration's word, or a rule line from its `[`. */
  private checkCounters(token: number, place: "rule" | "declaration", line: number): void {
    const { starts, ends } = this.lexed.tokens;
    const refused =
      place === "declaration"
        ? declarationCountersRefused(this.source.text, starts[token], ends[token])
        : ruleCountersRefused(this.source.text, starts[token], this.lexed.contentEnds[line]);
    if (refused) this.malformedCounters(this.tokenRange(token));
  }

  private lineError(error: LineError, words: LineWords): void {
    const at = error.token;
    const endOfLine = words.word(words.count - 1).range.end;
    const range = at < words.count ? words.word(at).range : { start: endOfLine, end: endOfLine };
    // A stray `!` is described by the word it fails to negate.
    const strayBang = error.error === LineErrorKind.BangWithoutOption || error.error === LineErrorKind.MultipleBangs;
    const shown = strayBang ? at + 1 : at;
    if (error.error === LineErrorKind.MultipleCommands) {
      let first = 0;
      while (first < at && !(words.code(first) >= TokenCode.Append && words.code(first) <= TokenCode.OtherCommand)) first++;
      this.report(range, secondCommandMessage(decodeWord(words.word(at).raw), decodeWord(words.word(first).raw)));
      return;
    }
    this.report(range, lineErrorMessage(error.error, shown < words.count ? words.word(shown).raw : null));
  }

  private missingCommit(table: Table, at: SourceRange): void {
    const opened = table.header ? ` (opened at line ${table.header.index + 1})` : "";
    this.report(at, `missing COMMIT for table ${quote(table.name ?? "")}${opened}: iptables-restore applies none of it ("COMMIT expected")`);
  }

  private malformedCounters(range: SourceRange): void {
    this.report(
      range,
      `malformed counters ${quote(this.source.text.slice(range.start, range.end))}: iptables-restore -c refuses all but \`[packets:bytes]\`, two whole numbers`,
    );
  }

  private report(range: SourceRange, message: string): void {
    this.diagnostics.push(syntaxError(this.source, range, message));
  }

}

function hasTableHeader(lexed: LexedText): boolean {
  const { firstTokens, tokens, lineKinds } = lexed;
  for (let line = 0; line < lexed.lineCount; line++) {
    if (lineKinds[line] === LineKind.Words && firstTokens[line + 1] > firstTokens[line]) {
      if (tokens.codes[firstTokens[line]] === TokenCode.TableHeader) return true;
    }
  }
  return false;
}
