/**
 * The grammar of one ruleset line, as a Chevrotain parser.
 *
 *   line        := tableLine | chainLine | commitLine | commandLine
 *   tableLine   := TableHeader AnyWord*
 *   chainLine   := ChainDecl AnyValue? Counters? AnyWord*
 *   commitLine  := Commit
 *   commandLine := Counters? element* AnyCommand AnyValue* (element | AnyCommand AnyValue*)*
 *   element     := Bang? AnyRuleOption (Bang &AnyValue)? AnyValue*
 *
 * iptables reads a line's options in any order (getopt), so the command may come after
 * options (`-p tcp -A FORWARD --dport 22`); its positional arguments follow it. A line has one
 * command: a second is refused ("Cannot use -F with -A") but for `-Z` with `-L` or `-S`, which
 * the plan tells apart; a line with none is refused too ("no command specified").
 *
 * It is a super grammar: any option may take any number of values, so an unknown match or
 * target option never fails to parse; which module owns an option is decided by the AST
 * builder and what an option means by the lint rules. The late `Bang` is the intrapositioned
 * negation of iptables <= 1.4.3 (`-s ! 10.0.0.0/8`), kept so a rule can flag it.
 *
 * iptables-restore ignores words after a table name or a chain declaration, so the grammar
 * keeps them (as `extra`) for a rule to flag rather than failing.
 *
 * Lines are independent (iptables-restore reads line by line), so a syntax error never
 * affects the next line. Parsing depends only on the line's sequence of token types, which
 * lets `plan.ts` parse each distinct sequence once.
 */
import type { CstNode, IToken, TokenType } from "chevrotain";
import { CstParser, EOF, tokenMatcher } from "./chevrotain.js";
import {
  AnyCommand,
  AnyRuleOption,
  AnyValue,
  AnyWord,
  Bang,
  ChainDecl,
  Commit,
  Counters,
  TableHeader,
  allTokenTypes,
} from "./tokens.js";

class LineParser extends CstParser {
  constructor() {
    super([...allTokenTypes], {
      // One token of lookahead everywhere but the late `!`, which needs two.
      maxLookahead: 2,
      recoveryEnabled: false,
      // Validations cost start-up time on every run; tests turn them on.
      skipValidations: process.env.IPTLINT_DEV !== "1",
    });
    this.performSelfAnalysis();
  }

  public line = this.RULE("line", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.tableLine) },
      { ALT: () => this.SUBRULE(this.chainLine) },
      { ALT: () => this.SUBRULE(this.commitLine) },
      { ALT: () => this.SUBRULE(this.commandLine) },
    ]);
  });

  private tableLine = this.RULE("tableLine", () => {
    this.CONSUME(TableHeader);
    this.MANY(() => this.CONSUME(AnyWord, { LABEL: "extra" }));
  });

  private chainLine = this.RULE("chainLine", () => {
    this.CONSUME(ChainDecl);
    this.OPTION(() => this.CONSUME(AnyValue, { LABEL: "policy" }));
    this.OPTION2(() => this.CONSUME(Counters));
    this.MANY(() => this.CONSUME(AnyWord, { LABEL: "extra" }));
  });

  private commitLine = this.RULE("commitLine", () => {
    this.CONSUME(Commit);
  });

  private commandLine = this.RULE("commandLine", () => {
    this.OPTION(() => this.CONSUME(Counters));
    this.MANY(() => this.SUBRULE(this.element));
    this.CONSUME(AnyCommand);
    this.MANY2(() => this.CONSUME(AnyValue, { LABEL: "positional" }));
    this.MANY3(() =>
      this.OR([
        { ALT: () => this.SUBRULE2(this.element) },
        // A second command, which iptables refuses but for `-Z` with `-L` or `-S`: the plan decides.
        {
          ALT: () => {
            this.CONSUME2(AnyCommand, { LABEL: "extraCommand" });
            this.MANY4(() => this.CONSUME2(AnyValue, { LABEL: "extraPositional" }));
          },
        },
      ]),
    );
  });

  private element = this.RULE("element", () => {
    this.OPTION(() => this.CONSUME(Bang, { LABEL: "bang" }));
    this.CONSUME(AnyRuleOption);
    this.OPTION2({
      GATE: () => tokenMatcher(this.LA(2), AnyValue),
      DEF: () => this.CONSUME2(Bang, { LABEL: "lateBang" }),
    });
    this.MANY(() => this.CONSUME(AnyValue, { LABEL: "value" }));
  });
}

/** The parser is stateful and costly to build: one instance serves every parse. */
let parser: LineParser | undefined;

export interface LineParseResult {
  cst: CstNode | undefined;
  /** Index of the token where parsing failed (the token count for end of line), or -1. */
  errorToken: number;
  /** The Chevrotain exception name, for the message: mismatch, no viable alternative, ... */
  errorName: string | null;
}

/** Parses one line given its token types. */
export function parseLine(types: readonly TokenType[]): LineParseResult {
  parser ??= new LineParser();
  const tokens: IToken[] = types.map((tokenType, index) => ({
    image: tokenType.name,
    startOffset: index,
    endOffset: index,
    tokenType,
    tokenTypeIdx: tokenType.tokenTypeIdx!,
  }));
  parser.input = tokens;
  const cst = parser.line();
  const error = parser.errors[0];
  if (!error) return { cst, errorToken: -1, errorName: null };
  const at = error.token.tokenType === EOF ? types.length : error.token.startOffset;
  return { cst: undefined, errorToken: at, errorName: error.name };
}
