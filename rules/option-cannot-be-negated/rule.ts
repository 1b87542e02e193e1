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
 */
import type { LineView } from "../../grammar/index.js";
import { ruleLineAt } from "../model/index.js";
import { readOptions, type ExtensionInstance, type Family, type GivenOption } from "../netfilter/index.js";
import type { RuleModule } from "../types.js";

const ID = "option-cannot-be-negated";

export const optionCannotBeNegated: RuleModule = {
  id: ID,
  description: "`!` before an option of a match or target that cannot be inverted (`! --comment`, `! --log-prefix`): iptables-restore refuses the line",
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
  },
};


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
