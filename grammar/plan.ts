/**
 * Line plans: what the parser made of a sequence of token types, in a compact form that the
 * AST builder applies to any line with that sequence.
 *
 * The grammar is context free over token types and lines are independent, so two lines with
 * the same sequence parse the same way. A kube-proxy dump has a quarter of a million lines
 * but a few dozen distinct sequences: each is parsed by Chevrotain once and cached here.
 */
import type { CstNode, IToken } from "chevrotain";
import { parseLine } from "./parser.js";
import { isRuleOptionCode, TokenCode, tokenTypeOf } from "./tokens.js";

export const enum LineShape {
  Table,
  Chain,
  Commit,
  Command,
}

/** Why a line did not parse; the message is written by `diagnostics.ts`. */
export const enum LineErrorKind {
  /** The line does not start with a command, table, chain declaration or COMMIT. */
  NotACommand,
  /** `[p:b]` with nothing after it, or not followed by a command. */
  NoCommandAfterCounters,
  /** `!` followed by another `!`. */
  MultipleBangs,
  /** `!` followed by a value or by nothing. */
  BangWithoutOption,
  /** Anything after COMMIT. */
  TextAfterCommit,
  /** A second `-j` or `-g`: iptables takes one target ("multiple -j flags not allowed"). */
  MultipleTargets,
  /** `!` before the command: iptables says "unexpected '!' flag". */
  BangBeforeCommand,
  /** Options and no command: iptables says "no command specified". */
  NoCommand,
  /** A second command: iptables says "Cannot use -A with -A". */
  MultipleCommands,
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

export interface LineError {
  error: LineErrorKind;
  /** Token index where the line went wrong (the token count for end of line). */
  token: number;
}

export type PlanResult = LinePlan | LineError;

export const isLineError = (result: PlanResult): result is LineError => "error" in result;

/** Bounded so that junk input, where every line differs, cannot grow it without end. */
const MAX_CACHED_PLANS = 20_000;

interface CachedPlan {
  codes: Uint8Array;
  plan: PlanResult;
}

/** Plans by a hash of their token codes; entries with the same hash are told apart by their codes. */
const cache = new Map<number, CachedPlan[]>();
let cachedCount = 0;

/** The plan for the tokens `from .. to - 1` whose codes are in `codes`. */
export function planLine(codes: Uint8Array, from: number, to: number): PlanResult {
  // Hashing in place allocates nothing: this runs for every line of a dump.
  let hash = to - from;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + codes[i]) | 0;
  let bucket = cache.get(hash);
  if (bucket !== undefined) {
    for (const entry of bucket) {
      if (sameCodes(entry.codes, codes, from, to)) return entry.plan;
    }
  }
  const lineCodes = codes.slice(from, to);
  const plan = computePlan(lineCodes);
  if (cachedCount >= MAX_CACHED_PLANS) {
    cache.clear();
    cachedCount = 0;
    bucket = undefined;
  }
  if (bucket === undefined) cache.set(hash, (bucket = []));
  bucket.push({ codes: lineCodes, plan });
  cachedCount++;
  return plan;
}

function sameCodes(cached: Uint8Array, codes: Uint8Array, from: number, to: number): boolean {
  if (cached.length !== to - from) return false;
  for (let i = from; i < to; i++) if (cached[i - from] !== codes[i]) return false;
  return true;
}

function computePlan(codes: Uint8Array): PlanResult {
  const result = parseLine(Array.from(codes, (code) => tokenTypeOf[code]));
  if (result.cst === undefined) return classifyError(codes, result.errorToken);
  const line = firstChild(result.cst);
  const children = line.children;
  switch (line.name) {
    case "tableLine":
      return simplePlan(LineShape.Table, codes.length, children.extra);
    case "commitLine":
      return simplePlan(LineShape.Commit, codes.length);
    case "chainLine": {
      const plan = simplePlan(LineShape.Chain, codes.length, children.extra);
      plan.policy = indexOf(children.policy);
      plan.counters = indexOf(children.Counters);
      return plan;
    }
    default:
      return commandPlan(children, codes);
  }
}

function simplePlan(shape: LineShape, count: number, extra?: unknown[]): LinePlan {
  return {
    shape,
    head: 0,
    counters: -1,
    policy: -1,
    positionalEnd: -1,
    extraStart: extra ? indexOf(extra) : count,
    elements: new Int32Array(0),
    doubleBang: -1,
    tableOptions: [],
    targetElements: [],
  };
}

function commandPlan(children: CstNode["children"], codes: Uint8Array): PlanResult {
  const head = indexOf(children.AnyCommand);
  for (const extra of (children.extraCommand ?? []) as IToken[]) {
    // iptables combines `-Z` with `-L` or `-S` (OtherCommand, with `-C`, which it does not).
    const pair = [codes[head], codes[extra.startOffset]].sort().join();
    if (pair !== [TokenCode.Zero, TokenCode.OtherCommand].sort().join()) return { error: LineErrorKind.MultipleCommands, token: extra.startOffset };
  }
  const positional = (children.positional ?? []) as IToken[];
  const elementNodes = (children.element ?? []) as CstNode[];
  const elements = new Int32Array(elementNodes.length * 4);
  elementNodes.forEach((node, i) => {
    const c = node.children;
    const option = indexOf(c.AnyRuleOption);
    const lateBang = indexOf(c.lateBang);
    const values = (c.value ?? []) as IToken[];
    elements[i * 4] = indexOf(c.bang);
    elements[i * 4 + 1] = option;
    elements[i * 4 + 2] = lateBang;
    elements[i * 4 + 3] = values.length ? values[values.length - 1].startOffset + 1 : Math.max(option, lateBang) + 1;
  });
  return {
    shape: LineShape.Command,
    head,
    counters: indexOf(children.Counters),
    policy: -1,
    positionalEnd: positional.length ? positional[positional.length - 1].startOffset + 1 : head + 1,
    extraStart: codes.length,
    elements,
    doubleBang: doubleBangOf(elements),
    tableOptions: elementNodes.map((_, i) => elements[i * 4 + 1]).filter((option) => codes[option] === TokenCode.TableOption),
    targetElements: elementNodes.map((_, i) => i).filter((i) => isTargetCode(codes[elements[i * 4 + 1]])),
  };
}

const isTargetCode = (code: number): boolean => code === TokenCode.JumpOption || code === TokenCode.GotoOption;

function doubleBangOf(elements: Int32Array): number {
  for (let i = 0; i < elements.length; i += 4) if (elements[i] !== -1 && elements[i + 2] !== -1) return elements[i + 2];
  return -1;
}

function firstChild(node: CstNode): CstNode {
  return Object.values(node.children)[0][0] as CstNode;
}

/** Token index of the first token in a CST child list (the parser stores indexes as offsets). */
function indexOf(tokens: unknown[] | undefined): number {
  return tokens && tokens.length ? (tokens[0] as IToken).startOffset : -1;
}

/** Names what went wrong from where the parser stopped, and points at the token to blame. */
function classifyError(codes: Uint8Array, at: number): LineError {
  if (codes[0] === TokenCode.Commit) return { error: LineErrorKind.TextAfterCommit, token: at };
  // A stray `!`: the parser stops either at the `!` or just after it.
  const bang = at > 0 && codes[at - 1] === TokenCode.Bang ? at - 1 : codes[at] === TokenCode.Bang ? at : -1;
  if (bang !== -1 && codes[bang + 1] >= TokenCode.Append && codes[bang + 1] <= TokenCode.OtherCommand) return { error: LineErrorKind.BangBeforeCommand, token: bang };
  if (bang !== -1) {
    const error = codes[bang + 1] === TokenCode.Bang ? LineErrorKind.MultipleBangs : LineErrorKind.BangWithoutOption;
    return { error, token: bang };
  }
  const options = codes.findIndex(isRuleOptionCode);
  if (at === codes.length && options !== -1) return { error: LineErrorKind.NoCommand, token: options };
  if (codes[0] === TokenCode.Counters && at > 0) return { error: LineErrorKind.NoCommandAfterCounters, token: at };
  return { error: LineErrorKind.NotACommand, token: at };
}
