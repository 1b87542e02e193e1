/**
 * target-needs-protocol: a target, or a target's option, that works on one protocol only, in a
 * rule without that protocol: `REJECT --reject-with tcp-reset`, `TCPMSS`, `SYNPROXY`,
 * `TCPOPTSTRIP`, `ECN --ecn-tcp-*` without `-p tcp`, `TPROXY` without `-p tcp` or `udp`,
 * `CT --helper` without a protocol, and `TCPMSS` without a match on SYN packets. See README.md
 * beside this file.
 *
 * The kernel checks these when the rule is added (iptables-nft) or the table committed
 * (iptables-legacy), against the rule's `-p` (not negated) and, for TCPMSS, its tcp match:
 * iptables prints no reason of its own, the kernel logs one. Lines whose protocol match lacks
 * its protocol (`-m tcp` without `-p tcp`) are option-needs-protocol's: this rule says nothing
 * there, so one line gets one finding.
 */
import type { CommandLine, LineView, Severity, SourceRange } from "../../grammar/index.js";
import { isChainOfLine, protocolProblem, ruleProtocol, type Backend, type LineNo } from "../model/index.js";
import type { Family } from "../netfilter/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "target-needs-protocol";

/** The targets this rule looks at: the kernel checks the rule's protocol for each. */
const TARGETS = ["TPROXY", "TCPMSS", "SYNPROXY", "TCPOPTSTRIP", "REJECT", "ECN"] as const;

export const targetNeedsProtocol: RuleModule = {
  id: ID,
  description: "a target that works on one protocol without it in the rule (`REJECT --reject-with tcp-reset`, `TCPMSS`, `CT --helper` without `-p`): the kernel refuses it",
  severity: "error",
  fixable: "unsafe",
  check(context) {
    const { document, model } = context;
    const index = model.lines;
    let facts: Facts | null = null;
    const look = (n: LineNo) => {
      const line = document.line(n);
      if (line.kind !== "command" || line.command === "delete") return;
      facts ??= { family: model.family()?.family ?? null, backend: model.backend() };
      checkLine(context, line, facts);
    };
    for (const n of index.linesWith({ targets: TARGETS })) {
      // Most are `-p tcp ... -j REJECT --reject-with tcp-reset` and the like: passed from the index's facts.
      if (!index.protocolNeedsSurelyMet(n)) look(n);
    }
    for (const n of index.linesTargeting("CT")) look(n);
  },
};

interface Facts {
  /** Null when nothing tells: what holds for one family only is then not said. */
  family: Family | null;
  backend: Backend | null;
}

function checkLine(context: RuleContext, line: CommandLine, facts: Facts): void {
  const view = line.view;
  const at = view.targetIndex();
  if (at === -1) return;
  const name = view.value(at);
  if (name === null) return;
  // The rule's protocol as the kernel sees it: the last `-p`. A line whose matches lack theirs is option-needs-protocol's.
  const protocol = ruleProtocol(view);
  if (protocolProblem(view, facts.family, (target) => isChainOfLine(context.model, line, target)) !== null) return;
  const option = (names: string[]): number => {
    for (let i = at + 1; i < view.count; i++) if (names.some((n) => view.is(i, n))) return i;
    return -1;
  };
  const isTcp = protocol !== null && protocol.name === "tcp" && !protocol.negated;
  const ruleIsFor = protocol === null ? "the rule has no `-p`" : `the rule is for \`${protocol.negated ? "! " : ""}-p ${protocol.text}\``;
  const tcpOnly = (range: SourceRange, what: string, logged: string | null) =>
    context.report({ range, message: `${what} needs \`-p tcp\`, and ${ruleIsFor}: the kernel refuses it${logged === null ? "" : ` (it logs "${logged}")`}` });

  switch (name) {
    case "TPROXY":
      if (protocol === null || protocol.negated || (protocol.name !== "tcp" && protocol.name !== "udp")) {
        context.report({
          range: view.range(at),
          message: `TPROXY needs \`-p tcp\` or \`-p udp\`, and ${ruleIsFor}: the kernel refuses it (it logs "xt_TPROXY: Can be used only with -p tcp or -p udp")`,
        });
      }
      return;
    case "TCPMSS":
      if (!isTcp) {
        tcpOnly(view.range(at), "TCPMSS", "TCPMSS target: only valid for protocol 6");
        return;
      }
      if (!hasSynMatch(view)) {
        let severity: Severity = "error";
        const message =
          'TCPMSS without a match on SYN packets: iptables-legacy-restore refuses the table (the kernel logs "xt_TCPMSS: Only works on TCP SYN packets"), ' +
          (facts.backend === "nft" ? "iptables-nft, which wrote this dump, loads it" : "iptables-nft loads it");
        if (facts.backend === "nft") severity = "warning";
        const insertAt = view.range(protocol!.element).end;
        // A rule that already matches on the flags (`--tcp-flags SYN NONE`, `! --syn`) says what it wants: no fix then.
        const fix = hasFlagsMatch(view)
          ? undefined
          : { title: "match SYN packets", applicability: "unsafe" as const, edits: [{ start: insertAt, end: insertAt, text: " --tcp-flags SYN,RST SYN" }], ruleId: ID };
        context.report({ range: view.range(at), severity, message, fix });
      }
      return;
    case "SYNPROXY":
    case "TCPOPTSTRIP":
      if (!isTcp) tcpOnly(view.range(at), name, `${name} target: only valid for protocol 6`);
      return;
    case "REJECT": {
      const i = option(["--reject-with"]);
      const value = i === -1 ? null : view.value(i);
      if ((value === "tcp-reset" || value === "tcp-rst") && !isTcp) {
        tcpOnly(view.range(i), `\`--reject-with ${value}\``, REJECT_TCP_RESET[facts.family ?? "unknown"]);
      }
      return;
    }
    case "ECN": {
      const i = option(["--ecn-tcp-remove", "--ecn-tcp-cwr", "--ecn-tcp-ece"]);
      if (i !== -1 && !isTcp) tcpOnly(view.range(i), `\`${view.name(i)}\``, "ipt_ECN: cannot use operation on non-tcp rule");
      return;
    }
    case "CT": {
      // A helper is found by its name and the rule's protocol; without one (or with a negated one) none is.
      const i = option(["--helper"]);
      if (i !== -1 && (protocol === null || protocol.negated)) {
        context.report({
          range: view.range(i),
          message: `\`--helper ${view.value(i) ?? ""}\` needs \`-p tcp\` or \`udp\`, and ${ruleIsFor}: the kernel refuses it (it logs "You must specify a L4 protocol and not use inversions on it")`,
        });
      }
      return;
    }
  }
}

/** What the kernel logs for `--reject-with tcp-reset` in a rule that is not TCP (the families word it apart: nothing quoted when the family is not known). */
const REJECT_TCP_RESET = {
  4: "ipt_REJECT: TCP_RESET invalid for non-tcp",
  6: "ip6t_REJECT: TCP_RESET illegal for non-tcp",
  unknown: null,
} as const;

/**
 * Whether the rule matches on TCP flags at all (`--syn`, `--tcp-flags`, negated or not), before
 * or after the target: TCPMSS has no such option, so getopt gives them to the tcp match wherever
 * they are (`-p tcp -j TCPMSS --set-mss 1400 --syn` loads; measured).
 */
function hasFlagsMatch(view: LineView): boolean {
  for (let i = 0; i < view.count; i++) if (view.role(i) === "module" && (view.is(i, "--syn") || view.is(i, "--tcp-flags"))) return true;
  return false;
}

/** A tcp match on SYN, as the kernel's TCPMSS check wants: `--syn` or `--tcp-flags M C` with SYN in C, not negated (anywhere on the line, as hasFlagsMatch). */
function hasSynMatch(view: LineView): boolean {
  for (let i = 0; i < view.count; i++) {
    if (view.role(i) !== "module" || view.negated(i)) continue;
    if (view.is(i, "--syn")) return true;
    if (view.is(i, "--tcp-flags")) {
      const compared = view.values(i)[1] ?? "";
      if (compared.split(",").some((f) => f.toUpperCase() === "SYN" || f.toUpperCase() === "ALL")) return true;
    }
  }
  return false;
}
