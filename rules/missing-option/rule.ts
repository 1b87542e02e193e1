/**
 * missing-option: a match or target given without an option it needs (`-m mark` without `--mark`,
 * `-j MARK` without `--set-mark` or another operation, `-m recent --reap` without `--seconds`):
 * iptables-restore refuses the line. See README.md beside this file.
 *
 * What each extension needs is in the model: XTOPT_MAND and `.also` of its option table
 * (netfilter/extensions/data.ts), and the extensions' own final checks (relations.ts), which
 * run first. The line's option words are read as getopt reads them (`readOptions`), once per
 * line shape: the words decide, not the values. A target with no option after it is not part
 * of a line's shape (`-j KUBE-SEP-X`), so bare targets are found by the target instead.
 */
import type { CommandLine, LineView } from "../../grammar/index.js";
import { commandLineAt, targetGivenOptions } from "../model/index.js";
import {
  findExtension,
  mandatoryOptions,
  ONE_OF_REQUIREMENTS,
  OWN_CHECK_FIRST,
  parseUint,
  readOptions,
  type ExtensionData,
  type ExtensionInstance,
  type Family,
  type OneOfRequirement,
} from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "missing-option";

export const missingOption: RuleModule = {
  id: ID,
  description: "a match or target without an option it needs (`-m mark` without `--mark`, `-j MARK` without an operation): iptables-restore refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    const family = model.family()?.family ?? null;
    const shapes = model.lines.shapes();
    let mentionsNth: boolean | undefined;
    for (const representative of shapes.representatives) {
      const line = commandLineAt(context.document, representative);
      if (line === null || line.command === "delete") continue;
      const reading = readOptions(line.view, family);
      if (reading === null) continue;
      const missing = reading.instances.filter((instance) => !(isBareTarget(line, instance)) && lackOf(instance, family, line.view) !== null);
      // statistic's check depends on its values only in nth mode: a shape's lines differ there
      // (`--mode random` and `--mode nth`, `--packet` against `--every`) when the text says nth.
      if (missing.length === 0 && !(reading.instances.some(givesStatisticMode) && (mentionsNth ??= document.text.includes("nth")))) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = commandLineAt(context.document, n);
        if (like === null || like.command === "delete") continue;
        const again = readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          if (isBareTarget(like, instance)) continue;
          const lack = lackOf(instance, family, like.view);
          if (lack !== null) report(context, like, instance, lack);
        }
      }
    }
    // A target given no option: found by its name, from the tokens (no node for the lines that give it options).
    const { lexed } = document.source;
    let tables: ReturnType<typeof model.tables> | undefined;
    for (const target of targetsWithNeeds(family)) {
      for (const n of model.lines.linesTargeting(target.name)) {
        if (targetGivenOptions(lexed, n)) continue;
        // A fragment may jump to chains only the node has, and a chain may be named like a target (`-j TTL` then jumps to it).
        tables ??= model.tables();
        if (tables.some((table) => table.partial || table.chains.isUserChain(target.name))) break;
        const line = commandLineAt(context.document, n);
        if (line === null || line.command === "delete") continue;
        const at = line.view.targetIndex();
        if (at === -1) continue;
        // `-j DNAT [unsupported revision]`: iptables refuses the stray words first ("Bad argument").
        if (line.view.valueRange(at, 1) !== null) continue;
        const instance: ExtensionInstance = { extension: target, element: at, implicit: false, given: [] };
        const lack = lackOf(instance, family);
        if (lack !== null) report(context, line, instance, lack);
      }
    }
  },
};


/** A target instance with no option word after it (the shape does not tell its name). */
function isBareTarget(line: CommandLine, instance: ExtensionInstance): boolean {
  if (instance.extension.kind !== "target") return false;
  const view = line.view;
  for (let i = instance.element + 1; i < view.count; i++) if (view.role(i) === "module") return false;
  return true;
}

let targetsCache: { family: Family | null; targets: ExtensionData[] } | undefined;

/** The targets refused when given no option, in a family. */
function targetsWithNeeds(family: Family | null): ExtensionData[] {
  if (targetsCache?.family !== family) {
    const names = new Set([...ONE_OF_REQUIREMENTS.filter((r) => r.kind === "target").map((r) => r.extension)]);
    const targets: ExtensionData[] = [];
    for (const name of ["AUDIT", "CHECKSUM", "CLASSIFY", "DNAT", "DNPT", "IDLETIMER", "LED", "NETMAP", "RATEEST", "SECMARK", "SNAT", "SNPT", "TEE", "TPROXY", ...names]) {
      const target = findExtension("target", name, family);
      if (target !== undefined && (names.has(name) || mandatoryOptions(target, family).length > 0)) targets.push(target);
    }
    targetsCache = { family, targets };
  }
  return targetsCache.targets;
}

type Lack =
  /** The extension's own final check, in its words, at its element (else at the extension's). */
  | { kind: "own-check"; message: string; said: string; element?: number }
  | { kind: "one-of"; requirement: OneOfRequirement }
  | { kind: "mandatory"; option: string }
  | { kind: "also"; option: string; needs: string };

/** What the instance lacks first, in the order iptables checks: the extension's own check, then its option table. */
function lackOf(instance: ExtensionInstance, family: Family | null, view?: LineView): Lack | null {
  const { extension, given } = instance;
  if (extension.kind === "match" && extension.name === "statistic" && view !== undefined) {
    const own = statisticCheck(view, instance);
    if (own !== null) return own === "unsure" ? null : own;
  } else if (OWN_CHECK_FIRST.has(`${extension.kind}:${extension.name}`)) return null;
  const keys = new Set(given.map((g) => g.key));
  const requirement = ONE_OF_REQUIREMENTS.find((r) => r.kind === extension.kind && r.extension === extension.name);
  if (requirement !== undefined && (requirement.options === null ? keys.size === 0 : !requirement.options.some((o) => keys.has(o)))) {
    return { kind: "one-of", requirement };
  }
  const mandatory = mandatoryOptions(extension, family);
  for (const option of extension.options) {
    const key = option.names[0];
    if (mandatory.includes(key) && !keys.has(key)) return { kind: "mandatory", option: key };
  }
  for (const g of given) {
    for (const needs of g.option.also ?? []) if (!keys.has(needs)) return { kind: "also", option: g.key, needs };
  }
  return null;
}

const givesStatisticMode = (instance: ExtensionInstance): boolean => instance.extension.name === "statistic" && instance.given.some((g) => g.key === "--mode");

/**
 * libxt_statistic.c's statistic_check, which runs before its option table's check: random mode
 * (the default) needs `--probability`, nth mode `--every` or `--packet`, and `--packet` must be
 * below `--every` (measured, both backends). Null when it passes; "unsure" when a value it
 * reads is not one this can read (another rule's to report).
 */
function statisticCheck(view: LineView, instance: ExtensionInstance): Lack | "unsure" | null {
  const given = (key: string) => instance.given.find((g) => g.key === key);
  const modeOption = given("--mode");
  const mode = modeOption === undefined ? "random" : view.value(modeOption.element);
  if (mode !== "random" && mode !== "nth") return "unsure";
  const every = given("--every");
  const packet = given("--packet");
  // `--probability` with `--every` or `--packet` is refused as the options are read (conflicting-options').
  if (given("--probability") !== undefined && (every !== undefined || packet !== undefined)) return "unsure";
  if (mode === "random") {
    if (given("--probability") !== undefined) return null;
    const said = "--probability must be specified when using random mode";
    const how = modeOption === undefined ? "in random mode (the default)" : "in random mode";
    return { kind: "own-check", said, message: `\`-m statistic\` ${how} without \`--probability\`` };
  }
  if (every === undefined && packet === undefined) {
    return { kind: "own-check", said: "--every and --packet must be specified when using nth mode", message: "`-m statistic --mode nth` without `--every` or `--packet`" };
  }
  // As libxtables reads them (`strtoul(…, 0)`: `010` is 8); a word it refuses is invalid-option-value's.
  const number = (option: string, element: number): number | null => {
    const parsed = parseUint("UINT32", view.value(element) ?? "", { extension: "statistic", option });
    return parsed.kind === "value" ? parsed.value : null;
  };
  // The check compares the packet with every - 1 (0 when --every is not given).
  const n = every === undefined ? 1 : number("every", every.element);
  const p = packet === undefined ? 0 : number("packet", packet.element);
  if (n === null || p === null || n < 1) return "unsure";
  if (p <= n - 1) return null;
  const at = packet!.element;
  const message = every === undefined ? `\`--packet ${view.value(at)}\` without \`--every\`` : `\`--packet ${view.value(at)}\` is not below \`--every ${view.value(every.element)}\``;
  return { kind: "own-check", said: "the --packet p must be 0 <= p <= n-1", message, element: at };
}

const nameOf = (e: ExtensionData): string => (e.kind === "match" ? `-m ${e.name}` : `-j ${e.name}`);

function report(context: RuleContext, line: CommandLine, instance: ExtensionInstance, lack: Lack): void {
  const view = line.view;
  const name = `\`${instance.implicit ? `-p ${view.value(instance.element) ?? ""}` : nameOf(instance.extension)}\``;
  const ext = instance.extension.name;
  let message: string;
  if (lack.kind === "own-check") {
    context.report({ range: view.range(lack.element ?? instance.element), message: `${lack.message}: iptables-restore refuses the line ("${lack.said}")` });
    return;
  }
  if (lack.kind === "one-of") {
    const options = lack.requirement.options;
    const wanted = options === null ? "no option" : options.length === 1 ? `no \`${options[0]}\`` : "none of the options it needs";
    message = `${name} is given ${wanted}: iptables-restore refuses the line ("${lack.requirement.message}")`;
  } else if (lack.kind === "mandatory") {
    message = `${name} without \`${lack.option}\`: iptables-restore refuses the line ("${ext}: option "${lack.option}" must be specified")`;
  } else {
    const at = instance.given.find((g) => g.key === lack.option)!;
    context.report({
      range: view.range(at.element),
      message: `\`${view.name(at.element)}\` without \`${lack.needs}\`: iptables-restore refuses the line ("${ext}: option "${lack.option}" also requires "${lack.needs}".")`,
    });
    return;
  }
  context.report({ range: view.range(instance.element), message });
}
