/**
 * Line shapes: command lines that spell the same options, load the same `-m` modules, give the
 * same `-p` and the same target with options, with as many words between the same options, have
 * one shape. What iptables' getopt makes of a line's option words (which extension owns each,
 * which are unknown, which word no option takes) depends on these alone, not on the values
 * (addresses, ports, comments, the chain jumped to), so a rule about option words looks closely
 * at one line per shape: a 10k-service kube-proxy dump has a quarter of a million lines and a
 * few dozen shapes.
 *
 * A shape is a 30-bit hash of those words, read in place from the token arrays (no string made).
 * Two shapes may share a hash: a rule that checks one line of a shape and finds nothing may miss
 * a finding on the other (about one chance in a million per pair of shapes), never report a false one.
 */
import { TokenCode, type LexedText } from "../../grammar/index.js";
import type { LineNo } from "./ids.js";

export interface LineShapes {
  /** One line of each shape, in file order of their first line. */
  readonly representatives: readonly LineNo[];
  /** Every line with the shape of this representative, in file order. */
  linesLike(representative: LineNo): readonly LineNo[];
  /** The line's shape: its representative's place in `representatives`, or -1 for a line with no option of an extension. */
  shapeOf(line: LineNo): number;
}

const FNV_PRIME = 16777619;

/** Hashes `text[start, end)` into `h`. */
function mix(h: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x20, FNV_PRIME);
}

/** `-p` or a long spelling of it (`--protocol`, `--proto`): a generic option whose value is part of the shape. */
function isProtocolOption(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 2) return text.charCodeAt(start + 1) === 0x70 /* p */;
  return length > 3 && text.charCodeAt(start + 1) === 0x2d && text.charCodeAt(start + 2) === 0x70 && text.charCodeAt(start + 3) === 0x72; /* --pr */
}

export function lineShapes(lexed: LexedText): LineShapes {
  const { firstTokens, lineCount, text } = lexed;
  const { codes, starts, ends } = lexed.tokens;
  const shapeOf = new Int32Array(lineCount).fill(-1);
  const ids = new Map<number, number>();
  const representatives: LineNo[] = [];
  for (let line = 0; line < lineCount; line++) {
    const first = firstTokens[line];
    const last = firstTokens[line + 1];
    let h = 0x811c9dc5 | 0;
    let owned = false;
    // The target's name, hashed once an option follows it (a chain jumped to has none: `-j KUBE-SEP-X`).
    let target = -1;
    // The last option hashed: how many words follow each is part of the shape (`--syn 5`).
    let mark = first;
    for (let t = first; t < last; t++) {
      const code = codes[t];
      if (code < TokenCode.MatchOption || code > TokenCode.ModuleOption) continue;
      h = Math.imul(h ^ (t - mark), FNV_PRIME);
      mark = t;
      if (code === TokenCode.ModuleOption) {
        owned = true;
        if (target !== -1) {
          h = mix(h, text, starts[target], ends[target]);
          target = -1;
        }
        h = mix(Math.imul(h ^ code, FNV_PRIME), text, starts[t], ends[t]);
      } else if (code === TokenCode.MatchOption) {
        owned = true;
        h = mix(Math.imul(h ^ code, FNV_PRIME), text, starts[t], ends[t]);
        if (t + 1 < last) h = mix(h, text, starts[t + 1], ends[t + 1]);
      } else if (code === TokenCode.GenericOption) {
        // iptables' own options are no extension's: their length and last character tell them apart.
        h = Math.imul(h ^ ((code * 64 + ends[t] - starts[t]) * 128 + text.charCodeAt(ends[t] - 1)), FNV_PRIME);
        if (isProtocolOption(text, starts[t], ends[t])) {
          const value = t + 1 < last && codes[t + 1] === TokenCode.Bang ? t + 2 : t + 1;
          if (value < last) h = mix(h, text, starts[value], ends[value]);
        }
      } else if (code === TokenCode.JumpOption || code === TokenCode.GotoOption) {
        h = Math.imul(h ^ code, FNV_PRIME);
        if (t + 1 < last) target = t + 1;
      }
    }
    if (!owned) continue;
    h = Math.imul(h ^ (last - mark), FNV_PRIME);
    const key = h & 0x3fffffff;
    let id = ids.get(key);
    if (id === undefined) {
      id = representatives.length;
      ids.set(key, id);
      representatives.push(line as LineNo);
    }
    shapeOf[line] = id;
  }
  let members: LineNo[][] | undefined;
  return {
    representatives,
    linesLike(representative) {
      if (members === undefined) {
        members = representatives.map(() => []);
        for (let line = 0; line < lineCount; line++) if (shapeOf[line] !== -1) members[shapeOf[line]].push(line as LineNo);
      }
      const id = shapeOf[representative];
      return id === -1 ? [] : members[id];
    },
    shapeOf: (line) => shapeOf[line],
  };
}
