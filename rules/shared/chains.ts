/**
 * The chains of a table as iptables-restore would leave them: declarations (`:CHAIN`, `-N`)
 * and the rules that commands put in them, replaying `-A`, `-I`, `-R`, `-D`, `-F`, `-X` and
 * `-E` in file order. For iptables-save output this is simply the `-A` lines of each chain.
 */
import type { ChainDeclaration, CommandLine, Table } from "../../grammar/index.js";

export interface Chain {
  name: string;
  /** `:NAME ...` or `-N NAME`; null when the chain is only used. */
  declaration: ChainDeclaration | CommandLine | null;
  /** The rules in kernel order. */
  rules: CommandLine[];
}

/** Computed once per table: several rules and the fixer ask for the same chains. */
const cache = new WeakMap<Table, ReadonlyMap<string, Chain>>();

export function chainsOf(table: Table): ReadonlyMap<string, Chain> {
  let chains = cache.get(table);
  if (chains === undefined) cache.set(table, (chains = replay(table)));
  return chains;
}

function replay(table: Table): Map<string, Chain> {
  const chains = new Map<string, Chain>();
  // Rules of one chain stand together in a dump: comparing with the last chain is cheaper
  // than a map lookup of a quarter of a million names.
  let last: Chain | undefined;
  const chain = (name: string): Chain => {
    if (last !== undefined && last.name === name) return last;
    let found = chains.get(name);
    if (found === undefined) chains.set(name, (found = { name, declaration: null, rules: [] }));
    return (last = found);
  };
  for (const declaration of table.chains) chain(declaration.name).declaration ??= declaration;

  for (const command of table.commands) {
    const name = command.chain;
    switch (command.command) {
      case "append":
        if (name !== null) chain(name).rules.push(command);
        break;
      case "insert":
        if (name !== null) chain(name).rules.splice(ruleNumber(command, 1) - 1, 0, command);
        break;
      case "replace":
        if (name !== null) chain(name).rules[ruleNumber(command, 1) - 1] = command;
        break;
      case "delete": {
        if (name === null) break;
        const rules = chain(name).rules;
        const number = ruleNumber(command, 0);
        const at = number > 0 ? number - 1 : rules.findIndex((rule) => sameRule(rule, command));
        if (at >= 0) rules.splice(at, 1);
        break;
      }
      case "new-chain":
        if (name !== null) chain(name).declaration ??= command;
        break;
      case "flush":
        for (const c of name === null ? chains.values() : [chain(name)]) c.rules.length = 0;
        break;
      case "delete-chain":
        last = undefined;
        if (name !== null) {
          chains.delete(name);
        } else {
          // `-X` alone deletes every user chain.
          for (const c of chains.values()) if (isUserChain(c)) chains.delete(c.name);
        }
        break;
      case "rename-chain": {
        last = undefined;
        const to = command.positional[1]?.value;
        const from = name === null ? undefined : chains.get(name);
        if (from && to) {
          chains.delete(from.name);
          chains.set(to, { ...from, name: to });
        }
        break;
      }
    }
  }
  return chains;
}

/** Declared by `-N NAME` or `:NAME -` (built-in chains are declared with a policy). */
export function isUserChain(chain: Chain): boolean {
  const d = chain.declaration;
  return d !== null && (d.kind === "command" || d.policy === "-");
}

/** The rule number after the chain (`-I CHAIN 2`), or `fallback` when there is none. */
function ruleNumber(command: CommandLine, fallback: number): number {
  const text = command.positional[1]?.value;
  const n = text === undefined ? NaN : Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** `-D CHAIN rule` deletes the first rule with the same options. */
function sameRule(a: CommandLine, b: CommandLine): boolean {
  const words = (c: CommandLine) => c.elements.map((e) => e.text).join(" ");
  return words(a) === words(b);
}
