/**
 * option-cannot-be-negated: `!` before an option of a match or target that iptables does not let
 * be inverted (`-m comment ! --comment x`, `-j LOG ! --log-prefix x`): iptables-restore refuses
 * the line. See README.md beside this file.
 *
 * Which options take `!` is the option tables' XTOPT_INVERT (OptionData.invert); a getopt
 * extension (invert null) decides in its own code, and this rule says nothing of it. The line's
 * option words are read as getopt reads them (`readOptions`), on the lines with a `!` before an
 * extension's option only. The old form
 * (`-s ! x`) is old-negation-syntax's.
 *
 * Also `! -s 0.0.0.0/0` (`-d`, any address with a zero mask): iptables-nft's kernel refuses the
 * negated match of every address, iptables-legacy loads a rule that matches no packet. An error
 * in a dump iptables-nft-save wrote, a warning otherwise.
 */
import type { LineView } from "../../grammar/index.js";
import { ruleLineAt, type Backend, type LineNo } from "../model/index.js";
import { GENERIC_ADDRESS_OPTIONS, parseGenericAddresses, readOptions, type ExtensionInstance, type Family, type GivenOption } from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "option-cannot-be-negated";

export const optionCannotBeNegated: RuleModule = {
  id: ID,
  description: "`!` before an option of a match or target that cannot be inverted (`! --comment`, `! --log-prefix`): iptables-restore refuses the line; `! -s 0.0.0.0/0`, which iptables-nft refuses",
  severity: "error",
  fixable: false,
  check(context) {
    const family = context.model.family()?.family ?? null;
    // Only a `!` before an option other than a generic one (`-s`, `-p`, ...) can be refused: the
    // line index has those lines (a kube-proxy dump's `! -s` lines are not among them).
    for (const n of context.model.lines.linesWith({ facts: ["bang-before-other-option"] })) {
      const line = ruleLineAt(context.document, n);
      if (line === null || !hasEarlyBang(line.view)) continue;
      for (const refusal of refusalsOf(line.view, family)) {
        context.report({ range: refusal.range, message: `\`! ${line.view.name(refusal.element)}\`: ${refusal.what} cannot be negated, iptables-restore refuses the line ("${refusal.said}")` });
      }
    }
    // `! -s 0.0.0.0/0`: found in the text at each `!` before an option, a line read only when the
    // value after it has a zero mask.
    const { document } = context;
    const { text } = document;
    let previousZero = -1;
    for (let at = text.indexOf("!"); at !== -1; at = text.indexOf("!", at + 1)) {
      if (!isEarlyBang(text, at) || !bangBeforeZeroMask(text, at)) continue;
      const n = (document.source.positionAt(at).line - 1) as LineNo;
      if (n === previousZero) continue;
      previousZero = n;
      const line = ruleLineAt(document, n);
      if (line !== null) reportNegatedEveryAddress(context, line.view, family);
    }
  },
};

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/** A `!` word followed by an option word (a quoted `!` is a value: the line's reading then tells). */
function isEarlyBang(text: string, at: number): boolean {
  if (at > 0 && !isBlank(text.charCodeAt(at - 1)) && text.charCodeAt(at - 1) !== 0x0a) return false;
  let next = at + 1;
  if (!isBlank(text.charCodeAt(next))) return false;
  while (isBlank(text.charCodeAt(next))) next++;
  return text.charCodeAt(next) === 0x2d /* - */;
}

const isWordEnd = (c: number): boolean => isBlank(c) || c === 0x0a || c === 0x0d || Number.isNaN(c);

/**
 * Whether the `!` at `at` (before an option) may negate an address with a zero mask: the option
 * starts `-s`, `-d`, `--s` or `--d`, and its value word has a `/` followed by zeros, dots and
 * colons only (`! -s 0.0.0.0/0`). Read in place: every kube-proxy service has a `! -s
 * 10.244.0.0/16`, which fails at the `1` after its `/`. The line's view confirms.
 */
function bangBeforeZeroMask(text: string, at: number): boolean {
  let k = at + 1;
  while (isBlank(text.charCodeAt(k))) k++;
  const second = text.charCodeAt(k + 1) === 0x2d /* - */ ? text.charCodeAt(k + 2) : text.charCodeAt(k + 1);
  if (second !== 0x73 /* s */ && second !== 0x64 /* d */) return false;
  while (!isWordEnd(text.charCodeAt(k))) k++;
  while (isBlank(text.charCodeAt(k))) k++;
  for (let c = text.charCodeAt(k); c !== 0x2f /* / */; c = text.charCodeAt(++k)) if (isWordEnd(c)) return false;
  const slash = k;
  for (let c = text.charCodeAt(++k); c === 0x30 /* 0 */ || c === 0x2e /* . */ || c === 0x3a /* : */; c = text.charCodeAt(++k));
  return k > slash + 1 && isWordEnd(text.charCodeAt(k));
}

/**
 * `! -s 0.0.0.0/0`: an address option negated with a zero mask, which no packet matches. The kernel
 * refuses nft's expression for it (iptables-nft-restore: "RULE_APPEND failed (Invalid argument)"),
 * iptables-legacy loads it (measured, 1.8.9, IPv4 and IPv6): an error where the dump says it is
 * nft's, a warning where it does not say or is legacy's.
 */
function reportNegatedEveryAddress(context: RuleContext, view: LineView, family: Family | null): void {
  let backend: Backend | null | undefined;
  for (let i = 0; i < view.count; i++) {
    if (!view.negated(i) || view.lateBang(i) || view.role(i) !== "generic") continue;
    const value = view.value(i);
    if (value === null || !GENERIC_ADDRESS_OPTIONS.has(view.name(i)) || !hasZeroMask(value, family)) continue;
    backend ??= context.model.backend();
    const written = `! ${view.name(i)} ${value}`;
    const message = `\`${written}\` matches no packet: iptables-nft-restore refuses the line ("RULE_APPEND failed (Invalid argument)"), iptables-legacy loads a rule that never matches`;
    const end = view.valueRange(i, 0)?.end ?? view.optionRange(i).end;
    context.report({ range: { start: (view.bangRange(i) ?? view.optionRange(i)).start, end }, message, severity: backend === "nft" ? "error" : "warning" });
  }
}

/** Whether iptables reads the value as one network with a zero mask, in the ruleset's family (either when not known). */
function hasZeroMask(value: string, family: Family | null): boolean {
  return (family === null ? ([4, 6] as Family[]) : [family]).some((f) => {
    const parsed = parseGenericAddresses(value, f);
    return parsed.kind === "value" && parsed.value.length === 1 && parsed.value[0].prefix === 0;
  });
}


/** Whether some option of the line has `!` written before it (the cheap test most lines fail). */
function hasEarlyBang(view: LineView): boolean {
  for (let i = 0; i < view.count; i++) if (view.negated(i) && !view.lateBang(i)) return true;
  return false;
}

/**
 * The first option of the instance given `!` before it that no revision of the extension lets be
 * inverted, in any family: iptables uses the highest revision the kernel has, so the rule asks
 * all of them (and both families when the file's is not known).
 */
function refusedOf(instance: ExtensionInstance, view: LineView): GivenOption | undefined {
  return instance.given.find((given) => {
    if (!view.negated(given.element) || view.lateBang(given.element)) return false;
    const all = instance.extension.options.filter((o) => o.names[0] === given.key);
    return all.length > 0 && all.every((o) => o.invert === false);
  });
}

type Range = ReturnType<LineView["optionRange"]>;

interface Refusal {
  element: number;
  range: Range;
  /** What cannot be negated, for the message. */
  what: string;
  /** What iptables prints. */
  said: string;
}

/** iptables' own options that refuse `!` as it parses them (`-j`/`-g`, `-m`, `-c`), with its words. */
function builtinRefusal(view: LineView, i: number): { what: string; said: string } | null {
  const role = view.role(i);
  if (role === "jump" || role === "goto") return { what: "a jump", said: "cannot have ! before -j" };
  if (role === "match") return { what: "loading a match", said: "unexpected ! flag before --match" };
  if (role === "counters") return { what: "the counters", said: "cannot have ! before -c" };
  return null;
}

/** Every `! --option` of the line iptables refuses; none for an option whose reading is unsure. */
function refusalsOf(view: LineView, family: Family | null): Refusal[] {
  const out: Refusal[] = [];
  // `! --option`: the `!` iptables refuses and the word it refuses it for.
  const rangeOf = (i: number): Range => ({ start: (view.bangRange(i) ?? view.optionRange(i)).start, end: view.optionRange(i).end });
  for (let i = 0; i < view.count; i++) {
    if (!view.negated(i) || view.lateBang(i)) continue;
    const builtin = builtinRefusal(view, i);
    if (builtin !== null) out.push({ element: i, range: rangeOf(i), ...builtin });
  }
  let extensionBang = false;
  for (let i = 0; i < view.count && !extensionBang; i++) extensionBang = view.role(i) === "module" && view.negated(i) && !view.lateBang(i);
  if (!extensionBang) return out;
  const reading = readOptions(view, family);
  for (const instance of reading?.instances ?? []) {
    const given = refusedOf(instance, view);
    if (given !== undefined) out.push({ element: given.element, range: rangeOf(given.element), what: "the option", said: `${instance.extension.name}: option "${given.key}" cannot be inverted.` });
  }
  return out.sort((a, b) => a.element - b.element);
}
