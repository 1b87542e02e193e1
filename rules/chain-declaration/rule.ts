/**
 * chain-declaration: chain declarations and policies iptables-restore refuses, or that load
 * differently on the two backends: a chain declared twice, a policy on a user chain, a
 * built-in chain the table does not have, a policy other than ACCEPT or DROP, a chain named
 * after a target. See README.md beside this file.
 */
import type { ChainDeclaration, CommandLine, Word } from "../../grammar/index.js";
import { declaredName, lineNo, NONE, type Declaration, type Redeclaration, type TableModel } from "../model/index.js";
import { isKnownTarget, NAT_DROP_REFUSED, POLICIES, STANDARD_TARGETS, tablesWithBuiltin } from "../netfilter/index.js";
import { lineOf, tableName, wholeLine } from "../report/index.js";
import type { Finding, Fix, RuleContext, RuleModule } from "../types.js";

const ID = "chain-declaration";

export const chainDeclaration: RuleModule = {
  id: ID,
  description:
    "a chain declared twice, a policy on a user chain, a built-in chain the table does not have, a policy other than ACCEPT or DROP, a chain named after a target",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const walk of context.model.tables()) {
      for (const declaration of walk.policyDeclarations) checkDeclaration(context, walk, declaration);
      for (const command of walk.policyCommands) checkPolicyCommand(context, walk, command);
      for (const command of walk.newChainCommands) checkNewChain(context, walk, command);
      for (const redeclaration of walk.redeclarations) checkRedeclaration(context, walk, redeclaration);
      checkDeclaredNames(context, walk);
    }
  },
};

const fix = (title: string, applicability: Fix["applicability"], edits: Fix["edits"]): Fix => ({ title, applicability, edits });

/** What a chain's name may not start with (`-N -X`: "chain name not allowed to start with `-'", measured). */
const REFUSED_STARTS = ["-", "!"];
const refusedStart = (name: string): boolean => REFUSED_STARTS.some((start) => name.startsWith(start));
const notAllowedToStart = (name: string): string => `chain name not allowed to start with \`${name[0]}'`;

// ---------------------------------------------------------------------------------------------
// `:NAME POLICY [p:b]`

function checkDeclaration(context: RuleContext, walk: TableModel, declaration: ChainDeclaration): void {
  const { name, policyWord } = declaration;
  const policy = declaration.policy;
  const line = declaration.index + 1;
  if (policyWord === null && name !== "" && declaration.counters !== null) return countersForPolicy(context, walk, declaration, line);
  if (policyWord === null || policy === null || name === "") return; // a syntax error already
  if (walk.builtins.has(name)) {
    if (policy === "-" || POLICIES.has(policy)) return;
    context.report(badPolicy(`\`:${name} ${policy}\``, policy, policyWord));
    return;
  }
  if (policy === "-") return;
  const elsewhere = walk.table.name === null ? [] : tablesWithBuiltin(name);
  const legacy = 'iptables-legacy-restore refuses it ("Bad built-in chain name")';
  if (elsewhere.length) {
    const unused = !isNamedAnywhere(walk, name, declaration);
    context.report({
      range: declaration.range,
      message: `\`:${name} ${policy}\` in ${walk.table.name}, which has no built-in ${name}: ${legacy}, iptables-nft makes an empty user chain`,
      fix: unused ? fix(`remove the declaration of ${name}, which ${walk.table.name} does not have`, "safe", [wholeLine(context.document, declaration)]) : undefined,
    });
    return;
  }
  context.report({
    range: policyWord.range,
    message: `\`:${name} ${policy}\` gives the user chain ${name} a policy: ${legacy}, iptables-nft ignores the policy`,
    fix: fix(`make ${name} a user chain without a policy`, "unsafe", [{ start: policyWord.range.start, end: policyWord.range.end, text: "-" }]),
  });
}

/**
 * `:NAME [p:b]`, no policy: iptables-restore reads the counters as the policy. iptables-nft-restore
 * loads a user chain (a built-in chain gets "Bad policy name"); iptables-legacy-restore refuses both.
 */
function countersForPolicy(context: RuleContext, walk: TableModel, declaration: ChainDeclaration, line: number): void {
  const { name } = declaration;
  const counters = declaration.counters!;
  const written = `\`:${name} ${counters.text}\``;
  const legacy = (why: string) => `"Can't set policy \`${counters.text}' on \`${name}' line ${line}: ${why}"`;
  if (walk.builtins.has(name)) {
    context.report({
      range: counters.range,
      message: `${written} has no policy, and both backends refuse the built-in chain ("Bad policy name")`,
    });
    return;
  }
  if (refusedStart(name)) {
    context.report({
      range: counters.range,
      message: `${written} has no policy and a name starting with \`${name[0]}\`: both backends refuse it (nft: "${notAllowedToStart(name)}")`,
    });
    return;
  }
  context.report({
    range: counters.range,
    message: `${written} has no policy: iptables-legacy-restore refuses it (${legacy("Bad built-in chain name")}), iptables-nft-restore loads a user chain`,
    fix: fix(`declare ${name} as a user chain: \`:${name} - ${counters.text}\``, "safe", [{ start: counters.range.start, end: counters.range.start, text: "- " }]),
  });
}

/** A bad policy name on a built-in chain; upper-casing `accept` or `drop` is the safe fix. */
function badPolicy(written: string, policy: string, word: Word): Finding {
  const upper = policy.toUpperCase();
  const caseOnly = POLICIES.has(upper);
  return {
    range: word.range,
    message: `${written}: a built-in chain's policy is ACCEPT or DROP${caseOnly ? " (in capitals)" : ""}, so iptables-restore refuses the table on loading ("Bad policy name")`,
    fix: caseOnly ? fix(`write the policy ${upper}`, "safe", [{ start: word.range.start, end: word.range.end, text: upper }]) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// `-P NAME POLICY`, `-N NAME`

function checkPolicyCommand(context: RuleContext, walk: TableModel, command: CommandLine): void {
  const name = command.chain;
  const positional = command.positional;
  const policyWord = positional[1] ?? null;
  const policy = policyWord?.value ?? null;
  if (name === null || policy === null || policy === "-") {
    context.report({
      range: command.range,
      message: 'Both backends refuse `-P` without a chain and a policy, even with --test ("-P requires a chain and a policy")',
    });
    return;
  }
  if (!walk.builtins.has(name)) {
    const elsewhere = walk.table.name === null ? [] : tablesWithBuiltin(name);
    const what = elsewhere.length ? `${walk.table.name} has no built-in ${name}` : `${name} is not a built-in chain${walk.table.name === null ? "" : ` of ${walk.table.name}`}`;
    context.report({
      range: command.chainWord?.range ?? command.range,
      message: `\`-P ${name} ${policy}\`: ${what}, so iptables-restore refuses the table on loading ("Bad built-in chain name")`,
    });
    return;
  }
  if (!POLICIES.has(policy)) {
    context.report(badPolicy(`\`-P ${name} ${policy}\``, policy, policyWord));
  } else if (policy === "DROP" && walk.table.name === "nat") {
    // iptables' own check, as for `-j DROP` in nat (`:PREROUTING DROP` does not pass it: it loads).
    context.report({
      range: policyWord?.range ?? command.range,
      message: `\`-P ${name} DROP\` in nat: iptables refuses the line ("${NAT_DROP_REFUSED}")`,
    });
  }
}

function checkNewChain(context: RuleContext, walk: TableModel, command: CommandLine): void {
  const name = command.chain;
  if (name === null) {
    context.report({
      range: command.range,
      message: "Both backends refuse `-N` without a chain name",
    });
    return;
  }
  if (refusedStart(name)) {
    context.report({
      range: command.chainWord?.range ?? command.range,
      message: `\`-N ${name}\`: iptables refuses a chain whose name starts with \`${name[0]}\` ("${notAllowedToStart(name)}")`,
    });
    return;
  }
  if (isKnownTarget(name)) {
    context.report({
      range: command.chainWord?.range ?? command.range,
      message: `\`-N ${name}\`: ${name} is a target, and iptables refuses a chain named after one ("chain name may not clash with target name")`,
    });
  }
}

/**
 * `:NAME` lines with a name iptables refuses there (measured, 1.8.9): one starting with `-` or
 * `!` (iptables-nft-restore refuses it, iptables-legacy-restore loads it), and ACCEPT, DROP,
 * RETURN or QUEUE (both refuse it). Other targets' names load (`:DNAT - [0:0]`). The ids are
 * read in place: a kube-proxy dump declares 60,000 chains.
 */
function checkDeclaredNames(context: RuleContext, walk: TableModel): void {
  // Asked by name only when the table has such a chain: listing its declarations makes them all.
  const names: string[] = [...STANDARD_TARGETS].filter((name) => walk.chains.isUserChain(name));
  for (const id of walk.chains.userChains()) {
    if (REFUSED_STARTS.some((start) => walk.nameStartsWith(id, start))) names.push(walk.nameOf(id));
  }
  for (const name of names) {
    for (const declaration of walk.declarationsOf(name)) {
      // With another policy, or none, the policy is what the message is about (`:-X [0:0]` too).
      if (declaration.kind !== "chain" || declaration.policy !== "-") continue;
      const written = `\`:${name}\``;
      context.report({
        range: declaration.header.range,
        message: STANDARD_TARGETS.has(name)
          ? `${written}: a chain named after the verdict ${name}, which both backends refuse ("chain name may not clash with target name")`
          : `${written}: iptables-nft-restore refuses a chain whose name starts with \`${name[0]}\` ("${notAllowedToStart(name)}"), iptables-legacy-restore loads it`,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Declared twice

function checkRedeclaration(context: RuleContext, walk: TableModel, { line, previous }: Redeclaration): void {
  const { document } = context;
  const name = declaredName(line);
  const where = previous ? ` (first at ${lineOf(previous)})` : "";
  const range = line.kind === "chain" ? line.range : (line.chainWord?.range ?? line.range);

  if (walk.builtins.has(name)) {
    if (line.kind === "command") {
      // `-N INPUT`: a built-in chain always exists.
      context.report({
        range,
        message: `\`-N ${name}\`: ${name} is a built-in chain of ${tableName(walk.table)}, so iptables-restore refuses the table on loading ("Chain already exists.")`,
        fix: fix(`remove -N ${name}`, "safe", [wholeLine(document, line)]),
      });
      return;
    }
    // `:INPUT ACCEPT` twice: both backends load it, the last policy wins.
    const first = previous?.kind === "chain" ? previous : null;
    const same = first !== null && sameDeclaration(first, line);
    context.report({
      range,
      severity: "warning",
      message:
        `${name} is declared twice in ${tableName(walk.table)}${where}: both backends load it, ` +
        (first && first.policy !== line.policy ? `and the later policy, ${line.policy}, replaces ${first.policy}` : `with the policy ${line.policy}`),
      fix: same ? fix(`remove the repeated declaration of ${name}`, "safe", [wholeLine(document, line)]) : undefined,
    });
    return;
  }

  const between = previous ? rulesBetween(walk, previous, line) : 0;
  const userDeclaration = (d: Declaration | null) => d !== null && (d.kind === "command" || d.policy === "-");
  const equivalent = userDeclaration(previous) && userDeclaration(line);
  if (line.kind === "command") {
    // `-N X` when X exists: both backends refuse it.
    context.report({
      range,
      message: `\`-N ${name}\`: ${name} is already declared${where}, so iptables-restore refuses the table on loading ("Chain already exists.")`,
      fix: equivalent ? fix(`remove the repeated declaration of ${name}`, "safe", [wholeLine(document, line)]) : undefined,
    });
    return;
  }
  // `:X -` when X exists: legacy refuses it; nft loads it and flushes X.
  const flushed = between > 0 ? `flushes its ${between} rule${between > 1 ? "s" : ""}` : "loads it";
  let offered: Fix | undefined;
  if (equivalent) {
    offered = fix(`remove the repeated declaration of ${name}`, between > 0 ? "unsafe" : "safe", [wholeLine(document, line)]);
  }
  context.report({
    range,
    message: `${name} is declared twice${where}: iptables-legacy-restore refuses it ("error creating chain '${name}':File exists"), iptables-nft ${flushed}`,
    fix: offered,
  });
}

/** Same policy and counters, as written. */
function sameDeclaration(a: ChainDeclaration, b: ChainDeclaration): boolean {
  return a.policy === b.policy && (a.counters?.text ?? "") === (b.counters?.text ?? "");
}

/** How many rules (`-A`, `-I`, `-R`) the chain gets between two of its declarations. */
function rulesBetween(walk: TableModel, from: Declaration, to: Declaration): number {
  const id = walk.chainOf(lineNo(to));
  if (id === NONE) return 0;
  return walk.ruleLinesOf(id).filter((line) => line > from.index && line < to.index).length;
}

/** Whether any line of the table besides this declaration names the chain: a command on it or a jump to it. */
function isNamedAnywhere(walk: TableModel, name: string, declaration: Declaration): boolean {
  if (walk.declarationsOf(name).length > 1) return true;
  for (const command of walk.table.commands) {
    if (command === declaration) continue;
    if (command.chain === name || command.positional.some((w) => w.value === name) || walk.targetName(lineNo(command)) === name) return true;
  }
  return false;
}
