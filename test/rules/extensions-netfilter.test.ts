/**
 * The extension model (rules/netfilter/extensions/) against the real iptables 1.8.9, in a
 * network namespace: every match and target of a family is asked for its help
 * (`iptables -m NAME --help`, `-j NAME --help`), and every long option of the model is given to
 * getopt at the end of a command line (`iptables -C INPUT -m NAME --OPTION`):
 *
 * - an option the model lists exists (iptables does not say `unknown option`), and takes a
 *   value exactly when the model says so (`option "--OPTION" requires an argument`);
 * - every `--option` the extension's help names is an option of the model's extension;
 * - extensions whose kernel module this machine lacks are listed as iptables says so (the
 *   options are parsed by iptables itself, so they are still checked).
 *
 * Both backends, both families: about four seconds each.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { EXTENSIONS, findOption, optionsOf, type ExtensionData } from "../../rules/netfilter/index.js";
import { requireNetfilter, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";

const COMBINATIONS: [Backend, Family][] = [["nft", 4], ["legacy", 4], ["nft", 6], ["legacy", 6]];

interface Probe {
  key: string;
  args: string[];
}

/** Runs every probe in one shell inside the namespace; what each printed and its exit status. */
function runProbes(namespace: string, command: string, probes: Probe[]): Promise<Map<string, { said: string; status: number }>> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = probes.map((p, i) => `echo "@@${i}"; ${command} ${p.args.map(quote).join(" ")} 2>&1; echo "##$?"`).join("\n");
  return new Promise((resolve, reject) => {
    const child = spawn("ip", ["netns", "exec", namespace, "sh", "-s"], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("error", reject);
    child.on("close", () => {
      const results = new Map<string, { said: string; status: number }>();
      for (const part of out.split("@@").slice(1)) {
        const newline = part.indexOf("\n");
        const index = Number(part.slice(0, newline));
        const body = part.slice(newline + 1);
        const end = body.lastIndexOf("##");
        results.set(probes[index].key, { said: body.slice(0, end), status: Number(body.slice(end + 2)) });
      }
      resolve(results);
    });
    child.stdin.end(script);
  });
}

/** The long option names of an extension in a family, once each (an option may have a record per revision). */
const longNames = (e: ExtensionData, family: Family): string[] => [...new Set(optionsOf(e, family).flatMap((o) => o.names.filter((n) => n.startsWith("--"))))];

const selector = (e: ExtensionData): string[] => (e.kind === "match" ? ["-m", e.name] : ["-j", e.name]);
const probable = (e: ExtensionData, family: Family): boolean => e.families.includes(family) && e.name !== "standard";

/** iptables' own word on a module the kernel lacks: "Warning: Extension ipvs revision 0 not supported, missing kernel module?" */
const LACKING = /^Warning: Extension (\S+) revision \d+ not supported, missing kernel module\?\n/gm;

// The four run side by side: each waits on iptables processes most of its time.
describe("the extension model against the real iptables", { concurrency: true }, () => {
  for (const [backend, family] of COMBINATIONS) {
    const command = `${family === 6 ? "ip6tables" : "iptables"}-${backend}`;
    test(`the extension model against ${command}: every option exists and takes a value as the model says; every option the help lists is in the model`, async (t) => {
      if (!requireNetfilter(t)) return;
      const extensions = EXTENSIONS.filter((e) => probable(e, family));
      await withNamespace(`ext${backend}${family}`, async (ns) => {
        const probes: Probe[] = [{ key: "help", args: ["-h"] }];
        for (const e of extensions) {
          probes.push({ key: `help ${e.kind} ${e.name}`, args: [...selector(e), "--help"] });
          for (const name of longNames(e, family)) probes.push({ key: `${e.kind} ${e.name} ${name}`, args: ["-C", "INPUT", ...selector(e), name] });
        }
        const results = await runProbes(ns.name, command, probes);
        const generic = results.get("help")!.said;
        const problems: string[] = [];
        const lacking = new Set<string>();
        const older: string[] = [];
        for (const e of extensions) {
          const help = results.get(`help ${e.kind} ${e.name}`)!.said.replace(LACKING, (_all, name: string) => {
            lacking.add(name);
            return "";
          });
          assert.ok(help.startsWith(generic.slice(0, 200)), `${command} ${selector(e).join(" ")} --help: ${help.slice(0, 300)}`);
          const own = help.slice(generic.length);
          const known = new Set(optionsOf(e, family).flatMap((o) => o.names));
          for (const m of own.matchAll(/(?<![\w-])--[a-z0-9][a-z0-9-]*[a-z0-9]/g)) {
            if (!known.has(m[0])) problems.push(`${selector(e).join(" ")}: the help lists ${m[0]}, the model does not`);
          }
          const highest = `${family}:${Math.max(...(e.revisions[family] ?? [0]))}`;
          for (const name of longNames(e, family)) {
            const { said } = results.get(`${e.kind} ${e.name} ${name}`)!;
            // The option as the highest revision has it (iptables uses the highest the kernel has).
            const option = findOption(e, name, family)!;
            if (said.includes(`unknown option "${name}"`)) {
              // An older revision's option only (owner's --pid-owner) is unknown on a kernel that has a newer one.
              if (option.in !== undefined && !option.in.includes(highest)) {
                older.push(`${selector(e).join(" ")} ${name}`);
                continue;
              }
              problems.push(`${selector(e).join(" ")} ${name}: ${command} says unknown option`);
            }
            const needsValue = said.includes(`option "${name}" requires an argument`);
            if (needsValue !== option.value) problems.push(`${selector(e).join(" ")} ${name}: the model says ${option.value ? "it takes a value" : "no value"}, ${command} said: ${said.split("\n")[0]}`);
          }
        }
        // Reported as iptables reports them, not guessed: their options are iptables' to parse, and were checked.
        if (lacking.size) t.diagnostic(`${command}: this kernel (${spawnSync("uname", ["-r"], { encoding: "utf8" }).stdout.trim()}) lacks the module of ${[...lacking].sort().join(", ")}`);
        if (older.length) t.diagnostic(`${command}: options of older revisions only, unknown with this kernel: ${older.join(", ")}`);
        assert.deepEqual(problems, []);
      });
    });
  }
});
