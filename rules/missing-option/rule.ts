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
import type { CommandLine } from "../../grammar/index.js";
import { commandLineAt, targetGivenOptions } from "../model/index.js";
import {
  findExtension,
  mandatoryOptions,
  ONE_OF_REQUIREMENTS,
  OWN_CHECK_FIRST,
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
    for (const representative of shapes.representatives) {
      const line = commandLineAt(context.document, representative);
      if (line === null || line.command === "delete") continue;
      const reading = readOptions(line.view, family);
      if (reading === null) continue;
      const missing = reading.instances.filter((instance) => !(isBareTarget(line, instance)) && lackOf(instance, family) !== null);
      if (missing.length === 0) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = commandLineAt(context.document, n);
        if (like === null || like.command === "delete") continue;
        const again = readOptions(like.view, family);
        if (again === null) continue;
        for (const instance of again.instances) {
          if (isBareTarget(like, instance)) continue;
          const lack = lackOf(instance, family);
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
  | { kind: "one-of"; requirement: OneOfRequirement }
  | { kind: "mandatory"; option: string }
  | { kind: "also"; option: string; needs: string };

/** What the instance lacks first, in the order iptables checks: the extension's own check, then its option table. */
function lackOf(instance: ExtensionInstance, family: Family | null): Lack | null {
  const { extension, given } = instance;
  if (OWN_CHECK_FIRST.has(`${extension.kind}:${extension.name}`)) return null;
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

const nameOf = (e: ExtensionData): string => (e.kind === "match" ? `-m ${e.name}` : `-j ${e.name}`);

function report(context: RuleContext, line: CommandLine, instance: ExtensionInstance, lack: Lack): void {
  const view = line.view;
  const name = `\`${instance.implicit ? `-p ${view.value(instance.element) ?? ""}` : nameOf(instance.extension)}\``;
  const ext = instance.extension.name;
  let message: string;
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
