/**
 * The matches and targets of iptables 1.8.9 and their options (data.ts, generated from
 * iptables' sources by scripts/extensions.mjs), and the lookups rules ask of them.
 *
 * Abbreviations: iptables hands a line's words to getopt_long, which takes any unambiguous
 * prefix of a long option of the extensions loaded so far and of iptables' own options
 * (`--dpo 22` is `--dport 22`, `--log-pre` is `--log-prefix`; measured on iptables 1.8.9, nft
 * and legacy). The model reads a spelling that begins some option's name as that option's
 * (`OptionSpace.knows`): never "unknown", whether getopt finds it unique or ambiguous.
 */
import { distance } from "fastest-levenshtein";
import type { Family } from "../tables.js";
import { BUILTIN_OPTIONS, EXTENSIONS, GLOBAL_LONG_OPTIONS, OPTION_HISTORY } from "./data.js";
import type { ExtensionData, ExtensionKind, HistoryData, OptionData } from "./types.js";

export type { ExtensionData, ExtensionKind, HistoryData, OptionData } from "./types.js";
export { BUILTIN_OPTIONS, EXTENSIONS, GLOBAL_LONG_OPTIONS, OPTION_HISTORY };

/** `-m` names iptables reads as another match's (libxtables' xtables_find_match). */
const MATCH_ALIASES: Readonly<Record<string, string>> = { icmpv6: "icmp6", "ipv6-icmp": "icmp6" };

/** The standard verdicts, which `-j` reads as the `standard` target. */
const VERDICTS: ReadonlySet<string> = new Set(["ACCEPT", "DROP", "RETURN", "QUEUE"]);

const byKey = new Map<string, ExtensionData>(EXTENSIONS.map((e) => [`${e.kind}:${e.name}`, e]));

/**
 * The extension `-m NAME` (kind `match`) or `-j NAME` (kind `target`) loads for a family, or
 * undefined when iptables 1.8.9 has none by that name for it. `family` null: either family's.
 */
export function findExtension(kind: ExtensionKind, name: string, family: Family | null): ExtensionData | undefined {
  const key = kind === "match" ? (MATCH_ALIASES[name] ?? name) : VERDICTS.has(name) ? "standard" : name;
  const found = byKey.get(`${kind}:${key}`);
  if (found === undefined || (family !== null && !found.families.includes(family))) return undefined;
  return found;
}

/** Whether an option belongs to a family's registrations of its extension (`in`), or to either when family is null. */
const inFamily = (option: OptionData, family: Family | null): boolean =>
  family === null ||
  ((option.in === undefined || option.in.some((tag) => tag.startsWith(`${family}:`))) && (option.families === undefined || option.families.includes(family)));

/** The options an extension has in a family (null: in either). */
export function optionsOf(extension: ExtensionData, family: Family | null): readonly OptionData[] {
  return extension.options.filter((o) => inFamily(o, family));
}

/**
 * The option an extension reads for a spelling (exact, not an abbreviation) in a family: of the
 * records that have it (one per entry that differs by family or revision), the highest revision's,
 * as iptables uses the highest revision the kernel has. `family` null: either family's.
 */
export function findOption(extension: ExtensionData, spelling: string, family: Family | null): OptionData | undefined {
  let best: OptionData | undefined;
  let bestRevision = -1;
  for (const option of optionsOf(extension, family)) {
    if (!option.names.includes(spelling)) continue;
    const revision = option.in === undefined ? Infinity : Math.max(...option.in.filter((tag) => family === null || tag.startsWith(`${family}:`)).map((tag) => Number(tag.slice(2))));
    if (revision > bestRevision) [best, bestRevision] = [option, revision];
  }
  return best;
}

/** The match `-p PROTOCOL` loads on its own (`-p tcp` loads tcp, `-p 58` icmp6), if any. */
export function implicitMatch(protocol: string, family: Family | null): ExtensionData | undefined {
  const p = protocol.toLowerCase();
  const name = IMPLICIT_BY_NUMBER[p] ?? p;
  for (const e of EXTENSIONS) {
    if (e.implicitFor?.includes(name) && (family === null || e.families.includes(family))) return e;
  }
  return undefined;
}

/**
 * The names iptables gives protocol numbers (xtables_chain_protos, then /etc/protocols), for the
 * numbers with a match: 135 is named `mobility-header`, which loads none (`-p 135 --mh-type 1`
 * is refused, measured).
 */
const IMPLICIT_BY_NUMBER: Readonly<Record<string, string>> = {
  "1": "icmp", "6": "tcp", "17": "udp", "33": "dccp", "50": "esp", "51": "ah", "58": "ipv6-icmp", "108": "ipcomp", "132": "sctp", "135": "mobility-header",
};

/** The removals and renames known for an extension's option. */
export const historyOf = (kind: ExtensionKind, extension: string, option: string): HistoryData | undefined =>
  OPTION_HISTORY.find((h) => h.kind === kind && h.extension === extension && h.option === option);

/**
 * The letters getopt knows no option by in iptables 1.8.9 (`-J`: "unknown option "-J"", measured
 * for every letter, both backends, both families); the others are iptables' own (`-A`, `-s`, ...).
 */
const UNKNOWN_LETTERS: ReadonlySet<string> = new Set("aeklqruyzBGHJKOQTUY");

/**
 * The options a line's loaded extensions give it, with iptables' own: what getopt reads
 * on that line. Made once per set of extensions and family (`optionSpace`), and asked once per
 * distinct spelling.
 */
export class OptionSpace {
  /** Long names of the extensions' options (not iptables' own), sorted. */
  readonly extensionNames: readonly string[];
  private readonly all: readonly string[];
  private readonly answers = new Map<string, boolean>();
  /** The extensions' long options that take a value (getopt's required_argument). */
  private readonly valued = new Set<string>();

  constructor(readonly extensions: readonly ExtensionData[], family: Family | null) {
    const names = new Set<string>();
    for (const e of extensions) {
      for (const o of optionsOf(e, family)) {
        for (const n of o.names) {
          if (!n.startsWith("--")) continue;
          names.add(n);
          if (o.value) this.valued.add(n);
        }
      }
    }
    this.extensionNames = [...names].sort();
    this.all = [...new Set([...this.extensionNames, ...GLOBAL_LONG_OPTIONS])];
  }

  /**
   * Whether getopt reads `spelling` as an extension's option that takes a value: its exact name,
   * or the beginning of only one option (getopt's abbreviation).
   */
  takesValue(spelling: string): boolean {
    if (this.valued.has(spelling)) return true;
    if (this.extensionNames.includes(spelling)) return false;
    const begun = this.all.filter((name) => name.startsWith(spelling));
    return begun.length === 1 && this.valued.has(begun[0]);
  }

  /**
   * Whether getopt finds an option for `spelling`: a long one (`--dport`, or a prefix of one such
   * as `--dpo`), or one of iptables' own letters (`-J` is none). A letter with more after it
   * (`-s10.0.0.1`) is read as that letter's option.
   */
  knows(spelling: string): boolean {
    let known = this.answers.get(spelling);
    if (known === undefined) {
      known = spelling.startsWith("--")
        ? spelling.length <= 2 || this.all.some((name) => name.startsWith(spelling))
        : !(spelling.length === 2 && UNKNOWN_LETTERS.has(spelling[1]));
      this.answers.set(spelling, known);
    }
    return known;
  }

  /** The extensions' option closest to a misspelling, if close enough to be a typo (`--icmpc6-type` → `--icmpv6-type`). */
  nearest(spelling: string): string | undefined {
    return nearestName(spelling, this.extensionNames, Math.max(2, Math.floor((spelling.length - 2) / 4)));
  }
}

/** The candidate closest to `word` by edit distance (case aside: `TCP` is `tcp`), if at most `most` edits away. */
export function nearestName(word: string, candidates: readonly string[], most: number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const name of candidates) {
    const d = name === lower ? 0.5 : distance(word, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return bestDistance <= most ? best : undefined;
}

const spaces = new Map<string, OptionSpace>();

/** The option space of these extensions in a family, kept by the extensions' names (a dump has a handful). */
export function optionSpace(extensions: readonly ExtensionData[], family: Family | null): OptionSpace {
  const key = `${family ?? "?"}|${extensions.map((e) => `${e.kind}:${e.name}`).join(",")}`;
  let space = spaces.get(key);
  if (space === undefined) {
    space = new OptionSpace(extensions, family);
    spaces.set(key, space);
  }
  return space;
}

/** Every match name iptables 1.8.9 ships for a family (null: either), `-m` aliases included. */
export function matchNames(family: Family | null): string[] {
  const names = EXTENSIONS.filter((e) => e.kind === "match" && (family === null || e.families.includes(family))).map((e) => e.name);
  if (family !== 4) names.push(...Object.keys(MATCH_ALIASES));
  return names;
}

/** Every target name iptables 1.8.9 ships for a family (null: either), the verdicts included. */
export function targetNames(family: Family | null): string[] {
  return [
    ...VERDICTS,
    ...EXTENSIONS.filter((e) => e.kind === "target" && e.name !== "standard" && (family === null || e.families.includes(family))).map((e) => e.name),
  ];
}

export { ONCE_BUILTINS, ONCE_GROUPS, ONE_OF_REQUIREMENTS, OWN_CHECK_FIRST, type OnceGroup, type OneOfRequirement } from "./relations.js";
