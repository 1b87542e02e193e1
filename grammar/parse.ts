/**
 * The grammar's entry point: text in, document out. Never throws on any input; every problem
 * with the input is a diagnostic.
 */
import { Source } from "./ast.js";
import { quote, syntaxError } from "./diagnostics.js";
import { BYTE_ORDER_MARK, lex, lineTable, relex, type LexedText, type LexOptions, type Replacement } from "./lexer.js";
import { buildDocument, type Document } from "./to-ast.js";

export interface ParseOptions extends LexOptions {
  /** Named in diagnostics; not read. */
  filePath?: string;
}

/** How much of the start of a file is searched for NUL bytes to call it binary (as git does). */
const BINARY_SNIFF_LENGTH = 8000;

export function parse(text: string, options: ParseOptions = {}): Document {
  const { filePath } = options;
  const nul = text.indexOf("\0");
  if (nul !== -1 && nul < BINARY_SNIFF_LENGTH) {
    // Per-line errors would only bury the one thing to say.
    const lexed = lex("");
    const source = new Source(text, lexed, filePath);
    const at = { start: nul, end: nul + 1 };
    const binary = syntaxError(source, at, "binary file: it has NUL bytes, so it is not an iptables ruleset");
    return { ...buildDocument(lexed, filePath, [{ ...binary, loc: locateInText(text, nul) }]), text, source };
  }

  const template = findTemplate(text);
  if (template !== null) {
    // A cascade of errors on every placeholder would bury the one thing to say.
    const lexed = lex("");
    const source = new Source(text, lexed, filePath);
    const at = { start: template.start, end: template.end };
    const message = `this looks like a template, not a ruleset (${quote(text.slice(at.start, at.end))}): render it first, then lint what it renders`;
    const finding = syntaxError(source, at, message);
    return { ...buildDocument(lexed, filePath, [{ ...finding, loc: locateInText(text, at.start, at.end) }]), text, source };
  }

  return fromLexed(lex(text, { spareMemory: options.spareMemory }), filePath);
}

/** Placeholders of Jinja (Ansible, Salt), ERB (Puppet, Chef), Go templates (Helm) and the shell (envsubst), each closed on its line. */
const TEMPLATE_OPENERS: readonly [open: string, close: RegExp][] = [
  ["{{", /^\{\{[^\n]*?\}\}/],
  ["{%", /^\{%[^\n]*?%\}/],
  ["{#", /^\{#[^\n]*?#\}/],
  ["<%", /^<%[^\n]*?%>/],
  ["${", /^\$\{[A-Za-z_][A-Za-z0-9_]*(?:[:#%/^,]?[^}\n]*)?\}/],
];

/**
 * The first template placeholder outside a comment line (`{{ host }}`, `{% if %}`, `<%= x %>`,
 * `${VAR}`), or null. iptables has no such syntax: a file with one is a template that was not
 * rendered. Each opener is searched for with indexOf, so a dump without any costs five scans.
 */
function findTemplate(text: string): { start: number; end: number } | null {
  let found: { start: number; end: number } | null = null;
  for (const [open, close] of TEMPLATE_OPENERS) {
    for (let at = text.indexOf(open); at !== -1 && (found === null || at < found.start); at = text.indexOf(open, at + 1)) {
      const lineStart = text.lastIndexOf("\n", at) + 1;
      if (text.charCodeAt(lineStart) === 0x23 /* # */) continue;
      const match = close.exec(text.slice(at, at + 1000));
      if (match) {
        found = { start: at, end: at + match[0].length };
        break;
      }
    }
  }
  return found;
}

/**
 * Parses `text`, which is `document.text` with these replacements (sorted, not overlapping),
 * lexing again only the lines they touch. The result is the document `parse(text)` gives.
 */
export function reparse(document: Document, replacements: readonly Replacement[], text: string): Document {
  const nul = text.indexOf("\0");
  if (document.source.lexed.lineCount === 0 || (nul !== -1 && nul < BINARY_SNIFF_LENGTH)) {
    return parse(text, { filePath: document.filePath });
  }
  return fromLexed(relex(document.source.lexed, replacements, text), document.filePath);
}

function fromLexed(lexed: LexedText, filePath: string | undefined): Document {
  const text = lexed.text;
  const document = buildDocument(lexed, filePath);
  if (text.charCodeAt(0) === BYTE_ORDER_MARK) {
    document.diagnostics.unshift(
      syntaxError(document.source, { start: 0, end: 1 }, "byte order mark at the start of the file: iptables-restore does not accept it"),
    );
  }
  // An empty file is an empty restore, which iptables-restore loads: nothing to report.
  return document;
}

/** Line and column of an offset (to `end`, on the same line), for a text that was not split into lines. */
function locateInText(text: string, offset: number, end = offset + 1) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const start = { line, column: offset - lineStart + 1, offset };
  return { start, end: { line, column: start.column + end - offset, offset: end } };
}

/**
 * A document that knows only its text and lines, for findings computed elsewhere (in a worker
 * thread): enough to locate and quote them, with no AST.
 */
export function detachedDocument(text: string, filePath: string | undefined, diagnostics: Document["diagnostics"]): Document {
  const lexed = lineTable(text);
  const source = new Source(text, lexed, filePath);
  return {
    source,
    text,
    filePath,
    form: "restore",
    lines: [],
    line: (index) => {
      throw new RangeError(`no line ${index}: a detached document has no line nodes`);
    },
    kindOf: (index) => {
      throw new RangeError(`no line ${index}: a detached document has no line nodes`);
    },
    commandPlan: (index) => {
      throw new RangeError(`no line ${index}: a detached document has no line nodes`);
    },
    tables: [],
    diagnostics,
    openQuotes: [],
  };
}
