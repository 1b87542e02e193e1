/** `iptlint trace FILE... --packet "tcp 10.0.0.9:40000 -> 10.96.0.10:53 in eth0"`: what the ruleset does to a packet. */
import { Option, type Command } from "commander";
import { parse, SYNTAX } from "../../../grammar/index.js";
import { NodeInfo, NodeInputError, PacketSyntaxError, parsePacket, TraceError, type NodeInput, type TraceInput } from "../../../rules/packet/index.js";
import { formatStylish } from "../../format/stylish.js";
import { trace } from "../../trace/trace.js";
import { formatTraceText, traceJson } from "../../trace/format.js";
import { UnreadableInput, UsageError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { readInputs } from "../inputs.js";
import type { CliIo } from "../io.js";
import type { CommandState } from "./shared.js";

interface TraceOptions {
  packet: string;
  addresses?: string;
  routes?: string[];
  ipRules?: string;
  ip6Rules?: string;
  ipset?: string;
  local?: string[];
  route?: string[];
  state: "new" | "established" | "related" | "invalid";
  mark?: string;
  family?: "4" | "6";
  format: string;
  stdinFilename: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function registerTrace(program: Command, io: CliIo, state: CommandState): void {
  program
    .command("trace")
    .description("trace a packet through the rulesets as the kernel walks it (hooks, tables, NAT, marks, connection state)")
    .argument("<files...>", "iptables-save / ip6tables-save dumps of one node; - reads standard input")
    .requiredOption("--packet <packet>", 'the packet: "tcp 10.0.0.9:40000 -> 10.96.0.10:53 in eth0" (or "out" for one the node sends; icmp ... type echo-request)')
    .option("--addresses <file>", "the node's addresses: `ip -j addr` output")
    .option("--routes <file>", "the node's routes: `ip -4 -j route show table all` output (repeat for `ip -6 ...`)", collect)
    .option("--ip-rules <file>", "the node's policy routing rules: `ip -4 -j rule` output")
    .option("--ip6-rules <file>", "the node's IPv6 policy routing rules: `ip -6 -j rule` output")
    .option("--ipset <file>", "the node's ipsets: `ipset save` output")
    .option("--local <addresses>", "addresses of the node, comma-separated (repeatable)", collect)
    .option("--route <route>", 'a route of the node: "CIDR dev IFACE [via GW]" (repeatable)', collect)
    .addOption(new Option("--state <state>", "the packet's connection state").choices(["new", "established", "related", "invalid"]).default("new"))
    .option("--mark <value>", "the packet's mark as it arrives (0x4000)")
    .addOption(new Option("--family <family>", "the files' family when their headers and names do not tell").choices(["4", "6"]))
    .addOption(new Option("-f, --format <format>", "text or json").choices(["text", "json"]).default("text"))
    .option("--stdin-filename <name>", "the name to report for standard input", "<stdin>")
    .action(async (files: string[], options: TraceOptions) => {
      let packet: TraceInput;
      try {
        packet = parsePacket(options.packet);
      } catch (error) {
        if (error instanceof PacketSyntaxError) throw new UsageError(`--packet: ${error.message}`);
        throw error;
      }
      packet.state = options.state;
      if (options.mark !== undefined) {
        const mark = /^(0x[0-9a-f]{1,8}|\d{1,10})$/i.test(options.mark) ? Number(options.mark) : NaN;
        if (!(mark >= 0 && mark <= 0xffffffff)) throw new UsageError(`--mark: "${options.mark}" is not a 32-bit number (0x4000, 16384)`);
        packet.mark = mark;
      }
      const node = await readNode(options, io);
      const inputs = await readInputs(files, options.stdinFilename, io);
      const documents = inputs.map((input) => parse(input.text, { filePath: input.name }));
      const broken = documents.filter((d) => d.diagnostics.some((x) => x.ruleId === SYNTAX));
      if (broken.length > 0) {
        // A walk over a file that did not parse would skip the lines it could not read.
        io.stderr.write(formatStylish(broken.map((document) => ({ filePath: document.filePath ?? "<input>", diagnostics: document.diagnostics.filter((x) => x.ruleId === SYNTAX), document }))));
        state.exitCode = ExitCode.Findings;
        return;
      }
      let result;
      try {
        result = trace(documents, packet, node, { family: options.family === undefined ? undefined : options.family === "6" ? 6 : 4 });
      } catch (error) {
        if (error instanceof TraceError) throw new UsageError(error.message);
        throw error;
      }
      if (options.format === "json") io.stdout.write(`${JSON.stringify(traceJson(result, options.packet), null, 2)}\n`);
      else io.stdout.write(formatTraceText(result, `${options.packet}${options.state === "new" ? "" : ` (${options.state})`}`));
    });
}

async function readNode(options: TraceOptions, io: CliIo): Promise<NodeInfo> {
  const json = async (flag: string, path: string): Promise<unknown> => {
    const text = await readText(flag, path, io);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${flag} ${path}: not JSON (${(error as Error).message})`);
    }
  };
  const input: NodeInput = { local: options.local, route: options.route };
  if (options.addresses !== undefined) input.addresses = await json("--addresses", options.addresses);
  if (options.routes !== undefined) input.routes = await Promise.all(options.routes.map((r) => json("--routes", r)));
  if (options.ipRules !== undefined) input.rules4 = await json("--ip-rules", options.ipRules);
  if (options.ip6Rules !== undefined) input.rules6 = await json("--ip6-rules", options.ip6Rules);
  if (options.ipset !== undefined) input.ipset = await readText("--ipset", options.ipset, io);
  try {
    return new NodeInfo(input);
  } catch (error) {
    if (error instanceof NodeInputError) throw new UsageError(error.message);
    throw error;
  }
}

/** A file a flag names, or an UnreadableInput that says which flag and why. */
export async function readText(flag: string, path: string, io: CliIo): Promise<string> {
  try {
    return (await io.readFile(path)).toString("utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new UnreadableInput(`${flag}: cannot read ${path}: ${reason}`);
  }
}
