/**
 * Every option value of a document's command lines, read from the token arrays with no node per
 * line: for a rule that reads values, which differ on every line (a kube-proxy dump's ClusterIPs
 * and ports), where what the options are is decided per line shape (`shapes.ts`).
 */
import { decodeWord, TokenCode, type Document } from "../../grammar/index.js";
import type { LineNo } from "./ids.js";

/** What `forEachOptionValue` hands over for one option word with a value word after it. */
export interface OptionValue {
  line: LineNo;
  /** For an extension's option (`--dport`), its place among the line's extension options (0, 1, ...); -1 for iptables' own (`-s`, `-p`, ...). */
  ordinal: number;
  /** The option word as written (iptables' own options only; "" for an extension's). */
  option: string;
  /** Where the value word is in the text (`text` is the document's), and whether it has a quote. */
  start: number;
  end: number;
  quoted: boolean;
  text: string;
}

/** The value of an `OptionValue` as iptables sees it (quotes removed). */
export const valueOf = (v: OptionValue): string => (v.quoted ? decodeWord(v.text.slice(v.start, v.end)) : v.text.slice(v.start, v.end));

/**
 * Calls `visit` for each option of `lines` (every line when not given) with a value word after it
 * (after a late `!`), in order, and with an extension's option word right after another's (which
 * getopt gives the first as its value when it takes one); `visit` returns false to leave the rest
 * of the line. A line whose options are not plain words (quoted, or `--name=value`) is handed to
 * `unusual` instead, once: the caller reads it the slow way.
 */
export function forEachOptionValue(document: Document, lines: Iterable<LineNo> | null, visit: (v: OptionValue) => boolean, unusual: (line: LineNo) => void): void {
  const { lexed } = document.source;
  const { firstTokens, lineCount, text } = lexed;
  const { codes, starts, ends } = lexed.tokens;
  const v: OptionValue = { line: 0 as LineNo, ordinal: -1, option: "", start: 0, end: 0, quoted: false, text };
  const readLine = (line: number): void => {
    const first = firstTokens[line];
    const last = firstTokens[line + 1];
    let ordinal = 0;
    for (let t = first; t < last; t++) {
      const code = codes[t];
      if (code !== TokenCode.ModuleOption && code !== TokenCode.GenericOption) continue;
      const start = starts[t];
      const end = ends[t];
      if (hasQuoteOrEquals(text, start, end)) {
        unusual(line as LineNo);
        return;
      }
      const value = t + 1 < last && codes[t + 1] === TokenCode.Bang ? t + 2 : t + 1;
      v.line = line as LineNo;
      if (code === TokenCode.ModuleOption) {
        v.ordinal = ordinal++;
        v.option = "";
      } else {
        v.ordinal = -1;
        // The short spellings (nearly all) without making a string.
        v.option = end - start === 2 ? SHORT[text.charCodeAt(start + 1) & 0x7f] : text.slice(start, end);
      }
      if (value >= last) continue;
      const valueCode = codes[value];
      // `--to-destination --random`: getopt gives the second option word to the first when the
      // first requires a value (which option does is the caller's to say), so it is visited as one.
      const takenOption = code === TokenCode.ModuleOption && value === t + 1 && valueCode === TokenCode.ModuleOption;
      if (valueCode !== TokenCode.Word && valueCode !== TokenCode.QuotedWord && !takenOption) continue;
      v.start = starts[value];
      v.end = ends[value];
      v.quoted = valueCode === TokenCode.QuotedWord;
      if (!visit(v)) return;
    }
  };
  if (lines === null) for (let line = 0; line < lineCount; line++) readLine(line);
  else for (const line of lines) readLine(line);
}

const SHORT: readonly string[] = Array.from({ length: 128 }, (_, c) => `-${String.fromCharCode(c)}`);

/** A quoted option word, or `--name=value`: getopt sees another word than the text. */
function hasQuoteOrEquals(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d /* = */ || c === 0x22 /* " */) return true;
  }
  return text.charCodeAt(start) === 0x22;
}
