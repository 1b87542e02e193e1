/** Reading the rulesets the command line was given: files, or standard input for `-`. */
import type { CliIo } from "./io.js";
import { UnreadableInput } from "./errors.js";

export interface Input {
  /** The path as given, or the name given to standard input. */
  name: string;
  /** The path as given; undefined for standard input. */
  path: string | undefined;
  text: string;
  /** How the bytes were read, so that what is written back keeps every byte that is not changed. */
  encoding: "utf8" | "latin1";
  /** The running node's rules (`--live`), not a file. */
  live?: boolean;
  /** Read by the node rules with the rest of its node, not reported itself (`--live`'s empty dump of a backend). */
  partnerOnly?: boolean;
  /** A hash of the bytes read, when asked for (`--cache`): taken before they are decoded. */
  digest?: string;
  /**
   * Once the text is decoded, the memory of the big file's bytes it came from, handed out once
   * for the lexer to keep its tokens in (`ParseOptions.spareMemory`); undefined otherwise.
   */
  takeSpareMemory?(): ArrayBuffer | undefined;
}

/** Below this, a file's bytes are not worth handing on: they may share a pool with others, and the saving is small. */
const SPARE_MIN_BYTES = 1 << 20;

/**
 * An input whose text is decoded from `bytes` when it is first read: a run answered from the
 * cache (`--cache`) never decodes it. The bytes are let go once decoded.
 */
export function inputOf(fields: Omit<Input, "text" | "encoding" | "takeSpareMemory">, bytes: Buffer): Input {
  let raw: Buffer | undefined = bytes;
  let decoded: ReturnType<typeof decode> | undefined;
  // Only a buffer that is all of its memory (a big file's own, never a slice of a shared pool).
  let spare: ArrayBuffer | undefined =
    bytes.length >= SPARE_MIN_BYTES && bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : undefined;
  const read = () => {
    if (decoded === undefined) {
      decoded = decode(raw!);
      raw = undefined;
    }
    return decoded;
  };
  return {
    ...fields,
    get text() {
      return read().text;
    },
    get encoding() {
      return read().encoding;
    },
    takeSpareMemory() {
      // Not before the text is decoded from it: the bytes are read until then.
      if (decoded === undefined) return undefined;
      const memory = spare;
      spare = undefined;
      return memory;
    },
  };
}

/** Reads the inputs; `digest`, when given, hashes each one's bytes (`Input.digest`). */
export async function readInputs(paths: string[], stdinName: string, io: CliIo, digest?: (bytes: Buffer) => string): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const path of paths) {
    const name = path === "-" ? stdinName : path;
    let bytes: Buffer;
    try {
      if (path === "-") {
        bytes = await io.readStdin();
      } else {
        if (await io.isDirectory(path)) throw new UnreadableInput(`cannot read ${path}: it is a directory`);
        bytes = await io.readFile(path);
      }
    } catch (error) {
      if (error instanceof UnreadableInput) throw error;
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      throw new UnreadableInput(`cannot read ${name}: ${reason}`);
    }
    inputs.push(inputOf({ name, path: path === "-" ? undefined : path, ...(digest ? { digest: digest(bytes) } : {}) }, bytes));
  }
  return inputs;
}

// ignoreBOM: keep a byte order mark in the text (a syntax error to report), do not drop it.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * iptables reads bytes. Text that is not UTF-8 (an old Latin-1 comment) is read byte for byte
 * as Latin-1, so printing it back gives the same bytes.
 */
export function decode(bytes: Buffer): { text: string; encoding: Input["encoding"] } {
  // Most dumps are ASCII, which reads the same in both. Decoded as UTF-8, it becomes a string in
  // V8's heap; as Latin-1, a file over 1 MB becomes an external string, whose every character
  // read costs the lexer and the model more (measured: 0.1 G more instructions to lex a 25 MB
  // dump). Decoding tells ASCII itself, for less than a separate check costs: any other byte
  // either shortens the text (a valid sequence of 2 to 4 bytes is one or two characters) or
  // becomes U+FFFD, which a text of one-byte characters is known not to hold at no cost.
  const text = bytes.toString("utf8");
  if (text.length === bytes.length && text.indexOf("\ufffd") === -1) return { text, encoding: "utf8" };
  try {
    return { text: utf8.decode(bytes), encoding: "utf8" };
  } catch {
    return { text: bytes.toString("latin1"), encoding: "latin1" };
  }
}

/** Text to write out, in the input's encoding. */
export const encode = (text: string, input: Input): string | Buffer => (input.encoding === "utf8" ? text : Buffer.from(text, "latin1"));
