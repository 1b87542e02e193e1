/** The shapes of the generated extension data (data.ts) and of what the lookups hand out. */
import type { Family } from "../tables.js";

export type ExtensionKind = "match" | "target";

export interface OptionData {
  /** Every spelling, long options with their `--` (`["--destination-port", "--dport"]`); built-ins also their short one (`-p`). */
  readonly names: readonly string[];
  /** Whether the option takes a value (getopt's required_argument). */
  readonly value: boolean;
  /**
   * How iptables parses the value: the XTTYPE_* name without its prefix (`UINT32`, `PORTRC`,
   * `HOSTMASK`, `MARKMASK32`, `STRING`, `SYSLOGLEVEL`, `NONE` for none); for an extension that
   * still parses with getopt, `ext:<extension>:<option>`: its own parser decides.
   */
  readonly type: string;
  /** Whether `!` may precede it (XTOPT_INVERT); null: a getopt extension, whose code decides. */
  readonly invert: boolean | null;
  /** XTOPT_MAND: iptables refuses the extension without it. */
  readonly mandatory?: true;
  /** XTOPT_MULTI: it may be given more than once. */
  readonly multi?: true;
  /** `.min` and `.max` of the value (a number) or, for a string, of its length. */
  readonly min?: number;
  readonly max?: number;
  /** A string's buffer in the kernel's struct: at most size - 1 bytes are kept. */
  readonly size?: number;
  /** Options it may not be given with (`.excl`), and options it needs (`.also`). */
  readonly excludes?: readonly string[];
  readonly also?: readonly string[];
  /** The `family:revision` registrations that have the option, when not all of the extension's do. */
  readonly in?: readonly string[];
  /** Built-ins only: the families that have it (`-f` is IPv4 only). */
  readonly families?: readonly Family[];
}

export interface ExtensionData {
  readonly name: string;
  readonly kind: ExtensionKind;
  readonly families: readonly Family[];
  /** Revisions registered per family (iptables uses the highest the kernel has). */
  readonly revisions: Readonly<Partial<Record<"4" | "6", readonly number[]>>>;
  /** The source files that register it. */
  readonly sources: readonly string[];
  /** The kernel extension it is an alias of (`state` is conntrack, `NOTRACK` is CT). */
  readonly realName?: string;
  /** The `-p` spellings that load this match on their own (`-p tcp --dport 22`). */
  readonly implicitFor?: readonly string[];
  /** The protocols, one of which the rule must have (`-p`, not negated), by family: the kernel's `.proto` or check. */
  readonly needsProtocol?: Readonly<Partial<Record<"4" | "6", readonly string[]>>>;
  readonly options: readonly OptionData[];
}

export interface HistoryData {
  readonly extension: string;
  readonly kind: ExtensionKind;
  readonly option: string;
  readonly value?: string;
  readonly replacedBy?: string;
  readonly addedIn?: string;
  readonly removedIn?: string;
  readonly note?: string;
}
