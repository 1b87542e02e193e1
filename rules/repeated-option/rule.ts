/**
 * repeated-option: an option given twice where iptables takes it once (`-m comment --comment a
 * --comment b`, `-p tcp --dport 1 --dport 2`, `-s 10.0.0.1 -s 10.0.0.2`): iptables-restore
 * refuses the line. See README.md beside this file.
 *
 * An extension's option may repeat only with XTOPT_MULTI (netfilter/extensions/data.ts); the
 * getopt extensions keep a flag per option or group (relations.ts); iptables' own `-p -s -d -i
 * -o -f -c` are taken once (relations.ts). Each `-m NAME` loads an instance of its own, so
 * `-m tcp --dport 1 -m tcp --dport 2` repeats nothing. Extension options are read once per line
 * shape; iptables' own options, which no shape holds, from the tokens of every line.
 */
import { linesRepeatingOnceOptions, ruleLineAt, type LineNo } from "../model/index.js";
import { ONCE_BUILTINS, ONCE_GROUPS, readOptions, type ExtensionInstance, type GivenOption } from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "repeated-option";

export const repeatedOption: RuleModule = {
  id: ID,
  description: "an option given twice where iptables takes it once (`--comment a --comment b`, `-s` twice): iptables-restore refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = ruleLineAt(context.document, representative);
      if (line === null) continue;
      const reading = readOptions(line.view, family);
      if (reading === null || !reading.instances.some((instance) => repeatOf(instance) !== null)) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = ruleLineAt(context.document, n);
        const again = like === null ? null : readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          const repeat = repeatOf(instance);
          if (repeat === null) continue;
          const view = like!.view;
          const name = instance.extension.kind === "match" ? `-m ${instance.extension.name}` : `-j ${instance.extension.name}`;
          context.report({
            range: view.range(repeat.again.element),
            message: `\`${view.name(repeat.again.element)}\` of \`${name}\` is given twice: iptables-restore refuses the line ("${repeat.said}")`,
          });
        }
      }
    }
    // iptables' own options, from the token codes of every line: a node only for a line that repeats one.
    for (const n of linesRepeatingOnceOptions(document.source.lexed)) reportBuiltin(context, n);
  },
};


function reportBuiltin(context: RuleContext, n: LineNo): void {
  const line = ruleLineAt(context.document, n);
  if (line === null) return;
  const view = line.view;
  const seen = new Set<string>();
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role !== "generic" && role !== "counters") continue;
    const letter = ONCE_BUILTINS[view.name(i)];
    if (letter === undefined) continue;
    if (seen.has(letter)) {
      context.report({
        range: view.range(i),
        message: `\`${view.name(i)}\` is given twice: iptables-restore refuses the line ("multiple -${letter} flags not allowed")`,
      });
      return;
    }
    seen.add(letter);
  }
}

/** The first option the instance is given a second time where iptables refuses that, with iptables' words. */
function repeatOf(instance: ExtensionInstance): { again: GivenOption; said: string } | null {
  const { extension, given } = instance;
  const seen = new Set<string>();
  for (const g of given) {
    if (seen.has(g.key)) {
      if (g.option.invert === null) {
        // A getopt extension: its parser's own words, for the options whose flag is known.
        const group = ONCE_GROUPS.find((o) => o.kind === extension.kind && o.extension === extension.name && o.options.includes(g.key));
        if (group !== undefined) return { again: g, said: group.message };
      } else if (!g.option.multi || g.option.excludes?.includes(g.key)) {
        return { again: g, said: `${extension.name}: option "${g.key}" can only be used once.` };
      }
    }
    seen.add(g.key);
  }
  return null;
}
