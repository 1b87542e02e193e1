/**
 * Numbers as iptables reads them. Marks, masks and the like go through `strtoul(s, &end, 0)`
 * (`xtables_strtoui`), so `0x4000`, `0x00004000` and `16384` are the same number and `010`
 * is octal 8. Compare these values as numbers, never as strings.
 */

const HEX = /^0[xX][0-9a-fA-F]+$/;
const OCTAL = /^0[0-7]*$/;
const DECIMAL = /^[1-9][0-9]*$/;

/** An unsigned 32-bit number written the way strtoul(…, 0) reads it, or null. */
export function parseUint32(text: string): number | null {
  let value: number;
  if (HEX.test(text)) value = parseInt(text.slice(2), 16);
  else if (OCTAL.test(text)) value = parseInt(text, 8);
  else if (DECIMAL.test(text)) value = parseInt(text, 10);
  else return null;
  return value <= 0xffffffff ? value : null;
}

export interface ValueMask {
  value: number;
  mask: number;
}

/**
 * `value[/mask]` as the mark match and MARK target read it; the mask defaults to all ones.
 * Returns null when either part is not a 32-bit number.
 */
export function parseValueMask(text: string): ValueMask | null {
  const slash = text.indexOf("/");
  const value = parseUint32(slash === -1 ? text : text.slice(0, slash));
  const mask = slash === -1 ? 0xffffffff : parseUint32(text.slice(slash + 1));
  if (value === null || mask === null) return null;
  return { value, mask };
}

/** Packet and byte counters can exceed 2^53: they are kept as bigints. */
export function parseCounter(text: string): bigint | null {
  return /^[0-9]+$/.test(text) ? BigInt(text) : null;
}

/** Whether `sscanf(word, "%llu")` reads a number: blanks, an optional sign, a digit (and whatever follows). */
const SCANS_NUMBER = /^[ \t\n\v\f\r]*[+-]?[0-9]/;

/**
 * Whether iptables-restore refuses the counters that start a rule line, `text[start, end)` being
 * the line from its `[`. iptables 1.8.9 (`tokenize_rule_counters`, then `-c` of the command)
 * takes the line up to its first `]`, splits it with strtok at `:` and `]`, and with `-c` reads
 * each part with `sscanf("%llu")`: `[1:]`, `[x:1]`, `[1]`, `[]` and a line with no `]` are
 * refused, while `[1x:2]` or `[1:2:3]` load (as the numbers it reads). With `-c` is how a dump
 * with counters is restored, and how this is judged.
 */
export function ruleCountersRefused(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end);
  if (line.indexOf("]") === -1) return true; // "need ]"
  // strtok(buffer + 1, ":"): leading `:` skipped; the packets run to the next `:` or the end.
  let at = 1;
  while (at < line.length && line[at] === ":") at++;
  if (at >= line.length) return true; // "need :"
  const colon = line.indexOf(":", at);
  if (colon === -1) return true; // the bytes: strtok(NULL, "]") finds nothing left, "need ]"
  const packets = line.slice(at, colon);
  // strtok(NULL, "]"): leading `]` skipped; the bytes run to the next `]` or the end.
  let from = colon + 1;
  while (from < line.length && line[from] === "]") from++;
  if (from >= line.length) return true; // "need ]"
  const close = line.indexOf("]", from);
  const bytes = line.slice(from, close === -1 ? line.length : close);
  return !SCANS_NUMBER.test(packets) || !SCANS_NUMBER.test(bytes); // "-c packet/byte counter not numeric"
}

/**
 * Whether iptables-restore -c refuses a chain declaration's counters, the word `text[start, end)`:
 * it reads them with `sscanf("[%llu:%llu]")` and wants both numbers (`parse_counters`), so
 * `[1:22` loads and `[1x:2]` does not.
 */
export function declarationCountersRefused(text: string, start: number, end: number): boolean {
  return !/^\[[ \t\n\v\f\r]*[+-]?[0-9]+:[ \t\n\v\f\r]*[+-]?[0-9]/.test(text.slice(start, end));
}
