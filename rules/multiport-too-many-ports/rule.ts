/**
 * multiport-too-many-ports: `-m multiport` with more than 15 port slots, a range taking two.
 * iptables refuses the line while parsing it ("too many ports specified"), with both backends,
 * for `-A`, `-I`, `-R` and `-D` alike. See README.md beside this file.
 */
import type { CommandLine, LineView } from "../../grammar/index.js";
import type { RuleContext, RuleModule } from "../types.js";

const ID = "multiport-too-many-ports";

/** XT_MULTI_PORTS: the slots of the kernel's multiport match. */
export const MAX_PORT_SLOTS = 15;

/** multiport's options (libxt_multiport). */
const OPTIONS: ReadonlySet<string> = new Set(["--source-ports", "--sports", "--destination-ports", "--dports", "--ports"]);

/**
 * Words getopt takes for multiport's options as abbreviations while no protocol match is loaded
 * (`-p tcp -m multiport --dport 80,443`, measured): once `-m tcp` (or the implicit load an unknown
 * option makes) has loaded `--dport` itself, the word is that match's.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set(["--sport", "--dport", "--port", "--source-port", "--destination-port"]);

/** A port as iptables takes it: a number or a service name (anything else is refused another way). */
const PORT = /^(?:\d{1,5}|[A-Za-z][\w.-]*)$/;

export const multiportTooManyPorts: RuleModule = {
  id: ID,
  description: "`-m multiport` with more than 15 ports (a range counts two): iptables refuses the line",
  severity: "error",
  fixable: false,
  check(context) {
    const { document, model } = context;
    for (const n of model.lines.linesWith({ modules: ["multiport"] })) {
      const line = document.line(n);
      if (line.kind === "command") checkLine(context, line);
    }
  },
};

function checkLine(context: RuleContext, line: CommandLine): void {
  const view = line.view;
  let loaded = false;
  // An option before that is not multiport's may have loaded a protocol match, which owns `--dport`.
  let othersBefore = false;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "match") {
      if (view.value(i) === "multiport") loaded = true;
      else othersBefore = true;
      continue;
    }
    if (role === "jump" || role === "goto") othersBefore = true;
    if (role !== "module") continue;
    const name = view.name(i);
    const owned = loaded && (OPTIONS.has(name) || (!othersBefore && ABBREVIATIONS.has(name)));
    if (!owned) {
      othersBefore = true;
      continue;
    }
    const value = view.value(i);
    const slots = value === null ? null : slotsOf(value);
    if (slots !== null && slots > MAX_PORT_SLOTS) report(context, view, i, name, slots);
  }
}

/**
 * The slots a port list takes, as libxt_multiport counts them: one per port, two per range.
 * Null when a port before the 16th slot is not a port at all: iptables then refuses it for that.
 */
export function slotsOf(list: string): number | null {
  let slots = 0;
  for (const item of list.split(",")) {
    const bounds = item.split(":");
    if (slots < MAX_PORT_SLOTS && !isPortOrRange(bounds)) return null;
    slots += bounds.length === 2 ? 2 : 1;
  }
  return slots;
}

/** One port, or a range whose low end is below its high end where both are numbers ("invalid portrange specified"). */
function isPortOrRange(bounds: readonly string[]): boolean {
  if (bounds.length > 2 || !bounds.every((b) => PORT.test(b) && !(/^\d+$/.test(b) && Number(b) > 65535))) return false;
  const [low, high] = bounds.map((b) => (/^\d+$/.test(b) ? Number(b) : NaN));
  return bounds.length === 1 || !(low >= high);
}

function report(context: RuleContext, view: LineView, i: number, name: string, slots: number): void {
  context.report({
    range: view.range(i),
    message: `\`${name}\` lists ${slots} port slots (a range takes two), more than multiport's ${MAX_PORT_SLOTS}: iptables refuses the line ("too many ports specified")`,
  });
}
