/**
 * How rules word findings and build fixes, where several rules do it alike.
 */
export { moveDeclarationFix, NEW_LINE_END, wholeLine } from "./edits.js";
export { chainReachedFrom, kernelRefusal } from "./refusals.js";
export { hex, lineOf, listOf, shownWord, tableName, xtablesName } from "./words.js";
