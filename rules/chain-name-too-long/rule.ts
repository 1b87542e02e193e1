/**
 * chain-name-too-long: a chain (or target) name longer than 28 bytes, which iptables refuses
 * wherever it appears. See README.md beside this file.
 */
import type { SourceRange } from "../../grammar/index.js";
import { lineNo, NONE, type NameId, type None } from "../model/index.js";
import { isNameTooLong, MAX_CHAIN_NAME_BYTES, nameBytes } from "../netfilter/index.js";
import type { RuleModule } from "../types.js";

const ID = "chain-name-too-long";

type Place = "declaration" | "command" | "target" | "rename";

interface Occurrence {
  name: string;
  place: Place;
  range: SourceRange;
  line: number;
  /** Lines that name it, this one included. */
  count: number;
}

export const chainNameTooLong: RuleModule = {
  id: ID,
  description: "a chain or target name longer than 28 bytes: iptables refuses the line, even with --test",
  severity: "error",
  fixable: false,
  check(context) {
    for (const walk of context.model.tables()) {
      const table = walk.table;
      const { longest, nonAscii } = walk.nameStats();
      // Most names are ASCII: then a name's length in bytes is its length.
      const ascii = !nonAscii;
      // Every chain and target name of the table is interned: when none is long, none is too long.
      if (ascii ? longest <= MAX_CHAIN_NAME_BYTES : longest * 3 <= MAX_CHAIN_NAME_BYTES) {
        // (`-E OLD NEW` of a chain that does not exist leaves NEW out of the names.)
        if (!walk.deletesOrRenames) continue;
      }
      // By id: 0 not looked at yet, 1 fine, 2 too long.
      const verdicts: number[] = [];
      const tooLong = (id: NameId | None): boolean => {
        if (id === NONE) return false;
        let verdict = verdicts[id];
        if (!verdict) {
          const length = walk.nameLength(id);
          verdict = length > MAX_CHAIN_NAME_BYTES || (!ascii && isNameTooLong(walk.nameOf(id))) ? 2 : 1;
          while (verdicts.length < id) verdicts.push(0);
          verdicts[id] = verdict;
        }
        return verdict === 2;
      };
      const found = new Map<string, Occurrence>();
      const note = (name: string, place: Place, range: SourceRange, line: number) => {
        const seen = found.get(name);
        if (seen === undefined) found.set(name, { name, place, range, line, count: 1 });
        else if (line < seen.line) Object.assign(seen, { place, range, line, count: seen.count + 1 });
        else if (line !== seen.line) seen.count++;
      };
      for (const declaration of table.chains) {
        if (tooLong(walk.chainOf(lineNo(declaration)))) note(declaration.name, "declaration", declaration.header.range, declaration.index);
      }
      for (const command of table.commands) {
        if (tooLong(walk.chainOf(lineNo(command)))) note(command.chain!, "command", command.chainWord!.range, command.index);
        if (command.command === "rename-chain") {
          const to = command.positional[1];
          if (to && isNameTooLong(to.value)) note(to.value, "rename", to.range, command.index);
        }
        if (tooLong(walk.targetOf(lineNo(command)))) {
          const target = walk.target(command)!;
          note(target.name, "target", target, command.index);
        }
      }
      for (const occurrence of [...found.values()].sort((a, b) => a.line - b.line)) {
        context.report({ range: occurrence.range, message: message(occurrence) });
      }
    }
  },
};

function message({ name, place, count }: Occurrence): string {
  const bytes = nameBytes(name);
  const size = bytes === name.length ? `${bytes} bytes` : `${bytes} bytes in UTF-8`;
  const more = count > 1 ? `, and ${count - 1} more line${count > 2 ? "s name" : " names"} it` : "";
  const what = `\`${name}\` is ${size}, more than iptables' ${MAX_CHAIN_NAME_BYTES}${more}`;
  switch (place) {
    case "declaration":
      return `${what}: both backends refuse it ("too long (must be under 29 chars)")`;
    case "command":
      return `${what}: both backends refuse the line ("too long (must be under 29 chars)")`;
    case "target":
      return `${what}: both backends refuse the jump to it ("Invalid target name")`;
    case "rename":
      return `${what}: only iptables-nft-restore refuses the rename ("CHAIN_RENAME failed")`;
  }
}
