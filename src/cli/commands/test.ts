/**
 * `iptlint test FILE... --cases packets.yaml`: packet assertions for CI. Each case's packet is
 * walked through the rulesets and each expectation checked; a failed one is a finding in the
 * cases file, reported in any of the lint formats (exit 1). A cases file that is not YAML or
 * does not fit the schema is one line with file:line:column (exit 2).
 */
import { Option, type Command } from "commander";
import { dirname, resolve } from "node:path";
import { parse, SYNTAX } from "../../../grammar/index.js";
import { NodeInfo, NodeInputError, type NodeInput } from "../../../rules/packet/index.js";
import { allRules } from "../../../rules/index.js";
import { checkCases } from "../../cases/check.js";
import { CasesError, loadCases, type PacketCase, type PlacedNode, type TextRange } from "../../cases/load.js";
import { formatNames, formatters, type FormatName } from "../../format/index.js";
import type { LintResult } from "../../lint.js";
import { UnreadableInput, UsageError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { readInputs } from "../inputs.js";
import type { CliIo } from "../io.js";
import { version } from "../package-info.js";
import { useColor } from "../terminal.js";
import type { CommandState } from "./shared.js";
import { readText } from "./trace.js";

interface TestOptions {
  cases: string[];
  addresses?: string;
  routes?: string[];
  ipRules?: string;
  ip6Rules?: string;
  ipset?: string;
  local?: string[];
  route?: string[];
  family?: "4" | "6";
  format: FormatName;
  outputFile?: string;
  color?: boolean;
  stdinFilename: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** A node fact and where to read its files from (and, from a cases file, where it was written). */
type Fact<T> = { value: T; dir: string; where?: string };
type NodeSpec = { [K in keyof PlacedNode]?: Fact<NonNullable<PlacedNode[K]>["value"]> };

export function registerTest(program: Command, io: CliIo, state: CommandState): void {
  program
    .command("test")
    .description("check packet cases (a YAML file of packets and what must happen to them) against the rulesets, for CI")
    .argument("<files...>", "iptables-save / ip6tables-save dumps of one node; - reads standard input")
    .requiredOption("--cases <file>", "the cases: a YAML file (see `iptlint init --cases`); repeatable", collect)
    .option("--addresses <file>", "the node's addresses: `ip -j addr` output (a case file's `node` wins)")
    .option("--routes <file>", "the node's routes: `ip -4 -j route show table all` output (repeatable)", collect)
    .option("--ip-rules <file>", "the node's policy routing rules: `ip -4 -j rule` output")
    .option("--ip6-rules <file>", "the node's IPv6 policy routing rules: `ip -6 -j rule` output")
    .option("--ipset <file>", "the node's ipsets: `ipset save` output")
    .option("--local <addresses>", "addresses of the node, comma-separated (repeatable)", collect)
    .option("--route <route>", 'a route of the node: "CIDR dev IFACE [via GW]" (repeatable)', collect)
    .addOption(new Option("--family <family>", "the files' family when their headers and names do not tell").choices(["4", "6"]))
    .addOption(new Option("-f, --format <format>", "report format").choices(formatNames).default("stylish"))
    .option("-o, --output-file <path>", "write the report to this file instead of standard output")
    .option("--color", "colour the report even when not on a terminal")
    .option("--no-color", "never colour the report")
    .option("--stdin-filename <name>", "the name to report for standard input", "<stdin>")
    .action(async (files: string[], options: TestOptions) => {
      const caseFiles = [];
      for (const path of options.cases) {
        const text = await readText("--cases", path, io);
        try {
          caseFiles.push(loadCases(text, path));
        } catch (error) {
          if (error instanceof CasesError) throw new UsageError(error.message);
          throw error;
        }
      }
      const base: NodeSpec = {};
      const flag = <T>(value: T | undefined): Fact<T> | undefined => (value === undefined ? undefined : { value, dir: io.cwd });
      base.local = flag(options.local);
      base.route = flag(options.route);
      base.addresses = flag(options.addresses);
      base.routes = flag(options.routes);
      base.ipset = flag(options.ipset);
      base.ipRules = flag(options.ipRules);
      base.ip6Rules = flag(options.ip6Rules);

      const inputs = await readInputs(files, options.stdinFilename, io);
      const documents = inputs.map((input) => parse(input.text, { filePath: input.name }));
      const results: LintResult[] = [];
      const broken = documents.filter((d) => d.diagnostics.some((x) => x.ruleId === SYNTAX));
      if (broken.length > 0) {
        // A walk over a file that did not parse would skip the lines it could not read.
        for (const document of broken) results.push({ filePath: document.filePath, diagnostics: document.diagnostics.filter((x) => x.ruleId === SYNTAX), document });
      } else {
        const nodes = new NodeCache(io);
        for (const file of caseFiles) {
          const dir = dirname(resolve(io.cwd, file.filePath));
          const specs = new Map<PacketCase, NodeSpec>();
          for (const c of file.cases) {
            const spec: NodeSpec = { ...base };
            for (const [key, placed] of Object.entries(c.node) as [keyof PlacedNode, { value: never; range: TextRange }][]) {
              spec[key] = { value: placed.value, dir, where: where(file.text, file.filePath, placed.range) };
            }
            specs.set(c, spec);
            await nodes.prepare(spec);
          }
          results.push(checkCases(file, documents, (c) => nodes.get(specs.get(c)!), options.family === undefined ? undefined : options.family === "6" ? 6 : 4));
        }
      }
      const color = options.outputFile === undefined && useColor(io.stdout, io.env, options.color);
      const report = formatters[options.format](results, { cwd: io.cwd, color, rules: allRules, version });
      if (options.outputFile === undefined) io.stdout.write(report);
      else await io.writeFileAtomic(options.outputFile, Buffer.from(report), { create: true });
      state.exitCode = results.some((r) => r.diagnostics.length > 0) ? ExitCode.Findings : ExitCode.Ok;
    });
}

/** `packets.yaml:3:5` for an offset of a cases file. */
function where(text: string, filePath: string, range: TextRange): string {
  const before = text.slice(0, range.start);
  const line = before.split("\n").length;
  return `${filePath}:${line}:${range.start - before.lastIndexOf("\n")}`;
}

/** The node of each distinct set of facts, its files read once. */
class NodeCache {
  private readonly texts = new Map<string, string>();
  private readonly nodes = new Map<string, NodeInfo>();

  constructor(private readonly io: CliIo) {}

  private path(fact: Fact<unknown>, file: string): string {
    return resolve(fact.dir, file);
  }

  private async read(fact: Fact<unknown>, file: string, name: string): Promise<void> {
    const path = this.path(fact, file);
    if (this.texts.has(path)) return;
    try {
      this.texts.set(path, (await this.io.readFile(path)).toString("utf8"));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      throw new UnreadableInput(`${fact.where === undefined ? `--${name}` : `${fact.where}: \`${name}\``}: cannot read ${file}: ${reason}`);
    }
  }

  /** Reads the files a spec names and builds its node (errors at the fact's place). */
  async prepare(spec: NodeSpec): Promise<void> {
    const key = JSON.stringify(spec);
    if (this.nodes.has(key)) return;
    if (spec.addresses) await this.read(spec.addresses, spec.addresses.value, "addresses");
    if (spec.ipset) await this.read(spec.ipset, spec.ipset.value, "ipset");
    if (spec.ipRules) await this.read(spec.ipRules, spec.ipRules.value, "ipRules");
    if (spec.ip6Rules) await this.read(spec.ip6Rules, spec.ip6Rules.value, "ip6Rules");
    for (const file of spec.routes?.value ?? []) await this.read(spec.routes!, file, "routes");
    const json = (fact: Fact<unknown>, file: string, name: string): unknown => {
      try {
        return JSON.parse(this.texts.get(this.path(fact, file))!);
      } catch (error) {
        throw new UsageError(`${fact.where === undefined ? `--${name}` : `${fact.where}: \`${name}\``}: ${file} is not JSON (${(error as Error).message})`);
      }
    };
    const input: NodeInput = { local: spec.local?.value, route: spec.route?.value };
    if (spec.addresses) input.addresses = json(spec.addresses, spec.addresses.value, "addresses");
    if (spec.routes) input.routes = spec.routes.value.map((file) => json(spec.routes!, file, "routes"));
    if (spec.ipset) input.ipset = this.texts.get(this.path(spec.ipset, spec.ipset.value));
    if (spec.ipRules) input.rules4 = json(spec.ipRules, spec.ipRules.value, "ipRules");
    if (spec.ip6Rules) input.rules6 = json(spec.ip6Rules, spec.ip6Rules.value, "ip6Rules");
    try {
      this.nodes.set(key, new NodeInfo(input));
    } catch (error) {
      if (!(error instanceof NodeInputError)) throw error;
      // The first fact of the spec written in the cases file is where to look.
      const at = Object.values(spec).find((f) => f?.where !== undefined)?.where;
      throw new UsageError(at === undefined ? error.message : `${at}: ${error.message}`);
    }
  }

  get(spec: NodeSpec): NodeInfo {
    return this.nodes.get(JSON.stringify(spec))!;
  }
}
