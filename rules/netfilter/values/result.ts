/**
 * What parsing one option value gives: the typed value iptables would build, iptables' own
 * refusal (the message iptables 1.8.9 prints, without its `iptables-restore v1.8.9 (nf_tables): `
 * prefix), or "unsure" when only the node can tell (a host name, a service name outside the few
 * every services file has).
 */
export type Parsed<T> = Accepted<T> | Refused | Unsure;

export interface Accepted<T> {
  readonly kind: "value";
  readonly value: T;
}

export interface Refused {
  readonly kind: "refused";
  /** iptables' message, as both backends print it unless `backend` says which one. */
  readonly message: string;
  /**
   * Set when an earlier part of the value is a name only the node resolves: iptables refuses the
   * value either way, but names that part instead when the node does not know it.
   */
  readonly afterUnsure?: true;
}

export interface Unsure {
  readonly kind: "unsure";
  /** Why the node decides: what it looks up there. */
  readonly reason: string;
}

export const accept = <T>(value: T): Accepted<T> => ({ kind: "value", value });
export const refuse = (message: string): Refused => ({ kind: "refused", message });
/** A refusal that comes after a part only the node can resolve (see `afterUnsure`), or plain when nothing was unsure. */
export const refuseAfter = (refused: Refused, earlier: Unsure | null): Refused => (earlier === null ? refused : { ...refused, afterUnsure: true });
export const unsure = (reason: string): Unsure => ({ kind: "unsure", reason });

/** Where an option's value belongs, as libxtables names it in its messages. */
export interface OptionSpec {
  /** The extension's name as iptables prints it in messages (`mark`, `MARK`, `conntrack`). */
  readonly extension: string;
  /**
   * The option's long name without its dashes, as iptables names it in messages: the FIRST
   * entry of the extension's table with the same id (udp's `--sport` is reported as
   * `--source-port`, since xtables_option_lookup finds that entry first).
   */
  readonly option: string;
  /** `xt_option_entry.min`/`.max` (0: the type's own limit); `size`: the buffer's size for STRING and *RC. */
  readonly min?: number;
  readonly max?: number;
  readonly size?: number;
}

export type { Family } from "../tables.js";

/** The byte length of a word as iptables counts it (UTF-8). */
export function byteLength(word: string): number {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) >= 0x80) return Buffer.byteLength(word, "utf8");
  return word.length;
}
