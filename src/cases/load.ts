/**
 * Reading a packet cases file (`iptlint test --cases packets.yaml`): YAML read by the `yaml`
 * library, which keeps every node's place in the text, checked with ajv against the shipped
 * schema (iptlint-cases.schema.json). Every mistake is reported as one line with the file, line
 * and column of the value at fault; the packets and marks are read here too, so a case that
 * cannot be walked never reaches the walk.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Node, Document as YamlDocument } from "yaml";
import { formatAddress, PacketSyntaxError, parseAddress, parsePacket, type CtStateName, type TraceInput } from "../../rules/packet/index.js";
import { nearest } from "../config/nearest.js";
import { lazyModule } from "../lazy.js";
import schema from "./iptlint-cases.schema.json" with { type: "json" };

/** A cases file that cannot be used: exit code 2, the message naming file:line:column. */
export class CasesError extends Error {}

/** Half-open UTF-16 offsets into the cases file's text. */
export interface TextRange {
  start: number;
  end: number;
}

/** What a cases file says of the node, as it wrote it (file paths not yet read). */
export interface CasesNode {
  local?: string[];
  route?: string[];
  addresses?: string;
  routes?: string[];
  /** `ip -4 -j rule` and `ip -6 -j rule` output files. */
  ipRules?: string;
  ip6Rules?: string;
  ipset?: string;
}

/** A node key's value and where it was written (to report an unreadable file there). */
export type PlacedNode = { [K in keyof CasesNode]?: { value: NonNullable<CasesNode[K]>; range: TextRange } };

export type Hook = "PREROUTING" | "INPUT" | "FORWARD" | "OUTPUT" | "POSTROUTING";

/** A mark to compare: the bits of `mask` must equal `value`'s. */
export interface MarkCheck {
  value: number;
  mask: number;
  text: string;
}

/** true / false: rewritten or not; a list: rewritten to one of these (port null: any port). */
export type NatCheck = boolean | { address: string; port: number | null; text: string }[];

export type Assertion =
  | { key: "verdict"; value: "accept" | "drop" | "reject" | "queue" }
  | { key: "delivery"; value: "local" | "forward" | "out" }
  | { key: "reaches"; value: Hook[] }
  | { key: "dnat"; value: NatCheck }
  | { key: "snat"; value: NatCheck }
  | { key: "mark"; value: MarkCheck }
  | { key: "outInterface"; value: string };

export type PlacedAssertion = Assertion & { range: TextRange };

export interface PacketCase {
  name: string | undefined;
  /** 0-based, in the file's order. */
  index: number;
  range: TextRange;
  packetText: string;
  packet: TraceInput;
  outcomes: "all" | "any";
  /** The node for this case: the file's node with the case's keys over it. */
  node: PlacedNode;
  assertions: PlacedAssertion[];
}

export interface CasesFile {
  filePath: string;
  text: string;
  cases: PacketCase[];
}

const ajvModule = lazyModule<typeof import("ajv")>("ajv");
// Only `iptlint test` reads YAML: the library is loaded then, not by every lint.
const yaml = lazyModule<typeof import("yaml")>("yaml");
let validator: ValidateFunction | undefined;

/** The shipped schema, as ajv reads it. */
export const casesSchema = schema;

/** Reads and checks a cases file; throws CasesError with file:line:column. */
export function loadCases(text: string, filePath: string): CasesFile {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${filePath}:${line}:${col}`;
  };
  const [syntax] = doc.errors;
  if (syntax !== undefined) throw new CasesError(`${at(syntax.pos[0])}: ${yamlMessage(syntax.message)}`);
  const data: unknown = doc.toJS();
  validator ??= new (ajvModule().Ajv)({ allErrors: true, verbose: true }).compile(schema);
  if (!validator(data)) {
    const error = pickError(validator.errors ?? []);
    const { range, message } = describe(error, doc);
    throw new CasesError(`${at(range.start)}: ${message}`);
  }
  const root = doc.contents as Node;
  const fileNode = readNode(doc, ["node"]);
  const cases: PacketCase[] = [];
  const raw = (data as { cases: Record<string, unknown>[] }).cases;
  raw.forEach((c, index) => {
    const path = ["cases", index];
    const range = rangeOf(doc.getIn(path, true) as Node | undefined) ?? rangeOf(root)!;
    const packetNode = doc.getIn([...path, "packet"], true) as Node;
    const packetText = c.packet as string;
    let packet: TraceInput;
    try {
      packet = parsePacket(packetText);
    } catch (error) {
      if (!(error instanceof PacketSyntaxError)) throw error;
      throw new CasesError(`${at(scalarStart(packetNode, text) + error.column - 1)}: \`packet\`: ${error.reason}`);
    }
    packet.state = (c.state as CtStateName | undefined) ?? "new";
    if (c.mark !== undefined) packet.mark = readMark(c.mark as string | number, at(pairRangeOf(doc, path, "mark")?.start ?? range.start)).value;
    const assertions: PlacedAssertion[] = [];
    const expect = c.expect as Record<string, unknown>;
    for (const key of Object.keys(expect)) {
      const pairRange = pairRangeOf(doc, [...path, "expect"], key) ?? range;
      const value = expect[key];
      const located = (a: Assertion): PlacedAssertion => ({ ...a, range: pairRange });
      switch (key) {
        case "verdict":
        case "delivery":
        case "outInterface":
          assertions.push(located({ key, value } as Assertion));
          break;
        case "reaches":
          assertions.push(located({ key, value: (Array.isArray(value) ? value : [value]) as Hook[] }));
          break;
        case "mark":
          assertions.push(located({ key, value: readMark(value as string | number, at(pairRange.start)) }));
          break;
        case "dnat":
        case "snat": {
          const check = readNat(value as boolean | string | string[], packet.family);
          if (typeof check === "string") throw new CasesError(`${at(pairRange.start)}: \`${key}\`: ${check}`);
          assertions.push(located({ key, value: check }));
          break;
        }
      }
    }
    cases.push({
      name: c.name as string | undefined,
      index,
      range,
      packetText,
      packet,
      outcomes: (c.outcomes as "all" | "any" | undefined) ?? "all",
      node: { ...fileNode, ...readNode(doc, [...path, "node"]) },
      assertions,
    });
  });
  return { filePath, text, cases };
}

/** yaml's message without its own "at line L, column C" (the file:line:column says it). */
const yamlMessage = (message: string): string => message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");

function rangeOf(node: Node | undefined | null): TextRange | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** Where a key's pair starts and its value ends. */
function pairRangeOf(doc: YamlDocument, path: (string | number)[], key: string): TextRange | undefined {
  const map = doc.getIn(path, true);
  if (!yaml().isMap(map)) return undefined;
  const pair = map.items.find((p) => yaml().isPair(p) && yaml().isScalar(p.key) && p.key.value === key);
  if (pair === undefined) return undefined;
  const k = rangeOf(pair.key as Node);
  const v = rangeOf(pair.value as Node);
  return k ? { start: k.start, end: v?.end ?? k.end } : undefined;
}

/** The offset of a scalar's first character of content (after an opening quote). */
function scalarStart(node: Node, text: string): number {
  const start = node.range![0];
  return text[start] === '"' || text[start] === "'" ? start + 1 : start;
}

function readNode(doc: YamlDocument, path: (string | number)[]): PlacedNode {
  const map = doc.getIn(path, true);
  if (!yaml().isMap(map)) return {};
  const out: PlacedNode = {};
  for (const pair of map.items) {
    if (!yaml().isScalar(pair.key)) continue;
    const key = pair.key.value as keyof CasesNode;
    const value: unknown = (pair.value as { toJSON(): unknown }).toJSON();
    const range = { start: rangeOf(pair.key as Node)!.start, end: rangeOf(pair.value as Node)?.end ?? rangeOf(pair.key as Node)!.end };
    const list = Array.isArray(value) ? (value as string[]) : [value as string];
    if (key === "addresses" || key === "ipset" || key === "ipRules" || key === "ip6Rules") out[key] = { value: value as string, range };
    else out[key] = { value: list, range };
  }
  return out;
}

function readMark(value: string | number, where: string): MarkCheck {
  if (typeof value === "number") return { value, mask: 0xffffffff, text: `0x${value.toString(16)}` };
  const [v, m] = value.split("/").map((part) => Number(part));
  // The schema bounds the digits; a 10-digit decimal can still pass 2^32.
  if (!(v <= 0xffffffff) || (m !== undefined && !(m <= 0xffffffff))) throw new CasesError(`${where}: \`mark\`: ${value} is more than 32 bits`);
  const mask = m ?? 0xffffffff;
  return { value: (v & mask) >>> 0, mask, text: value };
}

/** A NAT expectation, or what is wrong with it. */
function readNat(value: boolean | string | string[], family: 4 | 6): NatCheck | string {
  if (typeof value === "boolean") return value;
  const out: { address: string; port: number | null; text: string }[] = [];
  for (const text of Array.isArray(value) ? value : [value]) {
    const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text) ?? (text.split(":").length === 2 ? /^([^:]+):(\d{1,5})$/.exec(text) : /^([^\s]+)()$/.exec(text));
    const address = m?.[1];
    const port = m?.[2] ? Number(m[2]) : null;
    const parsed = address === undefined ? null : parseAddress(address);
    if (parsed === null || parsed.family !== family || (port !== null && port > 65535)) return `"${text}" is not an address or ADDRESS:PORT (IPv6: [ADDRESS]:PORT) of the packet's family`;
    out.push({ address: formatAddress(family, parsed.address), port, text });
  }
  return out;
}

/** The error to report: the deepest one (the most precise place), ajv's `anyOf` summary last. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const useful = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "if");
  const pool = useful.length > 0 ? useful : errors;
  // At one place: an unknown key (a misspelt one explains a missing one), then the alternative
  // of an `anyOf` of the value's own type.
  const rank = (e: ErrorObject) => e.instancePath.split("/").length * 3 + (e.keyword === "additionalProperties" ? 2 : e.keyword === "type" ? 0 : 1);
  return pool.reduce((best, e) => (rank(e) > rank(best) ? e : best), pool[0]);
}

const segmentsOf = (pointer: string): (string | number)[] =>
  pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => (/^\d+$/.test(s) ? Number(s) : s));

function keyPath(segments: (string | number)[]): string {
  let path = "";
  for (const s of segments) path += typeof s === "number" ? `[${s}]` : path === "" ? s : `.${s}`;
  return path;
}

const typeName = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "a mapping" : `a ${typeof value}`);

function describe(error: ErrorObject, doc: YamlDocument): { range: TextRange; message: string } {
  const segments = segmentsOf(error.instancePath);
  const node = (segments.length === 0 ? doc.contents : doc.getIn(segments, true)) as Node | undefined;
  const range = rangeOf(node) ?? { start: 0, end: 0 };
  const where = segments.length === 0 ? "the cases file" : `\`${keyPath(segments)}\``;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = params.additionalProperty as string;
      const known = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const guess = nearest(key, known);
      const keyRange = pairRangeOf(doc, segments, key) ?? range;
      return { range: keyRange, message: `unknown key \`${key}\` in ${where}${guess ? `: did you mean \`${guess}\`?` : ""} (known keys: ${known.join(", ")})` };
    }
    case "required":
      return { range, message: `${where} has no \`${params.missingProperty as string}\`` };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof error.data === "string" ? nearest(error.data, allowed) : undefined;
      return { range, message: `${where} must be one of ${allowed.join(", ")}${guess ? `: did you mean \`${guess}\`?` : ` (got \`${String(error.data)}\`)`}` };
    }
    case "type":
      return { range, message: `${where} must be ${params.type === "object" ? "a mapping" : params.type === "array" ? "a list" : `a ${params.type as string}`}, not ${typeName(error.data)}` };
    case "minItems":
      return { range, message: `${where} must list at least ${params.limit as number} item${params.limit === 1 ? "" : "s"}` };
    case "minProperties":
      return { range, message: `${where} must say what to expect (verdict, delivery, reaches, dnat, snat, mark, outInterface)` };
    case "minLength":
      return { range, message: `${where} must not be empty` };
    case "pattern":
      return { range, message: `${where} is not a 32-bit mark such as 0x4000 or 0x4000/0x4000` };
    default:
      return { range, message: `${where} ${error.message ?? "is invalid"}` };
  }
}
