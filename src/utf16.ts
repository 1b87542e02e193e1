/**
 * UTF-16 text (Windows editors and PowerShell's `>` write it) has a NUL byte beside every ASCII
 * letter, so the grammar calls it binary. It is named for what it is here, with the command that
 * converts it: iptables-restore reads bytes and cannot load it either way.
 */
import { SYNTAX, type Diagnostic, type Document } from "../grammar/index.js";

/** As much of the text as the grammar searches for NUL bytes. */
const SNIFF_LENGTH = 8000;

/**
 * Which UTF-16 the text is, read byte for byte (as Latin-1, or as UTF-8 where the bytes allowed):
 * a byte order mark (FF FE, FE FF; U+FFFD twice where a decoder replaced them), or NUL bytes in
 * nine of ten odd places (little-endian) or even places (big-endian) and hardly any elsewhere.
 */
export function utf16Encoding(text: string): { name: "UTF-16LE" | "UTF-16BE"; bom: boolean } | undefined {
  const sample = text.slice(0, SNIFF_LENGTH);
  if (!sample.includes("\0")) return undefined;
  const head = sample.slice(0, 2);
  if (head === "\u00ff\u00fe") return { name: "UTF-16LE", bom: true };
  if (head === "\u00fe\u00ff") return { name: "UTF-16BE", bom: true };
  if (head === "\ufffd\ufffd") return { name: sample[2] === "\0" ? "UTF-16BE" : "UTF-16LE", bom: true };
  const pairs = sample.length >> 1;
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === "\0") evenNul++;
    if (sample[i + 1] === "\0") oddNul++;
  }
  if (oddNul >= 0.9 * pairs && evenNul <= 0.1 * pairs) return { name: "UTF-16LE", bom: false };
  if (evenNul >= 0.9 * pairs && oddNul <= 0.1 * pairs) return { name: "UTF-16BE", bom: false };
  return undefined;
}

/**
 * The document's syntax findings, with the grammar's "binary file" finding (its only one for a
 * text with NUL bytes near its start) said as what it is when the text is UTF-16.
 */
export function namingUtf16(document: Document): readonly Diagnostic[] {
  const encoding = document.diagnostics.length === 1 ? utf16Encoding(document.text) : undefined;
  if (encoding === undefined) return document.diagnostics;
  const from = encoding.bom ? "UTF-16" : encoding.name;
  const end = Math.min(2, document.text.length);
  return [
    {
      ruleId: SYNTAX,
      severity: "error",
      message: `UTF-16 text (${encoding.name}): iptables-restore reads bytes and cannot load it; convert it with \`iconv -f ${from} -t UTF-8\``,
      range: { start: 0, end },
      loc: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: end + 1, offset: end } },
    },
  ];
}
