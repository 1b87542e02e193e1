/**
 * How rules word what the kernel refuses when a table is committed (a target or match in a
 * place it does not allow): the kernel's own words, which backend refuses, and where a user
 * chain is reached from.
 */
import type { Backend, TableModel } from "../model/index.js";
import { listOf } from "./words.js";

/** The longest list of paths (`INPUT → PORT-FORWARDS → WEB`) a message shows; longer ones give way to the hooks. */
const MAX_PATHS_LENGTH = 60;

type HookOf<T extends TableModel> = Parameters<T["hooks"]["path"]>[1];

/**
 * A chain as a message names it: a built-in chain by its name, a user chain with the paths
 * from the hooks that reach it (`WEB (INPUT → PORT-FORWARDS → WEB)`), or those hooks alone when
 * the paths are long.
 */
export function chainReachedFrom(table: TableModel, chain: string, isBuiltin: boolean, hooks: readonly HookOf<TableModel>[]): string {
  if (isBuiltin) return chain;
  const paths = hooks.map((hook) => table.hooks.path(chain, hook).join(" → ")).join("; ");
  return `${chain} (${paths.length <= MAX_PATHS_LENGTH ? paths : `from ${listOf(hooks)}`})`;
}

/**
 * What the kernel's refusal does to the table, with its words (`dmesg`) when it logs any:
 * `legacyOnly` when iptables-nft loads the same (then `backend` nft says the dump is unaffected).
 */
export function kernelRefusal(logged: string | null, legacyOnly: boolean, backend: Backend | null): string {
  const words = logged === null ? " (it logs no reason)" : ` ("${logged}")`;
  if (!legacyOnly) return `the kernel refuses the table${words}`;
  return backend === "nft" ? "only iptables-legacy refuses the table, and iptables-nft wrote this dump" : `only iptables-legacy refuses the table${words}`;
}
