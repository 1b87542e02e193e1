/**
 * option-cannot-be-negated: `!` before an option of a match or target that iptables does not let
 * be inverted (`-m comment ! --comment x`, `-j LOG ! --log-prefix x`): iptables-restore refuses
 * the line. See README.md beside this file.
 *
 * Which options take `!` is the option tables' XTOPT_INVERT (OptionData.invert); a getopt
 * extension (invert null) decides in its own code, and this rule says nothing of it. The line's
 * option words are read as getopt reads them (`readOptions`), once per line shape. The old form
 * (`-s ! x`) is old-negation-syntax's.
 */
import type { CommandLine, LineView } from "../../grammar/index.js";
import type { LineNo } from "../model/index.js";
import { readOptions, type ExtensionInstance, type GivenOption } from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "option-cannot-be-negated";

export const optionCannotBeNegated: RuleModule = {
  id: ID,
  description: "`!` before an option of a match or target that cannot be inverted (`! --comment`, `! --log-prefix`): iptables-restore refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = commandAt(context, representative);
      if (line === null || !hasEarlyBang(line.view)) continue;
      const reading = readOptions(line.view, family);
      if (reading === null || !reading.instances.some((instance) => refusedOf(instance, line.view) !== undefined)) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = commandAt(context, n);
        const again = like === null ? null : readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          const refused = refusedOf(instance, like!.view);
          if (refused !== undefined) report(context, like!, instance, refused);
        }
      }
    }
  },
};

function commandAt(context: RuleContext, n: LineNo): CommandLine | null {
  if (context.document.kindOf(n) !== "command") return null;
  const line = context.document.line(n);
  return line.kind === "command" && line.command !== "delete" ? line : null;
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

function report(context: RuleContext, line: CommandLine, instance: ExtensionInstance, given: GivenOption): void {
  const view = line.view;
  const said = `${instance.extension.name}: option "${given.key}" cannot be inverted.`;
  context.report({
    // `! --option`: the `!` iptables refuses and the word it refuses it for.
    range: { start: (view.bangRange(given.element) ?? view.optionRange(given.element)).start, end: view.optionRange(given.element).end },
    message: `\`! ${view.name(given.element)}\`: the option cannot be negated, iptables-restore refuses the line ("${said}")`,
  });
}


