/** The trace's reports: text for people, JSON for programs (the fields the README lists). */
import type { ConnectionNatStep, Outcome, TracedPacket, TraceResult } from "../../rules/packet/index.js";

const endpoint = (address: string | null, port: number | null): string => {
  const a = address ?? "(unknown address)";
  if (port === null) return a;
  return a.includes(":") ? `[${a}]:${port}` : `${a}:${port}`;
};

export function packetText(p: TracedPacket): string {
  const parts = [`${p.protocol} ${endpoint(p.source, p.sourcePort)} -> ${endpoint(p.destination, p.destinationPort)}`];
  if (p.inInterface !== null) parts.push(`in ${p.inInterface}`);
  if (p.outInterface !== null) parts.push(`out ${p.outInterface}`);
  parts.push(`mark ${p.mark}`);
  return parts.join(" ");
}

function percent(probability: number): string {
  const p = probability * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(1) : p.toPrecision(3)}%`;
}

/** An outcome in a few words: its verdict, probability or that it has conditions, and why when no rule decided. */
export function outcomeText(o: Outcome): string {
  const chance = o.probability === null ? (o.conditions.length > 0 ? "if its conditions hold" : "") : o.probability === 1 ? "" : `probability ${percent(o.probability)}`;
  return `${verdictText(o)}${chance ? `, ${chance}` : ""}${o.reason === undefined ? "" : ` (${o.reason})`}`;
}

function verdictText(o: Outcome): string {
  if (o.verdict !== "accept") return o.verdict;
  return o.delivery === "local" ? "accept (delivered to the node)" : o.delivery === "forward" ? "accept (forwarded)" : "accept (sent out)";
}

/** The rule that chose a connection's NAT: the last its first packet matched (the NAT target). */
function firstPacketRule(t: ConnectionNatStep): string {
  const rule = t.firstPacketPath.at(-1);
  return rule === undefined ? "no rule" : `${rule.filePath}:${rule.line} ${rule.table}/${rule.chain}${rule.target === null ? "" : ` -> ${rule.target}`}`;
}

export function formatTraceText(result: TraceResult, header: string): string {
  const lines: string[] = [header];
  if (result.files.length === 0) lines.push(`  no file of the packet's family (IPv${result.family}): no rule applies`);
  result.outcomes.forEach((o, k) => {
    lines.push("");
    const chance = o.probability === null ? (o.conditions.length > 0 ? "if the conditions hold" : "") : o.probability === 1 ? "" : `probability ${percent(o.probability)}`;
    lines.push(`outcome ${k + 1} of ${result.outcomes.length}: ${verdictText(o)}${chance ? `, ${chance}` : ""}`);
    for (const c of o.conditions) lines.push(`  if ${c}`);
    let policy = 0;
    let translation = 0;
    const policies = () => {
      while (policy < o.policies.length && o.policies[policy].afterStep <= stepIndex) {
        const p = o.policies[policy++];
        lines.push(`  ${p.filePath}${p.line === null ? "" : `:${p.line}`} ${p.table}/${p.chain} policy ${p.policy}`);
      }
      while (translation < o.connectionNat.length && o.connectionNat[translation].afterStep <= stepIndex) {
        const t = o.connectionNat[translation++];
        lines.push(`  nat/${t.hook}: NAT of the connection (its first packet matched ${firstPacketRule(t)})`);
        lines.push(`      now ${packetText(t.after)}`);
      }
    };
    let stepIndex = 0;
    for (const step of o.path) {
      policies();
      lines.push(`  ${step.filePath}:${step.line} ${step.table}/${step.chain}${step.target === null ? "" : ` -> ${step.target}`}`);
      if (step.after !== undefined) lines.push(`      now ${packetText(step.after)}`);
      stepIndex++;
    }
    policies();
    if (o.reason !== undefined) lines.push(`  ${o.reason}`);
    for (const note of o.notes) lines.push(`  note: ${note}`);
    lines.push(`  packet: ${packetText(o.packet)}`);
  });
  return `${lines.join("\n")}\n`;
}

/** The JSON report: per outcome exactly the fields documented, plus the walk's notes. */
export function traceJson(result: TraceResult, packet: string): unknown {
  return {
    packet,
    family: result.family,
    files: result.files,
    outcomes: result.outcomes.map((o) => ({
      verdict: o.verdict,
      delivery: o.delivery,
      probability: o.probability,
      conditions: o.conditions,
      path: o.path.map(({ filePath, line, table, chain, target }) => ({ filePath, line, table, chain, target })),
      policies: o.policies.map(({ filePath, line, table, chain, policy }) => ({ filePath, line, table, chain, policy })),
      packet: o.packet,
      ...(o.reason === undefined ? {} : { reason: o.reason }),
      // A later packet's NAT, chosen by its connection's first packet (whose rules are not in `path`).
      ...(o.connectionNat.length === 0
        ? {}
        : {
            connectionNat: o.connectionNat.map((t) => ({
              hook: t.hook,
              firstPacketPath: t.firstPacketPath.map(({ filePath, line, table, chain, target }) => ({ filePath, line, table, chain, target })),
              packet: t.after,
            })),
          }),
      notes: o.notes,
    })),
  };
}
