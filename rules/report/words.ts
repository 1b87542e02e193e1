/**
 * Words that several rules' messages share.
 */

/** `a`, `a and b`, `a, b and c`. */
export const listOf = (names: readonly string[]): string =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/** `table nat` or, for `iptables -S` output (no table name), "the table". */
export const tableName = (table: { readonly name: string | null }): string => (table.name === null ? "the table" : `table ${table.name}`);

/** Where a line is, for messages: `line 12`. */
export const lineOf = (line: { readonly index: number }): string => `line ${line.index + 1}`;

/** A word of the file as a message shows it: cut to 40 characters, so that the message stays one line. */
export const shownWord = (word: string): string => (word.length > 40 ? `${word.slice(0, 37)}...` : word);

/** `0x4000`, as iptables-save prints marks. */
export const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/**
 * How the kernel names the x_tables of a family in its messages (`x_tables: ip6_tables: ...`):
 * `ip(6)_tables` when the ruleset's family is not known, for a message true of both.
 */
export const xtablesName = (family: 4 | 6 | null): string => (family === 6 ? "ip6_tables" : family === 4 ? "ip_tables" : "ip(6)_tables");
