/**
 * option-needs-newer-iptables: an option the node's iptables does not have yet, by the release
 * that added it (`-j MASQUERADE --random-fully` came with iptables 1.6.2), when the node's
 * release is configured (`node.iptablesVersion`, `--iptables-version`). See README.md beside
 * this file.
 *
 * The releases are the model's history of options (netfilter/extensions/data.ts, kept in
 * scripts/extensions.mjs from iptables' git history). The line's option words are read as
 * getopt reads them (`readOptions`), once per line shape. Without a configured release the rule
 * says nothing.
 */
import { commandLineAt } from "../model/index.js";
import { OPTION_HISTORY, readOptions, type ExtensionInstance, type GivenOption, type HistoryData } from "../netfilter/index.js";
import type { RuleModule } from "../types.js";

const ID = "option-needs-newer-iptables";

export const optionNeedsNewerIptables: RuleModule = {
  id: ID,
  description: "an option the node's iptables (`node.iptablesVersion`) does not have yet (`--random-fully` before 1.6.2): its iptables-restore refuses the line",
  severity: "warning",
  fixable: false,
  check(context) {
    const configured = context.node.iptablesVersion;
    const release = configured === undefined ? null : parseRelease(configured);
    if (release === null) return;
    const { model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = commandLineAt(context.document, representative);
      const reading = line === null ? null : readOptions(line.view, family);
      if (reading === null || !reading.instances.some((instance) => newer(instance, release).length > 0)) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = commandLineAt(context.document, n);
        const again = like === null ? null : readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          for (const { given, history } of newer(instance, release)) {
            const view = like!.view;
            const name = instance.extension.kind === "match" ? `-m ${instance.extension.name}` : `-j ${instance.extension.name}`;
            context.report({
              range: view.range(given.element),
              message: `\`${view.name(given.element)}\` of \`${name}\` came with iptables ${history.addedIn}, and the node has ${configured}: its iptables-restore refuses the line as an unknown option`,
            });
          }
        }
      }
    }
  },
};


/** `1.8.4`, `v1.6.1`, `1.4.21.1` as numbers to compare; null when it is none. */
export function parseRelease(text: string): number[] | null {
  const match = /^v?(\d+(?:\.\d+)*)$/.exec(text.trim());
  return match === null ? null : match[1].split(".").map(Number);
}

/** Whether release `a` comes before release `b` (`1.4.21` before `1.6.0`; `1.6` is `1.6.0`). */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k] ?? 0;
    const y = b[k] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/** The options the instance is given that the release does not have yet. */
function newer(instance: ExtensionInstance, release: readonly number[]): { given: GivenOption; history: HistoryData }[] {
  const out: { given: GivenOption; history: HistoryData }[] = [];
  for (const given of instance.given) {
    const history = OPTION_HISTORY.find(
      (h) => h.addedIn !== undefined && h.kind === instance.extension.kind && h.extension === instance.extension.name && given.option.names.includes(h.option),
    );
    if (history !== undefined && before(release, parseRelease(history.addedIn!)!)) out.push({ given, history });
  }
  return out;
}
