/**
 * Generated rulesets for the model's tests, and what the model must say of them, worked out
 * here plainly from the AST (`table.chains`, `table.commands`, `line.command`, `line.chain`,
 * `line.positional`, `line.rule`): no code is shared with rules/model, so a mistake there is
 * not repeated here.
 *
 * The reference replays a table as iptables-restore reads it, line by line. Where iptables
 * refuses a line (a rule for a chain that does not exist, `-D` of one), the reference does what
 * the model documents: it goes on, and keeps what the line names.
 */
import fc from "fast-check";

import { parse, type ChainDeclaration, type CommandLine, type Document, type Table } from "../../../grammar/index.js";
import { BUILTIN_CHAINS, HOOKS, isKnownTarget, type Hook } from "../../../rules/netfilter/index.js";

// ---------------------------------------------------------------------------------------------
// Generation

export interface RuleSpec {
  /** The options before the target, as written ("" for none). */
  match: string;
  target: { kind: "jump" | "goto"; name: string } | null;
  /** Two blanks before the target instead of one: the same options, written otherwise. */
  wide: boolean;
  /** `[p:b]` before the command. */
  prefixCounters: boolean;
  /** `-c P B` at the end (tables that only append). */
  setCounters: boolean;
}

export type CommandSpec =
  | { kind: "declare"; chain: string; policy: string }
  | { kind: "new"; chain: string }
  | { kind: "policy"; chain: string; policy: string }
  | { kind: "append"; chain: string; rule: RuleSpec }
  | { kind: "insert"; chain: string; number: number | null; rule: RuleSpec }
  | { kind: "replace"; chain: string; number: number; rule: RuleSpec }
  | { kind: "delete"; chain: string; rule: RuleSpec }
  | { kind: "delete-number"; chain: string; number: number }
  | { kind: "flush"; chain: string | null }
  | { kind: "delete-chain"; chain: string | null }
  | { kind: "rename"; from: string; to: string }
  | { kind: "comment"; text: string };

export interface TableSpec {
  /** null: `iptables -S` output, with no `*table` line. */
  name: string | null;
  /** `:NAME POLICY` lines after the header. */
  declarations: { chain: string; policy: string }[];
  commands: CommandSpec[];
}

export interface RulesetSpec {
  header: string | null;
  tables: TableSpec[];
}

export interface GenerateOptions {
  /** Tables that insert, replace, delete, flush, delete and rename chains too. */
  rewrite: boolean;
  /** `iptables -S` output, restore files, or either. */
  form: "restore" | "rules" | "either";
  /** User chain names. */
  users: readonly string[];
  /** Jumps only from a user chain to a later one in `users` (no cycle through user chains). */
  acyclic: boolean;
  /** `:NAME -` lines among the commands, not only after the header. */
  lateDeclarations: boolean;
  minCommands: number;
  maxCommands: number;
  /** The options rules are made of: few, so that rules repeat. */
  matches: readonly string[];
}

export const DEFAULTS: GenerateOptions = {
  rewrite: false,
  form: "either",
  users: ["A", "B", "C", "D", "E"],
  acyclic: false,
  lateDeclarations: false,
  minCommands: 0,
  maxCommands: 30,
  matches: ["", "", "-s 10.0.0.1", "-p tcp --dport 22", "-m mark --mark 0x1/0x1", "-i eth0"],
};

const TABLES = ["filter", "nat", "mangle", "raw", "security"];
/** A name no line declares. */
export const MISSING = "NOPE";
/** Names a `-E` gives. */
const RENAMED = ["R1", "R2"];

/** The built-in chains of a table (of every table for `iptables -S` output). */
export const builtinsOf = (table: string | null): string[] =>
  table === null ? [...HOOKS] : [...BUILTIN_CHAINS[table]];

const TARGET_OPTIONS: Record<string, string> = {
  LOG: ' --log-prefix "x "',
  MARK: " --set-xmark 0x1/0xffffffff",
};

function ruleSpec(chain: string, names: { builtins: string[]; users: readonly string[]; hookLike: string[] }, o: GenerateOptions): fc.Arbitrary<RuleSpec> {
  const userTargets = o.acyclic && o.users.includes(chain) ? o.users.slice(o.users.indexOf(chain) + 1) : [...o.users, ...RENAMED];
  const targets = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("ACCEPT", "DROP", "RETURN", "LOG", "MARK") },
    { weight: userTargets.length ? 6 : 0, arbitrary: userTargets.length ? fc.constantFrom(...userTargets) : fc.constant("ACCEPT") },
    { weight: o.acyclic ? 0 : 1, arbitrary: fc.constantFrom(...names.builtins, ...names.hookLike) },
    { weight: o.acyclic ? 0 : 1, arbitrary: fc.constant(MISSING) },
  );
  return fc.record({
    match: fc.constantFrom(...o.matches),
    target: fc.option(fc.record({ kind: fc.constantFrom<"jump" | "goto">("jump", "jump", "jump", "goto"), name: targets }), { freq: 8 }),
    wide: fc.constantFrom(false, false, false, true),
    prefixCounters: fc.boolean(),
    setCounters: o.rewrite ? fc.constant(false) : fc.constantFrom(false, false, true),
  });
}

function tableSpec(name: string | null, o: GenerateOptions): fc.Arbitrary<TableSpec> {
  const builtins = builtinsOf(name);
  // A hook's name that is no built-in chain of this table is a user chain here.
  const hookLike = HOOKS.filter((h) => !builtins.includes(h)).slice(0, 1);
  const names = { builtins, users: o.users, hookLike };
  const chains = [...builtins, ...o.users];
  const anyChain = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...chains) }, { weight: 1, arbitrary: fc.constantFrom(MISSING, ...RENAMED, ...hookLike) });
  const userChain = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...o.users) }, { weight: 1, arbitrary: fc.constantFrom(...RENAMED, ...hookLike) });
  // One arbitrary per chain, made once: fast-check's chain() asks for it on every command.
  const rules = new Map<string, fc.Arbitrary<RuleSpec>>();
  const rule = (chain: string): fc.Arbitrary<RuleSpec> => {
    let found = rules.get(chain);
    if (found === undefined) rules.set(chain, (found = ruleSpec(chain, names, o)));
    return found;
  };
  const number = fc.integer({ min: 1, max: 3 });
  const command: fc.Arbitrary<CommandSpec> = fc.oneof(
    { weight: 14, arbitrary: anyChain.chain((chain) => rule(chain).map((r) => ({ kind: "append" as const, chain, rule: r }))) },
    { weight: 2, arbitrary: userChain.map((chain) => ({ kind: "new" as const, chain })) },
    { weight: 1, arbitrary: fc.record({ chain: fc.constantFrom(...builtins), policy: fc.constantFrom("ACCEPT", "DROP") }).map((r) => ({ kind: "policy" as const, ...r })) },
    { weight: 1, arbitrary: fc.constantFrom("# a comment", "#").map((text) => ({ kind: "comment" as const, text })) },
    { weight: o.lateDeclarations && name !== null ? 2 : 0, arbitrary: userChain.map((chain) => ({ kind: "declare" as const, chain, policy: "-" })) },
    { weight: o.rewrite ? 3 : 0, arbitrary: anyChain.chain((chain) => fc.tuple(fc.option(number), rule(chain)).map(([n, r]) => ({ kind: "insert" as const, chain, number: n, rule: r }))) },
    { weight: o.rewrite ? 2 : 0, arbitrary: anyChain.chain((chain) => fc.tuple(number, rule(chain)).map(([n, r]) => ({ kind: "replace" as const, chain, number: n, rule: r }))) },
    {
      weight: o.rewrite ? 2 : 0,
      // A rule to delete has options: `-D CHAIN` alone is no rule.
      arbitrary: anyChain.chain((chain) =>
        rule(chain).map((r) => ({ kind: "delete" as const, chain, rule: { ...r, prefixCounters: false, target: r.match || r.target ? r.target : { kind: "jump" as const, name: "ACCEPT" } } })),
      ),
    },
    { weight: o.rewrite ? 1 : 0, arbitrary: fc.tuple(anyChain, number).map(([chain, n]) => ({ kind: "delete-number" as const, chain, number: n })) },
    { weight: o.rewrite ? 1 : 0, arbitrary: fc.option(anyChain, { freq: 3 }).map((chain) => ({ kind: "flush" as const, chain })) },
    { weight: o.rewrite ? 1 : 0, arbitrary: fc.option(userChain, { freq: 4 }).map((chain) => ({ kind: "delete-chain" as const, chain })) },
    { weight: o.rewrite ? 1 : 0, arbitrary: fc.tuple(userChain, fc.constantFrom(...RENAMED, ...o.users)).map(([from, to]) => ({ kind: "rename" as const, from, to })) },
  );
  return fc.record({
    name: fc.constant(name),
    declarations:
      name === null
        ? fc.constant([])
        : fc.tuple(
            fc.subarray(builtins).chain((b) => fc.tuple(...b.map((chain) => fc.constantFrom("ACCEPT", "ACCEPT", "DROP").map((policy) => ({ chain, policy }))))),
            fc.subarray([...o.users]).map((u) => u.map((chain) => ({ chain, policy: "-" }))),
            // Now and then a chain declared twice.
            fc.option(fc.constantFrom(...chains).map((chain) => ({ chain, policy: builtins.includes(chain) ? "ACCEPT" : "-" })), { freq: 6 }),
          ).map(([b, u, again]) => [...b, ...u, ...(again ? [again] : [])]),
    commands: fc.tuple(
      // `iptables -S` prints a policy for each built-in chain of some tables: sometimes all.
      name === null ? fc.subarray(builtins) : fc.constant([]),
      fc.array(command, { minLength: o.minCommands, maxLength: o.maxCommands, size: "medium" }),
    ).map(([policies, commands]) => [...policies.map((chain) => ({ kind: "policy" as const, chain, policy: "ACCEPT" })), ...commands]),
  });
}

export function rulesetSpec(options: Partial<GenerateOptions> = {}): fc.Arbitrary<RulesetSpec> {
  const o = { ...DEFAULTS, ...options };
  const form = o.form === "either" ? fc.constantFrom<"restore" | "rules">("restore", "restore", "rules") : fc.constant(o.form);
  return form.chain((f) =>
    f === "rules"
      ? tableSpec(null, o)
          .filter((t) => t.commands.length > 0)
          .map((t) => ({ header: null, tables: [t] }))
      : fc.record({
          header: fc.constantFrom(null, "# Generated by iptables-save v1.8.9 on Mon Jan  1 00:00:00 2024"),
          tables: fc.uniqueArray(fc.constantFrom(...TABLES), { minLength: 1, maxLength: 2 }).chain((names) => fc.tuple(...names.map((n) => tableSpec(n, o)))),
        }),
  );
}

function ruleText(rule: RuleSpec): string {
  const parts: string[] = [];
  if (rule.match) parts.push(rule.match);
  if (rule.target) parts.push(`${rule.target.kind === "goto" ? "-g" : "-j"} ${rule.target.name}${TARGET_OPTIONS[rule.target.name] ?? ""}`);
  let text = parts.join(rule.wide ? "  " : " ");
  if (rule.setCounters) text += " -c 3 4";
  return text;
}

function commandText(c: CommandSpec): string {
  const rule = (head: string, r: RuleSpec) => `${r.prefixCounters ? "[1:2] " : ""}${head}${ruleText(r) ? ` ${ruleText(r)}` : ""}`;
  switch (c.kind) {
    case "declare":
      return `:${c.chain} ${c.policy} [0:0]`;
    case "new":
      return `-N ${c.chain}`;
    case "policy":
      return `-P ${c.chain} ${c.policy}`;
    case "append":
      return rule(`-A ${c.chain}`, c.rule);
    case "insert":
      return rule(`-I ${c.chain}${c.number === null ? "" : ` ${c.number}`}`, c.rule);
    case "replace":
      return rule(`-R ${c.chain} ${c.number}`, c.rule);
    case "delete":
      return rule(`-D ${c.chain}`, c.rule);
    case "delete-number":
      return `-D ${c.chain} ${c.number}`;
    case "flush":
      return c.chain === null ? "-F" : `-F ${c.chain}`;
    case "delete-chain":
      return c.chain === null ? "-X" : `-X ${c.chain}`;
    case "rename":
      return `-E ${c.from} ${c.to}`;
    case "comment":
      return c.text;
  }
}

export function rulesetText(spec: RulesetSpec): string {
  const lines: string[] = [];
  if (spec.header) lines.push(spec.header);
  for (const table of spec.tables) {
    if (table.name !== null) lines.push(`*${table.name}`);
    for (const d of table.declarations) lines.push(`:${d.chain} ${d.policy} [0:0]`);
    for (const c of table.commands) lines.push(commandText(c));
    if (table.name !== null) lines.push("COMMIT");
  }
  return lines.map((l) => `${l}\n`).join("");
}

export function parseSpec(spec: RulesetSpec, filePath?: string): Document {
  const document = parse(rulesetText(spec), { filePath });
  if (document.diagnostics.length > 0) throw new Error(`generated ruleset does not parse: ${document.diagnostics[0].message}\n${document.text}`);
  return document;
}

// ---------------------------------------------------------------------------------------------
// The reference: a table as iptables-restore reads it, from the AST.

export interface RefChain {
  name: string;
  /** Line numbers of its declarations since it was made (the first is in force for `Chain.declaration`). */
  declarations: number[];
  /** Its rules in kernel order (line numbers). */
  rules: number[];
}

export interface RefJump {
  line: number;
  name: string;
}

export interface Reference {
  table: Table;
  builtins: Set<string>;
  /** Line numbers, in file order. */
  missingChains: number[];
  missingJumps: RefJump[];
  builtinJumps: RefJump[];
  redeclarations: { line: number; previous: number | null }[];
  policyDeclarations: number[];
  policyCommands: number[];
  newChainCommands: number[];
  declarations: Map<string, number[]>;
  partial: boolean;
  appendOnly: boolean;
  deletesOrRenames: boolean;
  /** By line: the chain a command or declaration names; a rule's target. */
  chainOf: Map<number, string>;
  targetOf: Map<number, { kind: "jump" | "goto"; name: string }>;
  /** By line, for rule commands: the rule's text (after the command's arguments, without a trailing `-c P B`). */
  ruleText: Map<number, string>;
  /** The chains once the table is read. */
  chains: Map<string, RefChain>;
  /** `-R CHAIN n` lines beyond the chain's rules: iptables refuses them ("Index of replacement too big"). */
  replaceOutOfRange: number[];
}

/** Every declaration and command of a table, in file order. */
function tableLines(table: Table): (ChainDeclaration | CommandLine)[] {
  return [...table.chains, ...table.commands].sort((a, b) => a.index - b.index);
}

const RULE_COMMANDS = new Set(["append", "insert", "replace", "delete"]);

/** The text of a rule command after its arguments, without a trailing `-c P B`, trimmed. */
function ruleTextOf(line: CommandLine): string {
  const positional = line.positional;
  const start = positional.length ? positional[positional.length - 1].range.end : line.commandWord.range.end;
  const elements = line.elements;
  const last = elements[elements.length - 1];
  const end = last !== undefined && last.role === "counters" ? last.range.start : line.range.end;
  return line.source.text.slice(start, end).trim();
}

/** `-D CHAIN rule` deletes the first rule written with the same options. */
const sameOptions = (a: CommandLine, b: CommandLine): boolean =>
  a.elements.map((e) => e.text).join(" ") === b.elements.map((e) => e.text).join(" ");

export function reference(document: Document, table: Table): Reference {
  const builtins = new Set(builtinsOf(table.name));
  const ref: Reference = {
    table,
    builtins,
    missingChains: [],
    missingJumps: [],
    builtinJumps: [],
    redeclarations: [],
    policyDeclarations: [],
    policyCommands: [],
    newChainCommands: [],
    declarations: new Map(),
    partial: false,
    appendOnly: true,
    deletesOrRenames: false,
    chainOf: new Map(),
    targetOf: new Map(),
    ruleText: new Map(),
    chains: new Map(),
    replaceOutOfRange: [],
  };
  // What exists on each line: the declaration in force, or "builtin" for a built-in chain never declared.
  const exists = new Map<string, number | "builtin">([...builtins].map((b) => [b, "builtin"]));
  const givenPolicy = new Set<string>();
  const chain = (name: string): RefChain => {
    let c = ref.chains.get(name);
    if (c === undefined) ref.chains.set(name, (c = { name, declarations: [], rules: [] }));
    return c;
  };
  const declare = (name: string, line: number, isColon: boolean) => {
    const before = exists.get(name);
    if (before !== undefined && !(before === "builtin" && isColon)) {
      ref.redeclarations.push({ line, previous: before === "builtin" ? null : before });
    }
    exists.set(name, line);
    const list = ref.declarations.get(name);
    if (list) list.push(line);
    else ref.declarations.set(name, [line]);
    chain(name).declarations.push(line);
  };
  const missing = (line: CommandLine) => {
    if (line.chain !== null && !exists.has(line.chain)) ref.missingChains.push(line.index);
  };

  for (const line of tableLines(table)) {
    if (line.kind === "chain") {
      ref.chainOf.set(line.index, line.name);
      if (builtins.has(line.name)) givenPolicy.add(line.name);
      if (line.policy !== "-") ref.policyDeclarations.push(line.index);
      declare(line.name, line.index, true);
      continue;
    }
    const name = line.chain;
    if (name !== null) ref.chainOf.set(line.index, name);
    const kind = line.command;
    if (RULE_COMMANDS.has(kind)) {
      if (kind !== "append") ref.appendOnly = false;
      missing(line);
      ref.ruleText.set(line.index, ruleTextOf(line));
      const target = line.rule?.target ?? null;
      if (target !== null) {
        ref.targetOf.set(line.index, { kind: target.kind, name: target.name });
        if (kind !== "delete") {
          if (exists.has(target.name)) {
            if (builtins.has(target.name)) ref.builtinJumps.push({ line: line.index, name: target.name });
          } else if (!isKnownTarget(target.name) || target.kind === "goto") {
            // A goto names a chain, even when a target has the name (`-g LOG`: "goto 'LOG' is not a chain").
            ref.missingJumps.push({ line: line.index, name: target.name });
          }
        }
      }
      if (name === null) continue;
      const rules = chain(name).rules;
      const number = line.positional[1] === undefined ? null : Number(line.positional[1].value);
      if (kind === "append") rules.push(line.index);
      else if (kind === "insert") {
        // Beyond the end, iptables refuses it ("Index of insertion too big") and nothing changes.
        if (number === null) rules.unshift(line.index);
        else if (number <= rules.length + 1) rules.splice(number - 1, 0, line.index);
      } else if (kind === "replace") {
        if (number! > rules.length) ref.replaceOutOfRange.push(line.index);
        else rules[number! - 1] = line.index;
      } else if (number !== null) {
        // `-D CHAIN n`; beyond the end, iptables refuses it and nothing is deleted.
        if (number <= rules.length) rules.splice(number - 1, 1);
      } else {
        const at = rules.findIndex((r) => sameOptions(lineAt(table, r), line));
        if (at !== -1) rules.splice(at, 1);
      }
      continue;
    }
    switch (kind) {
      case "new-chain":
        ref.newChainCommands.push(line.index);
        if (name !== null) declare(name, line.index, false);
        break;
      case "policy":
        ref.policyCommands.push(line.index);
        if (name !== null && builtins.has(name)) givenPolicy.add(name);
        break;
      case "flush":
        ref.appendOnly = false;
        missing(line);
        if (name === null) for (const c of ref.chains.values()) c.rules = [];
        else chain(name).rules = [];
        break;
      case "delete-chain":
        ref.appendOnly = false;
        ref.deletesOrRenames = true;
        missing(line);
        if (name === null) {
          for (const n of [...exists.keys()]) if (!builtins.has(n)) exists.delete(n);
          for (const c of [...ref.chains.values()]) if (c.declarations.length > 0 && !builtins.has(c.name)) ref.chains.delete(c.name);
        } else if (!builtins.has(name)) {
          exists.delete(name);
          ref.chains.delete(name);
        }
        break;
      case "rename-chain": {
        ref.appendOnly = false;
        ref.deletesOrRenames = true;
        missing(line);
        const to = line.positional[1]?.value;
        if (name === null || to === undefined) break;
        const from = exists.get(name);
        if (typeof from === "number") {
          exists.delete(name);
          exists.set(to, from);
        }
        const renamed = ref.chains.get(name);
        if (renamed !== undefined) {
          ref.chains.delete(name);
          ref.chains.set(to, { ...renamed, name: to });
        }
        break;
      }
      default:
        missing(line);
    }
  }
  if (table.name !== null) ref.partial = givenPolicy.size === 0;
  else ref.partial = !Object.values(BUILTIN_CHAINS).some((names) => names.every((n) => givenPolicy.has(n)));
  return ref;
}

function lineAt(table: Table, index: number): CommandLine {
  return table.commands.find((c) => c.index === index)!;
}

// ---------------------------------------------------------------------------------------------
// The chain graph of the reference.

/** Whether a chain is a user chain: declared by `-N` or `:NAME -`, not built in. */
export function refIsUserChain(ref: Reference, document: Document, name: string): boolean {
  const c = ref.chains.get(name);
  if (c === undefined || c.declarations.length === 0 || ref.builtins.has(name)) return false;
  const first = document.line(c.declarations[0]);
  return first.kind === "command" || (first.kind === "chain" && first.policy === "-");
}

/** The declared chains that are not built in. */
export const refUserChains = (ref: Reference): string[] =>
  [...ref.chains.values()].filter((c) => c.declarations.length > 0 && !ref.builtins.has(c.name)).map((c) => c.name);

/** The names a chain's kept rules jump or go to. */
export function refTargets(ref: Reference, chain: string): string[] {
  return (ref.chains.get(chain)?.rules ?? []).flatMap((line) => {
    const t = ref.targetOf.get(line);
    return t ? [t.name] : [];
  });
}

/** The chains with a kept rule naming `chain` (itself left out). */
export function refCallers(ref: Reference, chain: string): string[] {
  return [...ref.chains.values()].filter((c) => c.name !== chain && refTargets(ref, c.name).includes(chain)).map((c) => c.name);
}

/**
 * The chains reached from `start` through jumps and gotos: breadth first, entering only chains
 * that exist and are neither targets iptables knows nor built in; with each chain's distance.
 */
export function refReach(ref: Reference, start: string): Map<string, number> {
  const known = reachCache.get(ref)?.get(start);
  if (known !== undefined) return known;
  const distance = new Map([[start, 0]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of refTargets(ref, queue[i])) {
      if (distance.has(next) || isKnownTarget(next) || ref.builtins.has(next) || !ref.chains.has(next)) continue;
      distance.set(next, distance.get(queue[i])! + 1);
      queue.push(next);
    }
  }
  if (!reachCache.has(ref)) reachCache.set(ref, new Map());
  reachCache.get(ref)!.set(start, distance);
  return distance;
}

const reachCache = new WeakMap<Reference, Map<string, Map<string, number>>>();

/** The table's hooks, in the kernel's order. */
export const refHooks = (ref: Reference): Hook[] => HOOKS.filter((h) => ref.builtins.has(h));

export function refReaches(ref: Reference, hook: Hook, chain: string): boolean {
  return ref.builtins.has(hook) && refReach(ref, hook).has(chain);
}

/** Whether some user chain reaches itself. */
export function refHasCycle(ref: Reference): boolean {
  return [...ref.chains.keys()].some((name) => !ref.builtins.has(name) && refTargets(ref, name).some((t) => t === name || (ref.chains.has(t) && !ref.builtins.has(t) && refReach(ref, t).has(name))));
}

/** Every name a table's lines use, and a few more. */
export function namesOf(ref: Reference): string[] {
  const names = new Set<string>([...ref.builtins, ...ref.chainOf.values(), ...[...ref.targetOf.values()].map((t) => t.name), ...ref.chains.keys(), MISSING, "A", "R1"]);
  return [...names];
}
