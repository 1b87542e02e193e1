/**
 * The chains of a table as iptables-restore would leave them: declarations (`:CHAIN`, `-N`)
 * and the rules that commands put in them, replaying `-A`, `-I`, `-R`, `-D`, `-F`, `-X` and
 * `-E` in file order. For iptables-save output this is simply the `-A` lines of each chain,
 * read from the table's replay (replay.ts) rather than from the lines again.
 */
import type { ChainDeclaration, CommandLine, Table } from "../../grammar/index.js";
import { ANY_PROTOCOL, builtinChains, normalizeProtocol, parseAddressList, PROTOCOL_NUMBERS } from "../netfilter/index.js";
import { RestoreStep, ruleTextOf, targetOf, type TableReplay } from "./replay.js";
import { IdSlots } from "./ids.js";
import { ruleKeyOfLine } from "./rule-key.js";
import { ruleProtocol } from "./rule-protocol.js";

export interface Chain {
  name: string;
  /** `:NAME ...` or `-N NAME`; null when the chain is only used. */
  declaration: ChainDeclaration | CommandLine | null;
  /** The rules in kernel order. */
  rules: CommandLine[];
}

/** The chains of a replayed table: from the replay's links when it only appends rules, else replayed command by command. */
export function chainMap(replay: TableReplay): ReadonlyMap<string, Chain> {
  return replay.appendOnly ? new AppendedChains(replay) : replayCommands(replay.table);
}

/** Commands after which a chain's rules are no longer its `-A` lines in file order. */
const REWRITING = ["insert", "replace", "delete", "flush", "delete-chain", "rename-chain"] as const;

/**
 * Whether a table's chains are its declarations and `-A` lines in file order (no command rewrites
 * them): the replay's `appendOnly`, known without replaying the table.
 */
export const appendsOnly = (table: Table): boolean => !REWRITING.some((kind) => table.uses(kind));

/**
 * A few chains of a table whose commands only declare chains and append rules, by name, read
 * from its commands without a replay: for reading some chains of a document nothing else
 * looks at (the fixed text of `fix --emit patch`). Names with no chain are left out.
 */
export function appendedChainsNamed(table: Table, names: ReadonlySet<string>): Map<string, Chain> {
  const found = new Map<string, Chain>();
  const chain = (name: string): Chain => {
    let c = found.get(name);
    if (c === undefined) found.set(name, (c = { name, declaration: null, rules: [] }));
    return c;
  };
  for (const declaration of table.chains) if (names.has(declaration.name)) chain(declaration.name).declaration ??= declaration;
  for (const command of table.commands) {
    if (command.chain === null || !names.has(command.chain)) continue;
    if (command.command === "append") chain(command.chain).rules.push(command);
    else if (command.command === "new-chain") chain(command.chain).declaration ??= command;
  }
  return found;
}

/**
 * The chains of a table whose commands only declare chains and append rules (every
 * iptables-save dump), read from the walk's per-line chain ids and links. A chain is made
 * when asked for: rules mostly look up a few chains by name, and making the 60,000 chains of
 * a kube-proxy dump costs more than all their other work. Listing them makes them all, in the
 * order `replayCommands` would: the `:NAME` declarations first, then the chains commands name.
 */
export class AppendedChains implements ReadonlyMap<string, Chain> {
  private readonly made = new IdSlots<Chain>();
  private all: Map<string, Chain> | undefined;

  constructor(private readonly replay: TableReplay) {}

  get(name: string): Chain | undefined {
    const id = this.replay.names.find(name);
    return id === -1 ? undefined : this.byId(id);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  get size(): number {
    return this.list().size;
  }

  forEach(callback: (value: Chain, key: string, map: ReadonlyMap<string, Chain>) => void, thisArg?: unknown): void {
    this.list().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, Chain]> {
    return this.list().entries();
  }

  keys(): MapIterator<string> {
    return this.list().keys();
  }

  values(): MapIterator<Chain> {
    return this.list().values();
  }

  [Symbol.iterator](): MapIterator<[string, Chain]> {
    return this.list().entries();
  }

  /** The chain with this id, or undefined when no line declares it or appends to it. */
  private byId(id: number): Chain | undefined {
    const made = this.made.get(id);
    if (made !== undefined) return made;
    const { replay: walk } = this;
    const declared = walk.declarationLine(id);
    const last = id < walk.lastRule.length ? walk.lastRule[id] : -1;
    if (declared === -1 && last === -1) return undefined;
    // Counted first: a list of its own length (one grown by push keeps room for 17, and most chains have two rules).
    let count = 0;
    for (let at = last; at !== -1; at = walk.previous[at]) count++;
    const rules = new Array<CommandLine>(count);
    for (let at = last; at !== -1; at = walk.previous[at]) rules[--count] = walk.lineAt(at);
    return this.made.set(id, new AppendedChain(walk.names.name(id), rules, walk, declared));
  }

  private list(): Map<string, Chain> {
    if (this.all === undefined) {
      const { steps: kinds, chainIds, span } = this.replay;
      const all = new Map<string, Chain>();
      const add = (id: number) => {
        const chain = this.byId(id);
        if (chain !== undefined && !all.has(chain.name)) all.set(chain.name, chain);
      };
      for (let at = 0; at < span; at++) if (kinds[at] === RestoreStep.Declaration) add(chainIds[at]);
      for (let at = 0; at < span; at++) {
        if ((kinds[at] === RestoreStep.Append || kinds[at] === RestoreStep.NewChain) && chainIds[at] !== -1) add(chainIds[at]);
      }
      this.all = all;
    }
    return this.all;
  }
}

/** A chain of an append-only table; its declaration's node is made when first asked for (the packet walk reads 30,000 chains' rules and no declaration). */
class AppendedChain implements Chain {
  private declared: ChainDeclaration | CommandLine | null | undefined;

  constructor(
    readonly name: string,
    readonly rules: CommandLine[],
    private readonly replay: TableReplay,
    /** The declaration's offset in the table, or -1. */
    private readonly at: number,
  ) {}

  get declaration(): ChainDeclaration | CommandLine | null {
    if (this.declared === undefined) this.declared = this.at === -1 ? null : (this.replay.lineAt(this.at) as unknown as ChainDeclaration | CommandLine);
    return this.declared;
  }
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

/**
 * The commands of a table that name a rule or place their chain surely does not have (see
 * `CommandWithoutItsRule`), in file order. A chain's rules are known from the start when the
 * table is restored whole (it declares its built-in chains: iptables-restore flushes the table
 * first, as the other rules assume), and in a fragment for `--noflush` from the line that
 * declares, creates or flushes the chain. A `-D CHAIN rule` that may be the same rule as one of
 * the chain's, written another way, leaves the chain's rules unknown from there.
 */
export function commandsWithoutTheirRule(replay: TableReplay): CommandWithoutItsRule[] {
  if (replay.appendOnly) return [];
  const found: CommandWithoutItsRule[] = [];
  replayCommands(replay.table, { wholeTable: !replay.partial, found });
  return found;
}

/** What `replayCommands` also tells when asked: the commands whose rule or place is surely missing. */
interface Checks {
  /** The table is restored whole: every chain starts empty. */
  wholeTable: boolean;
  found: CommandWithoutItsRule[];
}

/** The chains as the table's commands leave them, replayed in file order. */
function replayCommands(table: Table, checks?: Checks): Map<string, Chain> {
  const chains = new Map<string, Chain>();
  const builtins = builtinChains(table.name);
  // Whether a chain's rules are known, when checking: by default those of a whole table, else
  // as the chain's last declaration, creation, flush, deletion or unsure `-D` left them.
  let knownByDefault = checks?.wholeTable ?? false;
  const knownNow = new Map<string, boolean>();
  const isKnown = (name: string) => checks !== undefined && (knownNow.get(name) ?? knownByDefault);
  // A chain that does not exist is undeclared-chain's to report ("No chain/target/match by that name").
  const missing = (command: CommandLine, rules: readonly CommandLine[], byNumber: boolean) => {
    const name = command.chain!;
    if (isKnown(name) && (builtins.has(name) || chains.get(name)?.declaration != null)) checks!.found.push({ line: command, rulesBefore: rules.length, byNumber });
  };
  // Rules of one chain stand together in a dump: comparing with the last chain is cheaper
  // than a map lookup of a quarter of a million names.
  let last: Chain | undefined;
  const chain = (name: string): Chain => {
    if (last !== undefined && last.name === name) return last;
    let found = chains.get(name);
    if (found === undefined) chains.set(name, (found = { name, declaration: null, rules: [] }));
    return (last = found);
  };
  // Declarations and commands in file order: a `:NAME` after `-X` declares the chain again.
  const declarations = table.chains;
  let next = 0;
  for (const command of table.commands) {
    for (; next < declarations.length && declarations[next].index < command.index; next++) {
      chain(declarations[next].name).declaration ??= declarations[next];
      // `:NAME -` empties a user chain, under --noflush too; a built-in chain keeps its rules there.
      if (checks !== undefined && declarations[next].policy === "-") knownNow.set(declarations[next].name, true);
    }
    const name = command.chain;
    // A rule with an address list or a host name is as many rules as addresses (iptables makes
    // one of each): after it, its chain's rule count is the node's to tell.
    const spreads = checks !== undefined && name !== null && (command.command === "append" || command.command === "insert" || command.command === "replace") && addressesKey(command) === null;
    switch (command.command) {
      case "append":
        if (name !== null) chain(name).rules.push(command);
        break;
      // iptables refuses a rule number past the chain's end ("Index of insertion too big", of
      // replacement, of deletion) or not a positive number: such a line changes nothing here.
      case "insert": {
        if (name === null) break;
        const rules = chain(name).rules;
        const number = ruleNumber(command) ?? 1;
        if (number >= 1 && number <= rules.length + 1) rules.splice(number - 1, 0, command);
        else if (number > rules.length + 1) missing(command, rules, true);
        break;
      }
      case "replace": {
        if (name === null) break;
        const rules = chain(name).rules;
        const number = ruleNumber(command);
        if (number !== null && number >= 1 && number <= rules.length) rules[number - 1] = command;
        else if (number !== null && number > rules.length) missing(command, rules, true);
        break;
      }
      case "delete": {
        if (name === null) break;
        const rules = chain(name).rules;
        const number = ruleNumber(command);
        if (number !== null) {
          if (number >= 1 && number <= rules.length) rules.splice(number - 1, 1);
          else if (number > rules.length) missing(command, rules, true);
          break;
        }
        // The same words, or the same rule as iptables-save prints it (`-s 10.0.0.1` and `-s 10.0.0.1/32`).
        let at = rules.findIndex((rule) => sameRule(rule, command));
        if (at === -1) {
          const key = ruleKeyOf(command);
          at = rules.findIndex((rule) => ruleKeyOf(rule) === key);
        }
        if (at >= 0) rules.splice(at, 1);
        else if (rules.some((rule) => !surelyDifferent(rule, command))) knownNow.set(name, false);
        else missing(command, rules, false);
        break;
      }
      case "new-chain":
        if (name !== null) {
          chain(name).declaration ??= command;
          knownNow.set(name, true);
        }
        break;
      case "flush":
        for (const c of name === null ? chains.values() : [chain(name)]) c.rules.length = 0;
        if (name === null) {
          knownByDefault = true;
          knownNow.clear();
        } else knownNow.set(name, true);
        break;
      case "delete-chain":
        last = undefined;
        if (name !== null) {
          chains.delete(name);
          knownNow.set(name, false);
        } else {
          // `-X` alone deletes every user chain (a built-in chain declared `:INPUT -` is not one).
          for (const c of chains.values()) {
            if (!isUserChain(c) || builtins.has(c.name)) continue;
            chains.delete(c.name);
            knownNow.set(c.name, false);
          }
        }
        break;
      case "rename-chain": {
        last = undefined;
        const to = command.positional[1]?.value;
        const from = name === null ? undefined : chains.get(name);
        if (from && to) {
          chains.delete(from.name);
          chains.set(to, { ...from, name: to });
          knownNow.set(to, isKnown(from.name));
          knownNow.set(from.name, false);
        }
        break;
      }
    }
    if (spreads) knownNow.set(name, false);
  }
  for (; next < declarations.length; next++) chain(declarations[next].name).declaration ??= declarations[next];
  return chains;
}

/** Declared by `-N NAME` or `:NAME -` (built-in chains are declared with a policy). */
export function isUserChain(chain: Chain): boolean {
  const d = chain.declaration;
  return d !== null && (d.kind === "command" || d.policy === "-");
}

/**
 * Whether the kernel builds `name` into the table (`POSTROUTING` of nat): it is there whether or
 * not the file declares it, and `:NAME` under `iptables-restore --noflush` flushes only a user
 * chain, not a built-in one (iptables-restore.c; measured, both backends).
 */
export const isBuiltinChain = (table: string, name: string): boolean => builtinChains(table).has(name);

/**
 * The rule number after the chain (`-I CHAIN 2`): null when there is none, 0 when it is not a
 * positive whole number (iptables refuses it: "Invalid rule number"), which no chain has.
 */
function ruleNumber(command: CommandLine): number | null {
  const text = command.positional[1]?.value;
  if (text === undefined) return null;
  return /^[0-9]+$/.test(text) && Number(text) > 0 ? Number(text) : 0;
}

/** `-D CHAIN rule` deletes the first rule with the same options. */
function sameRule(a: CommandLine, b: CommandLine): boolean {
  const words = (c: CommandLine) => c.elements.map((e) => e.text).join(" ");
  return words(a) === words(b);
}

/** A rule as iptables-save prints it (rule-key.ts): the same key is the same rule. */
function ruleKeyOf(line: CommandLine): string {
  const lexed = line.source.lexed;
  const { start, end } = ruleTextOf(lexed, line.index);
  return ruleKeyOfLine(lexed, line.index, start, end);
}

/** The canonical names of the protocols `-p` reads without /etc/protocols' help, or Debian's. */
const KNOWN_PROTOCOLS = new Set(Object.keys(PROTOCOL_NUMBERS).map(normalizeProtocol));

/**
 * Whether two rules surely differ however they are written: another target, a goto against a
 * jump, another protocol that both name surely (`-p gre` and `-p 47` may be one), or other
 * addresses or interfaces that both give as numbers and names (`-d 127.0.0.0/8` against none;
 * a host name may be any address).
 */
function surelyDifferent(a: CommandLine, b: CommandLine): boolean {
  const ta = targetOf(a);
  const tb = targetOf(b);
  if ((ta?.name ?? null) !== (tb?.name ?? null) || (ta?.kind ?? null) !== (tb?.kind ?? null)) return true;
  const pa = protocolKey(a);
  const pb = protocolKey(b);
  if (pa !== null && pb !== null && pa !== pb) return true;
  const ga = addressesKey(a);
  const gb = addressesKey(b);
  return ga !== null && gb !== null && ga !== gb;
}

const GENERIC_KEYS: Readonly<Record<string, string>> = {
  "-s": "s", "--source": "s", "--src": "s", "-d": "d", "--destination": "d", "--dst": "d",
  "-i": "i", "--in-interface": "i", "-o": "o", "--out-interface": "o",
};

/**
 * The rule's `-s`, `-d`, `-i` and `-o` as a key: interfaces as written, an address as the
 * network iptables makes of it (an address under a zero mask is none); null when a value is a
 * name only the node resolves, or a list (iptables makes a rule of each).
 */
function addressesKey(line: CommandLine): string | null {
  const view = line.view;
  const parts: string[] = [];
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "generic") continue;
    const key = GENERIC_KEYS[view.name(i)];
    if (key === undefined) continue;
    const value = view.value(i);
    if (value === null) return null;
    const bang = view.negated(i) ? "!" : "";
    if (key === "i" || key === "o") {
      parts.push(`${bang}${key} ${value}`);
      continue;
    }
    const parsed = parseAddressList(value, value.includes(":") ? 6 : 4);
    if (parsed.kind !== "value" || parsed.value.length !== 1) return null;
    const network = parsed.value[0];
    if (network.prefix === 0 && bang === "") continue;
    parts.push(`${bang}${key} ${String(network.address)}/${String(network.mask)}`);
  }
  return parts.sort().join(" ");
}

/** The rule's protocol as a key (`!tcp`, `` for none or all), or null when only the node's /etc/protocols could tell it. */
function protocolKey(line: CommandLine): string | null {
  const protocol = ruleProtocol(line.view);
  if (protocol === null) return "";
  const name = ANY_PROTOCOL.has(protocol.name) ? "" : protocol.name;
  if (name !== "" && !KNOWN_PROTOCOLS.has(name)) return null;
  return `${protocol.negated ? "!" : ""}${name}`;
}
