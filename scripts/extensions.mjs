#!/usr/bin/env node
/**
 * Generates rules/netfilter/extensions/data.ts (every match and target of iptables 1.8.9 with
 * its options) and grammar/option-arguments.ts (the lexer's table of which long options take a
 * value) from iptables' own sources: the `struct xt_option_entry` and `struct option` tables and
 * the `struct xtables_match` / `struct xtables_target` registrations of extensions/lib{xt,ipt,ip6t}_*.c,
 * the built-in options of iptables/iptables.c, and the sizes and constants of include/linux/.
 *
 * Rerun (needs a git mirror of iptables with the tag):
 *   node scripts/extensions.mjs [--mirror PATH] [--tag v1.8.9]
 * then `npm run compile` and review the diff. Facts are read, not code copied: the output is data.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const MIRROR = arg("--mirror", process.env.IPTABLES_MIRROR ?? "/work/.mirror/sailfishos-mirror+iptables/repo");
const TAG = arg("--tag", "v1.8.9");
const git = (...args) => execFileSync("git", ["--git-dir", MIRROR, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
const show = (path) => git("show", `${TAG}:${path}`);
const list = (folder) => git("ls-tree", "-r", "--name-only", TAG, folder).split("\n").filter(Boolean);

const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, "");

// ---------- constants: #defines, enums and array members of the kernel headers ----------
const KNOWN = {
  INT_MAX: 2147483647,
  UINT_MAX: 4294967295,
  UINT8_MAX: 255,
  UINT16_MAX: 65535,
  UINT32_MAX: 4294967295,
  IFNAMSIZ: 16,
  PATH_MAX: 4096, // linux/limits.h
  NAME_MAX: 255,
  NFPROTO_UNSPEC: 0,
  NFPROTO_IPV4: 2,
  NFPROTO_ARP: 3,
  NFPROTO_BRIDGE: 7,
  NFPROTO_IPV6: 10,
  PF_UNSPEC: 0,
  PF_INET: 2,
  PF_INET6: 10,
  AF_INET: 2,
  AF_INET6: 10,
  // libxt_TCPMSS.c takes it from netinet/ip6.h: sizeof(struct ip6_hdr).
  SIZEOF_STRUCT_IP6_HDR: 40,
};

function definesOf(text, into) {
  for (const m of text.replace(/\\\n/g, " ").matchAll(/^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]+([^\n]+)$/gm)) into[m[1]] = m[2].trim();
  return into;
}

function enumsOf(text, into) {
  for (const m of text.matchAll(/enum\s*\w*\s*\{([^}]*)\}/g)) {
    let next = 0;
    for (const part of m[1].split(",")) {
      const item = part.trim();
      if (!item) continue;
      const [name, expr] = item.split("=").map((s) => s.trim());
      const value = expr === undefined ? next : evaluate(expr, into);
      into[name] = value;
      if (typeof value === "number") next = value + 1;
    }
  }
  return into;
}

/** A C integer expression of literals and known names, or null when it has anything else. */
function evaluate(expr, names, depth = 0) {
  if (depth > 20) return null;
  let text = String(expr).trim();
  if (Object.hasOwn(KNOWN, text)) return KNOWN[text];
  text = text.replace(/sizeof\s*\(\s*\(\s*\(\s*(struct\s+\w+)\s*\*\s*\)\s*NULL\s*\)\s*->\s*(\w+)\s*\)/g, (all, struct, member) => {
    const size = memberSize(struct, member);
    return size === null ? all : String(size);
  });
  text = text.replace(/sizeof\s*\(\s*struct\s+(\w+)\s*\)/g, (all, struct) => String(STRUCT_SIZES[struct] ?? all));
  text = text.replace(/sizeof\s*\(\s*"([^"]*)"\s*\)/g, (all, literal) => String(literal.length + 1));
  let failed = false;
  const replaced = text.replace(/\b[A-Za-z_]\w*\b/g, (word) => {
    if (Object.hasOwn(KNOWN, word)) return `(${KNOWN[word]})`;
    if (Object.hasOwn(names, word)) {
      const v = typeof names[word] === "number" ? names[word] : evaluate(names[word], names, depth + 1);
      if (v === null) failed = true;
      return `(${v})`;
    }
    if (/^0x[0-9a-f]+$/i.test(word) || /^[0-9]+U?L*$/i.test(word)) return word;
    failed = true;
    return word;
  });
  if (failed) return null;
  const js = replaced.replace(/\b(0x[0-9a-f]+|[0-9]+)U?L*\b/gi, "$1");
  if (!/^[\s\d()xa-fA-F|&<>+\-*/~^]*$/.test(js)) return null;
  try {
    const value = Function(`"use strict"; return (${js});`)();
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

const headerFiles = list("include/linux").filter((f) => f.endsWith(".h"));
const headerText = headerFiles.map((f) => stripComments(show(f))).join("\n");
const headerNames = enumsOf(headerText, definesOf(headerText, {}));

/** sizeof a char array member of a struct in the kernel headers (only what a string option needs). */
function memberSize(struct, member, text = headerText, names = headerNames) {
  const name = struct.replace(/^struct\s+/, "");
  const open = new RegExp(`struct\\s+${name}\\s*\\{`).exec(text);
  if (!open) return null;
  const body = braced(text, open.index + open[0].length - 1);
  const field = new RegExp(`\\b(\\w+)\\s+${member}\\s*\\[([^\\]]+)\\]\\s*;`).exec(body);
  if (!field) return null;
  const count = evaluate(field[2], names);
  const unit = { char: 1, __u8: 1, uint8_t: 1, __u16: 2, __u32: 4 }[field[1]];
  return count === null || unit === undefined ? null : count * unit;
}

/** sizeof of the few structs the constants above use (linux/ip.h, linux/filter.h). */
const STRUCT_SIZES = { iphdr: 20, sock_filter: 8 };

/** Sizes of string members of kernel structs whose headers iptables does not carry (linux/netfilter/xt_LOG.h). */
const UAPI_MEMBERS = { "struct xt_log_info.prefix": 30 };

// ---------- C blocks ----------
/** The text between the brace at `open` and its match. */
function braced(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error("unbalanced braces");
}

/** Top-level `{...}` items of a block, and any other top-level words (macros). */
function items(block) {
  const out = [];
  let i = 0;
  while (i < block.length) {
    if (block[i] === "{") {
      const inner = braced(block, i);
      out.push({ braced: inner });
      i += inner.length + 2;
    } else if (/[\w]/.test(block[i])) {
      const m = /^\w+(\([^)]*\))?/.exec(block.slice(i));
      out.push({ word: m[0] });
      i += m[0].length;
    } else i++;
  }
  return out;
}

/** `.field = value` pairs of an initializer (and positional values), split at top-level commas. */
function fields(initializer) {
  const parts = [];
  let depth = 0;
  let start = 0;
  let quoted = false;
  for (let i = 0; i < initializer.length; i++) {
    const c = initializer[i];
    if (c === '"' && initializer[i - 1] !== "\\") quoted = !quoted;
    if (quoted) continue;
    if (c === "(" || c === "{") depth++;
    else if (c === ")" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(initializer.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(initializer.slice(start));
  const out = { positional: [] };
  for (const raw of parts.map((p) => p.trim()).filter(Boolean)) {
    const m = /^\.(\w+)\s*=\s*([\s\S]+)$/.exec(raw);
    if (m) out[m[1]] = m[2].trim();
    else {
      const pointer = /^XTOPT_POINTER\s*\(\s*(\w+(?:\s+\w+)?)\s*,\s*(\w+)\s*\)$/.exec(raw);
      if (pointer) out.pointer = { struct: pointer[1], member: pointer[2] };
      else out.positional.push(raw);
    }
  }
  return out;
}

const unquote = (s) => (s === undefined ? undefined : /^"(.*)"$/.exec(s)?.[1]);

// ---------- one extension source file ----------
function readFile(path) {
  const text = stripComments(show(path));
  const names = enumsOf(text, definesOf(text, { ...headerNames }));
  const tables = new Map();
  // xt_option_entry tables (x6_options), with the `#define s struct ...` in force at each.
  for (const m of text.matchAll(/struct\s+xt_option_entry\s+(\w+)\s*\[\s*\]\s*=\s*\{/g)) {
    const before = text.slice(0, m.index);
    const sDefine = [...before.matchAll(/#\s*define\s+s\s+(struct\s+\w+)/g)].at(-1)?.[1];
    const sUndef = before.lastIndexOf("#undef s") > before.lastIndexOf("#define s");
    const entries = [];
    for (const item of items(braced(text, m.index + m[0].length - 1))) {
      if (item.word) {
        if (item.word !== "XTOPT_TABLEEND") throw new Error(`${path}: ${m[1]}: unexpected ${item.word}`);
        continue;
      }
      const f = fields(item.braced);
      const name = unquote(f.name);
      if (name === undefined) continue;
      let size = null;
      if (f.pointer) {
        const struct = f.pointer.struct === "s" && !sUndef ? sDefine : f.pointer.struct;
        size = struct ? memberSize(struct, f.pointer.member) ?? memberSize(struct, f.pointer.member, text, names) : null;
        size ??= UAPI_MEMBERS[`${struct}.${f.pointer.member}`] ?? null;
        if (size === null && f.type === "XTTYPE_STRING") throw new Error(`${path}: size of ${struct}.${f.pointer.member} unknown`);
      }
      entries.push({
        name,
        id: f.id,
        type: (f.type ?? "XTTYPE_NONE").replace(/^XTTYPE_/, ""),
        flags: (f.flags ?? "").split("|").map((s) => s.trim().replace(/^XTOPT_/, "")).filter(Boolean),
        min: f.min === undefined ? undefined : evaluate(f.min, names),
        max: f.max === undefined ? undefined : evaluate(f.max, names),
        minText: f.min,
        maxText: f.max,
        also: f.also,
        excl: f.excl,
        size,
      });
    }
    tables.set(m[1], { kind: "x6", entries });
  }
  // struct option tables (extra_opts) of the extensions that still parse with getopt.
  for (const m of text.matchAll(/struct\s+option\s+(\w+)\s*\[\s*\]\s*=\s*\{/g)) {
    const entries = [];
    for (const item of items(braced(text, m.index + m[0].length - 1))) {
      if (item.word) continue;
      const f = fields(item.braced);
      const name = unquote(f.name ?? f.positional[0]);
      if (name === undefined) continue;
      const hasArg = f.has_arg ?? f.positional[1];
      const takes = { true: true, false: false, 1: true, 0: false, required_argument: true, no_argument: false }[hasArg];
      if (takes === undefined) throw new Error(`${path}: ${m[1]}: --${name} has_arg ${hasArg}`);
      entries.push({ name, id: f.val ?? f.positional[3], takes });
    }
    tables.set(m[1], { kind: "getopt", entries });
  }
  // Registrations.
  const registrations = [];
  for (const m of text.matchAll(/struct\s+xtables_(match|target)\s+(\w+)\s*(\[\s*\])?\s*=\s*\{/g)) {
    const block = braced(text, m.index + m[0].length - 1);
    const regs = m[3] ? items(block).filter((i) => i.braced).map((i) => i.braced) : [block];
    for (const reg of regs) {
      const f = fields(reg);
      const family = f.family === undefined ? 0 : evaluate(f.family, names);
      registrations.push({
        kind: m[1],
        name: unquote(f.name) ?? unquote(names[f.name]),
        realName: unquote(f.real_name),
        revision: f.revision === undefined ? 0 : evaluate(f.revision, names),
        family,
        table: f.x6_options ?? f.extra_opts,
      });
    }
  }
  return { path, names, tables, registrations };
}

// ---------- the model ----------
const FAMILIES = { 0: [4, 6], 2: [4], 10: [6] };
const sources = list("extensions").filter((f) => /^extensions\/lib(xt|ipt|ip6t)_\w+\.c$/.test(f));
const extensions = new Map(); // `${kind}:${name}` -> extension
const grammar = new Map(); // --option -> { args: Set, owners: Set }

for (const path of sources) {
  const file = readFile(path);
  for (const reg of file.registrations) {
    const families = FAMILIES[reg.family];
    if (reg.family === null || reg.name === undefined) throw new Error(`${path}: registration without a known family or name`);
    if (families === undefined) continue; // arp and bridge
    const key = `${reg.kind}:${reg.name}`;
    let ext = extensions.get(key);
    if (!ext) {
      ext = { name: reg.name, kind: reg.kind, revisions: { 4: new Set(), 6: new Set() }, options: new Map(), files: new Set() };
      extensions.set(key, ext);
    }
    if (reg.realName) ext.realName = reg.realName;
    ext.files.add(path.replace(/^extensions\//, ""));
    for (const family of families) ext.revisions[family].add(reg.revision);
    const table = reg.table ? file.tables.get(reg.table) : undefined;
    if (reg.table && !table) throw new Error(`${path}: table ${reg.table} not found`);
    for (const option of optionsOf(file, table, reg.name)) {
      // One record per distinct entry: an option whose entry differs by family or revision
      // (TCPMSS's --set-mss limit, conntrack's --ctorigsrc HOST then HOSTMASK) has one per variant.
      const id = JSON.stringify(option);
      const existing = ext.options.get(id);
      const tag = families.map((family) => `${family}:${reg.revision}`);
      if (existing) for (const t of tag) existing.where.add(t);
      else ext.options.set(id, { ...option, where: new Set(tag) });
      for (const name of option.names) {
        const g = grammar.get(name) ?? { args: new Set(), owners: new Map() };
        g.args.add(option.value ? "required" : "none");
        // By extension: its name when a registration for both families has the option, else name/4, name/6.
        const families = g.owners.get(reg.name) ?? new Set();
        families.add(reg.family);
        g.owners.set(reg.name, families);
        grammar.set(name, g);
      }
    }
  }
}

function optionsOf(file, table, extension) {
  if (!table) return [];
  const byId = new Map();
  const idsOf = new Map();
  for (const entry of table.entries) {
    const group = byId.get(entry.id);
    if (group) group.names.push(`--${entry.name}`);
    else byId.set(entry.id, { names: [`--${entry.name}`], entry });
  }
  // Option ids by bit, for .excl and .also (F_X = 1 << O_X).
  for (const [id, group] of byId) {
    const value = file.names[id] === undefined ? null : evaluate(id, file.names);
    if (value !== null) idsOf.set(value, group.names[0]);
  }
  const bitsToNames = (expr) => {
    if (expr === undefined) return undefined;
    const mask = evaluate(expr, file.names);
    if (mask === null) throw new Error(`${file.path}: cannot evaluate ${expr}`);
    const out = [];
    for (const [bit, name] of idsOf) if (mask & (2 ** bit)) out.push(name);
    return out.sort();
  };
  const out = [];
  for (const { names, entry } of byId.values()) {
    if (table.kind === "getopt") {
      out.push({ names, value: entry.takes, type: entry.takes ? `ext:${extension}:${names[0].slice(2)}` : "NONE", invert: null, mandatory: false, multi: null });
      continue;
    }
    const option = {
      names,
      value: entry.type !== "NONE",
      type: entry.type,
      invert: entry.flags.includes("INVERT"),
      mandatory: entry.flags.includes("MAND"),
      multi: entry.flags.includes("MULTI"),
    };
    if (entry.min !== undefined) option.min = entry.min ?? entry.minText;
    if (entry.max !== undefined) option.max = entry.max ?? entry.maxText;
    if (entry.type === "STRING" && entry.size !== null) option.size = entry.size;
    const excludes = bitsToNames(entry.excl)?.filter((n) => !names.includes(n));
    const also = bitsToNames(entry.also);
    if (excludes?.length) option.excludes = excludes;
    if (also?.length) option.also = also;
    out.push(option);
  }
  return out;
}

// Built-in options of iptables.c's original_opts that a rule line may hold (commands and
// listing flags are the grammar's).
const BUILTIN = [
  { names: ["-p", "--protocol"], value: true, type: "PROTOCOL", invert: true },
  { names: ["-s", "--source", "--src"], value: true, type: "HOSTMASK", invert: true },
  { names: ["-d", "--destination", "--dst"], value: true, type: "HOSTMASK", invert: true },
  { names: ["-i", "--in-interface"], value: true, type: "STRING", size: 16, invert: true },
  { names: ["-o", "--out-interface"], value: true, type: "STRING", size: 16, invert: true },
  { names: ["-f", "--fragments"], value: false, type: "NONE", invert: true, families: [4] },
  { names: ["-j", "--jump"], value: true, type: "STRING", invert: false },
  { names: ["-g", "--goto"], value: true, type: "STRING", invert: false },
  { names: ["-m", "--match"], value: true, type: "STRING", invert: false },
  { names: ["-c", "--set-counters"], value: true, type: "ext:builtin:set-counters", invert: false },
];
{
  // Checked against the source: every built-in above is in original_opts.
  const iptables = stripComments(show("iptables/iptables.c"));
  for (const b of BUILTIN) for (const n of b.names.filter((n) => n.startsWith("--"))) if (!iptables.includes(`"${n.slice(2)}"`)) throw new Error(`built-in ${n} not in iptables.c`);
}
const builtinLongOptions = [...stripComments(show("iptables/iptables.c")).matchAll(/\{\s*\.name\s*=\s*"([\w-]+)"/g)].map((m) => `--${m[1]}`);

// The protocols an extension needs in the rule (`-p`, not negated), by family: the kernel's `.proto`
// of the match or target, or its checkentry (multiport, TPROXY); not in iptables' sources, kept by
// hand and checked against rules/netfilter/protocols.ts and the real kernel by the rules' tests.
const TCP = ["tcp"];
const NEEDS_PROTOCOL = {
  "match:tcp": { 4: TCP, 6: TCP },
  "match:udp": { 4: ["udp"], 6: ["udp"] },
  "match:sctp": { 4: ["sctp"], 6: ["sctp"] },
  "match:dccp": { 4: ["dccp"], 6: ["dccp"] },
  "match:icmp": { 4: ["icmp"] },
  "match:icmp6": { 6: ["ipv6-icmp"] },
  "match:esp": { 4: ["esp"], 6: ["esp"] },
  // ip6tables' ah reads the extension header whatever the protocol.
  "match:ah": { 4: ["ah"] },
  "match:mh": { 6: ["mh"] },
  "match:ipcomp": { 4: ["ipcomp"], 6: ["ipcomp"] },
  "match:multiport": { 4: ["tcp", "udp", "udplite", "sctp", "dccp"], 6: ["tcp", "udp", "udplite", "sctp", "dccp"] },
  "match:tcpmss": { 4: TCP, 6: TCP },
  "target:TCPMSS": { 4: TCP, 6: TCP },
  "target:SYNPROXY": { 4: TCP, 6: TCP },
  "target:TCPOPTSTRIP": { 4: TCP, 6: TCP },
  "target:TPROXY": { 4: ["tcp", "udp"], 6: ["tcp", "udp"] },
};

// Protocols `-p` loads a match for (xtables_chain_protos and /etc/protocols names with a match).
// iptables loads `xtables_find_match(WORD)` for `-p WORD` (a number is first named by
// xtables_chain_protos, then /etc/protocols), and find_match reads `icmpv6` and `ipv6-icmp` as icmp6.
// Measured with iptables 1.8.9, nft and legacy: `-p ipv6-mh --mh-type 1`, `-p 135 --mh-type 1`
// (135 is named `mobility-header`) and `-p icmp6` are refused; `-p ipcomp --ipcompspi 5` loads.
const IMPLICIT = { tcp: ["tcp"], udp: ["udp"], sctp: ["sctp"], dccp: ["dccp"], icmp: ["icmp"], icmp6: ["ipv6-icmp", "icmpv6"], esp: ["esp"], ah: ["ah"], mh: ["mh"], ipcomp: ["ipcomp"] };

// Options iptables added, renamed or removed (iptables' ChangeLogs and man pages; kept by hand,
// each checked below against the tables read above).
const HISTORY = [
  { extension: "time", kind: "match", option: "--days", replacedBy: "--weekdays", note: "xt_time of iptables 1.4.0 replaced ipt_time's --days" },
  // addedIn: the first release tag whose source has the option, the file existing in the release
  // before without it (git log -S'"OPTION"' -- extensions/FILE; git tag --contains), so that a
  // file renamed from libipt_ to libxt_ does not pass for a new option.
  { extension: "MASQUERADE", kind: "target", option: "--random-fully", addedIn: "1.6.2" },
  { extension: "SNAT", kind: "target", option: "--random-fully", addedIn: "1.6.0" },
  { extension: "time", kind: "match", option: "--weekdays", addedIn: "1.4.0", note: "xt_time, which replaced ipt_time's --days" },
  { extension: "MARK", kind: "target", option: "--set-xmark", addedIn: "1.4.1" },
  { extension: "string", kind: "match", option: "--icase", addedIn: "1.4.2" },
  { extension: "connlimit", kind: "match", option: "--connlimit-upto", addedIn: "1.4.11" },
  { extension: "connlimit", kind: "match", option: "--connlimit-saddr", addedIn: "1.4.11" },
  { extension: "connlimit", kind: "match", option: "--connlimit-daddr", addedIn: "1.4.11" },
  { extension: "NFQUEUE", kind: "target", option: "--queue-bypass", addedIn: "1.4.11" },
  { extension: "socket", kind: "match", option: "--transparent", addedIn: "1.4.11" },
  { extension: "recent", kind: "match", option: "--mask", addedIn: "1.4.15" },
  { extension: "set", kind: "match", option: "--return-nomatch", addedIn: "1.4.16" },
  { extension: "set", kind: "match", option: "--update-counters", addedIn: "1.4.20" },
  { extension: "NFQUEUE", kind: "target", option: "--queue-cpu-fanout", addedIn: "1.4.20" },
  { extension: "socket", kind: "match", option: "--nowildcard", addedIn: "1.4.21" },
  { extension: "socket", kind: "match", option: "--restore-skmark", addedIn: "1.6.0" },
  { extension: "CT", kind: "target", option: "--zone-orig", addedIn: "1.6.0" },
  { extension: "CT", kind: "target", option: "--zone-reply", addedIn: "1.6.0" },
  { extension: "SET", kind: "target", option: "--map-set", addedIn: "1.6.0" },
  { extension: "bpf", kind: "match", option: "--object-pinned", addedIn: "1.6.1" },
  { extension: "cgroup", kind: "match", option: "--path", addedIn: "1.6.1" },
  { extension: "hashlimit", kind: "match", option: "--hashlimit-rate-match", addedIn: "1.6.2" },
  { extension: "hashlimit", kind: "match", option: "--hashlimit-rate-interval", addedIn: "1.6.2" },
  { extension: "hashlimit", kind: "match", option: "--hashlimit", replacedBy: "--hashlimit-upto", note: "revision 0's name, still read" },
  { extension: "state", kind: "match", option: "--state", replacedBy: "--ctstate", note: "state is an alias of conntrack, still read" },
];

for (const h of HISTORY) {
  const ext = extensions.get(`${h.kind}:${h.extension}`);
  const has = ext && [...ext.options.values()].some((o) => o.names.includes(h.option));
  if (!ext || has !== (h.removedIn === undefined && h.replacedBy === undefined ? true : h.note?.includes("still read") ?? false)) throw new Error(`history of ${h.extension} ${h.option} disagrees with the tables`);
}

// ---------- output ----------
const json = (v) => JSON.stringify(v);
const sortedExtensions = [...extensions.values()].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, "en") : a.kind === "match" ? -1 : 1));
const lines = [];
lines.push(`/**
 * Every match and target iptables ${TAG.slice(1)} ships for IPv4 and IPv6, with its options. Generated data: do not
 * edit by hand; rerun \`node scripts/extensions.mjs\` (it reads a git mirror of iptables, tag ${TAG}).
 *
 * Read from iptables' sources: each \`struct xtables_match\` / \`struct xtables_target\` registration of
 * extensions/libxt_*.c, libipt_*.c and libip6t_*.c (name, revision, family: NFPROTO_UNSPEC is both
 * families; arp and bridge registrations are left out), and the option table it points at: the
 * \`struct xt_option_entry\` table (\`.x6_options\`) or, for the extensions still parsing with getopt,
 * the \`struct option\` table (\`.extra_opts\`). Per option: its names (entries sharing an \`.id\` or
 * \`.val\` are aliases), whether it takes a value (\`.type\` other than XTTYPE_NONE; \`.has_arg\`), the
 * XTTYPE_* name without its prefix (for getopt extensions \`ext:<extension>:<option>\`, whose parser
 * is the extension's own), \`.min\`/\`.max\`, a string's buffer size from the kernel header
 * (\`XTOPT_POINTER\`: at most size - 1 bytes are kept), XTOPT_INVERT / MAND / MULTI (null: a getopt
 * extension, which decides in its own code), and \`.excl\` / \`.also\` as option names. Where
 * revisions or families differ, \`in\` lists the \`family:revision\` pairs that have the option; the
 * entries that differ (by family or revision) are records of their own, each with its \`in\`.
 */
import type { ExtensionData, OptionData, HistoryData } from "./types.js";
`);
lines.push("export const EXTENSIONS: readonly ExtensionData[] = [");
for (const ext of sortedExtensions) {
  const families = [4, 6].filter((f) => ext.revisions[f].size > 0);
  const revisions = Object.fromEntries(families.map((f) => [f, [...ext.revisions[f]].sort((a, b) => a - b)]));
  const allTags = new Set(families.flatMap((f) => revisions[f].map((r) => `${f}:${r}`)));
  const options = [...ext.options.values()].map((o) => {
    const out = { names: o.names, value: o.value, type: o.type, invert: o.invert };
    if (o.mandatory) out.mandatory = true;
    if (o.multi) out.multi = true;
    for (const k of ["min", "max", "size", "excludes", "also"]) if (o[k] !== undefined) out[k] = o[k];
    if (o.where.size !== allTags.size) out.in = [...o.where].sort();
    return out;
  });
  const implicit = ext.kind === "match" && IMPLICIT[ext.name] ? IMPLICIT[ext.name] : undefined;
  const record = { name: ext.name, kind: ext.kind, families, revisions, sources: [...ext.files].sort() };
  if (ext.realName) record.realName = ext.realName;
  if (implicit) record.implicitFor = implicit;
  if (NEEDS_PROTOCOL[`${ext.kind}:${ext.name}`]) record.needsProtocol = NEEDS_PROTOCOL[`${ext.kind}:${ext.name}`];
  lines.push(`  {${Object.entries(record).map(([k, v]) => `${k}: ${json(v)}`).join(", ")},`);
  lines.push(`   options: [${options.length ? "" : "]},"}`);
  if (options.length) {
    for (const o of options) lines.push(`    ${json(o).replace(/"(\w+)":/g, "$1: ")},`);
    lines.push("  ]},");
  }
}
lines.push("];\n");
lines.push("/** The options of iptables itself a rule may hold (iptables.c's original_opts). */");
lines.push(`export const BUILTIN_OPTIONS: readonly OptionData[] = [\n${BUILTIN.map((b) => `  ${json(b).replace(/"(\w+)":/g, "$1: ")},`).join("\n")}\n];\n`);
lines.push("/** Every long option of iptables.c's original_opts (commands and listing flags too): getopt reads their abbreviations on any line. */");
lines.push(`export const GLOBAL_LONG_OPTIONS: readonly string[] = ${json(builtinLongOptions)};\n`);
lines.push("/** Options iptables added, renamed or removed, by release (kept by hand in scripts/extensions.mjs, from iptables' ChangeLogs and man pages). */");
lines.push(`export const OPTION_HISTORY: readonly HistoryData[] = [\n${HISTORY.map((h) => `  ${json(h).replace(/"(\w+)":/g, "$1: ")},`).join("\n")}\n];`);
writeFileSync(join(root, "rules/netfilter/extensions/data.ts"), `${lines.join("\n")}\n`);

// The grammar's table (kept in grammar/ so that the grammar imports nothing from rules/).
const header = show("extensions/libxt_tcp.c") && undefined;
void header;
const g = [];
const entries = [...grammar.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
for (const [name, { args, owners }] of entries) {
  const argument = args.size > 1 ? "mixed" : [...args][0];
  const labels = [...owners].flatMap(([ext, families]) => (families.has(0) ? [ext] : [...families].sort().map((f) => `${ext}/${FAMILIES[f][0]}`)));
  g.push(`  ${json(name)}: [${[argument, ...labels.sort()].map(json).join(", ")}],`);
}
const grammarPath = join(root, "grammar/option-arguments.ts");
const existing = (await import("node:fs")).readFileSync(grammarPath, "utf8");
const start = existing.indexOf("export const EXTENSION_OPTIONS");
const open = existing.indexOf("{\n", start) + 2;
const close = existing.indexOf("\n};", open);
writeFileSync(grammarPath, `${existing.slice(0, open)}${g.join("\n")}${existing.slice(close)}`);
console.log(`${sortedExtensions.length} extensions, ${grammar.size} long options`);
