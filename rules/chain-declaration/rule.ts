/**
 * chain-declaration: chain declarations and policies iptables-restore refuses, or that load
 * differently on the two backends: a chain declared twice, a policy on a user chain, a
 * built-in chain the table does not have, a policy other than ACCEPT or DROP, a chain named
 * after a target. See README.md beside this file.
 */
import type { ChainDeclaration, CommandLine, Word } from "../../grammar/index.js";
import { lineNo, NONE, type Declaration, type Redeclaration, type TableModel } from "../model/index.js";
import { isKnownTarget, POLICIES, tablesWithBuiltin } from "../netfilter/index.js";
import { lineOf, listOf, tableName, wholeLine } from "../report/index.js";
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
    }
  },
};

const fix = (title: string, applicability: Fix["applicability"], edits: Fix["edits"]): Fix => ({ title, applicability, edits });

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
    context.report(badPolicy(`\`:${name} ${policy}\``, name, policy, policyWord, line, `"Can't set policy \`${policy}' on \`${name}' line ${line}: Bad policy name"`));
    return;
  }
  if (policy === "-") return;
  const elsewhere = walk.table.name === null ? [] : tablesWithBuiltin(name);
  const legacy = `iptables-legacy-restore refuses it ("Can't set policy \`${policy}' on \`${name}' line ${line}: Bad built-in chain name")`;
  if (elsewhere.length) {
    const unused = !isNamedAnywhere(walk, name, declaration);
    context.report({
      range: declaration.range,
      message:
        `\`:${name} ${policy}\` in table ${walk.table.name}: ${name} is a built-in chain of ${listOf(elsewhere)}, not of ${walk.table.name}. ` +
        `${legacy}; iptables-nft-restore ignores the policy and creates an empty user chain ${name} in ${walk.table.name}, which no packet enters ` +
        `unless a rule jumps to it. ` +
        (unused
          ? "Fix: `iptlint fix` removes the line (nothing in the table uses the chain)."
          : `Fix: remove the line, or make ${name} a user chain of its own name (\`:${name} - [0:0]\`) if rules here use it.`),
      fix: unused ? fix(`remove the declaration of ${name}, which ${walk.table.name} does not have`, "safe", [wholeLine(context.document, declaration)]) : undefined,
    });
    return;
  }
  context.report({
    range: policyWord.range,
    message:
      `\`:${name} ${policy}\` gives the user chain ${name} a policy, but only built-in chains have one: a packet that reaches the end of a user chain ` +
      `goes back to the rule after the jump. ${legacy}; iptables-nft-restore ignores the policy and loads a plain user chain. ` +
      `Fix: \`:${name} - [0:0]\` (\`iptlint fix --unsafe-fixes\`), and end the chain with \`-A ${name} -j ${POLICIES.has(policy) ? policy : "ACCEPT"}\` ` +
      "if its packets were meant to get that verdict; or, if a built-in chain was meant, correct the name.",
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
      message: `${written} has no policy, and both backends refuse it: legacy ${legacy("Bad policy name")}, nft "line ${line} failed: Bad policy name."`,
    });
    return;
  }
  context.report({
    range: counters.range,
    message: `${written} has no policy: iptables-legacy-restore refuses it (${legacy("Bad built-in chain name")}); iptables-nft-restore loads a user chain.`,
    fix: fix(`declare ${name} as a user chain: \`:${name} - ${counters.text}\``, "safe", [{ start: counters.range.start, end: counters.range.start, text: "- " }]),
  });
}

/** A bad policy name on a built-in chain; upper-casing `accept` or `drop` is the safe fix. */
function badPolicy(written: string, name: string, policy: string, word: Word, line: number, legacy: string): Finding {
  const upper = policy.toUpperCase();
  const caseOnly = POLICIES.has(upper);
  const advice = caseOnly
    ? `Fix: \`${upper}\` (policy names are case sensitive; \`iptlint fix\` corrects it).`
    : upper === "REJECT" || upper === "RETURN" || upper === "QUEUE"
      ? `Fix: give ${name} the policy ACCEPT or DROP and end the chain with \`-A ${name} -j ${upper}\`` +
        (upper === "RETURN" ? " (a built-in chain has nothing to return to: RETURN there applies the policy)." : ".")
      : `Fix: give ${name} the policy ACCEPT or DROP.`;
  return {
    range: word.range,
    message:
      `${written}: a built-in chain's policy is ACCEPT or DROP, not ${policy}. iptables refuses it when it loads the table: iptables-legacy-restore ` +
      `${legacy}, iptables-nft-restore "line ${line} failed: Bad policy name." (its --test does not look and passes). ${advice}`,
    fix: caseOnly ? fix(`write the policy ${upper}`, "safe", [{ start: word.range.start, end: word.range.end, text: upper }]) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// `-P NAME POLICY`, `-N NAME`

function checkPolicyCommand(context: RuleContext, walk: TableModel, command: CommandLine): void {
  const name = command.chain;
  const positional = command.positional;
  const line = command.index + 1;
  const policyWord = positional[1] ?? null;
  const policy = policyWord?.value ?? null;
  if (name === null || policy === null || policy === "-") {
    context.report({
      range: command.range,
      message:
        "`-P` needs a built-in chain and a policy (`-P INPUT DROP`): both backends refuse the line, even with --test " +
        `("-P requires a chain and a policy", line ${line}).`,
    });
    return;
  }
  if (!walk.builtins.has(name)) {
    const elsewhere = walk.table.name === null ? [] : tablesWithBuiltin(name);
    const what = elsewhere.length
      ? `${name} is a built-in chain of ${listOf(elsewhere)}, not of ${walk.table.name}`
      : `${name} is not a built-in chain${walk.table.name === null ? "" : ` of table ${walk.table.name}`}, and only built-in chains have a policy`;
    context.report({
      range: command.chainWord?.range ?? command.range,
      message:
        `\`-P ${name} ${policy}\`: ${what}. iptables refuses it when it loads the table: iptables-legacy-restore "line ${line} failed", ` +
        `iptables-nft-restore "line ${line} failed: Bad built-in chain name." (its --test does not look and passes). ` +
        `Fix: set the policy of a built-in chain, or end the user chain with \`-A ${name} -j ${POLICIES.has(policy) ? policy : "ACCEPT"}\`.`,
    });
    return;
  }
  if (!POLICIES.has(policy)) {
    context.report(badPolicy(`\`-P ${name} ${policy}\``, name, policy, policyWord, line, `"line ${line} failed"`));
  }
}

function checkNewChain(context: RuleContext, walk: TableModel, command: CommandLine): void {
  const name = command.chain;
  if (name === null) {
    context.report({
      range: command.range,
      message: `\`-N\` without a chain name: both backends refuse the line (line ${command.index + 1}).`,
    });
    return;
  }
  if (isKnownTarget(name)) {
    context.report({
      range: command.chainWord?.range ?? command.range,
      message:
        `\`-N ${name}\`: ${name} is the name of a target, and iptables refuses a chain named after one, even with --test ` +
        `("chain name may not clash with target name", line ${command.index + 1}, both backends). Fix: choose another name.`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Declared twice

function checkRedeclaration(context: RuleContext, walk: TableModel, { line, previous }: Redeclaration): void {
  const { document } = context;
  const name = line.kind === "chain" ? line.name : line.chain!;
  const at = line.index + 1;
  const where = previous ? ` (first at ${lineOf(previous)})` : "";
  const range = line.kind === "chain" ? line.range : (line.chainWord?.range ?? line.range);

  if (walk.builtins.has(name)) {
    if (line.kind === "command") {
      // `-N INPUT`: a built-in chain always exists.
      context.report({
        range,
        message:
          `\`-N ${name}\`: ${name} is a built-in chain of ${tableName(walk.table)} and always exists. iptables refuses the line when it loads ` +
          `the table: iptables-nft-restore "line ${at} failed: Chain already exists.", iptables-legacy-restore "line ${at} failed" ` +
          "(the nft backend's --test passes). Fix: `iptlint fix` removes the line.",
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
        `${name} is declared twice in ${tableName(walk.table)}${where}. Both backends load it, and the later line wins: ` +
        `${name}'s policy is ${line.policy}${first && first.policy !== line.policy ? `, not ${first.policy}` : ""}. ` +
        (same ? "Fix: `iptlint fix` removes the repeated line." : "Fix: keep the one declaration you mean."),
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
      message:
        `\`-N ${name}\`: ${name} is already declared in ${tableName(walk.table)}${where}. iptables refuses the line when it loads the table: ` +
        `iptables-nft-restore "line ${at} failed: Chain already exists.", iptables-legacy-restore "line ${at} failed" ` +
        `(the nft backend's --test passes). ` +
        (equivalent ? "Fix: `iptlint fix` removes the repeated declaration." : "Fix: declare the chain once."),
      fix: equivalent ? fix(`remove the repeated declaration of ${name}`, "safe", [wholeLine(document, line)]) : undefined,
    });
    return;
  }
  // `:X -` when X exists: legacy refuses it; nft loads it and flushes X.
  const flushed =
    between > 0
      ? `, and it flushes ${name}: the ${between} rule${between > 1 ? "s" : ""} added to ${name} before this line ${between > 1 ? "are" : "is"} lost`
      : " and flushes the chain (empty so far)";
  let offered: Fix | undefined;
  if (equivalent) {
    offered = fix(`remove the repeated declaration of ${name}`, between > 0 ? "unsafe" : "safe", [wholeLine(document, line)]);
  }
  context.report({
    range,
    message:
      `${name} is declared twice in ${tableName(walk.table)}${where}. iptables-legacy-restore refuses it ` +
      `("error creating chain '${name}':File exists", line ${at}); iptables-nft-restore loads it${flushed}. ` +
      (offered === undefined
        ? "Fix: declare the chain once."
        : between > 0
          ? "Fix: remove the repeated declaration (`iptlint fix --unsafe-fixes`: on nft the rules before it then stay), or move those rules after it."
          : "Fix: `iptlint fix` removes the repeated declaration."),
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
