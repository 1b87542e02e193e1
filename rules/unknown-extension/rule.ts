/**
 * unknown-extension: `-m NAME` for a match iptables 1.8.9 does not ship, for either family
 * (`-m conntrak`, `-m geoip`): iptables-restore refuses the line ("Couldn't load match") unless
 * the node has the module (xtables-addons), hence a warning. The configuration lists the extra
 * matches a node has. A name over 28 bytes is an error: no module can have it. See README.md
 * beside this file.
 *
 * A `-j NAME` that is neither a target nor a chain of the table is jump-to-undefined-chain's
 * (which has its own list of extra targets): iptables reads the name as a chain first.
 */
import type { CommandLine } from "../../grammar/index.js";
import { byteLength, findExtension, matchNames, nearestName } from "../netfilter/index.js";
import type { Fix, RuleContext, RuleModule } from "../types.js";

const ID = "unknown-extension";

interface Options {
  /** Match extensions the nodes have beyond iptables' own (xtables-addons and the like). */
  matches?: string[];
}

export const unknownExtension: RuleModule = {
  id: ID,
  description: "`-m NAME` for a match iptables 1.8 does not ship (`-m conntrak`): iptables-restore refuses the line unless the node has the module (xtables-addons)",
  severity: "warning",
  fixable: "unsafe",
  schema: {
    type: "object",
    properties: {
      matches: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "match extensions the nodes have beyond iptables' own, e.g. xtables-addons' geoip",
      },
    },
    additionalProperties: false,
  },
  check(context) {
    const extra = new Set((context.options as Options | undefined)?.matches ?? []);
    const unknown = (name: string) => !extra.has(name) && findExtension("match", name, null) === undefined;
    const { document, model } = context;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = document.line(representative);
      if (line.kind !== "command" || !unknownMatches(line, unknown).length) continue;
      // The same words on every line of the shape: each line is reported at its own place.
      for (const n of shapes.linesLike(representative)) {
        const other = document.line(n);
        if (other.kind === "command") for (const i of unknownMatches(other, unknown)) report(context, other, i);
      }
    }
  },
};

/** The elements of the line's `-m` options that load no match the model (or the configuration) knows. */
function unknownMatches(line: CommandLine, unknown: (name: string) => boolean): number[] {
  const view = line.view;
  const out: number[] = [];
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "match") continue;
    const name = view.value(i);
    if (name !== null && (unknown(name) || tooLong(name))) out.push(i);
  }
  return out;
}

const ALL_MATCHES = matchNames(null);

/**
 * The longest name an extension can have, in bytes (XT_EXTENSION_MAXNAMELEN - 1): iptables refuses
 * a longer one before it looks for a module, so not even xtables-addons can have it (measured).
 */
const MAX_NAME_BYTES = 28;
const tooLong = (name: string): boolean => byteLength(name) > MAX_NAME_BYTES;
const shortened = (name: string): string => (name.length > 30 ? `${name.slice(0, 29)}…` : name);

function report(context: RuleContext, line: CommandLine, at: number): void {
  const view = line.view;
  const name = view.value(at)!;
  if (tooLong(name)) {
    const message = `\`-m ${shortened(name)}\` names no match: a match's name has at most ${MAX_NAME_BYTES} bytes, and iptables-restore refuses the line ("Invalid match name")`;
    context.report({ range: view.range(at), message, severity: "error" });
    return;
  }
  // One edit in a short name, two in a longer one: `-m conntrak` is conntrack, `-m foo` is nothing.
  const nearest = nearestName(name, ALL_MATCHES, name.length <= 5 ? 1 : 2);
  const refused = `iptables-restore refuses the line unless the node has it ("Couldn't load match \`${name}'")`;
  const message = nearest !== undefined
    ? `\`-m ${name}\` is no match of iptables 1.8 (\`${nearest}\` is): ${refused}`
    : `\`-m ${name}\` is no match of iptables 1.8: ${refused}`;
  const range = view.range(at);
  const text = line.source.text;
  // The name as written at the element's end (not quoted, not `--match=NAME`).
  const fix: Fix | undefined =
    nearest !== undefined && text.slice(range.end - name.length, range.end) === name && text[range.end - name.length - 1] === " "
      ? { title: `load \`${nearest}\``, applicability: "unsafe", edits: [{ start: range.end - name.length, end: range.end, text: nearest }], ruleId: ID }
      : undefined;
  context.report({ range, message, fix });
}
