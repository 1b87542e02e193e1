/**
 * The ruleset model: what a document's rules mean as iptables-restore reads them, built once per
 * document and asked by every rule (`context.model`). It owns every analysis shared by rules:
 * the restore replay of each table, its chains in kernel order, the chain graph, which hooks
 * reach each chain, the line index, the ruleset's family and backend. Each is made on first use.
 *
 * Storage stays fast (typed arrays by line offset, interned names) and stays inside: rules hold
 * the ids it hands out (line numbers, name ids) and ask with them.
 */
import { TokenCode, type ChainDeclaration, type CommandLine, type Document, type Table } from "../../grammar/index.js";
import { isKnownTable, type Hook } from "../netfilter/index.js";
import { appendedChainsNamed, appendsOnly, commandsWithoutTheirRule, isUserChain, type Chain, type CommandWithoutItsRule } from "./chains.js";
import { chainGraph, unreachedChains, type ChainGraph, type Reach } from "./graph.js";
import { HookReachability } from "./hooks.js";
import { NONE, type LineNo, type NameId, type None } from "./ids.js";
import { buildLineIndex, type LineIndex } from "./line-index.js";
import { backendOf, rulesetFamily, type Backend, type ConfiguredFamily, type FamilyEvidence } from "./origin.js";
import {
  documentNames,
  RestoreStep,
  TableReplay,
  targetOf,
  type Declaration,
  type DocumentNames,
  type MissingJump,
  type Redeclaration,
  type RuleText,
  type TargetRef,
} from "./replay.js";

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

  // What iptables-restore meets reading the table, line by line.
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
  declaredLater(name: string, line: { index: number }): Declaration | undefined;
  /** The first line that names this chain, as its chain or its jump target, where it does not exist. */
  firstMissingUse(name: string): CommandLine | undefined;

  // By line.
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

  // Names.
  nameOf(id: NameId): string;
  /** The id of a name the table uses, or NONE. */
  idOf(name: string): NameId | None;
  /** Whether a name starts with `prefix`, without making its string (for questions asked of every chain). */
  nameStartsWith(id: NameId, prefix: string): boolean;
  /** A name's length in UTF-16 code units. */
  nameLength(id: NameId): number;
  /** The longest chain or target name of the document, in UTF-16 code units, and whether some name is not ASCII. */
  nameStats(): { longest: number; nonAscii: boolean };
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

/** What the model is told rather than reads from the document. */
export interface ModelOptions {
  /** The family the user gave (`--family`, the configuration's `family`), which wins over what the file says. */
  family?: ConfiguredFamily;
}

const models = new WeakMap<Document, DocumentModel>();

/**
 * The document's model, made on first use and kept: every rule of a run asks the same one.
 * Asked with other options than the kept model's, a new one is made (and kept); asked without
 * options, the kept one is given whatever its options.
 */
export function modelOf(document: Document, options?: ModelOptions): RulesetModel {
  let model = models.get(document);
  if (model === undefined || (options !== undefined && !sameOptions(model.options, options))) {
    models.set(document, (model = new DocumentModel(document, options ?? {})));
  }
  return model;
}

const sameOptions = (a: ModelOptions, b: ModelOptions): boolean => a.family?.family === b.family?.family && a.family?.because === b.family?.because;

class DocumentModel implements RulesetModel {
  private index: LineIndex | undefined;
  private names: DocumentNames | undefined;
  private readonly byTable = new Map<Table, TableModelImpl>();
  private known: TableModelImpl[] | undefined;
  private familyFound: FamilyEvidence | null | undefined;
  private backendFound: Backend | null | undefined;
  private skipped: readonly LineNo[] | undefined;

  constructor(
    readonly document: Document,
    readonly options: ModelOptions,
  ) {}

  get lines(): LineIndex {
    return (this.index ??= buildLineIndex(this.document));
  }

  tables(): readonly TableModel[] {
    return (this.known ??= this.document.tables.filter((table) => isKnownTable(table.name)).map((table) => this.modelOfTable(table)));
  }

  tableOf(table: Table): TableModel | undefined {
    return this.byTable.get(table) ?? (this.document.tables.includes(table) ? this.modelOfTable(table) : undefined);
  }

  family(): FamilyEvidence | null {
    if (this.familyFound === undefined) this.familyFound = rulesetFamily(this.document, () => this.lines.addressCounts, this.options.family);
    return this.familyFound;
  }

  backend(): Backend | null {
    if (this.backendFound === undefined) this.backendFound = backendOf(this.document);
    return this.backendFound;
  }

  skippedLines(): readonly LineNo[] {
    if (this.skipped === undefined) {
      // Most rulesets have no `-4` or `-6` line: then the family is not needed, nor the line index
      // (a packet trace needs none; a lint has built it already, and asks it).
      const flagged = this.index !== undefined || mayGiveAFamily(this.document) ? this.lines.linesWith({ options: ["-4", "--ipv4", "-6", "--ipv6"] }) : [];
      const family = flagged.length === 0 ? null : (this.family()?.family ?? null);
      const other = family === 4 ? (["-6", "--ipv6"] as const) : (["-4", "--ipv4"] as const);
      this.skipped = family === null ? [] : Array.from(flagged).filter((line) => other.some((o) => this.lines.uses(line, o)));
    }
    return this.skipped;
  }

  /** The chains of a table it has already replayed, or undefined. */
  replayedChains(table: Table): ChainSet | undefined {
    return this.byTable.get(table)?.chainsIfMade();
  }

  private modelOfTable(table: Table): TableModelImpl {
    let found = this.byTable.get(table);
    if (found === undefined) {
      this.names ??= documentNames(this.document);
      this.byTable.set(table, (found = new TableModelImpl(this.document, table, this.names, this.skippedLines())));
    }
    return found;
  }
}

/**
 * Whether some option word of the document has a 4 or a 6: every spelling of `-4`, `-6`,
 * `--ipv4` and `--ipv6` the line index finds has one (quoted, or with `=value`), so without
 * one no line gives a family. A scan of the token codes, not the line index's reading of every line:
 * a plain word has its digit last, so only a word ending in a quote, or any word of a text with
 * a `=`, is read whole.
 */
function mayGiveAFamily(document: Document): boolean {
  const { text, tokens } = document.source.lexed;
  const { codes, starts, ends, count } = tokens;
  const equals = text.indexOf("=") !== -1;
  for (let t = 0; t < count; t++) {
    const code = codes[t];
    if (code !== TokenCode.GenericOption && code !== TokenCode.ModuleOption) continue;
    const end = ends[t];
    const last = text.charCodeAt(end - 1);
    if (last === 0x34 /* 4 */ || last === 0x36 /* 6 */) return true;
    if (!equals && last !== 0x22 /* " */) continue;
    for (let i = starts[t]; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x34 /* 4 */ || c === 0x36 /* 6 */) return true;
    }
  }
  return false;
}

class TableModelImpl implements TableModel {
  private readonly replay: TableReplay;
  private graph: ChainGraph | undefined;
  private chainSet: ChainSet | undefined;
  private hookReach: HookReachability | undefined;
  private withoutTheirRule: readonly CommandWithoutItsRule[] | undefined;

  constructor(
    private readonly document: Document,
    readonly table: Table,
    names: DocumentNames,
    skipped: readonly LineNo[],
  ) {
    this.replay = new TableReplay(document, table, names, skipped);
  }

  get builtins(): ReadonlySet<string> {
    return this.replay.builtins;
  }
  get partial(): boolean {
    return this.replay.partial;
  }
  get appendOnly(): boolean {
    return this.replay.appendOnly;
  }
  get deletesOrRenames(): boolean {
    return this.replay.deletesOrRenames;
  }
  get missingChains(): readonly CommandLine[] {
    return this.replay.missingChains;
  }
  get missingJumps(): readonly MissingJump[] {
    return this.replay.missingJumps;
  }
  get builtinJumps(): readonly MissingJump[] {
    return this.replay.builtinJumps;
  }
  get redeclarations(): readonly Redeclaration[] {
    return this.replay.redeclarations;
  }
  commandsWithoutTheirRule(): readonly CommandWithoutItsRule[] {
    return (this.withoutTheirRule ??= commandsWithoutTheirRule(this.replay));
  }
  get policyDeclarations(): readonly ChainDeclaration[] {
    return this.replay.policyDeclarations;
  }
  get policyCommands(): readonly CommandLine[] {
    return this.replay.policyCommands;
  }
  get newChainCommands(): readonly CommandLine[] {
    return this.replay.newChainCommands;
  }

  declarationsOf(name: string): readonly Declaration[] {
    return this.replay.declarationsOf(name);
  }
  declaredNames(): string[] {
    return this.replay.declaredNames();
  }
  declaredLater(name: string, line: { index: number }): Declaration | undefined {
    return this.replay.declarationsOf(name).find((d) => d.index > line.index);
  }
  firstMissingUse(name: string): CommandLine | undefined {
    return this.replay.firstMissingUse(name);
  }

  stepOf(line: LineNo): RestoreStep {
    const at = this.replay.offsetOf(line);
    return at === -1 ? RestoreStep.None : (this.replay.steps[at] as RestoreStep);
  }
  chainOf(line: LineNo): NameId | None {
    const at = this.replay.offsetOf(line);
    return at === -1 ? NONE : (this.replay.chainIds[at] as NameId | None);
  }
  targetOf(line: LineNo): NameId | None {
    const at = this.replay.offsetOf(line);
    return at === -1 ? NONE : (this.replay.targetIds[at] as NameId | None);
  }
  isGoto(line: LineNo): boolean {
    const at = this.replay.offsetOf(line);
    return at !== -1 && this.replay.gotos[at] === 1;
  }
  target(line: CommandLine): TargetRef | null {
    return this.targetOf(line.index as LineNo) === NONE ? null : targetOf(line);
  }
  targetName(line: LineNo): string | undefined {
    const id = this.targetOf(line);
    return id === NONE ? undefined : this.replay.names.name(id);
  }
  ruleText(line: LineNo): RuleText {
    return this.replay.ruleText(line - this.replay.base);
  }
  ruleLinesOf(chain: NameId): LineNo[] {
    const { lastRule, previous, base } = this.replay;
    const lines: LineNo[] = [];
    if (chain >= 0 && chain < lastRule.length) for (let at = lastRule[chain]; at !== -1; at = previous[at]) lines.push((base + at) as LineNo);
    return lines.reverse();
  }

  linesTargeting(name: string): LineNo[] {
    const id = this.replay.names.find(name);
    const { targetIds, span, base } = this.replay;
    const lines: LineNo[] = [];
    if (id !== -1) for (let at = 0; at < span; at++) if (targetIds[at] === id) lines.push((base + at) as LineNo);
    return lines;
  }

  nameOf(id: NameId): string {
    return this.replay.names.name(id);
  }
  idOf(name: string): NameId | None {
    return this.replay.names.find(name) as NameId | None;
  }
  nameStartsWith(id: NameId, prefix: string): boolean {
    return this.replay.names.startsWith(id, prefix);
  }
  nameLength(id: NameId): number {
    return this.replay.names.length(id);
  }
  nameStats(): { longest: number; nonAscii: boolean } {
    return { longest: this.replay.names.maxLength, nonAscii: this.replay.names.nonAscii };
  }
  isKnownTarget(id: NameId): boolean {
    return this.replay.isKnownTarget(id);
  }
  isBuiltin(id: NameId): boolean {
    return this.replay.isBuiltin(id);
  }

  get chains(): ChainSet {
    return (this.chainSet ??= new Chains(this.chainGraph()));
  }

  get hooks(): HookReach {
    return (this.hookReach ??= new HookReachability(this.chainGraph(), this.table.name));
  }

  chainsIfMade(): ChainSet | undefined {
    return this.chainSet;
  }

  private chainGraph(): ChainGraph {
    return (this.graph ??= chainGraph(this.replay));
  }
}

/** The public face of a table's chain graph. */
class Chains implements ChainSet {
  constructor(private readonly graph: ChainGraph) {}

  get(name: string): Chain | undefined {
    return this.graph.chains.get(name);
  }
  isUserChain(name: string): boolean {
    const id = this.graph.replay.names.find(name);
    if (id === -1 || this.graph.replay.isBuiltin(id) || !this.graph.exists(id)) return false;
    const chain = this.graph.chains.get(name);
    return chain !== undefined && isUserChain(chain);
  }
  exists(chain: NameId): boolean {
    return this.graph.exists(chain);
  }
  forEachRule(visit: (line: LineNo, chain: NameId) => void): void {
    this.graph.forEachRule(visit as (line: number, chain: number) => void);
  }
  ruleCount(chain: NameId): number {
    return this.graph.ruleCount(chain);
  }
  rulesOf(chain: NameId): LineNo[] {
    return this.graph.rulesOf(chain) as LineNo[];
  }
  previousRule(line: LineNo): LineNo | None {
    return this.graph.previousRule(line) as LineNo | None;
  }
  keeps(line: LineNo): boolean {
    return this.graph.keeps(line);
  }
  userChains(): readonly NameId[] {
    return this.graph.userChains as readonly NameId[];
  }
  callers(chain: NameId): readonly NameId[] {
    return this.graph.callers(chain) as readonly NameId[];
  }
  unreached(isRoot: (name: string) => boolean): Reach {
    return unreachedChains(this.graph, isRoot);
  }
  repeatedRules(): readonly RepeatedRule[] {
    return this.graph.repeats() as readonly RepeatedRule[];
  }
}

/**
 * A few chains of a table, by name, as the model's chains give them: without replaying the
 * table when it only appends rules and nothing has replayed it yet (the fixed text of
 * `fix --emit patch`, of which a few chains are read). Names with no chain are left out.
 */
export function chainsNamed(document: Document, table: Table, names: ReadonlySet<string>): Map<string, Chain> {
  const model = modelOf(document) as DocumentModel;
  const made = model.replayedChains(table);
  if (made === undefined && appendsOnly(table)) return appendedChainsNamed(table, names);
  const chains = made ?? model.tableOf(table)?.chains;
  const found = new Map<string, Chain>();
  for (const name of names) {
    const chain = chains?.get(name);
    if (chain) found.set(name, chain);
  }
  return found;
}

/** Whether `name` is a chain of the line's table: a jump to it takes no options of its own, so getopt gives the words after it to the matches. */
export function isChainOfLine(model: RulesetModel, line: CommandLine, name: string): boolean {
  const table = model.tableOf(line.table);
  if (table === undefined) return false;
  const id = table.idOf(name);
  return id !== NONE && table.chains.exists(id);
}
