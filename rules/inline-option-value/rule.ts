/**
 * inline-option-value: a value joined to its option with `=` (`--source=10.0.0.1`,
 * `--jump=ACCEPT`) or written in the same word as a one-letter option (`-s10.0.0.1`, `-jACCEPT`)
 * where iptables does not take it apart. getopt would, and does for match and target options
 * (`--dport=80` loads) and for `-m`, `-g`, `-A` (`-mtcp` is `-m tcp`), but iptables 1.8.9 takes
 * the whole word for the value of `-s`, `-d`, `-i`, `-o`, `-p` and `-j` (`--source=10.0.0.1`
 * for the address) and refuses the line. See README.md beside this file.
 */
import { decodeWord, type CommandLine, type Document, type LineView } from "../../grammar/index.js";
import type { RulesetModel } from "../model/index.js";
import { parseAddressList, type Family } from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "inline-option-value";

/** What iptables 1.8.9 says of each spelling with `=value`, quoted (nft and legacy alike, IPv4 and IPv6; see README.md). */
export const REFUSED: Readonly<Record<string, { what: string; says: (word: string) => string }>> = {
  "--source": { what: "the address", says: hostNotFound },
  "--src": { what: "the address", says: hostNotFound },
  "--destination": { what: "the address", says: hostNotFound },
  "--dst": { what: "the address", says: hostNotFound },
  "--in-interface": { what: "the interface", says: interfaceTooLong },
  "--out-interface": { what: "the interface", says: interfaceTooLong },
  "--protocol": { what: "the protocol", says: (word) => `"unknown protocol "${word}" specified"` },
  "--jump": {
    what: "the target",
    says: (word) => `"Chain '${word}' does not exist" (nft), "Couldn't load target \`${word}'" (legacy)`,
  },
  "--fragment": { what: "an option name", says: unknownOption },
  "--fragments": { what: "an option name", says: unknownOption },
  "--ipv4": { what: "an option name", says: unknownOption },
  "--ipv6": { what: "an option name", says: unknownOption },
};

/**
 * One-letter options whose value iptables 1.8.9 reads from the whole word (xshared.c's do_parse:
 * `argv[optind - 1]`, not getopt's argument), written with the value in the same word: what it
 * says of each, quoted (nft and legacy alike, IPv4 and IPv6; see README.md). `-i` and `-o`
 * load an interface named by the whole word (`-ieth0` is `-ieth0`) unless it is too long.
 */
export const GLUED: Readonly<Record<string, { what: string; says: (word: string) => string }>> = {
  "-s": REFUSED["--source"],
  "-d": REFUSED["--destination"],
  "-p": REFUSED["--protocol"],
  "-j": REFUSED["--jump"],
  "-i": REFUSED["--in-interface"],
  "-o": REFUSED["--out-interface"],
};

/** Longest interface name the kernel takes, in bytes (IFNAMSIZ less its NUL). */
const INTERFACE_NAME_BYTES = 15;

/** Options that take no value: `=value` has no place to go, so no fix is offered. */
const NO_VALUE = new Set(["--fragment", "--fragments", "--ipv4", "--ipv6"]);

function hostNotFound(word: string): string {
  return `"host/network \`${word}' not found"`;
}
function interfaceTooLong(word: string): string {
  return `"interface name \`${word}' must be shorter than IFNAMSIZ (15)"`;
}
function unknownOption(word: string): string {
  return `"unknown option "${word}""`;
}

export const inlineOptionValue: RuleModule = {
  id: ID,
  description: "a value joined with `=` to `--source`, `--destination`, `--in-interface`, `--out-interface`, `--protocol` or `--jump`, or in one word with `-s`, `-d`, `-p`, `-j` (`-s10.0.0.1`), which iptables-restore refuses (fix: a space)",
  severity: "error",
  fixable: "safe",
  check(context) {
    for (const line of linesWithEquals(context.document)) checkLine(context, line);
    // A one-letter option and its value in one word is an option word of its own (the lexer
    // reads `-s10.0.0.1` as no option of iptables'), spelled the same on every line of a shape.
    const { document, model } = context;
    const shapes = model.lines.shapes();
    for (const representative of shapes.representatives) {
      const line = document.line(representative);
      if (line.kind !== "command" || !hasGluedValue(line.view)) continue;
      for (const n of shapes.linesLike(representative)) {
        const like = document.line(n);
        if (like.kind === "command") checkGlued(context, like);
      }
    }
  },
};

/** The one-letter option of GLUED an option word starts with, its value in the same word (`-s` of `-s10.0.0.1`); null for any other word. */
function gluedOption(word: string): string | null {
  if (word.length <= 2 || word.charCodeAt(1) === 0x2d /* - */) return null;
  const option = word.slice(0, 2);
  return Object.hasOwn(GLUED, option) ? option : null;
}

/** Whether an option word of the line is `-s`, `-d`, `-p`, `-j`, `-i` or `-o` with more letters after it. */
function hasGluedValue(view: LineView): boolean {
  for (let i = 0; i < view.count; i++) if (view.role(i) === "module" && gluedOption(view.name(i)) !== null) return true;
  return false;
}

function checkGlued(context: RuleContext, line: CommandLine): void {
  const view = line.view;
  const text = line.source.text;
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "module") continue;
    // What iptables sees: the word without its quotes.
    const word = view.name(i);
    const option = gluedOption(word);
    if (option === null) continue;
    // `-ieth0` loads: an interface named `-ieth0`.
    if ((option === "-i" || option === "-o") && Buffer.byteLength(word) <= INTERFACE_NAME_BYTES) continue;
    if (option === "-j" && isDeclaredChain(context.model, line, word)) continue;
    if ((option === "-s" || option === "-d") && loadsAsAddress(word, context.model)) continue;
    const range = view.optionRange(i);
    const raw = text.slice(range.start, range.end);
    const refused = GLUED[option];
    // `-s=10.0.0.1` and a quoted word are left to the user.
    const fixable = !raw.includes('"') && raw[2] !== "=";
    context.report({
      range,
      message: `\`${raw}\`: iptables-restore takes the whole word as ${refused.what} and refuses it (${refused.says(word)})`,
      fix: fixable
        ? { title: `write ${option} ${raw.slice(2)}`, applicability: "safe", edits: [{ start: range.start + 2, end: range.start + 2, text: " " }], ruleId: ID }
        : undefined,
    });
  }
}

/**
 * Whether iptables loads the whole word as `-s`/`-d`'s address: behind a zero mask it reads no
 * address (`-s=::/0` loads, measured, both backends). With the family unknown, in either family.
 */
function loadsAsAddress(word: string, model: RulesetModel): boolean {
  const family = model.family()?.family ?? null;
  const families: Family[] = family === null ? [4, 6] : [family];
  return families.some((f) => parseAddressList(word, f).kind === "value");
}

/**
 * Whether the line's table declares a chain by this name: iptables-legacy-restore loads
 * `:-jX - [0:0]` and then jumps to it from `-jX` (iptables-nft refuses the declaration).
 */
function isDeclaredChain(model: RulesetModel, line: CommandLine, name: string): boolean {
  const table = model.tableOf(line.table);
  return table !== undefined && table.declarationsOf(name).length > 0;
}

/**
 * The command lines with a `=` in them: found by searching the text for `=`, which most dumps
 * do not have at all, rather than by reading every option of every line.
 */
function linesWithEquals(document: Document): CommandLine[] {
  const { text, source } = document;
  const { lineStarts, lineCount } = source.lexed;
  const found: CommandLine[] = [];
  for (let at = text.indexOf("="); at !== -1; ) {
    const index = source.positionAt(at).line - 1;
    if (index >= lineCount) break;
    const line = document.line(index);
    if (line.kind === "command") found.push(line);
    // On to the next line: one look at each.
    at = index + 1 < lineCount ? text.indexOf("=", lineStarts[index + 1]) : -1;
  }
  return found;
}

function checkLine(context: RuleContext, line: CommandLine): void {
  const view = line.view;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role !== "generic" && role !== "jump") continue;
    const range = view.optionRange(i);
    const raw = line.source.text.slice(range.start, range.end);
    const name = view.name(i);
    const refused = REFUSED[name];
    if (refused === undefined || !raw.includes("=")) continue;
    // What iptables sees: the word without its quotes.
    const word = decodeWord(raw);
    if (name === "--jump" && isDeclaredChain(context.model, line, word)) continue;
    if (REFUSED[name].says === hostNotFound && loadsAsAddress(word, context.model)) continue;
    const equals = raw.indexOf("=");
    const value = raw.slice(equals + 1);
    // A quoted word would keep its space inside the quotes: rewriting it is left to the user.
    const fixable = !NO_VALUE.has(name) && value !== "" && !raw.includes('"');
    context.report({
      range,
      message: `\`${raw}\`: iptables-restore takes the whole word as ${refused.what} and refuses it (${refused.says(word)})`,
      fix: fixable
        ? {
            title: `write ${name} ${value}`,
            applicability: "safe",
            edits: [{ start: range.start + equals, end: range.start + equals + 1, text: " " }],
            ruleId: ID,
          }
        : undefined,
    });
  }
}
