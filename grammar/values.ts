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

/** Whether `text[start, end)` is `[packets:bytes]` with two whole numbers. */
export function isBracketCounters(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) !== 0x5b /* [ */ || text.charCodeAt(end - 1) !== 0x5d /* ] */) return false;
  let digits = 0;
  let colons = 0;
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a /* : */) {
      if (digits === 0 || ++colons > 1) return false;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      digits++;
    } else {
      return false;
    }
  }
  return colons === 1 && digits > 0;
}
