/**
 * A line's option words read as iptables 1.8.9 reads them: which loaded extension instance owns
 * each option word. Each `-m NAME` and the target load an instance of their extension; getopt
 * then reads a word against iptables' own long options first, then the instances' options,
 * newest first (libxtables' xtables_options_xfrm puts a new extension's options before the older
 * ones), an exact name before an abbreviation; a word no instance has loads the match `-p` names
 * (`-p tcp --dport 80`) and is read again. An abbreviation two options begin is ambiguous
 * (getopt refuses it); a word no instance has is unknown: the reading is then null (unsure), as
 * it is for a line that loads an extension the model does not know.
 */
import type { Family } from "../tables.js";
import { findExtension, findOption, implicitMatch, optionsOf } from "./index.js";
import { GLOBAL_LONG_OPTIONS } from "./data.js";
import type { ExtensionData, OptionData } from "./types.js";

/** What the reader needs of a line (grammar's `LineView` has it). */
export interface OptionWords {
  readonly count: number;
  role(i: number): string;
  name(i: number): string;
  value(i: number): string | null;
  /** Where value `k` of element `i` is, when written as a word of its own; null when it has fewer. */
  valueRange(i: number, k?: number): unknown;
}

export interface GivenOption {
  /** The option as the extension's highest revision in the family has it. */
  readonly option: OptionData;
  /** Its first name (the one iptables' messages use). */
  readonly key: string;
  readonly element: number;
}

export interface ExtensionInstance {
  readonly extension: ExtensionData;
  /** The `-m` or `-j` element that loads it; for the match `-p` loads, the `-p` element. */
  readonly element: number;
  readonly implicit: boolean;
  readonly given: GivenOption[];
}

export interface OptionReading {
  /** In load order: matches and the target as the line gives them, the implicit match when it is loaded. */
  readonly instances: readonly ExtensionInstance[];
}

const GLOBALS: ReadonlySet<string> = new Set(GLOBAL_LONG_OPTIONS);

/** `-p`, `--protocol`, or a beginning of it getopt takes for it (`--proto`). */
const isProtocolOption = (name: string): boolean => name === "-p" || (name.length >= 5 && "--protocol".startsWith(name));

/**
 * The line's extension instances and the options each is given, or null when the reader cannot
 * tell. `isChain`: whether a target name the model does not know is a chain of the line's table
 * (which takes no options: the words after it are the matches'); without it, such a target with
 * options after it makes the reading null.
 */
export function readOptions(words: OptionWords, family: Family | null, isChain?: (name: string) => boolean): OptionReading | null {
  const instances: ExtensionInstance[] = [];
  let protocol: { value: string; element: number } | null = null;
  let implicitLoaded = false;
  for (let i = 0; i < words.count; i++) {
    const role = words.role(i);
    if (role === "generic") {
      if (isProtocolOption(words.name(i))) {
        const value = words.value(i);
        if (value !== null) protocol = { value, element: i };
      }
      continue;
    }
    if (role === "match" || role === "jump" || role === "goto") {
      const name = words.value(i);
      if (name === null) return null;
      // A second word after `-m NAME` or `-j NAME` (`-j DNAT [unsupported revision]`) is a stray
      // argument: iptables refuses the line for that ("Bad argument") before any check of its options.
      if (words.valueRange(i, 1) !== null) return null;
      const extension = findExtension(role === "match" ? "match" : "target", name, family);
      if (extension === undefined) {
        // A match the model does not know (xtables-addons), or a target it does not know given options.
        if (role === "match" || (hasOptionsAfter(words, i) && isChain?.(name) !== true)) return null;
        continue;
      }
      instances.push({ extension, element: i, implicit: false, given: [] });
      continue;
    }
    if (role !== "module") continue;
    const spelling = words.name(i);
    let found = resolveSpelling(spelling, instances, family);
    if (found === undefined && !implicitLoaded && protocol !== null) {
      implicitLoaded = true;
      const implicit = implicitMatch(protocol.value, family);
      if (implicit !== undefined) {
        instances.push({ extension: implicit, element: protocol.element, implicit: true, given: [] });
        found = resolveSpelling(spelling, instances, family);
      }
    }
    // Unknown or ambiguous: iptables refuses the line for that (unknown-option's), this reader cannot tell more.
    if (found === undefined || (typeof found === "object" && "begins" in found)) return null;
    if (found === "iptables") continue;
    const option = findOption(found.instance.extension, found.name, family) ?? found.option;
    found.instance.given.push({ option, key: option.names[0], element: i });
  }
  return { instances };
}

interface Found {
  instance: ExtensionInstance;
  option: OptionData;
  /** The full name it resolved to. */
  name: string;
}

/** A spelling that begins more than one option getopt knows: it refuses the word. */
export interface Ambiguous {
  /** The names it begins, iptables' own first. */
  readonly begins: readonly string[];
}

/** The instance and option getopt reads a spelling as, "iptables" for iptables' own, ambiguous, or undefined (unknown). */
export function resolveSpelling(spelling: string, instances: readonly ExtensionInstance[], family: Family | null): Found | "iptables" | Ambiguous | undefined {
  if (!spelling.startsWith("--")) return spelling.length === 2 ? "iptables" : undefined;
  if (GLOBALS.has(spelling)) return "iptables";
  for (let k = instances.length - 1; k >= 0; k--) {
    const option = optionsOf(instances[k].extension, family).find((o) => o.names.includes(spelling));
    if (option !== undefined) return { instance: instances[k], option, name: spelling };
  }
  // An abbreviation: unique among iptables' options and every instance's (each instance's options are its own getopt ids).
  const begins: string[] = [];
  for (const name of GLOBALS) if (name.startsWith(spelling)) begins.push(name);
  let found: Found | undefined;
  for (const instance of instances) {
    for (const option of optionsOf(instance.extension, family)) {
      const name = option.names.find((n) => n.startsWith(spelling));
      if (name === undefined) continue;
      begins.push(name);
      found = { instance, option, name };
    }
  }
  if (begins.length === 0) return undefined;
  if (begins.length > 1) return { begins };
  return found ?? "iptables";
}

const hasOptionsAfter = (words: OptionWords, at: number): boolean => {
  for (let i = at + 1; i < words.count; i++) if (words.role(i) === "module") return true;
  return false;
};

/**
 * The options an extension needs in every revision the family registers (XTOPT_MAND), by first
 * name, in table order: iptables uses the highest revision the kernel has, and a name mandatory in
 * some revisions only (`-m cgroup --cgroup`) is not surely needed. `family` null: in both.
 */
export function mandatoryOptions(extension: ExtensionData, family: Family | null): string[] {
  let result: string[] | null = null;
  for (const f of family === null ? extension.families : [family]) {
    for (const revision of extension.revisions[String(f) as "4" | "6"] ?? []) {
      const tag = `${f}:${revision}`;
      const here = extension.options.filter((o) => o.mandatory && (o.in === undefined || o.in.includes(tag))).map((o) => o.names[0]);
      result = result === null ? here : result.filter((n) => here.includes(n));
    }
  }
  return [...new Set(result ?? [])];
}
