/**
 * unknown-option: an option that no extension the line loads has, nor iptables itself
 * (`-p ipv6-icmp --icmpc6-type 128`): iptables-restore refuses the line with `unknown option`.
 * See README.md beside this file.
 *
 * iptables hands the line to getopt_long with its own options and those of the extensions
 * loaded so far (`-m NAME`, the target, and the protocol's match that `-p tcp` loads when an
 * option is not found); getopt takes a unique prefix of a long option for it. The rule reads a
 * line as a whole, with every extension it loads, and reports a spelling that begins no option
 * of them; then, in getopt's order, an option before the extension that has it and a beginning of
 * two options: what it says is what both backends say. It says nothing for a line that loads an
 * extension the model does not know (xtables-addons), and reads the options of both families when
 * the ruleset's family is not known.
 */
import type { CommandLine, LineView } from "../../grammar/index.js";
import { isChainOfLine, type LineNo, type RulesetModel } from "../model/index.js";
import {
  EXTENSIONS,
  findExtension,
  historyOf,
  optionsOf,
  implicitMatch,
  optionSpace,
  PROTOCOL_OPTION_OWNERS,
  type OptionSpace,
  resolveSpelling,
  type ExtensionData,
  type Family,
} from "../netfilter/index.js";
import { shownWord } from "../report/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "unknown-option";

export const unknownOption: RuleModule = {
  id: ID,
  description: "an option that no match or target of the line has, nor iptables itself (`--icmpc6-type`): iptables-restore refuses the line (\"unknown option\")",
  severity: "error",
  fixable: "unsafe",
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      if (!hasUnknownOption(lineAt(document, representative), family, model)) continue;
      // The words of every line of this shape are the same: each is read for its own place.
      for (const n of shapes.linesLike(representative)) {
        const line = lineAt(document, n);
        if (line !== null) report(context, line, family, model);
      }
    }
  },
};

function lineAt(document: RuleContext["document"], n: LineNo): CommandLine | null {
  const line = document.line(n);
  return line.kind === "command" ? line : null;
}

interface Reading {
  view: LineView;
  extensions: ExtensionData[];
  /** The element of the first option no loaded extension has, or -1. */
  unknown: number;
  /** The extension loaded after the option that has it (`--mark 1 -m mark`), when that is why getopt does not know it. */
  loadedLater?: ExtensionData;
  /** The options the word begins, when it begins more than one (`--pro`: `--protocol`, `--probability`). */
  ambiguous?: readonly string[];
}

/**
 * The options a spelling begins, when getopt refuses it as ambiguous (it begins more than one of
 * iptables' own and the loaded extensions' options, and is none's exact name): iptables then
 * says "unknown option" (`-m statistic --pro 0.5`, `-m addrtype --limit 5/min`: measured, nft
 * and legacy). Without a family, only a spelling ambiguous in both families.
 */
function ambiguous(spelling: string, loaded: readonly ExtensionData[], family: Family | null): readonly string[] | null {
  if (family === null) {
    const four = ambiguous(spelling, loaded, 4);
    return four !== null && ambiguous(spelling, loaded, 6) !== null ? four : null;
  }
  const instances = loaded.map((extension) => ({ extension, element: -1, implicit: false, given: [] }));
  const found = resolveSpelling(spelling, instances, family);
  return typeof found === "object" && "begins" in found ? found.begins : null;
}

const readings = new WeakMap<CommandLine, Reading | null>();

function hasUnknownOption(line: CommandLine | null, family: Family | null, model: RulesetModel): boolean {
  return line !== null && read(line, family, model) !== null;
}

/** The line's extensions and its first unknown option, or null when it has none or the rule cannot tell. */
function read(line: CommandLine, family: Family | null, model: RulesetModel): Reading | null {
  if (readings.has(line)) return readings.get(line)!;
  const reading = readLine(line, family, model);
  readings.set(line, reading);
  return reading;
}

function readLine(line: CommandLine, family: Family | null, model: RulesetModel): Reading | null {
  const view = line.view;
  const extensions: ExtensionData[] = [];
  let protocol: string | null = null;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if ((role === "generic" || role === "module") && isProtocolOption(view.name(i))) protocol = view.value(i);
    else if (role === "goto") continue; // names a chain, loads no target (`-g SECMARK --selctx x`: "unknown option", measured)
    else if (role === "match" || role === "jump") {
      const name = view.value(i);
      if (name === null) return null;
      const extension = findExtension(role === "match" ? "match" : "target", name, family);
      if (extension !== undefined) {
        if (!extensions.includes(extension)) extensions.push(extension);
      }
      // A match the model does not know (xtables-addons), or a target it does not know given options:
      // the options may be its own. A chain of the table takes none (`-j KUBE-SERVICES --comment x`).
      else if (role === "match" || (hasOptionsAfter(view, i) && !isChainOfLine(model, line, name))) return null;
    }
  }
  if (protocol !== null) {
    const implicit = implicitMatch(protocol, family);
    if (implicit !== undefined && !extensions.includes(implicit)) extensions.push(implicit);
  }
  const space = optionSpace(extensions, family);
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "module" || isTakenAsValue(view, i, space)) continue;
    const spelling = view.name(i);
    if (space.knows(spelling)) continue;
    // A protocol match's option without its protocol is option-needs-protocol's to report.
    const owners = PROTOCOL_OPTION_OWNERS.get(spelling);
    if (owners !== undefined && !owners.some((p) => extensions.includes(implicitMatch(p, null)!))) return null;
    return { view, extensions, unknown: i };
  }
  return optionBeforeItsExtension(view, extensions, family);
}

/**
 * An option written before the `-m` or `-j` that loads the extension that has it (`--mark 1 -m
 * mark`, `--log-prefix x -j LOG`): getopt knows only the extensions loaded so far (and the
 * protocol's match, which `-p` loads for a word it does not know), and iptables refuses the line
 * with "unknown option" (measured, nft and legacy). A protocol match's option is left to
 * option-needs-protocol.
 */
function optionBeforeItsExtension(view: LineView, extensions: ExtensionData[], family: Family | null): Reading | null {
  const loaded: ExtensionData[] = [];
  let protocol: string | null = null;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    // The lexer reads a beginning of `--protocol` as the option unless a loaded match has an option so begun (then it is ambiguous).
    if (role === "generic" && isProtocolOption(view.name(i))) protocol = view.value(i);
    else if (role === "match" || role === "jump") {
      const extension = findExtension(role === "match" ? "match" : "target", view.value(i) ?? "", family);
      if (extension !== undefined && !loaded.includes(extension)) loaded.push(extension);
    } else if (role === "module") {
      if (isTakenAsValue(view, i, optionSpace(loaded, family))) continue;
      const spelling = view.name(i);
      // As getopt: the extensions loaded so far; the protocol's match only once a word was not found (it is loaded then, and the word read again).
      let begun = ambiguous(spelling, loaded, family);
      if (begun === null && !optionSpace(loaded, family).knows(spelling) && protocol !== null) {
        const implicit = implicitMatch(protocol, family);
        if (implicit !== undefined && !loaded.includes(implicit)) {
          loaded.push(implicit);
          begun = ambiguous(spelling, loaded, family);
        }
      }
      if (begun !== null) return { view, extensions, unknown: i, ambiguous: begun };
      if (PROTOCOL_OPTION_OWNERS.has(spelling)) continue;
      if (optionSpace(loaded, family).knows(spelling)) continue;
      const later = extensions.find((e) => !loaded.includes(e) && optionSpace([e], family).knows(spelling));
      if (later !== undefined) return { view, extensions, unknown: i, loadedLater: later };
    }
  }
  return null;
}

/**
 * Whether element `i`'s option word is the value of the option right before it, which takes one
 * and was given none: getopt gives it the next word whatever it looks like (`-m recent --name
 * --bogus --set` loads a list named `--bogus`, measured).
 */
function isTakenAsValue(view: LineView, i: number, space: OptionSpace): boolean {
  return i > 0 && view.role(i - 1) === "module" && view.optionTakenAsValue(i - 1) !== null && space.takesValue(view.name(i - 1));
}

/** `-p`, `--protocol`, or a beginning of it getopt takes for it (`--proto`). */
const isProtocolOption = (name: string): boolean => name === "-p" || (name.length >= 5 && "--protocol".startsWith(name));

const hasOptionsAfter = (view: LineView, at: number): boolean => {
  for (let i = at + 1; i < view.count; i++) if (view.role(i) === "module") return true;
  return false;
};

/** The extensions of iptables that have an option spelled exactly so, by kind and name. */
function ownersOf(spelling: string, family: Family | null): ExtensionData[] {
  return EXTENSIONS.filter((e) => (family === null || e.families.includes(family)) && optionsOf(e, family).some((o) => o.names.includes(spelling)));
}

const nameOf = (e: ExtensionData): string => (e.kind === "match" ? `-m ${e.name}` : `-j ${e.name}`);

function report(context: RuleContext, line: CommandLine, family: Family | null, model: RulesetModel): void {
  const reading = read(line, family, model);
  if (reading === null) return;
  const { view, extensions, unknown } = reading;
  const spelling = view.name(unknown);
  const refused = `iptables-restore refuses the line ("unknown option "${shownWord(view.word(unknown))}"")`;
  if (reading.ambiguous !== undefined) {
    // The options it begins, as many as the one-sentence limit leaves room for.
    const names: string[] = [];
    for (const n of reading.ambiguous) {
      if (names.join(", ").length + n.length > 50) {
        names.push("…");
        break;
      }
      names.push(`\`${n}\``);
    }
    context.report({ range: view.range(unknown), message: `\`${spelling}\` is ambiguous (${names.join(", ")}): ${refused}` });
    return;
  }
  if (reading.loadedLater !== undefined) {
    context.report({ range: view.range(unknown), message: `\`${spelling}\` comes before \`${nameOf(reading.loadedLater)}\`, so getopt does not know it yet: ${refused}` });
    return;
  }
  // The verdicts (`-j ACCEPT`) are the `standard` target, which has no options.
  const named = extensions.filter((e) => e.name !== "standard").map((e) => `\`${nameOf(e)}\``);
  const loaded = named.length === 0 ? "iptables" : `iptables or ${named.join(", ")}`;
  const owners = ownersOf(spelling, family);
  const space = optionSpace(extensions, family);
  // An option iptables renamed (`-m time --days`, now `--weekdays`).
  const renamed = extensions.map((e) => ({ e, h: historyOf(e.kind, e.name, spelling) })).find((r) => r.h?.replacedBy !== undefined);
  const otherFamily = family === null ? [] : ownersOf(spelling, family === 4 ? 6 : 4).filter((e) => extensions.includes(e));
  const nearest = renamed !== undefined ? renamed.h!.replacedBy : owners.length > 0 || otherFamily.length > 0 ? undefined : space.nearest(spelling);
  let message: string;
  if (otherFamily.length > 0 && renamed === undefined && owners.length === 0) {
    message = `\`${spelling}\` is an option of ${family === 4 ? "ip6tables" : "iptables"}' \`${nameOf(otherFamily[0])}\` only: ${refused}`;
  } else if (renamed !== undefined) message = `\`${spelling}\` of \`${nameOf(renamed.e)}\` is now \`${nearest}\`: ${refused}`;
  else if (owners.length > 0) message = `\`${spelling}\` is an option of \`${nameOf(owners[0])}\`, which the line does not load: ${refused}`;
  else if (nearest !== undefined) message = `\`${spelling}\` is no option of ${loaded} (\`${nearest}\` is): ${refused}`;
  else message = `\`${spelling}\` is no option of ${loaded}: ${refused}`;
  const range = view.optionRange(unknown);
  const word = line.source.text.slice(range.start, range.end);
  // The fix renames the option word in place; a quoted word is left to the user.
  const fix =
    nearest !== undefined && word.startsWith(spelling)
      ? { title: `spell it \`${nearest}\``, applicability: "unsafe" as const, edits: [{ start: range.start, end: range.start + spelling.length, text: nearest }], ruleId: ID }
      : undefined;
  context.report({ range: view.range(unknown), message, fix });
}
