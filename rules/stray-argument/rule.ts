/**
 * stray-argument: a word in a rule that no option takes: `-s 10.0.0.1 10.0.0.2`, `--dport 22 23`,
 * `-j ACCEPT extra`, or `ACCEPT` in `-i -j ACCEPT`, where `-i` took `-j` as its value. getopt
 * hands such a word to iptables as a lone argument, and iptables refuses the line ("Bad
 * argument"). See README.md beside this file.
 *
 * Only options whose number of words is known are read (optionValueCount: iptables' own, and an
 * extension's that takes none, one word, or two: `--tcp-flags SYN,ACK SYN`); a `#` word is
 * comment-after-rule's, `[unsupported revision]` dump-unsupported-revision's. Lines with two
 * words in a row after an option are found in the tokens (linesWithWordRuns); a single word after
 * an option that takes none (`--syn 5`) by reading one line of each shape, whose lines have the
 * same options with as many words after each.
 */
import { commandKindOf, decodeWord, optionValueCount, type CommandKind, type CommandLine, type LinePlan, type LineView, type SourceRange } from "../../grammar/index.js";
import { linesWithWordRuns, type LineNo } from "../model/index.js";
import { FAMILY_OPTIONS, findExtension, findOption, type Family } from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "stray-argument";

export const strayArgument: RuleModule = {
  id: ID,
  description: "a word no option takes (`-s 10.0.0.1 10.0.0.2`, `-j ACCEPT extra`, `-i -j ACCEPT`): iptables refuses the line (\"Bad argument\")",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const checked = new Set<LineNo>();
    for (const n of linesWithWordRuns(document)) {
      checked.add(n);
      reportLine(context, n, family);
    }
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = document.line(representative);
      if (line.kind !== "command" || firstStray(line, family) === null) continue;
      for (const n of shapes.linesLike(representative)) if (!checked.has(n)) reportLine(context, n, family);
    }
    for (const n of linesWithExtraArguments(context)) reportArguments(context, n, family);
  },
};

/**
 * The most words each command takes after it (its chain, a rule number, a policy, a new name):
 * iptables refuses the next one ("Bad argument", measured, both backends).
 */
const ARGUMENTS: Partial<Record<CommandKind, number>> = {
  append: 1,
  insert: 2,
  delete: 2,
  replace: 2,
  zero: 2,
  "new-chain": 1,
  "delete-chain": 1,
  flush: 1,
  "rename-chain": 2,
  policy: 2,
};

/** Commands whose second word is a rule number (`-I INPUT 2`): iptables reads any word there as one. */
const RULE_NUMBER_SECOND: ReadonlySet<CommandKind> = new Set(["insert", "delete", "replace", "zero"]);

/**
 * Command lines with more words after the command than it takes, or a second word where a rule
 * number goes: read from the line plans (one per sequence of token codes), with no node made
 * for the others. A kube-proxy dump's `-A CHAIN` lines have one.
 */
function linesWithExtraArguments(context: RuleContext): LineNo[] {
  const { document } = context;
  const { firstTokens, lineCount, tokens } = document.source.lexed;
  // A plan stands for one sequence of token codes, its command's among them: one verdict a plan.
  const verdicts = new Map<LinePlan, boolean>();
  const found: LineNo[] = [];
  // Runs of lines share a plan (a dump's chains): the last verdict is asked first.
  let lastPlan: LinePlan | null = null;
  let lastSuspect = false;
  for (let n = 0; n < lineCount; n++) {
    const plan = document.commandPlan(n);
    if (plan === null) continue;
    if (plan !== lastPlan) {
      let suspect = verdicts.get(plan);
      if (suspect === undefined) {
        const kind = commandKindOf(tokens.codes[firstTokens[n] + plan.head]);
        const most = ARGUMENTS[kind];
        const count = plan.positionalEnd - plan.head - 1;
        suspect = most !== undefined && (count > most || (count >= 2 && RULE_NUMBER_SECOND.has(kind)));
        verdicts.set(plan, suspect);
      }
      lastPlan = plan;
      lastSuspect = suspect;
    }
    if (lastSuspect && document.kindOf(n) === "command") found.push(n as LineNo);
  }
  return found;
}

/** A rule number as iptables reads it (`xtables_strtoui`, base 0): 1 to INT_MAX; null when only the node's iptables could say. */
function isRuleNumber(word: string): boolean | null {
  if (/^[1-9][0-9]{0,8}$/.test(word)) return true;
  // Hex, octal, a sign or a long number: what strtoul makes of it is left alone.
  return /^[0-9+-]/.test(word) && word !== "0" ? null : false;
}

function reportArguments(context: RuleContext, n: LineNo, family: Family | null): void {
  const line = context.document.line(n);
  if (line.kind !== "command") return;
  // After `-4` or `-6` of the other family iptables-restore skips the line (iptables(8)).
  const view = line.view;
  for (let i = 0; i < view.count; i++) {
    const option = view.name(i);
    if (Object.hasOwn(FAMILY_OPTIONS, option) && FAMILY_OPTIONS[option] !== family) return;
  }
  const kind = line.command;
  const args = line.positional;
  const command = line.commandWord.text;
  const chain = args[0]?.text ?? "";
  if (RULE_NUMBER_SECOND.has(kind) && args.length >= 2) {
    const number = args[1].value;
    const verdict = isRuleNumber(number);
    if (verdict === null) return;
    if (!verdict) {
      context.report({
        range: args[1].range,
        message: `\`${command} ${chain} ${args[1].text}\`: the word after the chain is the rule number, so iptables refuses the line ("Invalid rule number \`${number}'")`,
      });
      return;
    }
  }
  const most = ARGUMENTS[kind] ?? Infinity;
  if (args.length <= most) return;
  const extra = args[most];
  if (extra.value.startsWith("#") || extra.value.startsWith("[unsupported")) return;
  context.report({
    range: extra.range,
    message: `\`${extra.text}\` follows \`${[command, ...args.slice(0, most).map((w) => w.text)].join(" ")}\`, and ${command} takes ${words(most)}: iptables refuses the line ("Bad argument \`${extra.value}'")`,
  });
}

function reportLine(context: RuleContext, n: LineNo, family: Family | null): void {
  const line = context.document.line(n);
  if (line.kind !== "command") return;
  const stray = firstStray(line, family);
  if (stray === null) return;
  const { option, taken, word, range } = stray;
  const tookOption = taken.length === 1 && /^-/.test(taken[0]) && !/^-\d/.test(taken[0]);
  const message = tookOption
    ? `\`${option}\` takes \`${taken[0]}\` as its value, which leaves \`${word}\` to no option: iptables refuses the line ("Bad argument \`${word}'")`
    : `\`${word}\` follows \`${[option, ...taken].join(" ")}\`, and ${option} takes ${words(taken.length)}: iptables refuses the line ("Bad argument \`${word}'")`;
  context.report({ range, message });
}

const words = (count: number): string => (count === 0 ? "no value" : count === 1 ? "one word" : `${count} words`);

interface Stray {
  option: string;
  /** The words the option took. */
  taken: string[];
  /** The first word it did not take, as iptables sees it (quotes removed). */
  word: string;
  range: SourceRange;
}

/**
 * The first word of the line's options that its option does not take, when the option's number of
 * words is known. After `-4` or `-6` only when the ruleset is known to be of that family: for the
 * other, iptables-restore skips the rest of the line (iptables(8)).
 */
function firstStray(line: CommandLine, family: Family | null): Stray | null {
  const view: LineView = line.view;
  const text = line.source.text;
  for (let i = 0; i < view.count; i++) {
    const option = view.name(i);
    const count = optionValueCount(option) ?? (view.role(i) === "module" ? flagOfLoadedExtension(view, option, family) : null);
    if (count === null) continue;
    if (Object.hasOwn(FAMILY_OPTIONS, option) && FAMILY_OPTIONS[option] !== family) return null;
    const values = view.values(i);
    // `--name=value` holds its first value in the option word.
    const written = text.slice(view.optionRange(i).start, view.optionRange(i).end);
    const inline = written.startsWith("--") && written.includes("=") ? 1 : 0;
    const own = Math.max(0, count - inline);
    if (values.length <= own) continue;
    const range = view.valueRange(i, own);
    if (range === null) continue;
    const word = decodeWord(text.slice(range.start, range.end));
    if (word.startsWith("#") || word.startsWith("[unsupported")) return null;
    // An option of a match or target iptables does not ship (xtables-addons) may be spelled alike.
    if (own === 0 && view.role(i) === "module" && loadsUnknownExtension(view, family)) return null;
    return { option, taken: values.slice(0, own), word, range };
  }
  return null;
}

/**
 * 0 when the extensions the line loads (`-m`, `-j`) that have an option spelled so all take no
 * value for it, else null: a spelling whose words differ between extensions (`--set`: a flag of
 * recent and connlabel) is read as the line's extension reads it (`-m recent --set SSH`: "Bad
 * argument `SSH'", measured).
 */
function flagOfLoadedExtension(view: LineView, option: string, family: Family | null): 0 | null {
  // rateest reads more words itself than its table says.
  if (option.startsWith("--rateest")) return null;
  let owners = 0;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role !== "match" && role !== "jump") continue;
    const extension = findExtension(role === "match" ? "match" : "target", view.value(i) ?? "", family);
    const found = extension === undefined ? undefined : findOption(extension, option, family);
    if (found === undefined) continue;
    if (found.value) return null;
    owners++;
  }
  return owners > 0 ? 0 : null;
}

/** Whether the line loads a match iptables 1.8.9 does not ship, or gives options to a target it does not (a chain takes none). */
function loadsUnknownExtension(view: LineView, family: Family | null): boolean {
  let unknownTarget = false;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "module" && unknownTarget) return true;
    if (role !== "match" && role !== "jump" && role !== "goto") continue;
    const name = view.value(i);
    if (name === null) return true;
    const known = findExtension(role === "match" ? "match" : "target", name, family) !== undefined;
    if (!known && role === "match") return true;
    unknownTarget = !known;
  }
  return false;
}
