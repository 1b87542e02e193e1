/**
 * The lexer keeps its token arrays in memory the caller hands over (`LexOptions.spareMemory`,
 * the bytes a big file was decoded from): the result must be the same as with arrays of its own,
 * whether every token fits in that memory or the arrays grow out of it.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { lex, type LexedText } from "../../grammar/lexer.js";
import { parse, print } from "../../grammar/index.js";
import { fromRoot } from "../helpers/project.js";

/** Everything a lexed text holds, as plain arrays. */
function contents(lexed: LexedText) {
  const { count } = lexed.tokens;
  return {
    lineCount: lexed.lineCount,
    lineStarts: [...lexed.lineStarts],
    contentEnds: [...lexed.contentEnds],
    lineKinds: [...lexed.lineKinds],
    firstTokens: [...lexed.firstTokens],
    starts: [...lexed.tokens.starts.subarray(0, count)],
    ends: [...lexed.tokens.ends.subarray(0, count)],
    codes: [...lexed.tokens.codes.subarray(0, count)],
    errors: lexed.errors,
  };
}

/** Memory as the CLI hands it over: the file's bytes, already written to. */
const bytesOf = (text: string): ArrayBuffer => {
  const bytes = Buffer.from(text, "latin1");
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
};

const corpus = fromRoot("test", "fixtures", "corpus");
const texts = readdirSync(corpus, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && !entry.name.endsWith(".md"))
  .map((entry) => readFileSync(join(entry.parentPath, entry.name), "latin1"));

test("lexed in the file's bytes, every corpus dump lexes as with arrays of its own", () => {
  assert.ok(texts.length > 10);
  for (const text of texts) assert.deepEqual(contents(lex(text, { spareMemory: bytesOf(text) })), contents(lex(text)));
});

test("tokens that outgrow the estimate grow into arrays of their own, unchanged", () => {
  // One-letter words: more tokens than a token per 8 characters.
  const dense = `*filter\n${Array.from({ length: 3000 }, (_, i) => `-A X -j Y${i % 10} a b c d e f`).join("\n")}\nCOMMIT\n`;
  const spare = bytesOf(dense);
  const lexed = lex(dense, { spareMemory: spare });
  assert.ok(lexed.tokens.count > spare.byteLength / 8, "the text has more tokens than its bytes hold");
  assert.notEqual(lexed.tokens.starts.buffer, spare, "grown out of the spare memory");
  assert.deepEqual(contents(lexed), contents(lex(dense)));
});

test("a kube-proxy dump parsed in its bytes keeps its offsets there and prints back the same text", () => {
  const text = readFileSync(fromRoot("examples", "kube-proxy-v1.18.2.save"), "latin1");
  const spare = bytesOf(text);
  const document = parse(text, { spareMemory: spare });
  assert.equal(document.source.lexed.tokens.starts.buffer, spare, "the offsets live in the spare memory");
  assert.equal(document.source.lexed.tokens.ends.buffer, spare);
  assert.equal(print(document), text);
  assert.deepEqual(contents(document.source.lexed), contents(lex(text)));
});

test("memory too small for the estimate is not used", () => {
  const text = readFileSync(fromRoot("examples", "kube-proxy-v1.18.2.save"), "latin1");
  const spare = new ArrayBuffer(text.length >> 1);
  assert.notEqual(lex(text, { spareMemory: spare }).tokens.starts.buffer, spare);
});
