/**
 * conflicting-options: two options of one match or target that exclude each other (`-j MARK
 * --set-mark 1 --and-mark 2`, `-p tcp --syn --tcp-flags ACK ACK`, `-m connlimit
 * --connlimit-upto 3 --connlimit-above 5`): iptables-restore refuses the line. See README.md
 * beside this file.
 *
 * The exclusions are the option tables' `.excl` (netfilter/extensions/data.ts), which
 * libxtables checks once the line is read, and the groups of options a getopt extension keeps
 * one flag for (relations.ts). The line's option words are read as getopt reads them
 * (`readOptions`), once per line shape.
 */
import type { CommandLine } from "../../grammar/index.js";
import { ruleLineAt } from "../model/index.js";
import { ONCE_GROUPS, readOptions, type ExtensionInstance, type Family, type GivenOption } from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "conflicting-options";

export const conflictingOptions: RuleModule = {
  id: ID,
  description: "two options of one match or target that exclude each other (`--set-mark` with `--and-mark`, `--syn` with `--tcp-flags`): iptables-restore refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = ruleLineAt(context.document, representative);
      if (line === null) continue;
      const reading = readOptions(line.view, family);
      if (reading === null || !reading.instances.some((instance) => conflictOf(instance, family) !== null)) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = ruleLineAt(context.document, n);
        const again = like === null ? null : readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          const conflict = conflictOf(instance, family);
          if (conflict !== null) report(context, like!, instance, conflict);
        }
      }
    }
  },
};


interface Conflict {
  first: GivenOption;
  second: GivenOption;
  /** What iptables prints. */
  said: string;
}

/** The first pair of the instance's options that exclude each other, as iptables finds it. */
function conflictOf(instance: ExtensionInstance, _family: Family | null): Conflict | null {
  const { extension, given } = instance;
  if (given.length < 2) return null;
  // A getopt extension's group: two different options of one group (the same one twice is repeated-option's).
  for (const group of ONCE_GROUPS) {
    if (group.kind !== extension.kind || group.extension !== extension.name) continue;
    const inGroup = given.filter((g) => group.options.includes(g.key));
    const other = inGroup.find((g) => g.key !== inGroup[0]?.key);
    if (other !== undefined) return { first: inGroup[0], second: other, said: group.message };
  }
  // The option table's `.excl`, checked in table order once the line is read (xtables_options_fcheck).
  const order = [...new Set(extension.options.map((o) => o.names[0]))];
  const byOrder = [...given].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  for (const entry of byOrder) {
    const excluded = entry.option.excludes;
    if (excluded === undefined) continue;
    const other = byOrder.find((g) => g.key !== entry.key && excluded.includes(g.key));
    if (other !== undefined) {
      const [first, second] = entry.element < other.element ? [entry, other] : [other, entry];
      return { first, second, said: `${extension.name}: option "${entry.key}" cannot be used together with "${other.key}".` };
    }
  }
  return null;
}

function report(context: RuleContext, line: CommandLine, instance: ExtensionInstance, conflict: Conflict): void {
  const view = line.view;
  // iptables' words name the extension, except tcp's own (`Only one of --syn or --tcp-flags allowed`).
  const named = conflict.said.startsWith(`${instance.extension.name}:`);
  const which = named ? "" : ` (\`${instance.extension.kind === "match" ? "-m" : "-j"} ${instance.extension.name}\`)`;
  context.report({
    range: view.range(conflict.second.element),
    message: `\`${view.name(conflict.second.element)}\` with \`${view.name(conflict.first.element)}\`${which}: iptables-restore refuses the line ("${conflict.said}")`,
  });
}
