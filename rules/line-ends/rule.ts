/**
 * line-ends: line ends iptables-restore does not read as the file means them. See README.md.
 *
 * - CR LF (a file saved on Windows): iptables-restore splits lines at LF only, so the CR stays
 *   at the end of each line's last word: `*filter\r` is not a table, `ACCEPT\r` not a target,
 *   `COMMIT\r` not COMMIT.
 * - No line end after the last `COMMIT`: iptables-legacy-restore reads lines with fgets and
 *   compares them with "COMMIT\n", so it takes this COMMIT for a command and refuses the file
 *   ("Bad argument `COMMIT'"); iptables-nft-restore loads it.
 */
import type { ChainDeclaration, CommandLine, Document, LineNode, Severity, TableHeaderLine } from "../../grammar/index.js";
import { builtinChains, FREE_TEXT_OPTIONS } from "../netfilter/index.js";
import type { RuleContext, RuleModule, TextEdit } from "../types.js";

const ID = "line-ends";


/** What a CR does to a line: `legacy-refused` is a user chain's `:FOO -\r`, which iptables-nft-restore loads. */
type Effect = "refused" | "legacy-refused" | "altered" | "harmless";

export const lineEnds: RuleModule = {
  id: ID,
  description: "CR LF line ends (iptables-restore reads the CR as part of each line's last word), or no newline after the last COMMIT (iptables-legacy-restore refuses it)",
  severity: "error",
  fixable: "safe",
  check(context) {
    checkFinalNewline(context);
    checkCrLf(context);
  },
};

/** The last line is COMMIT with no line end. */
function checkFinalNewline(context: RuleContext): void {
  const { document } = context;
  const count = document.source.lexed.lineCount;
  const last = count > 0 ? document.line(count - 1) : null;
  if (last?.kind !== "commit" || last.eol !== "") return;
  const end = document.text.length;
  context.report({
    range: last.range,
    message: 'The file ends with `COMMIT` and no line end: iptables-legacy-restore refuses it ("Bad argument `COMMIT\'"), iptables-nft-restore loads it',
    fix: { title: "add the final newline", applicability: "safe", edits: [{ start: end, end, text: "\n" }], ruleId: ID },
  });
}

function checkCrLf(context: RuleContext): void {
  const { document } = context;
  const text = document.text;
  if (text.indexOf("\r\n") === -1) return;
  const { contentEnds, lineCount } = document.source.lexed;
  const edits: TextEdit[] = [];
  let firstRefused: LineNode | null = null;
  let firstLegacyRefused: LineNode | null = null;
  let firstAltered: LineNode | null = null;
  for (let i = 0; i < lineCount; i++) {
    const end = contentEnds[i];
    if (text.charCodeAt(end) !== 0x0d || text.charCodeAt(end + 1) !== 0x0a) continue;
    edits.push({ start: end, end: end + 1, text: "" });
    // Once a refused line is found, the others need no reading (a whole dump may be CR LF).
    if (firstRefused !== null) continue;
    const line = document.line(i);
    const effect = effectOf(document, line);
    if (effect === "refused") firstRefused = line;
    else if (effect === "legacy-refused") firstLegacyRefused ??= line;
    else if (effect === "altered") firstAltered ??= line;
  }
  const first = firstRefused ?? firstLegacyRefused ?? firstAltered;
  if (first === null) {
    // Only comments and chain declarations with counters end in CR LF: iptables loads the file as it is.
    return;
  }
  const severity: Severity = firstRefused || firstLegacyRefused ? "error" : "warning";
  const count = edits.length;
  const lines = `${count} line${count === 1 ? "" : "s"} of ${lineCount} end${count === 1 ? "s" : ""} in CR LF (\\r\\n)`;
  const message = firstRefused
    ? `${lines}: iptables-restore keeps the CR in the last word and loads nothing (${consequence(document, firstRefused)})`
    : firstLegacyRefused
      ? `${lines}: iptables-legacy-restore refuses the file, iptables-nft-restore loads it (${legacyConsequence(firstLegacyRefused as ChainDeclaration)})`
      : `${lines}: iptables-restore loads them, with a CR at the end of free text (${lastWord(firstAltered!)})`;
  context.report({
    range: first.range,
    severity,
    message,
    fix: { title: "convert CR LF line ends to LF", applicability: "safe", edits, ruleId: ID },
  });
}

/** The name of the table a line is in (null outside one: `iptables -S` output). */
function tableNameAt(document: Document, index: number): string | null {
  const table = document.tables.find((t) => (t.header?.index ?? -1) < index && (t.commit === null || t.commit.index > index));
  return table?.name ?? null;
}

/** iptables-legacy-restore's words for a user chain's `:FOO -\r`. */
function legacyConsequence(line: ChainDeclaration): string {
  return `line ${line.index + 1}: "Can't set policy \`-\\r' on \`${line.name}'"`;
}

/** What a CR at the end of this line does to iptables-restore (measured with iptables 1.8.9). */
function effectOf(document: Document, line: LineNode | undefined): Effect {
  if (line === undefined) return "refused";
  switch (line.kind) {
    case "comment":
      return "harmless";
    case "table":
      // iptables-restore reads the name and no word after it: `*filter x\r` loads (measured).
      return (line as TableHeaderLine).extra.length > 0 ? "harmless" : "refused";
    case "chain": {
      const declaration = line as ChainDeclaration;
      // `[0:0]\r` is read with sscanf and loads, and no word after the counters (or after a
      // policy, without `--counters`) is read at all: `:FOO - x\r` loads (measured).
      if (declaration.counters !== null || declaration.extra.length > 0) return "harmless";
      // `:INPUT ACCEPT\r` is a bad policy. iptables-nft-restore sets no policy on a user chain,
      // so `:FOO -\r` loads there; iptables-legacy-restore sets `-\r` and fails (measured).
      if (declaration.policy === "-") return builtinChains(tableNameAt(document, line.index)).has(declaration.name) ? "refused" : "legacy-refused";
      return "refused";
    }
    case "command": {
      const elements = (line as CommandLine).elements;
      const last = elements[elements.length - 1];
      if (last && FREE_TEXT_OPTIONS.has(last.name) && last.values.length === 1 && !last.values[0].quoted) return "altered";
      return "refused";
    }
    default:
      // A table header, COMMIT, a blank line (a lone CR is a word) and anything else.
      void document;
      return "refused";
  }
}

function lastWord(line: LineNode): string {
  const words = line.words;
  return words.count ? `\`${words.word(words.count - 1).raw}\`` : "an empty line";
}

function consequence(document: Document, line: LineNode): string {
  const at = `line ${line.index + 1}`;
  switch (line.kind) {
    case "table":
      return `${at}: "table name '${line.name}\\r' invalid"`;
    case "commit":
      return `${at}: "Bad argument \`COMMIT\\r'"`;
    case "blank":
      return `empty ${at}: "Bad argument \`\\r'"`;
    case "chain":
      return `${at}, policy \`${(line as ChainDeclaration).policy ?? ""}\\r\`: "Bad policy name"`;
    case "command": {
      const target = (line as CommandLine).target;
      const words = line.words;
      const last = words.count ? words.word(words.count - 1).raw : "";
      if (target && target.word.range.end === line.range.end) return `${at}: "Invalid target name \`${target.name}\\r'"`;
      return `${at} ends in \`${last}\\r\``;
    }
    default:
      void document;
      return `${at} is refused`;
  }
}
