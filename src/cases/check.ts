/**
 * Checking packet cases against rulesets: each case's packet is walked (rules/packet) and each
 * of its expectations checked against the outcomes. A failed expectation is a finding
 * (`packet-assertion`) at its place in the cases file, carrying the trace of the outcomes it
 * failed in, so every report format can show it.
 *
 * Several outcomes (a random pick, a match the walk cannot decide): by default (`outcomes:
 * all`) an expectation must hold in every one of them, so "the walk cannot tell" fails rather
 * than passes; `outcomes: any` asks that it hold in at least one.
 */
import type { Document } from "../../grammar/index.js";
import { formatAddress, NodeInfo, parseAddress, TraceError, tracePacket, type Outcome } from "../../rules/packet/index.js";
import { PACKET_ASSERTION, type LintDiagnostic, type PacketTrace } from "../builtin-findings.js";
import type { LintResult } from "../lint.js";
import { detachedDocument } from "../../grammar/index.js";
import { outcomeText } from "../trace/format.js";
import type { CasesFile, PacketCase, PlacedAssertion } from "./load.js";

/** The findings of one cases file: a result in the cases file, like a linted file's. */
export function checkCases(file: CasesFile, documents: readonly Document[], nodeOf: (c: PacketCase) => NodeInfo, family?: 4 | 6): LintResult {
  const document = detachedDocument(file.text, file.filePath, []);
  const diagnostics: LintDiagnostic[] = [];
  const report = (range: { start: number; end: number }, message: string, traces?: PacketTrace[]) => {
    diagnostics.push({ ruleId: PACKET_ASSERTION, severity: "error", message, range, loc: document.source.locate(range), ...(traces ? { trace: traces } : {}) });
  };
  for (const c of file.cases) {
    let outcomes: Outcome[];
    try {
      const result = tracePacket(documents, c.packet, nodeOf(c), { family });
      if (result.files.length === 0) {
        report(c.range, `${label(c)}no ruleset of IPv${c.packet.family} was given, so this packet cannot be checked`);
        continue;
      }
      outcomes = result.outcomes;
    } catch (error) {
      if (!(error instanceof TraceError)) throw error;
      report(c.range, `${label(c)}the walk cannot trace this packet: ${error.message}`);
      continue;
    }
    for (const a of c.assertions) {
      const holds = outcomes.map((o) => holdsIn(a, o, c));
      const count = holds.filter(Boolean).length;
      const passed = c.outcomes === "any" ? count > 0 : count === outcomes.length;
      if (passed) continue;
      const failing = outcomes.filter((_, k) => !holds[k]);
      const traces = failing.map(traceOf);
      if (count === 0) report(a.range, `${label(c)}expected ${expected(a)}, but ${failing.length === 1 ? "the packet" : `in every one of its ${failing.length} outcomes it`} ${actual(a, failing)}`, traces);
      else {
        const when = failing[0].conditions.length > 0 ? ` (it does not if ${failing[0].conditions.join(" and ")})` : "";
        report(a.range, `${label(c)}undecided: ${expected(a)} holds in ${count} of ${outcomes.length} outcomes${when}; set \`outcomes: any\` if that is enough`, traces);
      }
    }
  }
  return { filePath: file.filePath, diagnostics, document, size: { rules: file.cases.length, chains: 0 } };
}

const label = (c: PacketCase): string => (c.name === undefined ? "" : `${c.name}: `);

function traceOf(o: Outcome): PacketTrace {
  return {
    outcome: outcomeText(o),
    conditions: o.conditions,
    path: stepsOf(o),
  };
}

/** The rules an outcome's packet matched and the policies it met, in the order met (a policy is its chain's declaration line). */
function stepsOf(o: Outcome): PacketTrace["path"] {
  const out: PacketTrace["path"] = [];
  let policy = 0;
  const policies = (upTo: number) => {
    for (; policy < o.policies.length && o.policies[policy].afterStep <= upTo; policy++) {
      const p = o.policies[policy];
      if (p.line !== null) out.push({ filePath: p.filePath, line: p.line, table: p.table, chain: p.chain, target: `policy ${p.policy}` });
    }
  };
  o.path.forEach(({ filePath, line, table, chain, target }, k) => {
    policies(k);
    out.push({ filePath, line, table, chain, target });
  });
  policies(o.path.length);
  return out;
}

/** The address and port an outcome's packet ends with, for one side. */
function endpoint(o: Outcome, side: "dnat" | "snat"): { address: string | null; port: number | null } {
  return side === "dnat" ? { address: o.packet.destination, port: o.packet.destinationPort } : { address: o.packet.source, port: o.packet.sourcePort };
}

function rewritten(o: Outcome, side: "dnat" | "snat", c: PacketCase): boolean {
  const e = endpoint(o, side);
  const before = side === "dnat" ? { address: c.packet.destination, port: c.packet.destinationPort } : { address: c.packet.source, port: c.packet.sourcePort };
  // Addresses compare in their canonical spelling (the walk's); the case's packet may be spelt otherwise.
  return e.address === null || e.address !== canonical(before.address, c) || e.port !== before.port;
}

/** parsePacket keeps the spelling; the walk formats addresses canonically. */
const canonical = (address: string, c: PacketCase): string => formatAddress(c.packet.family, parseAddress(address)!.address);

function holdsIn(a: PlacedAssertion, o: Outcome, c: PacketCase): boolean {
  switch (a.key) {
    case "verdict":
      return o.verdict === a.value;
    case "delivery":
      return o.verdict === "accept" && o.delivery === a.value;
    case "reaches":
      return a.value.every((hook) => o.hooks.includes(hook));
    case "dnat":
    case "snat": {
      if (typeof a.value === "boolean") return rewritten(o, a.key, c) === a.value;
      const e = endpoint(o, a.key);
      return rewritten(o, a.key, c) && a.value.some((x) => x.address === e.address && (x.port === null || x.port === e.port));
    }
    case "mark": {
      const [value, known] = markOf(o.packet.mark);
      // Only bits the walk knows can be checked.
      return (known & a.value.mask) >>> 0 === a.value.mask && ((value & a.value.mask) >>> 0) === a.value.value;
    }
    case "outInterface":
      return o.packet.outInterface === a.value;
  }
}

const FATES: Record<Outcome["verdict"], string> = { accept: "accepted", drop: "dropped", reject: "rejected", queue: "queued" };

/** `0x4000` or `0x4000/0xffff` (value/known bits) as numbers. */
function markOf(text: string): [number, number] {
  const [value, known] = text.split("/");
  return [Number(value), known === undefined ? 0xffffffff : Number(known)];
}

function expected(a: PlacedAssertion): string {
  switch (a.key) {
    case "verdict":
      return `verdict ${a.value}`;
    case "delivery":
      return a.value === "local" ? "delivery to the node" : a.value === "forward" ? "the packet forwarded" : "the packet sent out";
    case "reaches":
      return `it reaches ${a.value.join(" and ")}`;
    case "dnat":
    case "snat":
      if (typeof a.value === "boolean") return `${a.key.toUpperCase()} ${a.value ? "applied" : "not applied"}`;
      return `${a.key.toUpperCase()} to ${a.value.length === 1 ? a.value[0].text : `one of ${a.value.map((x) => x.text).join(", ")}`}`;
    case "mark":
      return `mark ${a.value.text}`;
    case "outInterface":
      return `out by ${a.value}`;
  }
}

/** What the failing outcomes show instead: one description when they agree. */
function actual(a: PlacedAssertion, outcomes: Outcome[]): string {
  const texts = [...new Set(outcomes.map((o) => actualOne(a, o)))];
  return texts.length === 1 ? texts[0] : texts.join(" or ");
}

function actualOne(a: PlacedAssertion, o: Outcome): string {
  const verdict = outcomeText(o);
  switch (a.key) {
    case "verdict":
    case "delivery":
      return `is ${FATES[o.verdict]}${verdict.slice(o.verdict.length)}`;
    case "reaches":
      return `reaches ${o.hooks.join(", ") || "no hook"} (${verdict})`;
    case "dnat":
    case "snat": {
      const e = endpoint(o, a.key);
      const address = e.address === null ? "an address the node's files do not tell" : e.address;
      return `its ${a.key === "dnat" ? "destination" : "source"} is ${e.port === null ? address : address.includes(":") ? `[${address}]:${e.port}` : `${address}:${e.port}`} (${verdict})`;
    }
    case "mark":
      return `leaves with mark ${o.packet.mark} (${verdict})`;
    case "outInterface":
      return `leaves by ${o.packet.outInterface ?? "no interface"} (${verdict})`;
  }
}
