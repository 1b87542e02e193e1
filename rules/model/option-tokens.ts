/**
 * Two questions about a line's option words that the rules about option relations ask of every
 * line of a dump, answered from the token codes without a node: whether a line's target is given
 * options (a bare `-j MARK` is not part of any line shape), and which lines give one of
 * iptables' once-only options (`-p -s -d -i -o -f -c`) twice.
 */
import { decodeWord, ownOptionName, TokenCode, type LexedText } from "../../grammar/index.js";
import { ONCE_BUILTINS } from "../netfilter/index.js";
import type { LineNo } from "./ids.js";

/** Whether the line's last `-j`/`-g` has an extension option word after it. */
export function targetGivenOptions(lexed: LexedText, n: LineNo): boolean {
  const first = lexed.firstTokens[n];
  const { codes } = lexed.tokens;
  for (let t = lexed.firstTokens[n + 1] - 1; t >= first; t--) {
    const code = codes[t];
    if (code === TokenCode.JumpOption || code === TokenCode.GotoOption) return false;
    if (code === TokenCode.ModuleOption) return true;
  }
  return false;
}

const LETTERS = "psdiofc";

/** The bit of each once-only short option's letter (`-s`), by character code. */
const SHORT_BITS = new Uint8Array(128);
for (let k = 0; k < LETTERS.length; k++) SHORT_BITS[LETTERS.charCodeAt(k)] = 1 << k;

/** The bit of a long spelling of a once-only option (`--source`), or 0. */
function longBit(word: string): number {
  // As getopt reads the word: quotes removed, cut at `=`, an abbreviation (`--proto`) as the option it stands for.
  let name = word.includes('"') ? decodeWord(word) : word;
  const equals = name.startsWith("--") ? name.indexOf("=") : -1;
  if (equals !== -1) name = name.slice(0, equals);
  const letter = Object.hasOwn(ONCE_BUILTINS, ownOptionName(name)) ? ONCE_BUILTINS[ownOptionName(name)] : undefined;
  return letter === undefined ? 0 : 1 << LETTERS.indexOf(letter);
}

/** Each byte of a 32-bit word set to a token code. */
const GENERIC4 = TokenCode.GenericOption * 0x01010101;
const COUNTERS4 = TokenCode.SetCountersOption * 0x01010101;

/** Whether a 32-bit word has a zero byte (the usual bit trick; `| 0` keeps it in 32 bits). */
const hasZeroByte = (x: number): boolean => (((x - 0x01010101) & ~x & 0x80808080) | 0) !== 0;

/** Whether four token codes read as one word may hold iptables' own option (GenericOption or SetCountersOption). */
const mayHoldOption = (word: number): boolean => hasZeroByte(word ^ GENERIC4) || hasZeroByte(word ^ COUNTERS4);

/** The lines that give one of iptables' once-only options twice (`-s a -s b`, `-d a --dst b`), in order. */
export function linesRepeatingOnceOptions(lexed: LexedText): LineNo[] {
  const { codes, starts, ends } = lexed.tokens;
  const { text, firstTokens, lineCount } = lexed;
  const count = firstTokens[lineCount];
  // A dump has millions of tokens and few of these: the codes are read four at a time where they are aligned.
  const words = codes.byteOffset % 4 === 0 ? new Int32Array(codes.buffer, codes.byteOffset, count >> 2) : new Int32Array(0);
  const found: LineNo[] = [];
  let line = -1;
  let lineEnd = 0;
  let seen = 0;
  for (let t = 0; t < count; t++) {
    if ((t & 3) === 0 && t >> 2 < words.length && !mayHoldOption(words[t >> 2])) {
      t += 3;
      continue;
    }
    const code = codes[t];
    if (code !== TokenCode.GenericOption && code !== TokenCode.SetCountersOption) continue;
    if (t >= lineEnd) {
      while (firstTokens[line + 1] <= t) line++;
      lineEnd = firstTokens[line + 1];
      seen = 0;
    }
    const start = starts[t];
    const bit = ends[t] - start === 2 ? SHORT_BITS[text.charCodeAt(start + 1) & 127] : longBit(text.slice(start, ends[t]));
    if ((seen & bit) !== 0 && found[found.length - 1] !== line) found.push(line as LineNo);
    seen |= bit;
  }
  return found;
}
